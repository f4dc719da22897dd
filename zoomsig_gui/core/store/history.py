"""History: setups made or inspected, kept locally so one can be restored into the form.

Each entry says when, which profile, meeting number, role, expiry and a findings summary.
There is no field for a token, a passcode or a secret, so none can be written. The file
lives in the user data folder (platformdirs, honours XDG_DATA_HOME), is written atomically,
and a file that cannot be read is set aside and reported, never overwritten.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from zoomsig_gui.core.inspection.inspector import Inspection
from zoomsig_gui.core.inspection.rules import ERROR, MS_THRESHOLD, WARNING
from zoomsig_gui.core.store.jsonfile import read_json, set_aside, write_json_atomic
from zoomsig_gui.core.tokens.request import (
    DEFAULT_BACKDATE_S,
    DEFAULT_EXPIRY_S,
    MAX_BACKDATE_S,
    MAX_EXPIRY_S,
    MIN_EXPIRY_S,
    TokenRequest,
)

SCHEMA = 1
FILE_NAME = "history.json"
LIMIT = 200
ACTIONS = ("made", "inspected", "reproduced", "fixed")
T = TypeVar("T")


class HistoryError(ValueError):
    """The history file could not be written; the message says where and why."""


@dataclass(frozen=True)
class Setup:
    """What the Make form needs to be filled in again: the credentials' name and what the
    token was made for (its key comes from those credentials). Never a secret or passcode."""

    profile: str | None
    request: TokenRequest  # key "": the profile's key is used when signing


@dataclass(frozen=True)
class HistoryEntry:
    when: float
    action: str
    profile: str | None
    meeting_number: str | None
    role: int | None
    expires_at: int | None  # exp, seconds since 1970
    expires_s: int | None  # exp − iat
    backdate_s: int | None
    webrtc_mode: int | None
    summary: str  # "ok", or "2 errors: appkey-missing, expired"
    codes: tuple[str, ...] = field(default_factory=tuple)

    def setup(self) -> Setup:
        expires = (
            self.expires_s
            if self.expires_s and MIN_EXPIRY_S <= self.expires_s <= MAX_EXPIRY_S
            else DEFAULT_EXPIRY_S
        )
        backdate = (
            self.backdate_s
            if self.backdate_s is not None and 0 <= self.backdate_s <= MAX_BACKDATE_S
            else DEFAULT_BACKDATE_S
        )
        request = TokenRequest(
            "", self.meeting_number, self.role, expires, backdate, self.webrtc_mode
        )
        return Setup(self.profile, request)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["codes"] = list(self.codes)
        return data

    @classmethod
    def from_dict(cls, data: object) -> HistoryEntry:
        """Raises ValueError for anything that is not an entry we wrote."""
        if not isinstance(data, dict):
            raise ValueError("not an object")

        def opt(name: str, kind: type[T] | tuple[type[T], ...]) -> T | None:
            value = data.get(name)
            if value is not None and (not isinstance(value, kind) or isinstance(value, bool)):
                raise ValueError(f"{name} has the wrong type")
            return value

        when = opt("when", (int, float))
        action = data.get("action")
        codes = data.get("codes", [])
        if (
            when is None
            or action not in ACTIONS
            or not isinstance(codes, list)
            or not all(isinstance(c, str) for c in codes)
        ):
            raise ValueError("missing or wrong fields")
        return cls(
            float(when),
            action,
            opt("profile", str),
            opt("meeting_number", str),
            opt("role", int),
            opt("expires_at", int),
            opt("expires_s", int),
            opt("backdate_s", int),
            opt("webrtc_mode", int),
            str(data.get("summary", "")),
            tuple(codes),
        )


def summary_of(inspection: Inspection) -> str:
    errors = [f.code for f in inspection.findings if f.severity == ERROR]
    warnings = [f.code for f in inspection.findings if f.severity == WARNING]
    if errors:
        return f"{len(errors)} error{'s' if len(errors) != 1 else ''}: {', '.join(errors)}"
    if warnings:
        return (
            f"ok, {len(warnings)} warning{'s' if len(warnings) != 1 else ''}: {', '.join(warnings)}"
        )
    return "ok"


def _int(value: object) -> int | None:
    # Only what from_dict reads back: a 400-digit claim would be written and then set the
    # whole history aside on the next read.
    if isinstance(value, bool) or not isinstance(value, int) or abs(value) > 10**15:
        return None
    return value // 1000 if value > MS_THRESHOLD else value


def entry_from_inspection(
    inspection: Inspection,
    action: str = "inspected",
    profile: str | None = None,
    when: float | None = None,
    made_at: float | None = None,
    webrtc_mode: int | None = None,
) -> HistoryEntry:
    """An entry from an inspection; ``made_at`` (when we made it) gives the backdate."""
    if action not in ACTIONS:
        raise ValueError(f"unknown history action {action!r}")
    claims = inspection.payload or {}
    mn = claims.get("mn")
    number = str(mn)[:40] if isinstance(mn, str | int) and not isinstance(mn, bool) else None
    role = claims.get("role")
    role = int(role) if role in (0, 1, "0", "1") and not isinstance(role, bool) else None
    iat, exp = _int(claims.get("iat")), _int(claims.get("exp"))
    window = exp - iat if iat is not None and exp is not None else None
    backdate = int(made_at) - iat if made_at is not None and iat is not None else None
    mode = claims.get("video_webrtc_mode") if webrtc_mode is None else webrtc_mode
    return HistoryEntry(
        when=time.time() if when is None else when,
        action=action,
        profile=profile,
        meeting_number=number,
        role=role,
        expires_at=exp,
        expires_s=window,
        backdate_s=backdate,
        # 1.0 == 1 in Python, but from_dict wants an int: a float would set the file aside
        webrtc_mode=mode if type(mode) is int and mode in (0, 1) else None,
        summary=summary_of(inspection),
        codes=tuple(inspection.codes()),
    )


def default_path() -> Path:
    from platformdirs import user_data_dir  # honours XDG_DATA_HOME on Linux

    return Path(user_data_dir("zoomsig", appauthor=False)) / FILE_NAME


class History:
    """The list on disk; newest first. Read on each call so two windows do not clash."""

    def __init__(self, path: Path | None = None, limit: int = LIMIT) -> None:
        self.path = path or default_path()
        self.limit = limit
        self._notices: list[str] = []

    def pop_notices(self) -> list[str]:
        """Plain-English messages about files set aside since the last call."""
        notices, self._notices = self._notices, []
        return notices

    def entries(self) -> list[HistoryEntry]:
        try:
            loaded = read_json(self.path, SCHEMA)
        except OSError as exc:  # e.g. the folder is a file: nothing we can set aside
            self._notices.append(
                f"The history file {self.path} cannot be read: {exc.strerror or exc}."
            )
            return []
        if loaded.set_aside is not None:
            self._notices.append(
                f"The history file {self.path} {loaded.problem}; it was moved to "
                f"{loaded.set_aside} and a new, empty history was started."
            )
            return []
        if loaded.data is None:
            return []
        raw = loaded.data.get("entries", [])
        try:
            if not isinstance(raw, list):
                raise ValueError("entries is not a list")
            return [HistoryEntry.from_dict(item) for item in raw]
        except ValueError as exc:
            moved = set_aside(self.path)
            self._notices.append(
                f"The history file {self.path} has an entry that cannot be read ({exc}); it "
                f"was moved to {moved} and a new, empty history was started."
            )
            return []

    def add(self, entry: HistoryEntry) -> list[HistoryEntry]:
        entries = [entry, *self.entries()][: self.limit]
        self._write(entries)
        return entries

    def clear(self) -> None:
        self._write([])

    def _write(self, entries: list[HistoryEntry]) -> None:
        try:
            write_json_atomic(
                self.path, {"schema": SCHEMA, "entries": [e.to_dict() for e in entries]}
            )
        except OSError as exc:
            raise HistoryError(
                f"The history could not be saved to {self.path}: {exc.strerror or exc}."
            ) from exc
