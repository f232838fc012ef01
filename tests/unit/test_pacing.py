"""What keeps many hooks cheap: one pace per account, one SSL context per process."""

from __future__ import annotations

import asyncio
import json
import ssl

import pytest

from idv_provider.pacing import RequestPacer
from idv_provider.vendors.deepidv.hook import DeepIdvHook
from tests.conftest import API_KEY, API_URL, CONN_ID
from tests.fakes.deepidv import SESSION_ID, detail


def test_the_pacer_spaces_requests_at_its_rate():
    pacer = RequestPacer(rate=10)
    waits = [pacer.reserve() for _ in range(4)]
    assert waits[0] == 0
    assert waits[1:] == pytest.approx([0.1, 0.2, 0.3], abs=0.01)


def test_the_pacer_lets_a_burst_through_first():
    pacer = RequestPacer(rate=10, burst=3)
    waits = [pacer.reserve() for _ in range(5)]
    assert waits[:3] == [0, 0, 0]
    assert waits[3:] == pytest.approx([0.1, 0.2], abs=0.01)


@pytest.mark.parametrize(("rate", "burst"), [(0, 1), (-1, 1), (5, 0)])
def test_the_pacer_refuses_nonsense(rate, burst):
    with pytest.raises(ValueError, match="rate must be positive"):
        RequestPacer(rate, burst)


@pytest.fixture
def paced_conn(monkeypatch: pytest.MonkeyPatch, api, request: pytest.FixtureRequest) -> str:
    """A connection with ``rate_limit`` (20 a second, or the test's ``rate`` marker)."""
    monkeypatch.setattr("idv_provider.pacing._PACERS", {})  # no pace left by other tests
    marker = request.node.get_closest_marker("rate")
    conn = {
        "conn_type": "deepidv",
        "password": API_KEY,
        "host": API_URL,
        "extra": {"rate_limit": marker.args[0] if marker else 20},
    }
    monkeypatch.setenv(f"AIRFLOW_CONN_{CONN_ID.upper()}", json.dumps(conn))
    api.get(f"/v1/sessions/{SESSION_ID}").respond(200, json=detail())
    return CONN_ID


def test_hooks_of_one_account_share_its_pace(paced_conn):
    slept: list[float] = []
    first, second = DeepIdvHook(paced_conn), DeepIdvHook(paced_conn)
    for hook in (first, second):
        hook.sleep = slept.append
    for _ in range(3):
        first.get_session(SESSION_ID)
        second.get_session(SESSION_ID)
    # six requests at 20 a second: each waits for the slot after the previous one, so the
    # last waits about 5 x 0.05 s less the time the calls took (a pacer per hook: 0.1 s)
    assert len(slept) == 5 and slept == sorted(slept)
    assert 0.15 < slept[-1] <= 0.25


@pytest.mark.rate(2)  # slow enough that the calls' own time hardly matters
def test_the_async_path_is_paced_too(paced_conn):
    slept: list[float] = []
    hook = DeepIdvHook(paced_conn)

    async def record(seconds: float) -> None:
        slept.append(seconds)

    hook.async_sleep = record

    async def three() -> None:
        for _ in range(3):
            await hook.aget_session(SESSION_ID)

    asyncio.run(three())
    assert len(slept) == 2
    assert 0.3 < slept[0] <= 0.5 and 0.8 < slept[1] <= 1.0


def test_no_rate_limit_no_pacing(deepidv_conn, api):
    api.get(f"/v1/sessions/{SESSION_ID}").respond(200, json=detail())
    hook = DeepIdvHook(deepidv_conn)
    hook.sleep = lambda seconds: pytest.fail(f"slept {seconds}")
    for _ in range(5):
        hook.get_session(SESSION_ID)


def test_hooks_share_one_verifying_ssl_context(deepidv_conn):
    """Loading the CA bundle per client would cost a triggerer tens of ms per poll."""
    first = DeepIdvHook(deepidv_conn).client.get_httpx_client()
    second = DeepIdvHook(deepidv_conn).client.get_httpx_client()
    contexts = [c._transport._pool._ssl_context for c in (first, second)]
    assert contexts[0] is contexts[1]
    assert contexts[0].verify_mode is ssl.CERT_REQUIRED and contexts[0].check_hostname
