"""A static web host on loopback that applies a folder's `_headers` file as Netlify and
Cloudflare Pages do (only the `/*` rule, which is all `zoomsig publish` writes)."""

from __future__ import annotations

import functools
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

from tests.helpers.loopback_http import LoopbackHttp, QuietHandler


def read_headers_file(folder: Path) -> list[tuple[str, str]]:
    path = folder / "_headers"
    if not path.is_file():
        return []
    found: list[tuple[str, str]] = []
    rule = None
    for line in path.read_text().splitlines():
        if line and not line[0].isspace():
            rule = line.strip()
        elif rule == "/*" and ":" in line:
            name, value = line.split(":", 1)
            found.append((name.strip(), value.strip()))
    return found


class StaticHost(LoopbackHttp):
    """``with StaticHost(folder) as host: host.url``; ``apply_headers=False`` is a plain host."""

    def __init__(self, folder: Path, apply_headers: bool = True) -> None:
        extra = read_headers_file(folder) if apply_headers else []

        class Handler(SimpleHTTPRequestHandler, QuietHandler):
            def end_headers(self) -> None:
                for name, value in extra:
                    self.send_header(name, value)
                super().end_headers()

        super().__init__(functools.partial(Handler, directory=str(folder)))
