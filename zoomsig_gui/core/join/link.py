"""Join-page links in the query format of Zoom's CDN sample (CDN/js/tool.js).

``?name=<base64 utf-8>&mn=&email=<base64 utf-8>&pwd=&role=&lang=&signature=&china=0|1``
plus our optional ``zak`` and ``obfToken``. One link works with zoomsig's local page and
with a company's hosted copy of Zoom's sample. A link carries a live signature: treat it
like a password until it expires.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import platformdirs

from zoomsig_gui.core.join.address import DEFAULT_PORT, HOST
from zoomsig_gui.core.store.jsonfile import read_json, write_json_atomic
from zoomsig_gui.core.timefmt import relative_text, when_text
from zoomsig_gui.core.tokens.jwt import b64_decode_any

DEFAULT_LANG = "en-US"
VIEWS = ("client", "component")
SETTINGS_SCHEMA = 1
_LANG = re.compile(r"[a-z]{2}-[A-Z]{2}")
BOTH_TOKENS = (
    "Give a ZAK or an OBF token, not both: Zoom refuses the two together with error 3636 "
    "(“obfToken and zak cannot be used simultaneously”). Use the ZAK to join as that Zoom "
    "user (the host), or the OBF token to join a meeting of another account on behalf of a "
    "user who is in it."
)


class JoinLinkError(ValueError):
    """A link or its parts cannot be used; the message says what to change."""


@dataclass(frozen=True)
class JoinParams:
    name: str
    meeting_number: str
    signature: str
    role: int = 0
    passcode: str = ""
    email: str = ""
    lang: str = DEFAULT_LANG
    china: bool = False
    zak: str = ""
    obf_token: str = ""
    view: str = "client"  # "component": the SDK's Component View (ZoomMtgEmbedded)


def local_page_url(port: int = DEFAULT_PORT) -> str:
    return f"http://{HOST}:{port}/"


def b64_text(text: str) -> str:
    """Standard base64 of UTF-8, as the sample's b64EncodeUnicode makes it."""
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def text_from_b64(value: str) -> str:
    """Undo b64_text; a value that is not base64 is taken as plain text (the sample does)."""
    try:
        return b64_decode_any(value.replace(" ", "+")).decode("utf-8")
    except (ValueError, UnicodeDecodeError, binascii.Error):
        return value


def check_base(base: str) -> str:
    """An http(s) URL without a query; raises JoinLinkError."""
    parts = urlsplit(base.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise JoinLinkError(
            f"“{base}” is not a web address: give the page's http(s) URL, "
            "e.g. https://example.com/zoom/meeting.html."
        )
    if parts.query or parts.fragment:
        raise JoinLinkError("Give the page's address without ?… or #… in it.")
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", "", ""))


def is_loopback(base: str) -> bool:
    """True when the address is this computer's own (only this computer can open it)."""
    return urlsplit(base).hostname in (HOST, "localhost", "::1")


def is_unencrypted_remote(base: str) -> bool:
    """True when the link would send its live token over plain http to another computer."""
    return urlsplit(base).scheme == "http" and not is_loopback(base)


def where_it_works(base: str) -> str:
    """Where a link to ``base`` opens, said before it is copied or shared."""
    if is_loopback(base):
        return (
            "This link works only on this computer while zoomsig is open: its join page is "
            "served by zoomsig here. A colleague on another computer needs a hosted join "
            "page (Settings → Join page address; `zoomsig publish` writes its files)."
        )
    return (
        f"This link opens the hosted join page at {urlsplit(base).netloc}: it works on any "
        "computer that can reach that address."
    )


def build_link(base: str, params: JoinParams) -> str:
    if not params.name.strip():
        raise JoinLinkError("A display name is needed (--name): it is shown in the meeting.")
    if not re.fullmatch(r"\d{9,11}", params.meeting_number):
        raise JoinLinkError("The meeting number must be 9 to 11 digits.")
    if params.zak and params.obf_token:
        raise JoinLinkError(BOTH_TOKENS)
    if not _LANG.fullmatch(params.lang):
        raise JoinLinkError(f"“{params.lang}” is not a language code such as en-US or de-DE.")
    query = [
        ("name", b64_text(params.name)),
        ("mn", params.meeting_number),
        ("email", b64_text(params.email)),
        ("pwd", params.passcode),
        ("role", str(params.role)),
        ("lang", params.lang),
        ("signature", params.signature),
        ("china", "1" if params.china else "0"),
    ]
    if params.zak:
        query.append(("zak", params.zak))
    if params.obf_token:
        query.append(("obfToken", params.obf_token))
    if params.view not in VIEWS:
        raise JoinLinkError(f"The view must be one of {', '.join(VIEWS)}.")
    if params.view != "client":  # the sample's pages know only Client View: keep links short
        query.append(("view", params.view))
    parts = urlsplit(check_base(base))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


def parse_link(url: str) -> JoinParams:
    """Read a link in the sample's format back (what the join page does)."""
    query = dict(parse_qsl(urlsplit(url.strip()).query, keep_blank_values=True))
    if not query.get("mn") or not query.get("signature"):
        raise JoinLinkError("This is not a join link: it has no mn= or no signature= part.")
    try:
        role = int(query.get("role") or 0)
    except ValueError as exc:
        raise JoinLinkError("The link's role= is not 0 or 1.") from exc
    return JoinParams(
        name=text_from_b64(query.get("name", "")),
        meeting_number=query["mn"],
        signature=query["signature"],
        role=role,
        passcode=query.get("pwd", ""),
        email=text_from_b64(query.get("email", "")),
        lang=query.get("lang") or DEFAULT_LANG,
        china=query.get("china") == "1",
        zak=query.get("zak", ""),
        obf_token=query.get("obfToken", ""),
        view="component" if query.get("view") == "component" else "client",
    )


def signature_expiry(token: str) -> int | None:
    """The token's exp claim, or None when it cannot be read."""
    try:
        exp = json.loads(b64_decode_any(token.split(".")[1])).get("exp")
    except (ValueError, IndexError, AttributeError, UnicodeDecodeError):
        return None
    return exp if isinstance(exp, int) and not isinstance(exp, bool) else None


def link_notice(base: str, exp: int | None, now: float) -> str:
    """Where the link works and until when: what the window and `zoomsig link` say."""
    return f"{where_it_works(base)} {expiry_notice(exp, now)}"


def expiry_notice(exp: int | None, now: float) -> str:
    """What stderr and the window say about a link before it is shared."""
    if exp is None:
        return (
            "This link carries a live signature: anyone who has it can join with it. "
            "Its expiry could not be read."
        )
    when = f"{when_text(exp)} ({relative_text(exp, now)})"
    if exp <= now:
        return f"This link's signature expired at {when}; it will fail with error 3705."
    return (
        f"This link carries a live signature: anyone who has it can join with it until "
        f"{when}. Share it only with your tester."
    )


# --- the saved base URL: a small setting, not a secret ---------------------------------


def settings_path() -> Path:
    return Path(platformdirs.user_config_dir("zoomsig")) / "joinlink.json"


def saved_base(path: Path | None = None) -> str | None:
    """The saved hosted page's address; None (the local page) when none can be read."""
    try:
        loaded = read_json(path or settings_path(), SETTINGS_SCHEMA)
    except OSError:
        return None
    value = (loaded.data or {}).get("base_url")
    return value if isinstance(value, str) and value else None


def save_base(base: str | None, path: Path | None = None) -> None:
    """Save a hosted page's address for future links; None forgets it (local page again)."""
    data: dict[str, Any] = {"schema": SETTINGS_SCHEMA}
    if base:
        data["base_url"] = check_base(base)
    target = path or settings_path()
    try:
        write_json_atomic(target, data)
    except OSError as exc:
        raise JoinLinkError(
            f"Could not save the base URL to {target}: "
            f"{exc.strerror or exc}. Check that the folder is writable."
        ) from exc
