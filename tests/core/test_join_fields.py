"""The join fields as the SDK checks them before it sends anything (4003 Invalid parameter)."""

from __future__ import annotations

import pytest

from zoomsig_gui.core.join.fields import check_join_fields, link_field_problems
from zoomsig_gui.core.join.link import JoinParams, build_link


def test_fields_within_the_limits_pass() -> None:
    assert check_join_fields("81198873582", "N" * 128, "p" * 32, "a@" + "b" * 94 + ".com") == {}
    assert check_join_fields(None, None, "", "") == {}


@pytest.mark.parametrize(
    ("given", "field", "words"),
    [
        ({"meeting_number": "8" * 13}, "meeting", "13 characters"),
        ({"name": ""}, "name", "empty"),
        ({"name": "   "}, "name", "empty"),
        ({"name": "N" * 129}, "name", "over 128"),
        ({"passcode": "p" * 33}, "passcode", "over 32"),
        ({"email": "a@" + "b" * 95 + ".com"}, "email", "over 100"),
        ({"email": "tester"}, "email", "not an e-mail address"),
        ({"email": "a@b"}, "email", "not an e-mail address"),
        ({"email": "a b@example.com"}, "email", "not an e-mail address"),
        ({"email": "a@@example.com"}, "email", "not an e-mail address"),
    ],
)
def test_each_limit_names_its_field(given: dict, field: str, words: str) -> None:
    problems = check_join_fields(**given)
    assert list(problems) == [field] and words in problems[field]
    assert "4003" in problems[field]


def test_a_pasted_join_link_is_checked() -> None:
    link = build_link(
        "http://127.0.0.1:53712/",
        JoinParams(name="N" * 130, meeting_number="81198873582", signature="x.y.z", passcode="p"),
    )
    problems = link_field_problems(link)
    assert len(problems) == 1 and "display name" in problems[0]
    assert link_field_problems("eyJ.a.b") == [] and link_field_problems("hello there") == []
