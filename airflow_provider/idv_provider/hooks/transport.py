"""How a vendor hook talks to its API: the generated client, retries, pacing, typed errors."""

from __future__ import annotations

import asyncio
import random
import ssl
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib.metadata import version
from typing import Any, ClassVar, Generic, TypeVar

import httpx
import tenacity
from airflow.sdk import Connection

from idv_provider import metrics
from idv_provider.exceptions import ServerError, TransientError, UnexpectedResponseError
from idv_provider.hooks.connection import DEFAULT_CONN_ID, ConnectionSettings
from idv_provider.hooks.errors import error_from_response

T = TypeVar("T")
E = TypeVar("E", bound=Exception)

#: what a generated parser raises on a body it cannot read: not JSON (ValueError), or JSON
#: without the documented keys and types (KeyError, TypeError, AttributeError)
UNREADABLE: tuple[type[Exception], ...] = (ValueError, KeyError, TypeError, AttributeError)
USER_AGENT = f"airflow-provider-idv/{version('airflow-provider-idv')}"


@cache
def shared_ssl_context() -> ssl.SSLContext:
    """One verifying SSL context for every client of the process: loading the CA bundle costs
    tens of milliseconds, which a triggerer polling many sessions would pay on every poll."""
    return httpx.create_ssl_context()


def _same(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class Call(Generic[T]):
    """One call of a generated endpoint module, made sync (``endpoint.sync``) or async
    (``endpoint.asyncio``) by the hook: the vendor describes a call once for both paths."""

    endpoint: Any
    expected: type[T]
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)
    #: the part of the parsed answer the caller wants (e.g. a document's ``data``)
    pick: Callable[[T], Any] = _same


class Transport(ConnectionSettings):
    """Runs vendor calls through the generated client with retries.

    :param max_retries: retries after the first attempt for 429, 5xx, timeouts and connection
        errors (exponential backoff with full jitter, honouring ``Retry-After``).
    """

    #: the generated client's ``AuthenticatedClient`` class
    client_class: ClassVar[type[Any]]
    #: the generated client's ``errors.UnexpectedStatus`` (an undocumented 2xx/3xx)
    unexpected_status: ClassVar[type[Exception]]

    def __init__(
        self,
        conn_id: str = DEFAULT_CONN_ID,
        *,
        max_retries: int = 3,
        retry_wait_initial: float = 0.5,
        retry_wait_max: float = 30.0,
    ) -> None:
        super().__init__(conn_id)
        if max_retries < 0:
            raise ValueError("max_retries must be 0 or more")
        self.max_retries = max_retries
        self.retry_wait_initial = retry_wait_initial
        self.retry_wait_max = retry_wait_max
        self.sleep: Callable[[float], None] = time.sleep
        self.async_sleep: Callable[[float], Awaitable[None]] = asyncio.sleep

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
        return self._counted(
            UnexpectedResponseError(
                f"{self.vendor} answered with {what}. Check that the connection's host is the "
                f"{self.vendor} API.",
                http_status=status,
            )
        )

    def _unreachable(self, exc: httpx.TransportError) -> ServerError:
        metrics.api_error(self.vendor, "unreachable")
        return ServerError(
            f"Could not reach {self.vendor} after {self.max_retries + 1} attempts "
            f"({type(exc).__name__}: {exc}). Check the connection's host and the network."
        )

    # -- httpx event hooks: errors are raised before the generated parser sees the body ----
    def _raise_for_status(self, response: httpx.Response) -> None:
        if response.status_code >= 400:
            response.read()
            raise self._counted(error_from_response(self.vendor, response))

    async def _araise_for_status(self, response: httpx.Response) -> None:
        if response.status_code >= 400:
            await response.aread()
            raise self._counted(error_from_response(self.vendor, response))

    def _counted(self, error: E) -> E:
        """``error``, counted in the ``idv.api_errors.<kind>`` metric."""
        metrics.api_error(self.vendor, metrics.error_kind(error))
        return error

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

    def request(self, call: Call[Any]) -> Any:
        """Make ``call`` synchronously, with retries; the part of the answer it picks."""
        answer = self.run(lambda: call.endpoint.sync(*call.args, client=self.client, **call.kwargs))
        return call.pick(self.parsed(answer, call.expected))

    async def arequest(self, call: Call[Any]) -> Any:
        """The async twin of :meth:`request`, on a client of its own."""
        client = await self.async_client()
        async with client:
            answer = await self.arun(
                lambda: call.endpoint.asyncio(*call.args, client=client, **call.kwargs)
            )
        return call.pick(self.parsed(answer, call.expected))
