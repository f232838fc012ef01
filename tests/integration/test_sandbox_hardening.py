"""The sandbox under hostile requests: 4xx that say why, never a 500; no key ever reported."""

from __future__ import annotations

import json

import httpx
import pytest

from idv_provider.exceptions import ServerError
from idv_provider.models import Applicant
from idv_provider.vendors.deepidv.hook import DeepIdvHook
from idv_sandbox import DEFAULT_API_KEY, SandboxConfig, key_label, running_sandbox
from idv_sandbox.__main__ import parse_fail
from idv_sandbox.gate import MAX_BODY_BYTES
from tests.conftest import CONN_ID, set_connection
from tests.integration.test_sandbox_fidelity import BODY, KEY, post

pytestmark = [pytest.mark.integration, pytest.mark.timing]
WRONG_KEY = "sk_live_someone_s_real_key"


def test_stats_never_show_a_key_not_even_a_wrong_one(sandbox):
    post(sandbox.url, BODY)
    httpx.get(f"{sandbox.url}/v1/sessions", headers={"x-api-key": WRONG_KEY})
    stats = httpx.get(f"{sandbox.url}/_sandbox/stats")
    assert DEFAULT_API_KEY not in stats.text and WRONG_KEY not in stats.text
    assert stats.json()["requests"][key_label(DEFAULT_API_KEY)]["POST /v1/sessions"] == 1
    assert stats.json()["requests"]["(other keys)"] == {"GET /v1/sessions": 1}


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("PUT", "/_sandbox/faults", {"latency": "slow"}),
        ("PUT", "/_sandbox/faults", {"latency": float("nan")}),
        ("PUT", "/_sandbox/faults", {"fail": [{"status": "x"}]}),
        ("PUT", "/_sandbox/faults", {"fail": [{"status": 503, "colour": "red"}]}),
        ("PUT", "/_sandbox/faults", {"drop_after_create": -1}),
        ("PUT", "/_sandbox/faults", {"nonsense": 1}),
        ("PUT", "/_sandbox/faults", [1, 2]),
        ("PUT", "/_sandbox/tokens", {"api_key": DEFAULT_API_KEY, "tokens": "many"}),
        ("PUT", "/_sandbox/tokens", {"api_key": DEFAULT_API_KEY, "tokens": -3}),
        ("PUT", "/_sandbox/tokens", {"api_key": DEFAULT_API_KEY, "tokens": 10**400}),
        ("PUT", "/_sandbox/tokens", {"api_key": ["a"], "tokens": 1}),
        ("PUT", "/_sandbox/tokens", {"api_key": "not-a-key", "tokens": 1}),
        ("POST", "/_sandbox/seed", {"count": "ten"}),
        ("POST", "/_sandbox/seed", {"count": 10**9}),
        ("POST", "/_sandbox/seed", {"submitted": "yes"}),
        ("POST", "/_sandbox/seed", {"api_key": ["x"]}),
        ("POST", "/_sandbox/seed", {"api_key": {"x": 1}}),
        ("POST", "/_sandbox/seed", {"vendor": ["didit"]}),
        ("POST", "/_sandbox/seed", {"vendor": {"a": 1}}),
        ("POST", "/_sandbox/clock", {"advance": -5}),
        ("POST", "/_sandbox/clock", {"advance": "1h"}),
        ("POST", "/_sandbox/clock", {"advance": 1e308}),
        ("PUT", "/_sandbox/webhooks/didit", {"url": "http://[::1", "secret": "s"}),
        ("PUT", "/_sandbox/webhooks/didit", {"url": "http://host:port/", "secret": "s"}),
        ("PUT", "/_sandbox/webhooks/didit", {"url": ["http://x"], "secret": "s"}),
    ],
)
def test_control_endpoints_answer_400_to_bad_input(sandbox, method, path, body):
    response = httpx.request(method, f"{sandbox.url}{path}", content=json.dumps(body), headers=JSON)
    assert response.status_code == 400, response.text
    assert response.json()["detail"]
    assert DEFAULT_API_KEY not in response.text


def test_control_endpoints_refuse_what_is_not_json(sandbox):
    response = httpx.put(f"{sandbox.url}/_sandbox/faults", content=b"{oops", headers=JSON)
    assert response.status_code == 400
    response = httpx.put(f"{sandbox.url}/_sandbox/faults", content=b"{}")
    assert response.status_code == 415
    response = httpx.put(f"{sandbox.url}/_sandbox/tokens/{DEFAULT_API_KEY}", json={"tokens": 1})
    assert response.status_code in (404, 405)  # an API key never travels in a URL


JSON = {"content-type": "application/json"}
DEEP = json.loads("[" * 40 + "]" * 40)  # deeper than any vendor document, valid JSON


@pytest.mark.parametrize(
    ("content", "headers", "status"),
    [
        (json.dumps(BODY), {"content-type": "text/plain"}, 415),
        (json.dumps(BODY), {}, 415),
        (json.dumps({**BODY, "externalId": "x" * MAX_BODY_BYTES}), JSON, 413),
        ("[" * 10_000 + "]" * 10_000, JSON, 400),
        (json.dumps({**BODY, "externalId": DEEP}), JSON, 400),
        ('{"firstName": "\\ud800", "lastName": "Doe"}', JSON, 400),
        ('{"firstName": NaN}', JSON, 400),
        (b"\xff\xfe", JSON, 400),
    ],
)
def test_hostile_bodies_get_a_4xx_that_says_why(sandbox, content, headers, status):
    response = httpx.post(f"{sandbox.url}/v1/sessions", content=content, headers={**KEY, **headers})
    assert response.status_code == status, response.text
    assert response.json()["message"]
    assert sandbox.service("deepidv").sessions.all_ids() == []


@pytest.mark.parametrize("url", ["not a uri", "https://app.test/a b", "https://app.test/\r\nX: y"])
def test_format_uri_is_enforced_where_the_spec_says(sandbox, url):
    response = post(sandbox.url, {**BODY, "redirectUrl": url})
    assert response.status_code == 400
    assert response.json()["field"] == "redirectUrl"


def test_a_create_answered_after_the_client_gave_up_exists_and_the_retry_finds_it(monkeypatch):
    config = SandboxConfig(auto_submit_after=None)
    with running_sandbox(config=config) as sandbox:
        set_connection(
            monkeypatch, host=sandbox.url, password=DEFAULT_API_KEY, extra={"timeout": 0.5}
        )
        httpx.put(f"{sandbox.url}/_sandbox/faults", json={"late_after_create": 1, "late_by": 3})
        hook = DeepIdvHook(CONN_ID)
        hook.sleep = lambda seconds: None
        applicant = Applicant("J", "D", "j@example.com", "+15550000001")
        session = hook.create_session(applicant, idempotency_key="one-applicant")
        # the first attempt timed out after the sandbox committed; the retry got that session
        assert sandbox.service("deepidv").sessions.all_ids() == [session.id]
        assert httpx.get(f"{sandbox.url}/_sandbox/faults").json()["late_after_create"] == 0


def test_fail_can_say_retry_after_from_the_command_line_and_the_api(sandbox):
    assert parse_fail("429:2:7").retry_after == 7
    assert (parse_fail("503").status, parse_fail("503").count) == (503, 1)
    httpx.put(
        f"{sandbox.url}/_sandbox/faults",
        json={"fail": [{"status": 503, "count": 1, "retry_after": 4}]},
    )
    response = httpx.get(f"{sandbox.url}/v1/sessions", headers=KEY)
    assert (response.status_code, response.headers["retry-after"]) == (503, "4")
    hook = DeepIdvHook(CONN_ID, max_retries=0)
    httpx.put(f"{sandbox.url}/_sandbox/faults", json={"fail": [{"status": 503, "retry_after": 4}]})
    with pytest.raises(ServerError) as error:
        hook.list_sessions()
    assert error.value.retry_after == 4


@pytest.mark.parametrize(
    ("vendor", "submitted_list"),
    [
        ("didit", ("/v3/sessions/", {"status": "In Review,Approved,Declined"})),
        (
            "beltic",
            ("/v1/identity/sessions", {"page[total]": "true", "filter[status]": "completed"}),
        ),
    ],
)
def test_every_vendor_can_be_seeded_with_a_backlog(sandbox, vendor, submitted_list):
    seeded = httpx.post(
        f"{sandbox.url}/_sandbox/seed", json={"count": 5, "vendor": vendor}, headers=JSON
    )
    assert seeded.status_code == 200, seeded.text
    assert seeded.json()["vendor"] == vendor and len(seeded.json()["session_ids"]) == 5
    path, params = submitted_list
    key = {"x-api-key": DEFAULT_API_KEY}
    listed = httpx.get(f"{sandbox.url}{path}", params=params, headers=key).json()
    count = listed.get("count", listed.get("meta", {}).get("page", {}).get("total"))
    assert count == 5  # every seeded flow finished: a backlog for the review
    bad = httpx.post(f"{sandbox.url}/_sandbox/seed", json={"vendor": "acme"}, headers=JSON)
    assert bad.status_code == 400
