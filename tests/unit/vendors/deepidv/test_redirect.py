"""deepidv's redirect, read by :func:`idv_provider.redirects.parse_redirect`."""

from __future__ import annotations

import pytest

from idv_provider.exceptions import InvalidRequestError
from idv_provider.redirects import RedirectReason, RedirectStatus, parse_redirect


def test_parse_success_url():
    result = parse_redirect(
        "https://app.test/cb?session_id=sess_abc&status=success", vendor="deepidv"
    )
    assert (result.session_id, result.status, result.reason) == (
        "sess_abc",
        RedirectStatus.SUCCESS,
        None,
    )
    assert result.succeeded and result.known_reason is None


def test_parse_failure_with_reason():
    result = parse_redirect(
        "session_id=sess_abc&status=failed&reason=document_unreadable", vendor="deepidv"
    )
    assert result.status is RedirectStatus.FAILED
    assert result.known_reason is RedirectReason.DOCUMENT_UNREADABLE
    assert not result.succeeded


def test_unknown_reason_is_tolerated_and_kept():
    result = parse_redirect(
        {"session_id": "s", "status": "abandoned", "reason": "camera_denied"}, vendor="deepidv"
    )
    assert result.reason == "camera_denied"
    assert result.known_reason is RedirectReason.UNKNOWN


def test_sdk_variant_is_understood():
    result = parse_redirect("?status=SUBMITTED&sessionId=abc123", vendor="deepidv")
    assert result.session_id == "abc123" and result.succeeded


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("status=success", "session_id"),
        ("session_id=s&status=maybe", "status"),
        ("session_id=s", "status"),
    ],
)
def test_bad_redirects_name_the_parameter(query, field):
    with pytest.raises(InvalidRequestError, match=f"redirect parameter {field}"):
        parse_redirect(query, vendor="deepidv")
