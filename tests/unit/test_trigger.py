"""The deferrable trigger: serialization and its run loop under asyncio."""

from __future__ import annotations

import subprocess
import sys
import time

import httpx
import pytest
import respx
from airflow.sdk import RetryAction
from airflow.sdk.exceptions import TaskDeferred
from airflow.sdk.module_loading import import_string

from idv_provider.applicants import Outcome
from idv_provider.exceptions import (
    AuthenticationError,
    InvalidRequestError,
    NotFoundError,
    RateLimitedError,
    ServerError,
    SessionFailedError,
)
from idv_provider.retry import IDV_RETRY_POLICY
from idv_provider.sensors import SessionSubmittedSensor
from idv_provider.triggers import SessionSubmittedTrigger
from idv_provider.triggers.loop import SETTLE_SECONDS
from tests.conftest import API_URL, outcome_rows
from tests.fakes.context import make_context
from tests.fakes.deepidv import SESSION_ID, detail


def trigger(**kwargs) -> SessionSubmittedTrigger:
    params = {
        "conn_id": "idv_default",
        "session_id": SESSION_ID,
        "end_time": time.time() + 60,
        "poll_interval": 0.01,
    }
    return SessionSubmittedTrigger(**{**params, **kwargs})


def test_serialize_round_trip():
    original = trigger(accept_decided=True)
    classpath, kwargs = original.serialize()
    rebuilt = import_string(classpath)(**kwargs)
    assert rebuilt.serialize() == (classpath, kwargs)
    assert classpath == "idv_provider.triggers.sessions.SessionSubmittedTrigger"


@pytest.fixture
def api(deepidv_conn: str):
    with respx.mock(base_url=API_URL) as router:
        yield router


async def test_polls_until_submitted(api):
    route = api.get(f"/v1/sessions/{SESSION_ID}")
    route.side_effect = [
        httpx.Response(200, json=detail("PENDING")),
        httpx.Response(200, json=detail("SUBMITTED")),
    ]
    event = await trigger().run().__anext__()
    assert event.payload["status"] == "success"
    assert event.payload["session"]["status"] == "submitted"
    assert route.call_count == 2


async def test_failed_session_fires_failed(api):
    api.get(f"/v1/sessions/{SESSION_ID}").respond(200, json=detail("VOIDED"))
    event = await trigger().run().__anext__()
    assert event.payload["status"] == "failed"
    assert "voided" in event.payload["message"]


async def test_own_deadline_fires_timeout(api):
    api.get(f"/v1/sessions/{SESSION_ID}").respond(200, json=detail("PENDING"))
    event = await trigger(end_time=time.time() - 1).run().__anext__()
    assert event.payload["status"] == "timeout"


async def test_errors_become_an_error_event_that_names_the_typed_error(api):
    api.get(f"/v1/sessions/{SESSION_ID}").respond(401, json={"message": "bad key"})
    event = await trigger().run().__anext__()
    assert (event.payload["status"], event.payload["error_type"]) == (
        "error",
        "AuthenticationError",
    )
    assert event.payload["http_status"] == 401


@pytest.mark.parametrize(
    ("status", "body", "raised", "retried"),
    [
        (404, {"message": "no such session"}, NotFoundError, False),
        (401, {"message": "bad key"}, AuthenticationError, False),
        (400, {"message": "bad id"}, InvalidRequestError, False),
        (429, {"message": "slow down"}, RateLimitedError, True),
        (503, {"message": "down"}, ServerError, True),
    ],
)
async def test_a_deferred_sensor_raises_the_trigger_s_error_typed(
    api, status, body, raised, retried
):
    """The retry policy sees the hook's own error: a permanent one fails at once, a transient
    one retries (no plain AirflowException waiting out the default retry delay)."""
    api.get(f"/v1/sessions/{SESSION_ID}").respond(status, json=body, headers={"Retry-After": "0"})
    event = await trigger().run().__anext__()
    sensor = SessionSubmittedSensor(task_id="wait", session_id=SESSION_ID)
    with pytest.raises(raised) as error:
        sensor.execute_complete(make_context(), event.payload)
    assert error.value.http_status == status
    decision = IDV_RETRY_POLICY.evaluate(error.value, try_number=1, max_tries=3)
    assert (decision.action is RetryAction.FAIL) is not retried


async def test_a_session_voided_or_deleted_while_deferred_is_written_back(api, outcomes):
    outcomes.upsert([Outcome("ref-1", SESSION_ID, "deepidv", "pending")])
    sensor = SessionSubmittedSensor(task_id="wait", session_id=SESSION_ID, outcomes=outcomes)
    api.get(f"/v1/sessions/{SESSION_ID}").respond(200, json=detail("VOIDED"))
    event = await trigger().run().__anext__()
    with pytest.raises(SessionFailedError):
        sensor.execute_complete(make_context(), event.payload)
    row = outcome_rows(outcomes)["ref-1"]
    assert row["status"] == "voided" and row["updated_at"] and "voided" in row["reasons"]
    api.get(f"/v1/sessions/{SESSION_ID}").respond(404, json={"message": "gone"})
    event = await trigger().run().__anext__()
    with pytest.raises(NotFoundError):
        sensor.execute_complete(make_context(), event.payload)
    assert outcome_rows(outcomes)["ref-1"]["status"] == "deleted"


def test_a_poked_sensor_writes_the_ending_back_too(api, outcomes):
    outcomes.upsert([Outcome("ref-1", SESSION_ID, "deepidv", "pending")])
    api.get(f"/v1/sessions/{SESSION_ID}").respond(200, json=detail("VOIDED"))
    sensor = SessionSubmittedSensor(
        task_id="wait", session_id=SESSION_ID, outcomes=outcomes, mode="reschedule"
    )
    with pytest.raises(SessionFailedError):
        sensor.poke(make_context())
    assert outcome_rows(outcomes)["ref-1"]["status"] == "voided"


# -- the triggerer's event loop: nothing blocking, nothing too fast ----------------------------
def test_importing_the_triggers_imports_no_hook_and_no_generated_client():
    # The triggerer imports a trigger's class inside its event loop: that import must be cheap.
    code = (
        "import sys, airflow.triggers.base, idv_provider.triggers, idv_provider.triggers.loop;"
        "heavy = [m for m in sys.modules if m.startswith(('idv_provider.hooks', 'deepidv_client',"
        " 'didit_client', 'beltic_client'))];"
        "print(','.join(heavy))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == ""


async def test_the_trigger_fires_no_sooner_than_not_before(api, monkeypatch):
    # Airflow 3.3.2's scheduler fails a deferred task whose trigger fires within seconds of
    # the deferral; the sensor passes not_before = deferral + SETTLE_SECONDS.
    api.get(f"/v1/sessions/{SESSION_ID}").respond(200, json=detail("SUBMITTED"))
    waited: list[float] = []
    now = 1_000.0

    async def fake_sleep(seconds: float) -> None:
        waited.append(seconds)

    monkeypatch.setattr("idv_provider.triggers.loop.time.time", lambda: now)
    monkeypatch.setattr("idv_provider.triggers.loop.asyncio.sleep", fake_sleep)
    events = [e async for e in trigger(not_before=now + SETTLE_SECONDS).run()]
    assert events[0].payload["status"] == "success"
    assert waited == [SETTLE_SECONDS]


def test_the_sensor_defers_with_a_settle_time(api):
    api.get(f"/v1/sessions/{SESSION_ID}").respond(200, json=detail("PENDING"))
    sensor = SessionSubmittedSensor(
        task_id="wait", session_id=SESSION_ID, deferrable=True, timeout=60
    )
    before = time.time()
    with pytest.raises(TaskDeferred) as deferred:
        sensor.execute(make_context())
    not_before = deferred.value.trigger.not_before
    assert before + SETTLE_SECONDS <= not_before <= time.time() + SETTLE_SECONDS
