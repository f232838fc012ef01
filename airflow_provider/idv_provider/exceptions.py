"""Typed errors raised by the hooks. Each message says what a DAG author can do about it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from airflow.sdk.exceptions import AirflowException


class IdvError(AirflowException):
    """Base class of every error the provider raises about a vendor call."""

    def __init__(self, message: str, *, http_status: int | None = None) -> None:
        super().__init__(message)
        #: the vendor's HTTP status, when the error came from a response
        self.http_status = http_status


class InvalidRequestError(IdvError):
    """The vendor (or our own validation) refused the input. Fix the input; do not retry."""


class ConnectionConfigError(InvalidRequestError):
    """The Airflow connection is malformed (host, timeout, an extra): fix the connection."""


class AuthenticationError(IdvError):
    """The API key is missing, wrong or lacks a permission."""


class InsufficientFundsError(IdvError):
    """The account's token balance cannot pay for another session."""


class NotFoundError(IdvError):
    """The session (or workflow) does not exist for this API key."""


class ConflictError(IdvError):
    """The call conflicts with the session's state or with an earlier idempotent call."""


class TransientError(IdvError):
    """A failure that may pass: the hook retries these with backoff before raising them.

    ``retry_after`` is the vendor's hint in seconds, when it gave one.
    """

    def __init__(
        self, message: str, *, http_status: int | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(message, http_status=http_status)
        self.retry_after = retry_after


class RateLimitedError(TransientError):
    """Too many requests (429)."""


class ServerError(TransientError):
    """The vendor failed (5xx) or could not be reached."""


class IdentityMismatchError(IdvError):
    """What the vendor returned for a reference (an account by external id, a session by
    account or ``vendor_data``) is not that reference's: using it could hand one applicant
    another's session. Nothing is reused; the task fails for a person to look."""


class UnexpectedResponseError(IdvError):
    """The server answered something the vendor's API never does (an undocumented status, a
    body that is not the documented JSON): often a host that is not the vendor's API. The body
    is never quoted: it may hold personal data."""


class InviteDeliveryError(IdvError):
    """The mail server (or SMS sender) did not take the invite. The session is kept; a retry of
    the task sends what is missing. The message never holds the address."""


class SessionFailedError(IdvError):
    """The session ended without the outcome the task waits for (rejected, voided, expired)."""


class WebhookVerificationError(ValueError):
    """The delivery is not provably from the vendor, or is too old: answer 401, drop it."""


def _typed_errors() -> dict[str, type[IdvError]]:
    found: dict[str, type[IdvError]] = {}
    pending: list[type[IdvError]] = [IdvError]
    while pending:
        cls = pending.pop()
        found[cls.__name__] = cls
        pending.extend(cls.__subclasses__())
    return found


def error_event(exc: BaseException) -> dict[str, Any]:
    """What a trigger's event says about the error that ended it, so that the task raises the
    same typed error (and the retry policy sees what it is): ``{"message", "error_type",
    "http_status", "retry_after"}``."""
    if not isinstance(exc, IdvError):
        return {"message": f"{type(exc).__name__}: {exc}"}
    return {
        "message": str(exc),
        "error_type": type(exc).__name__,
        "http_status": exc.http_status,
        "retry_after": getattr(exc, "retry_after", None),
    }


def error_from_event(event: Mapping[str, Any]) -> AirflowException:
    """The typed error a trigger's ``error`` event describes (:func:`error_event`); a plain
    ``AirflowException`` for anything else."""
    message = str(event.get("message") or f"unexpected trigger event {dict(event)!r}")
    cls = _typed_errors().get(str(event.get("error_type")))
    if cls is None:
        return AirflowException(message)
    status = event.get("http_status")
    status = status if isinstance(status, int) and not isinstance(status, bool) else None
    if issubclass(cls, TransientError):
        after = event.get("retry_after")
        after = (
            float(after) if isinstance(after, int | float) and not isinstance(after, bool) else None
        )
        return cls(message, http_status=status, retry_after=after)
    return cls(message, http_status=status)
