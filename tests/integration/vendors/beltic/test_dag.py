"""The same onboarding DAG, unchanged, against the sandbox's Beltic API."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest

from idv_sandbox import Faults, MailSink, SandboxConfig, running_sandbox
from tests.integration.conftest import REPO, assert_no_secrets, onboarding_run, outcome_rows

pytestmark = pytest.mark.integration
sys.path.insert(0, str(REPO / "examples"))
from sample_applicants import SAMPLE_APPLICANTS as APPLICANTS  # noqa: E402

FINAL = {
    "applicant-001": "completed",
    "applicant-002": "marked_for_review",  # face mismatch
    "applicant-003": "marked_for_review",  # expired document
}


def test_onboarding_dag_on_beltic(airflow_home: Path, tmp_path: Path):
    """Every account and session create loses its answer once; the hook finds what it made.
    Beltic reports no analysis, so the policy leaves every session to a reviewer."""
    config = SandboxConfig(auto_submit_after=1.0, faults=Faults(drop_after_create=6))
    with running_sandbox(tmp_path / "sandbox.db", config) as sandbox, MailSink() as mail:
        output = onboarding_run(airflow_home, sandbox, mail, "beltic", tmp_path / "applicants.db")
        assert config.faults.drop_after_create == 0  # every create lost its answer once
        store = sandbox.store
        rows = store.query(
            "SELECT s.id, a.external_id FROM beltic_sessions s "
            "JOIN beltic_accounts a ON a.id = s.account_id"
        )
        final = {external_id: store.history(sid)[-1][1] for sid, external_id in rows}
        accounts = store.query("SELECT COUNT(*) FROM beltic_accounts")[0][0]
    assert accounts == len(rows) == len(APPLICANTS)  # nothing duplicated
    assert final == FINAL
    assert len(mail.messages) == len(APPLICANTS)  # the invites carry the session_url link
    sessions = {external_id: session_id for session_id, external_id in rows}
    assert outcome_rows(tmp_path / "applicants.db") == {
        ref: (sessions[ref], "beltic", "submitted", "manual_review") for ref in FINAL
    }

    db = sqlite3.connect(airflow_home / "airflow.db")
    (run_id,) = db.execute(
        "SELECT run_id FROM dag_run WHERE dag_id = 'idv_onboarding' ORDER BY id DESC LIMIT 1"
    ).fetchone()
    decisions = [
        json.loads(v)
        for (v,) in db.execute(
            "SELECT value FROM xcom WHERE task_id = 'onboard.decide' AND key = 'return_value' "
            "AND run_id = ?",
            (run_id,),
        )
    ]
    assert [d["decision"] for d in decisions] == ["manual_review"] * 3
    assert_no_secrets(airflow_home, output)
