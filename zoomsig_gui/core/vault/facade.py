"""Saved credentials ("profiles"): metadata in a JSON file of ours, secrets in the OS keyring.

This is the one API the CLI and the window use. It is Qt-free and blocking: keyring calls
may take up to ``SecretStore.timeout_s`` seconds, so the window calls it from a worker.

    vault = Vault()                       # profiles.json in platformdirs' config folder
    vault.storage_status()                # StorageStatus: persistent? backend? message
    vault.profiles()                      # [ProfileView(profile, secret_state, state_message)]
    vault.view(name) / vault.get(name)    # one profile (never the secret)
    vault.add(name, key, secret, kind="meeting-sdk", notes="", session_only=False) -> Outcome
    vault.edit(name, key=…, kind=…, notes=…, new_name=…) -> Outcome
    vault.rename(old, new) -> Outcome
    vault.set_secret(name, secret, session_only=False) -> Outcome
    vault.remove(name) -> Outcome          # deletes the keyring entry too
    vault.credentials(name, mark_used=False) -> ProfileCredentials (has the secret); with
                                          mark_used, records the time of use (for signing)
    vault.export_data() / export_to(path)  # names, keys, kinds, notes; never secrets
    vault.import_data(data) / import_from(path) -> ImportResult (added, skipped with reasons)
    vault.pop_notices()                    # e.g. "profiles.json was corrupt, set aside as …"

Calls on one Vault are serialised (safe from several worker threads); every change
re-reads the file first, so the CLI and the window can share it.

Outcome.notices carries what a person should read: whitespace stripped from a pasted
value, a key that looks like an e-mail/URL/JWT, a secret kept for this session only.

Secret states in ``ProfileView.secret_state``: ``saved`` (in the keyring), ``missing``
(the entry was deleted behind our back, or never entered: offer to re-enter it),
``session`` (held in memory by this Vault only), ``unknown`` (the keyring could not be
asked; ``state_message`` says why).

Every failure is a ``VaultError`` subclass (see ``vaulterrors``) with a message fit to
show: ``NoKeyringError``, ``KeyringLockedError``, ``KeyringTimeoutError``,
``KeyringFailedError``, ``DuplicateProfileError``, ``UnknownProfileError``,
``EmptyValueError``, ``InvalidValueError``, ``SecretMissingError``, ``ImportFileError``,
``ProfileFileError``, ``ProfilesBusyError``. A failed operation changes nothing. Without a
usable keyring a secret is never written anywhere: ``add``/``set_secret`` raise
``NoKeyringError`` unless ``session_only=True``. Changes to the list are serialised across
processes too (a lock file beside profiles.json), so the window and the CLI lose nothing.
"""

from __future__ import annotations

import dataclasses
import functools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from zoomsig_gui.core.store.jsonfile import write_json_atomic
from zoomsig_gui.core.vault import hygiene
from zoomsig_gui.core.vault import index as idx
from zoomsig_gui.core.vault.errors import (
    DuplicateProfileError,
    ExportFileError,
    InvalidValueError,
    KeyringError,
    NoKeyringError,
    ProfileFileError,
    ProfilesBusyError,
    SecretMissingError,
    UnknownProfileError,
)
from zoomsig_gui.core.vault.index import Profile
from zoomsig_gui.core.vault.secrets import (
    EXTRA_ENTRIES,
    SecretStore,
    StorageStatus,
    entry_name,
)
from zoomsig_gui.core.vault.transfer import (
    ImportResult,
    export_payload,
    export_target,
    parse_import,
    read_import,
)

__all__ = [
    "Vault",
    "ProfileView",
    "Outcome",
    "ProfileCredentials",
    "ImportResult",
    "Profile",
    "StorageStatus",
    "SAVED",
    "MISSING",
    "SESSION",
    "UNKNOWN",
]

SAVED, MISSING, SESSION, UNKNOWN = "saved", "missing", "session", "unknown"
LOCK_MARGIN_S = 10.0  # waited for another process's change beyond the keyring's timeout
CHECK_AT_MOST = 50  # profiles whose secrets list() looks up, one keyring call each
SHORT_WAIT_S = 1.0  # for recording the time of use: never worth holding up a token
SESSION_NOTICE = "The secret is kept for this session only and is not saved."


@dataclass(frozen=True)
class ProfileView:
    profile: Profile
    secret_state: str
    state_message: str


@dataclass(frozen=True)
class Outcome:
    profile: Profile | None
    notices: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProfileCredentials:
    profile: Profile
    secret: str = field(repr=False)
    session_only: bool = False

    @property
    def key(self) -> str:
        return self.profile.key


def _test_pause(variable: str) -> None:
    """Sleep as long as the variable says: lets a test kill the process between two writes."""
    import os

    seconds = os.environ.get(variable)
    if seconds:
        time.sleep(float(seconds))


P = ParamSpec("P")
R = TypeVar("R")
# A Vault method, typed so the decorators below keep its signature for callers and checkers.
Method = Callable[Concatenate["Vault", P], R]


def _serialised(method: Method[P, R]) -> Method[P, R]:
    """One operation at a time per Vault: workers must not interleave read-modify-write."""

    @functools.wraps(method)
    def wrapper(self: Vault, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with self._lock:
            return method(self, *args, **kwargs)

    return wrapper


def _exclusive(short: bool = False) -> Callable[[Method[P, R]], Method[P, R]]:
    """As _serialised, and one such change at a time across processes too (the window and
    the command line share profiles.json). Waits while the other one finishes, which may
    include a slow keyring call, so the wait is longer than the keyring's timeout; a
    ``short`` one (a nicety like recording the time of use) waits SHORT_WAIT_S at most."""

    def decorate(method: Method[P, R]) -> Method[P, R]:
        @functools.wraps(method)
        def wrapper(self: Vault, /, *args: P.args, **kwargs: P.kwargs) -> R:
            from zoomsig_gui.core.store.filelock import LockFileError, LockTimeout, locked

            lock_path = self.path.with_name(self.path.name + ".lock")
            wait_s = SHORT_WAIT_S if short else self.store.timeout_s + LOCK_MARGIN_S
            with self._lock:
                if self._holds_file_lock:  # one change calling another: the lock is ours
                    return method(self, *args, **kwargs)
                self._holds_file_lock = True
                try:
                    with locked(lock_path, wait_s):
                        return method(self, *args, **kwargs)
                except LockTimeout:
                    raise ProfilesBusyError(str(self.path)) from None
                except LockFileError as exc:  # no lock file beside the list: nor can it be read
                    raise ProfileFileError(str(self.path), exc.why, reading=True) from None
                finally:
                    self._holds_file_lock = False

        return wrapper

    return decorate


class Vault:
    def __init__(
        self,
        path: Path | None = None,
        store: SecretStore | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.path = path or idx.default_path()
        self.store = store or SecretStore()
        self._clock = clock
        self._session: dict[str, str] = {}  # profile id -> secret, this process only
        self._notices: list[str] = []
        self._lock = threading.RLock()
        self._holds_file_lock = False
        self._tidied = False  # orphaned keyring entries removed once per Vault

    # -- reading --------------------------------------------------------------------
    def _load(self) -> list[Profile]:
        try:
            read = idx.read_index(self.path)
        except OSError as exc:  # e.g. a file where the config folder should be
            raise ProfileFileError(
                str(self.path), exc.strerror or type(exc).__name__, reading=True
            ) from None
        if read.notice:
            self._notices.append(read.notice)
        return list(read.profiles)

    def _save(self, profiles: list[Profile]) -> None:
        try:
            idx.write_index(self.path, profiles)
        except OSError as exc:
            raise ProfileFileError(str(self.path), exc.strerror or type(exc).__name__) from None

    @staticmethod
    def _find(profiles: list[Profile], name: str) -> int:
        wanted = hygiene.name_key((name or "").strip())
        for i, profile in enumerate(profiles):
            if hygiene.name_key(profile.name) == wanted:
                return i
        raise UnknownProfileError(name, [p.name for p in profiles])

    @_serialised
    def pop_notices(self) -> list[str]:
        """Things found while reading the file (e.g. it was set aside); cleared once read."""
        notices, self._notices = self._notices, []
        return notices

    def storage_status(self) -> StorageStatus:
        return self.store.status()

    @_serialised
    def names(self) -> list[str]:
        return [p.name for p in self._load()]

    @_serialised
    def get(self, name: str) -> Profile:
        profiles = self._load()
        return profiles[self._find(profiles, name)]

    @_serialised
    def profiles(self, check_secrets: bool = True) -> list[ProfileView]:
        """All profiles in saved order; asks the keyring once per profile when checking, and
        only for a list of up to CHECK_AT_MOST (13,000 keyring calls took 23 s)."""
        self._tidy_once()
        views: list[ProfileView] = []
        profiles = self._load()
        failure: str | None = None if check_secrets else "Not checked."
        if failure is None and len(profiles) > CHECK_AT_MOST:
            failure = (
                f"Not checked: with more than {CHECK_AT_MOST} profiles the secrets are checked "
                "one at a time (zoomsig profiles show NAME)."
            )
        for profile in profiles:
            if profile.id in self._session:  # known without asking the keyring
                views.append(ProfileView(profile, SESSION, SESSION_NOTICE))
                continue
            if failure is None:
                try:
                    views.append(self._view(profile))
                    continue
                except KeyringError as exc:
                    failure = str(exc)  # one slow or broken keyring answer is enough
            views.append(ProfileView(profile, UNKNOWN, failure))
        return views

    def _tidy_once(self) -> None:
        """Once per Vault, remove keyring entries of ours that no profile names (a process
        killed during an add by an older zoomsig, or a profile file set aside). Only when the
        keyring can list entries (the Secret Service); never raises."""
        if self._tidied:
            return
        self._tidied = True
        try:
            removed = self._remove_orphans()
        except (KeyringError, ProfilesBusyError, ProfileFileError, OSError):
            return  # the listing that follows reports what is wrong
        if removed:
            self._notices.append(
                f"Removed {removed} secret{'s' if removed != 1 else ''} from the system keyring "
                "that no profile used (left by an interrupted change)."
            )

    @_exclusive(short=True)
    def _remove_orphans(self) -> int:
        entries = self.store.entries()
        if not entries:
            return 0
        read = idx.read_index(self.path)
        if read.notice:  # a damaged list: its secrets may be wanted when it is mended
            self._notices.append(read.notice)
            return 0
        known = {p.id for p in read.profiles} | set(self._session)
        orphans = [e for e in entries if e not in known and idx.looks_like_id(e)]
        for entry in orphans:
            self.store.delete(entry)
        return len(orphans)

    @_serialised
    def view(self, name: str) -> ProfileView:
        profile = self.get(name)
        try:
            return self._view(profile)
        except KeyringError as exc:
            return ProfileView(profile, UNKNOWN, str(exc))

    def _view(self, profile: Profile) -> ProfileView:
        if profile.id in self._session:
            return ProfileView(profile, SESSION, SESSION_NOTICE)
        if self.store.get(profile.id) is None:
            return ProfileView(
                profile,
                MISSING,
                "The secret is missing from the system "
                "keyring. Enter it again to use this profile.",
            )
        return ProfileView(profile, SAVED, "The secret is saved in the system keyring.")

    # -- changing -------------------------------------------------------------------
    @_exclusive()
    def add(
        self,
        name: str,
        key: str,
        secret: str | None = None,
        kind: str | None = None,
        notes: str = "",
        session_only: bool = False,
    ) -> Outcome:
        """Save a new profile; with ``secret`` None it is saved without one (state missing)."""
        clean_name = hygiene.clean_name(name)
        key_c = hygiene.clean_key(key)
        profile = Profile(
            id=idx.new_id(),
            name=clean_name,
            key=key_c.value,
            kind=hygiene.clean_kind(kind),
            notes=hygiene.clean_notes(notes),
            created=int(self._clock()),
        )
        profiles = self._load()
        if any(hygiene.name_key(p.name) == hygiene.name_key(clean_name) for p in profiles):
            raise DuplicateProfileError(clean_name)
        notices = list(key_c.notices)
        secret_c = None
        if secret is not None:
            secret_c = hygiene.clean_value(secret, "secret")
            self._check_secret(profile, secret_c.value)
            notices += secret_c.notices
        # The profile first, then its secret: a process killed in between leaves a profile
        # whose secret is missing (the list says so; set-secret mends it), never a secret in
        # the keyring that no profile names and nobody can see.
        self._save([*profiles, profile])
        if secret_c is None:
            return Outcome(profile, tuple(notices))
        _test_pause("ZOOMSIG_TEST_PAUSE_IN_ADD")
        try:
            self._keep_secret(profile, secret_c.value, session_only, notices, new=True)
        except KeyringError:
            self._save(profiles)  # all or nothing: without its secret the add did not happen
            raise
        return Outcome(profile, tuple(notices))

    @_exclusive()
    def edit(
        self,
        name: str,
        key: str | None = None,
        kind: str | None = None,
        notes: str | None = None,
        new_name: str | None = None,
        oauth_client_id: str | None = None,
        redirect_port: int | None = None,
    ) -> Outcome:
        """Change what is given; all or nothing, the rename (``new_name``) included.
        ``oauth_client_id`` "" forgets the Zoom sign-in's app; ``redirect_port`` 0 the port."""
        profiles = self._load()
        i = self._find(profiles, name)
        profile, notices = profiles[i], []
        changes: dict[str, Any] = {}
        if new_name is not None:
            changes["name"] = self._new_name(profiles, i, new_name)
        if key is not None:
            key_c = hygiene.clean_key(key)
            changes["key"], notices = key_c.value, list(key_c.notices)
        if kind is not None:
            changes["kind"] = hygiene.clean_kind(kind)
        if notes is not None:
            changes["notes"] = hygiene.clean_notes(notes)
        if oauth_client_id is not None:
            cleared = not oauth_client_id.strip()
            changes["oauth_client_id"] = "" if cleared else hygiene.clean_key(oauth_client_id).value
        if redirect_port is not None:
            changes["redirect_port"] = redirect_port or None
        updated = dataclasses.replace(profile, **changes)
        if "key" in changes or "notes" in changes:
            secret = self._known_secret(profile)
            if secret:
                self._check_secret(updated, secret)  # the file must not receive it
        profiles[i] = updated
        self._save(profiles)
        return Outcome(profiles[i], tuple(notices))

    def _known_secret(self, profile: Profile) -> str | None:
        """The secret held for this session or in the keyring; None when there is none."""
        if profile.id in self._session:
            return self._session[profile.id]
        try:
            return self.store.get(profile.id)
        except NoKeyringError:
            return None  # nothing can have been saved

    def rename(self, old: str, new: str) -> Outcome:
        # The keyring entry is named by the profile's id, so it stays as it is.
        return self.edit(old, new_name=new)

    @_serialised
    def checked_name(self, old: str, new: str) -> str:
        """``new`` as rename(old, new) would save it, or rename's error; nothing changes. An
        edit that also renames checks the name first, before it saves anything else."""
        profiles = self._load()
        return self._new_name(profiles, self._find(profiles, old), new)

    @staticmethod
    def _new_name(profiles: list[Profile], i: int, new: str) -> str:
        new_name = hygiene.clean_name(new)
        for j, other in enumerate(profiles):
            if j != i and hygiene.name_key(other.name) == hygiene.name_key(new_name):
                raise DuplicateProfileError(new_name)
        return new_name

    @_serialised
    def set_secret(self, name: str, secret: str, session_only: bool = False) -> Outcome:
        profile = self.get(name)
        secret_c = hygiene.clean_value(secret, "secret")
        self._check_secret(profile, secret_c.value)
        notices = list(secret_c.notices)
        self._keep_secret(profile, secret_c.value, session_only, notices)
        return Outcome(profile, tuple(notices))

    @_exclusive()
    def remove(self, name: str) -> Outcome:
        """Delete the keyring entry, then the profile. A locked keyring keeps both."""
        profiles = self._load()
        i = self._find(profiles, name)
        profile = profiles[i]
        notices: list[str] = []
        try:
            self.store.delete(profile.id)
            for what in EXTRA_ENTRIES:  # the Zoom sign-in's secret and refresh token
                self.store.delete(entry_name(profile.id, what))
        except NoKeyringError:
            notices.append(
                "No system keyring could be reached, so if a secret was saved "
                "for this profile earlier it is still in that keyring (service "
                f'"{self.store.service}", entry "{profile.id}").'
            )
        self._session.pop(profile.id, None)
        del profiles[i]
        self._save(profiles)
        return Outcome(profile, tuple(notices))

    def _check_secret(self, profile: Profile, secret: str) -> None:
        # The key and notes go to a plain file: refuse to let the secret travel there.
        if secret == profile.key:
            raise InvalidValueError(
                "The key and the secret are the same. Paste the Client ID (or SDK Key) as "
                "the key and the Client Secret (or SDK Secret) as the secret."
            )
        if secret in profile.notes:
            raise InvalidValueError(
                "The notes contain the secret. Notes are saved in a plain "
                "file: remove the secret from them first."
            )

    def _keep_secret(
        self,
        profile: Profile,
        secret: str,
        session_only: bool,
        notices: list[str],
        new: bool = False,
    ) -> bool:
        """Store in the keyring (True) or in memory when ``session_only`` (False). For a
        ``new`` profile, a write the keyring finishes after our timeout is undone: the
        profile was not saved, so nothing would ever refer to that entry."""
        if session_only:
            self._session[profile.id] = secret
            notices.append(SESSION_NOTICE)
            return False
        self.store.set(profile.id, secret, undo_if_late=new)
        self._session.pop(profile.id, None)
        return True

    def _forget_quietly(self, entry: str) -> None:
        try:
            self.store.delete(entry)
        except KeyringError:
            pass  # the caller reports the original failure

    # -- using ----------------------------------------------------------------------
    @_serialised
    def credentials(self, name: str, mark_used: bool = False) -> ProfileCredentials:
        profile = self.get(name)
        session = profile.id in self._session
        secret = self._session[profile.id] if session else self.store.get(profile.id)
        if not secret:
            raise SecretMissingError(profile.name)
        if mark_used:
            profile = self._mark_used_quietly(profile.name) or profile
        return ProfileCredentials(profile, secret, session)

    def _mark_used_quietly(self, name: str) -> Profile | None:
        """mark_used for signing: whatever stops it is a notice, never a failed token."""
        try:
            return self.mark_used(name)
        except ProfilesBusyError:  # another zoomsig is saving (perhaps waiting on the keyring)
            self._notices.append(
                "The time of use was not recorded: another zoomsig was changing the saved profiles."
            )
        except ProfileFileError as exc:  # e.g. no lock file can be made beside the list
            self._notices.append(f"The time of use was not recorded. {exc}")
        return None

    @_exclusive(short=True)
    def mark_used(self, name: str) -> Profile | None:
        """Record the time of use; a failed write only adds a notice (signing still works)."""
        profiles = self._load()
        try:
            i = self._find(profiles, name)
        except UnknownProfileError:
            return None
        profiles[i] = dataclasses.replace(profiles[i], last_used=int(self._clock()))
        try:
            self._save(profiles)
        except ProfileFileError as exc:
            self._notices.append(str(exc))
        return profiles[i]

    # -- sharing --------------------------------------------------------------------
    @_serialised
    def export_data(self, names: list[str] | None = None) -> dict[str, Any]:
        profiles = self._load()
        chosen = profiles if names is None else [profiles[self._find(profiles, n)] for n in names]
        return export_payload(chosen)

    @_serialised
    def export_to(self, path: Path, names: list[str] | None = None, replace: bool = False) -> int:
        """Write the export; an existing file only with ``replace`` (ExportFileExists)."""
        data = self.export_data(names)
        target, mode = export_target(Path(path), replace)
        try:
            write_json_atomic(target, data, mode=mode)
        except OSError as exc:
            raise ExportFileError(str(path), exc.strerror or type(exc).__name__) from None
        return len(data["profiles"])

    @_serialised
    def import_from(self, path: Path) -> ImportResult:
        return self.import_data(read_import(Path(path)), str(path))

    @_exclusive()
    def import_data(self, data: object, source: str = "the import") -> ImportResult:
        """Add the profiles not there yet (without secrets); existing ones stay untouched."""
        entries, notices = parse_import(data, source)
        profiles = self._load()
        taken = {hygiene.name_key(p.name) for p in profiles}
        added: list[Profile] = []
        skipped: list[tuple[str, str]] = list(entries.skipped)
        for entry in entries.valid:
            if hygiene.name_key(entry.name) in taken:
                skipped.append((entry.name, "a profile with this name already exists"))
                continue
            taken.add(hygiene.name_key(entry.name))
            added.append(dataclasses.replace(entry, id=idx.new_id(), created=int(self._clock())))
        if added:
            self._save([*profiles, *added])
        return ImportResult(tuple(added), tuple(skipped), tuple(notices))
