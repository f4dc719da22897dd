"""What can go wrong signing in with Zoom or fetching a ZAK / OBF token, in plain words.

Every failure is a ``ZoomAuthError`` whose text can be shown as it is. None of the messages
ever holds a secret, a refresh token, an access token, a code or a ZAK / OBF token.
"""

from __future__ import annotations

SCOPE = "user:read:token"


class ZoomAuthError(Exception):
    """Base class: a plain-English message fit to show as it is; nothing was half-stored."""


class NotSignedInError(ZoomAuthError):
    def __init__(self, profile: str) -> None:
        super().__init__(
            f'Profile "{profile}" is not signed in with Zoom. Sign in first: '
            f'zoomsig zoom signin --profile "{profile}" (or "Sign in with Zoom" in the window).'
        )


class AppMissingError(ZoomAuthError):
    """No OAuth app (Client ID or Client Secret) is known for the profile."""


class StateMismatchError(ZoomAuthError):
    def __init__(self) -> None:
        super().__init__(
            "The answer that came back to zoomsig was not for this sign-in (its state did "
            "not match), so it was ignored and nothing was saved. Start the sign-in again "
            "and finish it in the same browser tab."
        )


class NotLoopbackError(ZoomAuthError):
    """The redirect, or an address the sign-in would use, is not this computer."""


class ConsentDeniedError(ZoomAuthError):
    def __init__(self) -> None:
        super().__init__(
            "The sign-in was declined on Zoom's page (access denied), so nothing was saved. "
            "Sign in again and choose Allow to let the app read your ZAK and OBF tokens."
        )


class SignInExpiredError(ZoomAuthError):
    def __init__(self, profile: str) -> None:
        super().__init__(
            f'The Zoom sign-in of profile "{profile}" has expired or was revoked (Zoom '
            "answered invalid_grant), so it was removed. Sign in again: zoomsig zoom signin "
            f'--profile "{profile}".'
        )


class MissingScopeError(ZoomAuthError):
    def __init__(self) -> None:
        super().__init__(
            f"The app lacks the {SCOPE} scope, so Zoom will not hand out ZAK or OBF tokens. "
            f"In the Zoom App Marketplace add the {SCOPE} scope to the app (Scopes), then "
            "sign in again so the new scope is granted."
        )


class ZoomNetworkError(ZoomAuthError):
    def __init__(self, where: str, why: str) -> None:
        super().__init__(
            f"Could not reach Zoom ({where}): {why}. Check the network connection and any "
            "proxy or firewall, then try again. Nothing was saved."
        )


class SignInTimeoutError(ZoomAuthError):
    def __init__(self, seconds: float) -> None:
        super().__init__(
            f"No answer came back from the browser within {seconds:g} seconds, so the "
            "sign-in was given up and nothing was saved. Start it again and finish it in "
            "the browser."
        )


class ZoomAnswerError(ZoomAuthError):
    """Zoom answered with an error that has no message of its own above."""
