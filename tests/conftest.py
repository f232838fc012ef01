"""Shared fixtures. Airflow reads its config at import: set it up before anything imports it."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet

os.environ.setdefault("AIRFLOW_HOME", tempfile.mkdtemp(prefix="idv-tests-airflow-"))
os.environ.setdefault("AIRFLOW__CORE__LOAD_EXAMPLES", "False")
# as a deployment has one: what the provider keeps between a task's tries is sealed with it
os.environ.setdefault("AIRFLOW__CORE__FERNET_KEY", Fernet.generate_key().decode())

import pytest
import respx
from airflow.sdk import BaseHook

from idv_provider.applicants import OutcomeTable
from idv_sandbox import (
    DEFAULT_API_KEY,
    MailSink,
    RunningSandbox,
    SandboxConfig,
    running_sandbox,
)

API_URL = "https://api.deepidv.test"
API_KEY = "sk_test_0123456789"
CONN_ID = "idv_default"


def set_connection(
    monkeypatch: pytest.MonkeyPatch,
    *,
    host: str,
    password: str,
    conn_type: str = "deepidv",
    conn_id: str = CONN_ID,
    extra: dict[str, Any] | None = None,
) -> str:
    """An Airflow connection in the environment; its id."""
    conn: dict[str, Any] = {"conn_type": conn_type, "password": password, "host": host}
    if extra:
        conn["extra"] = extra
    monkeypatch.setenv(f"AIRFLOW_CONN_{conn_id.upper()}", json.dumps(conn))
    return conn_id


@pytest.fixture
def deepidv_conn(monkeypatch: pytest.MonkeyPatch) -> str:
    """A deepidv connection to a (respx-mocked) API."""
    set_connection(monkeypatch, host=API_URL, password=API_KEY)
    return CONN_ID


@pytest.fixture
def api(deepidv_conn: str) -> Iterator[respx.MockRouter]:
    """The deepidv API, mocked with respx (routes a test does not call are fine)."""
    with respx.mock(base_url=API_URL, assert_all_called=False) as router:
        yield router


@pytest.fixture
def sandbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[RunningSandbox]:
    """The sandbox over real HTTP on loopback, and the default connection pointing at it."""
    with running_sandbox(config=SandboxConfig(auto_submit_after=0.3)) as running:
        set_connection(monkeypatch, host=running.url, password=DEFAULT_API_KEY)
        yield running


@pytest.fixture
def mail_sink(monkeypatch: pytest.MonkeyPatch) -> Iterator[MailSink]:
    """A real SMTP server on loopback, and the ``smtp_default`` connection pointing at it."""
    with MailSink() as sink:
        from_email = "Acme Onboarding <onboarding@acme.test>"
        monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", sink.connection_json(from_email))
        yield sink


@pytest.fixture
def outcomes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> OutcomeTable:
    """An outcomes table in a SQLite database of its own, behind the connection
    ``outcomes_db``; created."""
    db = tmp_path / "outcomes.db"
    monkeypatch.setenv(
        "AIRFLOW_CONN_OUTCOMES_DB", json.dumps({"conn_type": "sqlite", "host": str(db)})
    )
    table = OutcomeTable(conn_id="outcomes_db")
    table.create()
    return table


def outcome_rows(table: OutcomeTable) -> dict[str, dict[str, Any]]:
    """The table's rows by reference, each as a column → value mapping."""
    hook = BaseHook.get_connection(table.conn_id).get_hook()
    with closing(hook.get_conn()) as conn:
        cursor = conn.execute(f"SELECT * FROM {table.table}")  # noqa: S608 - a test's table
        columns = [c[0] for c in cursor.description]
        return {row[0]: dict(zip(columns, row, strict=True)) for row in cursor.fetchall()}
