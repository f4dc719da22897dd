"""Errors a person can cause or meet with saved profiles; each message says what to do.

All derive from ``VaultError`` so a caller (CLI, window) can catch one class and show
``str(exc)``. None of the messages ever contains a secret.
"""

from __future__ import annotations

INSTALL_HINT = (
    "On Linux install and start GNOME Keyring (package gnome-keyring) or KWallet and log in "
    "again; macOS and Windows have a keyring built in."
)


class VaultError(Exception):
    """Base class: a plain-English message fit to show as it is."""


class KeyringError(VaultError):
    """The system keyring could not do what was asked; nothing was changed."""


class NoKeyringError(KeyringError):
    def __init__(self, detail: str = "") -> None:
        why = detail or "No system keyring was found, so secrets cannot be saved."
        super().__init__(
            f"{why} {INSTALL_HINT} zoomsig never writes secrets to a file of its own; "
            "until a keyring is available, enter the secret each time (the window can keep "
            "it for the current session only)."
        )


class KeyringLockedError(KeyringError):
    def __init__(self) -> None:
        super().__init__(
            "Your system keyring is locked. Unlock it (for example in the Passwords and Keys "
            "app, or by logging out and in again) and try again."
        )


class KeyringTimeoutError(KeyringError):
    def __init__(self, seconds: float) -> None:
        super().__init__(
            f"The system keyring did not answer within {seconds:g} seconds. If a window asks "
            "you to unlock the keyring, unlock it and try again; otherwise restart the keyring "
            "service (GNOME Keyring or KWallet) or log in again."
        )


class KeyringFailedError(KeyringError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"The system keyring reported an error: {detail}. Nothing was changed.")


class KeyringSettingError(VaultError):
    """A setting for the keyring (an environment variable) that cannot be used."""


class ProfileError(VaultError):
    """A mistake in what was asked of the profile list."""


class DuplicateProfileError(ProfileError):
    def __init__(self, name: str) -> None:
        super().__init__(f'A profile named "{name}" already exists. Choose another name.')


class UnknownProfileError(ProfileError):
    def __init__(self, name: str, known: list[str]) -> None:
        hint = f" Saved profiles: {', '.join(known)}." if known else " No profiles are saved yet."
        super().__init__(f'There is no profile named "{name}".{hint}')


class EmptyValueError(ProfileError):
    def __init__(self, what: str) -> None:
        hint = (
            "Give the profile a name."
            if what == "profile name"
            else "Paste it again from the Zoom App Marketplace."
        )
        super().__init__(f"The {what} is empty. {hint}")


class InvalidValueError(ProfileError):
    """A value that cannot be saved as given (the message says why)."""


class SecretMissingError(ProfileError):
    def __init__(self, name: str) -> None:
        super().__init__(
            f'The secret of profile "{name}" is missing from the system keyring (it was '
            f"deleted there, or never entered). Enter it again: zoomsig profiles set-secret "
            f'"{name}", or Edit profile in the window.'
        )


class ImportFileError(ProfileError):
    def __init__(self, path: str, why: str) -> None:
        super().__init__(f"Cannot import profiles from {path}: {why}. Nothing was imported.")


class ExportFileError(ProfileError):
    def __init__(self, path: str, why: str) -> None:
        super().__init__(f"Cannot export profiles to {path}: {why}. Nothing was written.")


class ExportFileExists(ExportFileError):
    """The file exists: replace it only when the person says so (--force, or yes)."""

    def __init__(self, path: str) -> None:
        ProfileError.__init__(self, f"{path} exists already.")
        self.path = path


class ProfilesBusyError(VaultError):
    def __init__(self, path: str) -> None:
        super().__init__(
            f"Another zoomsig (a window or a command) has been changing the saved "
            f"profiles ({path}) for too long. Nothing was changed: try again in "
            "a moment, and if this repeats, close the other zoomsig windows."
        )


class ProfileFileError(VaultError):
    def __init__(self, path: str, why: str, reading: bool = False) -> None:
        what = f"read the profile list {path}" if reading else f"save the profile list to {path}"
        super().__init__(
            f"Could not {what}: {why}. Check that the folder exists and is "
            "writable, and that the disk is not full."
        )
