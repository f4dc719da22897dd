"""Handing a test link to a tester: where it points, what to say about it, its QR code.

Shared by the Make tab's "Copy test link" and the join view (no QtWebEngine needed here).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from zoomsig_gui.core.join.link import (
    JoinParams,
    build_link,
    is_loopback,
    link_notice,
    local_page_url,
    saved_base,
    signature_expiry,
)

__all__ = ["is_loopback", "link_base", "notice", "open_qr", "test_link"]


def link_base(page_url: str | None = None) -> str:
    """The saved hosted page; else the local page (this view's own address when it runs)."""
    return saved_base() or page_url or local_page_url()


def test_link(params: JoinParams, page_url: str | None = None) -> str:
    return build_link(link_base(page_url), params)


def notice(params: JoinParams, now: float, page_url: str | None = None) -> str:
    """Where the link will work and until when, said before it is copied."""
    return link_notice(link_base(page_url), signature_expiry(params.signature), now)


def open_qr(parent: QWidget, link: str, said: str) -> QWidget:
    from zoomsig_gui.ui.join.qrdialog import QrDialog

    dialog = QrDialog(link, said, parent)
    dialog.open()
    return dialog
