"""Didit's hook primitives (API v3), over the generated ``didit_client``."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from typing import Any, ClassVar

from airflow.sdk import Connection

from didit_client import AuthenticatedClient
from didit_client.api.sessions import (
    create_session,
    delete_session,
    get_session_decision,
    list_sessions,
    update_session_status,
)
from didit_client.errors import UnexpectedStatus
from didit_client.models import (
    CreateSessionRequest,
    CreateSessionResponse,
    NewStatus,
    UpdateStatusRequest,
    UpdateStatusResponse,
)
from didit_client.models import Decision as DiditDecision
from didit_client.models import SessionPage as DiditPage
from didit_client.types import UNSET
from idv_provider.exceptions import IdentityMismatchError, InvalidRequestError, NotFoundError
from idv_provider.hooks.base import CreateRequest, IdvHook
from idv_provider.hooks.paging import OffsetPage, PageWalk, token_offset
from idv_provider.hooks.transport import Call
from idv_provider.hooks.unset import present
from idv_provider.models import Applicant, Decision, SessionState, VerificationSession
from idv_provider.validation import UUID
from idv_provider.vendors.didit import VENDOR
from idv_provider.vendors.didit.mapping import (
    DECIDABLE,
    NEW_STATUS,
    STATUS_FILTER,
    STATUSES,
    to_verification_session,
)
from idv_provider.vendors.didit.options import (
    check_create_options,
    check_resubmit_options,
    didit_language,
)

#: Didit keeps at most this much of an update-status comment
MAX_COMMENT = 10_000


class DiditHook(IdvHook):
    """Didit sessions (API v3). The connection's extra ``workflow_id`` is the workflow used
    when an operator names none (Didit requires one).

    Didit has no ``Idempotency-Key`` for sessions: a create is idempotent on ``vendor_data``
    (an unfinished session for it is returned again). The hook sends the applicant's
    ``external_id`` as ``vendor_data``, or, without one, the caller's idempotency key, so a
    retried create never makes a second session.
    """

    record = VENDOR
    client_class: ClassVar[type[AuthenticatedClient]] = AuthenticatedClient
    unexpected_status: ClassVar[type[Exception]] = UnexpectedStatus
    list_filters: ClassVar[dict[SessionState, Any]] = dict(STATUS_FILTER)
    decisions: ClassVar[frozenset[Decision]] = frozenset(NEW_STATUS)
    no_decision_hint: ClassVar[str] = (
        ": approve or reject it instead, or delete it (SessionActionOperator)"
    )
    session_actions: ClassVar[dict[str, frozenset[str]]] = {
        "delete": frozenset(),
        "resubmit": frozenset({"nodes_to_resubmit", "comment"}),
    }
    session_id_format: ClassVar[re.Pattern[str]] = UUID
    max_page_size: ClassVar[int] = 100  # the documentation gives none; the SDKs cap at 100

    # -- create ----------------------------------------------------------------------------
    def check_create_options(
        self, metadata: Mapping[str, Any] | None, vendor_options: Mapping[str, Any] | None
    ) -> None:
        check_create_options(metadata, vendor_options)

    def workflow(self, workflow_id: str | None) -> str:
        """The workflow to run: the argument, else the connection's ``workflow_id`` extra."""
        chosen = workflow_id or self.conn_extra(self.connection, "workflow_id")
        if not chosen:
            raise InvalidRequestError(
                "workflow_id is required for Didit: pass workflow_id or set the connection "
                f"{self.conn_id!r} extra workflow_id"
            )
        try:
            return str(uuid.UUID(str(chosen)))
        except ValueError:
            raise InvalidRequestError("workflow_id must be a Didit workflow UUID") from None

    def _create(self, applicant: Applicant, request: CreateRequest) -> VerificationSession:
        """Create a session (or get back the unfinished one for the same ``vendor_data``).

        ``send_email_invite`` sets Didit's ``send_notification_emails``; Didit sends no SMS,
        so ``send_phone_invite`` has no effect (send your own with ``invite``).
        """
        options = dict(request.vendor_options)
        language = didit_language(applicant.locale)
        contact = {
            "email": applicant.email,
            "phone": applicant.phone,
            "send_notification_emails": request.send_email_invite,
            **({"email_lang": language} if language else {}),
            **options.pop("contact_details", {}),
        }
        expected = {
            "first_name": applicant.first_name,
            "last_name": applicant.last_name,
            **options.pop("expected_details", {}),
        }
        body: dict[str, Any] = {
            "workflow_id": self.workflow(request.workflow_id),
            "vendor_data": applicant.external_id or request.idempotency_key or str(uuid.uuid4()),
            "contact_details": contact,
            "expected_details": expected,
            **options,
        }
        if request.redirect_url:
            body["callback"] = request.redirect_url
        if request.metadata:
            body["metadata"] = dict(request.metadata)
        if language:
            body["language"] = language
        if request.send_phone_invite:
            self.log.debug("Didit sends no SMS invites; send_phone_invite has no effect")
        payload = CreateSessionRequest.from_dict(body)
        response: CreateSessionResponse = self.request(
            Call(create_session, CreateSessionResponse, kwargs={"body": payload})
        )
        if present(response.vendor_data) != body["vendor_data"]:
            # Didit hands back an unfinished session for the same vendor_data: trust it only
            # when it is this applicant's, never another's link.
            raise IdentityMismatchError(
                f"Didit answered the create with session {response.session_id}, whose "
                "vendor_data is not the one sent: it may belong to another applicant, so it "
                "is not used. Nothing was sent to the applicant."
            )
        return STATUSES.session(
            response.session_id,
            response.status,
            external_id=present(response.vendor_data),
            url=response.url,
        )

    # -- read --------------------------------------------------------------------------------
    def _get_call(self, session_id: str) -> Call[Any]:
        return Call(get_session_decision, DiditDecision, (session_id,))

    def _session(self, record: Any, conn: Connection) -> VerificationSession:
        return to_verification_session(record)  # list rows carry no analysis

    def _list_walk(self, status_filter: Any, limit: int, page_token: str | None) -> PageWalk:
        offset = token_offset(page_token)
        status = UNSET if status_filter is None else status_filter
        return OffsetPage(
            Call(
                list_sessions,
                DiditPage,
                kwargs={"limit": limit, "offset": offset, "status": status},
            ),
            offset=offset,
            limit=limit,
            read=lambda page: (page.results, page.count, bool(present(page.next_))),
        )

    # -- decide, resubmit, delete --------------------------------------------------------------
    def check_decision(self, session: VerificationSession, decision: Decision) -> None:
        self._check_decision_kind(decision)
        if session.vendor_status not in DECIDABLE:
            raise InvalidRequestError(
                f"Cannot {decision.value} session {session.id}: it is "
                f"{session.vendor_status!r}, and Didit only allows a decision once the "
                f"applicant has finished ({', '.join(sorted(DECIDABLE))})."
            )

    def _decide(
        self, session_id: str, decision: Decision, comment: str | None
    ) -> VerificationSession:
        """Approve or decline (``Approved`` / ``Declined``); repeating one is a no-op.
        ``comment`` goes on the session's review trail."""
        return self._update_status(session_id, NEW_STATUS[decision], {"comment": comment})

    def _update_status(
        self, session_id: str, new_status: NewStatus, extra: Mapping[str, Any]
    ) -> VerificationSession:
        fields = {k: v for k, v in extra.items() if v is not None}
        if "comment" in fields:
            fields["comment"] = str(fields["comment"])[:MAX_COMMENT]
        body = UpdateStatusRequest.from_dict({"new_status": new_status.value, **fields})
        self.request(
            Call(update_session_status, UpdateStatusResponse, (session_id,), {"body": body})
        )
        return STATUSES.session(session_id, new_status.value)

    def check_action(self, action: str, options: Mapping[str, Any] | None = None) -> None:
        super().check_action(action, options)
        check_resubmit_options(options or {})

    def _run_action(
        self, session_id: str, action: str, options: Mapping[str, Any]
    ) -> VerificationSession | None:
        """Delete, or resubmit (``Resubmitted``: the applicant redoes the steps in
        ``nodes_to_resubmit``, by default those that failed; the same link reopens)."""
        if action == "resubmit":
            return self._update_status(session_id, NewStatus.RESUBMITTED, options)
        self.delete_session(session_id)
        return None

    def delete_session(self, session_id: str) -> None:
        """Delete a session for good (Didit soft-deletes it: it then answers 404).

        A retry after a lost answer meets that 404; it means the first attempt worked.
        """
        self.check_session_id(session_id)
        attempts = 0

        def attempt() -> None:
            nonlocal attempts
            attempts += 1
            try:
                delete_session.sync_detailed(session_id, client=self.client)
            except NotFoundError:
                if attempts == 1:
                    raise

        self.run(attempt)
