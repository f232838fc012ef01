"""Sandbox fidelity over real HTTP: spec validation, tokens, rate limits, faults, hosted flow."""

from __future__ import annotations

import time
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from idv_provider.exceptions import InsufficientFundsError, ServerError
from idv_provider.models import Applicant
from idv_provider.vendors.deepidv.hook import DeepIdvHook
from idv_sandbox import DEFAULT_API_KEY, FailRule, Faults, SandboxConfig, running_sandbox
from idv_sandbox.__main__ import main as sandbox_cli
from idv_sandbox.outcomes import Outcome, parse_mix
from tests.conftest import CONN_ID, set_connection

pytestmark = pytest.mark.integration
KEY = {"x-api-key": DEFAULT_API_KEY}
BODY = {
    "firstName": "Jane",
    "lastName": "Doe",
    "email": "jane@example.com",
    "phone": "+15551234567",
}


def post(url: str, body: dict, **headers: str) -> httpx.Response:
    return httpx.post(f"{url}/v1/sessions", json=body, headers={**KEY, **headers})


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"firstName": None}, "firstName"),
        ({"email": 42}, "email"),
        ({"phone": "5551234567"}, "phone"),
        ({"redirectUrl": "http://app.test/back"}, "redirectUrl"),
        ({"sendEmailInvite": "yes"}, "sendEmailInvite"),
    ],
)
def test_create_body_checked_against_the_spec(sandbox, change, field):
    body = {k: v for k, v in {**BODY, **change}.items() if v is not None}
    response = post(sandbox.url, body)
    assert response.status_code == 400
    assert response.json()["field"] == field
    assert "5551234567" not in response.text  # errors name the field, never echo its value


def test_query_and_patch_checked_against_the_spec(sandbox):
    bad_limit = httpx.get(f"{sandbox.url}/v1/sessions?limit=0", headers=KEY)
    assert bad_limit.status_code == 400 and bad_limit.json()["field"] == "limit"
    created = post(sandbox.url, BODY).json()
    patch = httpx.patch(
        f"{sandbox.url}/v1/sessions/{created['id']}", json={"status": "PENDING"}, headers=KEY
    )
    assert patch.status_code == 400 and patch.json()["field"] == "status"
    short_key = post(sandbox.url, BODY, **{"Idempotency-Key": ""})
    assert short_key.status_code == 400


def test_a_response_that_breaks_the_spec_is_a_loud_500(sandbox, monkeypatch):
    monkeypatch.setattr(
        sandbox.service("deepidv"), "retrieve", lambda key, sid: {"sessionRecord": {}}
    )
    response = httpx.get(f"{sandbox.url}/v1/sessions/whatever", headers=KEY)
    assert response.status_code == 500
    assert "breaks the spec" in response.json()["message"]


def test_tokens_run_out_with_a_plain_text_402(monkeypatch):
    with running_sandbox(config=SandboxConfig(tokens=1)) as sandbox:
        set_connection(monkeypatch, host=sandbox.url, password=DEFAULT_API_KEY)
        first = post(sandbox.url, BODY, **{"Idempotency-Key": "a"})
        replay = post(sandbox.url, BODY, **{"Idempotency-Key": "a"})  # costs nothing
        assert first.status_code == replay.status_code == 200
        spent = post(sandbox.url, BODY)
        assert spent.status_code == 402
        assert spent.headers["content-type"].startswith("text/plain")
        with pytest.raises(InsufficientFundsError, match="no tokens left"):
            DeepIdvHook(CONN_ID).create_session(
                Applicant("J", "D", "j@example.com", "+15550000001")
            )
        assert sandbox.store.balance(DEFAULT_API_KEY) == 0


def test_rate_limit_answers_429_with_retry_after():
    with running_sandbox(config=SandboxConfig(rate_limit=2, rate_burst=2)) as sandbox:
        answers = [httpx.get(f"{sandbox.url}/v1/sessions", headers=KEY) for _ in range(5)]
    limited = [a for a in answers if a.status_code == 429]
    assert [a.status_code for a in answers[:2]] == [200, 200]
    assert limited and all(int(a.headers["retry-after"]) >= 1 for a in limited)


def test_the_hook_rides_out_rate_limits(monkeypatch):
    with running_sandbox(config=SandboxConfig(rate_limit=20, rate_burst=1)) as sandbox:
        set_connection(monkeypatch, host=sandbox.url, password=DEFAULT_API_KEY)
        hook = DeepIdvHook(CONN_ID)
        ids = {
            hook.create_session(Applicant("J", "D", f"j{n}@example.com", "+15550000001")).id
            for n in range(5)
        }
        assert len(ids) == 5 == len(sandbox.service("deepidv").sessions.all_ids())


def test_injected_statuses_and_latency(sandbox):
    hook = DeepIdvHook(CONN_ID)
    hook.sleep = lambda seconds: None
    faults = httpx.put(
        f"{sandbox.url}/_sandbox/faults",
        json={"latency": 0.2, "fail": [{"status": 503, "count": 2}]},
    )
    assert faults.json()["fail"][0]["count"] == 2
    started = time.monotonic()
    assert hook.list_sessions().sessions == []  # two 503s, then through
    assert time.monotonic() - started >= 0.6  # 3 attempts, each 0.2 s slower
    httpx.put(f"{sandbox.url}/_sandbox/faults", json={"fail": [{"status": 500, "count": 9}]})
    with pytest.raises(ServerError, match="HTTP 500"):
        hook.list_sessions()
    assert httpx.delete(f"{sandbox.url}/_sandbox/faults").json()["fail"] == []
    assert hook.list_sessions().total == 0


def test_dropped_connection_after_create_never_duplicates(sandbox):
    httpx.put(f"{sandbox.url}/_sandbox/faults", json={"drop_after_create": 2})
    hook = DeepIdvHook(CONN_ID)
    hook.sleep = lambda seconds: None
    session = hook.create_session(Applicant("J", "D", "j@example.com", "+15550000001"))
    assert sandbox.service("deepidv").sessions.all_ids() == [session.id]
    with httpx.Client() as client:
        httpx.put(f"{sandbox.url}/_sandbox/faults", json={"drop_after_create": 1})
        with pytest.raises(httpx.RemoteProtocolError):
            client.post(f"{sandbox.url}/v1/sessions", json=BODY, headers=KEY)
    assert (
        len(sandbox.service("deepidv").sessions.all_ids()) == 2
    )  # committed, though the answer was lost


def test_retrieve_has_user_analysis_and_resource_links(sandbox):
    created = post(sandbox.url, BODY).json()
    time.sleep(0.4)  # auto mode submits after 0.3 s
    detail = httpx.get(f"{sandbox.url}/v1/sessions/{created['id']}", headers=KEY).json()
    assert detail["user"]["email"] == "jane@example.com"
    assert detail["sessionRecord"]["analysisData"]["compareFacesData"]["faceMatchConfidence"] > 0.8
    assert set(detail["resourceLinks"]) == {"id_front", "id_back", "selfie"}


def test_hosted_flow_success_redirects_with_the_documented_parameters(sandbox):
    body = {**BODY, "redirectUrl": "https://app.test/cb?from=idv"}
    with running_sandbox(config=SandboxConfig(auto_submit_after=None)) as manual:
        created = post(manual.url, body).json()
        page = httpx.get(created["session_url"])
        assert page.status_code == 200 and 'id="finish"' in page.text and "Jane" in page.text
        done = httpx.post(f"{manual.url}/session/{created['id']}", data={"ending": "success"})
        assert done.status_code == 303
        target = urlsplit(done.headers["location"])
        assert (target.scheme, target.netloc, target.path) == ("https", "app.test", "/cb")
        assert parse_qs(target.query) == {
            "from": ["idv"],
            "session_id": [created["id"]],
            "status": ["success"],
        }
        record = manual.service("deepidv").sessions.get(DEFAULT_API_KEY, created["id"])
        assert record is not None and record.record["status"] == "SUBMITTED"


@pytest.mark.parametrize(
    ("ending", "status", "reason"),
    [
        ("face_mismatch", "failed", "face_mismatch"),
        ("user_cancelled", "abandoned", "user_cancelled"),
    ],
)
def test_hosted_flow_failures_keep_the_session_pending(ending, status, reason):
    with running_sandbox(config=SandboxConfig(auto_submit_after=None)) as manual:
        created = post(manual.url, {**BODY, "redirectUrl": "https://app.test/cb"}).json()
        done = httpx.post(f"{manual.url}/session/{created['id']}", data={"ending": ending})
        query = parse_qs(urlsplit(done.headers["location"]).query)
        assert query["status"] == [status] and query["reason"] == [reason]
        stored = manual.service("deepidv").sessions.get(DEFAULT_API_KEY, created["id"])
        assert stored is not None
        assert (stored.record["status"], stored.record["sessionProgress"]) == ("PENDING", "STARTED")


def test_outcome_mix_is_reproducible_with_a_seed():
    def outcomes(seed: int) -> list[str]:
        config = SandboxConfig(
            auto_submit_after=0,
            seed=seed,
            outcome_mix=parse_mix("clean_pass=1,face_mismatch=1,under_age=1"),
        )
        with running_sandbox(config=config) as sandbox:
            for n in range(12):
                post(sandbox.url, {**BODY, "email": f"a{n}@example.com", "externalId": str(n)})
            return [
                sandbox.service("deepidv").sessions.get(DEFAULT_API_KEY, i).outcome  # type: ignore[union-attr]
                for i in sandbox.service("deepidv").sessions.all_ids()
            ]

    first, again, other = outcomes(7), outcomes(7), outcomes(8)
    assert first == again != other
    assert set(first) <= {o.value for o in Outcome} and len(set(first)) > 1


def test_console_page_shows_status_and_history(sandbox):
    created = post(sandbox.url, BODY).json()
    page = httpx.get(f"{sandbox.url}/console/sessions/{created['id']}")
    assert page.status_code == 200 and "PENDING" in page.text


def test_cli_rejects_bad_flags():
    with pytest.raises(SystemExit):
        sandbox_cli(["serve", "--outcomes", "lucky=1"])
    with pytest.raises(SystemExit):
        sandbox_cli(["serve", "--fail", "oops"])


def test_fail_rule_matching():
    rule = FailRule(status=503, method="POST", path_prefix="/v1/sessions")
    assert rule.matches("POST", "/v1/sessions") and not rule.matches("GET", "/v1/sessions")
    assert Faults.from_dict(Faults(fail=[rule]).to_dict()) == Faults(fail=[rule])


def test_unknown_session_pages_are_404_and_escape_the_id(sandbox):
    for path in ("/session/", "/console/sessions/"):
        page = httpx.get(f"{sandbox.url}{path}%3Cscript%3Ex")
        assert page.status_code == 404
        assert "<script>" not in page.text and "&lt;script&gt;" in page.text
