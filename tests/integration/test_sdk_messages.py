"""The SDK's own messages for its join errors, read from the real SDK (npm pack) in use,
served to the join page and shown with what to do."""

from __future__ import annotations

import json
import urllib.request

import pytest

from tests.helpers.sdk import meeting_sdk_dist
from zoomsig_gui.core.join.errors import explain, explanation_text
from zoomsig_gui.core.join.sdkfolder import check_sdk_dir
from zoomsig_gui.core.join.sdkmessages import KEYS_620, LANG_FILE, sdk_messages
from zoomsig_gui.core.join.server import JoinServer, ServerConfig

# Each code's own words in the SDK 6.2.0 bundle's lib/lang/en-US.json.
OWN = {
    "3633": "You have reached the API limit for this call.",
    "3634": "You be limit by zoom, need to check recaptcha.",
    "3636": "Token error: obfToken and zak cannot be used simultaneously",
    "3712": "Signature is invalid.",
    "4003": "Invalid parameter",
    "4011": "To join a meeting hosted by an external Zoom account, your SDK app has to be "
    "published on Zoom Marketplace. You can refer to Section 6.1 of Zoom's API License Terms "
    "of Use",
    "4014": "The OBF token is invalid. Please check the OBF token and try again.",
    "4015": "The meeting number associated with the provided OBF token does not match the "
    "current meeting.",
    "4017": "Authorized user not in meeting.",
    "6603": "Join failed because this Meeting SDK key is blocked by the host's account admin.",
    "10000": "The current sdk version is no longer supported, please upgrade to the latest "
    "version.",
}


@pytest.fixture(scope="module")
def sdk():
    return check_sdk_dir(meeting_sdk_dist())


def test_each_code_has_the_sdks_own_message(sdk) -> None:
    messages = sdk_messages(sdk)
    for code, text in OWN.items():
        assert messages[code] == text, code
    lang = json.loads((sdk.path / LANG_FILE).read_text(encoding="utf-8"))
    for code in ("4012", "4013", "4016", "4018"):
        assert messages[code] == lang[KEYS_620[code]]
    # 4019's message is missing from en-US.json; the bundle's own English table has it.
    assert KEYS_620["4019"] not in lang
    assert messages["4019"] == "The authorized user has left the meeting."


def test_the_codes_come_from_this_versions_bundle(sdk, tmp_path) -> None:
    # A copy whose language file says something else: the words follow the folder in use.
    copy = tmp_path / "dist"
    (copy / "lib" / "lang").mkdir(parents=True)
    (copy / sdk.client_file).symlink_to(sdk.path / sdk.client_file)
    lang = json.loads((sdk.path / LANG_FILE).read_text(encoding="utf-8"))
    lang["apac.errorcodes_frequent_call"] = "Slow down, please."
    (copy / LANG_FILE).write_text(json.dumps(lang), encoding="utf-8")
    messages = sdk_messages(check_sdk_dir(copy))
    assert messages["3633"] == "Slow down, please."
    # Codes the bundle's tables name beyond our own list (3100: login required) come too.
    assert messages["3100"] and "3100" not in KEYS_620


@pytest.mark.parametrize("code", ["4015", "3633"])
def test_explanation_has_the_sdks_words_and_what_to_do(sdk, code) -> None:
    info = explain(code, messages=sdk_messages(sdk))
    text = explanation_text(info)
    assert f"The SDK says: “{OWN[code]}”" in text
    assert explain(code).explanation in text  # what to do
    assert "SDK says" not in explanation_text(explain(code))  # Zoom's CDN: our table only


def test_serve_with_sdk_dir_serves_the_sdks_messages(sdk) -> None:
    server = JoinServer(ServerConfig(port=0, sdk_dir=sdk.path)).start()
    try:
        with urllib.request.urlopen(server.url + "errors.json", timeout=10) as answer:
            table = json.loads(answer.read())
    finally:
        server.stop()
    assert table["4015"]["sdk_message"] == OWN["4015"]
    assert table["3633"]["sdk_message"] == OWN["3633"]
    assert "10 s" in table["3633"]["explanation"]
    assert table["3100"]["title"]  # a code only the SDK knows still has its words
