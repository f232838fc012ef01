"""deepidv's statuses and session records in the vendor-neutral model."""

from __future__ import annotations

from typing import Any

from deepidv_client.models import AnalysisData, DecisionStatus, Session
from idv_provider.hooks.unset import finite_number, present
from idv_provider.models import AnalysisSummary, Decision, SessionState, VerificationSession
from idv_provider.vendors.deepidv import VENDOR

STATE_BY_STATUS = {
    "PENDING": SessionState.PENDING,
    "SUBMITTED": SessionState.SUBMITTED,
    "VERIFIED": SessionState.APPROVED,
    "REJECTED": SessionState.REJECTED,
    "VOIDED": SessionState.VOIDED,
}
STATUS_BY_STATE = {state: status for status, state in STATE_BY_STATUS.items()}
DECISION_STATUS = {
    Decision.APPROVE: DecisionStatus.VERIFIED,
    Decision.REJECT: DecisionStatus.REJECTED,
    Decision.VOID: DecisionStatus.VOIDED,
}


def _count(items: list[Any] | Any) -> int | None:
    """Hits in a screening list; ``None`` when the list is absent or null (not screened)."""
    items = present(items)
    return None if items is None else len(items)


def summarize_analysis(data: AnalysisData) -> AnalysisSummary:
    """Reduce deepidv's ``analysisData`` to the checks a policy looks at."""
    id_data = present(data.id_analysis_data)
    faces = present(data.compare_faces_data)
    pep = present(data.pep_sanctions_data)
    media = present(data.adverse_media_data)
    risk = present(data.document_risk_data)
    peps = _count(pep.peps) if pep else None
    sanctions = _count(pep.sanctions) if pep else None
    both = (_count(pep.both) or 0) if pep else 0
    return AnalysisSummary(
        id_matches_selfie=present(data.id_matches_selfie),
        liveness_score=finite_number(data.faceliveness_score),
        face_match_score=finite_number(faces.face_match_confidence) if faces else None,
        document_not_expired=present(id_data.expiry_date_pass) if id_data else None,
        document_valid_state=present(id_data.valid_state_pass) if id_data else None,
        age_requirement_met=present(id_data.age_restriction_pass) if id_data else None,
        pep_hits=None if peps is None else peps + both,
        sanction_hits=None if sanctions is None else sanctions + both,
        adverse_media_hits=present(media.total_hits) if media else None,
        document_risk_score=finite_number(risk.overall_risk_score) if risk else None,
    )


def to_verification_session(record: Session) -> VerificationSession:
    """Map a deepidv session record to the vendor-neutral model."""
    status = str(record.status)
    state = STATE_BY_STATUS.get(status, SessionState.UNKNOWN)
    if state is SessionState.PENDING and present(record.session_progress) == "STARTED":
        state = SessionState.IN_PROGRESS
    analysis = present(record.analysis_data)
    return VerificationSession(
        id=record.id,
        vendor=VENDOR.name,
        state=state,
        vendor_status=status,
        created_at=record.created_at,
        updated_at=present(record.updated_at),
        submitted_at=present(record.submitted_at),
        external_id=present(record.external_id),
        analysis=summarize_analysis(analysis) if analysis else None,
    )
