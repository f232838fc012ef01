"""Didit's redirect (``verificationSessionId`` and Didit's status), read into the neutral result."""

from __future__ import annotations

import pytest

from idv_provider.exceptions import InvalidRequestError
from idv_provider.redirects import RedirectStatus, parse_redirect

SESSION = "11111111-2222-3333-4444-555555555555"


@pytest.mark.parametrize(
    ("status", "ending"),
    [
        ("Approved", RedirectStatus.SUCCESS),
        ("In Review", RedirectStatus.SUCCESS),
        ("Declined", RedirectStatus.SUCCESS),  # finished: the decision is the API's to tell
        ("Abandoned", RedirectStatus.ABANDONED),
    ],
)
def test_didit_callback_parameters(status, ending):
    url = f"https://app.test/back?ref=7&verificationSessionId={SESSION}&status={status}"
    result = parse_redirect(url, vendor="didit")
    assert (result.session_id, result.status, result.vendor_status) == (SESSION, ending, status)
    assert result.reason is None


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        (f"session_id={SESSION}&status=Approved", "verificationSessionId"),  # deepidv's form
        (f"verificationSessionId={SESSION}&status=success", "status"),
    ],
)
def test_another_vendors_form_is_refused_naming_the_parameter(query, parameter):
    with pytest.raises(InvalidRequestError, match=f"redirect parameter {parameter}"):
        parse_redirect(query, vendor="didit")


def test_a_vendor_without_a_redirect_is_refused():
    with pytest.raises(InvalidRequestError, match="'beltic' sends no redirect"):
        parse_redirect("session_id=x&status=success", vendor="beltic")
