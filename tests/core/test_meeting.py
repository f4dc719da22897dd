"""Meeting input: numbers, invite links, zoommtg:// links and whole invitations."""

from __future__ import annotations

import pytest

from zoomsig_gui.core.tokens.meeting import (
    ENCODED_PWD_NOTE,
    MeetingInputError,
    MeetingRef,
    parse_meeting,
)

INVITATION = """Anna Example is inviting you to a scheduled Zoom meeting.

Topic: QA sync
Time: Nov 30, 2026 02:00 PM London

Join Zoom Meeting
https://us06web.zoom.us/j/81198873582?pwd=aBcD3fGh1jKlMnOpQrStUv.1

Meeting ID: 811 9887 3582
Passcode: 123456
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("81198873582", MeetingRef("81198873582")),
        ("811 9887 3582", MeetingRef("81198873582")),
        (" 811-9887-3582 \n", MeetingRef("81198873582")),
        ("123456789", MeetingRef("123456789")),
        ("https://us02web.zoom.us/j/81198873582?pwd=abc123", MeetingRef("81198873582", "abc123")),
        ("https://zoom.us/j/81198873582", MeetingRef("81198873582")),
        (
            "https://acme.zoom.us/wc/join/81198873582?pwd=Xy_z9.1",
            MeetingRef("81198873582", "Xy_z9"),
        ),
        ("https://zoom.us/w/81198873582?tk=abc&pwd=p4ss", MeetingRef("81198873582", "p4ss")),
        ("https://zoom.us/s/81198873582", MeetingRef("81198873582")),
        (
            "zoommtg://zoom.us/join?action=join&confno=81198873582&pwd=secret1",
            MeetingRef("81198873582", "secret1"),
        ),
        (INVITATION, MeetingRef("81198873582", "123456")),
        ("Meeting ID: 811 9887 3582\nPasscode: 4242", MeetingRef("81198873582", "4242")),
        (
            "Join: https://zoom.us/j/81198873582\nMeeting ID: 811 9887 3582\nPasscode: 77aa",
            MeetingRef("81198873582", "77aa"),
        ),
    ],
)
def test_meeting_input(text: str, expected: MeetingRef) -> None:
    assert parse_meeting(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "12345678",
        "123456789012",
        "hello",
        "https://example.com/j/81198873582",
        "https://zoom.us/j/123",
    ],
)
def test_bad_meeting_input_says_what_was_expected(text: str) -> None:
    with pytest.raises(MeetingInputError) as caught:
        parse_meeting(text)
    assert "9 to 11 digits" in str(caught.value) or "meeting number" in str(caught.value)
    assert "invite link" in str(caught.value)


def test_the_printed_passcode_wins_over_the_links_encoded_pwd() -> None:
    ref = parse_meeting(INVITATION)
    assert ref.passcode == "123456"
    assert ref.note is None  # the plain passcode: nothing to warn about


def test_only_the_encoded_pwd_comes_with_a_note() -> None:
    ref = parse_meeting("https://us06web.zoom.us/j/81198873582?pwd=aBcD3fGh1jKlMnOpQrStUv.1")
    assert ref.passcode == "aBcD3fGh1jKlMnOpQrStUv"
    assert ref.note == ENCODED_PWD_NOTE
    assert "encoded" in ref.note and "Passcode:" in ref.note


@pytest.mark.parametrize(
    ("text", "named"),
    [
        (
            "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ5@thread.v2/0?context=%7b%7d",
            "Microsoft Teams",
        ),
        (
            "Microsoft Teams meeting\nJoin: https://teams.live.com/meet/9346\n"
            "Meeting ID: 230 934 178 012\nPasscode: Ab3xYz",
            "Microsoft Teams",
        ),
        ("https://us02web.zoom.us/my/anna.example", "personal link"),
        ("https://zoom.us/webinar/register/WN_aBcDeFgHiJk", "webinar registration link"),
        ("https://acme.zoom.us/meeting/register/tZ0kcO2tqj8oHtY", "meeting registration link"),
    ],
)
def test_links_the_app_cannot_use_are_named(text: str, named: str) -> None:
    with pytest.raises(MeetingInputError) as caught:
        parse_meeting(text)
    assert named in str(caught.value)
