"""The whole Zoom sign-in as a person does it: `zoomsig zoom signin --no-browser` waits, the
address it prints is opened in Debian's headless Chromium, which shows the (stand-in) Zoom
consent page; what Allow submits is opened in Chromium too, which follows Zoom's redirect to
zoomsig's loopback listener. Then ZAK, OBF and join links, with the real keyring, and proof
that the Client Secret and the refresh tokens are in no file and in no output."""

from __future__ import annotations

import json
import secrets
import socket
import subprocess
import threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urljoin

import keyring
import pytest

from tests.helpers.chromium import dump_dom
from tests.helpers.keyrings import (
    child_env,
    files_containing,
    require_secret_service,
    zoomsig_cmd,
)
from tests.helpers.zoom_standin import ZoomStandIn
from zoomsig_gui.core.join.link import parse_link
from zoomsig_gui.core.vault.secrets import SERVICE

pytestmark = [pytest.mark.keyring, pytest.mark.browser, pytest.mark.timeout(300)]
SDK_KEY = "zoomAuthSdkKey42"
CLIENT_ID = "zoomAuthClientId"
MEETING = "81198873582"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ConsentForm(HTMLParser):
    """The consent page's form as the browser rendered it: action, hidden fields, buttons."""

    def __init__(self) -> None:
        super().__init__()
        self.action = ""
        self.method = ""
        self.fields: dict[str, str] = {}
        self.buttons: dict[str, tuple[str, str]] = {}  # text-less: id -> (name, value)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "form":
            self.action, self.method = a.get("action", ""), a.get("method", "get")
        elif tag == "input" and a.get("type") == "hidden":
            self.fields[a["name"]] = a.get("value", "")
        elif tag == "button":
            self.buttons[a.get("id", "")] = (a.get("name", ""), a.get("value", ""))

    def submit_url(self, page_url: str, button: str) -> str:
        """What clicking ``button`` submits (a GET form: the action with the fields)."""
        assert self.method.lower() == "get", "the consent form is a GET form"
        name, value = self.buttons[button]
        return urljoin(page_url, self.action) + "?" + urlencode({**self.fields, name: value})


class Person:
    """Runs zoomsig commands in a throwaway HOME and working folder; keeps every output."""

    def __init__(self, tmp: Path, zoom: ZoomStandIn) -> None:
        self.home, self.cwd = tmp / "home", tmp / "work"
        self.cwd.mkdir(parents=True)
        self.env = child_env(self.home)
        self.env.update(ZOOMSIG_ZOOM_OAUTH_URL=zoom.url, ZOOMSIG_ZOOM_API_URL=zoom.url)
        self.outputs: list[str] = []
        self.browser = tmp / "chromium"

    def run(self, *args: str, stdin: str = "", ok: bool = True) -> subprocess.CompletedProcess:
        done = subprocess.run(
            zoomsig_cmd(*args),
            input=stdin,
            capture_output=True,
            text=True,
            env=self.env,
            cwd=self.cwd,
            timeout=120,
        )
        self.outputs += [done.stdout, done.stderr]
        if ok:
            assert done.returncode == 0, f"zoomsig {' '.join(args)}: {done.stderr}"
        return done

    def sign_in(self, *args: str, stdin: str = "", button: str = "allow") -> tuple[int, str]:
        """zoomsig zoom signin --no-browser, answered in Chromium; (exit status, page shown)."""
        proc = subprocess.Popen(
            zoomsig_cmd("zoom", "signin", "--no-browser", "--timeout", "90", *args),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=self.env,
            cwd=self.cwd,
        )
        assert proc.stdin and proc.stderr and proc.stdout
        proc.stdin.write(stdin)
        proc.stdin.close()
        err_lines: list[str] = []
        url = ""
        for line in proc.stderr:
            err_lines.append(line)
            if "/oauth/authorize?" in line:
                url = line.strip()
            if line.startswith("Waiting"):
                break
        assert url, "".join(err_lines)
        rest: list[str] = []
        reader = threading.Thread(target=lambda: rest.extend(proc.stderr), daemon=True)
        reader.start()
        consent_dom = dump_dom(url, self.browser)
        assert "Allow this app to access your Zoom account?" in consent_dom
        form = ConsentForm()
        form.feed(consent_dom)
        back_dom = dump_dom(form.submit_url(url, button), self.browser)
        out = proc.stdout.read()
        status = proc.wait(timeout=30)
        reader.join(10)
        self.outputs += [out, "".join(err_lines + rest), back_dom, consent_dom]
        return status, back_dom + out + "".join(rest)


@pytest.fixture
def person(tmp_path: Path):
    require_secret_service()
    with ZoomStandIn() as zoom:
        person = Person(tmp_path, zoom)
        person.zoom = zoom  # type: ignore[attr-defined]
        yield person
        person.run("profiles", "remove", "QA", ok=False)


def test_sign_in_once_then_host_and_outside_account_links(person: Person, tmp_path: Path):
    zoom: ZoomStandIn = person.zoom  # type: ignore[attr-defined]
    sdk_secret = "canary-sdk-" + secrets.token_urlsafe(12)
    client_secret = "canary-oauth-" + secrets.token_urlsafe(12)
    port = free_port()
    zoom.add_app(CLIENT_ID, client_secret, [f"http://127.0.0.1:{port}/zoom/callback"])
    person.run("profiles", "add", "QA", "--key", SDK_KEY, "--secret-stdin", stdin=sdk_secret + "\n")

    # A declined consent: nothing saved, a plain message.
    status, shown = person.sign_in(
        "--profile", "QA", "--client-id", CLIENT_ID, "--client-secret-stdin",
        "--redirect-port", str(port), stdin=client_secret + "\n", button="deny",
    )  # fmt: skip
    assert status == 1 and "declined" in shown
    state = json.loads(person.run("zoom", "status", "--profile", "QA", "--json").stdout)[0]
    assert state["signed_in"] is False and state["client_id"] == ""

    # Sign in once (Allow): the Client ID and port are remembered with the profile.
    status, shown = person.sign_in(
        "--profile", "QA", "--client-id", CLIENT_ID, "--client-secret-stdin",
        "--redirect-port", str(port), stdin=client_secret + "\n",
    )  # fmt: skip
    assert status == 0, shown
    assert "Signed in" in shown and 'Signed in with Zoom for profile "QA".' in shown
    [state] = json.loads(person.run("zoom", "status", "--json").stdout)
    assert state == {
        "profile": "QA",
        "client_id": CLIENT_ID,
        "redirect_uri": f"http://127.0.0.1:{port}/zoom/callback",
        "client_secret_saved": True,
        "signed_in": True,
    }

    # "I'm joining as the host": a link carrying a fresh ZAK of the signed-in user.
    zak = json.loads(person.run("zak", "--profile", "QA", "--json").stdout)
    assert set(zak) == {"token", "type", "expires_at", "user"} and zak["type"] == "zak"
    assert zak["user"] == zoom.user == zoom.decode(zak["token"])["uid"]
    issued_before = len(zoom.issued)
    link = person.run(
        "link", "--profile", "QA", "--meeting", MEETING, "--role", "1", "--name", "QA host",
        "--zak-from-zoom",
    )  # fmt: skip
    params = parse_link(link.stdout.strip())
    assert params.role == 1 and params.obf_token == ""
    assert zoom.decode(params.zak)["uid"] == zoom.user
    # Fresh: asked of Zoom for this link (two asked within one second may read the same).
    assert params.zak in zoom.issued[issued_before:]
    assert "ZAK of Zoom user standin-user-uid" in link.stderr

    # Another account's meeting: an OBF token for that meeting.
    obf = json.loads(person.run("obf", "--profile", "QA", "--meeting", MEETING, "--json").stdout)
    assert obf["type"] == "obf" and zoom.decode(obf["token"])["mnum"] == MEETING
    link = person.run(
        "link", "--profile", "QA", "--meeting", MEETING, "--role", "0", "--name", "Staff",
        "--obf-from-zoom",
    )  # fmt: skip
    params = parse_link(link.stdout.strip())
    assert params.zak == "" and zoom.decode(params.obf_token)["mnum"] == MEETING

    both = person.run(
        "link", "--profile", "QA", "--meeting", MEETING, "--role", "1", "--name", "x",
        "--zak-from-zoom",
        "--obf-from-zoom", ok=False,
    )  # fmt: skip
    assert both.returncode == 2 and "3636" in both.stderr and both.stdout == ""

    # Only the newest refresh token works, and it is the one in the keyring.
    [live] = zoom.live_refresh_tokens()
    profile_id = json.loads((person.home / ".config/zoomsig/profiles.json").read_text())[
        "profiles"
    ][0]["id"]
    assert keyring.get_password(SERVICE, f"{profile_id}:refresh-token") == live
    assert keyring.get_password(SERVICE, f"{profile_id}:oauth-secret") == client_secret

    # The canaries: in the keyring only, in no file of the HOME or working folder, no output.
    canaries = [client_secret, sdk_secret, *[t for t in zoom.issued if len(t) < 100]]
    roots = [person.home, person.cwd]
    probe = person.cwd / "probe.txt"  # the scan must be able to find what it looks for
    probe.write_text(f"x{client_secret}x")
    assert files_containing(client_secret, roots, []) == [probe.resolve()]
    probe.unlink()
    for canary in canaries:  # access and refresh tokens (the JWTs are the ZAK/OBF tokens)
        assert files_containing(canary, roots, []) == [], canary[:6]
        assert [o for o in person.outputs if canary in o] == [], canary[:6]
    for token in (t for t in zoom.issued if len(t) >= 100):  # ZAK / OBF: stdout only, no file
        assert files_containing(token, roots, []) == []

    # Signing out deletes both keyring entries; the ZAK then needs a new sign-in.
    out = person.run("zoom", "signout", "--profile", "QA").stdout
    assert "deleted" in out
    assert keyring.get_password(SERVICE, f"{profile_id}:refresh-token") is None
    assert keyring.get_password(SERVICE, f"{profile_id}:oauth-secret") is None
    after = person.run("zak", "--profile", "QA", ok=False)
    assert after.returncode == 1 and "not signed in" in after.stderr and after.stdout == ""


def test_a_revoked_sign_in_says_sign_in_again(person: Person):
    zoom: ZoomStandIn = person.zoom  # type: ignore[attr-defined]
    port = free_port()
    zoom.add_app(CLIENT_ID, "oauth-secret-2", [f"http://127.0.0.1:{port}/zoom/callback"])
    person.run("profiles", "add", "QA", "--key", SDK_KEY, "--secret-stdin", stdin="sdk-2x\n")
    status, shown = person.sign_in(
        "--profile", "QA", "--client-id", CLIENT_ID, "--client-secret-stdin",
        "--redirect-port", str(port), stdin="oauth-secret-2\n",
    )  # fmt: skip
    assert status == 0, shown
    zoom.revoke_all()
    done = person.run("obf", "--profile", "QA", "--meeting", MEETING, ok=False)
    assert done.returncode == 1 and "expired or was revoked" in done.stderr
    state = json.loads(person.run("zoom", "status", "--profile", "QA", "--json").stdout)[0]
    assert state["signed_in"] is False and state["client_secret_saved"] is True
