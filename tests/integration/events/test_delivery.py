"""From the applicant's last click to the decision, over real HTTP on loopback: the sandbox
delivers Didit's signed webhook to the plugin's app, which records one asset event; the
deciding operator reads the session it names and decides it: two API calls, never a decision
on the event's word."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from idv_provider.applicants import Outcome
from idv_provider.events.app import create_app
from idv_provider.events.model import session_events_asset, signed
from idv_provider.events.plugin import URL_PREFIX
from idv_provider.exceptions import InvalidRequestError, TransientError
from idv_provider.hooks import get_idv_hook
from idv_provider.models import Applicant, Decision, VerificationSession
from idv_provider.operators import DecideSessionEventsOperator
from idv_provider.policy import PolicyResult
from idv_sandbox import DEFAULT_API_KEY, RunningSandbox, SandboxConfig, running_sandbox
from idv_sandbox.registry import sandbox_vendor
from idv_sandbox.server import serving
from tests.conftest import outcome_rows, set_connection
from tests.fakes.context import make_context
from tests.integration.events.conftest import recorded

pytestmark = pytest.mark.integration
CONN_ID = "idv_didit_live"
SECRET = "whsec_live_0123456789"


@pytest.fixture
def api_server() -> Iterator[str]:
    """The plugin's app served over HTTP, mounted as the API server mounts it."""
    server_app = FastAPI()
    server_app.mount(URL_PREFIX, create_app())
    with serving(server_app) as url:
        yield url


@pytest.fixture
def didit(monkeypatch: pytest.MonkeyPatch, consumed, api_server) -> Iterator[RunningSandbox]:
    with running_sandbox(config=SandboxConfig(auto_submit_after=None)) as running:
        extra = {**sandbox_vendor("didit").connection_extra(running.url), "webhook_secret": SECRET}
        set_connection(
            monkeypatch,
            conn_type="didit",
            conn_id=CONN_ID,
            host=running.url,
            password=DEFAULT_API_KEY,
            extra=extra,
        )
        consumed(CONN_ID)
        destination = {"url": f"{api_server}/idv/webhooks/{CONN_ID}", "secret": SECRET}
        assert httpx.put(f"{running.url}/_sandbox/webhooks/didit", json=destination).is_success
        yield running


def finish_flow(sandbox: RunningSandbox, outcome: str) -> str:
    email = f"jane+{outcome}@example.com"
    session = get_idv_hook(CONN_ID).create_session(
        Applicant("Jane", "Doe", email, "+15555550100", external_id=f"ref-{outcome}"),
        send_email_invite=False,
        send_phone_invite=False,
    )
    url = session.url or ""
    httpx.get(url)
    assert httpx.post(url, data={"outcome": outcome}).status_code in (200, 303)
    return session.id


def delivered(sandbox: RunningSandbox, session_id: str, count: int) -> list[dict[str, Any]]:
    """The session's deliveries, once ``count`` of them are done (the outbox sends them from
    its own thread as soon as the status changes)."""
    deadline = time.monotonic() + 30
    while True:
        report = httpx.get(f"{sandbox.url}/_sandbox/webhooks").json()
        mine = [d for d in report if d["session_id"] == session_id]
        if len(mine) == count and all(d["delivered"] for d in mine):
            return mine
        assert time.monotonic() < deadline, mine
        time.sleep(0.05)


class TriggeringEvents:
    """The part of a run's ``triggering_asset_events`` the operator reads."""

    def __init__(self, conn_id: str, extras: list[dict[str, Any]]) -> None:
        self.asset = session_events_asset(conn_id)
        self.events = [SimpleNamespace(extra=e, timestamp=datetime.now(UTC)) for e in extras]

    def __iter__(self) -> Iterator[Any]:
        return iter([self.asset])

    def __getitem__(self, asset: Any) -> list[Any]:
        assert asset is self.asset
        return self.events


def api_calls(sandbox: RunningSandbox) -> int:
    return int(httpx.get(f"{sandbox.url}/_sandbox/stats").json()["total"])


def rejects_on_a_pep_hit(session: VerificationSession) -> PolicyResult:
    assert session.analysis is not None and session.analysis.pep_hits  # as read just now
    return PolicyResult(Decision.REJECT, ["PEP hit"])


def test_a_submitted_flow_is_delivered_recorded_and_decided_on_a_fresh_read(didit):
    session_id = finish_flow(didit, "pep_sanctions_hit")  # Didit asks for a review
    deliveries = delivered(didit, session_id, 2)  # In Progress, then In Review
    assert [d["status"] for d in deliveries] == ["In Progress", "In Review"]
    (extra,) = recorded(CONN_ID)
    assert (extra["session_id"], extra["status"]) == (session_id, "submitted")

    decide = DecideSessionEventsOperator(
        task_id="decide", conn_id=CONN_ID, policy=rejects_on_a_pep_hit
    )
    context = {**make_context(), "triggering_asset_events": TriggeringEvents(CONN_ID, [extra])}
    before = api_calls(didit)
    (result,) = decide.execute(context)
    assert (result["session_id"], result["decision"], result["status"]) == (
        session_id,
        "reject",
        "rejected",
    )
    assert api_calls(didit) - before == 2  # the read, then the decision
    # the decision comes back as a webhook: delivered, and not news (no second run)
    delivered(didit, session_id, 3)
    assert len(recorded(CONN_ID)) == 1


def approves(session: VerificationSession) -> PolicyResult:
    return PolicyResult(Decision.APPROVE, ["approved by a test policy"])


@pytest.mark.parametrize("try_number", [1, 2])
def test_a_decline_made_after_the_event_stands_whatever_the_event_says(didit, try_number):
    """A reviewer declines between the event and the run (or the event is replayed later):
    the run reads the session, and a policy that would approve overturns nothing."""
    session_id = finish_flow(didit, "pep_sanctions_hit")
    delivered(didit, session_id, 2)
    (extra,) = recorded(CONN_ID)
    get_idv_hook(CONN_ID).decide(session_id, Decision.REJECT)  # decided meanwhile
    context = {**make_context(), "triggering_asset_events": TriggeringEvents(CONN_ID, [extra])}
    context["ti"].try_number = try_number
    before = api_calls(didit)
    decide = DecideSessionEventsOperator(task_id="decide", conn_id=CONN_ID, policy=approves)
    (result,) = decide.execute(context)
    assert (result["status"], result["decision"]) == ("rejected", "manual_review")
    assert any("does not overturn" in reason for reason in result["reasons"])
    assert api_calls(didit) - before == 1  # the read; nothing written
    assert get_idv_hook(CONN_ID).get_session(session_id).vendor_status == "Declined"


def test_a_session_deleted_since_the_event_is_written_back_as_ended(didit, outcomes):
    gone = finish_flow(didit, "pep_sanctions_hit")
    delivered(didit, gone, 2)
    extras = {e["session_id"]: e for e in recorded(CONN_ID)}
    outcomes.upsert([Outcome("ref-gone", gone, "didit", "submitted")])
    get_idv_hook(CONN_ID).run_action(gone, "delete")
    context = {
        **make_context(),
        "triggering_asset_events": TriggeringEvents(CONN_ID, [extras[gone]]),
    }
    decide = DecideSessionEventsOperator(task_id="decide", conn_id=CONN_ID, outcomes=outcomes)
    (result,) = decide.execute(context)
    assert (result["decision"], result["status"]) == (None, "deleted")
    row = outcome_rows(outcomes)["ref-gone"]
    assert row["status"] == "deleted" and row["updated_at"] and row["decision"] is None


def test_an_event_of_another_vendor_is_refused_and_the_others_still_decided(didit):
    session_id = finish_flow(didit, "pep_sanctions_hit")
    delivered(didit, session_id, 2)
    (extra,) = recorded(CONN_ID)
    foreign = signed({**extra, "session_id": "sess_0001", "vendor": "deepidv"}, DEFAULT_API_KEY)
    context = {
        **make_context(),
        "triggering_asset_events": TriggeringEvents(CONN_ID, [foreign, extra]),
    }
    decide = DecideSessionEventsOperator(
        task_id="decide", conn_id=CONN_ID, policy=rejects_on_a_pep_hit
    )
    with pytest.raises(InvalidRequestError, match="1 of 2 sessions were not decided: sess_0001"):
        decide.execute(context)
    assert get_idv_hook(CONN_ID).get_session(session_id).state.value == "rejected"


def test_an_asset_event_written_by_someone_else_decides_nothing(didit):
    """Airflow's REST API lets a user with asset permissions write an asset event: one that
    claims perfect scores for a session in review is refused, and the session stays as it is."""
    session_id = finish_flow(didit, "pep_sanctions_hit")
    delivered(didit, session_id, 2)
    (extra,) = recorded(CONN_ID)
    perfect = {"liveness_score": 1.0, "face_match_score": 1.0, "pep_hits": 0, "sanction_hits": 0}
    forged = {**extra, "analysis": perfect}  # the recorded signature no longer matches
    context = {**make_context(), "triggering_asset_events": TriggeringEvents(CONN_ID, [forged])}
    before = api_calls(didit)
    decide = DecideSessionEventsOperator(task_id="decide", conn_id=CONN_ID)
    with pytest.raises(InvalidRequestError, match=r"^1 asset event\(s\) refused"):
        decide.execute(context)
    assert api_calls(didit) == before  # nothing read, nothing written
    assert get_idv_hook(CONN_ID).get_session(session_id).vendor_status == "In Review"


def test_a_vendor_outage_leaves_the_task_to_its_retries(didit):
    session_id = finish_flow(didit, "pep_sanctions_hit")
    delivered(didit, session_id, 2)
    (extra,) = recorded(CONN_ID)
    outage = {"fail": [{"status": 503, "count": 20, "method": "PATCH", "retry_after": 0}]}
    assert httpx.put(f"{didit.url}/_sandbox/faults", json=outage).is_success
    context = {**make_context(), "triggering_asset_events": TriggeringEvents(CONN_ID, [extra])}
    decide = DecideSessionEventsOperator(
        task_id="decide", conn_id=CONN_ID, policy=rejects_on_a_pep_hit
    )
    with pytest.raises(TransientError, match=f"1 of 1 sessions were not decided: {session_id}"):
        decide.execute(context)
    httpx.delete(f"{didit.url}/_sandbox/faults")
    context["ti"].try_number = 2  # the retry reads the session, then decides it
    (result,) = decide.execute(context)
    assert result["status"] == "rejected"
