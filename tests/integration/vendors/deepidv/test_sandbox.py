"""The hook against the sandbox over real HTTP: lifecycle, idempotency, errors, auto mode."""

from __future__ import annotations

import time

import httpx
import pytest

from idv_provider.exceptions import (
    AuthenticationError,
    ConflictError,
    InvalidRequestError,
    NotFoundError,
)
from idv_provider.models import Applicant, Decision, SessionState
from idv_provider.vendors.deepidv.hook import DeepIdvHook
from idv_sandbox import DEFAULT_API_KEY, RunningSandbox
from tests.conftest import CONN_ID, set_connection

pytestmark = [pytest.mark.integration, pytest.mark.timing]


def applicant(n: int = 1, tag: str = "") -> Applicant:
    return Applicant(
        "Jane",
        f"Doe{n}",
        f"jane{n}{tag}@example.com",
        f"+1555000{n:04d}",
        external_id=f"applicant-{n}",
    )


def wait_for_state(hook: DeepIdvHook, session_id: str, state: SessionState) -> None:
    deadline = time.monotonic() + 10
    while hook.get_session(session_id).state is not state:
        assert time.monotonic() < deadline, f"{session_id} never became {state}"
        time.sleep(0.1)


def test_full_lifecycle(sandbox: RunningSandbox):
    hook = DeepIdvHook(CONN_ID)
    created = hook.create_session(applicant(), redirect_url="https://app.test/back?x=1")
    assert created.url is not None
    assert created.url.startswith(f"{sandbox.url}/session/{created.id}?oid=")
    assert "redirect_url=https%3A%2F%2Fapp.test%2Fback%3Fx%3D1" in created.url
    assert hook.get_session(created.id).external_id == "applicant-1"
    wait_for_state(hook, created.id, SessionState.SUBMITTED)
    submitted = hook.get_session(created.id)
    assert submitted.analysis is not None and submitted.analysis.id_matches_selfie is True
    assert hook.decide(created.id, Decision.APPROVE).state is SessionState.APPROVED
    assert [s for _, s in sandbox.store.history(created.id)] == ["PENDING", "SUBMITTED", "VERIFIED"]


def test_email_tag_picks_the_outcome(sandbox: RunningSandbox):
    hook = DeepIdvHook(CONN_ID)
    created = hook.create_session(applicant(tag="+face_mismatch"))
    wait_for_state(hook, created.id, SessionState.SUBMITTED)
    analysis = hook.get_session(created.id).analysis
    assert analysis is not None and analysis.id_matches_selfie is False
    assert analysis.face_match_score is not None and analysis.face_match_score < 0.5


def test_same_idempotency_key_returns_the_same_session(sandbox: RunningSandbox):
    hook = DeepIdvHook(CONN_ID)
    first = hook.create_session(applicant(), idempotency_key="k-1")
    again = hook.create_session(applicant(), idempotency_key="k-1")
    assert first.id == again.id
    assert len(sandbox.service("deepidv").sessions.all_ids()) == 1
    with pytest.raises(ConflictError, match="conflicts with the session's state"):
        hook.create_session(applicant(2), idempotency_key="k-1")
    assert len(sandbox.service("deepidv").sessions.all_ids()) == 1


def test_forbidden_transitions_are_refused(sandbox: RunningSandbox):
    hook = DeepIdvHook(CONN_ID)
    created = hook.create_session(applicant(tag="+abandoned"))
    with pytest.raises(ConflictError, match="said: field: status"):
        hook.decide(created.id, Decision.APPROVE)
    assert hook.decide(created.id, Decision.VOID).state is SessionState.VOIDED
    assert hook.decide(created.id, Decision.VOID).state is SessionState.VOIDED  # repeatable


def test_list_pages_with_total_and_has_more(sandbox: RunningSandbox):
    hook = DeepIdvHook(CONN_ID)
    ids = [hook.create_session(applicant(n)).id for n in range(5)]
    page = hook.list_sessions(limit=2)
    assert page.total == 5 and page.has_more
    assert [s.id for s in page.sessions] == ids[::-1][:2]  # newest first
    assert sorted(s.id for s in hook.iter_sessions(page_size=2)) == sorted(ids)
    assert hook.list_sessions(state=SessionState.APPROVED).sessions == []


def test_wrong_api_key_is_refused(sandbox: RunningSandbox, monkeypatch):
    set_connection(monkeypatch, host=sandbox.url, password="not-the-key")
    with pytest.raises(AuthenticationError):
        DeepIdvHook(CONN_ID).list_sessions()


def test_unknown_session_is_not_found(sandbox: RunningSandbox):
    with pytest.raises(NotFoundError):
        DeepIdvHook(CONN_ID).get_session("no-such-session")


def test_vendor_side_validation_names_the_field(sandbox: RunningSandbox):
    hook = DeepIdvHook(CONN_ID)
    with pytest.raises(InvalidRequestError, match="field: phone"):
        hook.create_session(Applicant("J", "D", "j@example.com", "555"))
    with pytest.raises(NotFoundError, match="found nothing for POST /v1/sessions"):
        hook.create_session(applicant(), workflow_id="wf_nope")


def test_snake_case_aliases_and_camel_case_priority(sandbox: RunningSandbox):
    body = {
        "first_name": "Snake",
        "firstName": "Camel",
        "last_name": "Case",
        "email": "s@example.com",
        "phone": "+15550001111",
        "external_id": "ext-9",
    }
    response = httpx.post(
        f"{sandbox.url}/v1/sessions", json=body, headers={"x-api-key": DEFAULT_API_KEY}
    )
    assert response.status_code == 200 and response.json()["externalId"] == "ext-9"
    stored = sandbox.service("deepidv").sessions.get(DEFAULT_API_KEY, response.json()["id"])
    assert stored is not None and stored.applicant["firstName"] == "Camel"
