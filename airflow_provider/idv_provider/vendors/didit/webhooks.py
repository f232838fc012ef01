"""Verify the webhooks vendors send about sessions, before trusting a byte of them.

Didit signs each delivery with HMAC-SHA256 under the destination's shared secret:

- ``X-Signature-V2`` over the payload re-serialized canonically (keys sorted, no spaces,
  UTF-8 rather than ``\\u`` escapes, whole floats written as integers), so it survives a proxy
  or framework that re-encodes the JSON;
- ``X-Signature`` over the raw body bytes.

The signed body's ``timestamp`` (Unix seconds; ``X-Timestamp`` repeats it) must be within the
tolerance (300 seconds) of now, which stops a captured delivery from being replayed later.
Deduplicate deliveries on the payload's ``event_id``: Didit retries.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from idv_provider.exceptions import IdvError, WebhookVerificationError

if TYPE_CHECKING:
    from idv_provider.events.model import WebhookDelivery

__all__ = ["WebhookVerificationError", "read_didit_webhook", "verify_didit_webhook"]

DIDIT_TOLERANCE_SECONDS = 300


def _shorten_floats(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: _shorten_floats(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shorten_floats(v) for v in value]
    return value


def didit_canonical_json(payload: Any) -> bytes:
    """The bytes Didit's ``X-Signature-V2`` is computed over."""
    text = json.dumps(
        _shorten_floats(payload), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return text.encode("utf-8")


def _hmac(secret: str, message: bytes) -> str:
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def _signed_timestamp(payload: Mapping[str, Any]) -> Any:
    """The delivery's time: ``timestamp``, else ``created_at`` (older deliveries)."""
    return payload.get("timestamp", payload.get("created_at"))


def sign_didit_webhook(payload: Mapping[str, Any], secret: str) -> dict[str, str]:
    """The headers Didit would send with ``payload``: for a receiver's own tests."""
    timestamp = _signed_timestamp(payload)
    body = json.dumps(
        _shorten_floats(payload), sort_keys=True, separators=(",", ":"), allow_nan=False
    )
    return {
        "X-Signature": _hmac(secret, body.encode()),
        "X-Signature-V2": _hmac(secret, didit_canonical_json(payload)),
        "X-Timestamp": "" if timestamp is None else str(timestamp),
    }


def _refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    if len(set(keys)) != len(keys):
        # Parsers disagree on which value wins: the signature would cover an ambiguity.
        raise WebhookVerificationError("The body repeats a key in one object")
    return dict(pairs)


def _refuse_constant(name: str) -> Any:
    raise WebhookVerificationError(f"The body holds {name}, which is not JSON")


def _parse(body: bytes) -> dict[str, Any]:
    try:
        payload = json.loads(
            body, object_pairs_hook=_refuse_duplicate_keys, parse_constant=_refuse_constant
        )
    except WebhookVerificationError:
        raise
    except (ValueError, RecursionError):  # not JSON, not UTF-8, or nested absurdly deep
        raise WebhookVerificationError("The body is not JSON") from None
    if not isinstance(payload, dict):
        raise WebhookVerificationError("The body is not a JSON object")
    return payload


def _matches(given: str | None, secret: str, message: Callable[[], bytes]) -> bool:
    """Whether the hex signature ``given`` is the HMAC of ``message()``."""
    if not given or not given.strip().isascii():
        return False
    return hmac.compare_digest(given.strip().lower(), _hmac(secret, message()))


def verify_didit_webhook(
    body: bytes,
    headers: Mapping[str, str],
    secret: str,
    *,
    tolerance: float = DIDIT_TOLERANCE_SECONDS,
    now: float | None = None,
) -> dict[str, Any]:
    """The delivery's payload, once its signature and freshness check out.

    :param body: the raw request body, as received.
    :param headers: the request headers (any case).
    :param secret: the webhook destination's shared secret.
    :raises WebhookVerificationError: saying what failed (never echoing the secret).
    """
    if not secret:
        raise WebhookVerificationError("No webhook secret configured: cannot verify")
    lower = {str(k).lower(): str(v) for k, v in headers.items()}
    if not isinstance(body, bytes):
        raise WebhookVerificationError("The body must be the raw bytes received")
    payload = _parse(body)
    signatures: list[tuple[str | None, Callable[[], bytes]]] = [
        (lower.get("x-signature-v2"), lambda: didit_canonical_json(payload)),
        (lower.get("x-signature"), lambda: body),
    ]
    if not any(given for given, _ in signatures):
        raise WebhookVerificationError("No X-Signature-V2 or X-Signature header")
    try:
        matched = any(_matches(given, secret, message) for given, message in signatures)
    except (UnicodeEncodeError, RecursionError):  # a lone surrogate; nesting too deep
        matched = False
    if not matched:
        raise WebhookVerificationError("The signature does not match: wrong secret or altered")
    timestamp = _signed_timestamp(payload)
    if not isinstance(timestamp, int) or isinstance(timestamp, bool):
        raise WebhookVerificationError("The signed body has no integer timestamp")
    header_timestamp = lower.get("x-timestamp")
    if header_timestamp is not None and header_timestamp.strip() != str(timestamp):
        raise WebhookVerificationError("X-Timestamp differs from the signed timestamp")
    age = (time.time() if now is None else now) - timestamp
    if abs(age) > tolerance:
        raise WebhookVerificationError(
            f"The delivery is {abs(age):.0f} s {'old' if age > 0 else 'in the future'}; "
            f"the tolerance is {tolerance:.0f} s"
        )
    return payload


def read_didit_webhook(
    body: bytes, headers: Mapping[str, str], secret: str, *, now: float | None = None
) -> WebhookDelivery:
    """A verified delivery as the plugin records it: its event id, and the session it is news
    of (``None`` for events that are not a session's status, e.g. ``data.updated``)."""
    from didit_client.models import Decision as DiditDecision
    from idv_provider.events.model import WebhookDelivery
    from idv_provider.vendors.didit.mapping import STATUSES, to_verification_session

    payload = verify_didit_webhook(body, headers, secret, now=now)
    event_id = payload.get("event_id")
    if not isinstance(event_id, str) or not event_id:  # older deliveries: the signed body
        event_id = hashlib.sha256(didit_canonical_json(payload)).hexdigest()
    session_id, status = payload.get("session_id"), payload.get("status")
    if payload.get("webhook_type", "status.updated") != "status.updated":
        return WebhookDelivery(event_id, None)
    if not isinstance(session_id, str) or not isinstance(status, str):
        raise WebhookVerificationError("The signed body has no session_id or status")
    decision = payload.get("decision")
    session = STATUSES.session(session_id, status)
    if isinstance(decision, dict) and decision.get("session_id") == session_id:
        # the decision as GET /decision/ returns it: the analysis, no second call (a shape this
        # client does not read leaves it out: the deciding task reads the session)
        with contextlib.suppress(KeyError, TypeError, ValueError, AttributeError, IdvError):
            session = to_verification_session(DiditDecision.from_dict(decision))
    if session.vendor_status != status:
        session = STATUSES.session(session_id, status)  # the envelope's status is the news
    return WebhookDelivery(event_id, session)
