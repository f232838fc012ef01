"""Deciding one session by a policy: what the decide operators share."""

from __future__ import annotations

import logging
from typing import Any

from idv_provider import metrics
from idv_provider.applicants import OutcomeTable
from idv_provider.exceptions import InvalidRequestError
from idv_provider.hooks import IdvHook
from idv_provider.models import Decision, SessionState, VerificationSession
from idv_provider.policy import Policy, PolicyResult, ThresholdPolicy

log = logging.getLogger(__name__)
TARGET_STATE = {
    Decision.APPROVE: SessionState.APPROVED,
    Decision.REJECT: SessionState.REJECTED,
    Decision.VOID: SessionState.VOIDED,
}
#: states a session ends in without a policy's decision: nothing left to decide
ENDINGS = frozenset({SessionState.VOIDED, SessionState.EXPIRED, SessionState.FAILED})
#: the outcome status of a session the vendor no longer knows
DELETED = "deleted"


def policy_result(session: VerificationSession, policy: Policy | None) -> PolicyResult:
    """What the policy (default :class:`ThresholdPolicy`) decides; a decision already made is
    never overturned (the session is left as it is and reported as ``manual_review``)."""
    if session.state is not SessionState.SUBMITTED and not session.state.is_decided:
        raise InvalidRequestError(
            f"Session {session.id} is {session.state.value}: a policy can only decide "
            "a submitted session. Wait for it with SessionSubmittedSensor first."
        )
    result = (policy or ThresholdPolicy())(session)
    target = TARGET_STATE.get(result.decision)
    if not session.state.is_decided or target in (None, session.state):
        return result
    log.warning(
        "Session %s is already %s; the policy would %s it. Left as it is.",
        session.id,
        session.state.value,
        result.decision.value,
    )
    return PolicyResult(
        Decision.MANUAL_REVIEW,
        [
            *result.reasons,
            f"already {session.state.value} ({session.vendor} status "
            f"{session.vendor_status}); a policy does not overturn a decision",
        ],
    )


def record_decision(
    hook: IdvHook,
    session: VerificationSession,
    result: PolicyResult,
    outcomes: OutcomeTable | None,
) -> dict[str, Any]:
    """Apply ``result`` to the session, count it, write it back; the operators' return value
    ``{"session_id", "decision", "status", "reasons"}``."""
    decided = apply_decision(hook, session, result.decision, result.reasons)
    metrics.session_decided(session.vendor, result.decision.value)
    if outcomes is not None:
        outcomes.record_decisions([(decided, result.decision.value, result.reasons)])
    log.info("Session %s: %s (%s)", session.id, result.decision.value, "; ".join(result.reasons))
    return {
        "session_id": session.id,
        "decision": result.decision.value,
        "status": decided.state.value,
        "reasons": result.reasons,
    }


def apply_decision(
    hook: IdvHook, session: VerificationSession, decision: Decision, reasons: list[str]
) -> VerificationSession:
    """Record the decision with the vendor, unless there is nothing to record."""
    if decision is Decision.MANUAL_REVIEW:
        return session
    if session.state is TARGET_STATE[decision]:
        return session  # already done, e.g. by an earlier try
    return hook.decide(session.id, decision, comment="; ".join(reasons), current=session)


def record_ending(
    session_id: str,
    vendor: str,
    session: VerificationSession | None,
    outcomes: OutcomeTable | None,
) -> dict[str, Any]:
    """A session that ended without a decision (``session`` as read; ``None``: deleted at the
    vendor): its ending written back, and the operators' return value for it."""
    status = DELETED if session is None else session.state.value
    where = "" if session is None else f" ({vendor} status {session.vendor_status})"
    reason = f"ended without a decision: {status}{where}"
    if outcomes is not None:
        outcomes.record_states([(session_id, vendor, status, reason)])
    log.info("Session %s %s", session_id, reason)
    return {"session_id": session_id, "decision": None, "status": status, "reasons": [reason]}
