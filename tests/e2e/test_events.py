"""Session events in the real deployment: the plugin on the API server, asset events in
PostgreSQL, the scheduler starting ``idv_event_decisions`` runs, the triggerer's shared poll.

Didit's sandbox delivers signed webhooks to ``/idv/webhooks/idv_default`` on the API server
(configured per test, as an account's webhook destination is); the applicant's browser comes
back to ``/idv/landing/idv_default``. No sensor waits anywhere here.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from idv_sandbox import DEFAULT_API_KEY
from idv_sandbox.config import DEFAULT_DIDIT_WORKFLOW_ID
from idv_sandbox.vendors.didit.webhooks import status_updated
from tests.e2e.deployment import Deployment, wait_until_up
from tests.e2e.test_deployment import connection, use_vendor

pytestmark = [pytest.mark.e2e, pytest.mark.integration]
DAG, POLLED_DAG = "idv_event_decisions", "idv_polled_decisions"
SECRET = "whsec_e2e_0123456789abcdef"
KEY = {"x-api-key": DEFAULT_API_KEY}


@pytest.fixture
def events(airflow_deployment: Deployment) -> Iterator[Deployment]:
    """``idv_default`` is Didit with a webhook secret, and the deciding DAG is unpaused; the
    sandbox's webhooks are switched off again afterwards (other tests poll)."""
    d = airflow_deployment
    use_vendor(d, "didit")
    body = connection(d, "didit")
    body["extra"] = json.dumps({**json.loads(body["extra"]), "webhook_secret": SECRET})
    d.set_connection("idv_default", body)
    d.wait_for_dag(DAG)
    d.api("PATCH", f"/dags/{DAG}", json={"is_paused": False})
    yield d
    webhooks(d, None)
    d.api("PATCH", f"/dags/{DAG}", json={"is_paused": True})


def webhooks(d: Deployment, url: str | None) -> None:
    """Didit's webhook destination for the account (``None``: none)."""
    destination = {"url": url, "secret": SECRET if url else None}
    assert httpx.put(f"{d.sandbox_url}/_sandbox/webhooks/didit", json=destination).is_success


def webhook_url(d: Deployment) -> str:
    return f"{d.api_url}/idv/webhooks/idv_default"


def create(d: Deployment, outcome: str, callback: str | None = None) -> dict[str, Any]:
    """A Didit session, as the create operator makes it; the outcome rides on the email."""
    body: dict[str, Any] = {
        "workflow_id": DEFAULT_DIDIT_WORKFLOW_ID,
        "vendor_data": f"e2e-{time.monotonic_ns()}",
        "contact_details": {"email": f"applicant+{outcome}@example.com"},
    }
    if callback:
        body["callback"] = callback
    made = httpx.post(f"{d.sandbox_url}/v3/session/", json=body, headers=KEY, timeout=30)
    assert made.status_code == 201, made.text
    return dict(made.json())


def finish(session: dict[str, Any], outcome: str) -> httpx.Response:
    """The applicant goes through the hosted flow; the sandbox's answer (a 303 to the
    callback, when there is one)."""
    httpx.get(session["url"])
    return httpx.post(session["url"], data={"outcome": outcome})


def status(d: Deployment, session_id: str) -> str:
    answer = httpx.get(f"{d.sandbox_url}/v3/session/{session_id}/decision/", headers=KEY)
    return str(answer.json()["status"])


def api_calls(d: Deployment) -> int:
    return int(httpx.get(f"{d.sandbox_url}/_sandbox/stats").json()["total"])


def recorded(d: Deployment, session_id: str) -> list[dict[str, Any]]:
    """The asset events the API server recorded for the session (from PostgreSQL)."""
    with d.database("airflow") as db, db.cursor() as cursor:
        cursor.execute(
            "SELECT e.extra FROM asset_event e JOIN asset a ON a.id = e.asset_id "
            "WHERE a.name = 'idv_sessions__idv_default' ORDER BY e.id"
        )
        extras = [row[0] if isinstance(row[0], dict) else json.loads(row[0]) for row in cursor]
    return [e for e in extras if e.get("session_id") == session_id]


def decisions(d: Deployment, dag_id: str, session_id: str) -> list[dict[str, Any]]:
    """What the successful runs of ``dag_id`` decided about the session."""
    runs = d.api("GET", f"/dags/{dag_id}/dagRuns", params={"state": "success", "limit": 100})
    found = []
    for run in runs["dag_runs"]:
        results = d.xcom(dag_id, run["dag_run_id"], "decide", -1, "return_value") or []
        found += [r for r in results if r["session_id"] == session_id]
    return found


def wait_decided(
    d: Deployment, session_id: str, dag_id: str = DAG, timeout: float = 240
) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        found = decisions(d, dag_id, session_id)
        if found:
            return found[0]
        d.check_alive()
        assert time.monotonic() < deadline, f"{session_id} never decided by {dag_id}"
        time.sleep(1)


def settle(d: Deployment) -> None:
    """Until no run of the deciding DAG is queued or running."""
    deadline = time.monotonic() + 120
    while True:
        runs = d.api("GET", f"/dags/{DAG}/dagRuns", params={"state": ["queued", "running"]})
        if not runs["dag_runs"]:
            return
        assert time.monotonic() < deadline, runs
        time.sleep(1)


def test_finished_flows_are_decided_through_the_webhook_on_a_fresh_read(events):
    d = events
    webhooks(d, webhook_url(d))
    session, other = create(d, "pep_sanctions_hit"), create(d, "pep_sanctions_hit")
    before = api_calls(d)
    finish(session, "pep_sanctions_hit")  # Didit sends them to review: ours to decide
    finish(other, "pep_sanctions_hit")  # at once: both in the coming run, or the next
    decided = wait_decided(d, session["session_id"])
    assert decided["decision"] == "reject" and decided["status"] == "rejected"
    assert wait_decided(d, other["session_id"], timeout=60)["status"] == "rejected"
    settle(d)
    # Airflow's calls: a read and a decision each (the applicants' flows are no API call)
    assert api_calls(d) - before == 4
    assert status(d, session["session_id"]) == "Declined"
    (event,) = recorded(d, session["session_id"])  # the decision's own webhook is no news
    assert (event["source"], event["status"]) == ("webhook", "submitted")
    assert "example.com" not in json.dumps(event)
    assert len(decisions(d, DAG, session["session_id"])) == 1


def test_forged_unsigned_and_replayed_webhooks_decide_nothing(events):
    d = events
    webhooks(d, None)  # the test delivers by hand
    session = create(d, "pep_sanctions_hit")
    finish(session, "pep_sanctions_hit")
    record = httpx.get(
        f"{d.sandbox_url}/v3/session/{session['session_id']}/decision/", headers=KEY
    ).json()
    _, sign = status_updated(record, SECRET)
    body, headers = sign(time.time())
    _, forge = status_updated(record, "a guessed secret")
    forged_body, forged_headers = forge(time.time())
    stale_body, stale_headers = sign(time.time() - 600)
    with httpx.Client(base_url=d.api_url, timeout=30) as client:
        url = "/idv/webhooks/idv_default"
        assert (
            client.post(url, content=body, headers={"Content-Type": "application/json"}).status_code
            == 401
        )
        assert client.post(url, content=forged_body, headers=forged_headers).status_code == 401
        assert client.post(url, content=stale_body, headers=stale_headers).status_code == 401
        assert recorded(d, session["session_id"]) == []
        # the genuine delivery, twice (the vendor retried, or someone replays it)
        assert client.post(url, content=body, headers=headers).json() == {"result": "recorded"}
        assert client.post(url, content=body, headers=headers).status_code == 401
    wait_decided(d, session["session_id"])
    settle(d)
    assert len(recorded(d, session["session_id"])) == 1
    assert len(decisions(d, DAG, session["session_id"])) == 1  # decided once


def test_the_landing_page_confirms_with_a_call_and_a_forged_one_decides_nothing(events):
    d = events
    webhooks(d, None)  # only the browser tells Airflow
    landing = f"{d.api_url}/idv/landing/idv_default"
    waiting = create(d, "pep_sanctions_hit", callback=landing)
    forged = httpx.get(
        landing,
        params={"verificationSessionId": waiting["session_id"], "status": "In Review"},
        headers={"Accept-Language": "fr"},
    )
    assert forged.status_code == 200 and "pas terminée" in forged.text
    assert recorded(d, waiting["session_id"]) == []

    before = api_calls(d)
    back = finish(waiting, "pep_sanctions_hit")
    assert back.status_code == 303
    page = httpx.get(back.headers["location"], headers={"Accept-Language": "es-MX,es;q=0.9"})
    assert page.status_code == 200 and "Gracias" in page.text
    decided = wait_decided(d, waiting["session_id"])
    assert decided["status"] == "rejected"
    settle(d)
    assert api_calls(d) - before == 3  # the landing's read; the run's read, then the decision
    (event,) = recorded(d, waiting["session_id"])
    assert event["source"] == "landing"


def test_a_webhook_sent_while_the_api_server_is_down_is_decided_after_the_retry(events):
    d = events
    webhooks(d, webhook_url(d))
    session = create(d, "pep_sanctions_hit")
    d.stop("api-server")
    try:
        finish(session, "pep_sanctions_hit")
        deadline = time.monotonic() + 30
        while True:  # the first attempt finds nobody there
            report = httpx.get(f"{d.sandbox_url}/_sandbox/webhooks").json()
            mine = [r for r in report if r["session_id"] == session["session_id"]]
            if any(r["status"] == "In Review" and r["attempts"] for r in mine):
                break
            assert time.monotonic() < deadline, mine
            time.sleep(0.5)
    finally:
        d.start_api_server()
        wait_until_up(d)
    decided = wait_decided(d, session["session_id"])
    assert decided["status"] == "rejected"
    report = httpx.get(f"{d.sandbox_url}/_sandbox/webhooks").json()
    (delivery,) = [
        r for r in report if r["session_id"] == session["session_id"] and r["status"] == "In Review"
    ]
    assert delivery["delivered"] and delivery["attempts"][0]["status"] == "ConnectError"


def test_a_vendor_that_pushes_nothing_is_polled_once_for_every_watcher(airflow_deployment):
    d = airflow_deployment
    d.set_connection("idv_polled", connection(d, "beltic"))
    seeded = httpx.post(
        f"{d.sandbox_url}/_sandbox/seed", json={"vendor": "beltic", "count": 2}, timeout=60
    )
    ids = seeded.json()["session_ids"]
    d.wait_for_dag(POLLED_DAG)
    d.api("PATCH", f"/dags/{POLLED_DAG}", json={"is_paused": False})
    try:
        for session_id in ids:  # Beltic reports no analysis: a person decides
            decided = wait_decided(d, session_id, POLLED_DAG, timeout=300)
            assert decided["decision"] == "manual_review"
    finally:
        d.api("PATCH", f"/dags/{POLLED_DAG}", json={"is_paused": True})
    triggerer = d.log("triggerer")
    assert "blocked for" not in triggerer, "the triggerer's event loop was blocked"


def test_an_asset_event_written_through_the_rest_api_decides_nothing(events):
    """A user with asset permissions can write an asset event: one that claims perfect scores
    for a session in review is not this deployment's (unsigned), and the session stays."""
    d = events
    webhooks(d, None)
    session = create(d, "pep_sanctions_hit")
    finish(session, "pep_sanctions_hit")
    (asset,) = d.api("GET", "/assets", params={"name_pattern": "idv_sessions__idv_default"})[
        "assets"
    ]
    perfect = {"liveness_score": 1.0, "face_match_score": 1.0, "pep_hits": 0, "sanction_hits": 0}
    forged = {
        "session_id": session["session_id"],
        "vendor": "didit",
        "status": "submitted",
        "vendor_status": "In Review",
        "source": "webhook",
        "flow_completed": True,
        "analysis": perfect,
        "signature": "0" * 64,
    }
    before = d.api("GET", f"/dags/{DAG}/dagRuns", params={"state": "failed"})["total_entries"]
    d.api("POST", "/assets/events", json={"asset_id": asset["id"], "extra": forged})
    deadline = time.monotonic() + 120
    while (
        d.api("GET", f"/dags/{DAG}/dagRuns", params={"state": "failed"})["total_entries"] == before
    ):
        d.check_alive()
        assert time.monotonic() < deadline, "the forged event started no run"
        time.sleep(1)
    assert status(d, session["session_id"]) == "In Review"
    assert decisions(d, DAG, session["session_id"]) == []


def test_a_reviewer_s_decline_survives_a_replayed_event(events):
    """A genuine, signed session event says "in review, every check passing". A reviewer
    declines the session at the vendor; then someone with asset permissions reads the event's
    extra through the REST API and posts it again. The run it starts reads the session and
    overturns nothing: the decline stands, and nothing is written to the vendor."""
    d = events
    webhooks(d, None)  # the test delivers by hand
    d.api("PATCH", f"/dags/{DAG}", json={"is_paused": True})  # no run before the replay
    session, passing = create(d, "pep_sanctions_hit"), create(d, "clean_pass")
    finish(session, "pep_sanctions_hit")
    finish(passing, "clean_pass")
    key = {"x-api-key": DEFAULT_API_KEY}
    decision = f"{d.sandbox_url}/v3/session/{{}}/decision/"
    record = httpx.get(decision.format(session["session_id"]), headers=KEY).json()
    clean = httpx.get(decision.format(passing["session_id"]), headers=key).json()
    checks = ("id_verifications", "liveness_checks", "face_matches", "aml_screenings", "warnings")
    record.update({name: clean[name] for name in checks})  # in review, every check passing
    _, sign = status_updated(record, SECRET)
    body, headers = sign(time.time())
    delivered = httpx.post(webhook_url(d), content=body, headers=headers, timeout=30)
    assert delivered.json() == {"result": "recorded"}
    (genuine,) = recorded(d, session["session_id"])
    assert genuine["status"] == "submitted" and genuine["analysis"]["sanction_hits"] == 0
    declined = httpx.patch(
        f"{d.sandbox_url}/v3/session/{session['session_id']}/update-status/",
        json={"new_status": "Declined", "comment": "a reviewer's decision"},
        headers=key,
    )
    assert declined.status_code == 200, declined.text
    (asset,) = d.api("GET", "/assets", params={"name_pattern": "idv_sessions__idv_default"})[
        "assets"
    ]
    events_listed = d.api("GET", "/assets/events", params={"asset_id": asset["id"], "limit": 100})
    (extra,) = [
        e["extra"]
        for e in events_listed["asset_events"]
        if e["extra"].get("session_id") == session["session_id"]
    ]
    d.api("PATCH", f"/dags/{DAG}", json={"is_paused": False})
    before = api_calls(d)
    d.api("POST", "/assets/events", json={"asset_id": asset["id"], "extra": extra})  # replayed
    decided = wait_decided(d, session["session_id"])
    settle(d)
    assert api_calls(d) - before == 1  # the read: nothing written
    # decided on what the vendor says now (the real analysis, the reviewer's decline)
    assert decided["status"] == "rejected" and decided["decision"] != "approve"
    assert status(d, session["session_id"]) == "Declined"
