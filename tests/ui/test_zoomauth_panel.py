"""The Make tab's "Whose meeting is it?": the ZAK / OBF fields appear only when needed, the
join carries zak or obfToken (never both), and the tokens stay out of settings and files."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import jwt
import pytest

from tests.helpers.keyrings import MemoryKeyring, files_containing
from tests.helpers.window import INVITE, NUMBER, add_profile, wait_token
from tests.helpers.zoom_standin import ZoomStandIn, browser
from zoomsig_gui.core.join.link import build_link, local_page_url
from zoomsig_gui.core.vault.facade import Vault
from zoomsig_gui.core.vault.secrets import SecretStore
from zoomsig_gui.core.zoomauth import addresses

CLIENT_ID, CLIENT_SECRET = "panelClientId", "panel-oauth-secret-canary"


def zak_like(uid: str = "host-user-7", life_s: int = 3600) -> str:
    now = int(time.time())
    claims = {"aud": "clientsm", "uid": uid, "sty": 100, "wcd": "us05", "clt": 0, "mnum": ""}
    return jwt.encode({**claims, "iat": now, "exp": now + life_s}, "k" * 32, algorithm="HS256")


class CapturingView:
    """Stands in for the QtWebEngine join view: keeps the JoinParams it was asked to open."""

    def __init__(self) -> None:
        self.params = None

    def join(self, params) -> None:
        self.params = params

    def show(self) -> None:
        pass

    def raise_(self) -> None:
        pass

    def shutdown(self) -> None:
        pass

    def close(self) -> None:
        pass


@pytest.fixture
def window(qtbot, make_window):
    window = make_window(MemoryKeyring())
    qtbot.waitUntil(window.make.is_built, timeout=15_000)
    return window


def visible(window) -> dict[str, bool]:
    panel = window.zoom_tokens.panel
    return {
        "zak": panel.fields["zak"].isVisible(),
        "obf": panel.fields["obf"].isVisible(),
        "review": panel.review.isVisible(),
        "sign_in": panel.sign_in_row.isVisible(),
    }


def test_token_fields_appear_only_when_the_meeting_needs_them(qtbot, window):
    panel = window.zoom_tokens.panel
    assert panel.question.text() == "<b>Whose meeting is it?</b>"
    assert panel.choice() == "ours"
    assert visible(window) == {"zak": False, "obf": False, "review": False, "sign_in": False}
    panel.buttons["host"].click()
    assert visible(window) == {"zak": True, "obf": False, "review": False, "sign_in": True}
    assert window.make.form.role.currentData() == 1  # hosting: the signature's role too
    panel.buttons["other"].click()
    assert visible(window) == {"zak": False, "obf": True, "review": True, "sign_in": True}
    assert "passed Zoom's app review" in panel.review.text()
    assert panel.redirect.text().endswith("http://127.0.0.1:53713/zoom/callback")


def test_a_pasted_zak_shows_whose_it_is_and_stays_hidden(qtbot, window):
    panel = window.zoom_tokens.panel
    panel.buttons["host"].click()
    field = panel.fields["zak"]
    token = zak_like()
    field.edit.setText(token)
    assert field.edit.echoMode() == field.edit.EchoMode.Password
    assert "ZAK of Zoom user host-user-7" in field.info.text()
    assert "expires" in field.info.text() and "in 59 min" in field.info.text()
    field.edit.setText(zak_like(life_s=-60))
    assert "expired" in field.info.text()


def open_join(qtbot, window) -> str:
    """Press "Open join page" and return the link the view was given."""
    window.join.view = CapturingView()
    window.join.open()
    params = window.join.view.params
    assert params is not None
    return build_link(local_page_url(), params)


def test_the_join_carries_the_zak_or_the_obf_token_never_both(qtbot, window, settings_path):
    add_profile(qtbot, window)
    window.make.form.meeting.setPlainText(INVITE)
    wait_token(qtbot, window)
    panel = window.zoom_tokens.panel
    zak, obf = zak_like(), zak_like("obf-user")
    panel.fields["zak"].edit.setText(zak)
    panel.fields["obf"].edit.setText(obf)

    link = open_join(qtbot, window)  # "our account": the signature alone
    assert "zak=" not in link and "obfToken=" not in link
    panel.buttons["host"].click()
    qtbot.waitUntil(lambda: wait_token(qtbot, window) and window.make.form.role.currentData() == 1)
    link = open_join(qtbot, window)
    assert f"zak={zak}" in link and "obfToken=" not in link and "role=1" in link
    panel.buttons["other"].click()
    link = open_join(qtbot, window)
    assert f"obfToken={obf}" in link and "zak=" not in link

    window.close()
    window.settings.sync()
    text = settings_path.read_text() if settings_path.exists() else ""
    assert zak not in text and obf not in text
    home = settings_path.parents[2]
    assert files_containing(zak, [home], []) == [] and files_containing(obf, [home], []) == []
    assert window.scrubber.scrub(f"x {zak} y") != f"x {zak} y"  # crash reports lose it


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_sign_in_with_zoom_then_get_zak_on_a_worker(qtbot, window, monkeypatch, settings_path):
    with ZoomStandIn() as zoom:
        monkeypatch.setenv(addresses.OAUTH_ENV, zoom.url)
        monkeypatch.setenv(addresses.API_ENV, zoom.url)
        port = free_port()
        zoom.add_app(CLIENT_ID, CLIENT_SECRET, [addresses.redirect_uri(port)])
        add_profile(qtbot, window)
        vault_path = Path(settings_path).parent / "profiles.json"
        Vault(path=vault_path, store=SecretStore(MemoryKeyring())).edit(
            "Staging", redirect_port=port
        )
        answers = iter([(CLIENT_ID, True), (CLIENT_SECRET, True)])
        monkeypatch.setattr(
            "zoomsig_gui.ui.zoomauth.panel.QInputDialog.getText", lambda *a, **k: next(answers)
        )
        panel = window.zoom_tokens.panel
        panel.open_url = browser()
        panel.buttons["host"].click()
        panel.sign_in_button.click()
        qtbot.waitUntil(lambda: "Signed in with Zoom" in panel.status.text(), timeout=20_000)
        assert panel.redirect.text().endswith(addresses.redirect_uri(port))
        panel.fields["zak"].get.click()
        qtbot.waitUntil(lambda: bool(panel.fields["zak"].token()), timeout=20_000)
        zak = panel.fields["zak"].token()
        assert zoom.decode(zak)["uid"] == zoom.user
        assert f"ZAK of Zoom user {zoom.user}" in panel.fields["zak"].info.text()

        window.make.form.meeting.setPlainText(INVITE)
        panel.buttons["other"].click()
        panel.fields["obf"].get.click()
        qtbot.waitUntil(lambda: bool(panel.fields["obf"].token()), timeout=20_000)
        assert zoom.decode(panel.fields["obf"].token())["mnum"] == NUMBER

        window.close()
        window.settings.sync()
        home = settings_path.parents[2]
        for canary in [CLIENT_SECRET, *zoom.issued]:
            assert files_containing(canary, [home], []) == [], canary[:8]


def test_closing_the_window_gives_up_a_waiting_sign_in(qtbot, window, monkeypatch):
    with ZoomStandIn() as zoom:
        monkeypatch.setenv(addresses.OAUTH_ENV, zoom.url)
        monkeypatch.setenv(addresses.API_ENV, zoom.url)
        add_profile(qtbot, window)
        answers = iter([(CLIENT_ID, True), (CLIENT_SECRET, True)])
        monkeypatch.setattr(
            "zoomsig_gui.ui.zoomauth.panel.QInputDialog.getText", lambda *a, **k: next(answers)
        )
        panel = window.zoom_tokens.panel
        opened: list[str] = []
        panel.open_url = opened.append  # the person never answers in the browser
        panel.buttons["host"].click()
        panel.sign_in_button.click()
        qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
        started = time.monotonic()
        window.close()
        assert time.monotonic() - started < 3  # not the sign-in's 300 s
        qtbot.waitUntil(lambda: "cancelled" in panel.status.text(), timeout=5_000)
        assert not zoom.live_refresh_tokens()
