"""What a walk-through of the window found: the credentials dialog says what is wrong next
to the field, deleting asks with No as the default, texts are shown as written."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.window import INVITE, KEY, NUMBER, SECRET, add_profile, wait_token
from zoomsig_gui.core.tokens.jwt import sign


def save_clicked(dialog) -> None:
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()


def shown(label) -> str:
    """The label's text as a person sees it (rich text rendered)."""
    text = label.text()
    fmt = label.textFormat()
    if fmt == fmt.PlainText or (fmt == fmt.AutoText and "<" not in text):
        return text
    return QTextDocumentFragment.fromHtml(text).toPlainText()


def test_an_empty_secret_is_refused_next_to_its_field(qtbot, make_window):
    window = make_window(MemoryKeyring())
    dialog = window.make.credentials.add_profile()
    dialog.name.setText("Staging")
    dialog.key.setText(KEY)
    save_clicked(dialog)
    assert dialog.isVisible()
    assert dialog.secret_note.isVisible() and "Enter the Client Secret" in dialog.secret_note.text()
    assert window.profiles.names() == []
    dialog.secret.setText("abc")  # three characters: a warning, not a refusal
    assert "only 3 characters" in dialog.secret_note.text() and dialog.secret_note.isVisible()
    note = dialog.secret_note
    assert note.height() >= note.heightForWidth(note.width())  # its lines whole, not squeezed
    save_clicked(dialog)
    qtbot.waitUntil(lambda: window.profiles.names() == ["Staging"], timeout=15_000)


def test_a_client_id_with_spaces_or_punctuation_is_refused(qtbot, make_window):
    window = make_window(MemoryKeyring())
    dialog = window.make.credentials.add_profile()
    dialog.name.setText("Odd")
    dialog.key.setText("my client id!")
    dialog.secret.setText(SECRET)
    assert dialog.key_note.isVisible()  # said while typing, not only on Save
    assert "letters and digits" in dialog.key_note.text() and "space" in dialog.key_note.text()
    assert "“!”" in dialog.key_note.text()
    save_clicked(dialog)
    assert dialog.isVisible() and window.profiles.names() == []
    dialog.key.setText(f"  {KEY}  ")  # around it is fine: the vault strips it
    assert not dialog.key_note.isVisible()


def test_a_client_id_another_profile_uses_is_warned_about(qtbot, make_window):
    window = make_window(MemoryKeyring())
    add_profile(qtbot, window, "Staging")
    dialog = window.make.credentials.add_profile()
    dialog.name.setText("Staging again")
    dialog.key.setText(KEY)
    assert dialog.key_note.isVisible() and "“Staging” already use" in dialog.key_note.text()
    dialog.secret.setText(SECRET)
    save_clicked(dialog)  # a warning: it can still be saved
    qtbot.waitUntil(lambda: "Staging again" in window.profiles.names(), timeout=15_000)
    edit = window.make.credentials.edit_profile()
    assert not edit.key_note.isVisible() or "“Staging again”" not in edit.key_note.text()


def press_enter_on_the_question(qtbot, seen: list) -> None:
    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.defaultButton().text())
        qtbot.keyClick(box, "\r")

    QTimer.singleShot(100, answer)


def test_enter_on_remove_credentials_keeps_them(qtbot, make_window):
    window = make_window(MemoryKeyring())
    add_profile(qtbot, window)
    seen: list = []
    press_enter_on_the_question(qtbot, seen)
    window.make.credentials.remove_button.click()
    qtbot.waitUntil(lambda: bool(seen))
    assert "No" in seen[0]
    qtbot.wait(100)
    assert window.profiles.names() == ["Staging"]


def test_enter_on_clear_history_keeps_it(qtbot):
    from zoomsig_gui.ui.history.panel import _ask_clear

    seen: list = []
    press_enter_on_the_question(qtbot, seen)
    assert _ask_clear(None) is False
    assert "No" in seen[0]


def test_quotes_in_the_findings_box_are_shown_as_quotes(qtbot, make_window):
    window = make_window(MemoryKeyring())
    window.make.findings.show_inspection(None, 'No secret saved for "Staging".')
    assert shown(window.make.findings.verdict) == 'No secret saved for "Staging".'


def test_choices_are_saved_when_they_change_not_only_on_close(qtbot, make_window, settings_path):
    from PySide6.QtCore import QSettings

    window = make_window(MemoryKeyring())
    add_profile(qtbot, window, "Prod")
    window.make.form.name.setText("QA Desk")
    window.make.form.role.setCurrentIndex(1)

    def stored() -> QSettings:
        return QSettings(str(settings_path), QSettings.Format.IniFormat)

    # Read by another QSettings, as the next start after a crash would: no close happened.
    qtbot.waitUntil(lambda: stored().value("form/display_name") == "QA Desk", timeout=5000)
    assert str(stored().value("form/role")) == "1"
    assert stored().value("choices/profile") == "Prod"
    assert window.isVisible()


def stops_from(start, limit: int = 200) -> list:
    """The widgets Tab visits from ``start``, in order, once round."""
    seen, widget = [], start
    for _ in range(limit):
        policy = widget.focusPolicy()
        if policy & policy.TabFocus and widget.isVisible() and widget.isEnabled():
            seen.append(widget)
        widget = widget.nextInFocusChain()
        if widget is start:
            break
    return seen


def window_with_token(qtbot, make_window, meeting: str = NUMBER):
    window = make_window(MemoryKeyring())
    add_profile(qtbot, window)
    window.make.form.meeting.setPlainText(meeting)
    wait_token(qtbot, window)
    return window


def test_tab_order_follows_the_screen_credentials_first(qtbot, make_window):
    window = window_with_token(qtbot, make_window)
    window.details.setChecked(True)  # everything there is
    make, form = window.make, window.make.form
    stops = stops_from(window.banner.correct)
    expected = [
        window.banner.correct,
        window.banner.check_button,
        window.tabs.tabBar(),
        make.credentials.combo,
        make.credentials.add_button,
        make.credentials.edit_button,
        make.credentials.remove_button,
        form.meeting,
        form.passcode,
        form.role,
        form.name,
        form.email,
        form.expiry,
    ]
    assert stops[: len(expected)] == expected
    rest = stops[len(expected) :]
    token = rest.index(make.token_view.text)
    assert rest[token : token + 3] == [
        make.token_view.text,
        make.token_view.copy_button,
        window.join.button,
    ]
    assert rest.index(window.details) < token < rest.index(make.decoded.raw_toggle)
    # Every stop shows where the focus is: no bare containers.
    assert not [w for w in stops if type(w).__name__ in ("QScrollArea", "QTabWidget")]


def access_keys(texts) -> list[str]:
    import re

    return [m.group(1).lower() for t in texts for m in [re.search(r"&([^&\s])", t)] if m]


def test_access_keys_are_unique_on_the_make_tab(qtbot, make_window):
    from PySide6.QtWidgets import QAbstractButton, QLabel

    window = make_window(MemoryKeyring())
    qtbot.waitUntil(window.make.is_built)
    window.make.form.advanced_button.setChecked(True)
    texts = [a.text() for a in window.menuBar().actions()]
    texts += [window.tabs.tabText(i) for i in range(window.tabs.count())]
    for kind in (QAbstractButton, QLabel):
        texts += [w.text() for w in window.make.findChildren(kind) if w.isVisible()]
    keys = access_keys(texts)
    assert len(keys) == len(set(keys)), " | ".join(sorted(t for t in texts if "&" in t))
    help_key = access_keys([a.text() for a in window.menuBar().actions() if "Help" in a.text()])
    assert help_key == ["h"]  # Alt+H opens Help, not History


def inspect_for_support(qtbot, make_window):
    """The Inspect tab as support uses it: a customer's token, their secret chosen, the
    support box unfolded and our credentials picked to reproduce with."""
    from zoomsig_gui.ui.inspect.tab import THEIRS

    window = window_with_token(qtbot, make_window)
    window.tabs.setCurrentWidget(window.inspect_page)
    tab = window.inspect
    now = int(time.time())
    customer = {"sdkKey": "CUSTOMERk3y", "mn": "811 9887 3582", "role": 0, "iat": now - 60}
    tab.paste.setPlainText(sign({**customer, "exp": now + 600, "tokenExp": now + 600}, "x" * 24))
    tab.profile.setCurrentIndex(tab.profile.findData(THEIRS))
    tab.their_secret.setText("their-secret-0123456789")
    qtbot.waitUntil(lambda: window.support.panel is not None, timeout=10_000)
    tab.support_box.setChecked(True)
    ours = window.support.panel.ours
    ours.setCurrentIndex(ours.findData("Staging"))
    qtbot.waitUntil(lambda: window.support.panel.reproduction is not None, timeout=10_000)
    return window, tab


def test_the_inspect_tab_goes_in_screen_order_with_unique_access_keys(qtbot, make_window):
    from PySide6.QtWidgets import QAbstractButton, QLabel

    window, tab = inspect_for_support(qtbot, make_window)
    stops = stops_from(tab.paste)
    order = [
        tab.paste,
        tab.from_clipboard,
        tab.clear,
        tab.profile,
        tab.their_secret,
        tab.support_box,
        window.support.panel.ours,
        window.support.panel.report_button,
    ]
    at = [stops.index(w) for w in order]
    assert at == sorted(at), [type(w).__name__ for w in order]
    assert not [w for w in stops if type(w).__name__ in ("QScrollArea", "QTabWidget")]
    texts = [a.text() for a in window.menuBar().actions()]
    texts += [window.tabs.tabText(i) for i in range(window.tabs.count())]
    for kind in (QAbstractButton, QLabel):  # rich text (findings) has entities, not keys
        texts += [w.text() for w in tab.findChildren(kind) if w.isVisible() and "<" not in w.text()]
    keys = access_keys(texts)
    assert len(keys) == len(set(keys)), " | ".join(sorted(t for t in texts if "&" in t))


def test_the_support_box_is_usable_at_1024_by_640(qtbot, make_window):
    window, tab = inspect_for_support(qtbot, make_window)
    window.resize(1024, 640)
    qtbot.wait(100)
    panel = window.support.panel
    table = panel.comparison.table
    assert table.item(0, 0).text() == "≠"  # the claim that differs is the first row
    assert table.isVisible() and table.height() >= table.fontMetrics().height() * 9
    assert panel.ours.isVisible() and panel.report_button.isVisible()
    assert tab.findings.isVisible() and tab.findings.height() > 60
    assert clipped(window) == []


def clipped(window) -> list[str]:
    """Visible buttons narrower than their text needs, and a sideways scrollbar on the left."""
    from PySide6.QtWidgets import QAbstractButton

    short = [
        b.text() or b.objectName()
        for b in window.findChildren(QAbstractButton)
        if b.isVisible()
        and b.text()
        and b.width() < b.minimumSizeHint().width()
        and not isinstance(b.parent(), QLineEdit)  # a field's own icon button (Show/Hide)
    ]
    if window.make.left_column.horizontalScrollBar().isVisible():
        short.append("left column scrolls sideways")
    return short


def test_nothing_is_clipped_at_1024_by_640_and_smaller_is_refused(qtbot, make_window):
    window = window_with_token(qtbot, make_window, INVITE)
    window.resize(1024, 640)
    qtbot.wait(100)
    assert window.size().toTuple() == (1024, 640)
    for details in (False, True):  # folded for staff, and all of it for QA
        window.details.setChecked(details)
        qtbot.wait(100)
        assert clipped(window) == [], details
        verdict = window.make.findings.verdict
        assert verdict.height() >= verdict.heightForWidth(verdict.width())  # the verdict whole
    window.resize(800, 500)
    qtbot.wait(50)
    assert window.width() >= 1024 and window.height() >= 640


def test_starting_on_another_tab_does_not_clip_the_make_tab(qtbot, make_window, settings_path):
    from PySide6.QtCore import QSettings

    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    settings.setValue("window/tab", 2)  # History
    settings.sync()
    window = make_window(MemoryKeyring())
    add_profile(qtbot, window)
    window.resize(1024, 640)
    window.tabs.setCurrentWidget(window.make)
    qtbot.wait(100)
    assert clipped(window) == []


def test_details_are_folded_for_staff_and_the_choice_is_remembered(qtbot, make_window):
    window = window_with_token(qtbot, make_window)
    make = window.make
    decoded_box = make.findChild(type(make.signature_box), "decodedBox")
    assert not window.details.isChecked()  # first start: token, findings, link; no tables
    assert not decoded_box.isVisible() and not make.form.advanced_button.isVisible()
    assert window.join.copy_link_button.isVisible()  # the staff path stays whole
    window.details.setChecked(True)
    assert decoded_box.isVisible() and make.form.advanced_button.isVisible()
    window.close()
    again = make_window(MemoryKeyring())
    qtbot.waitUntil(again.make.is_built)
    assert again.details.isChecked()
    assert again.make.findChild(type(make.signature_box), "decodedBox").isVisible()


def test_right_after_start_tab_goes_round_every_field_with_real_key_presses(qtbot, make_window):
    """Pressing Tab, as a keyboard user does: from the tab bar through credentials, the
    meeting form, whose meeting, Show details and the token, then the clock banner and round
    again (a tab widget and boxes met on the way must not jump the focus elsewhere)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window = make_window(MemoryKeyring())
    add_profile(qtbot, window)
    qtbot.waitUntil(window.started_up, timeout=10_000)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    window.tabs.tabBar().setFocus()
    names = []
    for _ in range(20):
        focused = QApplication.focusWidget()
        names.append(focused.objectName())
        QTest.keyClick(focused, Qt.Key.Key_Tab)
    start = names.index("profile")
    assert (
        names[start : start + 15]
        == [
            "profile",
            "addProfile",
            "editProfile",
            "removeProfile",
            "meetingInput",
            "passcode",
            "role",
            "displayName",
            "email",
            "expiry",
            "whose_ours",
            "showDetails",
            "tokenText",
            "correctClock",
            "checkClock",
        ][: len(names[start : start + 15])]
    )


def test_a_form_label_s_access_key_puts_the_cursor_in_its_field(qtbot, make_window):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window = make_window(MemoryKeyring())
    qtbot.waitUntil(window.started_up, timeout=10_000)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    form = window.make.form
    for key, field in ((Qt.Key.Key_D, form.name), (Qt.Key.Key_P, form.passcode)):
        QTest.keyClick(window, key, Qt.KeyboardModifier.AltModifier)
        assert QApplication.focusWidget() is field


def test_tab_leaves_a_table_instead_of_walking_its_cells(qtbot, make_window):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window, tab = inspect_for_support(qtbot, make_window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    tables = [window.support.panel.comparison.table, tab.decoded.payload_table]
    window.tabs.setCurrentWidget(window.history.holder)
    qtbot.waitUntil(lambda: window.history.panel is not None)
    tables.append(window.history.panel.table)
    window.tabs.setCurrentWidget(window.inspect_page)
    for table in tables:
        table.window().activateWindow()
        table.setFocus()
        if QApplication.focusWidget() is not table:
            continue  # not on screen now (History is another tab)
        QTest.keyClick(table, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is not table, table.objectName()
    assert all(not t.tabKeyNavigation() for t in tables)
