"""Beltic's hook primitives, over the generated ``beltic_client``."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from dataclasses import replace
from typing import Any, ClassVar

from airflow.sdk import Connection

from beltic_client import AuthenticatedClient
from beltic_client.api.accounts import create_account, list_accounts
from beltic_client.api.sessions import (
    approve_session,
    create_session,
    decline_session,
    expire_session,
    get_session,
    list_sessions,
    redact_session,
)
from beltic_client.errors import UnexpectedStatus
from beltic_client.models import (
    Account,
    AccountCreateRequest,
    AccountDocument,
    AccountList,
    Session,
    SessionCreateRequest,
    SessionDocument,
    SessionList,
)
from idv_provider.exceptions import (
    AuthenticationError,
    IdentityMismatchError,
    InvalidRequestError,
)
from idv_provider.hooks.base import CreateRequest, IdvHook
from idv_provider.hooks.paging import PageWalk
from idv_provider.hooks.transport import Call
from idv_provider.hooks.unset import present
from idv_provider.models import Applicant, Decision, SessionState, VerificationSession
from idv_provider.validation import UUID
from idv_provider.vendors.beltic import VENDOR
from idv_provider.vendors.beltic.accounts import (
    account_attributes,
    check_create_options,
    only_account_of,
)
from idv_provider.vendors.beltic.mapping import (
    STATUSES_BY_STATE,
    UNFINISHED,
    account_id,
    to_verification_session,
)
from idv_provider.vendors.beltic.paging import StatusWalk

#: decision → (Beltic's action, its endpoint)
DECISION_ENDPOINTS = {
    Decision.APPROVE: ("approve", approve_session),
    Decision.REJECT: ("decline", decline_session),
}


def _data(document: Any) -> Any:
    return document.data


class BelticHook(IdvHook):
    """Beltic Identity sessions.

    A Beltic session belongs to an account. The hook finds the applicant's account by
    ``external_id`` (the applicant's, or the caller's idempotency key) or creates it, then
    takes back the account's unfinished session or creates one — so a retried create never
    makes a second account or session. Approve and decline need the API key's
    ``sessions:decide`` permission.

    Beltic documents no applicant link: the connection extra ``session_url`` (with
    ``{session_id}``) says where the applicant goes, for invites.
    """

    record = VENDOR
    client_class: ClassVar[type[AuthenticatedClient]] = AuthenticatedClient
    unexpected_status: ClassVar[type[Exception]] = UnexpectedStatus
    link_extras: ClassVar[tuple[str, ...]] = ("console_url", "session_url")
    list_filters: ClassVar[dict[SessionState, Any]] = dict(STATUSES_BY_STATE)
    decisions: ClassVar[frozenset[Decision]] = frozenset(DECISION_ENDPOINTS)
    no_decision_hint: ClassVar[str] = ": approve or reject it, or expire it (SessionActionOperator)"
    session_actions: ClassVar[dict[str, frozenset[str]]] = {
        "expire": frozenset(),
        "redact": frozenset(),
    }
    session_id_format: ClassVar[re.Pattern[str]] = UUID
    pages_by_offset: ClassVar[bool] = False

    def session_url_template(self, conn: Connection) -> str | None:
        """The applicant's link, with ``{session_id}``: the connection's ``session_url``."""
        return self.link_template(conn, "session_url")

    def _session(self, record: Any, conn: Connection) -> VerificationSession:
        return to_verification_session(record, self.session_url_template(conn))

    # -- create ----------------------------------------------------------------------------
    def check_create_options(
        self, metadata: Mapping[str, Any] | None, vendor_options: Mapping[str, Any] | None
    ) -> None:
        check_create_options(metadata, vendor_options)

    def _account(self, attributes: dict[str, Any]) -> Account:
        """The account with this external id, created if there is none: the look-up and the
        create are retried together, so a create whose answer was lost is found next time."""
        external_id = attributes["external_id"]

        def find_or_create() -> Account:
            listed = list_accounts.sync(
                client=self.client, filterexternal_id=external_id, pagesize="100"
            )
            found = self.parsed(listed, AccountList)
            if (account := only_account_of(found, external_id)) is not None:
                return account
            body = AccountCreateRequest.from_dict(
                {"data": {"type": "account", "attributes": attributes}}
            )
            created = create_account.sync(client=self.client, body=body)
            return self.parsed(created, AccountDocument).data

        return self.run(find_or_create)

    def _open_session(self, account: str) -> Session:
        """The account's unfinished session, created if there is none (one unit of retry)."""

        def find_or_create() -> Session:
            listed = self.parsed(
                list_sessions.sync(client=self.client, filteraccount=account, pagesize="100"),
                SessionList,
            )
            for record in listed.data:
                # The filter is the server's; whose session it is, is checked here.
                if account_id(record) == account and str(record.attributes.status) in UNFINISHED:
                    return record
            links = present(listed.links)
            if listed.data and links is not None and present(links.next_):
                raise IdentityMismatchError(
                    "Beltic answered the look-up of the account's open session with a page of "
                    "other sessions and more to come (filter[account] not honoured): refusing "
                    "to guess, and to create a second session"
                )
            body = SessionCreateRequest.from_dict(
                {
                    "data": {
                        "type": "session",
                        "attributes": {"entity_type": "person"},
                        "relationships": {"account": {"data": {"type": "account", "id": account}}},
                    }
                }
            )
            created = self.parsed(
                create_session.sync(client=self.client, body=body), SessionDocument
            ).data
            if account_id(created) not in (None, account):
                raise IdentityMismatchError(
                    f"Beltic created session {created.id} on another account than the "
                    "applicant's: not used"
                )
            return created

        return self.run(find_or_create)

    def _create(self, applicant: Applicant, request: CreateRequest) -> VerificationSession:
        """Create (or take back) the applicant's session.

        Beltic has no workflows (``workflow_id`` is refused), no redirect and no invites of its
        own: ``redirect_url`` and the ``send_*_invite`` flags have no effect.
        """
        if request.workflow_id:
            raise InvalidRequestError("workflow_id: Beltic sessions have no workflow")
        if request.redirect_url:
            self.log.debug("Beltic documents no redirect: redirect_url has no effect")
        external_id = applicant.external_id or request.idempotency_key or str(uuid.uuid4())
        attributes = account_attributes(applicant, external_id, dict(request.vendor_options))
        account = self._account(attributes)
        session = self.neutral(self._open_session(account.id), self.connection)
        return replace(session, external_id=external_id)

    # -- read --------------------------------------------------------------------------------
    def _get_call(self, session_id: str) -> Call[Any]:
        return Call(get_session, SessionDocument, (session_id,), pick=_data)

    def _list_walk(self, status_filter: Any, limit: int, page_token: str | None) -> PageWalk:
        """A state that is several Beltic statuses (submitted: completed and
        marked_for_review) walks them one after the other."""
        return StatusWalk(status_filter or [None], limit, page_token)

    # -- decide, expire, redact ---------------------------------------------------------------
    def _decide(
        self, session_id: str, decision: Decision, comment: str | None
    ) -> VerificationSession:
        """Approve or decline; a 403 means the key lacks ``sessions:decide``. Beltic's approve
        and decline take no body, so ``comment`` is not sent."""
        action, endpoint = DECISION_ENDPOINTS[decision]
        try:
            record = self.request(Call(endpoint, SessionDocument, (session_id,), pick=_data))
        except AuthenticationError as exc:
            if exc.http_status != 403:
                raise
            raise AuthenticationError(
                f"Beltic refused to {action} session {session_id}: the API key of connection "
                f"{self.conn_id!r} lacks the sessions:decide permission. Give the key that "
                "permission in the Beltic console, or decide with a key that has it.",
                http_status=403,
            ) from exc
        return self.neutral(record, self.connection)

    def _run_action(
        self, session_id: str, action: str, options: Mapping[str, Any]
    ) -> VerificationSession | None:
        """Expire (an unfinished session) or redact (its personal data)."""
        endpoint = expire_session if action == "expire" else redact_session
        record = self.request(Call(endpoint, SessionDocument, (session_id,), pick=_data))
        return self.neutral(record, self.connection)
