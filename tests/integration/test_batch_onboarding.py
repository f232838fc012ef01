"""CreateSessionsOperator over real HTTP and a real SQLite applicants database: many applicants
in one task, each created and invited once, bad rows and refusals reported per applicant,
outcomes written back by reference."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import httpx
import pytest

from idv_provider.applicants import ApplicantTable, OutcomeTable
from idv_provider.exceptions import InvalidRequestError, ServerError
from idv_provider.invites import Invite
from idv_provider.operators import CreateSessionsOperator
from idv_sandbox import (
    DEFAULT_API_KEY,
    FailRule,
    Faults,
    MailSink,
    RunningSandbox,
    SandboxConfig,
    key_label,
    running_sandbox,
)
from tests.conftest import set_connection
from tests.fakes.context import FakeTaskStateStore, make_context

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "examples"))
from sample_applicants import create_applicants_db, many_applicants

pytestmark = pytest.mark.integration
COUNT = 24
BAD_ROWS = [
    {"reference": "bad-email", "first_name": "No", "last_name": "Mail", "email": "not-an-email",
     "phone": "+15550199001", "locale": "en"},
    {"reference": "bad-phone", "first_name": "No", "last_name": "Phone",
     "email": "nophone@example.com", "phone": None, "locale": "en"},
]  # fmt: skip


@pytest.fixture
def applicants_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = tmp_path / "applicants.db"
    create_applicants_db(db, [*many_applicants(COUNT), *BAD_ROWS])
    monkeypatch.setenv("AIRFLOW_CONN_APPLICANTS_DB", f'{{"conn_type": "sqlite", "host": "{db}"}}')
    return db


@pytest.fixture
def paced_sandbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[RunningSandbox]:
    """The sandbox limiting the key to 20 requests a second, the connection pacing under it."""
    config = SandboxConfig(auto_submit_after=None, rate_limit=20, rate_burst=20)
    with running_sandbox(config=config) as running:
        set_connection(
            monkeypatch, host=running.url, password=DEFAULT_API_KEY, extra={"rate_limit": 20}
        )
        yield running


def operator(**kwargs: object) -> CreateSessionsOperator:
    return CreateSessionsOperator(
        task_id="create_sessions",
        applicants=ApplicantTable(conn_id="applicants_db"),
        outcomes=OutcomeTable(conn_id="applicants_db"),
        invite=Invite(company_name="Acme", smtp_conn_id="smtp_default"),
        **{"max_workers": 6, **kwargs},  # type: ignore[arg-type]
    )


def outcomes(db: Path) -> dict[str, tuple[object, ...]]:
    with closing(sqlite3.connect(db)) as conn:
        rows = conn.execute("SELECT reference, session_id, status, error FROM idv_outcomes")
        return {row[0]: tuple(row[1:]) for row in rows}


def api_calls(sandbox: RunningSandbox) -> dict[str, int]:
    stats = httpx.get(f"{sandbox.url}/_sandbox/stats").json()["requests"]
    return dict(stats.get(key_label(DEFAULT_API_KEY), {}))


def test_every_applicant_once_and_bad_rows_reported_by_field(
    paced_sandbox: RunningSandbox, mail_sink: MailSink, applicants_db: Path
):
    context = make_context()
    result = operator().execute(context)
    assert result["created"] == COUNT and result["reused"] == 0
    assert set(result["failed"]) == {"bad-email", "bad-phone"}
    assert "applicant.email" in result["failed"]["bad-email"]
    assert "applicant.phone" in result["failed"]["bad-phone"]
    assert "not-an-email" not in str(result)  # the field named, never its value
    assert context["ti"].xcom["session_ids"] == result["session_ids"]
    sessions = paced_sandbox.service("deepidv").references()
    assert sorted(ref for ref, _ in sessions) == [f"bulk-{n:06d}" for n in range(1, COUNT + 1)]
    assert api_calls(paced_sandbox) == {"POST /v1/sessions": COUNT}  # paced: no 429 retried
    assert len(mail_sink.messages) == COUNT == result["invites_sent"]["email"]
    assert sorted(tuple(m.rcpt_tos) for m in mail_sink.messages) == sorted(
        (f"bulk{n:06d}@example.com",) for n in range(1, COUNT + 1)
    )
    rows = outcomes(applicants_db)
    assert rows["bad-phone"][1:] == ("failed", result["failed"]["bad-phone"])
    assert {ref: row[:2] for ref, row in rows.items() if row[1] != "failed"} == {
        ref: (sid, "pending") for ref, sid in sessions
    }


def test_a_retried_task_creates_and_invites_nothing_twice_and_rewrites_the_same_rows(
    paced_sandbox: RunningSandbox, mail_sink: MailSink, applicants_db: Path
):
    store = FakeTaskStateStore()
    first = operator().execute(make_context(store=store))
    again = operator().execute(make_context(store=store))
    assert again["created"] == 0 and again["reused"] == COUNT
    assert again["session_ids"] == first["session_ids"]
    assert len(paced_sandbox.service("deepidv").references()) == COUNT
    assert len(mail_sink.messages) == COUNT  # no invite sent again
    assert len(outcomes(applicants_db)) == COUNT + len(BAD_ROWS)  # the same rows, upserted


def test_an_outage_stops_the_task_and_its_retry_finishes_without_duplicates(
    monkeypatch: pytest.MonkeyPatch, mail_sink: MailSink, applicants_db: Path
):
    """A first try onboards five applicants. The next try meets an outage on its first
    create (every attempt of the hook's retries is a 503): it stops submitting, lets the
    creates in flight finish and records them, for Airflow to retry. The retry's first create
    loses its answer, and the hook's retry takes the session back by its idempotency key: no
    applicant gets two sessions or two invites."""
    with running_sandbox(config=SandboxConfig(auto_submit_after=None)) as sandbox:
        set_connection(monkeypatch, host=sandbox.url, password=DEFAULT_API_KEY)
        store = FakeTaskStateStore()
        first_five = [f"bulk-{n:06d}" for n in range(1, 6)]
        operator(references=first_five).execute(make_context(store=store))
        outage = {"fail": [{"status": 503, "count": 4, "method": "POST"}]}
        httpx.put(f"{sandbox.url}/_sandbox/faults", json=outage).raise_for_status()
        with pytest.raises(ServerError):
            operator(max_workers=1).execute(make_context(store=store))
        # creates already in flight when the outage hit finished, and were recorded
        recorded = [key for key in store.values if key.startswith("idv_batch:")]
        assert len(recorded) == len(sandbox.service("deepidv").references()) < COUNT
        httpx.put(f"{sandbox.url}/_sandbox/faults", json={"drop_after_create": 1})
        result = operator(max_workers=1).execute(make_context(store=store))
        assert result["reused"] == len(recorded) and result["created"] == COUNT - len(recorded)
        assert len(sandbox.service("deepidv").references()) == COUNT
    assert len(mail_sink.messages) == COUNT
    assert len(outcomes(applicants_db)) == COUNT + len(BAD_ROWS)


def test_a_vendor_refusal_fails_that_applicant_only(
    monkeypatch: pytest.MonkeyPatch, mail_sink: MailSink, applicants_db: Path
):
    faults = Faults(fail=[FailRule(400, 1, "POST")])
    with running_sandbox(config=SandboxConfig(auto_submit_after=None, faults=faults)) as sandbox:
        set_connection(monkeypatch, host=sandbox.url, password=DEFAULT_API_KEY)
        result = operator(max_workers=1).execute(make_context())
        assert len(sandbox.service("deepidv").references()) == COUNT - 1
    [refused] = set(result["failed"]) - {"bad-email", "bad-phone"}
    assert "rejected the request" in result["failed"][refused]
    assert result["created"] == COUNT - 1
    assert outcomes(applicants_db)[refused][1] == "failed"


def test_only_the_references_asked_for(
    paced_sandbox: RunningSandbox, mail_sink: MailSink, applicants_db: Path
):
    result = operator(references='["bulk-000002", "bulk-000005", "nobody"]').execute(make_context())
    assert result["created"] == 2
    assert result["failed"] == {"nobody": "reference: no such applicant in the table"}
    assert sorted(ref for ref, _ in paced_sandbox.service("deepidv").references()) == [
        "bulk-000002",
        "bulk-000005",
    ]


def test_a_sender_that_does_not_resolve_stops_the_task_before_any_call(
    paced_sandbox: RunningSandbox, applicants_db: Path, monkeypatch: pytest.MonkeyPatch
):
    """A setting every applicant shares fails the task, once, not each applicant."""
    monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", '{"conn_type": "smtp", "host": "127.0.0.1"}')
    with pytest.raises(InvalidRequestError, match=r"invite\.from_email"):
        operator().execute(make_context())
    assert api_calls(paced_sandbox) == {}
    assert paced_sandbox.service("deepidv").references() == []
