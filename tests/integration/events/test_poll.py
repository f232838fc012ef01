"""The shared list poll against the sandbox over real HTTP: one listing a poll, and an event for
each session waiting for a decision."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from idv_provider.events.model import SessionEvent
from idv_provider.events.trigger import SubmittedSessionsTrigger
from idv_provider.hooks import get_idv_hook
from idv_provider.models import SessionState
from idv_sandbox import DEFAULT_API_KEY, RunningSandbox, SandboxConfig, running_sandbox
from idv_sandbox.registry import sandbox_vendor
from tests.conftest import set_connection

pytestmark = pytest.mark.integration


@pytest.fixture
def beltic(monkeypatch: pytest.MonkeyPatch) -> Iterator[RunningSandbox]:
    with running_sandbox(config=SandboxConfig(auto_submit_after=None)) as running:
        extra = sandbox_vendor("beltic").connection_extra(running.url)
        set_connection(
            monkeypatch,
            conn_type="beltic",
            conn_id="idv_polled",
            host=running.url,
            password=DEFAULT_API_KEY,
            extra=extra,
        )
        yield running


@pytest.mark.asyncio
async def test_one_poll_is_one_list_call_a_status_and_names_every_waiting_session(beltic):
    waiting = set(beltic.service("beltic").seed(DEFAULT_API_KEY, 3, beltic.url))
    beltic.service("beltic").seed(DEFAULT_API_KEY, 2, beltic.url, submitted=False)
    httpx.delete(f"{beltic.url}/_sandbox/stats")
    trigger = SubmittedSessionsTrigger(conn_id="idv_polled", poll_interval=60)
    stream = trigger.open_shared_stream(trigger.serialize()[1])
    first = await anext(stream)  # the first poll runs at once; the next waits the interval
    await stream.aclose()
    events = [SessionEvent.from_extra(extra, DEFAULT_API_KEY) for extra, _ in first]
    assert all(at is not None for _, at in first)  # Beltic lists when each was submitted
    assert {e.session_id for e in events} == waiting
    assert {(e.vendor, e.state.value, e.source.value) for e in events} == {
        ("beltic", "submitted", "poll")
    }
    # Beltic lists one status a call: one call for each of its statuses that mean "submitted"
    statuses = get_idv_hook("idv_polled").status_filter(SessionState.SUBMITTED)
    assert len(statuses) > 1
    assert httpx.get(f"{beltic.url}/_sandbox/stats").json()["total"] == len(statuses)
