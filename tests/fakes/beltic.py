"""Beltic API bodies for respx-mocked tests, shaped as the reference documents them."""

from __future__ import annotations

from typing import Any

BELTIC_URL = "https://api.beltic.test"
BELTIC_KEY = "sk_staging_0123456789"
BELTIC_CONN_ID = "beltic_default"
ACCOUNT_ID = "9b2f6a0e-1c3d-4e5f-8a9b-0c1d2e3f4a5b"
SESSION_ID = "123e4567-e89b-12d3-a456-426614174000"
SESSION_URL = "https://verify.example.test/s/{session_id}"


def account(external_id: str = "applicant-1") -> dict[str, Any]:
    return {
        "id": ACCOUNT_ID,
        "type": "account",
        "attributes": {"status": "pending", "entity_type": "person", "external_id": external_id},
    }


def session(status: str = "created", session_id: str = SESSION_ID) -> dict[str, Any]:
    return {
        "id": session_id,
        "type": "session",
        "attributes": {
            "status": status,
            "entity_type": "person",
            "created_at": "2026-01-01T12:00:00.000Z",
            "completed_at": "2026-01-01T12:05:00.000Z" if status == "completed" else None,
        },
        "relationships": {"account": {"data": {"type": "account", "id": ACCOUNT_ID}}},
    }


def sid(prefix: str, n: int) -> str:
    """A Beltic session id (a UUID) that reads as ``prefix`` and ``n`` in a test."""
    return f"{prefix.encode().hex()[:8]:0>8}-0000-4000-8000-{n:012d}"


def page(statuses: list[str], *, after: str | None = None, prefix: str = "s") -> dict[str, Any]:
    """A list page of sessions ``sid(prefix, n)``; ``after`` makes ``links.next`` carry that
    cursor."""
    next_link = f"{BELTIC_URL}/v1/identity/sessions?page%5Bafter%5D={after}" if after else None
    return {
        "data": [session(st, sid(prefix, n)) for n, st in enumerate(statuses)],
        "meta": {"page": {"size": len(statuses), "hasNext": bool(after), "hasPrevious": False}},
        "links": {"self": f"{BELTIC_URL}/v1/identity/sessions", "next": next_link},
    }
