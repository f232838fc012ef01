"""Didit API bodies for respx-mocked tests, shaped as the reference documents them."""

from __future__ import annotations

import json
from typing import Any

import httpx

DIDIT_URL = "https://verification.didit.test"
DIDIT_KEY = "sk_test_didit_0123456789"
DIDIT_CONN_ID = "didit_default"
WORKFLOW_ID = "6f1c2a9e-8b1d-4c4e-9a57-2b8d6c1f0e11"
SESSION_ID = "11111111-2222-3333-4444-555555555555"


def created(status: str = "Not Started", **extra: Any) -> dict[str, Any]:
    return {
        "session_id": SESSION_ID,
        "session_number": 43762,
        "session_token": "abcdef1234567890",
        "url": "https://verify.didit.me/session/abcdef1234567890",
        "vendor_data": "user-123",
        "metadata": None,
        "status": status,
        "callback": None,
        "workflow_id": WORKFLOW_ID,
        **extra,
    }


def echo_created(request: httpx.Request, status: str = "Not Started") -> httpx.Response:
    """Didit's answer to a create: the session, with the ``vendor_data`` that was sent."""
    sent = json.loads(request.content)
    return httpx.Response(201, json=created(status, vendor_data=sent.get("vendor_data")))


def warning(risk: str, log_type: str = "error") -> dict[str, Any]:
    return {"feature": "ID_VERIFICATION", "risk": risk, "log_type": log_type}


def aml_hit(datasets: list[str], **extra: Any) -> dict[str, Any]:
    return {"id": f"hit-{'-'.join(datasets)}", "match": True, "datasets": datasets, **extra}


def decision(
    status: str = "In Review",
    *,
    liveness: float | None = 99.03,
    face_match: float | None = 95.26,
    face_status: str = "Approved",
    id_status: str = "Approved",
    id_warnings: list[dict[str, Any]] | None = None,
    hits: list[dict[str, Any]] | None = None,
    ran: bool = True,
) -> dict[str, Any]:
    """A decision payload; ``ran=False`` is a session whose checks have not run yet."""
    body: dict[str, Any] = {
        "session_id": SESSION_ID,
        "session_number": 1,
        "session_kind": "user",
        "session_url": "https://verify.didit.me/session/abc",
        "status": status,
        "environment": "sandbox",
        "workflow_id": WORKFLOW_ID,
        "features": ["ID_VERIFICATION", "LIVENESS", "FACE_MATCH", "AML"],
        "vendor_data": "user-123",
        "metadata": None,
        "callback": None,
        "created_at": "2026-01-01T12:00:00Z",
        "reviews": [],
    }
    if not ran:
        return {
            **body,
            "id_verifications": None,
            "liveness_checks": None,
            "face_matches": None,
            "aml_screenings": None,
        }
    return {
        **body,
        "id_verifications": [
            {
                "node_id": "feature_ocr",
                "status": id_status,
                "document_type": "Passport",
                "issuing_state": "ESP",
                "warnings": id_warnings or [],
            }
        ],
        "liveness_checks": [
            {
                "node_id": "feature_liveness",
                "status": "Approved",
                "method": "PASSIVE",
                "score": liveness,
                "warnings": [],
            }
        ],
        "face_matches": [
            {
                "node_id": "feature_face_match",
                "status": face_status,
                "score": face_match,
                "warnings": [],
            }
        ],
        "aml_screenings": [
            {
                "node_id": "feature_aml",
                "status": "Approved",
                "total_hits": len(hits or []),
                "score": 0,
                "hits": hits or [],
                "warnings": [],
            }
        ],
    }


def page(statuses: list[str], *, next_url: str | None = None, count: int | None = None):
    rows = [
        {
            "session_id": f"{SESSION_ID[:-3]}{n:03d}",
            "session_number": 100 - n,
            "session_kind": "user",
            "status": status,
            "vendor_data": f"user-{n}",
            "created_at": "2026-01-01T12:00:00Z",
        }
        for n, status in enumerate(statuses)
    ]
    return {
        "count": len(rows) if count is None else count,
        "next": next_url,
        "previous": None,
        "results": rows,
    }
