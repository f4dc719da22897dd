"""Signing in with Zoom against the local stand-in of Zoom's OAuth and token endpoints, with
an in-memory keyring: what a person sees when it works, and when each step fails."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.zoom_standin import SCOPE, ZoomStandIn, browser
from zoomsig_gui.core.vault.facade import Vault
from zoomsig_gui.core.vault.secrets import SERVICE, SecretStore
from zoomsig_gui.core.zoomauth import addresses
from zoomsig_gui.core.zoomauth.account import ZoomAccounts
from zoomsig_gui.core.zoomauth.errors import (
    AppMissingError,
    ConsentDeniedError,
    MissingScopeError,
    NotLoopbackError,
    NotSignedInError,
    SignInExpiredError,
    SignInTimeoutError,
    StateMismatchError,
    ZoomAuthError,
    ZoomNetworkError,
)
from zoomsig_gui.core.zoomauth.usertoken import describe

SDK_KEY, SDK_SECRET = "aB3dE5fG7hI9jK1lM3nO5p", "Q7xWn2KpL9vRt4YbZ8sMd3FhJc6GaE1u"
CLIENT_ID, CLIENT_SECRET = "OAuthClientId123", "canary-oauth-secret-4f9c2"


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def zoom(monkeypatch: pytest.MonkeyPatch):
    with ZoomStandIn() as standin:
        monkeypatch.setenv(addresses.OAUTH_ENV, standin.url)
        monkeypatch.setenv(addresses.API_ENV, standin.url)
        yield standin


@pytest.fixture
def backend() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def accounts(tmp_path: Path, backend: MemoryKeyring) -> ZoomAccounts:
    vault = Vault(path=tmp_path / "profiles.json", store=SecretStore(backend=backend))
    vault.add("QA", SDK_KEY, SDK_SECRET)
    return ZoomAccounts(vault)


@pytest.fixture
def port(zoom: ZoomStandIn) -> int:
    port = free_port()
    zoom.add_app(CLIENT_ID, CLIENT_SECRET, [addresses.redirect_uri(port)])
    return port


def sign_in(accounts: ZoomAccounts, port: int, **kw):
    opener = kw.pop("open_url", None) or browser()
    kw.setdefault("client_id", CLIENT_ID)
    kw.setdefault("client_secret", CLIENT_SECRET)
    return accounts.sign_in("QA", opener, redirect_port=port, wait_s=kw.pop("wait_s", 10), **kw)


def entries(backend: MemoryKeyring) -> dict[str, str]:
    return {user: value for (svc, user), value in backend.entries.items() if svc == SERVICE}


def test_sign_in_stores_the_app_and_refresh_token_and_gets_a_zak(accounts, backend, zoom, port):
    opener = browser()
    result = sign_in(accounts, port, open_url=opener)
    assert result.scope == SCOPE and not result.notices
    url = opener.seen["url"]
    assert "code_challenge_method=S256" in url and "code_challenge=" in url
    assert CLIENT_SECRET not in url and "code_verifier" not in url
    profile = accounts.vault.get("QA")
    assert profile.oauth_client_id == CLIENT_ID and profile.redirect_port == port
    stored = entries(backend)
    assert stored[f"{profile.id}:oauth-secret"] == CLIENT_SECRET
    assert stored[f"{profile.id}:refresh-token"] in zoom.live_refresh_tokens()
    assert CLIENT_SECRET not in (accounts.vault.path.read_text())
    # Zoom's way: the client credentials as HTTP Basic auth, the verifier in the body
    exchange = next(r for r in zoom.requests if r["path"] == "/oauth/token")
    assert exchange["headers"]["Authorization"].startswith("Basic ")
    assert "code_verifier=" in exchange["body"] and CLIENT_SECRET not in exchange["body"]

    zak = accounts.zak("QA")
    claims = zoom.decode(zak.token)
    assert zak.type == "zak" and zak.user == zoom.user == claims["uid"]
    assert zak.expires_at == claims["exp"]
    assert "standin-user-uid" in zak.summary(claims["iat"]) and zak.token not in repr(zak)


def test_a_new_process_refreshes_and_stores_the_rotated_refresh_token(
    accounts, backend, zoom, port
):
    sign_in(accounts, port)
    profile = accounts.vault.get("QA")
    first = entries(backend)[f"{profile.id}:refresh-token"]
    fresh = ZoomAccounts(accounts.vault)  # no access token in memory: as the CLI runs
    obf = fresh.obf("QA", "https://us05web.zoom.us/j/81198873582?pwd=abc")
    assert obf.type == "obf" and obf.meeting == "81198873582"
    assert zoom.decode(obf.token)["mnum"] == "81198873582"
    second = entries(backend)[f"{profile.id}:refresh-token"]
    assert second != first and zoom.live_refresh_tokens() == [second]
    ZoomAccounts(accounts.vault).zak("QA")  # the rotated one works; the old one would not
    assert entries(backend)[f"{profile.id}:refresh-token"] not in (first, second)


def test_the_second_sign_in_needs_no_client_id_or_secret(accounts, zoom, port):
    sign_in(accounts, port)
    sign_in(accounts, port, client_id=None, client_secret=None)
    assert accounts.zak("QA").user == zoom.user


def test_an_expired_access_token_is_refreshed_once(accounts, zoom, port):
    sign_in(accounts, port)
    zoom.expire_access_tokens()
    assert accounts.zak("QA").user == zoom.user


def nothing_stored(accounts: ZoomAccounts, backend: MemoryKeyring) -> None:
    profile = accounts.vault.get("QA")
    assert profile.oauth_client_id == "" and profile.redirect_port is None
    assert set(entries(backend)) == {profile.id}  # the SDK secret only
    assert "oauth_client_id" not in accounts.vault.path.read_text()


def test_denied_consent_stores_nothing(accounts, backend, zoom, port):
    opener = browser("deny")
    with pytest.raises(ConsentDeniedError, match="declined"):
        sign_in(accounts, port, open_url=opener)
    nothing_stored(accounts, backend)
    opener.seen["thread"].join(10)
    assert opener.seen["status"] == 400


def test_a_forged_state_is_refused_and_stores_nothing(accounts, backend, zoom, port):
    with pytest.raises(StateMismatchError, match="state did not match"):
        sign_in(accounts, port, open_url=browser(state="forged"))
    nothing_stored(accounts, backend)
    assert not zoom.live_refresh_tokens()  # the code was never exchanged


def test_an_answer_not_addressed_to_loopback_is_refused(accounts, backend, zoom, port):
    with pytest.raises(NotLoopbackError, match="not addressed to this computer"):
        sign_in(accounts, port, open_url=browser(host=f"evil.example:{port}"))
    nothing_stored(accounts, backend)


def test_a_redirect_off_this_computer_is_refused() -> None:
    with pytest.raises(NotLoopbackError):
        addresses.check_redirect("http://evil.example:53713/zoom/callback?code=x", 53713)
    addresses.check_redirect("http://127.0.0.1:53713/zoom/callback?code=x", 53713)


def test_plain_http_to_another_computer_is_refused(monkeypatch) -> None:
    monkeypatch.setenv(addresses.OAUTH_ENV, "http://zoom.example")
    with pytest.raises(ZoomAuthError, match="plain http"):
        addresses.token_url()
    monkeypatch.delenv(addresses.OAUTH_ENV)
    assert addresses.token_url() == "https://zoom.us/oauth/token"
    assert addresses.api_url("/v2/users/me/token") == "https://api.zoom.us/v2/users/me/token"
    assert addresses.redirect_uri() == "http://127.0.0.1:53713/zoom/callback"


def test_no_answer_in_time_gives_up_and_frees_the_port(accounts, backend, zoom, port):
    with pytest.raises(SignInTimeoutError, match="within 0.5 seconds"):
        sign_in(accounts, port, open_url=lambda url: None, wait_s=0.5)
    nothing_stored(accounts, backend)
    sign_in(accounts, port)  # the port is free again


def test_a_port_in_use_is_said_before_the_browser_opens(accounts, zoom, port):
    import socket

    opened = []
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", port))
        busy.listen()
        with pytest.raises(ZoomAuthError, match=f"Port {port} .* is in use"):
            sign_in(accounts, port, open_url=opened.append)
    assert opened == []


def test_wrong_client_secret_is_said_and_stores_nothing(accounts, backend, zoom, port):
    with pytest.raises(AppMissingError, match="invalid_client"):
        sign_in(accounts, port, client_secret="not-the-secret")
    nothing_stored(accounts, backend)


def test_a_redirect_not_on_the_allow_list_shows_zoom_refusing(accounts, backend, zoom, port):
    other = free_port()
    opener = browser()
    with pytest.raises(SignInTimeoutError):
        sign_in(accounts, other, open_url=opener, wait_s=1.5)
    opener.seen["thread"].join(10)
    assert isinstance(opener.seen.get("error"), IndexError | httpx.HTTPStatusError)
    nothing_stored(accounts, backend)


def test_a_revoked_sign_in_ends_in_a_plain_message_and_is_removed(accounts, backend, zoom, port):
    sign_in(accounts, port)
    zoom.revoke_all()
    fresh = ZoomAccounts(accounts.vault)
    with pytest.raises(SignInExpiredError, match="expired or was revoked"):
        fresh.zak("QA")
    profile = accounts.vault.get("QA")
    assert f"{profile.id}:refresh-token" not in entries(backend)
    with pytest.raises(NotSignedInError):
        fresh.zak("QA")
    assert not fresh.status("QA").signed_in and fresh.status("QA").has_secret


def test_a_missing_scope_says_which(accounts, zoom):
    port = free_port()
    zoom.add_app(CLIENT_ID, CLIENT_SECRET, [addresses.redirect_uri(port)], scopes=["meeting:read"])
    result = sign_in(accounts, port)
    assert any("lacks the user:read:token scope" in n for n in result.notices)
    with pytest.raises(MissingScopeError, match="(?i)the app lacks the user:read:token scope"):
        accounts.zak("QA")


def test_a_network_failure_is_said_and_keeps_the_sign_in(
    accounts, backend, zoom, port, monkeypatch
):
    sign_in(accounts, port)
    before = dict(entries(backend))
    monkeypatch.setenv(addresses.OAUTH_ENV, f"http://127.0.0.1:{free_port()}")
    with pytest.raises(ZoomNetworkError, match="Could not reach Zoom"):
        ZoomAccounts(accounts.vault).zak("QA")
    assert entries(backend) == before


def test_a_network_failure_during_sign_in_stores_nothing(
    accounts, backend, zoom, port, monkeypatch
):
    # Zoom's consent page answers, then its token address cannot be reached
    monkeypatch.setattr(addresses, "token_url", lambda: f"http://127.0.0.1:{free_port()}/t")
    with pytest.raises(ZoomNetworkError, match="Could not reach Zoom"):
        sign_in(accounts, port)
    nothing_stored(accounts, backend)


def test_a_keyring_failure_while_saving_undoes_the_secret(accounts, backend, zoom, port):
    profile = accounts.vault.get("QA")
    real_set = backend.set_password

    def failing_set(service: str, user: str, password: str) -> None:
        if user.endswith(":refresh-token"):
            raise RuntimeError("keyring broke")
        real_set(service, user, password)

    backend.set_password = failing_set  # type: ignore[method-assign]
    with pytest.raises(ZoomAuthError, match="keyring reported an error"):
        sign_in(accounts, port)
    assert set(entries(backend)) == {profile.id}
    assert accounts.vault.get("QA").oauth_client_id == ""


def test_sign_out_deletes_the_secret_and_refresh_token(accounts, backend, zoom, port):
    sign_in(accounts, port)
    assert accounts.sign_out("QA") is True
    profile = accounts.vault.get("QA")
    assert set(entries(backend)) == {profile.id}
    assert profile.oauth_client_id == CLIENT_ID  # the Client ID is no secret: kept
    with pytest.raises(NotSignedInError):
        accounts.zak("QA")
    assert accounts.sign_out("QA") is False


def test_removing_the_profile_removes_its_sign_in(accounts, backend, zoom, port):
    sign_in(accounts, port)
    accounts.vault.remove("QA")
    assert entries(backend) == {}


def test_a_bad_meeting_for_obf_is_said(accounts, zoom, port):
    sign_in(accounts, port)
    with pytest.raises(ZoomAuthError, match="meeting"):
        accounts.obf("QA", "not a meeting")


def test_first_sign_in_without_client_id_says_what_to_give(accounts, zoom, port):
    with pytest.raises(AppMissingError, match="--client-id"):
        sign_in(accounts, port, client_id=None)
    with pytest.raises(AppMissingError, match="--client-secret-env"):
        sign_in(accounts, port, client_secret=None)


def test_tokens_that_are_not_jwts_still_work_and_show_less() -> None:
    plain = describe("  opaque-zak-value ", "zak")
    assert plain.token == "opaque-zak-value" and plain.user is None and plain.expires_at is None
    assert "cannot be read" in plain.summary(0)
    assert plain.to_json() == {
        "token": "opaque-zak-value",
        "type": "zak",
        "expires_at": None,
        "user": None,
    }


def test_old_profile_files_still_read_and_new_fields_are_optional(tmp_path: Path) -> None:
    import json

    path = tmp_path / "profiles.json"
    path.write_text(
        json.dumps(
            {
                "schema": 1,
                "profiles": [
                    {
                        "id": "a1",
                        "name": "Old",
                        "key": "K1",
                        "kind": "meeting-sdk",
                        "notes": "",
                        "created": 1,
                        "last_used": None,
                    },
                    {
                        "id": "b2",
                        "name": "New",
                        "key": "K2",
                        "oauth_client_id": "C",
                        "redirect_port": 99999,
                    },
                ],
            }
        )
    )
    vault = Vault(path=path, store=SecretStore(backend=MemoryKeyring()))
    assert vault.get("Old").oauth_client_id == "" and vault.get("Old").redirect_port is None
    assert vault.get("New").oauth_client_id == "C" and vault.get("New").redirect_port is None
    vault.edit("Old", notes="x")
    saved = json.loads(path.read_text())["profiles"][0]
    assert "oauth_client_id" not in saved and "redirect_port" not in saved


def test_two_processes_refreshing_at_once_both_get_a_zak(accounts, backend, zoom, port):
    # The window and `zoomsig zak` may renew at the same moment: Zoom rotates the refresh
    # token, so the second must use the one the first stored, not the one it read before.
    sign_in(accounts, port)
    results: list[object] = []

    def one() -> None:
        try:
            results.append(ZoomAccounts(accounts.vault).zak("QA").user)
        except Exception as exc:
            results.append(exc)

    import threading

    threads = [threading.Thread(target=one) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert results == [zoom.user] * 4
    profile = accounts.vault.get("QA")
    assert entries(backend)[f"{profile.id}:refresh-token"] == zoom.live_refresh_tokens()[0]
