"""HTTP error answers as the typed exceptions of :mod:`idv_provider.exceptions`."""

from __future__ import annotations

import email.utils
import math
from datetime import UTC, datetime

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
