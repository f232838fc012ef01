"""Didit's ``status.updated`` webhook, as Didit signs it: the v3 envelope with the session's
decision, ``X-Signature-V2`` (HMAC-SHA256 of the canonical JSON: sorted keys, no spaces, UTF-8,
whole floats as integers), ``X-Signature`` (of the raw body) and ``X-Timestamp``.

Written from Didit's documents on its own (the sandbox never imports the provider), so the
provider's verifier is checked against a second reading of them.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import uuid
from typing import Any

from idv_sandbox.webhooks import Render

APPLICATION_ID = "5a4db0c9-0d1d-4b0c-9e1f-17a5e1f0a11d"


def _whole_floats_as_ints(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: _whole_floats_as_ints(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_whole_floats_as_ints(v) for v in value]
    return value


def canonical(payload: dict[str, Any]) -> bytes:
    text = json.dumps(
        _whole_floats_as_ints(payload), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return text.encode("utf-8")


def status_updated(record: dict[str, Any], secret: str) -> tuple[str, Render]:
    """The event id, and how to render (sign) each attempt of the delivery."""
    event_id = str(uuid.uuid4())
    snapshot = json.loads(json.dumps(record))  # the session as it was when the status changed

    def render(now: float) -> tuple[bytes, dict[str, str]]:
        stamp = int(now)
        payload = {
            "event_id": event_id,
            "webhook_type": "status.updated",
            "timestamp": stamp,
            "created_at": stamp,
            "application_id": APPLICATION_ID,
            "environment": "sandbox",
            "session_id": snapshot["session_id"],
            "status": snapshot["status"],
            "workflow_id": snapshot["workflow_id"],
            "vendor_data": snapshot.get("vendor_data"),
            "metadata": snapshot.get("metadata"),
            "decision": snapshot,
        }
        body = canonical(payload)
        signature = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
        return body, {
            "Content-Type": "application/json",
            "User-Agent": "DiditWebhook/2.0 (idv-sandbox)",
            "X-Signature": signature,  # the raw body is the canonical form here
            "X-Signature-V2": signature,
            "X-Timestamp": str(stamp),
        }

    return event_id, render
