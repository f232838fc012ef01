"""Applicant values are data in a real `airflow dags test` run: a name that is a Jinja
expression reaches the vendor as written, never rendered with connections or variables."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from idv_sandbox import DEFAULT_API_KEY, SandboxConfig, running_sandbox
from tests.integration.conftest import dags_test

pytestmark = pytest.mark.integration
SECRET_VARIABLE = "variable-secret-7f3a"

DAG_FILE = """
from datetime import datetime

from airflow.sdk import DAG, task

from idv_provider.operators import CreateSessionOperator

HOSTILE = {
    "first_name": "{{ var.value.idv_secret }}",
    "last_name": "{{ conn.idv_default.password }}",
    "email": "mapped@example.com",
    "phone": "+15550100001",
    "external_id": "mapped-{{ run_id }}",
}

with DAG("idv_injection", schedule=None, start_date=datetime(2026, 1, 1)) as dag:
    # the docs' form: literal applicants mapped with .expand()
    CreateSessionOperator.partial(task_id="mapped", send_email_invite=False).expand(
        applicant=[HOSTILE]
    )
    # a plain task with a literal applicant
    CreateSessionOperator(
        task_id="plain",
        applicant={**HOSTILE, "email": "plain@example.com", "external_id": "plain"},
        send_email_invite=False,
    )

    # applicants from XCom (a sign-up table, an API): resolved, never rendered
    @task
    def signups():
        return [{**HOSTILE, "email": "xcom@example.com", "external_id": "xcom"}]

    CreateSessionOperator.partial(task_id="from_xcom", send_email_invite=False).expand(
        applicant=signups()
    )
    # one template for the whole applicant, written by the DAG author: rendered once
    CreateSessionOperator(
        task_id="whole_template",
        applicant="{{ params.signup | tojson }}",
        params={"signup": {**HOSTILE, "email": "whole@example.com", "external_id": "whole"}},
        send_email_invite=False,
    )
"""


def test_no_applicant_value_is_rendered_in_a_dags_test_run(airflow_home: Path, tmp_path: Path):
    dags = tmp_path / "dags"
    dags.mkdir()
    (dags / "idv_injection.py").write_text(DAG_FILE)
    with running_sandbox(tmp_path / "sandbox.db", SandboxConfig(auto_submit_after=None)) as sb:
        output = dags_test(
            airflow_home,
            "idv_injection",
            AIRFLOW__CORE__DAGS_FOLDER=str(dags),
            AIRFLOW_CONN_IDV_DEFAULT=sb.connection_json(),
            AIRFLOW_VAR_IDV_SECRET=SECRET_VARIABLE,
        )
        stored = [
            sb.service("deepidv").sessions.get(DEFAULT_API_KEY, sid)
            for sid in sb.service("deepidv").sessions.all_ids()
        ]
    applicants = {s.applicant["email"]: s.applicant for s in stored if s is not None}
    references = {s.applicant["email"]: s.record["externalId"] for s in stored if s is not None}
    assert set(applicants) == {
        "mapped@example.com",
        "plain@example.com",
        "xcom@example.com",
        "whole@example.com",
    }
    for applicant in applicants.values():
        assert applicant["firstName"] == "{{ var.value.idv_secret }}"
        assert applicant["lastName"] == "{{ conn.idv_default.password }}"
    assert references["mapped@example.com"] == "mapped-{{ run_id }}"
    everything = repr(applicants) + output
    assert DEFAULT_API_KEY not in everything and SECRET_VARIABLE not in everything
    # literal applicants, plain and mapped, are masked in Rendered Templates (this pins the
    # operators' use of Airflow's _do_render_template_fields: see docs/architecture.md)
    with closing(sqlite3.connect(airflow_home / "airflow.db")) as db:
        rendered = dict(
            db.execute(
                "SELECT task_id, rendered_fields FROM rendered_task_instance_fields "
                "WHERE dag_id = 'idv_injection' AND task_id IN ('mapped', 'plain')"
            ).fetchall()
        )
    assert set(rendered) == {"mapped", "plain"}
    for task_id, fields in rendered.items():
        assert f"{task_id}@example.com" not in fields and "***" in fields
