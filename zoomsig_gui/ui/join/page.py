"""The web engine side of the join view: an isolated profile, a network filter, permissions
for the local origin only, and navigation that leaves for the system browser."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEnginePermission,
    QWebEngineProfile,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)

log = logging.getLogger(__name__)
# Anything shaped like a JWT (signature, ZAK, OBF token) is cut from the page's console.
_TOKEN = re.compile(r"eyJ[\w-]*\.[\w-]*\.?[\w-]*")
LOOPBACK = ("127.0.0.1", "localhost")
ZOOM_DOMAINS = ("zoom.us", "zoom.com", "zoomgov.com", "zoomus.cn", "zoom.com.cn")
_MEDIA = (
    QWebEnginePermission.PermissionType.MediaAudioCapture,
    QWebEnginePermission.PermissionType.MediaVideoCapture,
    QWebEnginePermission.PermissionType.MediaAudioVideoCapture,
)
_INTERNAL = ("about", "data", "blob", "qrc")


def is_zoom_host(host: str) -> bool:
    host = host.lower().rstrip(".")
    return any(host == d or host.endswith("." + d) for d in ZOOM_DOMAINS)


class NetworkFilter(QWebEngineUrlRequestInterceptor):
    """Lets loopback through, Zoom's domains only when ``allow_zoom``, and blocks the rest.

    ``blocked_hosts`` lists hosts refused so far (no paths or queries: they hold tokens).
    Runs on the network thread: keep it small.
    """

    def __init__(self, allow_zoom: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.allow_zoom = allow_zoom
        self.blocked_hosts: list[str] = []
        self.passed_hosts: list[str] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        if url.scheme() in _INTERNAL:
            return
        host = url.host().lower()
        if host in LOOPBACK:
            return
        if self.allow_zoom and url.scheme() in ("https", "wss") and is_zoom_host(host):
            self.passed_hosts.append(host)
            return
        self.blocked_hosts.append(host)
        info.block(True)


class JoinPage(QWebEnginePage):
    """Keeps the local page and Zoom in the view; other links go to the system browser."""

    def __init__(
        self, profile: QWebEngineProfile, local_origin: QUrl, parent: QObject | None = None
    ) -> None:
        super().__init__(profile, parent)
        self.local_origin = local_origin
        self.open_external: Callable[[QUrl], object] = QDesktopServices.openUrl
        self.permissionRequested.connect(self._on_permission)

    def is_local(self, url: QUrl) -> bool:
        return (
            url.scheme() == "http"
            and url.host() == self.local_origin.host()
            and url.port() == self.local_origin.port()
        )

    def acceptNavigationRequest(
        self, url: QUrl | str, kind: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        url = QUrl(url)  # Qt passes a QUrl; the method's signature also allows text
        if self.is_local(url) or url.scheme() in _INTERNAL:
            return True
        if url.scheme() == "https" and is_zoom_host(url.host()):
            return True
        if is_main_frame and url.scheme() in ("http", "https", "mailto"):
            self.open_external(url)
        return False

    def javaScriptConsoleMessage(
        self,
        level: QWebEnginePage.JavaScriptConsoleMessageLevel,
        message: str,
        line: int,
        source: str,
    ) -> None:
        # The SDK logs a lot, some of it about the join parameters: to our debug log only,
        # without tokens, never to Qt's log (which tests fail on).
        log.debug(
            "page console (%s) %s:%s: %s",
            level.name,
            QUrl(source).path(),
            line,
            _TOKEN.sub("[token]", message)[:500],
        )

    def createWindow(self, kind: QWebEnginePage.WebWindowType) -> QWebEnginePage:
        # Pop-ups (target=_blank) open in the system browser instead of a new view.
        return _ExternalOpener(self.profile(), self)

    def _on_permission(self, permission: QWebEnginePermission) -> None:
        origin = permission.origin()
        if permission.permissionType() in _MEDIA and self.is_local(origin):
            permission.grant()
        else:
            permission.deny()


class _ExternalOpener(QWebEnginePage):
    """A page that exists only to hand its first navigation to the system browser."""

    def __init__(self, profile: QWebEngineProfile, owner: JoinPage) -> None:
        super().__init__(profile, owner)
        self._owner = owner

    def acceptNavigationRequest(
        self, url: QUrl | str, kind: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        url = QUrl(url)
        if url.scheme() in ("http", "https") and not self._owner.is_local(url):
            self._owner.open_external(url)
        self.deleteLater()
        return False
