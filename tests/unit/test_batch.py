"""Waiting for many sessions at once: list pages instead of one call per session."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest
from airflow.sdk.exceptions import (
    AirflowException,
    AirflowSensorTimeout,
    AirflowSkipException,
    TaskDeferred,
)
from airflow.sdk.module_loading import import_string

from idv_provider.applicants import Outcome
from idv_provider.exceptions import InvalidRequestError, NotFoundError
from idv_provider.sensors import SessionsSubmittedSensor
from idv_provider.triggers import SessionsSubmittedTrigger
from idv_provider.vendors.deepidv.hook import DeepIdvHook
from tests.conftest import outcome_rows
from tests.fakes.context import make_context
from tests.fakes.deepidv import detail, session_record

ALL = [f"s-{n:04d}" for n in range(250)]  # newest first, as the vendor lists them


class FakeAccount:
    """A respx side effect serving ``GET /v1/sessions`` newest first from a status table."""

    def __init__(self, statuses: dict[str, str]) -> None:
        self.statuses = statuses
        self.offsets: list[int] = []
        #: status changes applied as each poll starts (at its first page)
        self.changes: list[dict[str, str]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        limit = int(request.url.params.get("limit", 20))
        offset = int(request.url.params.get("offset", 0))
        if offset == 0 and self.changes:
            self.statuses.update(self.changes.pop(0))
        self.offsets.append(offset)
        wanted = request.url.params.get("status")
        ids = [i for i, s in self.statuses.items() if wanted in (None, s)]
        data = [session_record(self.statuses[i], id=i) for i in ids[offset : offset + limit]]
        body = {"data": data, "total": len(ids), "hasMore": offset + limit < len(ids)}
        return httpx.Response(200, json={**body, "limit": limit, "offset": offset})


@pytest.fixture
def account(api) -> FakeAccount:
    fake = FakeAccount(dict.fromkeys(ALL, "PENDING"))
    api.get("/v1/sessions").mock(side_effect=fake)
    return fake


def test_find_sessions_reads_pages_until_every_id_is_seen(account, deepidv_conn):
    wanted = [ALL[3], ALL[150], ALL[42]]
    found = DeepIdvHook(deepidv_conn).find_sessions(wanted)
    assert set(found) == set(wanted)
    assert account.offsets == [0, 100]  # stopped once the last one (at 150) was seen


def test_find_sessions_reads_an_id_missing_from_the_pages_on_its_own(api, account, deepidv_conn):
    hook = DeepIdvHook(deepidv_conn)
    api.get("/v1/sessions/old-one").respond(200, json=detail("SUBMITTED", id="old-one"))
    api.get("/v1/sessions/bogus").respond(404, json={"message": "Session bogus not found"})
    found = hook.find_sessions([ALL[0], "old-one"])
    assert found["old-one"].vendor_status == "SUBMITTED"
    assert account.offsets == [0, 100, 200]  # the whole (short) list, then one GET
    with pytest.raises(NotFoundError):
        hook.find_sessions(["bogus"])


def test_the_page_walk_is_bounded(api, account, deepidv_conn):
    """An unknown id must not walk a huge account: 2 x the pages the ids fill, plus 5."""
    account.statuses = {f"other-{n}": "PENDING" for n in range(5000)}
    api.get("/v1/sessions/s-0001").respond(200, json=detail("PENDING", id="s-0001"))
    DeepIdvHook(deepidv_conn).find_sessions(["s-0001"])
    assert len(account.offsets) == 2 * 1 + 5


def sensor(ids=None, **kwargs) -> SessionsSubmittedSensor:
    return SessionsSubmittedSensor(task_id="wait_all", session_ids=ids or ALL, **kwargs)


def test_a_poke_costs_a_call_per_page_not_per_session(account):
    for n, session_id in enumerate(ALL):
        account.statuses[session_id] = ["SUBMITTED", "REJECTED", "PENDING"][n % 3]
    result = sensor().poke(make_context())
    assert account.offsets == [0, 100, 200]  # 250 sessions, 3 calls
    assert not result.is_done
    progress = result.xcom_value
    assert len(progress["submitted"]) == 84 and len(progress["waiting"]) == 83
    assert "rejected" in progress["ended"][ALL[1]]


def test_the_batch_is_done_when_none_is_waiting(account):
    account.statuses.update(dict.fromkeys(ALL, "SUBMITTED"))
    account.statuses[ALL[7]] = "VOIDED"
    result = sensor().poke(make_context())
    assert result.is_done
    assert len(result.xcom_value["submitted"]) == 249 and list(result.xcom_value["ended"]) == [
        ALL[7]
    ]


@pytest.mark.parametrize("ids", ["s-0001", ["ok", ""], [None]])
def test_bad_session_ids_are_refused_before_any_call(api, ids):
    with pytest.raises(InvalidRequestError, match="session_ids must be"):
        SessionsSubmittedSensor(task_id="w", session_ids=ids).poke(make_context())
    assert not api.calls


@pytest.mark.parametrize("deferrable", [False, True])
def test_nothing_to_wait_for_skips_before_any_call(api, deferrable):
    """Every applicant onboarded before (or refused): the batch hands over no session."""
    with pytest.raises(AirflowSkipException, match="No session to wait for"):
        SessionsSubmittedSensor(task_id="w", session_ids=[], deferrable=deferrable).execute(
            make_context()
        )
    assert not api.calls


def test_deferrable_checks_once_then_hands_every_id_to_the_trigger(account):
    with pytest.raises(TaskDeferred) as deferred:
        sensor(deferrable=True, timeout=3600, poke_interval=30).execute(make_context())
    trigger = deferred.value.trigger
    assert isinstance(trigger, SessionsSubmittedTrigger)
    assert trigger.session_ids == ALL and trigger.poll_interval == 30
    assert deferred.value.timeout.total_seconds() == 3600


def test_execute_complete_fails_closed():
    s = sensor(deferrable=True)
    done = {"submitted": ["a"], "ended": {}, "waiting": []}
    assert s.execute_complete({}, {"status": "success", "message": "ok", "progress": done}) == done
    with pytest.raises(AirflowSensorTimeout, match="2 still waiting"):
        s.execute_complete({}, {"status": "timeout", "message": "2 still waiting"})
    with pytest.raises(AirflowException, match="boom"):
        s.execute_complete({}, {"status": "error", "message": "boom"})
    with pytest.raises(AirflowException):  # a "success" that still has waiting sessions
        s.execute_complete({}, {"status": "success", "progress": {**done, "waiting": ["b"]}})
    with pytest.raises(AirflowException, match="unexpected trigger event"):
        s.execute_complete({}, None)


def trigger(**kwargs) -> SessionsSubmittedTrigger:
    params = {
        "conn_id": "idv_default",
        "session_ids": ALL[:120],
        "end_time": time.time() + 60,
        "poll_interval": 0.01,
    }
    return SessionsSubmittedTrigger(**{**params, **kwargs})


def test_trigger_serialize_round_trip():
    classpath, kwargs = trigger(accept_decided=True).serialize()
    assert classpath == "idv_provider.triggers.batch.SessionsSubmittedTrigger"
    assert import_string(classpath)(**kwargs).serialize() == (classpath, kwargs)


def run_trigger(t: SessionsSubmittedTrigger) -> dict:
    return asyncio.run(anext(t.run())).payload


def test_trigger_polls_only_the_sessions_still_waiting(account):
    account.changes = [
        {ALL[5]: "SUBMITTED", ALL[110]: "VOIDED"},
        dict.fromkeys(ALL[:120], "SUBMITTED"),
    ]
    event = run_trigger(trigger())
    assert event["status"] == "success"
    progress = event["progress"]
    assert len(progress["submitted"]) == 119 and list(progress["ended"]) == [ALL[110]]
    assert progress["waiting"] == []
    assert account.offsets == [0, 100, 0, 100]  # two polls of two pages


def test_trigger_times_out_with_the_progress(account):
    event = run_trigger(trigger(end_time=time.time()))
    assert event["status"] == "timeout"
    assert len(event["progress"]["waiting"]) == 120
    assert "0 submitted" in event["message"]


def test_trigger_reports_an_error_as_an_event(api):
    api.get("/v1/sessions").respond(401, json={"message": "bad key"})
    event = run_trigger(trigger())
    assert (event["status"], event["error_type"]) == ("error", "AuthenticationError")
    assert event["http_status"] == 401


def test_voided_expired_and_deleted_sessions_end_the_wait_and_are_written_back(
    api, account, outcomes
):
    wanted = ALL[:4]
    account.statuses = {ALL[0]: "SUBMITTED", ALL[1]: "VOIDED", ALL[2]: "REJECTED"}
    api.get(f"/v1/sessions/{ALL[3]}").respond(404, json={"message": "not found"})
    outcomes.upsert(
        [Outcome(f"ref-{n}", sid, "deepidv", "pending") for n, sid in enumerate(wanted)]
    )
    result = sensor(wanted, outcomes=outcomes).poke(make_context())
    assert result.is_done  # a deleted session is no longer waited on
    assert result.xcom_value["endings"] == {ALL[1]: "voided", ALL[2]: "rejected", ALL[3]: "deleted"}
    rows = outcome_rows(outcomes)
    assert [rows[f"ref-{n}"]["status"] for n in range(4)] == [
        "pending",  # submitted: the deciding task writes it
        "voided",
        "rejected",
        "deleted",
    ]
    assert all(rows[f"ref-{n}"]["updated_at"] for n in (1, 2, 3))


async def test_the_trigger_reports_deleted_sessions_as_ended(api, account):
    account.statuses = {ALL[0]: "SUBMITTED"}
    api.get(f"/v1/sessions/{ALL[1]}").respond(404, json={"message": "not found"})
    event = (
        await SessionsSubmittedTrigger(
            conn_id="idv_default", session_ids=ALL[:2], end_time=time.time() + 60
        )
        .run()
        .__anext__()
    )
    assert event.payload["status"] == "success"
    assert event.payload["progress"]["endings"] == {ALL[1]: "deleted"}


def test_a_trigger_error_is_raised_again_typed(account):
    with pytest.raises(NotFoundError):
        sensor().execute_complete(
            {}, {"status": "error", "message": "gone", "error_type": "NotFoundError"}
        )
