"""The SDK error table the page (/errors.json) and the window share."""

from __future__ import annotations

import json

import pytest

from zoomsig_gui.core.join.errors import ERRORS, errors_json, explain
from zoomsig_gui.core.resources import join_page_dir


@pytest.mark.parametrize(
    "code",
    [
        "3712",
        "3705",
        "3706",
        "3707",
        "3004",
        "3008",
        "10000",
        "1",
        "outside-account",
        "sdk-missing",
    ],
)
def test_every_result_the_issue_names_has_plain_words(code: str) -> None:
    entry = explain(code)
    assert entry.code == code and entry.title and len(entry.explanation) > 30


def test_3712_lists_the_known_causes() -> None:
    causes = " ".join(ERRORS["3712"].causes).lower()
    for words in ("oauth", "not activated", "space", "appkey", "clock", "zak"):
        assert words in causes


def test_explain_accepts_numbers_and_recognises_obf_messages() -> None:
    assert explain(3705).title == "The signature has expired"
    assert explain("", "The OBF token is invalid").code == "outside-account"
    assert explain(None, "obfToken and zak cannot be used simultaneously").code == (
        "outside-account"
    )
    assert explain("", "Joining meeting timeout.").code == "timeout"
    unknown = explain(4711, "Something odd")
    assert unknown.code == "4711" and "Something odd" in unknown.explanation


def test_page_table_is_the_same_table() -> None:
    table = json.loads(errors_json())
    assert set(table) == set(ERRORS)
    assert table["3004"]["title"] == ERRORS["3004"].title
    assert table["3712"]["causes"] == list(ERRORS["3712"].causes)


def test_join_page_ships_with_the_status_contract() -> None:
    html = (join_page_dir() / "index.html").read_text(encoding="utf-8")
    assert 'id="zoomsig-status"' in html and 'data-state="loading"' in html
    js = (join_page_dir() / "join.js").read_text(encoding="utf-8")
    for state in ("sdk-missing", "ready", "joining", "joined", "failed"):
        assert f'"{state}"' in js
