"""Onboarding at volume in the real deployment: applicants in the application's PostgreSQL
database, one run of ``idv_batch_onboarding``, outcomes back in that database."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import httpx
import pytest

from idv_sandbox import DEFAULT_API_KEY, key_label
from tests.e2e.deployment import Deployment
from tests.e2e.test_deployment import use_vendor

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "examples"))
from sample_applicants import many_applicants

pytestmark = pytest.mark.e2e
DAG = "idv_batch_onboarding"
COUNT = 40


def task_states(d: Deployment, run_id: str) -> dict[str, str | None]:
    return {t["task_id"]: t["state"] for t in d.task_instances(DAG, run_id)}


def wait_for_state(d: Deployment, run_id: str, task_id: str, wanted: str) -> None:
    deadline = time.monotonic() + 300
    while task_states(d, run_id).get(task_id) != wanted:
        d.check_alive()
        assert time.monotonic() < deadline, f"{task_id}: {task_states(d, run_id)}"
        time.sleep(1)


def test_applicants_from_postgres_are_onboarded_in_three_tasks(airflow_deployment):
    d = airflow_deployment
    use_vendor(d, "deepidv")
    applicants = many_applicants(COUNT, start=500)
    d.add_applicants(applicants)
    references = [a["reference"] for a in applicants]
    httpx.delete(f"{d.sandbox_url}/_sandbox/stats")
    run_id = d.trigger(DAG, conf={"references": references})
    wait_for_state(d, run_id, "wait_for_submissions", "deferred")
    created = d.xcom(DAG, run_id, "create_sessions", -1, "return_value")
    assert created["created"] == COUNT and not created["failed"]
    with httpx.Client(base_url=d.sandbox_url, timeout=30) as sandbox:
        for session_id in created["session_ids"]:  # each applicant goes through the flow
            ended = sandbox.post(f"/session/{session_id}", data={"ending": "success"})
            assert ended.status_code == 303, ended.text
    assert d.wait_for_run(DAG, run_id) == "success"
    assert set(task_states(d, run_id)) == {"create_sessions", "wait_for_submissions", "decide"}

    with d.database("applicants") as db, db.cursor() as cursor:
        cursor.execute(
            "SELECT reference, session_id, vendor, status, decision FROM idv_outcomes "
            "WHERE reference LIKE 'bulk-%' ORDER BY reference"
        )
        rows = cursor.fetchall()
    by_reference = dict(zip(references, created["session_ids"], strict=True))
    assert rows == [
        (ref, by_reference[ref], "deepidv", "approved", "approve") for ref in references
    ]
    calls = httpx.get(f"{d.sandbox_url}/_sandbox/stats").json()["requests"]
    made = calls[key_label(DEFAULT_API_KEY)]
    assert made["POST /v1/sessions"] == COUNT  # one create per applicant
    assert made["PATCH /v1/sessions/{sessionId}"] == COUNT  # one decision each
    assert sum(made.values()) <= 2 * COUNT + 10  # and a few list pages
