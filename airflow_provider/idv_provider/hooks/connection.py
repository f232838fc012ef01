"""The Airflow connection of a vendor hook: every setting read, and checked, in one place."""

from __future__ import annotations

import math
import re
from functools import cached_property
from typing import Any, ClassVar

import httpx
from airflow.sdk import BaseHook, Connection

from idv_provider.exceptions import AuthenticationError, ConnectionConfigError, InvalidRequestError
from idv_provider.pacing import RequestPacer, shared_pacer
from idv_provider.validation import (
    SESSION_ID,
    fill_session_link,
    has_control_characters,
    session_link_template,
    validate_session_id,
)

#: the connection every operator, sensor and hook uses unless told otherwise; its type
#: picks the vendor
DEFAULT_CONN_ID = "idv_default"


#: the sane range of each numeric extra: requests a second, seconds
EXTRA_RANGES = {"rate_limit": (0.01, 10_000.0), "timeout": (0.1, 600.0)}


class ConnectionSettings(BaseHook):
    """Reads a vendor connection: ``password`` is the API key; ``host`` optionally overrides
    the vendor's base URL (a full URL such as ``http://127.0.0.1:8080`` for the sandbox); the
    extras ``timeout`` (per-attempt timeout in seconds), ``console_url`` (the reviewer's page
    of a session, with ``{session_id}``) and ``rate_limit`` (requests a second: every hook of
    the process using this account spaces its requests to stay under it)."""

    conn_name_attr = "conn_id"
    default_conn_name = DEFAULT_CONN_ID
    conn_type: ClassVar[str]
    #: the vendor as people write it ("Didit"), in messages and the connection form
    hook_name: ClassVar[str]
    vendor: ClassVar[str]
    default_base_url: ClassVar[str]
    #: the session's page in the vendor's console, for reviewers; ``{session_id}`` is filled in
    default_console_url: ClassVar[str | None] = None
    default_timeout: ClassVar[float] = 30.0
    #: the vendor's session ids (a URL path segment: never "." or "..")
    session_id_format: ClassVar[re.Pattern[str]] = SESSION_ID
    #: ``{session_id}`` link templates among the extras, checked with the connection
    link_extras: ClassVar[tuple[str, ...]] = ("console_url",)

    def __init__(self, conn_id: str = DEFAULT_CONN_ID) -> None:
        super().__init__()
        self.conn_id = conn_id
        self._async_connection: Connection | None = None
        #: at most this many seconds per attempt, whatever the connection says
        self.timeout_cap: float | None = None
        #: requests spaced under the connection's ``rate_limit`` (off: never waits to send)
        self.paced = True

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
        """A connection extra that must be a number of seconds or requests within its sane
        range (:data:`EXTRA_RANGES`): ``rate_limit`` 1e-300 would be one request an eon."""
        value = self.conn_extra(conn, name)
        if value is None or value == "":
            return None
        try:
            number = float(value)
        except (TypeError, ValueError, OverflowError):
            number = math.nan
        low, high = EXTRA_RANGES[name]
        if isinstance(value, bool) or not math.isfinite(number) or not low <= number <= high:
            raise ConnectionConfigError(
                f"Connection {self.conn_id!r}: extra {name} must be a number from {low:g} "
                f"to {high:g}"
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
        for name in self.link_extras:
            self.link_template(conn, name)

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
        if rate is None or not self.paced:
            return None
        return shared_pacer(self.base_url(conn), self.api_key(conn), rate)

    def timeout(self, conn: Connection) -> httpx.Timeout:
        seconds = self.positive_number(conn, "timeout") or self.default_timeout
        if self.timeout_cap is not None:
            seconds = min(seconds, self.timeout_cap)
        return httpx.Timeout(seconds, connect=min(seconds, 10.0))
