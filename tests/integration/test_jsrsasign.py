"""Tokens made by zoomsig are the ones Zoom's sample makes with jsrsasign, and verify there."""

from __future__ import annotations

import pytest

from tests.helpers.node_tools import npm_package, run_node
from tests.helpers.tokens import KEY, NOW, SECRET
from zoomsig_gui.core.tokens.request import TokenRequest, make_token

# The signing code of zoom/meetingsdk-auth-endpoint-sample (src/index.js), as it is.
ZOOM_SAMPLE = """
const KJUR = require('jsrsasign');
const e = process.env;
const iat = Number(e.IAT), exp = iat + Number(e.EXPIRES);
const oHeader = { alg: 'HS256', typ: 'JWT' };
const oPayload = { appKey: e.KEY, sdkKey: e.KEY, mn: e.MN, role: Number(e.ROLE), iat, exp,
                   tokenExp: exp };
if (e.WEBRTC) oPayload.video_webrtc_mode = Number(e.WEBRTC);
process.stdout.write(KJUR.jws.JWS.sign('HS256', JSON.stringify(oHeader),
                                       JSON.stringify(oPayload), e.SECRET));
"""
VERIFY = """
const KJUR = require('jsrsasign');
const ok = KJUR.jws.JWS.verify(process.env.TOKEN, {utf8: process.env.SECRET}, ['HS256']);
process.stdout.write(ok ? 'valid' : 'invalid');
"""


@pytest.fixture(scope="module")
def jsrsasign():
    return npm_package("jsrsasign", "11.1.0")


@pytest.mark.node
@pytest.mark.parametrize(("role", "expires", "webrtc"), [(0, 7200, None), (1, 1800, 1)])
def test_same_token_as_zoom_sample(jsrsasign, role: int, expires: int, webrtc) -> None:
    ours = make_token(
        TokenRequest(KEY, "81198873582", role, expires_s=expires, webrtc_mode=webrtc),
        SECRET,
        now=NOW,
    )
    env = {
        "KEY": KEY,
        "SECRET": SECRET,
        "MN": "81198873582",
        "ROLE": str(role),
        "IAT": str(NOW - 30),
        "EXPIRES": str(expires),
    }
    if webrtc is not None:
        env["WEBRTC"] = str(webrtc)
    assert run_node(jsrsasign, ZOOM_SAMPLE, env) == ours


@pytest.mark.node
def test_jsrsasign_verifies_ours_and_rejects_a_wrong_secret(jsrsasign) -> None:
    token = make_token(TokenRequest(KEY), SECRET)
    assert run_node(jsrsasign, VERIFY, {"TOKEN": token, "SECRET": SECRET}) == "valid"
    assert run_node(jsrsasign, VERIFY, {"TOKEN": token, "SECRET": SECRET[:-1]}) == "invalid"
