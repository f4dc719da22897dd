"""The time rules: iat, exp and tokenExp against each other and against Zoom's clock."""

from __future__ import annotations

from typing import Any

from zoomsig_gui.core.inspection.finding import (
    ERROR,
    EXPIRED,
    EXPIRES_SOON_S,
    FUTURE_TOLERANCE_S,
    INFO,
    INVALID,
    MS_THRESHOLD,
    TIME_CLAIMS,
    WARNING,
    Finding,
    finding,
    is_int,
    json_text,
    json_type,
)
from zoomsig_gui.core.timefmt import relative_text, span_text, utc_text
from zoomsig_gui.core.tokens.request import MAX_EXPIRY_S, MIN_EXPIRY_S


def check_times(payload: dict[str, Any], now: float, kind: str) -> list[Finding]:
    out: list[Finding] = []
    ints: dict[str, int] = {}
    for claim in TIME_CLAIMS:
        if claim not in payload:
            continue
        value = payload[claim]
        if is_int(value):
            ints[claim] = value
        else:
            out.append(
                finding(
                    "claim-type",
                    ERROR,
                    f"{claim} is {json_text(value)} ({json_type(value)}), "
                    "not a whole number of seconds.",
                    f"Send {claim} as an integer number of seconds since 1970, not text or a "
                    "decimal.",
                    claim,
                    INVALID,
                )
            )
    if "iat" not in payload:
        out.append(
            finding(
                "iat-missing",
                ERROR,
                "The token has no iat (the time it was issued).",
                "Add iat: the current time in whole seconds since 1970, minus about 30 s.",
                "iat",
                INVALID,
            )
        )
    if "exp" not in payload:
        out.append(
            finding(
                "exp-missing",
                ERROR,
                "The token has no exp (when it stops working).",
                "Add exp: iat plus 1800 to 172800 seconds (Zoom's sample uses 7200).",
                "exp",
                INVALID,
            )
        )
    for claim in TIME_CLAIMS:
        if claim in ints and ints[claim] > MS_THRESHOLD:
            out.append(
                finding(
                    "iat-milliseconds",
                    ERROR,
                    f"{claim} ({ints[claim]}) is in milliseconds; Zoom expects seconds.",
                    f"Divide by 1000: in JavaScript use Math.round(Date.now() / 1000) for {claim}.",
                    claim,
                    INVALID,
                )
            )
            del ints[claim]  # the window checks would only repeat the same mistake
    iat, exp, token_exp = ints.get("iat"), ints.get("exp"), ints.get("tokenExp")
    if iat is not None and iat > now + FUTURE_TOLERANCE_S:
        ahead = iat - now
        out.append(
            finding(
                "iat-future",
                ERROR,
                f"iat is {span_text(ahead)} in the future ({utc_text(iat)}): the clock of the "
                "computer that made it runs ahead, or the token was made for later. "
                "Zoom rejects it.",
                "Set the generating server's clock from time servers (NTP), or start the token "
                "30 s early (backdate iat).",
                "iat",
                INVALID,
            )
        )
    if iat is not None and exp is not None:
        window = exp - iat
        if window < MIN_EXPIRY_S:
            out.append(
                finding(
                    "exp-window-short",
                    ERROR,
                    f"exp is only {span_text(window)} after iat; Zoom wants at least 30 min.",
                    "Set exp to iat + 1800 s or more (Zoom's sample uses 7200).",
                    "exp",
                    INVALID,
                )
            )
        elif window > MAX_EXPIRY_S:
            out.append(
                finding(
                    "exp-window-long",
                    ERROR,
                    f"exp is {span_text(window)} after iat; Zoom allows at most 48 h.",
                    "Set exp to at most iat + 172800 s (48 h).",
                    "exp",
                    INVALID,
                )
            )
    if exp is not None:
        if exp <= now:
            out.append(
                finding(
                    "expired",
                    ERROR,
                    f"The token expired {relative_text(exp, now)} ({utc_text(exp)}).",
                    "Make a new token; if it was just made, check that the generating clock is "
                    "not hours behind.",
                    "exp",
                    EXPIRED,
                )
            )
        elif exp - now < EXPIRES_SOON_S:
            out.append(
                finding(
                    "expires-soon",
                    WARNING,
                    f"The token expires {relative_text(exp, now)}.",
                    "Make a fresh token before joining.",
                    "exp",
                )
            )
    if "tokenExp" not in payload:
        native = kind == "meeting-native"
        out.append(
            finding(
                "tokenexp-missing",
                ERROR if native else INFO,
                "The token has no tokenExp."
                + (
                    " Native SDKs need it."
                    if native
                    else " Web SDKs accept that; Zoom's sample sets it."
                ),
                "Add tokenExp with the same value as exp.",
                "tokenExp",
                INVALID if native else None,
            )
        )
    if iat is not None and token_exp is not None and token_exp - iat < MIN_EXPIRY_S:
        out.append(
            finding(
                "tokenexp-short",
                ERROR,
                f"tokenExp is only {span_text(token_exp - iat)} after iat; "
                "it must be at least 30 min.",
                "Set tokenExp to the same value as exp (at least iat + 1800 s).",
                "tokenExp",
                INVALID,
            )
        )
    if exp is not None and token_exp is not None and token_exp > exp:
        out.append(
            finding(
                "tokenexp-after-exp",
                WARNING,
                f"tokenExp is {span_text(token_exp - exp)} after exp; "
                "Zoom's sample sets them equal.",
                "Set tokenExp to the same value as exp.",
                "tokenExp",
            )
        )
    return out
