"""Small layout helpers the tabs, forms and dialogs share: titled boxes, stacks, form rows,
scroll areas, Save and Cancel, and a question before what cannot be undone."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)


class Box(QGroupBox):
    """A titled box around a part of a tab; ``body`` is its layout, where the part goes."""

    def __init__(self, title: str, widget: QWidget | None, name: str) -> None:
        super().__init__(title)
        self.setObjectName(name)
        self.body = QVBoxLayout(self)
        if widget is not None:
            self.body.addWidget(widget)


def boxed(title: str, widget: QWidget | None, name: str) -> Box:
    return Box(title, widget, name)


def stack(*widgets: QWidget, across: bool = False) -> QWidget:
    """The widgets in one column (or one row with ``across``), without margins."""
    box = QWidget()
    layout = QHBoxLayout(box) if across else QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    if not across:
        layout.setSpacing(2)
    for widget in widgets:
        layout.addWidget(widget)
    return box


def scrolling(widget: QWidget | None = None) -> QScrollArea:
    """A frameless scroll area that sizes ``widget`` to its width. A container, not a Tab
    stop: the keyboard goes to what is inside it, and an area itself shows no focus."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    # The policy's enum through the value: naming Qt here would build PySide6's whole Qt
    # namespace before the first paint (the Make tab's frame uses this).
    area.setFocusPolicy(area.focusPolicy().NoFocus)
    if widget is not None:
        area.setWidget(widget)
    return area


def bar_is_the_stop(tabs: QTabWidget) -> None:
    """Tab stops at the tab bar, not at the tab widget around it (which shows no focus)."""
    policy = tabs.focusPolicy()
    tabs.setFocusPolicy(policy.NoFocus)
    tabs.tabBar().setFocusPolicy(policy.TabFocus)


def field_row(
    form: QFormLayout, text: str, field: QWidget, *below: QWidget, buddy: QWidget | None = None
) -> QWidget:
    """A form row of ``field`` with notes ``below`` it; the label's access key goes to the
    field itself, or to ``buddy`` when the field is a row of several (a label whose buddy is
    the box around them does nothing: a box takes no focus, and a focus proxy on it would
    make Tab stop there out of order)."""
    box = stack(field, *below) if below else field
    form.addRow(text, box)
    label = form.labelForField(box)
    if isinstance(label, QLabel):
        label.setBuddy(buddy or field)
    return box


def save_cancel(dialog: QDialog, on_save: Callable[[], None]) -> QDialogButtonBox:
    """Save and Cancel; Save calls ``on_save`` (which accepts when it is done)."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(on_save)
    buttons.rejected.connect(dialog.reject)
    return buttons


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Ask before something that cannot be undone; No is the default (Enter keeps things)."""
    from PySide6.QtWidgets import QMessageBox  # only when asked: keeps start-up light

    buttons = QMessageBox.StandardButton
    answer = QMessageBox.question(parent, title, text, buttons.Yes | buttons.No, buttons.No)
    return answer == buttons.Yes
