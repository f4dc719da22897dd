"""The join server's guards: loopback only, own Host only, own files only, COOP/COEP/CORP."""

from __future__ import annotations

import http.client
import json
import logging
import socket
from pathlib import Path

import pytest

from zoomsig_gui.core.join.errors import errors_json
from zoomsig_gui.core.join.sdkfolder import SdkFolderError
from zoomsig_gui.core.join.server import ExtraFile, JoinServer, JoinServerError, ServerConfig


@pytest.fixture
def fake_sdk(tmp_path: Path) -> Path:
    """A folder shaped like @zoom/meetingsdk's dist (our own bytes, not Zoom's code)."""
    dist = tmp_path / "package" / "dist"
    (dist / "lib" / "av").mkdir(parents=True)
    (dist / "zoom-meeting-6.2.0.min.js").write_text("window.ZoomMtg = {};")
    (dist / "lib" / "av" / "x.wasm").write_bytes(b"\0asm\1\0\0\0")
    (tmp_path / "secret.txt").write_text("outside the sdk folder")
    (dist / "lib" / "link.txt").symlink_to(tmp_path / "secret.txt")
    return tmp_path


@pytest.fixture
def server(fake_sdk: Path):
    extra = (ExtraFile("/qwebchannel.js", b"// qt's channel"),)
    with JoinServer(ServerConfig(port=0, sdk_dir=fake_sdk, extra_files=extra)) as srv:
        yield srv


def get(srv: JoinServer, path: str, host: str | None = None, method: str = "GET"):
    conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=10)
    conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
    conn.putheader("Host", host if host is not None else f"127.0.0.1:{srv.port}")
    conn.endheaders()
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    return resp, body


def test_page_is_served_with_isolation_headers(server: JoinServer) -> None:
    for path in (
        "/",
        "/join.js",
        "/errors.json",
        "/sdk/zoom-meeting-6.2.0.min.js",
        "/sdk/lib/av/x.wasm",
        "/qwebchannel.js",
    ):
        resp, body = get(server, path)
        assert resp.status == 200, path
        assert resp.getheader("Cross-Origin-Opener-Policy") == "same-origin"
        assert resp.getheader("Cross-Origin-Embedder-Policy") == "require-corp"
        assert resp.getheader("Cross-Origin-Resource-Policy") == "cross-origin"
        assert body
    resp, body = get(server, "/")
    assert b'id="zoomsig-status"' in body and b'data-state="loading"' in body
    assert get(server, "/sdk/lib/av/x.wasm")[0].getheader("Content-Type") == "application/wasm"


def test_page_learns_where_the_local_sdk_is(server: JoinServer) -> None:
    config = json.loads(get(server, "/config.json")[1])
    assert config["sdkRoot"] == "/sdk/" and config["clientFile"] == "zoom-meeting-6.2.0.min.js"
    assert get(server, "/errors.json")[1] == errors_json()
    assert "3712" in json.loads(errors_json())


def test_without_sdk_dir_the_page_uses_zoom_cdn() -> None:
    with JoinServer(ServerConfig(port=0, sdk_version="6.1.5", china=True)) as srv:
        config = json.loads(get(srv, "/config.json")[1])
        assert config == {"sdkVersion": "6.1.5", "sdkRoot": None, "china": True}
        assert get(srv, "/sdk/zoom-meeting-6.2.0.min.js")[0].status == 404


@pytest.mark.parametrize(
    "host",
    [
        "evil.example",
        "evil.example:{port}",
        "127.0.0.1:1",
        "",
        "127.0.0.1.nip.io:{port}",
        "LOCALHOST:1",
    ],
)
def test_foreign_host_is_refused(server: JoinServer, host: str) -> None:
    resp, body = get(server, "/", host=host.format(port=server.port))
    assert resp.status == 403
    assert b"zoomsig-status" not in body


def test_localhost_name_is_accepted(server: JoinServer) -> None:
    assert get(server, "/", host=f"localhost:{server.port}")[0].status == 200


@pytest.mark.parametrize(
    "path",
    [
        "/../pyproject.toml",
        "/%2e%2e/%2e%2e/pyproject.toml",
        "/sdk/../../secret.txt",
        "/sdk/%2E%2E/%2e%2e/secret.txt",
        "/sdk/..%2f..%2fsecret.txt",
        "/%252e%252e/secret.txt",
        "/sdk/..%5c..%5csecret.txt",
        "/sdk/lib/link.txt",
        "//etc/passwd",
        "/%2fetc%2fpasswd",
        "/sdk/%00/x",
    ],
)
def test_paths_outside_own_files_are_refused(server: JoinServer, path: str) -> None:
    resp, body = get(server, path)
    assert resp.status in (403, 404)
    assert b"outside the sdk folder" not in body and b"root:" not in body
    assert b"[project]" not in body


def test_bound_to_loopback_only(server: JoinServer) -> None:
    assert server._server.socket.getsockname()[0] == "127.0.0.1"
    others = {
        info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    } - {"127.0.0.1"}
    for address in others:
        if address.startswith("127."):
            continue
        with pytest.raises(OSError):
            socket.create_connection((address, server.port), timeout=2).close()


def test_query_with_signature_is_never_logged(
    server: JoinServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="zoomsig_gui.core.join.server")
    get(server, "/?mn=81198873582&signature=eyJTOPSECRETPART.x.y")
    assert "TOPSECRETPART" not in caplog.text


def test_head_and_other_methods(server: JoinServer) -> None:
    resp, body = get(server, "/", method="HEAD")
    assert resp.status == 200 and body == b""
    assert get(server, "/", method="POST")[0].status == 501


def test_busy_port_is_a_clear_message() -> None:
    with JoinServer(ServerConfig(port=0)) as first:
        with pytest.raises(JoinServerError, match=f"Port {first.port} is already in use"):
            JoinServer(ServerConfig(port=first.port))


def test_wrong_sdk_folder_is_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(SdkFolderError, match="not a Meeting SDK folder"):
        JoinServer(ServerConfig(port=0, sdk_dir=tmp_path))
    with pytest.raises(SdkFolderError, match="does not exist"):
        JoinServer(ServerConfig(port=0, sdk_dir=tmp_path / "nope"))


def test_sdk_folder_is_found_from_package_or_dist(fake_sdk: Path) -> None:
    for given in (fake_sdk, fake_sdk / "package", fake_sdk / "package" / "dist"):
        with JoinServer(ServerConfig(port=0, sdk_dir=given)) as srv:
            assert srv.sdk is not None and srv.sdk.version == "6.2.0"
            assert srv.sdk.path == (fake_sdk / "package" / "dist").resolve()
