"""A stand-in for Zoom's OAuth and token endpoints, on 127.0.0.1 (Zoom's servers cannot be
had in tests). It follows Zoom's documented behaviour for a user-managed General app:

- ``GET /oauth/authorize?response_type=code&client_id&redirect_uri&state&code_challenge
  &code_challenge_method=S256``: the redirect URI must be on the app's allow list (exact
  match); shows a consent page, an HTML form with Allow and Deny buttons (method GET, so a
  browser can also be sent straight to what a click submits).
- Allow redirects to ``redirect_uri?code=…&state=…``; Deny to ``?error=access_denied&state=``.
- ``POST /oauth/token`` with the Client ID and Secret as HTTP Basic auth:
  ``grant_type=authorization_code`` (code once only, same redirect URI, PKCE S256 verifier
  checked against the challenge) and ``grant_type=refresh_token`` (rotation: the old refresh
  token stops working). Errors as Zoom sends them: ``{"reason", "error"}`` with
  ``invalid_client`` (401), ``invalid_grant`` / ``invalid_request`` (400).
- ``GET /v2/users/me/token?type=zak|onbehalf[&meeting_id=N]`` with ``Bearer``: ``{"token"}``;
  an unknown or expired access token gives 401 ``{"code": 124}``; a token without the
  ``user:read:token`` scope gives 400 ``{"code": 4711, "message": "Invalid access token, does
  not contain scopes:[user:read:token]."}``.

ZAK and OBF tokens are HS256 JWTs with the claims Zoom's carry (``aud`` clientsm, ``uid``,
``sty``, ``wcd``, ``clt``, ``mnum``, ``exp``, ``iat``).
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qsl, urlencode, urlsplit

import jwt

from tests.helpers.loopback_http import LoopbackHttp

SCOPE = "user:read:token"


@dataclass
class App:
    client_id: str
    client_secret: str
    redirect_uris: list[str]
    scopes: list[str] = field(default_factory=lambda: [SCOPE])


@dataclass
class _Pending:
    app: App
    redirect_uri: str
    state: str
    challenge: str
    method: str


@dataclass
class _Code:
    app: App
    redirect_uri: str
    challenge: str
    expires: float


@dataclass
class _Grant:
    app: App
    user: str
    scopes: list[str]


def s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


class ZoomStandIn(LoopbackHttp):
    """``with ZoomStandIn() as zoom: zoom.add_app(...); zoom.url``. Every request is kept
    in ``requests`` (method, path, headers, body) so tests can look at what zoomsig sent."""

    def __init__(self, user: str = "standin-user-uid", email: str = "qa@example.com") -> None:
        self.user = user
        self.email = email
        self.apps: dict[str, App] = {}
        self.requests: list[dict] = []
        self.access_life_s = 3599
        self.issued: list[str] = []  # every refresh, access, ZAK and OBF token handed out
        self._signing_key = secrets.token_hex(16)
        self._pending: dict[str, _Pending] = {}
        self._codes: dict[str, _Code] = {}
        self._refresh: dict[str, _Grant] = {}
        self._access: dict[str, tuple[_Grant, float]] = {}
        self._lock = threading.Lock()
        super().__init__(self._handler())

    # -- test controls ------------------------------------------------------------------
    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def add_app(
        self, client_id: str, client_secret: str, redirect_uris: list[str], scopes=None
    ) -> App:
        app = App(client_id, client_secret, list(redirect_uris), list(scopes or [SCOPE]))
        self.apps[client_id] = app
        return app

    def revoke_all(self) -> None:
        """The user removed the app (or the refresh token expired): every token dies."""
        with self._lock:
            self._refresh.clear()
            self._access.clear()

    def expire_access_tokens(self) -> None:
        with self._lock:
            self._access = {k: (g, 0.0) for k, (g, _) in self._access.items()}

    def live_refresh_tokens(self) -> list[str]:
        with self._lock:
            return list(self._refresh)

    def decode(self, token: str) -> dict:
        return jwt.decode(token, self._signing_key, algorithms=["HS256"], audience="clientsm")

    # -- the endpoints ------------------------------------------------------------------
    def _authorize(self, query: dict) -> tuple[int, dict, bytes]:
        app = self.apps.get(query.get("client_id", ""))
        if app is None:
            return _page(400, "Invalid client_id", "This app does not exist.")
        redirect = query.get("redirect_uri", "")
        if redirect not in app.redirect_uris:  # Zoom: exact match with the allow list
            return _page(400, "Invalid redirect", "The redirect URI is not on the allow list.")
        if query.get("response_type") != "code":
            return _page(400, "Unsupported response type", "Only response_type=code.")
        method = query.get("code_challenge_method", "plain")
        pending = _Pending(
            app, redirect, query.get("state", ""), query.get("code_challenge", ""), method
        )
        request_id = secrets.token_urlsafe(12)
        with self._lock:
            self._pending[request_id] = pending
        body = f"""<!doctype html><html><head><meta charset="utf-8"><title>Zoom</title></head>
<body><h1>Allow this app to access your Zoom account?</h1>
<p>The app {html.escape(app.client_id)} wants: {html.escape(", ".join(app.scopes))}.</p>
<form id="consent" method="get" action="/oauth/authorize/consent">
<input type="hidden" name="request" value="{request_id}">
<button type="submit" name="decision" value="allow" id="allow">Allow</button>
<button type="submit" name="decision" value="deny" id="deny">Deny</button>
</form></body></html>"""
        return 200, {"Content-Type": "text/html; charset=utf-8"}, body.encode()

    def _consent(self, query: dict) -> tuple[int, dict, bytes]:
        with self._lock:
            pending = self._pending.pop(query.get("request", ""), None)
        if pending is None:
            return _page(400, "Expired", "This consent page is no longer valid.")
        if query.get("decision") != "allow":
            answer = {"error": "access_denied", "state": pending.state}
        else:
            code = secrets.token_urlsafe(24)
            if pending.method != "S256" or not pending.challenge:
                return _page(400, "PKCE required", "code_challenge_method must be S256.")
            with self._lock:
                self._codes[code] = _Code(
                    pending.app, pending.redirect_uri, pending.challenge, time.time() + 300
                )
            answer = {"code": code, "state": pending.state}
        return 302, {"Location": f"{pending.redirect_uri}?{urlencode(answer)}"}, b""

    def _token(self, headers, form: dict) -> tuple[int, dict, bytes]:
        app = self._basic_auth(headers.get("Authorization", ""))
        if app is None:
            return _json(
                401, {"reason": "Invalid client_id or client_secret", "error": "invalid_client"}
            )
        grant_type = form.get("grant_type")
        if grant_type == "authorization_code":
            with self._lock:
                code = self._codes.pop(form.get("code", ""), None)  # usable once
            if code is None or code.app is not app or code.expires < time.time():
                return _json(
                    400, {"reason": "Invalid authorization code", "error": "invalid_grant"}
                )
            if form.get("redirect_uri") != code.redirect_uri:
                return _json(400, {"reason": "Invalid redirect uri", "error": "invalid_grant"})
            if s256(form.get("code_verifier", "")) != code.challenge:
                return _json(400, {"reason": "Invalid code verifier", "error": "invalid_request"})
            grant = _Grant(app, self.user, list(app.scopes))
        elif grant_type == "refresh_token":
            with self._lock:
                grant = self._refresh.pop(form.get("refresh_token", ""), None)  # rotation
            if grant is None or grant.app is not app:
                return _json(400, {"reason": "Invalid Token!", "error": "invalid_grant"})
        else:
            return _json(
                400, {"reason": "Unsupported grant type", "error": "unsupported_grant_type"}
            )
        access, refresh = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        self.issued += [access, refresh]
        with self._lock:
            self._refresh[refresh] = grant
            self._access[access] = (grant, time.time() + self.access_life_s)
        return _json(
            200,
            {
                "access_token": access,
                "token_type": "bearer",
                "refresh_token": refresh,
                "expires_in": self.access_life_s,
                "scope": " ".join(grant.scopes),
            },
        )

    def _user_token(self, headers, query: dict) -> tuple[int, dict, bytes]:
        auth = headers.get("Authorization", "")
        with self._lock:
            held = self._access.get(auth[7:]) if auth.startswith("Bearer ") else None
        if held is None or held[1] < time.time():
            return _json(401, {"code": 124, "message": "Invalid access token."})
        grant = held[0]
        if SCOPE not in grant.scopes:
            return _json(
                400,
                {
                    "code": 4711,
                    "message": f"Invalid access token, does not contain scopes:[{SCOPE}].",
                },
            )
        kind = query.get("type")
        now = int(time.time())
        claims = {
            "aud": "clientsm",
            "uid": grant.user,
            "iss": "web",
            "sk": "0",
            "sty": 100,
            "wcd": "us05",
            "clt": 0,
            "mnum": "",
            "iat": now,
            "aid": "standin-account",
            "cid": "",
        }
        if kind == "zak":
            claims["exp"] = now + 7200
        elif kind == "onbehalf":
            meeting = query.get("meeting_id", "")
            if not meeting.isdigit():
                return _json(400, {"code": 300, "message": "meeting_id is required."})
            claims.update(mnum=meeting, exp=now + 1800, obf=1)
        else:
            return _json(400, {"code": 300, "message": "Invalid type."})
        token = jwt.encode(claims, self._signing_key, algorithm="HS256")
        self.issued.append(token)
        return _json(200, {"token": token})

    def _basic_auth(self, header: str) -> App | None:
        if not header.startswith("Basic "):
            return None
        try:
            client_id, _, secret = base64.b64decode(header[6:]).decode().partition(":")
        except ValueError:
            return None
        app = self.apps.get(client_id)
        return app if app and secrets.compare_digest(app.client_secret, secret) else None

    def _handler(self):
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                pass

            def _record(self, body: bytes) -> None:
                outer.requests.append(
                    {
                        "method": self.command,
                        "path": self.path,
                        "headers": dict(self.headers),
                        "body": body.decode("utf-8", "replace"),
                    }
                )

            def _send(self, answer: tuple[int, dict, bytes]) -> None:
                status, headers, body = answer
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                self._record(b"")
                parts = urlsplit(self.path)
                query = dict(parse_qsl(parts.query))
                if parts.path == "/oauth/authorize":
                    self._send(outer._authorize(query))
                elif parts.path == "/oauth/authorize/consent":
                    self._send(outer._consent(query))
                elif parts.path == "/v2/users/me/token":
                    self._send(outer._user_token(self.headers, query))
                else:
                    self._send(_json(404, {"code": 404, "message": "Not found"}))

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self._record(body)
                if urlsplit(self.path).path == "/oauth/token":
                    self._send(outer._token(self.headers, dict(parse_qsl(body.decode()))))
                else:
                    self._send(_json(404, {"code": 404, "message": "Not found"}))

        return Handler


def _json(status: int, value: dict) -> tuple[int, dict, bytes]:
    return status, {"Content-Type": "application/json;charset=UTF-8"}, json.dumps(value).encode()


def _page(status: int, title: str, text: str) -> tuple[int, dict, bytes]:
    title, text = html.escape(title), html.escape(text)
    body = f"<!doctype html><title>{title}</title><h1>{title}</h1><p>{text}</p>"
    return status, {"Content-Type": "text/html; charset=utf-8"}, body.encode()


# -- a person at a browser, for tests that do not need a real one -------------------------


def answer_consent(authorize_url: str, decision: str = "allow", state: str | None = None) -> str:
    """Read the consent page and submit Allow or Deny as a browser would; returns where Zoom
    sends the browser back to (the redirect with code or error). ``state`` replaces the
    state in that redirect (a forged answer)."""
    import httpx

    with httpx.Client(trust_env=False, timeout=10) as http:
        page = http.get(authorize_url)
        page.raise_for_status()
        request_id = page.text.split('name="request" value="', 1)[1].split('"', 1)[0]
        base = authorize_url.split("/oauth/authorize", 1)[0]
        back = http.get(
            f"{base}/oauth/authorize/consent", params={"request": request_id, "decision": decision}
        )
    location = back.headers["Location"]
    if state is not None:
        parts = urlsplit(location)
        query = dict(parse_qsl(parts.query))
        query["state"] = state
        location = parts._replace(query=urlencode(query)).geturl()
    return location


def follow(url: str, host: str | None = None) -> int:
    """Open the redirect as a browser would (``host`` sends another Host header)."""
    import httpx

    headers = {"Host": host} if host else {}
    with httpx.Client(trust_env=False, timeout=10) as http:
        return http.get(url, headers=headers).status_code


def browser(decision: str = "allow", state: str | None = None, host: str | None = None):
    """An ``open_url`` for sign-ins: a person answering the consent page, in a thread.
    ``opener.seen`` gets the url, the redirect, the listener's status or the error."""
    seen: dict = {}

    def open_url(url: str) -> None:
        def run() -> None:
            try:
                seen["redirect"] = answer_consent(url, decision, state)
                seen["status"] = follow(seen["redirect"], host)
            except Exception as exc:  # shown by the assertion that reads it
                seen["error"] = exc

        seen["url"] = url
        seen["thread"] = threading.Thread(target=run, daemon=True)
        seen["thread"].start()

    open_url.seen = seen  # type: ignore[attr-defined]
    return open_url
