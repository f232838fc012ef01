"""What every vendor hook shares: the connection, timeouts, retries and error mapping."""

from __future__ import annotations

import asyncio
import email.utils
import math
import random
import re
import ssl
import time
from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping
from datetime import UTC, datetime
from functools import cache, cached_property
from importlib.metadata import version
from typing import Any, ClassVar, TypeVar

import httpx
import tenacity
from airflow.sdk import BaseHook, Connection

from idv_provider.exceptions import (
    AuthenticationError,
    ConflictError,
    ConnectionConfigError,
    IdvError,
    InsufficientFundsError,
    InvalidRequestError,
    NotFoundError,
    RateLimitedError,
    ServerError,
    TransientError,
    UnexpectedResponseError,
)
from idv_provider.hooks.pacing import RequestPacer, shared_pacer
from idv_provider.models import (
    Applicant,
    Decision,
    SessionPage,
    SessionState,
    VerificationSession,
)
from idv_provider.validation import (
    SESSION_ID,
    fill_session_link,
    has_control_characters,
    session_link_template,
    validate_session_id,
)

#: the states each decision may be recorded from, unless a vendor hook says otherwise
DECISION_ALLOWED_FROM: dict[Decision, frozenset[SessionState]] = {
    Decision.APPROVE: frozenset({SessionState.SUBMITTED}),
    Decision.REJECT: frozenset({SessionState.SUBMITTED}),
    Decision.VOID: frozenset(
        {SessionState.PENDING, SessionState.IN_PROGRESS, SessionState.SUBMITTED}
    ),
}

T = TypeVar("T")

#: what a generated parser raises on a body it cannot read: not JSON (ValueError), or JSON
#: without the documented keys and types (KeyError, TypeError, AttributeError)
UNREADABLE: tuple[type[Exception], ...] = (ValueError, KeyError, TypeError, AttributeError)

#: A Retry-After above this many seconds is clamped: a task should not sleep for minutes.
MAX_RETRY_AFTER = 60.0
USER_AGENT = f"airflow-provider-idv/{version('airflow-provider-idv')}"


@cache
def shared_ssl_context() -> ssl.SSLContext:
    """One verifying SSL context for every client of the process: loading the CA bundle costs
    tens of milliseconds, which a triggerer polling many sessions would pay on every poll."""
    return httpx.create_ssl_context()


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP date)."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when is None:
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - (now or datetime.now(UTC))).total_seconds()
    if not math.isfinite(seconds):  # "NaN", "inf": not a wait anyone can sleep
        return None
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def _error_detail(response: httpx.Response) -> str:
    """The vendor's own explanation, from a JSON or a plain-text body, kept short."""
    try:
        body = response.json()
    except ValueError:
        # A short plain-text answer (deepidv's 402) is the vendor's word; an HTML page or a
        # long text (a proxy, another server) is not quoted.
        if not response.headers.get("content-type", "").startswith("text/plain"):
            return ""
        text = response.text.strip()
        return text if len(text) <= 200 and "\n" not in text else ""
    if isinstance(body, dict):
        parts = [str(body[k]) for k in ("message", "error", "detail") if body.get(k)]
        if body.get("field"):
            parts.append(f"field: {body['field']}")
        errors = body.get("errors")
        if isinstance(errors, list):  # JSON:API: {"errors": [{"detail", "source"}]}
            for error in errors:
                if isinstance(error, dict):
                    pointer = (error.get("source") or {}).get("pointer")
                    where = f" ({pointer})" if pointer else ""
                    parts.append(f"{error.get('detail') or error.get('title')}{where}")
        else:  # DRF validation errors: {"workflow_id": ["This field is required."]}
            parts += [
                f"{name}: {' '.join(map(str, errs))}"
                for name, errs in body.items()
                if isinstance(errs, list) and errs
            ]
        return "; ".join(parts)[:200]
    return str(body)[:200]


def error_from_response(vendor: str, response: httpx.Response) -> IdvError:
    """Map an HTTP error response to the typed exception a DAG author can act on."""
    status = response.status_code
    detail = _error_detail(response)
    said = f" ({vendor} said: {detail})" if detail else ""
    call = f"{response.request.method} {response.request.url.path}"
    if status == 400 or status == 422:
        return InvalidRequestError(
            f"{vendor} rejected the request {call} as invalid{said}. Fix the input; "
            "retrying the same request will fail again.",
            http_status=status,
        )
    if status in (401, 403):
        what = "is missing or invalid" if status == 401 else "may not make this call"
        return AuthenticationError(
            f"The {vendor} API key {what}{said}. Check the password (API key) and host of "
            "the Airflow connection.",
            http_status=status,
        )
    if status == 402:
        return InsufficientFundsError(
            f"The {vendor} account has no tokens left for {call}{said}. Top up the balance; "
            "no session was created.",
            http_status=status,
        )
    if status == 404:
        return NotFoundError(
            f"{vendor} found nothing for {call}{said}. Check the session id (or workflow id) "
            "and that the connection uses the API key of the organization that owns it.",
            http_status=status,
        )
    if status == 409:
        return ConflictError(
            f"{vendor} refused {call} because it conflicts with the session's state{said}.",
            http_status=status,
        )
    retry_after = parse_retry_after(response.headers.get("retry-after"))
    if status == 429:
        return RateLimitedError(
            f"{vendor} rate-limited {call}{said}. Lower the concurrency of the DAG (pools) "
            "or ask the vendor for a higher limit.",
            http_status=status,
            retry_after=retry_after,
        )
    if status >= 500:
        return ServerError(
            f"{vendor} failed on {call} with HTTP {status}{said}. This is usually temporary.",
            http_status=status,
            retry_after=retry_after,
        )
    return UnexpectedResponseError(
        f"{vendor} answered {call} with HTTP {status}{said}.", http_status=status
    )


class IdvHook(BaseHook):
    """Base hook: reads the connection and runs vendor calls with retries.

    Connection fields: ``password`` is the API key; ``host`` optionally overrides the vendor's
    base URL (a full URL such as ``http://127.0.0.1:8080`` for the sandbox); the extras
    ``timeout`` (per-attempt timeout in seconds), ``console_url`` (the reviewer's page of a
    session, with ``{session_id}``) and ``rate_limit`` (requests a second: every hook of the
    process using this account spaces its requests to stay under it).

    :param max_retries: retries after the first attempt for 429, 5xx, timeouts and connection
        errors (exponential backoff with full jitter, honouring ``Retry-After``).
    """

    conn_type: ClassVar[str]
    vendor: ClassVar[str]
    default_base_url: ClassVar[str]
    #: the generated client's ``AuthenticatedClient`` class
    client_class: ClassVar[type[Any]]
    #: the generated client's ``errors.UnexpectedStatus`` (an undocumented 2xx/3xx)
    unexpected_status: ClassVar[type[Exception]]
    #: the session's page in the vendor's console, for reviewers; ``{session_id}`` is filled in
    default_console_url: ClassVar[str | None] = None
    default_timeout: ClassVar[float] = 30.0

    def __init__(
        self,
        conn_id: str,
        *,
        max_retries: int = 3,
        retry_wait_initial: float = 0.5,
        retry_wait_max: float = 30.0,
    ) -> None:
        super().__init__()
        if max_retries < 0:
            raise ValueError("max_retries must be 0 or more")
        self.conn_id = conn_id
        self.max_retries = max_retries
        self.retry_wait_initial = retry_wait_initial
        self.retry_wait_max = retry_wait_max
        self.sleep: Callable[[float], None] = time.sleep
        self.async_sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
        self._async_connection: Connection | None = None

    # -- connection --------------------------------------------------------------------
    @cached_property
    def connection(self) -> Connection:
        return self.get_connection(self.conn_id)

    async def aconnection(self) -> Connection:
        """:attr:`connection` for async code: read once per hook, without blocking the loop."""
        if self._async_connection is None:
            self._async_connection = await self.aget_connection(self.conn_id)
        return self._async_connection

    def api_key(self, conn: Connection) -> str:
        if not conn.password:
            raise AuthenticationError(
                f"Connection {self.conn_id!r} has no API key: put it in the password field."
            )
        return str(conn.password)

    def base_url(self, conn: Connection) -> str:
        """The API's base URL: the connection's ``host``, else the vendor's. A bare host name
        means https; a host with a port (``127.0.0.1:8080``) or another scheme is refused
        rather than guessed (a local sandbox speaks plain http)."""
        host = (conn.host or "").strip().rstrip("/")
        if not host:
            return self.default_base_url
        if "://" not in host and ":" not in host:
            host = f"https://{host}"
        if not host.lower().startswith(("https://", "http://")):
            raise ConnectionConfigError(
                f"Connection {self.conn_id!r}: host must be a URL starting with https:// "
                f"(or http:// for a local sandbox, e.g. http://127.0.0.1:8080), such as "
                f"{self.default_base_url}"
            )
        try:
            parts = httpx.URL(host)
        except httpx.InvalidURL:
            parts = None
        if parts is None or not parts.host or parts.userinfo or has_control_characters(host):
            raise ConnectionConfigError(
                f"Connection {self.conn_id!r}: host is not a well-formed URL (no credentials, "
                "spaces or control characters)"
            )
        default_port = 443 if parts.scheme == "https" else 80
        if conn.port and parts.port is None and conn.port != default_port:
            host = f"{host}:{conn.port}"
        return host

    def console_url(self, session_id: str) -> str | None:
        """The reviewer's page for the session: the connection's ``console_url`` extra, or the
        vendor's console when the connection talks to the vendor's own API."""
        conn = self.connection
        template = self.link_template(conn, "console_url")
        if not template and self.base_url(conn) == self.default_base_url:
            template = self.default_console_url
        return fill_session_link(template, session_id) if template else None

    def link_template(self, conn: Connection, name: str) -> str | None:
        """A ``{session_id}`` link template from the connection's extras (checked)."""
        try:
            return session_link_template(
                self.conn_extra(conn, name), f"Connection {self.conn_id!r}: extra {name}"
            )
        except InvalidRequestError as exc:
            raise ConnectionConfigError(str(exc)) from None

    def positive_number(self, conn: Connection, name: str) -> float | None:
        """A connection extra that must be a positive number of seconds or requests."""
        value = self.conn_extra(conn, name)
        if value is None or value == "":
            return None
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = math.nan
        if isinstance(value, bool) or not math.isfinite(number) or number <= 0:
            raise ConnectionConfigError(
                f"Connection {self.conn_id!r}: extra {name} must be a positive number"
            )
        return number

    def check_connection(self) -> None:
        """Read every setting of the connection once, so a malformed one fails before any
        call (and before a create that would be left half-done)."""
        conn = self.connection
        self.api_key(conn)
        self.base_url(conn)
        self.timeout(conn)
        self.positive_number(conn, "rate_limit")
        self.link_template(conn, "console_url")

    #: the vendor's session ids (a URL path segment: never "." or "..")
    session_id_format: ClassVar[re.Pattern[str]] = SESSION_ID

    def check_session_id(self, session_id: Any) -> str:
        """``session_id`` if it is one in this vendor's format, else a clear error."""
        return validate_session_id(session_id, self.session_id_format)

    def conn_extra(self, conn: Connection, name: str) -> Any:
        """A connection extra, under its plain name or the UI form's prefixed one."""
        extra = conn.extra_dejson
        value = extra.get(name)
        return extra.get(f"extra__{self.conn_type}__{name}") if value in (None, "") else value

    def pacer(self, conn: Connection) -> RequestPacer | None:
        """The account's shared pacer when the connection sets ``rate_limit``."""
        rate = self.positive_number(conn, "rate_limit")
        if rate is None:
            return None
        return shared_pacer(self.base_url(conn), self.api_key(conn), rate)

    def timeout(self, conn: Connection) -> httpx.Timeout:
        seconds = self.positive_number(conn, "timeout") or self.default_timeout
        return httpx.Timeout(seconds, connect=min(seconds, 10.0))

    # -- retries -----------------------------------------------------------------------
    def _wait(self, state: tenacity.RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        if isinstance(exc, TransientError) and exc.retry_after is not None:
            return exc.retry_after
        ceiling = min(
            self.retry_wait_max, self.retry_wait_initial * 2 ** (state.attempt_number - 1)
        )
        return random.uniform(0, ceiling)  # noqa: S311 - jitter, not cryptography

    def _log_retry(self, state: tenacity.RetryCallState) -> None:
        exc = state.outcome.exception() if state.outcome else None
        wait = state.next_action.sleep if state.next_action else 0.0
        self.log.warning(
            "%s call failed (attempt %d of %d), retrying in %.1fs: %s",
            self.vendor,
            state.attempt_number,
            self.max_retries + 1,
            wait,
            exc,
        )

    def _retry_options(self) -> dict[str, Any]:
        return {
            "stop": tenacity.stop_after_attempt(self.max_retries + 1),
            "wait": self._wait,
            "retry": tenacity.retry_if_exception_type((TransientError, httpx.TransportError)),
            "before_sleep": self._log_retry,
            "reraise": True,
        }

    def run(self, call: Callable[[], T]) -> T:
        """Run one vendor call with the retry policy; transport failures become ServerError,
        an answer the generated client cannot read an UnexpectedResponseError."""
        try:
            return tenacity.Retrying(sleep=self.sleep, **self._retry_options())(call)
        except httpx.TransportError as exc:
            raise self._unreachable(exc) from exc
        except (*UNREADABLE, self.unexpected_status) as exc:
            raise self._unreadable(exc) from None

    async def arun(self, call: Callable[[], Awaitable[T]]) -> T:
        """The async twin of :meth:`run`."""

        async def attempt() -> T:  # tenacity awaits only coroutine functions
            return await call()

        try:
            retrying = tenacity.AsyncRetrying(sleep=self.async_sleep, **self._retry_options())
            return await retrying(attempt)
        except httpx.TransportError as exc:
            raise self._unreachable(exc) from exc
        except (*UNREADABLE, self.unexpected_status) as exc:
            raise self._unreadable(exc) from None

    def _unreadable(self, exc: BaseException) -> UnexpectedResponseError:
        # Never the exception's text: the generated client puts the whole body in it.
        status = getattr(exc, "status_code", None)
        what = (
            f"HTTP {status}, which its API does not document"
            if status
            else (f"a body that is not its API's JSON ({type(exc).__name__})")
        )
        return UnexpectedResponseError(
            f"{self.vendor} answered with {what}. Check that the connection's host is the "
            f"{self.vendor} API.",
            http_status=status,
        )

    def _unreachable(self, exc: httpx.TransportError) -> ServerError:
        return ServerError(
            f"Could not reach {self.vendor} after {self.max_retries + 1} attempts "
            f"({type(exc).__name__}: {exc}). Check the connection's host and the network."
        )

    # -- httpx event hooks: errors are raised before the generated parser sees the body ----
    def _raise_for_status(self, response: httpx.Response) -> None:
        if response.status_code >= 400:
            response.read()
            raise error_from_response(self.vendor, response)

    async def _araise_for_status(self, response: httpx.Response) -> None:
        if response.status_code >= 400:
            await response.aread()
            raise error_from_response(self.vendor, response)

    def httpx_args(self, conn: Connection, *, asynchronous: bool) -> dict[str, Any]:
        """``httpx_args`` for a generated client: every request (retries too) paced when the
        connection sets ``rate_limit``; typed errors raised on any 4xx/5xx."""
        hooks: dict[str, list[Callable[..., Any]]] = {
            "response": [self._araise_for_status if asynchronous else self._raise_for_status]
        }
        if (pacer := self.pacer(conn)) is not None:

            def pace(request: httpx.Request) -> None:
                if (wait := pacer.reserve()) > 0:
                    self.sleep(wait)

            async def apace(request: httpx.Request) -> None:
                if (wait := pacer.reserve()) > 0:
                    await self.async_sleep(wait)

            hooks["request"] = [apace if asynchronous else pace]
        return {"event_hooks": hooks}

    # -- the generated client ------------------------------------------------------------
    def _client(self, conn: Connection, *, asynchronous: bool) -> Any:
        return self.client_class(
            base_url=self.base_url(conn),
            token=self.api_key(conn),
            prefix="",
            auth_header_name="x-api-key",
            headers={"User-Agent": USER_AGENT},
            timeout=self.timeout(conn),
            raise_on_unexpected_status=True,
            verify_ssl=shared_ssl_context(),
            httpx_args=self.httpx_args(conn, asynchronous=asynchronous),
        )

    @cached_property
    def client(self) -> Any:
        """The generated client for synchronous calls (one connection pool per hook)."""
        return self._client(self.connection, asynchronous=False)

    async def async_client(self) -> Any:
        """A generated client for async calls; use it as ``async with``."""
        return self._client(await self.aconnection(), asynchronous=True)

    def parsed(self, parsed: object, expected: type[T]) -> T:
        """The generated parser's result, when it is the model the call promises."""
        if not isinstance(parsed, expected):
            raise UnexpectedResponseError(
                f"{self.vendor} answered with a body this client cannot read "
                f"({type(parsed).__name__}, not {expected.__name__}). Check that the "
                f"connection's host is the {self.vendor} API."
            )
        return parsed

    def call(self, request: Callable[[Any], object], expected: type[T]) -> T:
        """One generated-client call (``request(client)``) with retries; its parsed answer."""
        return self.parsed(self.run(lambda: request(self.client)), expected)

    async def acall(self, request: Callable[[Any], Awaitable[object]], expected: type[T]) -> T:
        """The async twin of :meth:`call`, on a client of its own."""
        client = await self.async_client()
        async with client:
            parsed = await self.arun(lambda: request(client))
        return self.parsed(parsed, expected)

    # -- the vendor-neutral interface the operators use; each vendor hook implements it ---
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
        raise NotImplementedError

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
        allowed = DECISION_ALLOWED_FROM.get(decision, frozenset())
        if session.state not in allowed:
            raise InvalidRequestError(
                f"Cannot {decision.value} session {session.id}: it is {session.state.value}, "
                f"and {self.vendor} only allows that from "
                f"{' or '.join(sorted(s.value for s in allowed))}."
            )

    def get_session(self, session_id: str) -> VerificationSession:
        raise NotImplementedError

    async def aget_session(self, session_id: str) -> VerificationSession:
        raise NotImplementedError

    def list_sessions(
        self,
        *,
        state: SessionState | None = None,
        limit: int = 100,
        offset: int = 0,
        cursor: str | None = None,
    ) -> SessionPage:
        """One page, newest first: from ``cursor`` (a page's ``next_cursor``) when the vendor
        pages by cursor and one is given, else from ``offset``. A cursor stays right when
        sessions leave the filtered list meanwhile; with offsets the caller counts them out."""
        raise NotImplementedError

    async def alist_sessions(
        self,
        *,
        state: SessionState | None = None,
        limit: int = 100,
        offset: int = 0,
        cursor: str | None = None,
    ) -> SessionPage:
        raise NotImplementedError

    def decide(
        self, session_id: str, decision: Decision, *, comment: str | None = None
    ) -> VerificationSession:
        """Record ``decision``; ``comment`` (the reasons, never PII) goes on the vendor's audit
        trail where it keeps one (Didit; deepidv and Beltic document no place for it)."""
        raise NotImplementedError

    #: lifecycle actions besides decisions the vendor offers, with the options each takes:
    #: "expire", "redact", "delete", "resubmit"
    session_actions: ClassVar[dict[str, frozenset[str]]] = {}

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

    def run_action(
        self, session_id: str, action: str, options: Mapping[str, Any] | None = None
    ) -> VerificationSession | None:
        """Expire, redact, delete or resubmit a session; the session afterwards (``None``:
        deleted)."""
        raise NotImplementedError

    def test_connection(self) -> tuple[bool, str]:
        """Check the API key with the cheapest authenticated call (the UI's Test button)."""
        try:
            self.list_sessions(limit=1)
        except IdvError as exc:
            return False, str(exc)
        return True, f"Connected to {self.base_url(self.connection)}"

    # -- many sessions at once, through the list endpoint --------------------------------
    #: largest page the vendor's list endpoint serves
    max_page_size: ClassVar[int] = 100

    def iter_sessions(
        self, *, state: SessionState | None = None, page_size: int = 100
    ) -> Iterator[VerificationSession]:
        """Every session (in ``state``), page by page."""
        offset, cursor = 0, None
        while True:
            page = self.list_sessions(state=state, limit=page_size, offset=offset, cursor=cursor)
            yield from page.sessions
            if not page.has_more or not (page.sessions or page.next_cursor):
                return
            offset, cursor = offset + len(page.sessions), page.next_cursor

    def find_sessions(self, session_ids: Iterable[str]) -> dict[str, VerificationSession]:
        """The sessions among ``session_ids``, read page by page from the newest: about
        ``len(session_ids) / page size`` calls instead of one per session. Ids not met in a
        bounded number of pages are read one by one (an unknown one raises NotFoundError)."""
        finder = SessionFinder(session_ids, self.max_page_size)
        while finder.wants_page():
            finder.take(
                self.list_sessions(
                    limit=self.max_page_size, offset=finder.offset, cursor=finder.cursor
                )
            )
        for session_id in finder.unseen():
            finder.found[session_id] = self.get_session(session_id)
        return finder.found

    async def afind_sessions(self, session_ids: Iterable[str]) -> dict[str, VerificationSession]:
        """The async twin of :meth:`find_sessions`."""
        finder = SessionFinder(session_ids, self.max_page_size)
        while finder.wants_page():
            page = await self.alist_sessions(
                limit=self.max_page_size, offset=finder.offset, cursor=finder.cursor
            )
            finder.take(page)
        for session_id in finder.unseen():
            finder.found[session_id] = await self.aget_session(session_id)
        return finder.found


class SessionFinder:
    """Walks the newest-first list until every wanted session has been seen.

    Sessions created meanwhile shift the list down, so a page may repeat one already seen (it
    is read again) but never skips one. The walk stops after twice the pages the wanted ids
    would fill, plus a few, so that an old or unknown id costs one GET, not the whole account.
    """

    EXTRA_PAGES = 5

    def __init__(self, session_ids: Iterable[str], page_size: int) -> None:
        self.wanted = set(session_ids)
        self.found: dict[str, VerificationSession] = {}
        self.offset = 0
        self.cursor: str | None = None
        self.pages_left = 2 * -(-len(self.wanted) // page_size) + self.EXTRA_PAGES
        self.more = bool(self.wanted)

    def wants_page(self) -> bool:
        return self.more and self.pages_left > 0 and len(self.found) < len(self.wanted)

    def take(self, page: SessionPage) -> None:
        self.pages_left -= 1
        for session in page.sessions:
            if session.id in self.wanted:
                self.found[session.id] = session
        self.offset += len(page.sessions)
        self.cursor = page.next_cursor
        self.more = page.has_more and bool(page.sessions or page.next_cursor)

    def unseen(self) -> list[str]:
        return sorted(self.wanted - self.found.keys())
