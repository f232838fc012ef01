"""deepidv's hook primitives, over the generated ``deepidv_client``."""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from airflow.sdk import Connection

from deepidv_client import AuthenticatedClient
from deepidv_client.api.sessions import (
    create_session,
    get_session,
    list_sessions,
    update_session_status,
)
from deepidv_client.errors import UnexpectedStatus
from deepidv_client.models import (
    CreateSessionRequest,
    CreateSessionResponse,
    SessionDetail,
    SessionList,
    UpdateSessionStatusRequest,
)
from deepidv_client.types import UNSET
from idv_provider.exceptions import IdentityMismatchError
from idv_provider.hooks.base import CreateRequest, IdvHook
from idv_provider.hooks.paging import OffsetPage, PageWalk, token_offset
from idv_provider.hooks.transport import Call
from idv_provider.hooks.unset import present
from idv_provider.models import Applicant, Decision, SessionState, VerificationSession
from idv_provider.vendors.deepidv import VENDOR
from idv_provider.vendors.deepidv.mapping import (
    DECISION_STATUS,
    STATUS_BY_STATE,
    to_verification_session,
)


def _or_unset(value: Any) -> Any:
    return UNSET if value is None else value


def _session_record(detail: SessionDetail) -> Any:
    return detail.session_record


class DeepIdvHook(IdvHook):
    """deepidv sessions: a create carries an ``Idempotency-Key`` (the caller's, or a random
    one for this call's own retries), so retries never make a second session."""

    record = VENDOR
    # The dashboard's host is documented; the path of a session page is our assumption.
    default_console_url: ClassVar[str | None] = "https://app.deepidv.com/sessions/{session_id}"
    client_class: ClassVar[type[AuthenticatedClient]] = AuthenticatedClient
    unexpected_status: ClassVar[type[Exception]] = UnexpectedStatus
    list_filters: ClassVar[dict[SessionState, Any]] = dict(STATUS_BY_STATE)

    def _create(self, applicant: Applicant, request: CreateRequest) -> VerificationSession:
        body = CreateSessionRequest(
            first_name=applicant.first_name,
            last_name=applicant.last_name,
            email=applicant.email,
            phone=applicant.phone,
            external_id=_or_unset(applicant.external_id),
            workflow_id=_or_unset(request.workflow_id),
            redirect_url=_or_unset(request.redirect_url),
            send_email_invite=request.send_email_invite,
            send_phone_invite=request.send_phone_invite,
        )
        key = request.idempotency_key or str(uuid.uuid4())
        response: CreateSessionResponse = self.request(
            Call(
                create_session, CreateSessionResponse, kwargs={"body": body, "idempotency_key": key}
            )
        )
        answered = present(response.external_id)
        if applicant.external_id is not None and answered not in (None, applicant.external_id):
            raise IdentityMismatchError(
                f"deepidv answered the create with session {response.id}, whose external id "
                "is not the one sent: it may belong to another applicant, so it is not used. "
                "Nothing was sent to the applicant."
            )
        return VerificationSession(
            id=response.id,
            vendor=self.vendor,
            state=SessionState.PENDING,
            vendor_status="PENDING",
            external_id=answered,
            url=present(response.session_url) or present(response.sessionUrl),
        )

    def _get_call(self, session_id: str) -> Call[Any]:
        return Call(get_session, SessionDetail, (session_id,), pick=_session_record)

    def _session(self, record: Any, conn: Connection) -> VerificationSession:
        return to_verification_session(record)

    def _list_walk(self, status_filter: Any, limit: int, page_token: str | None) -> PageWalk:
        offset = token_offset(page_token)
        query = {"limit": limit, "offset": offset, "status": _or_unset(status_filter)}
        return OffsetPage(
            Call(list_sessions, SessionList, kwargs=query),
            offset=offset,
            limit=limit,
            read=lambda page: (page.data, present(page.total), present(page.has_more)),
        )

    def _decide(
        self, session_id: str, decision: Decision, comment: str | None
    ) -> VerificationSession:
        # deepidv documents no note on a decision: ``comment`` is not sent.
        body = UpdateSessionStatusRequest(status=DECISION_STATUS[decision])
        call = Call(
            update_session_status, SessionDetail, (session_id,), {"body": body}, _session_record
        )
        return self.neutral(self.request(call), self.connection)
