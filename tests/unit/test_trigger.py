"""The deferrable trigger: serialization and its run loop under asyncio."""

from __future__ import annotations

import time

import httpx
import pytest
import respx
from airflow.sdk.module_loading import import_string

from idv_provider.triggers import SessionSubmittedTrigger
from tests.conftest import API_URL
from tests.payloads import SESSION_ID, detail


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


async def test_errors_become_an_error_event(api):
    api.get(f"/v1/sessions/{SESSION_ID}").respond(401, json={"message": "bad key"})
    event = await trigger().run().__anext__()
    assert event.payload["status"] == "error"
    assert "AuthenticationError" in event.payload["message"]
