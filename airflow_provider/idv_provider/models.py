"""Vendor-neutral view of a verification session, shared by every vendor's hook."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class SessionState(StrEnum):
    """Normalized lifecycle of a session, whatever the vendor calls it."""

    PENDING = "pending"  # created; the applicant has not finished the hosted flow
    IN_PROGRESS = "in_progress"  # the applicant has started
    SUBMITTED = "submitted"  # the applicant finished; waiting for a decision
    APPROVED = "approved"
    REJECTED = "rejected"
    VOIDED = "voided"
    EXPIRED = "expired"
    FAILED = "failed"  # the vendor's checks could not be completed (not a decision)
    UNKNOWN = "unknown"  # a vendor status this version does not know yet

    @property
    def is_decided(self) -> bool:
        return self in {SessionState.APPROVED, SessionState.REJECTED, SessionState.VOIDED}


class Decision(StrEnum):
    """What a reviewer or a policy decides about a submitted session."""

    APPROVE = "approve"
    REJECT = "reject"
    VOID = "void"
    MANUAL_REVIEW = "manual_review"  # left as it is, for a person to look at


@dataclass(frozen=True)
class Applicant:
    """The person to verify. Everything here is PII: never log it or push it to XCom."""

    first_name: str
    last_name: str
    email: str
    phone: str
    external_id: str | None = None
    #: language of the invite (BCP 47, e.g. "fr-CA"); not sent to the vendor
    locale: str | None = None


@dataclass(frozen=True)
class AnalysisSummary:
    """The checks a decision policy looks at, normalized to 0-1 scores and booleans.

    ``None`` means the vendor did not report that check (the workflow skipped it).
    """

    id_matches_selfie: bool | None = None
    liveness_score: float | None = None
    face_match_score: float | None = None
    document_not_expired: bool | None = None
    document_valid_state: bool | None = None
    age_requirement_met: bool | None = None
    pep_hits: int | None = None
    sanction_hits: int | None = None
    adverse_media_hits: int | None = None
    document_risk_score: float | None = None


@dataclass(frozen=True)
class VerificationSession:
    """One vendor session, as the operators and policies see it."""

    id: str
    vendor: str
    state: SessionState
    vendor_status: str
    created_at: datetime | None = None
    updated_at: datetime | None = None
    submitted_at: datetime | None = None
    external_id: str | None = None
    #: The applicant's hosted-flow link. A bearer link: keep it out of logs.
    url: str | None = field(default=None, repr=False)
    analysis: AnalysisSummary | None = None
    #: The applicant went through the hosted flow, whatever the state says now: vendors such
    #: as Didit decide right at the end of the flow, so "approved" can mean "just finished".
    flow_completed: bool = False

    def to_xcom(self) -> dict[str, Any]:
        """The small, PII-free summary operators return."""
        return {
            "session_id": self.id,
            "vendor": self.vendor,
            "status": self.state.value,
            "vendor_status": self.vendor_status,
        }


@dataclass(frozen=True)
class SessionPage:
    """One page of a session listing."""

    sessions: list[VerificationSession]
    total: int | None
    #: pass it back to the list call for the next page; ``None``: this was the last page
    next_page_token: str | None = None

    @property
    def has_more(self) -> bool:
        return self.next_page_token is not None
