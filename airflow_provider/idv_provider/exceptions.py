"""Typed errors raised by the hooks. Each message says what a DAG author can do about it."""

from __future__ import annotations

from airflow.sdk.exceptions import AirflowException


class IdvError(AirflowException):
    """Base class of every error the provider raises about a vendor call."""

    def __init__(self, message: str, *, http_status: int | None = None) -> None:
        super().__init__(message)
        #: the vendor's HTTP status, when the error came from a response
        self.http_status = http_status


class InvalidRequestError(IdvError):
    """The vendor (or our own validation) refused the input. Fix the input; do not retry."""


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


class SessionFailedError(IdvError):
    """The session ended without the outcome the task waits for (rejected, voided, expired)."""
