"""The onboarding DAG, run by `airflow dags test` against the sandbox over real HTTP."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest

from idv_sandbox import DEFAULT_API_KEY, Faults, MailSink, SandboxConfig, running_sandbox
from tests.integration.conftest import REPO, assert_no_secrets, onboarding_run, outcome_rows

pytestmark = pytest.mark.integration
sys.path.insert(0, str(REPO / "examples"))
from sample_applicants import SAMPLE_APPLICANTS as APPLICANTS  # noqa: E402

EXPECTED = {"applicant-001": "VERIFIED", "applicant-002": "REJECTED", "applicant-003": "REJECTED"}


def test_onboarding_dag_survives_a_lost_create_response(airflow_home: Path, tmp_path: Path):
    """The connection drops after the first create is committed, on every attempt of its first
    try: Airflow retries the task, and still exactly one session and one invite exist per
    applicant. Then: no API key, email or phone in the output, XComs, rendered fields or logs."""
    # 4 drops = all attempts (1 + 3 hook retries) of the first create task's first try.
    config = SandboxConfig(auto_submit_after=1.0, faults=Faults(drop_after_create=4))
    with running_sandbox(tmp_path / "sandbox.db", config) as sandbox, MailSink() as mail:
        output = onboarding_run(airflow_home, sandbox, mail, "deepidv", tmp_path / "applicants.db")
        assert config.faults.drop_after_create == 0  # the fault really fired
        sessions = sandbox.service("deepidv").sessions
        outcome, links, session_ids = {}, {}, {}
        for session_id in sessions.all_ids():
            stored = sessions.get(DEFAULT_API_KEY, session_id)
            assert stored is not None
            history = [status for _, status in sandbox.store.history(session_id)]
            assert history[:2] == ["PENDING", "SUBMITTED"], history
            assert len(history) == 3, history
            outcome[stored.record["externalId"]] = history[-1]
            session_ids[stored.record["externalId"]] = session_id
            links[stored.applicant["email"]] = f"{sandbox.url}/session/{session_id}?"
        console_prefix = f"{sandbox.url}/console/sessions/"
    assert outcome == EXPECTED  # exactly one session per applicant, each decided
    decisions = {"VERIFIED": ("approved", "approve"), "REJECTED": ("rejected", "reject")}
    assert outcome_rows(tmp_path / "applicants.db") == {
        ref: (session_ids[ref], "deepidv", *decisions[status]) for ref, status in EXPECTED.items()
    }
    # exactly one invite per applicant, in their language, with their own session's link
    invites = {tuple(m.rcpt_tos): m.message for m in mail.messages}
    assert len(mail.messages) == len(invites) == len(APPLICANTS)
    for applicant in APPLICANTS:
        message = invites[(applicant["email"],)]
        assert message["Content-Language"] == applicant["locale"].split("-")[0]
        text = message.get_body(("plain",)).get_content()
        assert links[applicant["email"]] in text and applicant["first_name"] in text

    db = sqlite3.connect(airflow_home / "airflow.db")
    (run_id,) = db.execute(  # the airflow home is shared: look at this test's run only
        "SELECT run_id FROM dag_run WHERE dag_id = 'idv_onboarding' ORDER BY id DESC LIMIT 1"
    ).fetchone()
    tries = dict(
        db.execute(
            "SELECT map_index, try_number FROM task_instance "
            "WHERE task_id = 'onboard.create_session' AND run_id = ?",
            (run_id,),
        ).fetchall()
    )
    assert sorted(tries.values()) == [1, 1, 2], tries  # one create needed a second try
    links = [
        json.loads(v)
        for (v,) in db.execute(
            "SELECT value FROM xcom WHERE key = '_link_SessionConsoleLink' AND run_id = ?",
            (run_id,),
        )
    ]
    assert len(links) == 9  # 3 tasks x 3 applicants
    assert all(link.startswith(console_prefix) for link in links)

    stored_text = "\n".join(  # this run's rows (other tests share the metadata DB)
        str(row)
        for table in ("xcom", "rendered_task_instance_fields", "task_instance")
        for row in db.execute(f"SELECT * FROM {table} WHERE run_id = ?", (run_id,))  # noqa: S608
    )
    rendered = db.execute(
        "SELECT rendered_fields FROM rendered_task_instance_fields "
        "WHERE task_id = 'onboard.create_session' AND run_id = ?",
        (run_id,),
    ).fetchall()
    # applicants by reference: nothing of theirs in Rendered Templates to mask at all
    assert len(rendered) == 3
    assert all('"applicant": null' in r and '"reference": "applicant-' in r for (r,) in rendered)
    assert_no_secrets(airflow_home, output, stored_text)
