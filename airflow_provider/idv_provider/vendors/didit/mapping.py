"""Didit's statuses and decision payloads in the vendor-neutral model."""

from __future__ import annotations

from typing import Any

from didit_client.models import AmlScreening, NewStatus, SessionSummary
from didit_client.models import Decision as DiditDecision
from idv_provider.exceptions import UnexpectedResponseError
from idv_provider.hooks.statuses import VendorStatuses
from idv_provider.hooks.unset import finite_number, present
from idv_provider.models import AnalysisSummary, Decision, SessionState, VerificationSession
from idv_provider.vendors.didit import VENDOR

STATE_BY_STATUS = {
    "Not Started": SessionState.PENDING,
    "In Progress": SessionState.IN_PROGRESS,
    "Resubmitted": SessionState.IN_PROGRESS,  # the applicant must redo some steps
    "Awaiting User": SessionState.IN_PROGRESS,
    "In Review": SessionState.SUBMITTED,
    "Approved": SessionState.APPROVED,
    "Declined": SessionState.REJECTED,
    "Expired": SessionState.EXPIRED,  # never opened in time
    "Abandoned": SessionState.EXPIRED,  # started, not finished in time
    "Kyc Expired": SessionState.EXPIRED,  # approved, then the document expired
}
#: statuses Didit reaches only once the applicant has been through the hosted flow
FLOW_COMPLETED = frozenset({"In Review", "Approved", "Declined", "Kyc Expired"})
#: statuses update-status accepts a change from (any other answers 400)
DECIDABLE = frozenset(
    {"In Review", "Approved", "Declined", "Kyc Expired", "Abandoned", "Resubmitted"}
)
NEW_STATUS = {Decision.APPROVE: NewStatus.APPROVED, Decision.REJECT: NewStatus.DECLINED}
STATUSES = VendorStatuses(VENDOR.name, STATE_BY_STATUS, FLOW_COMPLETED)
STATUS_FILTER = {
    state: ",".join(s for s, st in STATE_BY_STATUS.items() if st is state)
    for state in set(STATE_BY_STATUS.values())
}
#: Warning codes read as a failed document check. Didit documents DOCUMENT_EXPIRED; the age
#: code is UNCONFIRMED (see docs/vendors/didit.md), so both sets can be extended by assignment.
EXPIRED_DOCUMENT_RISKS = {"DOCUMENT_EXPIRED"}
UNDER_AGE_RISKS = {"MINIMUM_AGE_NOT_MET", "AGE_BELOW_MINIMUM"}


def _objects(items: Any, field: str, *, every: bool = False) -> list[Any]:
    """The entries of a list that the client read as objects. A check list holding a ``null``
    comes back raw from the generated client: its checks are not reported. With ``every``
    (warnings, hits: what can only count against an applicant), an entry that cannot be read
    is an error: unknown must never read as "none"."""
    items = present(items)
    if items is None:
        return []
    objects = (
        [i for i in items if hasattr(i, "additional_properties")]
        if isinstance(items, list)
        else None
    )
    if objects is None or (every and len(objects) != len(items)):
        raise UnexpectedResponseError(f"Didit's {field} is not a list of objects")
    return objects


def _risks(items: list[Any]) -> set[str]:
    risks: set[str] = set()
    for item in items:
        for warning in _objects(item.warnings, "id_verifications[].warnings", every=True):
            if isinstance(code := present(warning.risk), str):
                risks.add(code)
    return risks


def _score(items: list[Any]) -> float | None:
    """The first check's 0-100 score as 0-1 (Didit lists one check per workflow node)."""
    for item in items:
        if (score := finite_number(item.score)) is not None:
            return score / 100
    return None


def _aml_hits(screenings: list[AmlScreening]) -> tuple[int, int, int]:
    """(PEP, sanction, adverse-media) hits, leaving out hits marked as false positives."""
    peps = sanctions = media = 0
    for screening in screenings:
        for hit in _objects(screening.hits, "aml_screenings[].hits", every=True):
            extra = hit.additional_properties
            if present(hit.match) is False or extra.get("review_status") == "False Positive":
                continue
            datasets = {d.upper() for d in present(hit.datasets) or [] if isinstance(d, str)}
            peps += bool(present(hit.pep_matches) or any("PEP" in d for d in datasets))
            sanctions += bool(
                present(hit.sanction_matches) or any("SANCTION" in d for d in datasets)
            )
            media += bool(extra.get("adverse_media_matches"))
    return peps, sanctions, media


def summarize_decision(decision: DiditDecision) -> AnalysisSummary | None:
    """Reduce Didit's decision payload to the checks a policy looks at (scores to 0-1)."""
    ids = _objects(decision.id_verifications, "id_verifications")
    faces = _objects(decision.face_matches, "face_matches")
    liveness = _objects(decision.liveness_checks, "liveness_checks")
    aml = _objects(decision.aml_screenings, "aml_screenings")
    if not (ids or faces or liveness or aml):
        return None  # nothing has run yet
    warnings = _objects(decision.warnings, "warnings", every=True)
    risks = _risks(ids) | {code for w in warnings if isinstance(code := present(w.risk), str)}
    face_status = present(faces[0].status) if faces else None
    id_status = present(ids[0].status) if ids else None
    document_checked = id_status in ("Approved", "Declined")
    peps, sanctions, media = _aml_hits(aml) if aml else (None, None, None)
    return AnalysisSummary(
        id_matches_selfie={"Approved": True, "Declined": False}.get(
            face_status if isinstance(face_status, str) else ""
        ),
        liveness_score=_score(liveness),
        face_match_score=_score(faces),
        document_not_expired=not (risks & EXPIRED_DOCUMENT_RISKS) if document_checked else None,
        age_requirement_met=not (risks & UNDER_AGE_RISKS) if document_checked else None,
        # a declined document not explained by its expiry or the applicant's age
        document_valid_state=(
            id_status == "Approved" or bool(risks & (EXPIRED_DOCUMENT_RISKS | UNDER_AGE_RISKS))
        )
        if document_checked
        else None,
        pep_hits=peps,
        sanction_hits=sanctions,
        adverse_media_hits=media,
    )


def to_verification_session(record: DiditDecision | SessionSummary) -> VerificationSession:
    """Map a Didit decision (or a list row, which has no analysis) to the neutral model."""
    return STATUSES.session(
        record.session_id,
        record.status,
        created_at=present(record.created_at),
        external_id=present(record.vendor_data),
        url=present(record.session_url),
        analysis=summarize_decision(record) if isinstance(record, DiditDecision) else None,
    )
