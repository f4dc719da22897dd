"""The window's side of the vault: every vault call runs on one worker thread, in order.

The keyring talks D-Bus and may wait for an unlock prompt, so nothing here blocks the GUI.
Secrets fetched for signing stay in memory (``_secrets``) and go to the crash scrubber.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from zoomsig_gui.ui.services.scrubber import Scrubber
from zoomsig_gui.ui.services.workers import Workers

if TYPE_CHECKING:  # keep keyring's import out of the start-up path
    from zoomsig_gui.core.vault.facade import ProfileCredentials, ProfileView, StorageStatus, Vault


def default_vault() -> Vault:
    from zoomsig_gui.core.vault.facade import Vault

    return Vault()


class Profiles(QObject):
    listed = Signal()  # views and status changed
    notice = Signal(str)  # something a person should read (file set aside, session only…)

    def __init__(
        self, factory: Callable[[], Vault], scrubber: Scrubber, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._factory = factory
        self._vault: Vault | None = None
        self._scrubber = scrubber
        self.workers = Workers(self, threads=1)  # one at a time: results arrive in order
        self.views: list[ProfileView] = []
        self.status: StorageStatus | None = None
        self.loaded = False
        self.load_error = ""
        self._secrets: dict[str, ProfileCredentials] = {}

    # -- plumbing -------------------------------------------------------------------
    def vault(self) -> Vault:
        """The Vault itself, for other blocking users in workers (the Zoom sign-in)."""
        return self._vault_now()

    def _vault_now(self) -> Vault:
        if self._vault is None:
            self._vault = self._factory()
        return self._vault

    def _run(
        self,
        fn: Callable[[Vault], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[str], None],
    ) -> None:
        self.workers.run(
            lambda: fn(self._vault_now()), on_done, lambda exc: on_error(self._message(exc))
        )

    @staticmethod
    def _message(exc: Exception) -> str:
        from zoomsig_gui.core.vault.errors import VaultError

        if isinstance(exc, VaultError):
            return str(exc)
        return f"Unexpected problem with saved credentials ({type(exc).__name__})."

    # -- reading --------------------------------------------------------------------
    def names(self) -> list[str]:
        return [v.profile.name for v in self.views]

    def view(self, name: str) -> ProfileView | None:
        return next((v for v in self.views if v.profile.name == name), None)

    def persistent(self) -> bool:
        return bool(self.status and self.status.persistent)

    def load(self) -> None:
        def work(vault: Vault) -> tuple:
            status = vault.storage_status()
            views = vault.profiles()
            return status, views, vault.pop_notices()

        self._run(work, self._loaded, self._load_failed)

    def _loaded(self, result: tuple) -> None:
        self.status, views, notices = result
        # Session-only secrets live in this Vault object; its list() marks them.
        self.views = list(views)
        self.loaded = True
        self.load_error = ""
        self.listed.emit()
        for text in notices:
            self.notice.emit(text)

    def _load_failed(self, message: str) -> None:
        self.loaded = True
        self.load_error = message
        self.listed.emit()

    # -- secrets --------------------------------------------------------------------
    def learn_secret(self, value: str) -> None:
        """A secret typed in for this session only (never saved): kept out of crash reports."""
        self._scrubber.add(value)

    def cached(self, name: str) -> ProfileCredentials | None:
        return self._secrets.get(name)

    def fetch(
        self,
        name: str,
        on_done: Callable[[ProfileCredentials], None],
        on_error: Callable[[str], None],
    ) -> None:
        """The profile's key and secret (from memory when already fetched)."""
        if name in self._secrets:
            on_done(self._secrets[name])
            return

        def work(vault: Vault) -> tuple[ProfileCredentials, list[str]]:
            return vault.credentials(name, mark_used=True), vault.pop_notices()

        def done(result: tuple[ProfileCredentials, list[str]]) -> None:
            creds, notices = result
            self._secrets[name] = creds
            self._scrubber.add(creds.secret)
            on_done(creds)
            for text in notices:  # now, while they are about this token (time of use…)
                self.notice.emit(text)

        self._run(work, done, on_error)

    # -- changing -------------------------------------------------------------------
    def change(
        self,
        fn: Callable[[Vault], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[str], None],
        secret: str | None = None,
    ) -> None:
        """Run a vault change, then reload the list; cached secrets are dropped."""
        if secret:
            self._scrubber.add(secret)

        def done(result: Any) -> None:
            self._secrets.clear()
            on_done(result)
            self.load()

        self._run(fn, done, on_error)


class SecretFetch:
    """A tab's way to the saved credentials: ``get(name)`` gives them when in memory, else
    starts one keyring read (however often it is asked) and calls ``then()`` when the read
    ends. A read that failed is remembered (``error(name)``) until ``forget()``."""

    def __init__(self, profiles: Profiles, then: Callable[[], None]) -> None:
        self._profiles = profiles
        self._then = then
        self._fetching: set[str] = set()
        self._errors: dict[str, str] = {}

    def get(self, name: str) -> ProfileCredentials | None:
        creds = self._profiles.cached(name)
        if creds is None and name not in self._errors and name not in self._fetching:
            self._fetching.add(name)
            self._profiles.fetch(name, lambda _c: self._ended(name), lambda m: self._ended(name, m))
        return creds

    def error(self, name: str) -> str:
        """Why the last read for ``name`` failed; "" when it did not (or is still running)."""
        return self._errors.get(name, "")

    def forget(self) -> None:
        self._errors.clear()

    def _ended(self, name: str, error: str | None = None) -> None:
        self._fetching.discard(name)
        if error:
            self._errors[name] = error
        self._then()
