"""Didit's session list in the sandbox: its filters, its search and its rows."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from idv_sandbox.config import ApiError
from idv_sandbox.vendors.didit.results import FEATURES, RESULT_ARRAYS
from idv_sandbox.vendors.didit.session import DiditSession, didit_time

STATUSES = (
    "Not Started",
    "In Progress",
    "In Review",
    "Approved",
    "Declined",
    "Resubmitted",
    "Expired",
    "Abandoned",
    "Kyc Expired",
    "Awaiting User",
)
#: the upper-snake spelling of an older documentation page, accepted by the status filter
STATUS_ALIASES = {s.upper().replace(" ", "_"): s for s in STATUSES}
SEARCHED = ("vendor_data", "first_name", "last_name", "email", "phone")


def _date_bound(name: str, value: str) -> tuple[str, str]:
    """How a ``date_from``/``date_to`` value compares with ``created_at`` (UTC text): a date
    against its date part; a time, with any offset, converted to UTC first."""
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ApiError(400, f"{name} must be an ISO 8601 date or date-time.", field=name) from None
    if len(value) == 10:  # a date
        return "substr(created_at, 1, 10)", value
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return "created_at", didit_time(when.astimezone(UTC))


def filters(api_key: str, query: dict[str, str]) -> tuple[str | None, list[Any]]:
    """The SQL condition and its arguments for the list's filters (``None``: nothing can
    match, as for business sessions)."""
    where, args = ["api_key = ?", "deleted = 0"], [api_key]
    if query.get("session_kind") == "business":
        return None, []
    for name in ("vendor_data", "workflow_id"):
        if name in query:
            where.append(f"{name} = ?")
            args.append(query[name])
    if "status" in query:
        wanted = [STATUS_ALIASES.get(s.strip(), s.strip()) for s in query["status"].split(",")]
        where.append(f"status IN ({','.join('?' * len(wanted))})")
        args += wanted
    for name, op in (("date_from", ">="), ("date_to", "<=")):
        if name in query:
            column, bound = _date_bound(name, query[name])
            where.append(f"{column} {op} ?")
            args.append(bound)
    return " AND ".join(where), args


def matches(session: DiditSession, query: dict[str, str]) -> bool:
    if "country" in query:
        documents = session.record["id_verifications"] or []
        if not any(d.get("issuing_state") == query["country"] for d in documents):
            return False
    if "search" in query:
        needle = query["search"].lower()
        values = [session.record.get("vendor_data"), *map(session.applicant.get, SEARCHED[1:])]
        return any(needle in str(v).lower() for v in values if v)
    return True


def list_row(session: DiditSession) -> dict[str, Any]:
    """A list row: the summary fields; scores in additional_details are 0-1."""
    r, a = session.record, session.applicant
    liveness = (r["liveness_checks"] or [{}])[0].get("score")
    face = (r["face_matches"] or [{}])[0].get("score")
    aml = (r["aml_screenings"] or [{}])[0]
    documents = r["id_verifications"] or [{}]
    finished = r["id_verifications"] is not None
    return {
        "session_id": r["session_id"],
        "session_number": r["session_number"],
        "session_kind": "user",
        "session_url": r["session_url"],
        "status": r["status"],
        "vendor_data": r["vendor_data"],
        "workflow_id": r["workflow_id"],
        "country": documents[0].get("issuing_state"),
        "document_type": documents[0].get("document_type"),
        "full_name": f"{a.get('first_name') or ''} {a.get('last_name') or ''}".strip(),
        "created_at": r["created_at"],
        "features": [
            {"feature": name, "status": item[0]["status"]}
            for name, item in zip(FEATURES, (r[k] for k in RESULT_ARRAYS), strict=True)
            if item
        ],
        "additional_details": {
            "aml": {"total_hits": aml.get("total_hits", 0), "entity_type": "person"},
            "liveness": {"method": "PASSIVE", "score": liveness / 100},
            "face_match": {"score": face / 100},
        }
        if finished
        else None,
    }
