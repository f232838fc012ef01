"""Identity is exact and each applicant is onboarded once, over real HTTP against the sandbox
and a real SQLite applicants database: references are never trimmed into another applicant's
key, a reference naming two rows (or none) onboards nobody, a second run over the same table
makes no second session and sends no second invite, and the task state store never holds the
applicant's link in the clear."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from airflow.sdk.crypto import _NullFernet, get_fernet
from airflow.sdk.exceptions import AirflowSkipException

from idv_provider import sealed
from idv_provider.applicants import ApplicantTable, OutcomeTable
from idv_provider.hooks import get_idv_hook
from idv_provider.invites import Invite
from idv_provider.operators import CreateSessionOperator, CreateSessionsOperator
from idv_sandbox import DEFAULT_API_KEY, MailSink, RunningSandbox, SandboxConfig, running_sandbox
from tests.conftest import outcome_rows, set_connection
from tests.fakes.context import FakeTaskStateStore, make_context

pytestmark = pytest.mark.integration


def person(reference: str | None, n: int) -> tuple[Any, ...]:
    return (reference, "Jane", f"Doe {n}", f"jane{n}@example.com", f"+1555010{n:04d}", "en")


#: no primary key: the application's table is whatever the application made it
DDL = (
    "CREATE TABLE applicants (reference TEXT, first_name TEXT, last_name TEXT, email TEXT, "
    "phone TEXT, locale TEXT)"
)


def applicants_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: list[tuple[Any, ...]]):
    db = tmp_path / "applicants.db"
    with closing(sqlite3.connect(db)) as conn:
        conn.execute(DDL)
        conn.executemany("INSERT INTO applicants VALUES (?, ?, ?, ?, ?, ?)", rows)
        conn.commit()
    connection = json.dumps({"conn_type": "sqlite", "host": str(db)})
    monkeypatch.setenv("AIRFLOW_CONN_APPLICANTS_DB", connection)
    return db


@pytest.fixture
def didit(monkeypatch: pytest.MonkeyPatch) -> Iterator[RunningSandbox]:
    """Didit: a create for an existing ``vendor_data`` hands back its unfinished session, the
    vendor where a trimmed reference would mail one applicant another's live link."""
    from idv_sandbox.registry import sandbox_vendor

    with running_sandbox(config=SandboxConfig(auto_submit_after=None)) as running:
        set_connection(
            monkeypatch,
            conn_type="didit",
            host=running.url,
            password=DEFAULT_API_KEY,
            extra=sandbox_vendor("didit").connection_extra(running.url),
        )
        yield running


def batch(outcomes: OutcomeTable, **kwargs: Any) -> CreateSessionsOperator:
    return CreateSessionsOperator(
        task_id="create_sessions",
        applicants=ApplicantTable(conn_id="applicants_db"),
        outcomes=outcomes,
        invite=Invite(company_name="Acme", smtp_conn_id="smtp_default"),
        send_email_invite=False,
        **kwargs,
    )


def didit_sessions(sandbox: RunningSandbox) -> list[str]:
    """Every Didit session's vendor_data."""
    rows = sandbox.service("didit").store.query("SELECT vendor_data FROM didit_sessions")
    return sorted(str(r[0]) for r in rows)


def test_near_identical_duplicate_and_missing_references_onboard_nobody_else(
    didit: RunningSandbox, mail_sink: MailSink, outcomes: OutcomeTable, tmp_path, monkeypatch
):
    applicants_db(
        tmp_path,
        monkeypatch,
        [
            person("victim", 1),
            person("victim ", 2),  # the attacker's row: one space away
            person("\tvictim", 3),
            person("twice", 4),
            person("twice", 5),
            person(None, 6),
            person("x" * 201, 7),
        ],
    )
    result = batch(outcomes).execute(make_context())
    assert didit_sessions(didit) == ["victim"]  # one session, the victim's own
    assert [m.rcpt_tos for m in mail_sink.messages] == [["jane1@example.com"]]
    failed = result["failed"]
    assert set(failed) == {"victim ", "\tvictim", "twice", "x" * 201}
    assert "surrounding whitespace" in failed["victim "]
    assert "names 2 rows" in failed["twice"]
    assert "longer than 200" in failed["x" * 201]
    assert result["without_reference"] == 1
    assert "jane" not in json.dumps(result)  # the field named, never a value
    rows = outcome_rows(outcomes)
    assert rows["victim"]["status"] == "pending"
    assert rows["victim "]["status"] == "failed" and rows["victim "]["session_id"] is None
    assert rows["twice"]["status"] == "failed"
    assert "x" * 201 not in rows  # a key the table cannot hold: reported, not written
    assert len({row["session_id"] for row in rows.values() if row["session_id"]}) == 1


def test_a_second_run_over_the_same_table_onboards_nobody_twice(
    didit: RunningSandbox, mail_sink: MailSink, outcomes: OutcomeTable, tmp_path, monkeypatch
):
    applicants_db(tmp_path, monkeypatch, [person(f"ref-{n}", n) for n in range(3)])
    first = batch(outcomes).execute(make_context())
    assert first["created"] == 3 and len(mail_sink.messages) == 3
    again = batch(outcomes).execute(make_context(store=FakeTaskStateStore()))  # another run
    assert again["created"] == 0 and again["session_ids"] == []
    assert set(again["already_onboarded"]) == {"ref-0", "ref-1", "ref-2"}
    assert len(mail_sink.messages) == 3  # no second invite
    assert didit_sessions(didit) == ["ref-0", "ref-1", "ref-2"]
    # asked for explicitly: verified again (Didit hands back the unfinished session)
    forced = batch(outcomes, verify_again=True).execute(make_context(store=FakeTaskStateStore()))
    assert sorted(forced["session_ids"]) == sorted(first["session_ids"])
    assert len(mail_sink.messages) == 6


def test_a_dropout_may_be_onboarded_again(
    didit: RunningSandbox, mail_sink: MailSink, outcomes: OutcomeTable, tmp_path, monkeypatch
):
    applicants_db(tmp_path, monkeypatch, [person("ref-1", 1)])
    batch(outcomes).execute(make_context())
    outcomes.record_states(
        [(outcome_rows(outcomes)["ref-1"]["session_id"], "didit", "expired", "")]
    )
    again = batch(outcomes).execute(make_context(store=FakeTaskStateStore()))
    assert again["already_onboarded"] == {} and len(again["session_ids"]) == 1


def test_the_single_create_skips_an_onboarded_applicant(
    didit: RunningSandbox, mail_sink: MailSink, outcomes: OutcomeTable, tmp_path, monkeypatch
):
    applicants_db(
        tmp_path, monkeypatch, [person("ref-1", 1), person("ref-2", 2), person("ref-2", 3)]
    )

    def single(reference: str) -> CreateSessionOperator:
        return CreateSessionOperator(
            task_id="create",
            applicants=ApplicantTable(conn_id="applicants_db"),
            reference=reference,
            outcomes=outcomes,
            send_email_invite=False,
            invite=Invite(company_name="Acme", smtp_conn_id="smtp_default"),
        )

    single("ref-1").execute(make_context())
    row = outcome_rows(outcomes)["ref-1"]
    assert row["status"] == "pending" and row["updated_at"]  # the create says when
    with pytest.raises(AirflowSkipException, match="Already onboarded"):
        single("ref-1").execute(make_context(store=FakeTaskStateStore()))
    assert len(mail_sink.messages) == 1
    with pytest.raises(Exception, match="names 2 rows"):
        single("ref-2").execute(make_context())
    with pytest.raises(Exception, match="surrounding whitespace"):
        single("ref-1 ").execute(make_context())
    assert didit_sessions(didit) == ["ref-1"]


def test_the_task_state_store_never_holds_the_link_in_the_clear(
    didit: RunningSandbox, mail_sink: MailSink, outcomes: OutcomeTable, tmp_path, monkeypatch
):
    applicants_db(tmp_path, monkeypatch, [person("ref-1", 1)])
    store = FakeTaskStateStore()
    stored: list[str] = []
    original = store.set
    store.set = lambda key, value: (stored.append(json.dumps(value)), original(key, value))  # type: ignore[method-assign]
    result = batch(outcomes).execute(make_context(store=store))
    (session_id,) = result["session_ids"]
    link = get_idv_hook().get_session(session_id).url
    assert link and link in mail_sink.messages[0].message.as_string()  # the link sent
    assert stored and all(link not in value for value in stored)  # at no step
    sealed = [json.loads(v)["link"] for v in stored if json.loads(v).get("link")]
    assert sealed and get_fernet().decrypt(sealed[0]).decode() == link  # sealed, then dropped
    assert "link" not in store.values["idv_batch:ref-1"]


def test_without_a_fernet_key_a_retry_reads_the_link_from_the_vendor(
    didit: RunningSandbox, mail_sink: MailSink, outcomes: OutcomeTable, tmp_path, monkeypatch
):
    monkeypatch.setattr(sealed, "get_fernet", _NullFernet)
    applicants_db(tmp_path, monkeypatch, [person("ref-1", 1)])
    store = FakeTaskStateStore()
    mail_sink.fail_next(1)  # the invite fails: a retry must send it
    first = batch(outcomes).execute(make_context(store=store))
    assert set(first["invite_failed"]) == {"ref-1"} and not mail_sink.messages
    assert store.values["idv_batch:ref-1"]["link"] is None  # nothing to open without a key
    again = batch(outcomes).execute(make_context(store=store))
    assert again["reused"] == 1 and again["invites_sent"] == {"email": 1}
    assert len(mail_sink.messages) == 1 and didit_sessions(didit) == ["ref-1"]
