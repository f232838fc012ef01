"""HTTP error answers as the typed exceptions of :mod:`idv_provider.exceptions`."""

from __future__ import annotations

import email.utils
import math
import re
from datetime import UTC, datetime
from typing import Any

import httpx

from idv_provider.exceptions import (
    AuthenticationError,
    ConflictError,
    IdvError,
    InsufficientFundsError,
    InvalidRequestError,
    NotFoundError,
    RateLimitedError,
    ServerError,
    UnexpectedResponseError,
)

#: A Retry-After above this many seconds is clamped: a task should not sleep for minutes.
MAX_RETRY_AFTER = 60.0


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


#: an error code or a field name as an API writes them: a token, never free text
_TOKEN = re.compile(r"^[A-Za-z_/][A-Za-z0-9_.:/\[\]-]{0,79}$")


def _token(value: Any) -> str | None:
    return value if isinstance(value, str) and _TOKEN.match(value) else None


def _error_detail(response: httpx.Response) -> str:
    """The vendor's error code and the fields it names: never its free-text message, which
    may echo what was sent (an applicant's name or email)."""
    try:
        body = response.json()
    except ValueError:
        return ""  # plain text or an HTML page: not quoted
    if not isinstance(body, dict):
        return ""
    codes = [_token(body.get(key)) for key in ("code", "error_code", "error")]
    fields = [_token(body.get("field"))]
    errors = body.get("errors")
    if isinstance(errors, list):  # JSON:API: {"errors": [{"code", "source": {"pointer"}}]}
        for error in errors[:10]:
            if isinstance(error, dict):
                given = error.get("source")
                source: dict[str, Any] = given if isinstance(given, dict) else {}
                codes.append(_token(error.get("code")))
                fields += [_token(source.get("pointer")), _token(source.get("parameter"))]
    else:  # DRF validation errors: {"workflow_id": ["This field is required."]}
        fields += [_token(name) for name, errs in body.items() if isinstance(errs, list) and errs]
    parts = []
    if found := list(dict.fromkeys(c for c in codes if c)):
        parts.append(f"code: {', '.join(found)}")
    if found := list(dict.fromkeys(f for f in fields if f)):
        parts.append(f"field: {', '.join(found[:10])}")
    return "; ".join(parts)


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
