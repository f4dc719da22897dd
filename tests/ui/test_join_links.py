"""Test links from the window: the Settings dialog (join page address, SDK folder), what the
join view says about where a copied link works, and the QR code."""

from __future__ import annotations

import os
from pathlib import Path

if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

from PySide6.QtGui import QGuiApplication
from PySide6.QtWebEngineWidgets import QWebEngineView  # noqa: F401  (before QApplication)

from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.static_host import StaticHost
from tests.helpers.window import NUMBER, add_profile, wait_token
from zoomsig_gui.core.join.link import save_base, saved_base
from zoomsig_gui.core.join.publish import publish

HOSTED = "https://join.example.com/zoom/"


def fake_sdk(folder: Path, version: str = "6.2.0") -> Path:
    (folder / "lib").mkdir(parents=True)
    (folder / f"zoom-meeting-{version}.min.js").write_text("/* not the real SDK */")
    return folder


def open_settings(qtbot, window):
    window.findChild(type(window.copy_action), "settingsAction").trigger()
    dialog = window.settings_dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def save(dialog) -> None:
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()


def test_settings_keep_the_address_and_the_sdk_folder(qtbot, make_window, tmp_path):
    window = make_window(MemoryKeyring())
    dialog = open_settings(qtbot, window)
    dialog.base.setText("join.example.com")  # no scheme
    dialog.sdk.setText(str(tmp_path / "nowhere"))
    save(dialog)
    assert dialog.isVisible()  # refused, with the reasons next to the fields
    assert "not a web address" in dialog.base_result.text() and dialog.base_result.isVisible()
    assert "does not exist" in dialog.sdk_error.text() and dialog.sdk_error.isVisible()
    assert saved_base() is None
    dialog.base.setText(HOSTED)
    dialog.sdk.setText(str(fake_sdk(tmp_path / "sdk")))
    save(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert saved_base() == HOSTED  # the same setting as `zoomsig link --save-base`
    assert window.settings.value("join/sdk_dir") == str(tmp_path / "sdk")
    again = open_settings(qtbot, window)
    assert again.base.text() == HOSTED and again.sdk.text() == str(tmp_path / "sdk")
    again.base.clear()
    save(again)
    qtbot.waitUntil(lambda: not again.isVisible())
    assert saved_base() is None  # empty: links open this computer's page again


def test_settings_check_an_address_on_a_worker(qtbot, make_window, tmp_path):
    window = make_window(MemoryKeyring())
    publish(tmp_path / "site")
    dialog = open_settings(qtbot, window)
    with StaticHost(tmp_path / "site") as host:
        dialog.base.setText(host.url)
        dialog.check_button.click()
        qtbot.waitUntil(lambda: "join page" in dialog.base_result.text(), timeout=15_000)
    assert "answers with zoomsig's join page" in dialog.base_result.text()
    dialog.base.setText(host.url)  # nothing answers there any more
    dialog.check_button.click()
    qtbot.waitUntil(lambda: "will not work" in dialog.base_result.text(), timeout=15_000)


def open_join(qtbot, window, **options):
    window.join.view_options = {"allow_zoom": False, **options}
    add_profile(qtbot, window)
    window.make.form.meeting.setPlainText(NUMBER)
    wait_token(qtbot, window)
    window.join.open()
    view = window.join.view
    assert view is not None
    return view


def test_the_join_view_uses_the_sdk_folder_and_says_where_links_work(qtbot, make_window, tmp_path):
    # One view for all of it: a process should not make more web views than it needs.
    window = make_window(MemoryKeyring())
    window.settings.setValue("join/sdk_dir", str(fake_sdk(tmp_path / "sdk")))
    view = open_join(qtbot, window, port=0)
    try:
        assert view._server.sdk is not None  # the SDK folder setting reached the view
        assert view._server.sdk.path == (tmp_path / "sdk").resolve()
        assert view.port_label.isHidden()  # a port asked for is no move
        assert "only on this computer while zoomsig is open" in view.expiry_label.text()
        assert "UTC" in view.expiry_label.text()  # and until when
        view.copy_button.click()
        assert QGuiApplication.clipboard().text().startswith(view.page_url)
        save_base(HOSTED)
        view.copy_button.click()
        assert QGuiApplication.clipboard().text().startswith(HOSTED + "?")
        text = view.expiry_label.text()
        assert "hosted join page at join.example.com" in text and "only on this" not in text
        view.qr_button.click()
        qtbot.waitUntil(lambda: view.qr_dialog.isVisible())
        assert not view.qr_dialog.code.pixmap().isNull()
        assert "join.example.com" in view.qr_dialog.notice.text()
        view.qr_dialog.close()
    finally:
        window.join.shutdown()


def test_the_make_tab_copies_a_test_link_and_says_where_it_works(qtbot, make_window):
    from zoomsig_gui.core.join.link import parse_link

    window = make_window(MemoryKeyring())
    add_profile(qtbot, window)
    window.make.form.meeting.setPlainText(NUMBER)
    wait_token(qtbot, window)
    join = window.join
    assert join.copy_link_button.isEnabled() and join.qr_button.isEnabled()
    assert "this computer only" in join.copy_link_button.text()
    assert "only on this computer while zoomsig is open" in join.copy_link_button.toolTip()
    join.copy_link_button.click()
    assert "only on this computer" in window.statusBar().currentMessage()
    window.tabs.setCurrentWidget(window.history.holder)  # the setup is kept, as for Copy token
    qtbot.waitUntil(lambda: window.history.panel is not None)
    assert [e.meeting_number for e in window.history.panel.entries] == [NUMBER]
    window.tabs.setCurrentWidget(window.make)
    assert QGuiApplication.clipboard().text().startswith("http://127.0.0.1:")
    save_base(HOSTED)
    window.make.form.name.setText("Tester")  # any change says it again
    qtbot.waitUntil(lambda: "join.example.com" in join.copy_link_button.toolTip())
    assert "this computer only" not in join.copy_link_button.text()
    join.copy_link_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(HOSTED + "?")
    got = parse_link(copied)
    assert (got.meeting_number, got.name) == (NUMBER, "Tester")
    assert got.signature == window.make.token_view.token()  # the token on screen
    said = window.statusBar().currentMessage()
    assert "hosted join page at join.example.com" in said and "UTC" in said  # and until when
    # The whole sentence also stays under the findings (the status bar cuts long lines).
    assert join.status.isVisible() and "until" in join.status.text()
    assert "join.example.com" in join.status.text()
    join.qr_button.click()
    qtbot.waitUntil(lambda: join.qr_dialog.isVisible())
    assert not join.qr_dialog.code.pixmap().isNull()
    join.qr_dialog.close()
