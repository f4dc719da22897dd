"""Keyring helpers for the vault tests: small in-memory backends for unit tests, and access
to the real Secret Service (gnome-keyring on the session D-Bus) for integration tests."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import keyring.errors
from keyring.backend import KeyringBackend
from keyring.compat import properties

from tests.helpers.env import require
from zoomsig_gui.core.vault.secrets import effective_backend


class MemoryKeyring(KeyringBackend):
    """A dict standing in for the OS keyring (unit tests only)."""

    @properties.classproperty
    def priority(cls) -> float:
        # Not viable: keyring registers every subclass and would otherwise chain these test
        # doubles with the real Secret Service for the rest of the test process.
        raise RuntimeError("test double; pass it to SecretStore(backend=…)")

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.entries:
            raise keyring.errors.PasswordDeleteError("No such password!")
        del self.entries[(service, username)]


class LockedKeyring(MemoryKeyring):
    """Behaves like keyring's Secret Service backend when the unlock prompt is dismissed."""

    def get_password(self, *_args: str) -> str | None:
        raise keyring.errors.KeyringLocked("Failed to unlock the collection!")

    set_password = delete_password = get_password  # type: ignore[assignment]


class BlockingKeyring(MemoryKeyring):
    """Every call hangs until ``release`` is set, like a stuck D-Bus call."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()

    def get_password(self, service: str, username: str) -> str | None:
        self.release.wait(60)
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        self.release.wait(60)

    def delete_password(self, service: str, username: str) -> None:
        self.release.wait(60)


class SlowKeyring(MemoryKeyring):
    """Writes hang until ``release`` is set, then happen after all (a late D-Bus answer)."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()
        self.written = threading.Event()

    def set_password(self, service: str, username: str, password: str) -> None:
        self.release.wait(60)
        super().set_password(service, username, password)
        self.written.set()


class BrokenKeyring(MemoryKeyring):
    """A backend failing with an unexpected error that echoes what it was given."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError(f"org.freedesktop.DBus.Error.NoReply while storing {password}")


# -- the real Secret Service --------------------------------------------------------------


def secret_service_problem() -> str | None:
    """None when gnome-keyring (or another Secret Service) answers with an unlocked default."""
    try:
        import secretstorage
    except ImportError:
        return "the secretstorage module is not installed"
    try:
        with closing(secretstorage.dbus_init()) as conn:
            if not secretstorage.check_service_availability(conn):
                return (
                    "no Secret Service on the session D-Bus (run inside dbus-run-session "
                    "with gnome-keyring-daemon --unlock)"
                )
            if secretstorage.get_default_collection(conn).is_locked():
                return "the default keyring collection is locked"
    except Exception as exc:
        return f"Secret Service not reachable: {type(exc).__name__}: {exc}"
    from keyring.backends.SecretService import Keyring as SecretServiceKeyring

    chosen = effective_backend(keyring.get_keyring())
    if not isinstance(chosen, SecretServiceKeyring):
        return f"keyring chose {chosen!r}, not the Secret Service"
    return None


def require_secret_service() -> None:
    problem = secret_service_problem()
    require(problem is None, problem or "")


def _bus():
    from jeepney.io.blocking import open_dbus_connection

    return open_dbus_connection(bus="SESSION")


def secret_service_pid() -> int:
    from jeepney import DBusAddress, new_method_call

    addr = DBusAddress(
        "/org/freedesktop/DBus", bus_name="org.freedesktop.DBus", interface="org.freedesktop.DBus"
    )
    with closing(_bus()) as conn:
        reply = conn.send_and_get_reply(
            new_method_call(addr, "GetConnectionUnixProcessID", "s", ("org.freedesktop.secrets",))
        )
    return int(reply.body[0])


class GnomeCollection:
    """A throwaway gnome-keyring collection with a known password, so a test can lock it and
    unlock it again without a prompt (gnome-keyring's internal interface)."""

    def __init__(self, label: str, password: bytes) -> None:
        from jeepney import DBusAddress, new_method_call

        self._new = new_method_call
        self._password = password
        self._conn = _bus()
        svc = DBusAddress(
            "/org/freedesktop/secrets",
            bus_name="org.freedesktop.secrets",
            interface="org.freedesktop.Secret.Service",
        )
        self._internal = DBusAddress(
            "/org/freedesktop/secrets",
            bus_name="org.freedesktop.secrets",
            interface="org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface",
        )
        _, self._session = self._call(svc, "OpenSession", "sv", ("plain", ("s", ""))).body
        props = {"org.freedesktop.Secret.Collection.Label": ("s", label)}
        self.path = self._call(
            self._internal, "CreateWithMasterPassword", "a{sv}(oayays)", (props, self._secret())
        ).body[0]

    def _secret(self) -> tuple:
        return (self._session, b"", self._password, "text/plain")

    def _call(self, addr, method: str, sig: str, body: tuple):
        from jeepney.wrappers import unwrap_msg

        reply = self._conn.send_and_get_reply(self._new(addr, method, sig, body))
        unwrap_msg(reply)  # raises DBusErrorResponse on an error reply
        return reply

    def backend(self) -> KeyringBackend:
        from keyring.backends.SecretService import Keyring as SecretServiceKeyring

        kr = SecretServiceKeyring()
        kr.preferred_collection = self.path
        return kr

    def _collection(self):
        import secretstorage

        return secretstorage.Collection(secretstorage.dbus_init(), self.path)

    def lock(self) -> None:
        col = self._collection()
        with closing(col.connection):
            col.lock()
            assert col.is_locked()

    def unlock(self) -> None:
        self._call(
            self._internal, "UnlockWithMasterPassword", "o(oayays)", (self.path, self._secret())
        )

    def delete(self) -> None:
        self.unlock()
        col = self._collection()
        with closing(col.connection):
            col.delete()
        self._conn.close()


@contextmanager
def gnome_collection(label: str) -> Iterator[GnomeCollection]:
    collection = GnomeCollection(label, os.urandom(12).hex().encode())
    try:
        yield collection
    finally:
        collection.delete()


# -- subprocesses and leak scans -------------------------------------------------------


def zoomsig_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "zoomsig_gui.cli", *args]


def child_env(home: Path) -> dict[str, str]:
    """A fresh HOME for the CLI; the session D-Bus (and so the keyring) stays the same."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        PYTHONIOENCODING="utf-8",
    )
    if "XDG_RUNTIME_DIR" in os.environ:
        env["XDG_RUNTIME_DIR"] = os.environ["XDG_RUNTIME_DIR"]
    return env


def files_containing(needle: str, roots: list[Path], exclude: list[Path]) -> list[Path]:
    """Every regular file under ``roots`` (not under ``exclude``) whose bytes hold ``needle``."""
    wanted = needle.encode()
    skip = [p.resolve() for p in exclude]
    hits: list[Path] = []
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            here = Path(dirpath).resolve()
            dirnames[:] = [d for d in dirnames if (here / d).resolve() not in skip]
            for name in filenames:
                path = here / name
                try:
                    if path.is_file() and wanted in path.read_bytes():
                        hits.append(path)
                except OSError:
                    continue
    return hits
