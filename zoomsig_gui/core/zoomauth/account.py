"""Signing in with Zoom for a profile, and the ZAK / OBF tokens that sign-in can fetch.

OAuth 2.0 authorization code with PKCE (S256) and a loopback redirect (RFC 8252) through
Authlib's httpx client, against Zoom's documented endpoints:

- ``GET {oauth}/oauth/authorize`` in the person's browser (consent),
- ``POST {oauth}/oauth/token`` with the Client ID and Secret as HTTP Basic auth (Zoom's way):
  ``authorization_code`` once, then ``refresh_token``; refresh tokens rotate on use,
- ``GET {api}/v2/users/me/token?type=zak`` and ``?type=onbehalf&meeting_id=N`` (Bearer).

Where things are kept: the OAuth app's Client ID (and a chosen redirect port) with the
profile in profiles.json; its Client Secret and the refresh token in the OS keyring only
(``"<id>:oauth-secret"``, ``"<id>:refresh-token"``); a rotated refresh token is stored the
moment it arrives. Access tokens live in this object's memory only; ZAK and OBF tokens are
returned, never stored. A failed sign-in leaves what was saved before as it was.

Blocking (network, keyring, waiting for the browser): the window calls it from a worker.
"""

from __future__ import annotations

import threading
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx
from authlib.common.security import generate_token
from authlib.integrations.base_client import OAuthError

from zoomsig_gui.core.tokens.meeting import MeetingInputError, parse_meeting
from zoomsig_gui.core.vault.errors import VaultError
from zoomsig_gui.core.vault.facade import Vault
from zoomsig_gui.core.vault.index import Profile
from zoomsig_gui.core.vault.secrets import OAUTH_SECRET, REFRESH_TOKEN, entry_name
from zoomsig_gui.core.zoomauth import addresses
from zoomsig_gui.core.zoomauth.errors import (
    SCOPE,
    AppMissingError,
    MissingScopeError,
    NotSignedInError,
    SignInExpiredError,
    ZoomAnswerError,
    ZoomAuthError,
    ZoomNetworkError,
)
from zoomsig_gui.core.zoomauth.loopback import CallbackListener
from zoomsig_gui.core.zoomauth.usertoken import OBF, ZAK, UserToken, describe

T = TypeVar("T")
Token = dict[str, Any]  # a token endpoint's answer, as Authlib hands it over

DEFAULT_WAIT_S = 300.0  # time to finish the sign-in in the browser
HTTP_TIMEOUT_S = 20.0
_INVALID_ACCESS_TOKEN = 124  # Zoom's code for an expired or revoked access token
_SCOPE_CODES = {4700, 4701, 4702, 4703, 4704, 4705, 4706, 4707, 4708, 4709, 4710, 4711}


@dataclass(frozen=True)
class SignInStatus:
    profile: str
    client_id: str  # "" when no OAuth app is set for the profile
    redirect_uri: str
    has_secret: bool
    signed_in: bool  # a refresh token is in the keyring

    def to_json(self) -> dict[str, object]:
        return {
            "profile": self.profile,
            "client_id": self.client_id,
            "redirect_uri": self.redirect_uri,
            "client_secret_saved": self.has_secret,
            "signed_in": self.signed_in,
        }


@dataclass(frozen=True)
class SignInResult:
    profile: str
    scope: str
    notices: tuple[str, ...] = ()


def _vault_call(fn: Callable[..., T], *args: object, **kwargs: object) -> T:
    try:
        return fn(*args, **kwargs)
    except VaultError as exc:
        raise ZoomAuthError(str(exc)) from None


def _network(where: str, exc: httpx.HTTPError) -> ZoomNetworkError:
    why = type(exc).__name__
    if isinstance(exc, httpx.ConnectError):
        why = "the connection was refused or the name did not resolve"
    elif isinstance(exc, httpx.TimeoutException):
        why = "no answer in time"
    return ZoomNetworkError(where, why)


class ZoomAccounts:
    """The Zoom sign-ins of the saved profiles (one ``Vault`` holds both)."""

    def __init__(self, vault: Vault | None = None, http_timeout_s: float = HTTP_TIMEOUT_S) -> None:
        self.vault = vault or Vault()
        self.http_timeout_s = http_timeout_s
        self._access: dict[str, tuple[str, float]] = {}  # profile id -> (token, expires)
        self._lock = threading.RLock()

    # -- what is known ------------------------------------------------------------------
    def _profile(self, name: str) -> Profile:
        return _vault_call(self.vault.get, name)

    def _secret(self, profile: Profile, what: str) -> str | None:
        return _vault_call(self.vault.store.get, entry_name(profile.id, what))

    def status(self, name: str) -> SignInStatus:
        profile = self._profile(name)
        return SignInStatus(
            profile=profile.name,
            client_id=profile.oauth_client_id,
            redirect_uri=addresses.redirect_uri(profile.redirect_port),
            has_secret=self._secret(profile, OAUTH_SECRET) is not None,
            signed_in=self._secret(profile, REFRESH_TOKEN) is not None,
        )

    def redirect_uri(self, name: str) -> str:
        return addresses.redirect_uri(self._profile(name).redirect_port)

    # -- signing in and out -------------------------------------------------------------
    def sign_in(
        self,
        name: str,
        open_url: Callable[[str], object],
        client_id: str | None = None,
        client_secret: str | None = None,
        redirect_port: int | None = None,
        wait_s: float = DEFAULT_WAIT_S,
        cancelled: threading.Event | None = None,
    ) -> SignInResult:
        """Run the whole sign-in: ``open_url(address)`` shows Zoom's page (the system
        browser, or printed for the person), then the loopback listener waits for the
        answer. Saves the Client ID, port, Client Secret and refresh token only when all of
        it worked."""
        profile = self._profile(name)
        client_id = (client_id or "").strip() or profile.oauth_client_id
        if not client_id:
            raise AppMissingError(
                f'No Zoom OAuth app is set for profile "{profile.name}": give the Client ID '
                "of a General app (user-managed, with the user:read:token scope) the first "
                "time you sign in (--client-id ID)."
            )
        given_secret = (client_secret or "").strip() or None
        stored_secret = self._secret(profile, OAUTH_SECRET)
        secret = given_secret or stored_secret
        if not secret:
            raise AppMissingError(
                f'The Client Secret of the Zoom OAuth app of profile "{profile.name}" is not '
                "in the keyring: give it (--client-secret-env VAR or --client-secret-stdin)."
            )
        port = redirect_port or profile.redirect_port or addresses.DEFAULT_REDIRECT_PORT
        token_url = addresses.token_url()
        authorize_url = addresses.authorize_url()

        verifier = generate_token(64)  # RFC 7636: 43 to 128 characters
        client = self._client(client_id, secret, addresses.redirect_uri(port))
        try:
            url, state = client.create_authorization_url(authorize_url, code_verifier=verifier)
            listener = CallbackListener(port, state)
            try:
                open_url(url)
            except Exception:
                listener.close()
                raise
            answer = listener.wait(wait_s, cancelled)
            token = self._token_call(
                "the token address",
                lambda: client.fetch_token(
                    token_url, authorization_response=answer, code_verifier=verifier, state=state
                ),
                profile.name,
            )
        finally:
            client.close()
        refresh = token.get("refresh_token")
        if not refresh:
            raise ZoomAnswerError("Zoom's answer had no refresh token; nothing was saved.")
        scope = str(token.get("scope") or "")
        self._save_sign_in(profile, client_id, given_secret, stored_secret, refresh, redirect_port)
        self._remember_access(profile, token)
        notices = []
        if scope and SCOPE not in scope.replace(",", " ").split():
            notices.append(str(MissingScopeError()))
        return SignInResult(profile.name, scope, tuple(notices))

    def _save_sign_in(
        self,
        profile: Profile,
        client_id: str,
        given_secret: str | None,
        stored_secret: str | None,
        refresh: str,
        redirect_port: int | None,
    ) -> None:
        """All of it or none of it: a failing step undoes the steps before it."""
        store = self.vault.store
        secret_entry = entry_name(profile.id, OAUTH_SECRET)
        refresh_entry = entry_name(profile.id, REFRESH_TOKEN)
        old_refresh = self._secret(profile, REFRESH_TOKEN)
        undo: list[Callable[[], object]] = []
        try:
            if given_secret and given_secret != stored_secret:
                _vault_call(store.set, secret_entry, given_secret, undo_if_late=not stored_secret)
                undo.append(
                    (lambda: store.set(secret_entry, stored_secret))
                    if stored_secret
                    else (lambda: store.delete(secret_entry))
                )
            _vault_call(store.set, refresh_entry, refresh, undo_if_late=not old_refresh)
            undo.append(
                (lambda: store.set(refresh_entry, old_refresh))
                if old_refresh
                else (lambda: store.delete(refresh_entry))
            )
            if client_id != profile.oauth_client_id or (
                redirect_port and redirect_port != profile.redirect_port
            ):
                _vault_call(
                    self.vault.edit,
                    profile.name,
                    oauth_client_id=client_id,
                    redirect_port=redirect_port,
                )
        except ZoomAuthError:
            for step in reversed(undo):
                try:
                    step()
                except Exception:
                    pass  # the first failure is the one to report
            raise

    def sign_out(self, name: str) -> bool:
        """Forget the refresh token and the Client Secret (the keyring entries) and the
        access token; the Client ID stays with the profile. False when nothing was there."""
        profile = self._profile(name)
        with self._lock:
            self._access.pop(profile.id, None)
        removed = False
        for what in (REFRESH_TOKEN, OAUTH_SECRET):
            removed = _vault_call(self.vault.store.delete, entry_name(profile.id, what)) or removed
        return removed

    # -- tokens ---------------------------------------------------------------------------
    def zak(self, name: str) -> UserToken:
        """A fresh ZAK of the signed-in user (to start or join as that user, the host)."""
        return describe(self._user_token(name, {"type": "zak"}), ZAK)

    def obf(self, name: str, meeting: str) -> UserToken:
        """An OBF token for this meeting (number, invite link or invitation), fetched just
        before a join: it is short-lived and tied to one meeting."""
        try:
            number = parse_meeting(meeting).number
        except MeetingInputError as exc:
            raise ZoomAuthError(str(exc)) from None
        found = describe(self._user_token(name, {"type": "onbehalf", "meeting_id": number}), OBF)
        return found if found.meeting else _with_meeting(found, number)

    def _user_token(self, name: str, params: dict[str, str]) -> str:
        profile = self._profile(name)
        for attempt in (1, 2):
            access = self._access_token(profile)
            try:
                with httpx.Client(timeout=self.http_timeout_s) as http:
                    resp = http.get(
                        addresses.api_url("/v2/users/me/token"),
                        params=params,
                        headers={"Authorization": f"Bearer {access}"},
                    )
            except httpx.HTTPError as exc:
                raise _network("the API address", exc) from None
            body = _json(resp)
            code = body.get("code")
            if resp.status_code == 401 and code == _INVALID_ACCESS_TOKEN and attempt == 1:
                with self._lock:  # expired early or revoked: one fresh access token
                    self._access.pop(profile.id, None)
                continue
            if code in _SCOPE_CODES or "scope" in str(body.get("message", "")).lower():
                raise MissingScopeError()
            token = body.get("token")
            if resp.status_code == 200 and isinstance(token, str) and token.strip():
                return token.strip()
            said = str(body.get("message") or f"HTTP {resp.status_code}")
            raise ZoomAnswerError(f"Zoom did not hand out the token: {said} (code {code}).")
        raise ZoomAnswerError("Zoom kept refusing the access token; sign in again.")

    def _access_token(self, profile: Profile) -> str:
        with self._lock:
            held = self._access.get(profile.id)
            if held and held[1] > time.time() + 60:
                return held[0]
        return self._refresh(profile)

    def _refresh(self, profile: Profile) -> str:
        """A new access token from the refresh token, which Zoom rotates: one process at a
        time (the window and a `zoomsig zak` may refresh at once), so none of them uses a
        refresh token another has just used up."""
        from zoomsig_gui.core.store.filelock import LockFileError, LockTimeout, locked

        lock = self.vault.path.with_name(f"zoom-{profile.id}.lock")
        try:
            with locked(lock, self.vault.store.timeout_s + self.http_timeout_s):
                return self._refresh_locked(profile)
        except LockTimeout:
            raise ZoomAuthError(
                "Another zoomsig has been renewing this Zoom sign-in for too long. Try again "
                "in a moment."
            ) from None
        except LockFileError as exc:
            raise ZoomAuthError(f"Cannot renew the Zoom sign-in: {exc.why} ({lock}).") from None

    def _refresh_locked(self, profile: Profile) -> str:
        refresh = self._secret(profile, REFRESH_TOKEN)  # read now: another may have rotated it
        secret = self._secret(profile, OAUTH_SECRET)
        if not refresh or not secret or not profile.oauth_client_id:
            raise NotSignedInError(profile.name)
        client = self._client(profile.oauth_client_id, secret, None)
        try:
            token = self._token_call(
                "the token address",
                lambda: client.refresh_token(addresses.token_url(), refresh_token=refresh),
                profile.name,
                dead_refresh=(entry_name(profile.id, REFRESH_TOKEN), refresh),
            )
        finally:
            client.close()
        rotated = token.get("refresh_token")
        if rotated and rotated != refresh:  # the old one no longer works: keep the new at once
            _vault_call(self.vault.store.set, entry_name(profile.id, REFRESH_TOKEN), rotated)
        return self._remember_access(profile, token)

    def _remember_access(self, profile: Profile, token: Token) -> str:
        access = str(token.get("access_token") or "")
        if not access:
            raise ZoomAnswerError("Zoom's answer had no access token.")
        expires_in = token.get("expires_in")
        life = float(expires_in) if isinstance(expires_in, int | float) else 3600.0
        with self._lock:
            self._access[profile.id] = (access, time.time() + life)
        return access

    # -- machinery ------------------------------------------------------------------------
    def _client(self, client_id: str, secret: str, redirect: str | None) -> Any:
        # Any: Authlib ships no types (its OAuth2Client is an httpx.Client underneath)
        with warnings.catch_warnings():
            # Authlib 1.9.10 prefers the httpx2 fork and warns when it falls back to httpx;
            # zoomsig uses httpx, as its other network code does, until it moves as a whole.
            warnings.filterwarnings("ignore", "The httpx module is deprecated", DeprecationWarning)
            from authlib.integrations.httpx_client import OAuth2Client
        return OAuth2Client(
            client_id=client_id,
            client_secret=secret,
            token_endpoint_auth_method="client_secret_basic",  # Zoom: Basic base64(id:secret)
            redirect_uri=redirect,
            code_challenge_method="S256",
            timeout=self.http_timeout_s,
            trust_env=False,
        )

    def _token_call(
        self,
        where: str,
        call: Callable[[], Token],
        profile_name: str,
        dead_refresh: tuple[str, str] | None = None,  # (keyring entry, the token used)
    ) -> Token:
        try:
            return call()
        except OAuthError as exc:
            if exc.error == "invalid_grant" and dead_refresh:
                entry, used = dead_refresh
                try:  # a dead refresh token: remove it, so the status says "not signed in"
                    if self.vault.store.get(entry) == used:  # not one stored since
                        self.vault.store.delete(entry)
                except VaultError:
                    pass
                raise SignInExpiredError(profile_name) from None
            if exc.error == "invalid_client":
                raise AppMissingError(
                    "Zoom did not accept the OAuth app's Client ID and Client Secret "
                    "(invalid_client). Copy both again from the app's page in the Zoom App "
                    "Marketplace and sign in again. Nothing was saved."
                ) from None
            said = exc.description or exc.error
            raise ZoomAnswerError(
                f"Zoom refused the sign-in ({exc.error}): {said}. Nothing was saved. "
                "Start the sign-in again."
            ) from None
        except httpx.HTTPError as exc:
            raise _network(where, exc) from None
        except ValueError as exc:  # not JSON, or Authlib's own checks (e.g. the state)
            raise ZoomAnswerError(f"Zoom's answer could not be used: {exc}.") from None


def _json(resp: httpx.Response) -> dict[str, Any]:
    try:
        body = resp.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _with_meeting(found: UserToken, number: str) -> UserToken:
    from dataclasses import replace

    return replace(found, meeting=number)
