"""Join links: the CDN sample's query format, round trips, and `zoomsig link` / `serve`."""

from __future__ import annotations

import base64
import subprocess
import sys
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.helpers.linkcli import LINK, zoomsig
from tests.helpers.tokens import SECRET
from zoomsig_gui.core.join.link import (
    JoinLinkError,
    JoinParams,
    build_link,
    local_page_url,
    parse_link,
    save_base,
    saved_base,
    where_it_works,
)
from zoomsig_gui.core.join.server import DEFAULT_PORT
from zoomsig_gui.core.tokens.jwt import verify

BASE = "https://example.com/zoom/meeting.html"


def params(**changes: object) -> JoinParams:
    values: dict = {"name": "Ana", "meeting_number": "81198873582", "signature": "a.b.c"}
    values.update(changes)
    return JoinParams(**values)


def test_link_has_the_cdn_sample_fields_in_base64_utf8() -> None:
    link = build_link(
        BASE,
        params(
            name="Zoë 東京",
            email="zoë@example.com",
            passcode="Pw1",
            role=1,
            lang="de-DE",
            china=True,
        ),
    )
    parts = urlsplit(link)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == BASE
    query = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
    assert list(query) == ["name", "mn", "email", "pwd", "role", "lang", "signature", "china"]
    assert base64.b64decode(query["name"]).decode("utf-8") == "Zoë 東京"
    assert base64.b64decode(query["email"]).decode("utf-8") == "zoë@example.com"
    assert (query["mn"], query["pwd"], query["role"], query["lang"], query["china"]) == (
        "81198873582",
        "Pw1",
        "1",
        "de-DE",
        "1",
    )


@given(
    name=st.text(min_size=1).filter(str.strip),
    email=st.text(),
    passcode=st.text(alphabet=st.characters(categories=["L", "N"]), max_size=10),
    zak=st.sampled_from(["", "zak.token.x"]),
    view=st.sampled_from(["client", "component"]),
)
def test_round_trip(name: str, email: str, passcode: str, zak: str, view: str) -> None:
    original = params(name=name, email=email, passcode=passcode, zak=zak, view=view)
    assert parse_link(build_link(local_page_url(), original)) == original


def test_obf_token_and_zak_are_exclusive() -> None:
    assert "obfToken=o.b.f" in build_link(BASE, params(obf_token="o.b.f"))
    with pytest.raises(JoinLinkError, match="not both"):
        build_link(BASE, params(zak="z", obf_token="o"))


@pytest.mark.parametrize("base", ["example.com/page", "ftp://x/y", "https://x/p?a=1"])
def test_bad_base_is_refused(base: str) -> None:
    with pytest.raises(JoinLinkError):
        build_link(base, params())


def test_saved_base(tmp_path: Path) -> None:
    path = tmp_path / "joinlink.json"
    assert saved_base(path) is None
    save_base(BASE, path)
    assert saved_base(path) == BASE
    save_base(None, path)
    assert saved_base(path) is None


def test_unwritable_or_unreadable_settings_say_so_or_fall_back(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")  # a file where the config folder should be
    with pytest.raises(JoinLinkError, match="Could not save the base URL"):
        save_base(BASE, blocker / "joinlink.json")
    assert saved_base(blocker / "joinlink.json") is None  # links then use the local page


# --- the commands ------------------------------------------------------------------------


def test_link_command_makes_a_working_link(tmp_path: Path) -> None:
    result = zoomsig(
        *LINK, "--meeting", "https://us02web.zoom.us/j/81198873582?pwd=inv1te", home=tmp_path
    )
    assert result.returncode == 0, result.stderr
    link = result.stdout.strip()
    assert link.startswith(f"http://127.0.0.1:{DEFAULT_PORT}/?")
    got = parse_link(link)
    assert (got.name, got.meeting_number, got.passcode) == ("Zoë", "81198873582", "inv1te")
    assert verify(got.signature, SECRET)
    assert "live signature" in result.stderr and "UTC" in result.stderr
    assert "encoded form" in result.stderr  # only pwd= was there: the plain one may differ
    assert SECRET not in result.stdout + result.stderr
    assert got.signature not in result.stderr


def test_link_passcode_option_wins_and_base_is_saved(tmp_path: Path) -> None:
    first = zoomsig(
        *LINK,
        "--meeting",
        "https://zoom.us/j/81198873582?pwd=inv1te",
        "--passcode",
        "own",
        "--base",
        BASE,
        "--save-base",
        home=tmp_path,
    )
    assert first.returncode == 0, first.stderr
    assert parse_link(first.stdout).passcode == "own"
    again = zoomsig(*LINK, "--meeting", "811 9887 3582", home=tmp_path)
    assert again.stdout.startswith(BASE + "?")
    local = zoomsig(*LINK, "--meeting", "811 9887 3582", "--forget-base", home=tmp_path)
    assert local.stdout.startswith(local_page_url())


def test_link_command_refuses_clearly(tmp_path: Path) -> None:
    native = zoomsig(*LINK, "--native", home=tmp_path)
    assert native.returncode == 2 and "needs --meeting" in native.stderr
    bad = zoomsig(*LINK, "--meeting", "811 9887 3582", "--base", "nope", home=tmp_path)
    assert bad.returncode == 2 and "not a web address" in bad.stderr
    assert "Traceback" not in native.stderr + bad.stderr


def test_serve_prints_url_first_and_serves(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "zoomsig_gui.cli", "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:") and url.endswith("/")
        with urllib.request.urlopen(url, timeout=10) as resp:
            assert b'id="zoomsig-status"' in resp.read()
            assert resp.headers["Cross-Origin-Embedder-Policy"] == "require-corp"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_serve_refuses_a_wrong_sdk_folder(tmp_path: Path) -> None:
    result = zoomsig("serve", "--port", "0", "--sdk-dir", str(tmp_path), home=tmp_path)
    assert result.returncode == 2
    assert "not a Meeting SDK folder" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("port", ["-1", "0", "65536", "http"])
def test_link_refuses_a_port_that_is_none(tmp_path: Path, port: str) -> None:
    done = zoomsig(*LINK, "--meeting", "81198873582", "--port", port, home=tmp_path)
    assert done.returncode == 2 and "port" in done.stderr and "Traceback" not in done.stderr
    assert done.stdout == ""


def test_link_wording_says_where_it_works() -> None:
    local = where_it_works(local_page_url())
    assert "only on this computer while zoomsig is open" in local
    hosted = where_it_works("https://join.example.com/zoom/")
    assert "hosted join page at join.example.com" in hosted
    assert "any computer" in hosted and "only on this computer" not in hosted


def test_link_command_says_where_the_link_works(tmp_path: Path) -> None:
    local = zoomsig(*LINK, "--meeting", "811 9887 3582", home=tmp_path)
    hosted = zoomsig(*LINK, "--meeting", "811 9887 3582", "--base", BASE, home=tmp_path)
    assert "only on this computer while zoomsig is open" in local.stderr
    assert "hosted join page at example.com" in hosted.stderr
    assert "only on this computer" not in hosted.stderr
    for result in (local, hosted):
        assert "UTC" in result.stderr  # and until when


def test_link_command_writes_a_qr_code_and_never_over_a_file(tmp_path: Path) -> None:
    png, svg = tmp_path / "link.png", tmp_path / "link.svg"
    made = zoomsig(*LINK, "--meeting", "811 9887 3582", "--qr", str(png), home=tmp_path)
    assert made.returncode == 0, made.stderr
    assert png.read_bytes().startswith(b"\x89PNG")
    # The code holds the printed link: segno makes the same symbol from the same text.
    import io

    import segno

    expected = io.BytesIO()
    segno.make(made.stdout.strip(), error="m").save(expected, kind="png", scale=8, border=4)
    assert png.read_bytes() == expected.getvalue()
    assert zoomsig(*LINK, "--meeting", "811 9887 3582", "--qr", str(svg), home=tmp_path)
    assert "<svg" in svg.read_text()
    again = zoomsig(*LINK, "--meeting", "811 9887 3582", "--qr", str(png), home=tmp_path)
    assert again.returncode != 0 and "already exists" in again.stderr and not again.stdout
    wrong = zoomsig(
        *LINK, "--meeting", "811 9887 3582", "--qr", str(tmp_path / "a.jpg"), home=tmp_path
    )
    assert wrong.returncode != 0 and ".png or .svg" in wrong.stderr
