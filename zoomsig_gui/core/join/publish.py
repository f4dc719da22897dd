"""`zoomsig publish DIR`: zoomsig's join page as static files for any static web host.

The folder holds the page (index.html, join.js, join.css), the SDK error table
(errors.json), the page's states (states.json), the page's settings (config.json: the
Meeting SDK from Zoom's CDN by version, since the SDK's licence does not allow shipping
it), and header files for the common static hosts so that the page is served with
COOP/COEP (gallery view needs SharedArrayBuffer). A marker file lists what we wrote: a
folder is written into only when it is empty or a previous publish, and then only our own
files are replaced.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from zoomsig_gui.core.join.address import DEFAULT_SDK_VERSION
from zoomsig_gui.core.join.errors import errors_json
from zoomsig_gui.core.join.server import (
    SECURITY_HEADERS,
    ServerConfig,
    page_config,
)
from zoomsig_gui.core.join.states import states_json
from zoomsig_gui.core.resources import join_page_dir

MARKER = ".zoomsig-publish.json"
MARKER_SCHEMA = 1
PAGE_FILES = ("index.html", "join.js", "join.css")

HOSTING_NOTE = """# zoomsig join page

This folder is zoomsig's join page, made by `zoomsig publish`. Upload all of it (the files
starting with a dot and an underscore too) to a static web host, then tell zoomsig where it
is: `zoomsig link --base https://your.host/path/ --save-base`, or the window's
Settings → Join page address. `zoomsig publish --check https://your.host/path/` checks that
the address answers with this page.

The page loads the Zoom Meeting SDK {version} from Zoom's CDN ({cdn}); the SDK is never in
this folder. Gallery view needs the page to be served with the headers
`Cross-Origin-Opener-Policy: same-origin` and `Cross-Origin-Embedder-Policy: require-corp`.
The folder brings them for these hosts:

| host | file |
|---|---|
| Netlify, Cloudflare Pages | `_headers` |
| Vercel | `vercel.json` |
| Apache (with mod_headers) | `.htaccess` |
| Azure Static Web Apps | `staticwebapp.config.json` |

Elsewhere (GitHub Pages, for one, cannot set headers) the page still joins, without gallery
view. Serve it over https: a join link carries a live signature.

Links open this page with the meeting in the address (`?name=…&mn=…&signature=…`); the page
removes the signature, the passcode and any ZAK or OBF token from the address bar as soon as
it has read them.
"""


class PublishError(ValueError):
    """The folder cannot be written; the message says why and what to do."""


@dataclass(frozen=True)
class Published:
    folder: Path
    files: tuple[str, ...]  # the names written, in order


def _headers_file() -> str:
    lines = ["/*"] + [f"  {name}: {value}" for name, value in SECURITY_HEADERS]
    return "\n".join(lines) + "\n"


def _vercel_json() -> str:
    headers = [{"key": name, "value": value} for name, value in SECURITY_HEADERS]
    return json.dumps({"headers": [{"source": "/(.*)", "headers": headers}]}, indent=2) + "\n"


def _htaccess() -> str:
    lines = ["<IfModule mod_headers.c>"]
    lines += [f'  Header always set {name} "{value}"' for name, value in SECURITY_HEADERS]
    lines += ["</IfModule>", "AddType application/json .json", "DirectoryIndex index.html"]
    return "\n".join(lines) + "\n"


def _azure_config() -> str:
    return json.dumps({"globalHeaders": dict(SECURITY_HEADERS)}, indent=2) + "\n"


def site_files(sdk_version: str = DEFAULT_SDK_VERSION, china: bool = False) -> dict[str, bytes]:
    """Every file of a published folder (but the marker), by name."""
    page = join_page_dir()
    files = {name: (page / name).read_bytes() for name in PAGE_FILES}
    config = page_config(ServerConfig(sdk_version=sdk_version, china=china), None)
    cdn = "https://jssdk.zoomus.cn" if china else "https://source.zoom.us"
    files["errors.json"] = errors_json()
    files["states.json"] = states_json()  # the page's headline for each state
    files["config.json"] = json.dumps(config, indent=1).encode("utf-8")
    files["_headers"] = _headers_file().encode("utf-8")
    files["vercel.json"] = _vercel_json().encode("utf-8")
    files[".htaccess"] = _htaccess().encode("utf-8")
    files["staticwebapp.config.json"] = _azure_config().encode("utf-8")
    files["HOSTING.md"] = HOSTING_NOTE.format(version=sdk_version, cdn=cdn).encode("utf-8")
    return files


def _ours(folder: Path) -> set[str] | None:
    """The names a previous publish wrote here, or None when the marker is missing or bad."""
    try:
        data = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        return None
    return set(files)


def _check_folder(folder: Path, names: list[str]) -> None:
    if folder.exists() and not folder.is_dir():
        raise PublishError(f"{folder} is a file, not a folder: give a new or empty folder.")
    if not folder.exists():
        return
    present = sorted(p.name for p in folder.iterdir())
    if not present:
        return
    ours = _ours(folder)
    if ours is None:
        shown = ", ".join(present[:5]) + (", …" if len(present) > 5 else "")
        raise PublishError(
            f"{folder} already holds files that zoomsig did not write ({shown}). Give a new "
            "or empty folder: zoomsig never replaces files that are not its own."
        )
    theirs = sorted(n for n in names if (folder / n).exists() and n not in ours)
    if theirs:
        raise PublishError(
            f"{folder} is an earlier zoomsig publish, but {', '.join(theirs)} was not written "
            "by zoomsig: move it away first; zoomsig never replaces files that are not its own."
        )


def publish(folder: Path, sdk_version: str = DEFAULT_SDK_VERSION, china: bool = False) -> Published:
    """Write the join page into ``folder`` (made if missing); raises PublishError."""
    files = site_files(sdk_version, china)
    names = [*files, MARKER]
    _check_folder(folder, names)
    marker = {"schema": MARKER_SCHEMA, "sdkVersion": sdk_version, "files": names}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, body in files.items():
            (folder / name).write_bytes(body)
        (folder / MARKER).write_text(json.dumps(marker, indent=1) + "\n", encoding="utf-8")
    except OSError as exc:
        raise PublishError(
            f"Could not write the join page into {folder}: {exc.strerror or exc}. "
            "Check that the folder is writable."
        ) from exc
    return Published(folder, tuple(names))
