"""The same onboarding DAG, unchanged, against the sandbox's Didit API: only the connection
differs."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

from idv_sandbox import Faults, MailSink, SandboxConfig, running_sandbox
from tests.integration.conftest import REPO, assert_no_secrets, onboarding_run, outcome_rows

pytestmark = pytest.mark.integration
sys.path.insert(0, str(REPO / "examples"))
from sample_applicants import SAMPLE_APPLICANTS as APPLICANTS  # noqa: E402

EXPECTED = {
    "applicant-001": ["Not Started", "Approved"],
    "applicant-002": ["Not Started", "Declined"],
    "applicant-003": ["Not Started", "Declined"],
}


def test_onboarding_dag_on_didit_survives_a_lost_create_response(
    airflow_home: Path, tmp_path: Path
):
    """Didit has no Idempotency-Key: every attempt of the first create is committed, then its
    answer lost; the hook's retries and the task's retry send the same vendor_data, so Didit
    hands back the one unfinished session. Auto mode finishes a flow a second after its link
    was handed out: the lost session's link reached nobody, so it stays unfinished until the
    retry gets it back, however long that takes (no race with the retry's delay)."""
    config = SandboxConfig(auto_submit_after=1.0, faults=Faults(drop_after_create=4))
    with running_sandbox(tmp_path / "sandbox.db", config) as sandbox, MailSink() as mail:
        output = onboarding_run(airflow_home, sandbox, mail, "didit", tmp_path / "applicants.db")
        assert config.faults.drop_after_create == 0  # the fault really fired
        store = sandbox.store
        rows = store.query("SELECT id, vendor_data FROM didit_sessions ORDER BY number")
        histories = {vd: [s for _, s in store.history(sid)] for sid, vd in rows}
    assert len(rows) == len(APPLICANTS)  # one session per applicant, none duplicated
    assert histories == EXPECTED  # Didit decided; the policy agreed and wrote nothing
    assert len(mail.messages) == len(APPLICANTS)
    # the outcome of each applicant back in the application's table, by reference
    sessions = {vendor_data: session_id for session_id, vendor_data in rows}
    assert outcome_rows(tmp_path / "applicants.db") == {
        "applicant-001": (sessions["applicant-001"], "didit", "approved", "approve"),
        "applicant-002": (sessions["applicant-002"], "didit", "rejected", "reject"),
        "applicant-003": (sessions["applicant-003"], "didit", "rejected", "reject"),
    }

    db = sqlite3.connect(airflow_home / "airflow.db")
    (run_id,) = db.execute(
        "SELECT run_id FROM dag_run WHERE dag_id = 'idv_onboarding' ORDER BY id DESC LIMIT 1"
    ).fetchone()
    tries = [
        t
        for (t,) in db.execute(
            "SELECT try_number FROM task_instance "
            "WHERE task_id = 'onboard.create_session' AND run_id = ?",
            (run_id,),
        )
    ]
    assert sorted(tries) == [1, 1, 2]  # one create needed a second try
    decisions = [
        v
        for (v,) in db.execute(
            "SELECT value FROM xcom WHERE task_id = 'onboard.decide' AND key = 'return_value' "
            "AND run_id = ?",
            (run_id,),
        )
    ]
    assert len(decisions) == 3
    assert_no_secrets(airflow_home, output)
