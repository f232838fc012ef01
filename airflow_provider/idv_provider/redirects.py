"""The applicant's return to ``redirect_url``: what each vendor's hosted flow adds to it, read
into one neutral result for your web app."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import parse_qs, urlsplit

from idv_provider.exceptions import InvalidRequestError
from idv_provider.registry import vendor_record


class RedirectStatus(StrEnum):
    SUCCESS = "success"  # the applicant completed and submitted the flow
    FAILED = "failed"
    ABANDONED = "abandoned"


class RedirectReason(StrEnum):
    DOCUMENT_UNREADABLE = "document_unreadable"
    FACE_MISMATCH = "face_mismatch"
    SESSION_EXPIRED = "session_expired"
    INTERNAL_ERROR = "internal_error"
    USER_CANCELLED = "user_cancelled"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class RedirectResult:
    session_id: str
    status: RedirectStatus
    #: the reason as sent (``None`` on success); may be a value newer than this version
    reason: str | None
    #: the status as the vendor wrote it, when it sends its own (Didit)
    vendor_status: str | None = None

    @property
    def known_reason(self) -> RedirectReason | None:
        """The reason as an enum, ``RedirectReason.UNKNOWN`` for a value not known yet."""
        if self.reason is None:
            return None
        try:
            return RedirectReason(self.reason)
        except ValueError:
            return RedirectReason.UNKNOWN

    @property
    def succeeded(self) -> bool:
        return self.status is RedirectStatus.SUCCESS


def parse_redirect(query: str | Mapping[str, str], *, vendor: str) -> RedirectResult:
    """Validate what ``vendor``'s hosted flow added to ``redirect_url``: the session id, how
    the flow ended and why.

    ``query`` is the full redirect URL, its query string, or a mapping of parameters.
    Unknown reasons are kept, not rejected; a missing session id or an unknown status is an
    :class:`InvalidRequestError` naming the parameter. The redirect only says what the
    applicant's browser saw (anyone can forge it): confirm the outcome with the API before
    acting on it.
    """
    record = vendor_record(vendor)
    if isinstance(query, str):
        text = urlsplit(query).query if "://" in query else query.lstrip("?")
        params = {key: values[-1] for key, values in parse_qs(text).items()}
    else:
        params = dict(query)
    result = record.parse_redirect(params) if record is not None else None
    if result is None:
        raise InvalidRequestError(f"vendor: {vendor!r} sends no redirect this provider reads")
    return result
