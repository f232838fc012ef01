"""Hook for Beltic Identity API sessions, over the generated ``beltic_client``."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

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
from beltic_client.types import UNSET, Unset
from idv_provider.exceptions import (
    AuthenticationError,
    IdentityMismatchError,
    InvalidRequestError,
)
from idv_provider.hooks.base import IdvHook
from idv_provider.models import (
    Applicant,
    Decision,
    SessionPage,
    SessionState,
    VerificationSession,
)
from idv_provider.validation import UUID, fill_session_link

VENDOR = "beltic"
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
STATUSES_BY_STATE = {
    state: [status for status, st in STATE_BY_STATUS.items() if st is state]
    for state in set(STATE_BY_STATUS.values())
}
#: decision → (Beltic's action, its endpoint)
DECISION_ENDPOINTS = {
    Decision.APPROVE: ("approve", approve_session),
    Decision.REJECT: ("decline", decline_session),
}
VENDOR_OPTIONS = {"birth_date", "middle_name", "address", "identity_numbers"}
IDENTITY_NUMBER_FIELDS = {"number", "issuing_country_code", "class"}
ADDRESS_FIELDS = {
    "line1",
    "line2",
    "sublocality",
    "locality",
    "administrative_area",
    "postal_code",
    "country_code",
}


def _opt(value: Any) -> Any:
    return None if isinstance(value, Unset) else value


def _timestamp(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")) if value else None
    except ValueError:
        return None


def to_verification_session(record: Session, url_template: str | None) -> VerificationSession:
    """Map a Beltic session to the vendor-neutral model (Beltic reports no analysis)."""
    attributes = record.attributes
    status = str(attributes.status)
    return VerificationSession(
        id=record.id,
        vendor=VENDOR,
        state=STATE_BY_STATUS.get(status, SessionState.UNKNOWN),
        vendor_status=status,
        created_at=_timestamp(_opt(attributes.created_at)),
        updated_at=_timestamp(_opt(attributes.updated_at)),
        submitted_at=_timestamp(
            _opt(attributes.completed_at) or _opt(attributes.marked_for_review_at)
        ),
        url=fill_session_link(url_template, record.id) if url_template else None,
        flow_completed=status in FLOW_COMPLETED,
    )


def _account_attributes(
    applicant: Applicant, external_id: str, options: dict[str, Any]
) -> dict[str, Any]:
    """The applicant's account: name, contact and the ``vendor_options`` extras."""
    name = {"first": applicant.first_name, "last": applicant.last_name}
    if options.get("middle_name"):
        name["middle"] = options["middle_name"]
    person: dict[str, Any] = {"name": name}
    if options.get("birth_date"):
        person["birth_date"] = options["birth_date"]
    attributes: dict[str, Any] = {
        "entity_type": "person",
        "external_id": external_id,
        "person": person,
        "contact": {"email": applicant.email, "phone": applicant.phone},
    }
    if options.get("address"):
        attributes["address"] = dict(options["address"])
    if options.get("identity_numbers"):
        attributes["identity_numbers"] = [dict(n) for n in options["identity_numbers"]]
    return attributes


def _list_query(status: str | None, size: int, after: str | None) -> dict[str, Any]:
    return {
        "filterstatus": status if status is not None else UNSET,
        "pagesize": str(size),
        "pageafter": after if after is not None else UNSET,
    }


def _only_account_of(page: AccountList, external_id: str) -> Account | None:
    """The account whose ``external_id`` is exactly this one, from a filtered list page, or
    ``None`` when there is none. Rows of other applicants (a server that ignores or loosens
    the filter) are never taken; when they fill the page, the answer cannot be trusted."""
    matches = [a for a in page.data if _opt(a.attributes.external_id) == external_id]
    if len(matches) > 1:
        raise IdentityMismatchError(
            f"Beltic lists {len(matches)} accounts for one external id: refusing to choose"
        )
    links = _opt(page.links)
    if not matches and len(page.data) and links is not None and _opt(links.next_):
        raise IdentityMismatchError(
            "Beltic answered the look-up of the applicant's account by external id with "
            "other accounts, page after page (filter[external_id] not honoured): refusing to "
            "guess, and to create a second account"
        )
    return matches[0] if matches else None


def _account_id(record: Session) -> str | None:
    """The id of the account a session belongs to, from its relationships."""
    relationships = _opt(record.relationships)
    account = _opt(relationships.account) if relationships else None
    data = _opt(account.data) if account else None
    return data.id if data else None


def _cursor_after(link: str | Unset | None) -> str | None:
    """The ``page[after]`` cursor of a ``links.next`` URL."""
    if not link or isinstance(link, Unset):
        return None
    return parse_qs(urlsplit(link).query).get("page[after]", [None])[0]


class BelticHook(IdvHook):
    """Create, read, list, decide, expire and redact Beltic Identity sessions.

    A Beltic session belongs to an account. The hook finds the applicant's account by
    ``external_id`` (the applicant's, or the caller's idempotency key) or creates it, then
    takes back the account's unfinished session or creates one — so a retried create never
    makes a second account or session. Approve and decline need the API key's
    ``sessions:decide`` permission.

    Beltic documents no applicant link: the connection extra ``session_url`` (with
    ``{session_id}``) says where the applicant goes, for invites.
    """

    conn_name_attr = "beltic_conn_id"
    default_conn_name = "beltic_default"
    conn_type = "beltic"
    hook_name = "Beltic"
    vendor: ClassVar[str] = VENDOR
    default_base_url: ClassVar[str] = "https://api.beltic.com"
    client_class: ClassVar[type[AuthenticatedClient]] = AuthenticatedClient
    unexpected_status: ClassVar[type[Exception]] = UnexpectedStatus
    session_actions: ClassVar[dict[str, frozenset[str]]] = {
        "expire": frozenset(),
        "redact": frozenset(),
    }
    session_id_format: ClassVar[re.Pattern[str]] = UUID

    def __init__(self, beltic_conn_id: str = default_conn_name, **kwargs: Any) -> None:
        super().__init__(beltic_conn_id, **kwargs)

    def session_url_template(self, conn: Connection) -> str | None:
        """The applicant's link, with ``{session_id}``: the connection's ``session_url``."""
        return self.link_template(conn, "session_url")

    def check_connection(self) -> None:
        super().check_connection()
        self.session_url_template(self.connection)

    def _session(self, record: Session) -> VerificationSession:
        return to_verification_session(record, self.session_url_template(self.connection))

    # -- create ----------------------------------------------------------------------------
    def check_create_options(
        self, metadata: Mapping[str, Any] | None, vendor_options: Mapping[str, Any] | None
    ) -> None:
        if metadata:
            raise InvalidRequestError("metadata: Beltic sessions take no metadata")
        options = dict(vendor_options or {})
        if unknown := sorted(set(options) - VENDOR_OPTIONS):
            raise InvalidRequestError(
                f"vendor_options has unknown key(s) {', '.join(unknown)}; Beltic takes "
                f"{', '.join(sorted(VENDOR_OPTIONS))}"
            )
        if "birth_date" in options:
            try:
                date.fromisoformat(str(options["birth_date"]))
            except ValueError:
                raise InvalidRequestError("vendor_options.birth_date must be YYYY-MM-DD") from None
        numbers = options.get("identity_numbers", [])
        if not isinstance(numbers, list | tuple) or not all(
            isinstance(n, Mapping) and n and set(n) <= IDENTITY_NUMBER_FIELDS for n in numbers
        ):
            raise InvalidRequestError(
                "vendor_options.identity_numbers must be a list of mappings of "
                f"{', '.join(sorted(IDENTITY_NUMBER_FIELDS))}"
            )
        address = options.get("address", {})
        if not isinstance(address, Mapping) or set(address) - ADDRESS_FIELDS:
            raise InvalidRequestError(
                f"vendor_options.address must be a mapping of {', '.join(sorted(ADDRESS_FIELDS))}"
            )

    def _account(self, attributes: dict[str, Any]) -> Account:
        """The account with this external id, created if there is none: the look-up and the
        create are retried together, so a create whose answer was lost is found next time."""
        external_id = attributes["external_id"]

        def find_or_create() -> Account:
            listed = list_accounts.sync(
                client=self.client, filterexternal_id=external_id, pagesize="100"
            )
            found = self.parsed(listed, AccountList)
            if (account := _only_account_of(found, external_id)) is not None:
                return account
            body = AccountCreateRequest.from_dict(
                {"data": {"type": "account", "attributes": attributes}}
            )
            created = create_account.sync(client=self.client, body=body)
            return self.parsed(created, AccountDocument).data

        return self.run(find_or_create)

    def _open_session(self, account_id: str) -> Session:
        """The account's unfinished session, created if there is none (one unit of retry)."""

        def find_or_create() -> Session:
            listed = self.parsed(
                list_sessions.sync(client=self.client, filteraccount=account_id, pagesize="100"),
                SessionList,
            )
            for record in listed.data:
                # The filter is the server's; whose session it is, is checked here.
                if (
                    _account_id(record) == account_id
                    and str(record.attributes.status) in UNFINISHED
                ):
                    return record
            body = SessionCreateRequest.from_dict(
                {
                    "data": {
                        "type": "session",
                        "attributes": {"entity_type": "person"},
                        "relationships": {
                            "account": {"data": {"type": "account", "id": account_id}}
                        },
                    }
                }
            )
            created = self.parsed(
                create_session.sync(client=self.client, body=body), SessionDocument
            ).data
            if _account_id(created) not in (None, account_id):
                raise IdentityMismatchError(
                    f"Beltic created session {created.id} on another account than the "
                    "applicant's: not used"
                )
            return created

        return self.run(find_or_create)

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
        """Create (or take back) the applicant's session.

        Beltic has no workflows (``workflow_id`` is refused), no redirect and no invites of its
        own: ``redirect_url`` and the ``send_*_invite`` flags have no effect.
        """
        self.check_create_options(metadata, vendor_options)
        if workflow_id:
            raise InvalidRequestError("workflow_id: Beltic sessions have no workflow")
        if redirect_url:
            self.log.debug("Beltic documents no redirect: redirect_url has no effect")
        external_id = applicant.external_id or idempotency_key or str(uuid.uuid4())
        attributes = _account_attributes(applicant, external_id, dict(vendor_options or {}))
        account = self._account(attributes)
        session = self._session(self._open_session(account.id))
        return replace(session, external_id=external_id)

    # -- read --------------------------------------------------------------------------------
    def get_session(self, session_id: str) -> VerificationSession:
        self.check_session_id(session_id)
        document = self.call(lambda c: get_session.sync(session_id, client=c), SessionDocument)
        return self._session(document.data)

    async def aget_session(self, session_id: str) -> VerificationSession:
        self.check_session_id(session_id)
        document = await self.acall(
            lambda c: get_session.asyncio(session_id, client=c), SessionDocument
        )
        return to_verification_session(
            document.data, self.session_url_template(await self.aconnection())
        )

    def _statuses(self, state: SessionState | None) -> list[str | None]:
        if state is None:
            return [None]
        if state not in STATUSES_BY_STATE:
            raise InvalidRequestError(f"Beltic cannot list sessions by state {state.value!r}")
        return list(STATUSES_BY_STATE[state])

    def list_sessions(
        self,
        *,
        state: SessionState | None = None,
        limit: int = 100,
        offset: int = 0,
        cursor: str | None = None,
    ) -> SessionPage:
        """One page, newest first. A state that is several Beltic statuses (submitted:
        completed and marked_for_review) walks them one after the other; ``cursor`` says
        where. Without a cursor, ``offset`` sessions are skipped by walking the pages."""
        walk = _Walk(self._statuses(state), limit, offset, cursor)
        while (query := walk.next_query()) is not None:
            walk.take(self._page(query))
        return walk.page(self.session_url_template(self.connection))

    async def alist_sessions(
        self,
        *,
        state: SessionState | None = None,
        limit: int = 100,
        offset: int = 0,
        cursor: str | None = None,
    ) -> SessionPage:
        """The async twin of :meth:`list_sessions`."""
        walk = _Walk(self._statuses(state), limit, offset, cursor)
        while (query := walk.next_query()) is not None:
            walk.take(await self._apage(query))
        return walk.page(self.session_url_template(await self.aconnection()))

    def _page(self, query: dict[str, Any]) -> SessionList:
        return self.call(lambda c: list_sessions.sync(client=c, **query), SessionList)

    async def _apage(self, query: dict[str, Any]) -> SessionList:
        return await self.acall(lambda c: list_sessions.asyncio(client=c, **query), SessionList)

    # -- decide, expire, redact ---------------------------------------------------------------
    def decide(
        self, session_id: str, decision: Decision, *, comment: str | None = None
    ) -> VerificationSession:
        """Approve or decline; a 403 means the key lacks ``sessions:decide``. Beltic's approve
        and decline take no body, so ``comment`` is not sent."""
        self.check_session_id(session_id)
        if decision not in DECISION_ENDPOINTS:
            raise InvalidRequestError(
                f"Beltic cannot {decision.value} a session: approve or reject it, or expire it "
                "(SessionActionOperator)"
            )
        action, endpoint = DECISION_ENDPOINTS[decision]
        try:
            document = self.call(lambda c: endpoint.sync(session_id, client=c), SessionDocument)
        except AuthenticationError as exc:
            if exc.http_status != 403:
                raise
            raise AuthenticationError(
                f"Beltic refused to {action} session {session_id}: the API key of connection "
                f"{self.conn_id!r} lacks the sessions:decide permission. Give the key that "
                "permission in the Beltic console, or decide with a key that has it.",
                http_status=403,
            ) from exc
        return self._session(document.data)

    def check_decision(self, session: VerificationSession, decision: Decision) -> None:
        if decision is Decision.VOID:
            raise InvalidRequestError(
                "Beltic has no void: reject the session, or expire it with SessionActionOperator"
            )
        super().check_decision(session, decision)

    def run_action(
        self, session_id: str, action: str, options: Mapping[str, Any] | None = None
    ) -> VerificationSession | None:
        """Expire (an unfinished session) or redact (its personal data)."""
        self.check_session_id(session_id)
        self.check_action(action, options)
        endpoint = expire_session if action == "expire" else redact_session
        document = self.call(lambda c: endpoint.sync(session_id, client=c), SessionDocument)
        return self._session(document.data)


class _Walk:
    """Collects one neutral page from Beltic's cursor pages, status after status.

    A neutral cursor is ``"<status index>:<Beltic cursor>"``.
    """

    def __init__(
        self, statuses: list[str | None], limit: int, offset: int, cursor: str | None
    ) -> None:
        self.statuses, self.limit, self.offset = statuses, limit, offset
        self.index, self.after = 0, None
        self.skip = 0 if cursor else offset
        if cursor:
            index, _, after = cursor.partition(":")
            self.index, self.after = int(index), after or None
        self.records: list[Session] = []
        self.done = self.index >= len(statuses)

    def next_query(self) -> dict[str, Any] | None:
        if self.done or len(self.records) >= self.limit:
            return None
        size = min(100, max(self.limit - len(self.records) + self.skip, 1))
        return _list_query(self.statuses[self.index], size, self.after)

    def take(self, page: SessionList) -> None:
        records = page.data
        skipped = min(self.skip, len(records))
        self.skip -= skipped
        self.records.extend(records[skipped:])
        links = _opt(page.links)
        self.after = _cursor_after(links.next_ if links else None)
        if self.after is None:  # this status is exhausted: the next one, from its start
            self.index += 1
            self.done = self.index >= len(self.statuses)

    def page(self, url_template: str | None) -> SessionPage:
        next_cursor = None if self.done else f"{self.index}:{self.after or ''}"
        return SessionPage(
            sessions=[to_verification_session(r, url_template) for r in self.records],
            total=None,
            has_more=next_cursor is not None,
            offset=self.offset,
            next_cursor=next_cursor,
        )
