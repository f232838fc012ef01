"""deepidv's redirect: ``?session_id=…&status=success|failed|abandoned&reason=…`` (the SDK
guide's variant, ``?status=SUBMITTED&sessionId=…``, means success)."""

from __future__ import annotations

from collections.abc import Mapping

from idv_provider.exceptions import InvalidRequestError
from idv_provider.redirects import RedirectResult, RedirectStatus

STATUS_ALIASES = {"submitted": RedirectStatus.SUCCESS}


def parse_deepidv_redirect(params: Mapping[str, str]) -> RedirectResult:
    session_id = params.get("session_id") or params.get("sessionId") or ""  # never trimmed
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
