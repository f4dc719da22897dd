"""The join page's states, in one place: the page reads them (served as /states.json, with
its headline for each), the window words them, and both know which are ends.

The page sets its ``data-state`` attribute to one of STATES (the contract for people, the
window and tests); ``data-error-code`` is set when it is ``failed``.
"""

from __future__ import annotations

import json

# state: (the page's headline, the window's words)
_STATES = {
    "loading": ("Loading", "loading…"),
    "sdk-missing": ("The Meeting SDK did not load", "the Meeting SDK did not load"),
    "ready": ("Ready", "ready"),
    "joining": ("Joining", "joining…"),
    "joined": ("Joined", "joined the meeting"),
    "failed": ("The join failed", "could not join"),
}
STATES = tuple(_STATES)
STATE_WORDS = {state: words for state, (_title, words) in _STATES.items()}
BUSY = ("loading", "joining")  # the page is still working
ENDS = ("joined", "failed", "sdk-missing")  # how an attempt ended


def states_json() -> bytes:
    """{state: headline}, as the join page reads it."""
    table = {state: title for state, (title, _words) in _STATES.items()}
    return json.dumps(table, ensure_ascii=False, indent=1).encode("utf-8")
