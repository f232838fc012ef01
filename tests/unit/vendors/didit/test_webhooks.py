"""Didit webhook signatures, against vectors computed here from hand-written canonical text."""

from __future__ import annotations

import hashlib
import hmac
import json

import pytest

from idv_provider.vendors.didit.webhooks import (
    WebhookVerificationError,
    didit_canonical_json,
    sign_didit_webhook,
    verify_didit_webhook,
)

SECRET = "whsec-3q2-Vb1xYk9pLr0_ZmTnA7eWcUdJhGsFo4iK8uQ"
NOW = 1_767_225_600  # 2026-01-01T00:00:00Z
PAYLOAD = {
    "webhook_type": "status.updated",
    "session_id": "11111111-2222-3333-4444-555555555555",
    "status": "Approved",
    "timestamp": NOW,
    "vendor_data": "Zoë-42",
    "decision": {"liveness_checks": [{"score": 99.0}], "face_matches": [{"score": 95.26}]},
}
# What Didit signs for V2, written out by hand: keys sorted, no spaces, "ë" kept as UTF-8,
# 99.0 written as 99, 95.26 kept.
CANONICAL = (
    '{"decision":{"face_matches":[{"score":95.26}],"liveness_checks":[{"score":99}]},'
    '"session_id":"11111111-2222-3333-4444-555555555555","status":"Approved",'
    f'"timestamp":{NOW},"vendor_data":"Zoë-42","webhook_type":"status.updated"}}'
)


def hex_hmac(message: bytes) -> str:
    return hmac.new(SECRET.encode(), message, hashlib.sha256).hexdigest()


def test_canonical_form_matches_the_hand_written_text():
    assert didit_canonical_json(PAYLOAD) == CANONICAL.encode("utf-8")


def test_a_v2_signature_over_a_re_encoded_body_verifies():
    # a proxy re-serialized the JSON: spaces, \u escapes, 99.0 as a float
    body = json.dumps(PAYLOAD, indent=2).encode()
    headers = {"x-signature-v2": hex_hmac(CANONICAL.encode()), "X-Timestamp": str(NOW)}
    assert verify_didit_webhook(body, headers, SECRET, now=NOW + 10) == PAYLOAD


def test_the_raw_body_signature_verifies_the_exact_bytes():
    body = CANONICAL.encode()
    assert verify_didit_webhook(body, {"X-Signature": hex_hmac(body)}, SECRET, now=NOW)
    with pytest.raises(WebhookVerificationError, match="does not match"):
        verify_didit_webhook(body + b" ", {"X-Signature": hex_hmac(body)}, SECRET, now=NOW)


def test_sign_produces_headers_that_verify_and_match_the_vectors():
    headers = sign_didit_webhook(PAYLOAD, SECRET)
    assert headers["X-Signature-V2"] == hex_hmac(CANONICAL.encode())
    ascii_body = CANONICAL.replace("ë", "\\u00eb").encode()
    assert headers["X-Signature"] == hex_hmac(ascii_body)
    assert verify_didit_webhook(ascii_body, headers, SECRET, now=NOW) == PAYLOAD


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"status": "Declined"}, "does not match"),  # tampered after signing
        ({"secret": "another-secret"}, "does not match"),
        ({"now": NOW + 301}, "301 s old"),
        ({"now": NOW - 301}, "in the future"),
        ({"x-timestamp": str(NOW + 1)}, "X-Timestamp differs"),
        ({"headers": {}}, "No X-Signature"),
        ({"secret": ""}, "No webhook secret"),
    ],
)
def test_what_is_refused(change, message):
    payload = {**PAYLOAD, **({"status": change["status"]} if "status" in change else {})}
    headers = {"X-Signature-V2": hex_hmac(CANONICAL.encode()), "X-Timestamp": str(NOW)}
    if "x-timestamp" in change:
        headers["X-Timestamp"] = change["x-timestamp"]
    headers = change.get("headers", headers)
    with pytest.raises(WebhookVerificationError, match=message):
        verify_didit_webhook(
            json.dumps(payload).encode(),
            headers,
            change.get("secret", SECRET),
            now=change.get("now", NOW + 300),
        )


def test_the_tolerance_edge_is_accepted():
    headers = {"X-Signature-V2": hex_hmac(CANONICAL.encode())}
    assert verify_didit_webhook(CANONICAL.encode(), headers, SECRET, now=NOW + 300)


def test_a_body_without_a_timestamp_is_refused_even_when_signed():
    payload = {k: v for k, v in PAYLOAD.items() if k != "timestamp"}
    headers = sign_didit_webhook(payload, SECRET)
    del headers["X-Timestamp"]
    with pytest.raises(WebhookVerificationError, match="integer timestamp"):
        verify_didit_webhook(json.dumps(payload).encode(), headers, SECRET, now=NOW)


# -- malformed, unauthenticated input: always the verification error (a 401), never a crash --
@pytest.mark.parametrize(
    ("body", "headers"),
    [
        (CANONICAL.encode(), {"X-Signature-V2": "é" * 64}),  # non-ASCII signature
        (CANONICAL.encode(), {"X-Signature": "\ud800"}),  # a lone surrogate in a header
        (b"[" * 100_000 + b"]" * 100_000, {"X-Signature": "00"}),  # nested past recursion
        (b'{"a":"\\ud800","timestamp":1}', {"X-Signature-V2": "00" * 32}),
        (b"\xff\xfe{}", {"X-Signature": "00"}),  # not UTF-8
        (b'{"timestamp": NaN}', {"X-Signature": "00"}),
        (b'{"timestamp": Infinity}', {"X-Signature": "00"}),
        (b"not json", {"X-Signature": "00"}),
    ],
)
def test_malformed_deliveries_are_refused_with_the_verification_error(body, headers):
    with pytest.raises(WebhookVerificationError):
        verify_didit_webhook(body, headers, SECRET, now=NOW)


def test_a_body_with_a_duplicated_key_is_refused_even_with_a_valid_signature():
    # Parsers disagree on which "status" wins: the signature must not bless the ambiguity.
    body = CANONICAL.replace('"status":"Approved"', '"status":"Declined","status":"Approved"')
    headers = {"X-Signature": hex_hmac(body.encode())}
    with pytest.raises(WebhookVerificationError, match="repeats a key"):
        verify_didit_webhook(body.encode(), headers, SECRET, now=NOW)


def test_a_body_with_nan_is_refused_even_with_a_valid_signature():
    body = CANONICAL.replace('"score":95.26', '"score":NaN').encode()
    with pytest.raises(WebhookVerificationError, match="NaN"):
        verify_didit_webhook(body, {"X-Signature": hex_hmac(body)}, SECRET, now=NOW)


def test_signing_a_payload_dated_by_created_at_gives_headers_its_verifier_accepts():
    payload = {k: v for k, v in PAYLOAD.items() if k != "timestamp"} | {"created_at": NOW}
    headers = sign_didit_webhook(payload, SECRET)
    assert headers["X-Timestamp"] == str(NOW)
    body = json.dumps(payload).encode()
    assert verify_didit_webhook(body, headers, SECRET, now=NOW)["created_at"] == NOW
