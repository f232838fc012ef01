"""Vendor-neutral view of a verification session, shared by every vendor's hook."""

from __future__ import annotations

from collections.abc import Iterable
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
    has_more: bool
    offset: int
    #: where the next page starts, for vendors that page by cursor (``None``: by offset)
    next_cursor: str | None = None


class WaitOutcome(StrEnum):
    DONE = "done"
    WAIT = "wait"
    FAILED = "failed"


def submission_outcome(
    session: VerificationSession, *, accept_decided: bool = False
) -> tuple[WaitOutcome, str]:
    """Whether a wait for the applicant's submission is over, and how; shared by the sensor
    and its trigger so both modes behave the same."""
    state = session.state
    where = (
        f"Session {session.id} is {state.value} ({session.vendor} status {session.vendor_status})"
    )
    if state is SessionState.SUBMITTED:
        return WaitOutcome.DONE, f"{where}: the applicant has submitted."
    if session.flow_completed and state not in (SessionState.PENDING, SessionState.IN_PROGRESS):
        return WaitOutcome.DONE, f"{where}: the applicant finished the hosted flow."
    if state.is_decided and accept_decided:
        return WaitOutcome.DONE, f"{where}: already decided."
    if state.is_decided:
        return WaitOutcome.FAILED, (
            f"{where}: it was decided before the applicant's submission was seen. "
            "Pass accept_decided=True to accept decided sessions."
        )
    if state is SessionState.EXPIRED:
        return WaitOutcome.FAILED, f"{where}: the applicant did not finish in time."
    if state is SessionState.FAILED:
        return WaitOutcome.FAILED, f"{where}: the vendor could not complete its checks."
    if state is SessionState.UNKNOWN:
        return WaitOutcome.WAIT, f"{where}: status not known to this provider version; waiting."
    return WaitOutcome.WAIT, f"{where}: waiting for the applicant."


@dataclass
class BatchProgress:
    """Where a wait for many sessions stands: which are submitted, which ended without a
    submission (with the reason), which are still waited on. Ids only: no PII."""

    submitted: list[str] = field(default_factory=list)
    ended: dict[str, str] = field(default_factory=dict)
    waiting: list[str] = field(default_factory=list)

    def record(self, sessions: Iterable[VerificationSession], *, accept_decided: bool) -> None:
        """Sort freshly read sessions into the three groups (replacing ``waiting``)."""
        self.waiting = []
        for session in sessions:
            outcome, message = submission_outcome(session, accept_decided=accept_decided)
            if outcome is WaitOutcome.DONE:
                self.submitted.append(session.id)
            elif outcome is WaitOutcome.FAILED:
                self.ended[session.id] = message
            else:
                self.waiting.append(session.id)

    def to_xcom(self) -> dict[str, Any]:
        return {"submitted": self.submitted, "ended": self.ended, "waiting": self.waiting}

    def describe(self, *, list_waiting: int = 0) -> str:
        """A one-line count; with ``list_waiting``, the first that many waiting ids too."""
        text = (
            f"{len(self.submitted)} submitted, {len(self.ended)} ended without a submission, "
            f"{len(self.waiting)} still waiting"
        )
        if list_waiting and self.waiting:
            shown = ", ".join(self.waiting[:list_waiting])
            text += f" ({shown}{', …' if len(self.waiting) > list_waiting else ''})"
        return text
