"""What people paste as the "signature" when it is not one, signed by JavaScript's own signers
(jsrsasign, jsonwebtoken, node's crypto): each is named for what it is, with one fix and no
Meeting SDK rule that does not apply."""

from __future__ import annotations

import json

import pytest

from tests.helpers.node_tools import npm_package, run_node
from tests.helpers.tokens import KEY, NOW, SECRET
from zoomsig_gui.core.inspection.inspector import inspect
from zoomsig_gui.core.support.fixall import FixError, fix_all

SIGN_JSRSASIGN = """
const KJUR = require('jsrsasign');
const e = process.env, h = JSON.parse(e.HEADER);
process.stdout.write(KJUR.jws.JWS.sign(h.alg, e.HEADER, e.PAYLOAD, {utf8: e.SECRET}));
"""
SIGN_JSONWEBTOKEN = """
const jwt = require('jsonwebtoken');
const e = process.env, h = JSON.parse(e.HEADER);
// Every payload here has its own iat, which jsonwebtoken keeps.
process.stdout.write(jwt.sign(JSON.parse(e.PAYLOAD), e.SECRET, {algorithm: h.alg, header: h}));
"""
SIGN_CRYPTO = """
const crypto = require('crypto');
const e = process.env, h = JSON.parse(e.HEADER);
const b64 = (s) => Buffer.from(s).toString('base64url');
const body = b64(e.HEADER) + '.' + b64(e.PAYLOAD);
const hash = {HS256: 'sha256', HS384: 'sha384', HS512: 'sha512'}[h.alg];
const mac = crypto.createHmac(hash, e.SECRET).update(body).digest('base64url');
process.stdout.write(e.ONLY_HMAC ? crypto.createHmac(hash, e.SECRET).update(body)
                     .digest(e.ONLY_HMAC) : body + '.' + mac);
"""
SIGNERS = {"jsrsasign": SIGN_JSRSASIGN, "jsonwebtoken": SIGN_JSONWEBTOKEN, "crypto": SIGN_CRYPTO}

HS256 = {"alg": "HS256", "typ": "JWT"}
# The shapes people paste: a JWT-app REST token, a Zoom OAuth access token, a ZAK.
REST = {"iss": "AbCdEfGhIjKlMnOpQrStUv", "aud": None, "exp": NOW + 3600, "iat": NOW}
OAUTH_HEADER = {"alg": "HS512", "v": "2.0", "kid": "a1b2c3d4-0000", "sv": "00000"}
OAUTH = {
    "ver": 9,
    "auid": "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
    "code": "AbCdEf",
    "iss": "zm:cid:Q1w2E3r4T5y6U7i8O9p0",
    "gno": 0,
    "type": 0,
    "tid": 0,
    "aud": "https://oauth.zoom.us",
    "uid": "aBcDeFgHiJkLmNoPqRsTuV",
    "nbf": NOW,
    "exp": NOW + 3600,
    "iat": NOW,
    "aid": "ZyXwVuTsRqPoNmLkJiHgFe",
}
ZAK = {
    "aud": "clientsm",
    "uid": "aBcDeFgHiJkLmNoPqRsTuV",
    "iss": "web",
    "sk": "0",
    "sty": 100,
    "wcd": "aw1",
    "clt": 0,
    "mnum": "81198873582",
    "exp": NOW + 7200,
    "iat": NOW,
    "aid": "ZyXwVuTsRqPoNmLkJiHgFe",
    "cid": "",
}
MEETING = {"appKey": KEY, "sdkKey": KEY, "mn": "81198873582", "role": 0}
TIMES = {"iat": NOW - 30, "exp": NOW + 7170, "tokenExp": NOW + 7170}
# Meeting SDK rules that must not be reported for a token that is not a Meeting SDK token.
MEETING_RULES = {
    "appkey-missing",
    "tokenexp-missing",
    "native-token",
    "mn-role-pair",
    "alg-unsupported",
    "typ-unexpected",
    "unknown-claims",
    "exp-window-short",
    "expired",
}


@pytest.fixture(scope="module")
def node_folder():
    npm_package("jsrsasign", "11.1.0")
    return npm_package("jsonwebtoken", "9.0.2")


def signed(folder, signer: str, header: dict, payload: dict, **extra: str) -> str:
    # Both packages are in their own folder: NODE_PATH lists the jsrsasign one as well.
    env = {"HEADER": json.dumps(header), "PAYLOAD": json.dumps(payload), "SECRET": SECRET}
    env.update(extra)
    script = SIGNERS[signer]
    if signer == "jsrsasign":
        folder = npm_package("jsrsasign", "11.1.0")
    return run_node(folder, script, env)


@pytest.mark.node
@pytest.mark.parametrize("signer", sorted(SIGNERS))
@pytest.mark.parametrize(
    ("header", "payload", "kind", "code"),
    [
        (HS256, REST, "rest", "rest-api-token"),
        (HS256, {k: v for k, v in REST.items() if k != "aud"}, "rest", "rest-api-token"),
        (OAUTH_HEADER, OAUTH, "oauth", "oauth-access-token"),
        (HS256, ZAK, "zak", "zak-token"),
    ],
)
def test_other_tokens_are_named_with_one_fix(node_folder, signer, header, payload, kind, code):
    token = signed(node_folder, signer, header, payload)
    report = inspect(token, secret=SECRET, now=NOW + 7200)  # expired too: not reported
    errors = [f.code for f in report.errors]
    assert report.kind == kind and errors == [code], report.codes()
    assert not MEETING_RULES & set(report.codes())
    assert report.to_dict()["kind"] == kind and report.exit_status() == 1
    named = report.errors[0]
    assert "not a Meeting SDK signature" in named.message and named.fix
    with pytest.raises(FixError, match="nothing to fix") as refused:
        fix_all(token, KEY, SECRET, now=NOW)
    assert named.fix in str(refused.value)  # the reason and the one fix, not a token


@pytest.mark.node
@pytest.mark.parametrize("signer", sorted(SIGNERS))
@pytest.mark.parametrize(
    ("rename", "zoom_name"),
    [
        ("meetingNumber", "mn"),
        ("meeting_number", "mn"),
        ("meetingNo", "mn"),
        ("roleType", "role"),
        ("app_key", "appKey"),
        ("apiKey", "appKey"),
    ],
)
def test_claim_under_another_name_is_named(node_folder, signer, rename, zoom_name) -> None:
    claims = {**MEETING, **TIMES}
    if zoom_name == "appKey":
        claims.pop("sdkKey")
    claims[rename] = claims.pop(zoom_name)
    token = signed(node_folder, signer, HS256, claims)
    report = inspect(token, secret=SECRET, now=NOW)
    # apiKey also names the retired JWT-app credentials (apikey-claim), as it always does.
    also = ["apikey-claim"] if rename == "apiKey" else []
    assert [f.code for f in report.errors] == ["claim-name", *also], report.codes()
    item = report.errors[0]
    assert item.claim == rename and f"Rename the claim {rename} to {zoom_name}" in item.fix
    assert report.kind == "meeting-web"
    fixed = fix_all(token, KEY, SECRET, now=NOW)
    assert zoom_name in fixed.payload and rename not in fixed.payload
    assert fixed.check.usable


@pytest.mark.node
@pytest.mark.parametrize("signer", sorted(SIGNERS))
def test_meeting_number_as_a_json_number_is_info(node_folder, signer) -> None:
    token = signed(node_folder, signer, HS256, {**MEETING, "mn": 81198873582, **TIMES})
    report = inspect(token, secret=SECRET, now=NOW)
    assert report.codes() == ["mn-number"] and report.usable
    assert report.findings[0].severity == "info" and report.findings[0].claim == "mn"


@pytest.mark.node
@pytest.mark.parametrize("encoding", ["base64", "hex", "base64url"])
def test_the_bare_hmac_is_named(node_folder, encoding) -> None:
    claims = json.dumps({**MEETING, **TIMES})
    digest = signed(node_folder, "crypto", HS256, json.loads(claims), ONLY_HMAC=encoding)
    report = inspect(f'{{"signature": "{digest}"}}', now=NOW)
    assert report.codes() == ["hmac-only"] and report.exit_status() == 1
    assert "HMAC" in report.findings[0].message


@pytest.mark.node
def test_the_third_segment_alone_is_named(node_folder) -> None:
    token = signed(node_folder, "jsonwebtoken", HS256, {**MEETING, **TIMES})
    assert inspect(token.split(".")[2], now=NOW).codes() == ["hmac-only"]
