"""The SDK's own words for its join errors, read from the SDK folder in use.

The Meeting SDK ships its messages in ``lib/lang/en-US.json`` as {message key: text}; its
bundle maps each error code to a message key. We read the keys from the bundle of the
folder in use (so they match its version) and fall back to those of SDK 6.2.0.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from zoomsig_gui.core.join.sdkfolder import SdkFolder

LANG_FILE = Path("lib") / "lang" / "en-US.json"
# Code → message key in SDK 6.2.0 (the bundle's error tables), for bundles we cannot read.
KEYS_620 = {
    "1": "apac.errorcodes_fail",
    "3000": "apac.errorcodes_web_has_in_progress",
    "3001": "apac.errorcodes_not_exist",
    "3004": "apac.errorcodes_wrong_pass",
    "3005": "apac.errorcodes_email_require",
    "3008": "apac.errorcodes_not_start",
    "3099": "apac.errorcodes_register",
    "3611": "apac.errorcodes_need_use_zoom_desktop_or_mobile",
    "3633": "apac.errorcodes_frequent_call",
    "3634": "apac.errorcodes_frequent_join",
    "3635": "apac.errorcodes_wasm_fail",
    "3636": "apac.errorcodes_obf",
    "3704": "apac.errorcodes_pac_api_wrong",
    "3705": "apac.errorcodes_pac_signature_expired",
    "3706": "apac.errorcodes_pac_mn_wrong",
    "3707": "apac.errorcodes_pac_mn_not_fount",
    "3708": "apac.errorcodes_pac_role_error",
    "3709": "apac.errorcodes_pac_host_not_found",
    "3710": "apac.errorcodes_pac_api_disabled",
    "3711": "apac.errorcodes_pac_cant_host_other_mn",
    "3712": "apac.errorcodes_pac_invalid_signature",
    "3713": "apac.errorcodes_pac_no_permission",
    "4003": "apac.invalid_parameter",
    "4011": "apac.errorcodes_not_allow_cross_join",
    "4012": "apac.errorcodes_not_allow_anonymous_join",
    "4013": "apac.errorcodes_not_allow_anonymous_join",
    "4014": "apac.errorcodes_obf_invalid",
    "4015": "apac.errorcodes_obf_meeting_number_mismatch",
    "4016": "apac.errorcodes_recording_token_expired",
    "4017": "apac.errorcodes_authorized_user_not_in_meeting",
    "4018": "apac.errorcodes_conflict_with_login_credentials",
    "4019": "apac.errorcodes_authorized_user_leave_meeting",
    "6603": "apac.errorcodes_blocked_by_host_admin",
    "10000": "apac.errorcodes_meeting_websdk_version_need_update",
}
# In the bundle: the public tables {"apac.key":code}, and the pair of enums
# {SUCCESS:0,FAIL:1,…} / {SUCCESS:"apac.errorcodes_success",…} that name the others.
_KEY_CODE = re.compile(r'"(apac\.[A-Za-z0-9_.]{1,100})":(\d{1,6}(?:e\d)?)[,}]')
_ENUM_CODES = "{SUCCESS:0,FAIL:1,"
_ENUM_KEYS = '{SUCCESS:"apac.errorcodes_success",'
_NAME_CODE = re.compile(r"([A-Z_]{1,60}):(\d{1,6}(?:e\d)?)")
_NAME_KEY = re.compile(r'([A-Z_]{1,60}):"(apac\.[A-Za-z0-9_.]{1,100})"')
_MAX_ENUM = 20_000  # characters: each enum is a few hundred


def sdk_messages(folder: SdkFolder) -> dict[str, str]:
    """{error code: the SDK's own English message}; empty when the folder has none."""
    lang = folder.path / LANG_FILE
    bundle = folder.path / folder.client_file
    return dict(_messages(str(lang), _mtime(lang), str(bundle), _mtime(bundle)))


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return -1.0


@lru_cache(maxsize=4)
def _messages(
    lang: str, _lang_mtime: float, bundle: str, _bundle_mtime: float
) -> tuple[tuple[str, str], ...]:
    try:
        texts = json.loads(Path(lang).read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return ()
    if not isinstance(texts, dict):
        return ()
    try:
        source = Path(bundle).read_text(encoding="utf-8", errors="replace")
    except OSError:
        source = ""
    found = _bundle_keys(source)
    out: dict[str, str] = {}
    for code in sorted({*KEYS_620, *found}, key=_code_order):
        for key in (KEYS_620.get(code), *found.get(code, ())):
            # A few messages (4019's) are only in the bundle's own English table.
            text = texts.get(key) if key in texts else _english_in_bundle(source, key)
            if isinstance(text, str) and text.strip():
                out[code] = text.strip()
                break
    return tuple(out.items())


def _english_in_bundle(source: str, key: str | None) -> str | None:
    """The bundle's first text for the key: its English table comes before the others."""
    if not key:
        return None
    prefix = f'"{key}":"'
    at = source.find(prefix)
    if at < 0:
        return None
    start = at + len(prefix)
    end = source.find('"', start, start + 1000)
    raw = source[start:end] if end > 0 else ""
    return raw if raw and "\\" not in raw else None


def _code_order(code: str) -> tuple[int, str]:
    return (int(code), code) if code.isdigit() else (0, code)


def _bundle_keys(text: str) -> dict[str, list[str]]:
    """{code: message keys} as this version's bundle has them."""
    out: dict[str, list[str]] = {}
    for key, code in _KEY_CODE.findall(text):
        out.setdefault(_number(code), []).append(key)
    codes, keys = _enum(text, _ENUM_CODES, _NAME_CODE), _enum(text, _ENUM_KEYS, _NAME_KEY)
    for name, code in codes.items():
        if name in keys:
            out.setdefault(_number(code), []).append(keys[name])
    return out


def _enum(text: str, start: str, pairs: re.Pattern[str]) -> dict[str, str]:
    at = text.find(start)
    if at < 0:
        return {}
    end = text.find("}", at, at + _MAX_ENUM)
    return dict(pairs.findall(text, at, end if end > 0 else at))


def _number(code: str) -> str:
    """The bundle writes 3000 as 3e3 and 10000 as 1e4."""
    return str(int(float(code))) if "e" in code else code
