"""Time `zoomsig inspect` and `zoomsig token` as whole processes against `python -c "import jwt"`.

The floor is the cost of starting Python and importing one small JWT library; the CLI
should stay within 1.5x of it (nothing heavy, no Qt, on the CLI path).
Usage: python bench/cli_bench.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

KEY = "lAzXXLSJQyKbYI1xZwqQOw"
SECRET = "benchSecret-0123456789abcdefghijklmnop"  # passed in the environment, never argv


def timed(argv: list[str], stdin: str | None, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, input=stdin, capture_output=True, text=True, env=env, check=False)
    return time.perf_counter() - start


def median_ms(argv: list[str], runs: int, stdin: str | None = None) -> float:
    env = {**os.environ, "BENCH_SECRET": SECRET}
    timed(argv, stdin, env)  # warm the file cache
    return statistics.median(timed(argv, stdin, env) for _ in range(runs)) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    py = sys.executable
    cli = [py, "-m", "zoomsig_gui.cli"]
    token_cmd = cli + [
        "token",
        "--key",
        KEY,
        "--secret-env",
        "BENCH_SECRET",
        "--meeting",
        "81198873582",
        "--role",
        "0",
    ]
    env = {**os.environ, "BENCH_SECRET": SECRET}
    token = subprocess.run(
        token_cmd, capture_output=True, text=True, env=env, check=True
    ).stdout.strip()
    rows = [
        ('python -c "import jwt" (floor)', median_ms([py, "-c", "import jwt"], args.runs)),
        ("zoomsig token", median_ms(token_cmd, args.runs)),
        ("zoomsig inspect --json", median_ms(cli + ["inspect", "--json", token], args.runs)),
        ("zoomsig inspect (report)", median_ms(cli + ["inspect", "-"], args.runs, token)),
    ]
    floor = rows[0][1]
    print(f"{'command':34} {'median ms':>10} {'x floor':>8}   ({args.runs} runs each)")
    for name, ms in rows:
        print(f"{name:34} {ms:10.1f} {ms / floor:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
