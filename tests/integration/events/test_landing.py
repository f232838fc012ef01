"""The landing page ``redirect_url`` points at, against the sandbox over real HTTP: it thanks
the applicant in their language, and records the session's news only once the vendor's API
confirms it (one call), never on the query string's word."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from urllib.parse import urlsplit

import httpx
import pytest

from idv_provider.hooks import get_idv_hook
from idv_provider.models import Applicant
from idv_sandbox import DEFAULT_API_KEY, RunningSandbox, SandboxConfig, running_sandbox
from tests.conftest import set_connection
from tests.integration.events.conftest import recorded, sessions_recorded

pytestmark = pytest.mark.integration
CONN_ID = "idv_landing"
APPLICANT = Applicant("Jane", "Doe", "jane@example.com", "+15555550100", external_id="app-1")
LANDING = f"https://airflow.test/idv/landing/{CONN_ID}"


@pytest.fixture
def deepidv(monkeypatch: pytest.MonkeyPatch, consumed) -> Iterator[RunningSandbox]:
    """deepidv's sandbox with auto mode off: only the test finishes a flow."""
    with running_sandbox(config=SandboxConfig(auto_submit_after=None)) as running:
        set_connection(monkeypatch, conn_id=CONN_ID, host=running.url, password=DEFAULT_API_KEY)
        consumed(CONN_ID)
        yield running


def created(sandbox: RunningSandbox) -> str:
    session = get_idv_hook(CONN_ID).create_session(
        APPLICANT, redirect_url=LANDING, send_email_invite=False, send_phone_invite=False
    )
    return session.id


def finished(sandbox: RunningSandbox, session_id: str) -> str:
    """The applicant ends the hosted flow; the query string the browser comes back with."""
    ended = httpx.post(f"{sandbox.url}/session/{session_id}", data={"ending": "success"})
    assert ended.status_code == 303
    target = urlsplit(ended.headers["location"])
    assert target.path == f"/idv/landing/{CONN_ID}"
    return target.query


def api_calls(sandbox: RunningSandbox) -> int:
    return int(httpx.get(f"{sandbox.url}/_sandbox/stats").json()["total"])


def land(app, query: str, **headers: str) -> httpx.Response:
    answer: httpx.Response = app.get(f"/landing/{CONN_ID}?{query}", headers=headers)
    return answer


def test_a_finished_flow_is_confirmed_with_one_call_and_recorded_once(plugin_app, deepidv):
    query = finished(deepidv, session_id := created(deepidv))
    before = api_calls(deepidv)
    page = land(plugin_app, query)
    assert page.status_code == 200
    assert "Thank you" in page.text and "complete" in page.text
    assert api_calls(deepidv) - before == 1
    (event,) = sessions_recorded(CONN_ID, DEFAULT_API_KEY)
    assert (event.session_id, event.source.value, event.state.value) == (
        session_id,
        "landing",
        "submitted",
    )
    assert event.analysis is not None  # the deciding task needs no second read
    assert "jane" not in str(recorded(CONN_ID)).lower()

    again = land(plugin_app, query)  # a reload costs no call and records nothing
    assert "Thank you" in again.text
    assert api_calls(deepidv) - before == 1
    assert len(recorded(CONN_ID)) == 1


def test_a_forged_success_for_an_unfinished_session_records_nothing(plugin_app, deepidv):
    session_id = created(deepidv)  # the applicant has not been through the flow
    page = land(plugin_app, f"session_id={session_id}&status=success")
    assert page.status_code == 200
    assert "not complete" in page.text
    assert recorded(CONN_ID) == []


@pytest.mark.parametrize(
    "query",
    [
        "session_id=00000000-0000-4000-8000-000000000000&status=success",  # no such session
        "session_id=../../etc&status=success",  # not a session id
        "status=success",  # no session id at all
        "session_id=abc&status=approved-by-me",  # not a status the vendor sends
        "session_id=abc%00def&status=success",  # a NUL: never reaches a query
        "session_id=" + "a" * 5000 + "&status=success",  # no id of the vendor's format
    ],
)
def test_a_link_this_deployment_did_not_send_is_refused(plugin_app, deepidv, query):
    page = land(plugin_app, query)
    assert page.status_code == 404
    assert "did not send" in page.text
    assert recorded(CONN_ID) == []


def test_a_flow_that_did_not_end_in_success_costs_no_call(plugin_app, deepidv):
    session_id = created(deepidv)
    before = api_calls(deepidv)
    page = land(plugin_app, f"session_id={session_id}&status=abandoned&reason=user_cancelled")
    assert "not complete" in page.text
    assert api_calls(deepidv) == before


@pytest.mark.parametrize(
    ("query", "accept", "says"),
    [
        ("", "fr-CA,fr;q=0.9,en;q=0.5", "Merci"),
        ("&lang=es", "fr", "Gracias"),  # the link's language wins over the browser's
        ("", "de-DE,de;q=0.9", "Thank you"),  # a language the page does not have: English
        ("&lang=<script>", "x;q=oops, es;q=0.8", "Gracias"),  # malformed parts are skipped
    ],
)
def test_the_page_speaks_the_applicant_s_language(plugin_app, deepidv, query, accept, says):
    landing = finished(deepidv, created(deepidv)) + query
    page = land(plugin_app, landing, **{"Accept-Language": accept})
    assert says in page.text
    assert "<script>" not in page.text


def test_the_page_is_neither_cached_nor_referred_nor_scripted(plugin_app, deepidv):
    page = land(plugin_app, finished(deepidv, created(deepidv)))
    assert page.headers["cache-control"] == "no-store"
    assert page.headers["referrer-policy"] == "no-referrer"
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert page.headers["x-frame-options"] == "DENY"  # never framed: no clickjacking


@pytest.mark.parametrize("path", ["/openapi.json", "/docs", "/redoc"])
def test_the_plugin_serves_no_description_of_its_routes(plugin_app, path):
    assert plugin_app.get(path).status_code == 404


@pytest.mark.parametrize("status", ["Resubmitted", "Awaiting User", "Kyc Expired", "Not Started"])
def test_every_status_didit_redirects_with_has_a_page_and_costs_no_call(
    plugin_app, monkeypatch, status
):
    set_connection(
        monkeypatch,
        conn_type="didit",
        conn_id="idv_didit_landing",
        host="http://127.0.0.1:9",
        password=DEFAULT_API_KEY,
    )
    query = {"verificationSessionId": "11111111-2222-3333-4444-555555555555", "status": status}
    page = plugin_app.get("/landing/idv_didit_landing", params=query)  # no vendor to call here
    assert page.status_code == 200 and "Not finished yet" in page.text


UNKNOWN = "session_id={}&status=success"


def test_an_unknown_id_costs_one_call_however_often_it_lands(plugin_app, deepidv):
    before = api_calls(deepidv)
    for _ in range(20):
        assert land(plugin_app, UNKNOWN.format("nobody-0001")).status_code == 404
    assert api_calls(deepidv) - before == 1


def test_a_flood_of_unknown_ids_spends_the_landing_budget_and_no_more(
    plugin_app, deepidv, landing_guard
):
    before = api_calls(deepidv)
    pages = [land(plugin_app, UNKNOWN.format(f"flood-{n:04d}")) for n in range(40)]
    assert api_calls(deepidv) - before == landing_guard.burst  # then the budget is spent
    busy = [p for p in pages if p.status_code == 503]
    assert len(busy) == 40 - landing_guard.burst
    assert all(p.headers["retry-after"] == "5" for p in busy)
    assert "reload this page" in busy[0].text


def test_no_free_slot_means_try_again_shortly_without_a_call(plugin_app, deepidv, landing_guard):
    query = finished(deepidv, created(deepidv))
    before = api_calls(deepidv)
    with ExitStack() as held:
        for _ in range(landing_guard.concurrent):  # every slot taken by landings in flight
            held.enter_context(landing_guard.lookup("another_conn"))
        page = land(plugin_app, query)
    assert page.status_code == 503 and page.headers["retry-after"] == "5"
    assert api_calls(deepidv) == before
    assert land(plugin_app, query).status_code == 200  # a moment later: confirmed


def test_a_rate_limited_vendor_gets_one_attempt_and_no_wait(plugin_app, deepidv):
    """The vendor answers 429 with Retry-After 20: the landing does not retry (a worker thread
    of the API server would wait a minute), it says it will check later."""
    query = finished(deepidv, created(deepidv))
    fault = {"fail": [{"status": 429, "count": 5, "method": "GET", "retry_after": 20}]}
    assert httpx.put(f"{deepidv.url}/_sandbox/faults", json=fault).is_success
    before = api_calls(deepidv)
    page = land(plugin_app, query)
    assert page.status_code == 200 and "could not confirm" in page.text
    assert api_calls(deepidv) - before == 1
    assert recorded(CONN_ID) == []
