"""Parse the query string the hosted flow appends to ``redirect_url``, for your web app."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import parse_qs, urlsplit

from idv_provider.exceptions import InvalidRequestError


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


#: The SDK guide's variant (``?status=SUBMITTED&sessionId=…``) means success.
STATUS_ALIASES = {"submitted": RedirectStatus.SUCCESS}


@dataclass(frozen=True)
class RedirectResult:
    session_id: str
    status: RedirectStatus
    #: the reason as sent (``None`` on success); may be a value newer than this version
    reason: str | None

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


def parse_redirect(query: str | Mapping[str, str]) -> RedirectResult:
    """Validate the redirect's ``session_id``, ``status`` and ``reason``.

    ``query`` is the full redirect URL, its query string, or a mapping of parameters.
    Unknown reasons are kept, not rejected; a missing session id or an unknown status is an
    :class:`InvalidRequestError` naming the parameter. The redirect only says what the
    applicant's browser saw: confirm the outcome with the API before acting on it.
    """
    if isinstance(query, str):
        text = urlsplit(query).query if "://" in query else query.lstrip("?")
        params = {key: values[-1] for key, values in parse_qs(text).items()}
    else:
        params = dict(query)
    session_id = (params.get("session_id") or params.get("sessionId") or "").strip()
    if not session_id:
        raise InvalidRequestError("redirect parameter session_id is missing")
    raw_status = (params.get("status") or "").strip().lower()
    try:
        status = STATUS_ALIASES.get(raw_status) or RedirectStatus(raw_status)
    except ValueError:
        allowed = ", ".join(s.value for s in RedirectStatus)
        raise InvalidRequestError(
            f"redirect parameter status must be one of {allowed}; got {raw_status!r}"
        ) from None
    reason = (params.get("reason") or "").strip() or None
    return RedirectResult(session_id=session_id, status=status, reason=reason)
