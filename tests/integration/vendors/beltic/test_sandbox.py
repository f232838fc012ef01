"""The sandbox speaking Beltic over real HTTP, and the Beltic hook against it."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from idv_provider.exceptions import AuthenticationError
from idv_provider.models import Applicant, Decision, SessionState
from idv_provider.operators import ReviewSessionsOperator
from idv_provider.policy import PolicyResult
from idv_provider.vendors.beltic.hook import BelticHook
from idv_sandbox import DEFAULT_API_KEY, Faults, RunningSandbox, SandboxConfig, running_sandbox
from tests.fakes.context import make_context

pytestmark = pytest.mark.integration
KEY = {"X-Api-Key": DEFAULT_API_KEY}
READ_ONLY_KEY = "sk_staging_read_only"


@pytest.fixture
def beltic(monkeypatch: pytest.MonkeyPatch) -> Iterator[RunningSandbox]:
    """Auto mode off: each test moves its sessions itself. A second key cannot decide."""
    config = SandboxConfig(
        auto_submit_after=None,
        api_keys=frozenset({DEFAULT_API_KEY, READ_ONLY_KEY}),
        beltic_keys_without_decide=frozenset({READ_ONLY_KEY}),
    )
    with running_sandbox(config=config) as running:
        monkeypatch.setenv("AIRFLOW_CONN_BELTIC_DEFAULT", running.connection_json(vendor="beltic"))
        yield running


def new_account(
    sandbox: RunningSandbox, external_id: str = "user-1", key: str = DEFAULT_API_KEY
) -> httpx.Response:
    body = {
        "data": {
            "type": "account",
            "attributes": {
                "entity_type": "person",
                "external_id": external_id,
                "person": {"name": {"first": "Jane", "last": "Doe"}},
                "contact": {"email": "jane@example.com", "phone": "+15551234567"},
            },
        }
    }
    return httpx.post(f"{sandbox.url}/v1/identity/accounts", json=body, headers={"X-Api-Key": key})


def new_session(
    sandbox: RunningSandbox, account_id: str, key: str = DEFAULT_API_KEY
) -> dict[str, Any]:
    body = {
        "data": {
            "type": "session",
            "attributes": {"entity_type": "person"},
            "relationships": {"account": {"data": {"type": "account", "id": account_id}}},
        }
    }
    url = f"{sandbox.url}/v1/identity/sessions"
    response = httpx.post(url, json=body, headers={"X-Api-Key": key})
    assert response.status_code == 201, response.text
    return dict(response.json()["data"])


def finish(sandbox: RunningSandbox, session_id: str, outcome: str = "clean_pass") -> str:
    httpx.get(f"{sandbox.url}/beltic/session/{session_id}")  # opening the link: started
    page = httpx.post(f"{sandbox.url}/beltic/session/{session_id}", data={"outcome": outcome})
    return page.text.split('id="status">')[1].split("<")[0]


def status_of(sandbox: RunningSandbox, session_id: str) -> str:
    response = httpx.get(f"{sandbox.url}/v1/identity/sessions/{session_id}", headers=KEY)
    return str(response.json()["data"]["attributes"]["status"])


def act(sandbox: RunningSandbox, session_id: str, action: str, key: str = DEFAULT_API_KEY):
    url = f"{sandbox.url}/v1/identity/sessions/{session_id}/{action}"
    return httpx.post(url, headers={"X-Api-Key": key})


def test_a_missing_or_wrong_key_is_a_json_api_401(beltic):
    for headers in ({}, {"X-Api-Key": "nope"}):
        response = httpx.get(f"{beltic.url}/v1/identity/sessions", headers=headers)
        assert response.status_code == 401
        assert response.json()["errors"][0]["status"] == "401"


def test_create_is_validated_with_a_pointer_and_an_unknown_account_is_404(beltic):
    bad = httpx.post(
        f"{beltic.url}/v1/identity/sessions",
        json={"data": {"type": "session", "attributes": {"entity_type": "robot"}}},
        headers=KEY,
    )
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["source"]["pointer"].startswith("/data")
    body = {
        "data": {
            "type": "session",
            "attributes": {"entity_type": "person"},
            "relationships": {"account": {"data": {"type": "account", "id": "nope"}}},
        }
    }
    response = httpx.post(f"{beltic.url}/v1/identity/sessions", json=body, headers=KEY)
    assert response.status_code == 404


def test_one_external_id_is_one_account(beltic):
    assert new_account(beltic).status_code == 201
    again = new_account(beltic)
    assert again.status_code == 422
    assert again.json()["errors"][0]["source"]["pointer"] == "/data/attributes/external_id"
    found = httpx.get(
        f"{beltic.url}/v1/identity/accounts", params={"filter[external_id]": "user-1"}, headers=KEY
    ).json()
    assert len(found["data"]) == 1


def test_the_lifecycle_sets_each_timestamp(beltic):
    account_id = new_account(beltic).json()["data"]["id"]
    session = new_session(beltic, account_id)
    assert session["attributes"]["status"] == "created"
    assert session["attributes"]["person"]["name"]["first"] == "Jane"  # from the account
    httpx.get(f"{beltic.url}/beltic/session/{session['id']}")
    assert status_of(beltic, session["id"]) == "started"
    assert finish(beltic, session["id"], "pep_sanctions_hit") == "marked_for_review"
    history = [s for _, s in beltic.store.history(session["id"])]
    assert history == ["created", "started", "pending", "marked_for_review"]
    approved = act(beltic, session["id"], "approve").json()["data"]["attributes"]
    assert approved["status"] == "approved"
    assert approved["started_at"] and approved["marked_for_review_at"] and approved["decisioned_at"]


def test_decisions_need_the_permission_and_a_finished_flow(beltic):
    account_id = new_account(beltic).json()["data"]["id"]
    session_id = new_session(beltic, account_id)["id"]
    assert act(beltic, session_id, "approve").status_code == 409  # not finished yet
    assert finish(beltic, session_id) == "completed"
    assert act(beltic, session_id, "decline").status_code == 200
    assert act(beltic, session_id, "decline").status_code == 200  # the same again: no-op
    assert act(beltic, session_id, "approve").status_code == 409  # final
    assert act(beltic, session_id, "expire").status_code == 409


def test_a_key_without_sessions_decide_is_a_403(beltic):
    account_id = new_account(beltic, key=READ_ONLY_KEY).json()["data"]["id"]
    session_id = new_session(beltic, account_id, key=READ_ONLY_KEY)["id"]
    assert finish(beltic, session_id) == "completed"
    forbidden = act(beltic, session_id, "approve", READ_ONLY_KEY)
    assert forbidden.status_code == 403
    assert "sessions:decide" in forbidden.json()["errors"][0]["detail"]


def test_expire_and_redact(beltic):
    account_id = new_account(beltic).json()["data"]["id"]
    session_id = new_session(beltic, account_id)["id"]
    expired = act(beltic, session_id, "expire").json()["data"]["attributes"]
    assert (expired["status"], bool(expired["expired_at"])) == ("expired", True)
    redacted = act(beltic, session_id, "redact").json()["data"]["attributes"]
    assert redacted["status"] == "expired" and redacted["redacted_at"]
    assert redacted["person"] is None and redacted["contact"] is None
    assert act(beltic, session_id, "redact").status_code == 200  # again: no-op


def test_cursor_pages_filters_and_total(beltic):
    account_id = new_account(beltic).json()["data"]["id"]
    ids = [new_session(beltic, account_id)["id"] for _ in range(5)]
    finish(beltic, ids[0])
    url = f"{beltic.url}/v1/identity/sessions"
    first = httpx.get(url, params={"page[size]": "2", "page[total]": "true"}, headers=KEY).json()
    assert [s["id"] for s in first["data"]] == [ids[4], ids[3]]
    assert first["meta"]["page"] == {"size": 2, "hasNext": True, "hasPrevious": False, "total": 5}
    cursor = first["links"]["next"].split("page%5Bafter%5D=")[1]
    key = json.loads(base64.urlsafe_b64decode(httpx.QueryParams(f"c={cursor}")["c"]))
    assert key["id"] == ids[3] and "created_at" in key["values"]
    second = httpx.get(first["links"]["next"], headers=KEY).json()
    assert [s["id"] for s in second["data"]] == [ids[2], ids[1]]
    back = httpx.get(second["links"]["prev"], headers=KEY).json()
    assert [s["id"] for s in back["data"]] == [ids[4], ids[3]]
    completed = httpx.get(url, params={"filter[status]": "completed"}, headers=KEY).json()
    assert [s["id"] for s in completed["data"]] == [ids[0]]
    bad = httpx.get(url, params={"page[size]": "500"}, headers=KEY)
    assert bad.status_code == 400


def test_the_hook_through_the_lifecycle(beltic):
    hook = BelticHook("beltic_default")
    applicant = Applicant("Jane", "Doe", "jane@example.com", "+15551234567", "u-9")
    session = hook.create_session(applicant)
    assert session.url == f"{beltic.url}/beltic/session/{session.id}"
    assert hook.create_session(applicant).id == session.id  # the open one, taken back
    finish(beltic, session.id)
    assert hook.get_session(session.id).state is SessionState.SUBMITTED
    assert [s.id for s in hook.iter_sessions(state=SessionState.SUBMITTED)] == [session.id]
    assert hook.decide(session.id, Decision.APPROVE).state is SessionState.APPROVED
    assert hook.run_action(session.id, "redact") is not None


def test_the_hook_says_which_permission_is_missing(beltic, monkeypatch):
    conn = beltic.connection_json(READ_ONLY_KEY, vendor="beltic")
    monkeypatch.setenv("AIRFLOW_CONN_BELTIC_READ_ONLY", conn)
    hook = BelticHook("beltic_read_only")
    session = hook.create_session(
        Applicant("Jane", "Doe", "jane@example.com", "+15551234567", "u-1")
    )
    finish(beltic, session.id)
    with pytest.raises(AuthenticationError, match="lacks the sessions:decide permission"):
        hook.decide(session.id, Decision.APPROVE)


def test_lost_create_answers_make_no_second_account_or_session(beltic):
    httpx.put(f"{beltic.url}/_sandbox/faults", json=Faults(drop_after_create=2).to_dict())
    hook = BelticHook("beltic_default")
    hook.sleep = lambda _: None
    anonymous = Applicant("Jane", "Doe", "jane@example.com", "+15551234567")
    session = hook.create_session(anonymous, idempotency_key="airflow-task-key")
    assert [s.id for s in hook.iter_sessions()] == [session.id]
    accounts = httpx.get(f"{beltic.url}/v1/identity/accounts", headers=KEY).json()["data"]
    assert [a["attributes"]["external_id"] for a in accounts] == ["airflow-task-key"]


def test_review_pages_by_cursor_while_it_decides(beltic):
    hook = BelticHook("beltic_default")
    ids = []
    for n in range(5):
        applicant = Applicant("A", "B", f"user{n}@example.com", "+15551234567", f"u-{n}")
        ids.append(hook.create_session(applicant).id)
        finish(beltic, ids[-1])

    def approve_even(session):  # Beltic reports no analysis: a policy over other facts
        keep = ids.index(session.id) % 2
        return PolicyResult(Decision.MANUAL_REVIEW if keep else Decision.APPROVE, ["test"])

    op = ReviewSessionsOperator(
        task_id="review", conn_id="beltic_default", policy=approve_even, page_size=2
    )
    result = op.execute(make_context())
    assert result["counts"] == {"approve": 3, "manual_review": 2, "skipped": 0}
    assert sorted(hook.get_session(i).vendor_status for i in ids) == (
        ["approved"] * 3 + ["completed"] * 2
    )


# -- what Beltic's documents describe -------------------------------------------------------
ADA = Applicant("Ada", "Lovelace", "ada@example.com", "+15550100001", "applicant-ada")


def test_beltic_accounts_keep_identity_numbers_and_business_and_can_be_read_by_id(beltic):
    body = {
        "data": {
            "type": "account",
            "attributes": {
                "entity_type": "business",
                "external_id": "acme",
                "business": {"legal_name": "Acme Ltd", "registration_date": "2020-01-31"},
                "identity_numbers": [{"number": "12345678", "issuing_country_code": "GB"}],
            },
        }
    }
    created = httpx.post(f"{beltic.url}/v1/identity/accounts", json=body, headers=KEY)
    assert created.status_code == 201, created.text
    account_id = created.json()["data"]["id"]
    read = httpx.get(f"{beltic.url}/v1/identity/accounts/{account_id}", headers=KEY)
    attributes = read.json()["data"]["attributes"]
    assert attributes["business"]["legal_name"] == "Acme Ltd"
    assert attributes["identity_numbers"] == [{"number": "12345678", "issuing_country_code": "GB"}]
    missing = httpx.get(f"{beltic.url}/v1/identity/accounts/nope", headers=KEY)
    assert missing.status_code == 404 and missing.json()["errors"][0]["status"] == "404"


def test_beltic_session_data_can_be_updated_until_it_is_submitted(beltic):
    account = new_account(beltic).json()["data"]
    session = new_session(beltic, account["id"])
    url = f"{beltic.url}/v1/identity/sessions/{session['id']}"
    change = {"data": {"type": "session", "attributes": {"person": {"birth_date": "1990-01-31"}}}}
    updated = httpx.patch(url, json=change, headers=KEY)
    assert updated.status_code == 200, updated.text
    assert updated.json()["data"]["attributes"]["person"]["birth_date"] == "1990-01-31"
    finish(beltic, session["id"])
    late = httpx.patch(url, json=change, headers=KEY)
    assert late.status_code == 409 and late.json()["errors"][0]["detail"]


def test_beltic_filters_are_all_honoured_and_unknown_ones_refused(beltic):
    account = new_account(beltic).json()["data"]
    new_session(beltic, account["id"])
    url = f"{beltic.url}/v1/identity/sessions"

    def count(**params: str) -> int:
        response = httpx.get(url, params=params, headers=KEY)
        assert response.status_code == 200, response.text
        return len(response.json()["data"])

    assert count(**{"filter[entity_type]": "person"}) == 1
    assert count(**{"filter[entity_type]": "business"}) == 0
    assert count(**{"filter[account]": account["id"]}) == 1
    assert count(**{"filter[status]": "completed"}) == 0
    for unknown in ("filter[foo]", "page[colour]"):
        refused = httpx.get(url, params={unknown: "bar"}, headers=KEY)
        assert refused.status_code == 400
        assert refused.json()["errors"][0]["source"]["pointer"]


def test_beltic_unrouted_paths_answer_json_api_errors(beltic):
    for method, path in (("GET", "/v1/identity/nothing"), ("DELETE", "/v1/identity/sessions")):
        response = httpx.request(method, f"{beltic.url}{path}", headers=KEY)
        assert response.status_code in (404, 405)
        [error] = response.json()["errors"]
        assert error["status"] == str(response.status_code) and error["title"]


def test_the_beltic_hook_takes_a_create_answered_with_200(beltic, monkeypatch):
    hook = BelticHook("beltic_default")
    hook.sleep = lambda _: None
    # A server that answers the creates with 200 instead of 201 (not excluded by the docs).
    monkeypatch.setattr(
        "idv_sandbox.faults.FaultState.answer_after_create",
        _answer_with_200,
    )
    session = hook.create_session(ADA, vendor_options={"identity_numbers": [{"number": "1"}]})
    assert session.state is SessionState.PENDING
    [account] = httpx.get(f"{beltic.url}/v1/identity/accounts", headers=KEY).json()["data"]
    assert account["attributes"]["identity_numbers"] == [{"number": "1"}]


async def _answer_with_200(self, status, body):
    return 200, body
