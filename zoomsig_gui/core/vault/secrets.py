"""The OS keyring through `keyring`, with a timeout on every call and errors in plain words.

A keyring call may block: the Secret Service over D-Bus can hang, or wait for an unlock
prompt. Each call therefore runs in a daemon thread and is abandoned after ``timeout_s``
(the thread may finish later; its result is dropped). Daemon threads never keep the CLI
from exiting.

Backends that would keep a secret in a plain file (keyring's fail/null backends,
keyrings.alt's file backends) are refused: secrets live in a real keyring or nowhere.
"""

from __future__ import annotations

import math
import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from zoomsig_gui.core.vault.errors import (
    INSTALL_HINT,
    KeyringFailedError,
    KeyringLockedError,
    KeyringSettingError,
    KeyringTimeoutError,
    NoKeyringError,
)

SERVICE = "zoomsig"
DEFAULT_TIMEOUT_S = 20.0  # long enough to type an unlock password, short enough to not hang
TIMEOUT_ENV = "ZOOMSIG_KEYRING_TIMEOUT"

T = TypeVar("T")

# Keyring user names: the SDK secret is the profile's id itself (as it always was); the Zoom
# sign-in's OAuth Client Secret and refresh token have their own entries beside it.
OAUTH_SECRET = "oauth-secret"
REFRESH_TOKEN = "refresh-token"
EXTRA_ENTRIES = (OAUTH_SECRET, REFRESH_TOKEN)


def entry_name(profile_id: str, what: str | None = None) -> str:
    """The keyring user name of a profile's secret (``what`` None) or of one of
    EXTRA_ENTRIES: "<id>:oauth-secret", "<id>:refresh-token"."""
    if what is None:
        return profile_id
    if what not in EXTRA_ENTRIES:
        raise ValueError(f"unknown keyring entry {what!r}")
    return f"{profile_id}:{what}"


_FRIENDLY = {
    "keyring.backends.SecretService.Keyring": "the Secret Service (GNOME Keyring or KWallet)",
    "keyring.backends.libsecret.Keyring": "the Secret Service (libsecret)",
    "keyring.backends.kwallet.DBusKeyring": "KWallet",
    "keyring.backends.kwallet.DBusKeyringKWallet4": "KWallet",
    "keyring.backends.macOS.Keyring": "the macOS Keychain",
    "keyring.backends.Windows.WinVaultKeyring": "Windows Credential Manager",
}


@dataclass(frozen=True)
class StorageStatus:
    """Where secrets go, said honestly (like Vorta's get_backend_warning)."""

    persistent: bool  # True: secrets are saved in a keyring and survive a restart
    backend: str  # a name a person recognises, e.g. "the macOS Keychain"
    message: str  # one or two sentences for the window or the CLI


def _class_path(backend: KeyringBackend) -> str:
    return f"{type(backend).__module__}.{type(backend).__qualname__}"


def effective_backend(backend: KeyringBackend) -> KeyringBackend | None:
    """The backend that will store a secret (the chainer's first); None when there is none."""
    if type(backend).__name__ == "ChainerBackend":
        chained = list(getattr(backend, "backends", []))
        return chained[0] if chained else None
    return backend


def refusal(backend: KeyringBackend) -> str | None:
    """Why this backend must not hold our secrets, or None when it may."""
    real = effective_backend(backend)
    if real is None:
        return "No system keyring was found, so secrets cannot be saved."
    path = _class_path(real)
    if path.startswith(("keyring.backends.fail.", "keyring.backends.null.")):
        return "No system keyring was found, so secrets cannot be saved."
    if path.startswith("keyrings.alt."):
        return (
            f"The keyring library is set to use {type(real).__name__}, which keeps "
            "secrets in a file; zoomsig does not use it."
        )
    return None


def friendly_name(backend: KeyringBackend) -> str:
    real = effective_backend(backend) or backend
    return _FRIENDLY.get(_class_path(real), type(real).__name__)


MAX_TIMEOUT_S = 600.0


def timeout_from_env(default: float = DEFAULT_TIMEOUT_S) -> float:
    """The keyring timeout from the environment; raises KeyringSettingError for a value that
    is not a sane number of seconds (negative, zero, nan, inf, text, over ten minutes)."""
    text = os.environ.get(TIMEOUT_ENV)
    if text is None or not text.strip():
        return default
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and 0 < value <= MAX_TIMEOUT_S):
        raise KeyringSettingError(
            f"{TIMEOUT_ENV}={text[:40]!r} is not a number of seconds from 0.1 to "
            f"{MAX_TIMEOUT_S:.0f}: set it to, e.g., 10, or unset it for the default "
            f"({default:g} s)."
        )
    return value


class SecretStore:
    """One keyring entry per profile under service ``"zoomsig"``; ``entry`` is the user name.

    ``backend`` None means keyring's choice (``keyring.get_keyring()``), looked up in the
    worker thread because choosing the backend talks to D-Bus too.
    """

    def __init__(
        self,
        backend: KeyringBackend | None = None,
        timeout_s: float | None = None,
        service: str = SERVICE,
    ) -> None:
        self._backend = backend
        self.timeout_s = timeout_s if timeout_s is not None else timeout_from_env()
        self.service = service

    # -- the three operations -------------------------------------------------------
    def get(self, entry: str) -> str | None:
        """The secret, or None when the entry does not exist."""
        return self._call(lambda kr: kr.get_password(self.service, entry))

    def set(self, entry: str, secret: str, undo_if_late: bool = False) -> None:
        """Store the secret. ``undo_if_late``: for a new entry nobody will look up if this
        call times out (the profile is then not saved), delete it should the keyring finish
        the write after all, so no secret is left behind under a name nothing refers to."""

        def undo() -> None:
            try:
                self._pick().delete_password(self.service, entry)
            except Exception:
                pass

        self._call(
            lambda kr: kr.set_password(self.service, entry, secret),
            secret,
            if_late=undo if undo_if_late else None,
        )

    def delete(self, entry: str) -> bool:
        """Remove the entry; False when there was none."""

        def run(kr: KeyringBackend) -> bool:
            try:
                kr.delete_password(self.service, entry)
            except keyring.errors.PasswordDeleteError:
                return False
            return True

        return self._call(run)

    def entries(self) -> list[str] | None:
        """The names of our entries when the keyring can list them (the Secret Service, or
        a backend with ``list_entries(service)``); None when it cannot."""

        def run(chosen: KeyringBackend) -> list[str] | None:
            kr = effective_backend(chosen)
            own: Callable[[str], Iterable[object]] | None = getattr(kr, "list_entries", None)
            if own is not None:
                return [str(name) for name in own(self.service)]
            collection = getattr(kr, "get_preferred_collection", None)
            if collection is None:
                return None
            items = collection().search_items({"service": self.service})
            return [str(item.get_attributes().get("username", "")) for item in items]

        return self._call(run)

    def status(self) -> StorageStatus:
        """Which keyring is in use and whether secrets will be saved; never raises."""
        try:
            backend = self._run_bounded(self._pick)
        except KeyringTimeoutError as exc:
            return StorageStatus(False, "unknown", str(exc))
        except Exception as exc:
            return StorageStatus(False, "unknown", _describe(exc))
        why = refusal(backend)
        if why:
            return StorageStatus(
                False,
                "none",
                f"{why} {INSTALL_HINT} Secrets entered now "
                "are used for this session only and are not saved.",
            )
        name = friendly_name(backend)
        return StorageStatus(True, name, f"Secrets are saved in your system keyring, {name}.")

    # -- machinery ------------------------------------------------------------------
    def _pick(self) -> KeyringBackend:
        return self._backend if self._backend is not None else keyring.get_keyring()

    def _call(
        self,
        op: Callable[[KeyringBackend], T],
        secret: str | None = None,
        if_late: Callable[[], None] | None = None,
    ) -> T:
        def run() -> T:
            backend = self._pick()
            why = refusal(backend)
            if why:
                raise NoKeyringError(why)
            return op(backend)

        try:
            return self._run_bounded(run, if_late)
        except (NoKeyringError, KeyringTimeoutError):
            raise
        except keyring.errors.NoKeyringError:
            raise NoKeyringError() from None
        except keyring.errors.KeyringLocked:
            raise KeyringLockedError() from None
        except Exception as exc:
            if _looks_locked(exc):
                raise KeyringLockedError() from None
            raise KeyringFailedError(_scrub(_describe(exc), secret)) from None

    def _run_bounded(self, fn: Callable[[], T], if_late: Callable[[], None] | None = None) -> T:
        """``fn()`` in a daemon thread, given up after the timeout; ``if_late()`` runs in that
        thread if ``fn`` succeeds after the caller was told it timed out."""
        value: list[T] = []  # fn's result or its error, once it has one
        error: list[BaseException] = []
        done = threading.Event()
        given_up = threading.Event()
        handover = threading.Lock()  # "done" and "given up" are decided one at a time

        def worker() -> None:
            try:
                value.append(fn())
            except BaseException as exc:
                error.append(exc)
            with handover:
                done.set()
            if given_up.is_set() and if_late is not None and not error:
                if_late()

        threading.Thread(target=worker, name="zoomsig-keyring", daemon=True).start()
        if not done.wait(self.timeout_s):
            with handover:
                if not done.is_set():
                    given_up.set()
                    raise KeyringTimeoutError(self.timeout_s)
        if error:
            raise error[0]
        return value[0]


def _looks_locked(exc: BaseException) -> bool:
    # secretstorage raises LockedException / PromptDismissedException outside keyring's wrapper
    return type(exc).__name__ in {"LockedException", "PromptDismissedException"}


def _describe(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _scrub(text: str, secret: str | None) -> str:
    return text.replace(secret, "•••") if secret else text
