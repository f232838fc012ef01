"""The review DAG decides a backlog of 1,000 submitted sessions, run by `airflow dags test`."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import httpx
import pytest

from idv_sandbox import DEFAULT_API_KEY, Outcome, SandboxConfig, key_label, running_sandbox
from tests.integration.conftest import dags_test

pytestmark = pytest.mark.integration
BACKLOG = 1000
MIX = {
    Outcome.CLEAN_PASS: 0.7,
    Outcome.FACE_MISMATCH: 0.1,
    Outcome.EXPIRED_DOCUMENT: 0.1,
    Outcome.PEP_SANCTIONS_HIT: 0.1,
}


def test_review_dag_decides_every_submitted_session(airflow_home: Path, tmp_path: Path):
    config = SandboxConfig(auto_submit_after=None, outcome_mix=MIX, seed=7)
    reports = tmp_path / "reports"
    with running_sandbox(tmp_path / "sandbox.db", config) as sandbox:
        seeded = sandbox.service("deepidv").seed(DEFAULT_API_KEY, BACKLOG, sandbox.url)
        dags_test(
            airflow_home,
            "idv_review",
            AIRFLOW_CONN_IDV_DEFAULT=sandbox.connection_json(),
            IDV_REVIEW_REPORT_DIR=str(reports),
        )
        sessions = sandbox.service("deepidv").sessions
        final = {sid: sessions.get(DEFAULT_API_KEY, sid).record["status"] for sid in seeded}  # type: ignore[union-attr]
        calls = httpx.get(f"{sandbox.url}/_sandbox/stats").json()["requests"][
            key_label(DEFAULT_API_KEY)
        ]

    db = sqlite3.connect(airflow_home / "airflow.db")
    (value,) = db.execute(
        "SELECT value FROM xcom WHERE dag_id = 'idv_review' AND key = 'return_value'"
    ).fetchone()
    summary = json.loads(value)
    counts = summary["counts"]
    # every session was reviewed once: decided at the vendor, or left submitted for a person
    assert sum(counts.values()) == BACKLOG
    left = {sid for sid, status in final.items() if status == "SUBMITTED"}
    assert counts["manual_review"] == summary["manual_review_total"] == len(left) > 0
    assert counts["approve"] == sum(s == "VERIFIED" for s in final.values()) > 0
    assert counts["reject"] == sum(s == "REJECTED" for s in final.values()) > 0
    assert counts["skipped"] == 0
    assert {m["session_id"] for m in summary["manual_review"]} <= left
    assert all(m["reasons"] for m in summary["manual_review"])

    # cheap: one list call per page, one write per decision, no per-session reads
    decided = counts["approve"] + counts["reject"]
    assert calls["PATCH /v1/sessions/{sessionId}"] == decided
    assert "GET /v1/sessions/{sessionId}" not in calls
    assert calls["GET /v1/sessions"] <= BACKLOG // 100 + len(left) // 100 + 2

    report = Path(summary["report_path"]).read_text()
    assert report.startswith("# Verification review: idv_review / ")
    assert f"| approve | {counts['approve']} |" in report
    assert all(session_id in report for session_id in left)
    assert "applicant0" not in report and "Seed" not in report  # ids and reasons only, no PII
