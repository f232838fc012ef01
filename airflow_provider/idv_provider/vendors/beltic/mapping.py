"""Beltic's statuses and session documents in the vendor-neutral model (Beltic reports no
analysis)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from beltic_client.models import Session
from idv_provider.hooks.statuses import VendorStatuses
from idv_provider.hooks.unset import present
from idv_provider.models import SessionState, VerificationSession
from idv_provider.validation import fill_session_link
from idv_provider.vendors.beltic import VENDOR

STATE_BY_STATUS = {
    "created": SessionState.PENDING,
    "started": SessionState.IN_PROGRESS,
    "pending": SessionState.IN_PROGRESS,  # submitted data, still being processed
    "completed": SessionState.SUBMITTED,
    "marked_for_review": SessionState.SUBMITTED,
    "failed": SessionState.FAILED,
    "approved": SessionState.APPROVED,
    "declined": SessionState.REJECTED,
    "expired": SessionState.EXPIRED,
}
#: a session still open for the applicant: the one a retried create takes back
UNFINISHED = ("created", "started", "pending")
#: statuses reached only after the applicant went through the flow (decisions need one)
FLOW_COMPLETED = frozenset({"completed", "marked_for_review", "approved", "declined"})
STATUSES = VendorStatuses(VENDOR.name, STATE_BY_STATUS, FLOW_COMPLETED)
STATUSES_BY_STATE = {
    state: [status for status, st in STATE_BY_STATUS.items() if st is state]
    for state in set(STATE_BY_STATUS.values())
}


def _timestamp(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")) if value else None
    except ValueError:
        return None


def to_verification_session(record: Session, url_template: str | None) -> VerificationSession:
    """Map a Beltic session to the vendor-neutral model (Beltic reports no analysis)."""
    attributes = record.attributes
    return STATUSES.session(
        record.id,
        attributes.status,
        created_at=_timestamp(present(attributes.created_at)),
        updated_at=_timestamp(present(attributes.updated_at)),
        submitted_at=_timestamp(
            present(attributes.completed_at) or present(attributes.marked_for_review_at)
        ),
        url=fill_session_link(url_template, record.id) if url_template else None,
    )


def account_id(record: Session) -> str | None:
    """The id of the account a session belongs to, from its relationships."""
    relationships = present(record.relationships)
    account = present(relationships.account) if relationships else None
    data = present(account.data) if account else None
    return data.id if data else None
