"""`zoomsig report --endpoint-json FILE`: the endpoint check in a case report, without tokens,
credentials in the URL, or the secret."""

from __future__ import annotations

import json

from tests.helpers.endpoints import OPEN, answer, token
from zoomsig_gui.cli import main
from zoomsig_gui.core.endpoint.check import analyse
from zoomsig_gui.core.endpoint.client import Gathered
from zoomsig_gui.core.endpoint.request import EndpointRequest

URL = "https://user:pw@backend.example/api/sign?apikey=abc123"


def saved_result(tmp_path, **claims) -> tuple:
    signed = token(**claims)
    req = EndpointRequest(URL, "81198873582", 0, samples=2)
    answers = tuple(answer(json.dumps({"signature": signed}).encode(), index=i) for i in range(2))
    result = analyse(req, Gathered(OPEN, answers))
    path = tmp_path / "endpoint.json"
    path.write_text(json.dumps(result.to_dict()))
    return path, signed, result


def test_endpoint_alone(tmp_path, capsys):
    path, signed, result = saved_result(tmp_path, appKey=None)
    assert main(["report", "--endpoint-json", str(path)]) == 0
    out = capsys.readouterr().out
    assert "## Signature endpoint" in out
    assert result.summary in out and "appKey missing in 2 of 2" in out
    assert "`appkey-missing` in 2 of 2" in out
    assert "https://backend.example/api/sign?<redacted>" in out
    for leak in ("abc123", "user:pw", signed.split(".")[2]):
        assert leak not in out


def test_endpoint_beside_a_token_as_json(tmp_path, capsys, monkeypatch):
    path, signed, _ = saved_result(tmp_path, role=1)
    monkeypatch.setenv("S", "secret")
    status = main(
        ["report", signed, "--endpoint-json", str(path), "--format", "json", "--secret-env", "S"]
    )
    out = capsys.readouterr().out
    assert status == 0
    report = json.loads(out)
    assert report["signature"] == "<redacted>"
    assert report["endpoint"]["url"] == "https://backend.example/api/sign?<redacted>"
    assert "endpoint-ignored-meeting" in [f["code"] for f in report["endpoint"]["findings"]]
    assert signed not in out


def test_not_an_endpoint_result(tmp_path, capsys):
    path = tmp_path / "other.json"
    path.write_text('{"kind": "meeting-web"}')
    assert main(["report", "--endpoint-json", str(path)]) == 2
    assert "not the JSON of an endpoint check" in capsys.readouterr().err
