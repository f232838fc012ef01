"""The vendor-neutral hook: the public surface the operators use, written once (sync, async
and paging) over the few primitives each vendor implements."""

from __future__ import annotations

import abc
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from airflow.sdk import Connection

from idv_provider.exceptions import (
    IdvError,
    InvalidRequestError,
    NotFoundError,
    UnexpectedResponseError,
)
from idv_provider.hooks.paging import PageWalk, SessionFinder, offset_token
from idv_provider.hooks.transport import Call, Transport
from idv_provider.models import (
    Applicant,
    Decision,
    SessionPage,
    SessionState,
    VerificationSession,
)
from idv_provider.registry import VendorRecord

#: the states each decision may be recorded from, unless a vendor hook says otherwise
DECISION_ALLOWED_FROM: dict[Decision, frozenset[SessionState]] = {
    Decision.APPROVE: frozenset({SessionState.SUBMITTED}),
    Decision.REJECT: frozenset({SessionState.SUBMITTED}),
    Decision.VOID: frozenset(
        {SessionState.PENDING, SessionState.IN_PROGRESS, SessionState.SUBMITTED}
    ),
}


@dataclass(frozen=True)
class CreateRequest:
    """What a create asks besides the applicant (see :meth:`IdvHook.create_session`)."""

    workflow_id: str | None = None
    redirect_url: str | None = None
    send_email_invite: bool = True
    send_phone_invite: bool = True
    idempotency_key: str | None = None
    metadata: Mapping[str, Any] | None = None
    vendor_options: Mapping[str, Any] = field(default_factory=dict)


class IdvHook(Transport, abc.ABC):
    """Create, read, list and decide sessions of the connection's vendor.

    Every call goes through the vendor's generated client; errors become the typed exceptions
    of :mod:`idv_provider.exceptions` and transient ones are retried (:class:`Transport`).
    A vendor hook implements the primitives (``_create``, ``_get_call``, ``_list_walk``,
    ``_decide``, ``_session``) and says what it offers in class attributes.
    """

    #: the vendor's record; a vendor hook that sets it gets its names and base URL from it
    record: ClassVar[VendorRecord]
    #: normalized state → the vendor's list filter for it (a state missing here cannot be
    #: listed by)
    list_filters: ClassVar[Mapping[SessionState, Any]]
    #: the decisions the vendor records, each with a hint when refused
    decisions: ClassVar[frozenset[Decision]] = frozenset(
        {Decision.APPROVE, Decision.REJECT, Decision.VOID}
    )
    #: why a decision outside :attr:`decisions` cannot be recorded, and what to do instead
    no_decision_hint: ClassVar[str] = ""
    #: lifecycle actions besides decisions the vendor offers, with the options each takes:
    #: "expire", "redact", "delete", "resubmit"
    session_actions: ClassVar[dict[str, frozenset[str]]] = {}
    #: largest page the vendor's list endpoint serves
    max_page_size: ClassVar[int] = 100
    #: the list pages by offset (the token is the offset; sessions that leave a filtered list
    #: move the rest up) rather than by a cursor that keeps its place
    pages_by_offset: ClassVar[bool] = True

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if (record := cls.__dict__.get("record")) is not None:
            cls.conn_type = cls.vendor = record.name
            cls.hook_name = record.display_name
            cls.default_base_url = record.default_base_url

    # -- the vendor's primitives ------------------------------------------------------------
    @abc.abstractmethod
    def _create(self, applicant: Applicant, request: CreateRequest) -> VerificationSession:
        """Create the session (checked input; retries must never make a second one)."""

    @abc.abstractmethod
    def _get_call(self, session_id: str) -> Call[Any]:
        """The call that reads one session; it picks the session record."""

    @abc.abstractmethod
    def _list_walk(self, status_filter: Any, limit: int, page_token: str | None) -> PageWalk:
        """The calls of one list page (``status_filter`` from :attr:`list_filters`)."""

    @abc.abstractmethod
    def _session(self, record: Any, conn: Connection) -> VerificationSession:
        """A session record (read or listed) in the neutral model."""

    @abc.abstractmethod
    def _decide(
        self, session_id: str, decision: Decision, comment: str | None
    ) -> VerificationSession:
        """Record a decision among :attr:`decisions`."""

    def _run_action(
        self, session_id: str, action: str, options: Mapping[str, Any]
    ) -> VerificationSession | None:
        """Run an action among :attr:`session_actions` (a vendor offering some overrides it)."""
        raise NotImplementedError(f"{type(self).__name__} lists actions it does not run")

    # -- checks: each in one place, run by every path that writes -------------------------
    def check_create_options(
        self, metadata: Mapping[str, Any] | None, vendor_options: Mapping[str, Any] | None
    ) -> None:
        """Refuse ``metadata`` or ``vendor_options`` this vendor cannot take, naming the
        field, before any call. Vendors that take them override this."""
        if metadata:
            raise InvalidRequestError(f"metadata: {self.vendor} sessions take no metadata")
        if vendor_options:
            raise InvalidRequestError(
                f"vendor_options: {self.vendor} takes none; got {', '.join(sorted(vendor_options))}"
            )

    def check_decision(self, session: VerificationSession, decision: Decision) -> None:
        """Refuse, before any write, a decision the vendor does not allow in this state."""
        self._check_decision_kind(decision)
        allowed = DECISION_ALLOWED_FROM.get(decision, frozenset())
        if session.state not in allowed:
            raise InvalidRequestError(
                f"Cannot {decision.value} session {session.id}: it is {session.state.value}, "
                f"and {self.vendor} only allows that from "
                f"{' or '.join(sorted(s.value for s in allowed))}."
            )

    def _check_decision_kind(self, decision: Decision) -> None:
        if decision not in self.decisions:
            raise InvalidRequestError(
                f"{self.hook_name} cannot {decision.value} a session{self.no_decision_hint}"
            )

    def check_action(self, action: str, options: Mapping[str, Any] | None = None) -> None:
        """Refuse, before any call, an action this vendor does not offer or an option it
        does not take."""
        if action not in self.session_actions:
            offered = ", ".join(sorted(self.session_actions)) or "none"
            raise InvalidRequestError(
                f"action: {self.vendor} cannot {action} a session (it offers: {offered})"
            )
        if unknown := sorted(set(options or {}) - self.session_actions[action]):
            takes = ", ".join(sorted(self.session_actions[action])) or "none"
            raise InvalidRequestError(
                f"options: {self.vendor}'s {action} does not take {', '.join(unknown)} "
                f"(it takes: {takes})"
            )

    def status_filter(self, state: SessionState | None) -> Any:
        """The vendor's list filter for ``state`` (``None``: no filter)."""
        if state is None:
            return None
        if state not in self.list_filters:
            raise InvalidRequestError(
                f"{self.vendor} cannot list sessions by state {state.value!r}"
            )
        return self.list_filters[state]

    # -- the public surface ---------------------------------------------------------------
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
        """Create a session for ``applicant``. Retries never duplicate it: each vendor hook
        says how (an ``Idempotency-Key``, or a look-up by the applicant's reference).

        Pass a key derived from the caller's identity (e.g. the task instance) to make retries
        of the *caller* safe too; without one, this call's own retries are still safe.
        """
        self.check_create_options(metadata, vendor_options)
        request = CreateRequest(
            workflow_id=workflow_id,
            redirect_url=redirect_url,
            send_email_invite=send_email_invite,
            send_phone_invite=send_phone_invite,
            idempotency_key=idempotency_key,
            metadata=metadata,
            vendor_options=dict(vendor_options or {}),
        )
        return self.same_session(self._create(applicant, request), None)

    def neutral(
        self, record: Any, conn: Connection, *, asked: str | None = None
    ) -> VerificationSession:
        """A vendor record in the neutral model, checked: its id is a string in the vendor's
        format and, when the caller ``asked`` for one session, that session's. A record this
        version cannot read is a typed error, never an ``AttributeError`` from the mapping."""
        try:
            session = self._session(record, conn)
        except (AttributeError, TypeError, ValueError, KeyError) as exc:
            raise UnexpectedResponseError(
                f"{self.vendor} answered with a session record this provider cannot read "
                f"({type(exc).__name__} in its mapping)"
            ) from None
        return self.same_session(session, asked)

    def same_session(self, session: VerificationSession, asked: str | None) -> VerificationSession:
        """``session`` if its id is well-formed (and ``asked``'s, when given)."""
        if not isinstance(session.id, str) or not self.session_id_format.match(session.id):
            raise UnexpectedResponseError(
                f"{self.vendor} answered with a session whose id is not in its format"
            )
        if asked is not None and session.id != asked:
            raise UnexpectedResponseError(
                f"{self.vendor} was asked about session {asked} and answered about another "
                "session: the answer is not used"
            )
        return session

    def get_session(self, session_id: str) -> VerificationSession:
        self.check_session_id(session_id)
        record = self.request(self._get_call(session_id))
        return self.neutral(record, self.connection, asked=session_id)

    async def aget_session(self, session_id: str) -> VerificationSession:
        self.check_session_id(session_id)
        record = await self.arequest(self._get_call(session_id))
        return self.neutral(record, await self.aconnection(), asked=session_id)

    def list_sessions(
        self,
        *,
        state: SessionState | None = None,
        limit: int = 100,
        page_token: str | None = None,
    ) -> SessionPage:
        """One page, newest first, optionally only sessions in ``state``; pass the page's
        ``next_page_token`` back for the next one."""
        walk = self._list_walk(self.status_filter(state), limit, page_token)
        while (call := walk.next_call()) is not None:
            walk.take(self.request(call))
        return self._page(walk, self.connection, state)

    async def alist_sessions(
        self,
        *,
        state: SessionState | None = None,
        limit: int = 100,
        page_token: str | None = None,
    ) -> SessionPage:
        """The async twin of :meth:`list_sessions`."""
        walk = self._list_walk(self.status_filter(state), limit, page_token)
        while (call := walk.next_call()) is not None:
            walk.take(await self.arequest(call))
        return self._page(walk, await self.aconnection(), state)

    def _page(self, walk: PageWalk, conn: Connection, state: SessionState | None) -> SessionPage:
        """The page in the neutral model. The status filter is the server's: a session listed
        in another state (a vendor that ignored the filter) is left out here, and said."""
        records, total, next_token = walk.result()
        sessions = [self.neutral(record, conn) for record in records]
        if state is not None and (stray := [s for s in sessions if s.state is not state]):
            self.log.warning(
                "%s listed %d session(s) that are not %s under that filter: left out",
                self.vendor,
                len(stray),
                state.value,
            )
            sessions = [s for s in sessions if s.state is state]
        return SessionPage(sessions=sessions, total=total, next_page_token=next_token)

    def decide(
        self,
        session_id: str,
        decision: Decision,
        *,
        comment: str | None = None,
        current: VerificationSession | None = None,
    ) -> VerificationSession:
        """Record ``decision``. ``current`` (the session as last read) has the transition
        checked before the write; ``comment`` (the reasons, never PII) goes on the vendor's
        audit trail where it keeps one (Didit; deepidv and Beltic document no place for it)."""
        self.check_session_id(session_id)
        if current is not None:
            self.check_decision(current, decision)  # the kind of decision too
        else:
            self._check_decision_kind(decision)
        return self.same_session(self._decide(session_id, decision, comment), session_id)

    def run_action(
        self, session_id: str, action: str, options: Mapping[str, Any] | None = None
    ) -> VerificationSession | None:
        """Expire, redact, delete or resubmit a session; the session afterwards (``None``:
        deleted)."""
        self.check_session_id(session_id)
        self.check_action(action, options)
        after = self._run_action(session_id, action, dict(options or {}))
        return None if after is None else self.same_session(after, session_id)

    def test_connection(self) -> tuple[bool, str]:
        """Check the API key with the cheapest authenticated call (the UI's Test button)."""
        try:
            self.list_sessions(limit=1)
        except IdvError as exc:
            return False, str(exc)
        return True, f"Connected to {self.base_url(self.connection)}"

    # -- many sessions at once, through the list endpoint --------------------------------
    def iter_sessions(
        self, *, state: SessionState | None = None, page_size: int = 100
    ) -> Iterator[VerificationSession]:
        """Every session (in ``state``), page by page."""
        token: str | None = None
        while True:
            page = self.list_sessions(state=state, limit=page_size, page_token=token)
            yield from page.sessions
            if (token := page.next_page_token) is None:
                return

    def drain_sessions(
        self,
        state: SessionState,
        *,
        page_size: int,
        still_listed: Callable[[str], bool],
        budget: int | None = None,
    ) -> Iterator[list[VerificationSession]]:
        """Pages of the sessions in ``state`` for a caller that moves most of them out of it
        (decides them) as it goes; after each page, ``still_listed(id)`` says which it left.

        Each session comes once. On a vendor paging by offset, the next page starts after the
        sessions left in ``state`` (they sort before any unseen one); a cursor keeps its place.
        At most ``budget`` sessions in all.
        """
        page_size = min(page_size, self.max_page_size)
        seen: set[str] = set()
        left = 0
        token: str | None = None
        while budget is None or budget > 0:
            if self.pages_by_offset:
                token = offset_token(left) if left else None
            page = self.list_sessions(state=state, limit=page_size, page_token=token)
            token = page.next_page_token
            fresh = [s for s in page.sessions if s.id not in seen][:budget]
            if not fresh:
                if token is not None and not self.pages_by_offset:
                    continue  # a page of sessions all seen before: the cursor moves on
                return
            seen.update(s.id for s in fresh)
            yield fresh
            left += sum(1 for s in fresh if still_listed(s.id))
            if budget is not None:
                budget -= len(fresh)
            if token is None:
                return

    def find_sessions(
        self, session_ids: Iterable[str], *, missing_ok: bool = False
    ) -> dict[str, VerificationSession]:
        """The sessions among ``session_ids``, read page by page from the newest: about
        ``len(session_ids) / page size`` calls instead of one per session. Ids not met in a
        bounded number of pages are read one by one: an unknown one raises NotFoundError, or
        is left out of the answer with ``missing_ok``."""
        finder = SessionFinder(session_ids, self.max_page_size)
        while finder.wants_page():
            finder.take(self.list_sessions(limit=self.max_page_size, page_token=finder.token))
        for session_id in finder.unseen():
            try:
                finder.found[session_id] = self.get_session(session_id)
            except NotFoundError:
                if not missing_ok:
                    raise
        return finder.found

    async def afind_sessions(
        self, session_ids: Iterable[str], *, missing_ok: bool = False
    ) -> dict[str, VerificationSession]:
        """The async twin of :meth:`find_sessions`."""
        finder = SessionFinder(session_ids, self.max_page_size)
        while finder.wants_page():
            page = await self.alist_sessions(limit=self.max_page_size, page_token=finder.token)
            finder.take(page)
        for session_id in finder.unseen():
            try:
                finder.found[session_id] = await self.aget_session(session_id)
            except NotFoundError:
                if not missing_ok:
                    raise
        return finder.found
