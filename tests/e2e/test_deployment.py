"""The provider in a real deployment: what `airflow dags test` cannot show.

The example DAGs are triggered through Airflow's REST API and watched from the API and the
metadata database (PostgreSQL); the sandbox plays each vendor in turn (only the connection's
type changes). The sandbox's auto mode is off: each test finishes its applicants' hosted flows
itself, after the sensors have deferred — nothing races a timer.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

import httpx
import pytest

from idv_sandbox import DEFAULT_API_KEY, Outcome
from idv_sandbox.outcomes import choose_outcome
from idv_sandbox.registry import sandbox_vendor
from tests.e2e.deployment import REPO, Deployment

pytestmark = [pytest.mark.e2e, pytest.mark.integration]
sys.path.insert(0, str(REPO / "examples"))
from sample_applicants import SAMPLE_APPLICANTS as APPLICANTS  # noqa: E402

DAG = "idv_onboarding"
CREATE, WAIT, DECIDE = "onboard.create_session", "onboard.wait_for_submission", "onboard.decide"
EXPECTED = {
    "deepidv": ["approve", "reject", "reject"],
    "didit": ["approve", "reject", "reject"],  # Didit's workflow decides; the policy agrees
    "beltic": ["manual_review"] * 3,  # Beltic reports no analysis: a person decides
}


def connection(d: Deployment, vendor: str) -> dict[str, Any]:
    return {
        "conn_type": vendor,
        "host": d.sandbox_url,
        "password": DEFAULT_API_KEY,
        "extra": json.dumps(sandbox_vendor(vendor).connection_extra(d.sandbox_url)),
    }


def use_vendor(d: Deployment, vendor: str) -> None:
    d.set_connection("idv_default", connection(d, vendor))
    smtp_extra = {
        "from_email": "onboarding@example.com",
        "disable_ssl": True,
        "disable_tls": True,
        "retry_limit": 0,
    }
    d.set_connection(
        "smtp_default",
        {
            "conn_type": "smtp",
            "host": "127.0.0.1",
            "port": d.smtp_port,
            "extra": json.dumps(smtp_extra),
        },
    )


def outcome_rows(d: Deployment) -> dict[str, dict[str, Any]]:
    """The application's outcome rows (PostgreSQL), by reference."""
    with d.database("applicants") as db, db.cursor() as cursor:
        cursor.execute("SELECT * FROM idv_outcomes")
        columns = [c[0] for c in cursor.description]
        return {row[0]: dict(zip(columns, row, strict=True)) for row in cursor.fetchall()}


def states(d: Deployment, run_id: str, task_id: str) -> list[str | None]:
    found = [t for t in d.task_instances(DAG, run_id) if t["task_id"] == task_id]
    return [t["state"] for t in sorted(found, key=lambda t: t["map_index"])]


def wait_for(
    d: Deployment, run_id: str, task_id: str, wanted: set[str], count: int = 3, timeout: float = 300
) -> None:
    deadline = time.monotonic() + timeout
    while True:
        now = states(d, run_id, task_id)
        if len(now) == count and all(state in wanted for state in now):
            return
        d.check_alive()
        assert time.monotonic() < deadline, f"{task_id}: {now}, waiting for {wanted}"
        time.sleep(1)


def finish_flow(d: Deployment, vendor: str, session_id: str) -> None:
    """The applicant goes through the hosted flow; the outcome comes from their email's tag."""
    with httpx.Client(base_url=d.sandbox_url, timeout=30) as client:
        if vendor == "deepidv":
            ended = client.post(f"/session/{session_id}", data={"ending": "success"})
            assert ended.status_code == 303, ended.text  # back to the redirect_url
        elif vendor == "didit":
            url = client.get(
                f"/v3/session/{session_id}/decision/", headers={"x-api-key": DEFAULT_API_KEY}
            ).json()["session_url"]
            client.get(url)
            ended = client.post(url, data={"outcome": outcome_of(session_id)})
            assert ended.status_code in (200, 303), ended.text
        else:
            client.get(f"/beltic/session/{session_id}")
            ended = client.post(
                f"/beltic/session/{session_id}", data={"outcome": outcome_of(session_id)}
            )
            assert ended.status_code == 200, ended.text


def outcome_of(session_id: str) -> str:
    """The ending the sandbox's own rule picks for this applicant (their email's +tag)."""
    email = SESSIONS[session_id]["email"]
    return choose_outcome(email, session_id, {Outcome.CLEAN_PASS: 1.0}).value


SESSIONS: dict[str, dict[str, str]] = {}  # session id → applicant, for the hosted flows


def start_onboarding(d: Deployment, vendor: str) -> tuple[str, list[str]]:
    """Trigger the onboarding DAG; the session ids once every sensor has deferred."""
    use_vendor(d, vendor)
    # as an application does for each signup: a run for these references (no PII in conf);
    # the same applicants again on every round: asked for explicitly
    references = [a["reference"] for a in APPLICANTS]
    run_id = d.trigger(DAG, conf={"references": references, "verify_again": True})
    wait_for(d, run_id, CREATE, {"success"})
    ids = [d.xcom(DAG, run_id, CREATE, i, "session_id") for i in range(len(APPLICANTS))]
    SESSIONS.update({sid: a for sid, a in zip(ids, APPLICANTS, strict=True)})
    # deferred: the triggerer, not a worker slot, waits for the applicants
    wait_for(d, run_id, WAIT, {"deferred"})
    return run_id, ids


@pytest.mark.parametrize(
    ("vendor", "round_"), [(v, n) for n in (1, 2) for v in ("deepidv", "didit", "beltic")]
)
def test_onboarding_decides_each_applicant_on_every_vendor(airflow_deployment, vendor, round_):
    """Every vendor, twice in a row: no run may fail because a trigger fired quickly."""
    d = airflow_deployment
    run_id, ids = start_onboarding(d, vendor)
    for session_id in ids:
        finish_flow(d, vendor, session_id)
    assert d.wait_for_run(DAG, run_id) == "success"
    decisions = [d.xcom(DAG, run_id, DECIDE, i, "return_value") for i in range(3)]
    assert [x["decision"] for x in decisions] == EXPECTED[vendor]
    assert [x["session_id"] for x in decisions] == ids
    # the sensors resumed after the triggerer's event: one try each, no scheduler race
    waits = [t for t in d.task_instances(DAG, run_id) if t["task_id"] == WAIT]
    assert [t["try_number"] for t in waits] == [1, 1, 1]


def test_a_voided_session_fails_its_own_group_only(airflow_deployment):
    d = airflow_deployment
    run_id, ids = start_onboarding(d, "deepidv")
    voided = httpx.patch(
        f"{d.sandbox_url}/v1/sessions/{ids[1]}",
        json={"status": "VOIDED"},
        headers={"x-api-key": DEFAULT_API_KEY},
    )
    assert voided.status_code == 200, voided.text
    finish_flow(d, "deepidv", ids[0])
    finish_flow(d, "deepidv", ids[2])
    assert d.wait_for_run(DAG, run_id) == "failed"
    assert states(d, run_id, WAIT) == ["success", "failed", "success"]
    assert states(d, run_id, DECIDE) == ["success", "upstream_failed", "success"]
    decided = [d.xcom(DAG, run_id, DECIDE, i, "return_value")["decision"] for i in (0, 2)]
    assert decided == ["approve", "reject"]
    # the application can tell the dropout from "still verifying"
    rows = outcome_rows(d)
    voided = rows[APPLICANTS[1]["reference"]]
    assert (voided["session_id"], voided["status"]) == (ids[1], "voided")
    assert voided["updated_at"] and voided["decision"] is None
    assert [rows[APPLICANTS[n]["reference"]]["status"] for n in (0, 2)] == [
        "approved",
        "rejected",
    ]


def test_an_onboarded_applicant_is_not_onboarded_again(airflow_deployment):
    """The same references again without verify_again: no second session, no second invite."""
    d = airflow_deployment
    use_vendor(d, "deepidv")
    before = outcome_rows(d)
    calls = httpx.get(f"{d.sandbox_url}/_sandbox/stats").json()["total"]
    references = [APPLICANTS[0]["reference"], APPLICANTS[2]["reference"]]  # decided above
    run_id = d.trigger(DAG, conf={"references": references})
    assert d.wait_for_run(DAG, run_id) == "success"
    assert states(d, run_id, CREATE)[:2] == ["skipped", "skipped"]
    assert httpx.get(f"{d.sandbox_url}/_sandbox/stats").json()["total"] == calls
    assert {r: outcome_rows(d)[r] for r in references} == {r: before[r] for r in references}


def test_the_extra_link_points_at_the_reviewer_console(airflow_deployment):
    d = airflow_deployment
    runs = d.api("GET", f"/dags/{DAG}/dagRuns", params={"state": "success", "limit": 1})
    [run] = runs["dag_runs"]
    links = d.api(
        "GET",
        f"/dags/{DAG}/dagRuns/{run['dag_run_id']}/taskInstances/{DECIDE}/links",
        params={"map_index": 0},
    )
    link = links["extra_links"]["Verification session"]
    assert link.startswith(d.sandbox_url) and "/console/" in link


def test_the_review_dag_decides_a_backlog_of_a_thousand(airflow_deployment):
    d = airflow_deployment
    use_vendor(d, "deepidv")
    seeded = httpx.post(
        f"{d.sandbox_url}/_sandbox/seed", json={"count": 1000, "submitted": True}, timeout=300
    )
    assert seeded.status_code == 200, seeded.text
    # Triggered by hand (no logical date); unpausing also starts the hourly schedule's run.
    manual = d.trigger("idv_review")
    assert d.wait_for_run("idv_review", manual, timeout=900) == "success"
    runs = d.api("GET", "/dags/idv_review/dagRuns", params={"order_by": "end_date"})["dag_runs"]
    for run in runs:
        assert d.wait_for_run("idv_review", run["dag_run_id"], timeout=900) == "success"
    # no hourly run later in the tier: it would decide (and count calls) in other tests
    d.api("PATCH", "/dags/idv_review", json={"is_paused": True})
    summaries = [d.xcom("idv_review", r["dag_run_id"], "review", -1, "return_value") for r in runs]
    decided = sum(s["counts"].get("approve", 0) + s["counts"].get("reject", 0) for s in summaries)
    key = {"x-api-key": DEFAULT_API_KEY}
    left = httpx.get(
        f"{d.sandbox_url}/v1/sessions", params={"status": "SUBMITTED", "limit": 1}, headers=key
    ).json()["total"]
    assert decided + left >= 1000 and decided > 0  # every seeded session decided or left
    last = max(runs, key=lambda r: r["end_date"] or "")
    last_summary = summaries[runs.index(last)]
    assert left == last_summary["manual_review_total"]  # only those left for a person
    reports = list((d.home.parent / "reports").glob("idv-review-*.md"))
    assert len(reports) == len(runs)  # the manual run's report has a name too


def test_nothing_blocked_the_triggerer_and_nothing_leaked(airflow_deployment):
    """Runs last (file order): looks at everything the runs above left behind."""
    d = airflow_deployment
    assert SESSIONS, "the onboarding runs come first"
    triggerer = d.log("triggerer")
    assert "SessionSubmittedTrigger" in triggerer or "trigger" in triggerer.lower()
    assert "blocked for" not in triggerer, "the triggerer's event loop was blocked"
    scheduler = d.log("scheduler")
    assert "XCom not found" not in scheduler
    assert "finished with state success, but the task instance's state" not in scheduler
    with d.database("airflow") as db, db.cursor() as cursor:
        stored = []
        for table in ("xcom", "rendered_task_instance_fields", "task_state_store"):
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - fixed table names
            stored.append(repr(cursor.fetchall()))
    haystacks = {
        "task logs": d.task_logs(),
        "triggerer": triggerer,
        "scheduler": scheduler,
        "metadata DB": "\n".join(stored),
    }
    secrets = [DEFAULT_API_KEY]
    for applicant in APPLICANTS:
        secrets += [applicant["email"], applicant["phone"], applicant["last_name"]]
    for where, text in haystacks.items():
        for secret in secrets:
            assert secret not in text, f"{secret!r} found in the {where}"
    # the applicants' bearer links: nowhere either, the task state store included
    assert "session_url" not in haystacks["metadata DB"]
    for link in bearer_links(d):
        for where, text in haystacks.items():
            assert link not in text, f"a bearer link in the {where}"


def bearer_links(d: Deployment) -> list[str]:
    """The hosted-flow links of every session the runs created (each vendor's shape)."""
    links = []
    for session_id in SESSIONS:
        if len(session_id) == 36:  # Didit or Beltic: Beltic's link is the connection's
            answer = httpx.get(
                f"{d.sandbox_url}/v3/session/{session_id}/decision/",
                headers={"x-api-key": DEFAULT_API_KEY},
            )
            links.append(
                answer.json()["session_url"]
                if answer.status_code == 200
                else f"/beltic/session/{session_id}"
            )
        else:  # deepidv
            links.append(f"/session/{session_id}")
    assert len(links) == len(SESSIONS) > 0
    return links
