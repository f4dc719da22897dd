"""The join view in real QtWebEngine with the real Meeting SDK, every non-loopback request
blocked: the SDK loads, init succeeds (ready → joining), the offline join fails with the
SDK's errorCode 1 and the view shows that code with its explanation. Without an SDK the
page reports sdk-missing."""

from __future__ import annotations

import json
import logging
import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWebEngineWidgets import QWebEngineView  # noqa: F401  (before QApplication)

from tests.helpers.sdk import meeting_sdk_dist
from tests.helpers.tokens import KEY, SECRET
from zoomsig_gui.core.join.errors import explain
from zoomsig_gui.core.join.link import JoinParams
from zoomsig_gui.core.tokens.request import TokenRequest, make_token

pytestmark = [pytest.mark.sdk, pytest.mark.timeout(600)]
WAIT_MS = 240_000


def make_view(qtbot, **options):
    from zoomsig_gui.ui.join.view import JoinView

    view = JoinView(allow_zoom=False, **options)
    qtbot.addWidget(view)
    states: list[tuple[str, str, str]] = []
    view.stateChanged.connect(lambda *s: states.append(s))
    view.resize(1000, 700)
    view.show()
    return view, states


def dom_status(qtbot, view) -> dict:
    got: list = []
    view.page.runJavaScript(
        "(function(){var s=document.getElementById('zoomsig-status');"
        "return JSON.stringify({state:s.dataset.state, code:s.getAttribute('data-error-code')"
        "||'', text:s.textContent, url:location.href, sdkScreens:Array.prototype.filter.call("
        "document.querySelectorAll('#zmmtg-root, #wc-loading'), function(e){"
        "return getComputedStyle(e).display !== 'none';}).length});})()",
        0,
        got.append,
    )
    qtbot.waitUntil(lambda: bool(got), timeout=10_000)
    return json.loads(got[0])


def test_real_sdk_offline_join_fails_with_code_1(qtbot, caplog) -> None:
    caplog.set_level(logging.DEBUG, logger="zoomsig_gui")
    view, states = make_view(qtbot, sdk_dir=meeting_sdk_dist())
    token = make_token(TokenRequest(key=KEY, meeting_number="81198873582", role=0), SECRET)
    try:
        view.join(
            JoinParams(
                name="Zoë Tester", meeting_number="81198873582", signature=token, passcode="abc123"
            )
        )
        qtbot.waitUntil(lambda: view.state in ("failed", "joined", "sdk-missing"), timeout=WAIT_MS)
        seen = [s[0] for s in states]
        assert view.state == "failed", states
        assert "ready" in seen and "joining" in seen
        assert seen.index("ready") < seen.index("joining") < seen.index("failed")
        assert view.error_code == "1"
        joining = next(s for s in states if s[0] == "joining")
        assert "Zoë Tester" in joining[2]  # the base64 utf-8 name was read back
        # The window shows the code with its explanation.
        shown = view.status_label.text()
        assert "error 1" in shown and explain("1").title in shown
        assert explain("1").causes[0] in shown
        dom = dom_status(qtbot, view)
        assert (dom["state"], dom["code"]) == ("failed", "1")
        assert "Fail to join the meeting." in dom["text"]
        assert dom["sdkScreens"] == 0  # the SDK's "Joining Meeting…" no longer shows
        # The signature left the address bar; the SDK tried Zoom and was refused offline.
        assert "signature=" not in dom["url"] and token not in dom["url"]
        assert view.network.blocked_hosts and not view.network.passed_hosts
        assert any(h.endswith("zoom.us") for h in view.network.blocked_hosts)
        assert view.test_link() and token in view.test_link()
        view.copy_button.click()
        assert QGuiApplication.clipboard().text() == view.test_link()
        assert "live signature" in view.expiry_label.text()
        assert "page console" in caplog.text and token.split(".")[2] not in caplog.text
    finally:
        view.shutdown()


def test_no_sdk_reachable_reports_sdk_missing(qtbot) -> None:
    view, states = make_view(qtbot)  # the page would use Zoom's CDN, which is blocked
    try:
        view.load_page()
        qtbot.waitUntil(lambda: view.state not in ("loading",), timeout=WAIT_MS)
        assert view.state == "sdk-missing", states
        assert "no network" in view.status_label.text()
        assert dom_status(qtbot, view)["state"] == "sdk-missing"
        assert "source.zoom.us" in view.network.blocked_hosts
    finally:
        view.shutdown()


def test_navigation_leaves_for_the_system_browser(qtbot) -> None:
    view, _ = make_view(qtbot)
    opened: list[str] = []
    view.page.open_external = lambda url: opened.append(url.toString())
    try:
        link = QWebEnginePage.NavigationType.NavigationTypeLinkClicked
        assert view.page.acceptNavigationRequest(QUrl(view.page_url + "x"), link, True)
        assert view.page.acceptNavigationRequest(QUrl("https://us02web.zoom.us/j/1"), link, True)
        assert not view.page.acceptNavigationRequest(QUrl("https://example.com/help"), link, True)
        assert not view.page.acceptNavigationRequest(QUrl("http://127.0.0.1:1/"), link, True)
        assert opened == ["https://example.com/help", "http://127.0.0.1:1/"]
    finally:
        view.shutdown()


def test_component_view_reports_its_offline_result(qtbot) -> None:
    view, states = make_view(qtbot, sdk_dir=meeting_sdk_dist())
    token = make_token(TokenRequest(key=KEY, meeting_number="81198873582", role=0), SECRET)
    try:
        view.join(
            JoinParams(name="Ana", meeting_number="81198873582", signature=token, view="component")
        )
        qtbot.waitUntil(lambda: view.state in ("failed", "joined", "sdk-missing"), timeout=WAIT_MS)
        seen = [s[0] for s in states]
        assert seen.index("ready") < seen.index("joining") < seen.index("failed"), states
        assert view.error_code == "-3000"
        assert explain("-3000").title in view.status_label.text()
    finally:
        view.shutdown()


def _js(qtbot, view, script: str):
    got: list = []
    view.page.runJavaScript(script, 0, got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=10_000)
    return got[0]


def test_retries_are_spaced_10_s_apart_and_an_obf_join_says_it_notifies(qtbot) -> None:
    import time

    view, _ = make_view(qtbot, sdk_dir=meeting_sdk_dist())
    joins: list[float] = []
    view.stateChanged.connect(
        lambda state, *_: state == "joining" and joins.append(time.monotonic())
    )
    token = make_token(TokenRequest(key=KEY, meeting_number="81198873582", role=0), SECRET)
    retry = "document.getElementById('zoomsig-retry')"
    try:
        view.join(
            JoinParams(
                name="Tester", meeting_number="81198873582", signature=token, obf_token="a.b.c"
            )
        )
        qtbot.waitUntil(lambda: view.state == "failed", timeout=WAIT_MS)
        assert _js(qtbot, view, f"{retry}.hidden") is False
        assert _js(qtbot, view, "document.getElementById('zoomsig-retry-obf').hidden") is False
        assert "notifies the meeting's host" in _js(qtbot, view, f"{retry}.textContent")
        # Too early: a click does nothing (the button is disabled, the handler checks too).
        if int(_js(qtbot, view, f"{retry}.dataset.waitS")) > 0:
            assert "try again in" in _js(qtbot, view, f"{retry}.textContent")
            _js(qtbot, view, "document.getElementById('zoomsig-retry-button').onclick(); 1")
            assert view.state == "failed" and len(joins) == 1
        qtbot.waitUntil(lambda: _js(qtbot, view, f"{retry}.dataset.waitS") == "0", timeout=15_000)
        _js(qtbot, view, "document.getElementById('zoomsig-retry-button').click(); 1")
        qtbot.waitUntil(lambda: len(joins) == 2, timeout=10_000)
        assert joins[1] - joins[0] >= 9.9  # Zoom's limit: one join call every 10 s
        qtbot.waitUntil(lambda: view.state == "failed", timeout=WAIT_MS)
    finally:
        view.shutdown()


def test_the_passcode_leaves_the_address_bar(qtbot) -> None:
    view, _states = make_view(qtbot)  # no SDK needed: the page reads its address first
    token = make_token(TokenRequest(key=KEY, meeting_number="81198873582", role=0), SECRET)
    try:
        view.join(
            JoinParams(
                name="Zoë", meeting_number="81198873582", signature=token, passcode="Pa55code"
            )
        )
        qtbot.waitUntil(lambda: view.state not in ("loading",), timeout=WAIT_MS)
        url = dom_status(qtbot, view)["url"]
        assert "mn=81198873582" in url  # the rest of the link stays
        assert "pwd=" not in url and "Pa55code" not in url
        assert "Pa55code" not in view.page.url().toString()
    finally:
        view.shutdown()


def test_a_moved_port_is_said(qtbot) -> None:
    import socket
    from contextlib import suppress

    from zoomsig_gui.core.join.server import DEFAULT_PORT

    holder = socket.socket()
    # An earlier view's closed connections may keep the port in TIME_WAIT: bind all the same.
    holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    with suppress(OSError):  # if someone else has the port already, it is taken all the same
        holder.bind(("127.0.0.1", DEFAULT_PORT))
        holder.listen()
    try:
        view, _states = make_view(qtbot)  # port=None: the shared port, else any free one
        try:
            assert view._server.port != DEFAULT_PORT
            note = view.port_label.text()
            assert f"moved to port {view._server.port}" in note and str(DEFAULT_PORT) in note
            assert "will not work" in note and not view.port_label.isHidden()
        finally:
            view.shutdown()
    finally:
        holder.close()
