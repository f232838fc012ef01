"""Didit's redirect: ``callback`` gets ``?verificationSessionId=…&status=<Didit status>``."""

from __future__ import annotations

from collections.abc import Mapping

from idv_provider.exceptions import InvalidRequestError
from idv_provider.redirects import RedirectResult, RedirectStatus

#: Didit statuses the flow ends in → how it ended for the applicant
ENDINGS = {
    "In Review": RedirectStatus.SUCCESS,
    "Approved": RedirectStatus.SUCCESS,
    "Declined": RedirectStatus.SUCCESS,  # finished; the decision is the API's to tell
    "Abandoned": RedirectStatus.ABANDONED,
    "Expired": RedirectStatus.ABANDONED,
    "Not Started": RedirectStatus.ABANDONED,
    "In Progress": RedirectStatus.ABANDONED,
    "Awaiting User": RedirectStatus.ABANDONED,  # the applicant has more to do
    "Resubmitted": RedirectStatus.ABANDONED,  # asked to redo some steps
    "Kyc Expired": RedirectStatus.ABANDONED,  # approved once, the document expired since
}


def parse_didit_redirect(params: Mapping[str, str]) -> RedirectResult:
    session_id = params.get("verificationSessionId") or ""  # as sent: never trimmed
    if not session_id:
        raise InvalidRequestError("redirect parameter verificationSessionId is missing")
    raw_status = (params.get("status") or "").strip()
    if raw_status not in ENDINGS:
        raise InvalidRequestError(
            f"redirect parameter status must be one of {', '.join(ENDINGS)}; got {raw_status!r}"
        )
    return RedirectResult(
        session_id=session_id, status=ENDINGS[raw_status], reason=None, vendor_status=raw_status
    )
