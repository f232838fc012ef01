"""The deepidv hook over a respx-mocked API: wire format, mapping, errors, retries."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest
import respx

from idv_provider.exceptions import (
    AuthenticationError,
    InsufficientFundsError,
    InvalidRequestError,
    NotFoundError,
    RateLimitedError,
    ServerError,
)
from idv_provider.hooks import get_idv_hook
from idv_provider.hooks.errors import parse_retry_after
from idv_provider.models import Applicant, Decision, SessionState
from idv_provider.vendors.deepidv.hook import DeepIdvHook
from tests.conftest import API_KEY, API_URL, CONN_ID, set_connection
from tests.fakes.deepidv import APPLICANT, SESSION_ID, created, detail, session_record

APPLICANT_OBJ = Applicant(**APPLICANT)


@pytest.fixture
def api(deepidv_conn: str):
    with respx.mock(base_url=API_URL) as router:
        yield router


@pytest.fixture
def hook(deepidv_conn: str) -> DeepIdvHook:
    h = DeepIdvHook(deepidv_conn)
    h.slept = []  # type: ignore[attr-defined]
    h.sleep = h.slept.append  # type: ignore[attr-defined]

    async def asleep(seconds: float) -> None:
        h.slept.append(seconds)  # type: ignore[attr-defined]

    h.async_sleep = asleep
    return h


def test_create_sends_camel_case_body_key_and_idempotency_key(api, hook):
    route = api.post("/v1/sessions").respond(200, json=created())
    session = hook.create_session(
        APPLICANT_OBJ,
        workflow_id="wf_1",
        redirect_url="https://app.test/back",
        send_email_invite=False,
        idempotency_key="key-1",
    )
    request = route.calls.last.request
    assert request.headers["x-api-key"] == API_KEY
    assert request.headers["idempotency-key"] == "key-1"
    assert request.headers["user-agent"].startswith("airflow-provider-idv/")
    assert json.loads(request.content) == {
        "firstName": "Jane",
        "lastName": "Doe",
        "email": "jane.doe@example.com",
        "phone": "+15551234567",
        "externalId": "applicant-1",
        "workflowId": "wf_1",
        "redirectUrl": "https://app.test/back",
        "sendEmailInvite": False,
        "sendPhoneInvite": True,
    }
    assert session.id == SESSION_ID
    assert session.state is SessionState.PENDING
    assert session.url == created()["session_url"]


def test_create_reads_the_sdk_name_of_the_session_url(api, hook):
    body = created(sessionUrl="https://verify.test/s/1")
    del body["session_url"]
    api.post("/v1/sessions").respond(200, json=body)
    assert hook.create_session(APPLICANT_OBJ).url == "https://verify.test/s/1"


def test_session_url_is_not_in_the_repr(api, hook):
    api.post("/v1/sessions").respond(200, json=created())
    assert "verify.deepidv.com" not in repr(hook.create_session(APPLICANT_OBJ))


def test_get_maps_the_record_and_analysis(api, hook):
    api.get(f"/v1/sessions/{SESSION_ID}").respond(200, json=detail("SUBMITTED"))
    session = hook.get_session(SESSION_ID)
    assert session.state is SessionState.SUBMITTED
    assert session.vendor_status == "SUBMITTED"
    assert session.submitted_at == datetime(2026, 11, 20, 10, 5, tzinfo=UTC)
    assert session.analysis is not None
    assert session.analysis.face_match_score == 0.94
    assert session.analysis.liveness_score == 0.97
    assert session.analysis.document_not_expired is True
    assert session.analysis.pep_hits == 0
    assert session.analysis.sanction_hits is None  # `sanctions: null` = not screened


@pytest.mark.parametrize(
    ("status", "progress", "state"),
    [
        ("PENDING", "PENDING", SessionState.PENDING),
        ("PENDING", "STARTED", SessionState.IN_PROGRESS),
        ("VERIFIED", "COMPLETED", SessionState.APPROVED),
        ("REJECTED", "COMPLETED", SessionState.REJECTED),
        ("VOIDED", "PENDING", SessionState.VOIDED),
        ("ON_HOLD", "SOMETHING_NEW", SessionState.UNKNOWN),
    ],
)
def test_status_mapping_tolerates_new_values(api, hook, status, progress, state):
    api.get(f"/v1/sessions/{SESSION_ID}").respond(
        200, json={"sessionRecord": session_record(status, sessionProgress=progress, type="new")}
    )
    session = hook.get_session(SESSION_ID)
    assert session.state is state
    assert session.vendor_status == status


def test_401_is_an_authentication_error_and_not_retried(api, hook):
    route = api.get(f"/v1/sessions/{SESSION_ID}").respond(401, json={"message": "Invalid key"})
    with pytest.raises(AuthenticationError, match="API key is missing or invalid") as raised:
        hook.get_session(SESSION_ID)
    assert route.call_count == 1
    assert "Invalid key" not in str(raised.value)  # the vendor's free text is never quoted


def test_402_plain_text_body_is_insufficient_funds(api, hook):
    api.post("/v1/sessions").respond(402, text="Insufficient token balance")
    with pytest.raises(InsufficientFundsError, match="no tokens left"):
        hook.create_session(APPLICANT_OBJ)


def test_404_is_not_found(api, hook):
    api.get(f"/v1/sessions/{SESSION_ID}").respond(404, json={"message": "Session not found"})
    with pytest.raises(NotFoundError, match="found nothing for GET"):
        hook.get_session(SESSION_ID)


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        ({"message": "jane.doe@example.com is not allowed", "field": "email"}, "field: email"),
        (
            {"code": "invalid_phone", "detail": "+15551234567 is not a number"},
            "code: invalid_phone",
        ),
        ({"first_name": ["Jane Doe is not a valid name"]}, "field: first_name"),
        (
            {
                "errors": [
                    {"code": "invalid", "detail": "Jane", "source": {"pointer": "/data/name"}}
                ]
            },
            "code: invalid; field: /data/name",
        ),
    ],
)
def test_a_vendor_error_keeps_its_code_and_fields_never_the_text(api, hook, body, kept):
    """A vendor that echoes the input in its message would put PII in the task's error."""
    api.post("/v1/sessions").respond(400, json=body)
    with pytest.raises(InvalidRequestError) as raised:
        hook.create_session(APPLICANT_OBJ)
    assert f"deepidv said: {kept})" in str(raised.value)
    assert not any(pii in str(raised.value) for pii in ("jane", "Jane", "+1555"))


def test_400_names_the_field(api, hook):
    api.post("/v1/sessions").respond(400, json={"message": "phone is invalid", "field": "phone"})
    with pytest.raises(InvalidRequestError, match="field: phone") as err:
        hook.create_session(APPLICANT_OBJ)
    assert err.value.http_status == 400


def test_429_then_200_waits_for_retry_after(api, hook):
    route = api.get(f"/v1/sessions/{SESSION_ID}")
    route.side_effect = [
        httpx.Response(429, headers={"Retry-After": "3"}, json={"message": "slow down"}),
        httpx.Response(200, json=detail()),
    ]
    assert hook.get_session(SESSION_ID).state is SessionState.SUBMITTED
    assert route.call_count == 2
    assert hook.slept == [3.0]


def test_5xx_then_200_backs_off_with_jitter(api, hook):
    route = api.get(f"/v1/sessions/{SESSION_ID}")
    route.side_effect = [
        httpx.Response(502),
        httpx.Response(503),
        httpx.Response(200, json=detail()),
    ]
    hook.get_session(SESSION_ID)
    assert route.call_count == 3
    assert len(hook.slept) == 2
    assert 0 <= hook.slept[0] <= 0.5 and 0 <= hook.slept[1] <= 1.0


def test_5xx_exhausted_raises_server_error_after_all_attempts(api, hook):
    route = api.get(f"/v1/sessions/{SESSION_ID}").respond(500, text="<html>oops</html>")
    with pytest.raises(ServerError, match="HTTP 500"):
        hook.get_session(SESSION_ID)
    assert route.call_count == hook.max_retries + 1


def test_non_standard_status_code_is_a_server_error(api, hook):
    api.get(f"/v1/sessions/{SESSION_ID}").respond(520, text="origin error")
    with pytest.raises(ServerError, match="HTTP 520"):
        hook.get_session(SESSION_ID)


def test_timeout_on_create_retries_with_the_same_idempotency_key(api, hook):
    route = api.post("/v1/sessions")
    route.side_effect = [httpx.ReadTimeout("timed out"), httpx.Response(200, json=created())]
    hook.create_session(APPLICANT_OBJ)
    keys = {call.request.headers["idempotency-key"] for call in route.calls}
    assert route.call_count == 2
    assert len(keys) == 1


def test_connection_errors_exhausted_say_what_to_check(api, hook):
    api.get(f"/v1/sessions/{SESSION_ID}").mock(side_effect=httpx.ConnectError("refused"))
    with pytest.raises(ServerError, match="Could not reach deepidv after 4 attempts"):
        hook.get_session(SESSION_ID)


def test_rate_limit_exhausted_is_typed(api, hook):
    api.get(f"/v1/sessions/{SESSION_ID}").respond(429, headers={"Retry-After": "1"})
    with pytest.raises(RateLimitedError) as err:
        hook.get_session(SESSION_ID)
    assert err.value.retry_after == 1.0


async def test_async_get_retries_and_maps(api, hook):
    route = api.get(f"/v1/sessions/{SESSION_ID}")
    route.side_effect = [httpx.Response(503), httpx.Response(200, json=detail("VERIFIED"))]
    session = await hook.aget_session(SESSION_ID)
    assert session.state is SessionState.APPROVED
    assert route.call_count == 2
    assert route.calls.last.request.headers["x-api-key"] == API_KEY


async def test_async_errors_are_typed(api, hook):
    api.get(f"/v1/sessions/{SESSION_ID}").respond(404, json={"message": "nope"})
    with pytest.raises(NotFoundError):
        await hook.aget_session(SESSION_ID)


def test_list_filters_by_state_and_pages(api, hook):
    first = api.get("/v1/sessions", params={"status": "SUBMITTED", "offset": "0"}).respond(
        200,
        json={
            "data": [session_record(id="s1"), session_record(id="s2")],
            "total": 3,
            "hasMore": True,
            "limit": 2,
            "offset": 0,
        },
    )
    second = api.get("/v1/sessions", params={"status": "SUBMITTED", "offset": "2"}).respond(
        200,
        json={
            "data": [session_record(id="s3")],
            "total": 3,
            "hasMore": False,
            "limit": 2,
            "offset": 2,
        },
    )
    ids = [s.id for s in hook.iter_sessions(state=SessionState.SUBMITTED, page_size=2)]
    assert ids == ["s1", "s2", "s3"]
    assert first.calls.last.request.url.params["limit"] == "2"
    assert second.call_count == 1


def test_list_refuses_a_state_deepidv_cannot_filter_on(hook):
    with pytest.raises(InvalidRequestError, match="expired"):
        hook.list_sessions(state=SessionState.EXPIRED)


def test_decide_sends_the_vendor_status(api, hook):
    route = api.patch(f"/v1/sessions/{SESSION_ID}", json={"status": "VERIFIED"}).respond(
        200, json=detail("VERIFIED")
    )
    assert hook.decide(SESSION_ID, Decision.APPROVE).state is SessionState.APPROVED
    assert route.called


def test_test_connection_reports_both_ways(api, hook):
    api.get("/v1/sessions").mock(
        side_effect=[
            httpx.Response(200, json={"data": [], "limit": 1, "offset": 0}),
            httpx.Response(401, json={"message": "bad key"}),
        ]
    )
    assert hook.test_connection() == (True, f"Connected to {API_URL}")
    ok, message = hook.test_connection()
    assert not ok and "API key is missing or invalid" in message


def test_missing_api_key_fails_before_any_call(monkeypatch):
    set_connection(monkeypatch, host=API_URL, password="")
    with (
        respx.mock(base_url=API_URL) as router,
        pytest.raises(AuthenticationError, match="no API key"),
    ):
        DeepIdvHook(CONN_ID).get_session(SESSION_ID)
    assert not router.calls


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("", "https://api.deepidv.com"),
        ("api.eu.deepidv.test", "https://api.eu.deepidv.test"),
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080"),
    ],
)
def test_base_url_from_connection_host(monkeypatch, host, expected):
    set_connection(monkeypatch, host=host, password="k")
    hook = DeepIdvHook(CONN_ID)
    assert hook.base_url(hook.connection) == expected


def test_get_idv_hook_picks_by_connection_type(monkeypatch):
    set_connection(monkeypatch, host=API_URL, password="k")
    assert isinstance(get_idv_hook(CONN_ID), DeepIdvHook)
    set_connection(monkeypatch, host=API_URL, password="k", conn_type="http")
    with pytest.raises(InvalidRequestError, match="type 'http'.*support: beltic, deepidv, didit"):
        get_idv_hook(CONN_ID)


def test_parse_retry_after_forms():
    now = datetime(2026, 1, 1, tzinfo=UTC)
    assert parse_retry_after("7") == 7.0
    assert (
        parse_retry_after(format_datetime(now + timedelta(seconds=12), usegmt=True), now=now) == 12
    )
    assert parse_retry_after("3600") == 60.0  # clamped
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None
