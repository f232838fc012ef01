"""Hook for deepidv hosted sessions, over the generated ``deepidv_client``."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from deepidv_client import AuthenticatedClient
from deepidv_client.api.sessions import (
    create_session,
    get_session,
    list_sessions,
    update_session_status,
)
from deepidv_client.errors import UnexpectedStatus
from deepidv_client.models import (
    AnalysisData,
    CreateSessionRequest,
    CreateSessionResponse,
    DecisionStatus,
    Session,
    SessionDetail,
    SessionList,
    UpdateSessionStatusRequest,
)
from deepidv_client.types import UNSET, Unset
from idv_provider.exceptions import InvalidRequestError
from idv_provider.hooks.base import IdvHook
from idv_provider.models import (
    AnalysisSummary,
    Applicant,
    Decision,
    SessionPage,
    SessionState,
    VerificationSession,
)

T = TypeVar("T")

VENDOR = "deepidv"
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


def _opt(value: T | Unset) -> T | None:
    return None if isinstance(value, Unset) else value


def _count(items: list[Any] | Unset | None) -> int | None:
    """Hits in a screening list; ``None`` when the list is absent or null (not screened)."""
    return None if isinstance(items, Unset) or items is None else len(items)


def summarize_analysis(data: AnalysisData) -> AnalysisSummary:
    """Reduce deepidv's ``analysisData`` to the checks a policy looks at."""
    id_data = _opt(data.id_analysis_data)
    faces = _opt(data.compare_faces_data)
    pep = _opt(data.pep_sanctions_data)
    media = _opt(data.adverse_media_data)
    risk = _opt(data.document_risk_data)
    peps = _count(pep.peps) if pep else None
    sanctions = _count(pep.sanctions) if pep else None
    both = (_count(pep.both) or 0) if pep else 0
    return AnalysisSummary(
        id_matches_selfie=_opt(data.id_matches_selfie),
        liveness_score=_opt(data.faceliveness_score),
        face_match_score=_opt(faces.face_match_confidence) if faces else None,
        document_not_expired=_opt(id_data.expiry_date_pass) if id_data else None,
        document_valid_state=_opt(id_data.valid_state_pass) if id_data else None,
        age_requirement_met=_opt(id_data.age_restriction_pass) if id_data else None,
        pep_hits=None if peps is None else peps + both,
        sanction_hits=None if sanctions is None else sanctions + both,
        adverse_media_hits=_opt(media.total_hits) if media else None,
        document_risk_score=_opt(risk.overall_risk_score) if risk else None,
    )


def to_verification_session(record: Session) -> VerificationSession:
    """Map a deepidv session record to the vendor-neutral model."""
    status = str(record.status)
    state = STATE_BY_STATUS.get(status, SessionState.UNKNOWN)
    if state is SessionState.PENDING and _opt(record.session_progress) == "STARTED":
        state = SessionState.IN_PROGRESS
    analysis = _opt(record.analysis_data)
    return VerificationSession(
        id=record.id,
        vendor=VENDOR,
        state=state,
        vendor_status=status,
        created_at=record.created_at,
        updated_at=_opt(record.updated_at),
        submitted_at=_opt(record.submitted_at),
        external_id=_opt(record.external_id),
        analysis=summarize_analysis(analysis) if analysis else None,
    )


class DeepIdvHook(IdvHook):
    """Create, read, list and decide deepidv sessions.

    Every call goes through the generated client; errors become the typed exceptions of
    :mod:`idv_provider.exceptions` and transient ones are retried (see :class:`IdvHook`).
    """

    conn_name_attr = "deepidv_conn_id"
    default_conn_name = "deepidv_default"
    conn_type = "deepidv"
    hook_name = "deepidv"
    vendor: ClassVar[str] = VENDOR
    default_base_url: ClassVar[str] = "https://api.deepidv.com"
    # The dashboard's host is documented; the path of a session page is our assumption.
    default_console_url: ClassVar[str | None] = "https://app.deepidv.com/sessions/{session_id}"
    client_class: ClassVar[type[AuthenticatedClient]] = AuthenticatedClient
    unexpected_status: ClassVar[type[Exception]] = UnexpectedStatus

    def __init__(self, deepidv_conn_id: str = default_conn_name, **kwargs: Any) -> None:
        super().__init__(deepidv_conn_id, **kwargs)

    # -- calls ---------------------------------------------------------------------------
    def create_session(
        self,
        applicant: Applicant,
        *,
        workflow_id: str | None = None,
        redirect_url: str | None = None,
        send_email_invite: bool = True,
        send_phone_invite: bool = True,
        idempotency_key: str | None = None,
        metadata: Mapping[str, Any] | None = None,
        vendor_options: Mapping[str, Any] | None = None,
    ) -> VerificationSession:
        """Create a session. Retries reuse one ``Idempotency-Key``, so they never duplicate it.

        Pass a key derived from the caller's identity (e.g. the task instance) to make retries
        of the *caller* safe too; without one a random key protects this call's own retries.
        """
        self.check_create_options(metadata, vendor_options)
        body = CreateSessionRequest(
            first_name=applicant.first_name,
            last_name=applicant.last_name,
            email=applicant.email,
            phone=applicant.phone,
            external_id=applicant.external_id if applicant.external_id is not None else UNSET,
            workflow_id=workflow_id if workflow_id is not None else UNSET,
            redirect_url=redirect_url if redirect_url is not None else UNSET,
            send_email_invite=send_email_invite,
            send_phone_invite=send_phone_invite,
        )
        key = idempotency_key or str(uuid.uuid4())
        response = self.call(
            lambda c: create_session.sync(client=c, body=body, idempotency_key=key),
            CreateSessionResponse,
        )
        url = _opt(response.session_url) or _opt(response.sessionUrl)
        return VerificationSession(
            id=response.id,
            vendor=VENDOR,
            state=SessionState.PENDING,
            vendor_status="PENDING",
            external_id=_opt(response.external_id),
            url=url,
        )

    def get_session(self, session_id: str) -> VerificationSession:
        self.check_session_id(session_id)
        detail = self.call(lambda c: get_session.sync(session_id, client=c), SessionDetail)
        return to_verification_session(detail.session_record)

    async def aget_session(self, session_id: str) -> VerificationSession:
        self.check_session_id(session_id)
        detail = await self.acall(
            lambda c: get_session.asyncio(session_id, client=c), SessionDetail
        )
        return to_verification_session(detail.session_record)

    @staticmethod
    def _status_filter(state: SessionState | None) -> str | Unset:
        if state is None:
            return UNSET
        if state not in STATUS_BY_STATE:
            raise InvalidRequestError(f"deepidv cannot list sessions by state {state.value!r}")
        return STATUS_BY_STATE[state]

    @staticmethod
    def _page(page: SessionList, limit: int, offset: int) -> SessionPage:
        sessions = [to_verification_session(item) for item in page.data]
        has_more = _opt(page.has_more)
        if has_more is None:
            has_more = len(sessions) >= limit
        return SessionPage(
            sessions=sessions, total=_opt(page.total), has_more=has_more, offset=offset
        )

    def list_sessions(
        self,
        *,
        state: SessionState | None = None,
        limit: int = 100,
        offset: int = 0,
        cursor: str | None = None,
    ) -> SessionPage:
        """One page of sessions, newest first, optionally only those in ``state``."""
        query: dict[str, Any] = {
            "limit": limit,
            "offset": offset,
            "status": self._status_filter(state),
        }
        page = self.call(lambda c: list_sessions.sync(client=c, **query), SessionList)
        return self._page(page, limit, offset)

    async def alist_sessions(
        self,
        *,
        state: SessionState | None = None,
        limit: int = 100,
        offset: int = 0,
        cursor: str | None = None,
    ) -> SessionPage:
        """The async twin of :meth:`list_sessions`."""
        query: dict[str, Any] = {
            "limit": limit,
            "offset": offset,
            "status": self._status_filter(state),
        }
        page = await self.acall(lambda c: list_sessions.asyncio(client=c, **query), SessionList)
        return self._page(page, limit, offset)

    def decide(
        self, session_id: str, decision: Decision, *, comment: str | None = None
    ) -> VerificationSession:
        """Record an approve / reject / void decision on the session. deepidv documents no
        note on a decision: ``comment`` is not sent."""
        self.check_session_id(session_id)
        if decision not in DECISION_STATUS:
            raise InvalidRequestError(f"{decision.value!r} is not a decision deepidv can record")
        body = UpdateSessionStatusRequest(status=DECISION_STATUS[decision])
        detail = self.call(
            lambda c: update_session_status.sync(session_id, client=c, body=body), SessionDetail
        )
        return to_verification_session(detail.session_record)
