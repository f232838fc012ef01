"""The sandbox speaking Didit over real HTTP, and the Didit hook against it."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from idv_provider.models import Applicant, Decision, SessionState
from idv_provider.operators import (
    CreateSessionOperator,
    ReviewSessionsOperator,
    SessionActionOperator,
)
from idv_provider.sensors import SessionsSubmittedSensor
from idv_provider.vendors.didit.hook import DiditHook
from idv_sandbox import (
    DEFAULT_API_KEY,
    DEFAULT_DIDIT_WORKFLOW_ID,
    Faults,
    RunningSandbox,
    SandboxConfig,
    key_label,
    running_sandbox,
)
from tests.fakes.context import make_context

pytestmark = [pytest.mark.integration, pytest.mark.timing]
KEY = {"x-api-key": DEFAULT_API_KEY}
WF = DEFAULT_DIDIT_WORKFLOW_ID


def body(**change) -> dict:
    base = {
        "workflow_id": WF,
        "vendor_data": "user-1",
        "contact_details": {"email": "jane@example.com", "phone": "+15551234567"},
        "expected_details": {"first_name": "Jane", "last_name": "Doe"},
    }
    return {k: v for k, v in {**base, **change}.items() if v is not None}


@pytest.fixture
def didit(monkeypatch: pytest.MonkeyPatch) -> Iterator[RunningSandbox]:
    """Auto mode off: each test moves its sessions itself."""
    with running_sandbox(config=SandboxConfig(auto_submit_after=None)) as running:
        monkeypatch.setenv("AIRFLOW_CONN_DIDIT_DEFAULT", running.connection_json(vendor="didit"))
        yield running


def create(sandbox: RunningSandbox, **change) -> httpx.Response:
    return httpx.post(f"{sandbox.url}/v3/session/", json=body(**change), headers=KEY)


def finish(sandbox: RunningSandbox, session: dict, outcome: str = "clean_pass") -> httpx.Response:
    httpx.get(session["url"])  # opening the link: In Progress
    return httpx.post(session["url"], data={"outcome": outcome})


def status_of(sandbox: RunningSandbox, session_id: str) -> str:
    response = httpx.get(f"{sandbox.url}/v3/session/{session_id}/decision/", headers=KEY)
    return str(response.json()["status"])


def test_no_key_is_403_and_a_wrong_key_401_in_drf_words(didit):
    missing = httpx.get(f"{didit.url}/v3/sessions/")
    assert missing.status_code == 403
    assert missing.json() == {"detail": "You do not have permission to perform this action."}
    wrong = httpx.get(f"{didit.url}/v3/sessions/", headers={"x-api-key": "nope"})
    assert wrong.status_code == 401 and "detail" in wrong.json()


@pytest.mark.parametrize(
    ("change", "status", "field"),
    [
        ({"workflow_id": None}, 400, "workflow_id"),
        ({"workflow_id": "not-a-uuid"}, 400, "workflow_id"),
        ({"contact_details": {"phone": "5551234567"}}, 400, "contact_details"),
        ({"expected_details": {"expected_document_types": ["XX"]}}, 400, "expected_details"),
        ({"portrait": "x"}, 400, None),  # unknown fields are refused
        ({"workflow_id": "5b0f2a4e-1111-4000-8000-000000000000"}, 404, "workflow_id"),
    ],
)
def test_create_is_validated(didit, change, status, field):
    response = create(didit, **change)
    assert response.status_code == status, response.text
    if field:
        assert field in response.json()
    assert "5551234567" not in response.text  # errors name the field, never echo its value


def test_create_answers_201_with_a_hosted_link(didit):
    response = create(didit, callback="https://app.test/back", metadata={"plan": "gold"})
    assert response.status_code == 201
    session = response.json()
    assert session["status"] == "Not Started"
    assert session["url"].startswith(f"{didit.url}/verify/session/")
    assert session["metadata"] == {"plan": "gold"}


def test_an_unfinished_session_is_reused_for_the_same_vendor_data(didit):
    first = create(didit, callback="https://app.test/one").json()
    again = create(didit, callback="https://app.test/two", metadata={"n": 2})
    assert again.status_code == 201
    assert again.json()["session_id"] == first["session_id"]
    assert (again.json()["callback"], again.json()["metadata"]) == (
        "https://app.test/two",
        {"n": 2},
    )
    other = create(didit, vendor_data="user-2").json()
    assert other["session_id"] != first["session_id"]


def test_a_finished_session_is_never_reused(didit):
    first = create(didit).json()
    finish(didit, first)
    assert status_of(didit, first["session_id"]) == "Approved"
    assert create(didit).json()["session_id"] != first["session_id"]


def test_the_hosted_flow_decides_and_redirects_with_didits_parameters(didit):
    session = create(didit, callback="https://app.test/back?x=1").json()
    httpx.get(session["url"])
    assert status_of(didit, session["session_id"]) == "In Progress"
    response = httpx.post(session["url"], data={"outcome": "face_mismatch"})
    assert response.status_code == 303
    target = urlsplit(response.headers["location"])
    assert parse_qs(target.query) == {
        "x": ["1"],
        "verificationSessionId": [session["session_id"]],
        "status": ["Declined"],
    }


def test_update_status_checks_the_current_status_before_the_body(didit):
    session = create(didit).json()
    response = httpx.patch(
        f"{didit.url}/v3/session/{session['session_id']}/update-status/",
        json={"new_status": "In Review"},  # invalid too, but the status is checked first
        headers=KEY,
    )
    assert response.status_code == 400
    assert "Wrong Current Status" in response.json()["detail"]


def test_update_status_rules(didit):
    session = create(didit, expected_details={"first_name": "J", "last_name": "D"}).json()
    finish(didit, session, "pep_sanctions_hit")
    url = f"{didit.url}/v3/session/{session['session_id']}"
    assert status_of(didit, session["session_id"]) == "In Review"
    bad = httpx.patch(f"{url}/update-status/", json={"new_status": "In Review"}, headers=KEY)
    assert bad.status_code == 400 and "new_status" in bad.json()
    ok = httpx.patch(f"{url}/update-status/", json={"new_status": "Approved"}, headers=KEY)
    assert ok.json() == {"session_id": session["session_id"]}
    httpx.patch(f"{url}/update-status/", json={"new_status": "Approved"}, headers=KEY)  # no-op
    decision = httpx.get(f"{url}/decision/", headers=KEY).json()
    assert [r["new_status"] for r in decision["reviews"]] == ["Approved"]
    resubmit = {"new_status": "Resubmitted"}
    assert httpx.patch(f"{url}/update-status/", json=resubmit, headers=KEY).status_code == 200
    assert httpx.get(f"{url}/decision/", headers=KEY).json()["face_matches"] is None
    again = httpx.patch(f"{url}/update-status/", json=resubmit, headers=KEY)
    assert again.status_code == 400 and "same as the current" in again.json()["detail"]


def test_delete_is_204_then_404_and_the_session_leaves_the_list(didit):
    session = create(didit).json()
    url = f"{didit.url}/v3/session/{session['session_id']}/delete/"
    first = httpx.delete(url, headers=KEY)
    assert (first.status_code, first.content) == (204, b"")
    assert httpx.delete(url, headers=KEY).status_code == 404
    assert status_of_missing(didit, session["session_id"]) == 404
    assert httpx.get(f"{didit.url}/v3/sessions/", headers=KEY).json()["count"] == 0


def status_of_missing(sandbox: RunningSandbox, session_id: str) -> int:
    url = f"{sandbox.url}/v3/session/{session_id}/decision/"
    return httpx.get(url, headers=KEY).status_code


def test_list_filters_and_drf_pages(didit):
    ids = [create(didit, vendor_data=f"user-{n}").json()["session_id"] for n in range(5)]
    finish(didit, create(didit, vendor_data="user-0").json())  # user-0's session, Approved
    url = f"{didit.url}/v3/sessions/"
    page = httpx.get(url, params={"limit": 2}, headers=KEY).json()
    assert page["count"] == 5 and [r["session_id"] for r in page["results"]] == ids[:2:-1][:2]
    second = httpx.get(page["next"], headers=KEY).json()
    assert second["previous"] and len(second["results"]) == 2
    last = httpx.get(second["next"], headers=KEY).json()
    assert last["next"] is None and len(last["results"]) == 1
    for status in ("Approved", "APPROVED", "Approved,In Review"):
        approved = httpx.get(url, params={"status": status}, headers=KEY).json()
        assert [r["session_id"] for r in approved["results"]] == [ids[0]]
    assert approved["results"][0]["additional_details"]["face_match"]["score"] <= 1
    by_vendor_data = httpx.get(url, params={"vendor_data": "user-3"}, headers=KEY).json()
    assert [r["session_id"] for r in by_vendor_data["results"]] == [ids[3]]
    assert httpx.get(url, params={"search": "JANE@"}, headers=KEY).json()["count"] == 5
    assert httpx.get(url, params={"date_from": "2999-01-01"}, headers=KEY).json()["count"] == 0


def test_sessions_never_finished_expire_or_are_abandoned(monkeypatch):
    config = SandboxConfig(auto_submit_after=None, didit_expire_after=60)
    with running_sandbox(config=config) as sandbox:
        never_opened = create(sandbox, vendor_data="a").json()
        opened = create(sandbox, vendor_data="b").json()
        httpx.get(opened["url"])
        assert status_of(sandbox, never_opened["session_id"]) == "Not Started"
        assert status_of(sandbox, opened["session_id"]) == "In Progress"
        advanced = httpx.post(f"{sandbox.url}/_sandbox/clock", json={"advance": 61})
        assert advanced.status_code == 200  # time moves when the test says so, not before
        assert status_of(sandbox, never_opened["session_id"]) == "Expired"
        assert status_of(sandbox, opened["session_id"]) == "Abandoned"


def test_the_hook_through_the_whole_lifecycle(didit):
    hook = DiditHook("didit_default")
    applicant = Applicant(
        "Jane", "Doe", "jane+pep_sanctions_hit@example.com", "+15551234567", "u-9"
    )
    session = hook.create_session(applicant)
    assert session.state is SessionState.PENDING
    finish(didit, {"url": session.url}, "pep_sanctions_hit")
    submitted = hook.get_session(session.id)
    assert (submitted.state, submitted.flow_completed) == (SessionState.SUBMITTED, True)
    assert submitted.analysis and submitted.analysis.sanction_hits == 1
    assert [s.id for s in hook.iter_sessions(state=SessionState.SUBMITTED)] == [session.id]
    hook.decide(session.id, Decision.REJECT)
    assert hook.get_session(session.id).vendor_status == "Declined"
    hook.delete_session(session.id)
    assert list(hook.iter_sessions()) == []


def test_a_create_whose_answer_is_lost_is_retried_without_a_duplicate(didit):
    httpx.put(f"{didit.url}/_sandbox/faults", json=Faults(drop_after_create=2).to_dict())
    hook = DiditHook("didit_default")
    hook.sleep = lambda _: None
    anonymous = Applicant("Jane", "Doe", "jane@example.com", "+15551234567")
    session = hook.create_session(anonymous, idempotency_key="airflow-task-key")
    listed = list(hook.iter_sessions())
    assert [s.id for s in listed] == [session.id]
    assert listed[0].external_id == "airflow-task-key"


def test_rate_limited_requests_get_retry_after_and_the_hook_waits(monkeypatch):
    config = SandboxConfig(auto_submit_after=None, rate_limit=2, rate_burst=1)
    with running_sandbox(config=config) as sandbox:
        monkeypatch.setenv("AIRFLOW_CONN_DIDIT_DEFAULT", sandbox.connection_json(vendor="didit"))
        url = f"{sandbox.url}/v3/sessions/"
        httpx.get(url, headers=KEY)
        throttled = httpx.get(url, headers=KEY)
        assert throttled.status_code == 429
        assert int(throttled.headers["retry-after"]) >= 1
        assert throttled.headers["x-ratelimit-limit"] == "120"
        assert "detail" in throttled.json()
        hook = DiditHook("didit_default")
        waits: list[float] = []
        hook.sleep = lambda s: (waits.append(s), time.sleep(s))
        assert hook.list_sessions().total == 0
        assert waits and waits[0] >= 1


def test_review_decides_didits_in_review_sessions_and_the_batch_sensor_sees_them(didit):
    hook = DiditHook("didit_default")
    ids = []
    for n in range(3):
        email = f"user{n}+pep_sanctions_hit@example.com"
        session = hook.create_session(Applicant("A", "B", email, "+15551234567", f"u-{n}"))
        finish(didit, {"url": session.url}, "pep_sanctions_hit")
        ids.append(session.id)
    sensor = SessionsSubmittedSensor(task_id="wait", session_ids=ids, conn_id="didit_default")
    assert sensor.poke(make_context()).is_done
    httpx.delete(f"{didit.url}/_sandbox/stats")
    op = ReviewSessionsOperator(task_id="review", conn_id="didit_default")
    result = op.execute(make_context())
    assert result["counts"]["reject"] == 3  # a sanctions hit: the default policy rejects
    calls = httpx.get(f"{didit.url}/_sandbox/stats").json()["requests"][key_label(DEFAULT_API_KEY)]
    # one list page, then per session: the decision (list rows carry no analysis) and the update
    assert calls == {
        "GET /v3/sessions/": 1,
        "GET /v3/session/{sessionId}/decision/": 3,
        "PATCH /v3/session/{sessionId}/update-status/": 3,
    }
    assert {hook.get_session(i).vendor_status for i in ids} == {"Declined"}


# -- what Didit's own documents and clients send --------------------------------------------
ADA = Applicant("Ada", "Lovelace", "ada@example.com", "+15550100001", "applicant-ada")


def test_didit_sandbox_scenario_plays_the_named_ending(didit):
    session = create(didit, sandbox_scenario="decline_document_expired").json()
    finish(didit, session)  # whatever the page's choice: the scenario decides
    assert status_of(didit, session["session_id"]) == "Declined"
    unknown = create(didit, vendor_data="u-2", sandbox_scenario="win_the_lottery")
    assert unknown.status_code == 400 and "sandbox_scenario" in unknown.json()


def test_didit_takes_a_portrait_and_metadata_sent_as_a_json_string(didit):
    response = create(didit, portrait_image="aGVsbG8=", metadata=json.dumps({"plan": "gold"}))
    assert response.status_code == 201, response.text
    assert response.json()["metadata"] == {"plan": "gold"}  # echoed back as an object
    bad = create(didit, vendor_data="u-3", metadata="[1, 2]")
    assert bad.status_code == 400 and "metadata" in bad.json()


def test_didit_options_and_string_metadata_through_the_operator(didit, monkeypatch):
    monkeypatch.setenv("AIRFLOW_CONN_IDV_DEFAULT", didit.connection_json(vendor="didit"))
    result = CreateSessionOperator(
        task_id="create",
        applicant={**ADA.__dict__, "locale": None},
        metadata='{"plan": "gold"}',  # a JSON string, as Didit's own plugin sends it
        vendor_options={"sandbox_scenario": "approve", "portrait_image": "aGVsbG8="},
        send_email_invite=False,
    ).execute(make_context())
    decision = httpx.get(
        f"{didit.url}/v3/session/{result['session_id']}/decision/", headers=KEY
    ).json()
    assert decision["metadata"] == {"plan": "gold"}


def test_didit_decisions_carry_their_reasons_to_the_review_trail(didit):
    hook = DiditHook("didit_default")
    session = hook.create_session(ADA)
    finish(didit, {"url": session.url}, "pep_sanctions_hit")
    hook.decide(session.id, Decision.REJECT, comment="sanctions hit (1); PEP hit (1)")
    reviews = httpx.get(f"{didit.url}/v3/session/{session.id}/decision/", headers=KEY).json()[
        "reviews"
    ]
    assert [(r["new_status"], r["comment"]) for r in reviews][-1] == (
        "Declined",
        "sanctions hit (1); PEP hit (1)",
    )


def test_didit_resubmission_is_a_session_action_with_its_nodes(didit, monkeypatch):
    monkeypatch.setenv("AIRFLOW_CONN_IDV_DEFAULT", didit.connection_json(vendor="didit"))
    hook = DiditHook("didit_default")
    session = hook.create_session(ADA)
    finish(didit, {"url": session.url}, "document_unreadable")
    result = SessionActionOperator(
        task_id="resubmit",
        session_id=session.id,
        action="resubmit",
        options={"nodes_to_resubmit": [{"node_id": "feature_ocr", "feature": "OCR"}]},
    ).execute(make_context())
    assert result["status"] == SessionState.IN_PROGRESS.value
    assert status_of(didit, session.id) == "Resubmitted"
    # nodes only go with Resubmitted
    wrong = httpx.patch(
        f"{didit.url}/v3/session/{session.id}/update-status/",
        json={"new_status": "Declined", "nodes_to_resubmit": ["feature_ocr"]},
        headers=KEY,
    )
    assert wrong.status_code == 400 and "nodes_to_resubmit" in wrong.json()


def test_didit_date_from_with_an_offset_is_converted_to_utc(didit):
    session = create(didit).json()
    created_at = httpx.get(
        f"{didit.url}/v3/session/{session['session_id']}/decision/", headers=KEY
    ).json()["created_at"]
    created = datetime.fromisoformat(created_at.replace("Z", "+00:00"))
    # Three hours before the create, written in UTC+05:00: its wall-clock text is two hours
    # *after* created_at's, so comparing the text (not the instant) gets both answers wrong.
    bound = (created - timedelta(hours=3)).astimezone(timezone(timedelta(hours=5)))
    url = f"{didit.url}/v3/sessions/"
    since = httpx.get(url, params={"date_from": bound.isoformat()}, headers=KEY).json()
    until = httpx.get(url, params={"date_to": bound.isoformat()}, headers=KEY).json()
    assert (since["count"], until["count"]) == (1, 0)
    bad = httpx.get(url, params={"date_from": "yesterday"}, headers=KEY)
    assert bad.status_code == 400


def test_didit_unrouted_paths_answer_in_drf_words(didit):
    response = httpx.get(f"{didit.url}/v3/nothing-here/", headers=KEY)
    assert response.status_code == 404 and set(response.json()) == {"detail"}


def test_auto_mode_leaves_a_session_whose_link_reached_nobody(monkeypatch):
    # A create whose answer was lost: no applicant has the link, so auto mode cannot finish
    # it — until a retried create hands it out (Didit's vendor_data reuse).
    config = SandboxConfig(auto_submit_after=60)
    with running_sandbox(config=config) as sandbox:
        httpx.put(f"{sandbox.url}/_sandbox/faults", json={"drop_after_create": 1})
        with pytest.raises(httpx.RemoteProtocolError):
            create(sandbox)
        [(lost,)] = sandbox.store.query("SELECT id FROM didit_sessions")
        config.clock.advance(120)
        assert status_of(sandbox, lost) == "Not Started"  # nobody could have finished it
        again = create(sandbox).json()  # the retry: the same session, handed out now
        assert again["session_id"] == lost
        config.clock.advance(120)
        assert status_of(sandbox, lost) == "Approved"
