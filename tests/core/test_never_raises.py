"""No input makes the inspector raise: it always answers with findings."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.tokens import NOW, SECRET
from zoomsig_gui.core.inspection.inspector import inspect
from zoomsig_gui.core.tokens.jwt import b64url_encode, sign

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=10,
)
claim_names = st.sampled_from(
    [
        "appKey",
        "sdkKey",
        "mn",
        "role",
        "iat",
        "exp",
        "tokenExp",
        "video_webrtc_mode",
        "apiKey",
        "app_key",
        "tpc",
        "x",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text(text: str) -> None:
    assert inspect(text, secret=SECRET, now=NOW).findings


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(claim_names, json_values),
    st.dictionaries(st.sampled_from(["alg", "typ", "kid"]), json_values),
)
def test_any_claims(claims: dict, header: dict) -> None:
    report = inspect(sign(claims, SECRET, header or None), secret=SECRET, now=NOW)
    json.dumps(report.to_dict())  # the CLI's JSON can always be written


@settings(max_examples=200, deadline=None)
@given(st.binary(), st.binary(), st.binary())
def test_any_segments(a: bytes, b: bytes, c: bytes) -> None:
    text = ".".join(b64url_encode(x) for x in (a, b, c))
    assert inspect(text, secret=SECRET, now=NOW).findings is not None


# What a customer's token may hold that the plain strategies above never make: lone
# surrogates, control characters, markup, integers of hundreds of digits, floats for ints.
odd_text = st.lists(
    st.characters()
    | st.integers(0xD800, 0xDFFF).map(chr)
    | st.sampled_from(["\x00", "\x01", "\x7f", "\u2028", "<b>Zoom</b>", "%41", "."]),
    max_size=8,
).map("".join)
odd_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(10**399, 10**4000)
    | st.sampled_from([0.0, 1.0, -1.0, 1e300, 1700000000.5])
    | odd_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(odd_text, inner, max_size=3),
    max_leaves=8,
)
odd_claims = st.dictionaries(claim_names | odd_text, odd_values, max_size=8)


def _cli(argv: list[str]) -> tuple[int, bytes]:
    """The whole command as a terminal runs it: stdout and stderr encode strictly to UTF-8."""
    import io
    import sys

    from zoomsig_gui.cli import main

    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        code = main(argv)
        out.flush()
        err.flush()
    finally:
        sys.stdout, sys.stderr = saved
    assert b"internal error" not in err.buffer.getvalue()
    return code, out.buffer.getvalue()


@settings(max_examples=60, deadline=None)
@given(odd_claims)
def test_cli_output_path(claims: dict) -> None:
    import os

    os.environ["ZOOMSIG_TEST_SECRET"] = SECRET
    token = sign(claims, SECRET)
    secret = ["--secret-env", "ZOOMSIG_TEST_SECRET"]
    for argv, is_json in (
        (["inspect", *secret], False),
        (["inspect", "--json", *secret], True),
        (["report"], False),
        (["report", "--format", "json"], True),
        (["reproduce", "--fix", "--key", "k", *secret], False),
        (["reproduce", "--fix", "--json", "--key", "k", *secret], True),
    ):
        code, out = _cli([*argv, "--now", str(NOW), token])
        assert code in (0, 1, 2), argv
        text = out.decode("utf-8")
        if is_json and code != 2:
            json.loads(text)


@settings(max_examples=100, deadline=None)
@given(odd_claims)
def test_report_reproduce_fixall(claims: dict) -> None:
    from zoomsig_gui.core.support.casereport import build_case, render
    from zoomsig_gui.core.support.fixall import FixError, fix_all
    from zoomsig_gui.core.support.reproduce import ReproduceError, reproduce

    token = sign(claims, SECRET)
    case = build_case(token, secret=SECRET, now=NOW)
    for fmt in ("md", "json"):
        render(case, fmt).encode("utf-8", "backslashreplace")
    try:
        reproduce(token, "k", SECRET, now=NOW).to_dict()
    except ReproduceError:
        pass
    try:
        fix_all(token, "k", SECRET, now=NOW).to_dict()
    except FixError:
        pass


@settings(max_examples=100, deadline=None)
@given(odd_claims)
def test_history_reads_back_what_it_wrote(claims: dict) -> None:
    import tempfile
    from pathlib import Path

    from zoomsig_gui.core.store.history import History, entry_from_inspection

    report = inspect(sign(claims, SECRET), secret=SECRET, now=NOW)
    with tempfile.TemporaryDirectory() as folder:
        history = History(Path(folder) / "history.json")
        history.add(entry_from_inspection(report, made_at=NOW))
        assert len(history.entries()) == 1
        assert history.pop_notices() == []  # the file was not set aside
