"""Airflow for the DAG tests: a metadata DB of its own, the example DAGs, env connections."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "examples"))

from sample_applicants import (
    SAMPLE_APPLICANTS,
    create_applicants_db,
    sqlite_connection_json,
)

from idv_sandbox import DEFAULT_API_KEY, MailSink, RunningSandbox

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def airflow_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("airflow-home")
    subprocess.run(
        [airflow_bin(), "db", "migrate"], env=airflow_env(home), check=True, capture_output=True
    )
    return home


def airflow_bin() -> str:
    return str(Path(sys.executable).parent / "airflow")


def airflow_env(home: Path) -> dict[str, str]:
    return {
        **os.environ,
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__DAGS_FOLDER": str(REPO / "examples" / "dags"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
    }


def dags_test(home: Path, dag_id: str, **env: str) -> str:
    """``airflow dags test dag_id`` with the given extra environment; its output (the test
    fails with the output's tail if the run does)."""
    run = subprocess.run(
        [airflow_bin(), "dags", "test", dag_id],
        env={**airflow_env(home), **env},
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-5000:]
    return output


def onboarding_run(
    home: Path, sandbox: RunningSandbox, mail: MailSink, vendor: str, applicants_db: Path
) -> str:
    """The example onboarding DAG with ``airflow dags test``, on ``vendor``'s sandbox API, the
    mail sink and the sample applicants (in ``applicants_db``); its output."""
    create_applicants_db(applicants_db, SAMPLE_APPLICANTS)
    return dags_test(
        home,
        "idv_onboarding",
        AIRFLOW_CONN_IDV_DEFAULT=sandbox.connection_json(vendor=vendor),
        AIRFLOW_CONN_SMTP_DEFAULT=mail.connection_json(),
        AIRFLOW_CONN_IDV_APPLICANTS=sqlite_connection_json(applicants_db),
    )


def outcome_rows(applicants_db: Path) -> dict[str, tuple[Any, ...]]:
    """reference → (session_id, vendor, status, decision) of the outcomes written back."""
    with closing(sqlite3.connect(applicants_db)) as db:
        rows = db.execute(
            "SELECT reference, session_id, vendor, status, decision FROM idv_outcomes"
        )
        return {row[0]: tuple(row[1:]) for row in rows}


def assert_no_secrets(home: Path, *texts: str) -> None:
    """No API key and no sample applicant's email, phone or last name in ``texts`` or in the
    task logs under ``home``."""
    logs = "\n".join(p.read_text(errors="replace") for p in home.rglob("*.log"))
    for haystack in (*texts, logs):
        assert DEFAULT_API_KEY not in haystack
        for applicant in SAMPLE_APPLICANTS:
            for field in ("email", "phone", "last_name"):
                assert applicant[field] not in haystack, field
