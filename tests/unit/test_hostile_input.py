"""Hostile and malformed input: refused before any call, with an error naming the field and
never echoing the value; applicant values never rendered as templates."""

from __future__ import annotations

import copy
import json
import math

import jinja2
import pytest
import respx
from airflow.serialization.helpers import serialize_template_field

from idv_provider.exceptions import (
    ConnectionConfigError,
    InvalidRequestError,
    RateLimitedError,
    UnexpectedResponseError,
)
from idv_provider.hooks.errors import parse_retry_after
from idv_provider.invites import Invite
from idv_provider.templating import NotTemplated, rendered_mapping
from idv_provider.validation import validate_applicant, validate_https_url
from idv_provider.vendors.beltic.hook import BelticHook
from idv_provider.vendors.deepidv.hook import DeepIdvHook
from idv_provider.vendors.didit.hook import DiditHook
from tests.conftest import API_KEY, API_URL, CONN_ID, set_connection
from tests.fakes.context import make_context
from tests.fakes.deepidv import APPLICANT, SESSION_ID, created
from tests.unit.test_operators import create_op

INJECTION = "{{ conn.idv_default.password }}"


def render(op, context=None) -> None:
    context = {"conn": {"idv_default": {"password": API_KEY}}, "params": {}, **(context or {})}
    op.render_template_fields(context, jinja2.Environment(autoescape=True))


# -- applicant values are data, never templates ------------------------------------------------
def test_applicant_metadata_and_options_written_in_the_dag_are_never_rendered(api):
    route = api.post("/v1/sessions").respond(200, json=created())
    op = create_op(
        applicant={**APPLICANT, "last_name": INJECTION},
        metadata={"note": INJECTION},
        vendor_options={"x": {"nested": INJECTION}},
    )
    render(op)
    assert op.applicant["last_name"] == INJECTION
    assert op.metadata["note"] == INJECTION
    assert op.vendor_options["x"]["nested"] == INJECTION
    op.metadata = op.vendor_options = None  # deepidv takes neither; the name is what matters
    op.execute(make_context())
    body = json.loads(route.calls.last.request.content)
    assert body["lastName"] == INJECTION
    assert API_KEY not in route.calls.last.request.content.decode()


def test_a_template_for_the_whole_applicant_renders_once_and_its_output_is_data(api):
    route = api.post("/v1/sessions").respond(200, json=created())
    op = create_op(applicant="{{ params.signup | tojson }}")
    render(op, {"params": {"signup": {**APPLICANT, "first_name": INJECTION}}})
    op.execute(make_context())
    assert json.loads(route.calls.last.request.content)["firstName"] == INJECTION


def test_a_whole_value_template_that_is_not_a_json_object_names_the_field(api):
    op = create_op(applicant="{{ params.signup }}")
    render(op, {"params": {"signup": {"first_name": "Ada"}}})  # Python repr, not JSON
    with pytest.raises(InvalidRequestError, match=r"^applicant: a template .* JSON object"):
        op.execute(make_context())
    assert not api.calls


def test_not_templated_data_survives_copies_and_is_stored_as_a_plain_mapping():
    data = NotTemplated({"first_name": "Ada", "tags": ["a"]})
    assert copy.deepcopy(data) == data and dict(copy.copy(data)) == dict(data)
    assert serialize_template_field(data, "applicant") == {"first_name": "Ada", "tags": ["a"]}
    with pytest.raises(TypeError):
        data["first_name"] = "x"  # type: ignore[index]
    assert rendered_mapping(data, "applicant") == {"first_name": "Ada", "tags": ["a"]}


# -- checked before the create: nothing is left half-done --------------------------------------
@pytest.mark.parametrize(
    "email",
    [
        "victim,attacker@evil.test",
        "<x@y.test>",
        "Jane <jane@example.com>",
        "jane@example.com\x00",
        "jane\r\n@example.com",
        "x" * 65 + "@example.com",
        "jane@" + "a" * 250 + ".com",
        '"jane doe"@example.com',
        "jane..doe@example.com",
        "jane@-example.com",
        "jane@example",
        "jane\u2028@example.com",
    ],
)
def test_an_email_no_mail_server_takes_is_refused_before_the_create(api, email):
    with pytest.raises(InvalidRequestError, match=r"^applicant\.email is") as error:
        create_op(applicant={**APPLICANT, "email": email}).execute(make_context())
    assert email not in str(error.value)
    assert not api.calls


@pytest.mark.parametrize(
    "email", ["jane.doe+kyc@example.com", "o'brien@example.ie", "zoë@exämple.de", "a@b.co"]
)
def test_real_addresses_pass(email):
    assert validate_applicant({**APPLICANT, "email": email}).email == email


@pytest.mark.parametrize("name", ["Jane\x00", "Jane\nBcc: x@evil.test", "Ja\u202ene", "\ud800"])
def test_names_with_control_characters_are_refused(name):
    with pytest.raises(InvalidRequestError, match=r"^applicant\.first_name contains control"):
        validate_applicant({**APPLICANT, "first_name": name})


def test_a_name_outside_gsm7_that_overflows_the_sms_fails_before_the_create(api):
    invite = Invite(
        company_name="Example Bank", channels=["sms"], sms_sender=print, max_sms_segments=2
    )
    # The same invite fits in GSM-7 for an ASCII name...
    route = api.post("/v1/sessions").respond(200, json=created())
    create_op(invite=invite, send_phone_invite=False).execute(make_context())
    assert route.call_count == 1
    # ...and 张伟 (or Łukasz) switches it to UCS-2, past the limit: refused before the create.
    for name in ("张伟", "Łukasz"):
        with pytest.raises(InvalidRequestError, match="segments.*GSM-7 alphabet"):
            create_op(
                applicant={**APPLICANT, "first_name": name}, invite=invite, send_phone_invite=False
            ).execute(make_context())
    assert route.call_count == 1


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"console_url": "https://console.test/{id}"}, "console_url"),
        ({"console_url": "https://console.test/{session_id.__class__}"}, "console_url"),
        ({"console_url": "https://console.test/{session_id!r}"}, "console_url"),
        ({"console_url": "https://console.test/{session_id}/{session_id}"}, "console_url"),
        ({"console_url": "https://console.test/{"}, "console_url"),
        ({"console_url": "javascript:alert(1)//{session_id}"}, "console_url"),
        ({"timeout": "soon"}, "timeout"),
        ({"timeout": -1}, "timeout"),
        ({"timeout": "nan"}, "timeout"),
        ({"rate_limit": "fast"}, "rate_limit"),
        ({"rate_limit": 0}, "rate_limit"),
        ({"rate_limit": 1e-300}, "rate_limit"),  # one request an eon: a sleep(1e300)
        ({"rate_limit": "1e400"}, "rate_limit"),
        ({"rate_limit": 10**400}, "rate_limit"),
        ({"timeout": 86_400}, "timeout"),
    ],
)
def test_a_malformed_connection_extra_fails_before_the_create_naming_it(monkeypatch, extra, field):
    set_connection(monkeypatch, host=API_URL, password=API_KEY, extra=extra)
    with (
        respx.mock(base_url=API_URL) as router,
        pytest.raises(ConnectionConfigError, match=rf"extra {field} must"),
    ):
        create_op().execute(make_context())
    assert not router.calls


@pytest.mark.parametrize(
    "host", ["file:///etc/passwd", "ftp://api.deepidv.test", "127.0.0.1:8080", "https://u:p@h.test"]
)
def test_a_host_that_is_no_http_url_fails_at_once_naming_host(monkeypatch, host):
    set_connection(monkeypatch, host=host, password=API_KEY)
    hook = DeepIdvHook(CONN_ID)
    hook.sleep = pytest.fail  # never retried
    with pytest.raises(ConnectionConfigError, match="host"):
        hook.get_session(SESSION_ID)


def test_the_console_link_fills_in_a_quoted_session_id(monkeypatch):
    set_connection(
        monkeypatch,
        host=API_URL,
        password=API_KEY,
        extra={"console_url": "https://c.test/{session_id}?x={{y}}"},
    )
    assert DeepIdvHook(CONN_ID).console_url("ab-1") == "https://c.test/ab-1?x={y}"


@pytest.mark.parametrize(
    "url",
    [
        "https://user:secret@app.test/back",
        "https://app.test\r\n.evil.test/back",
        "https://app.test/back\nX: y",
        "https://app.test/ back",
        "https://app.test:99999/",
        "http://app.test/back",
        "https:///back",
    ],
)
def test_redirect_url_without_credentials_or_control_characters(url):
    with pytest.raises(InvalidRequestError, match="^redirect_url ") as error:
        validate_https_url(url, "redirect_url")
    assert "secret" not in str(error.value)


# -- session ids: one session, never another endpoint -----------------------------------------
@pytest.mark.parametrize("session_id", [".", "./", "..", "../sessions", "a/b", "a?b=1", " a"])
def test_a_session_id_that_is_no_id_is_refused_before_any_call(api, session_id):
    with pytest.raises(InvalidRequestError, match="^session_id is"):
        DeepIdvHook(CONN_ID).get_session(session_id)
    assert not api.calls


@pytest.mark.parametrize("hook_class", [DiditHook, BelticHook])
def test_didit_and_beltic_session_ids_are_uuids(monkeypatch, hook_class):
    set_connection(monkeypatch, host=API_URL, password=API_KEY, conn_type=hook_class.conn_type)
    with pytest.raises(InvalidRequestError, match=r"session_id is not .*\(a UUID\)"):
        hook_class(CONN_ID).get_session("sess_123")


# -- answers that are not the vendor's API: one typed error, no body quoted -------------------
def test_an_undocumented_success_status_is_a_typed_error_without_the_body(api):
    body = {"firstName": "Jane", "email": "jane@example.com"}
    api.post("/v1/sessions").respond(202, json=body)
    with pytest.raises(UnexpectedResponseError, match="HTTP 202") as error:
        create_op().execute(make_context())
    assert "Jane" not in str(error.value) and error.value.__cause__ is None
    assert error.value.__suppress_context__


@pytest.mark.parametrize(
    "response",
    [
        {"status_code": 200, "text": "<html>Welcome to nginx</html>"},
        {"status_code": 200, "json": {"firstName": "Jane"}},  # no id
        {"status_code": 200, "json": ["Jane"]},
    ],
)
def test_a_body_that_is_not_the_api_s_json_is_a_typed_error(api, response):
    api.get(f"/v1/sessions/{SESSION_ID}").respond(**response)
    with pytest.raises(UnexpectedResponseError, match="not its API's JSON") as error:
        DeepIdvHook(CONN_ID).get_session(SESSION_ID)
    assert "Jane" not in str(error.value) and "nginx" not in str(error.value)


def test_an_html_error_page_is_not_quoted(api):
    api.get(f"/v1/sessions/{SESSION_ID}").respond(
        404, text="<html>Jane Doe's page</html>", headers={"content-type": "text/html"}
    )
    with pytest.raises(Exception, match="found nothing") as error:
        DeepIdvHook(CONN_ID).get_session(SESSION_ID)
    assert "Jane" not in str(error.value)


@pytest.mark.parametrize("value", ["NaN", "inf", "-inf", "1e400"])
def test_retry_after_that_is_no_number_of_seconds_is_ignored(value):
    assert parse_retry_after(value) is None or math.isfinite(parse_retry_after(value) or 0)
    assert parse_retry_after(value) in (None, 0.0, 60.0)


def test_a_429_with_retry_after_nan_backs_off_instead_of_crashing(api):
    hook = DeepIdvHook(CONN_ID, max_retries=1)
    slept: list[float] = []
    hook.sleep = slept.append
    api.get(f"/v1/sessions/{SESSION_ID}").respond(429, headers={"Retry-After": "NaN"})
    with pytest.raises(RateLimitedError):
        hook.get_session(SESSION_ID)
    assert len(slept) == 1 and math.isfinite(slept[0])
