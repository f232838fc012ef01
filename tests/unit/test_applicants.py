"""Applicants read from, and outcomes written to, a real SQLite database through an Airflow
connection; identifiers checked, values only ever as parameters; metrics and report charts."""

from __future__ import annotations

import json
import re
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from idv_provider import metrics
from idv_provider.applicants import (
    OUTCOME_DDL,
    ApplicantTable,
    Outcome,
    OutcomeTable,
    applicant_from_row,
)
from idv_provider.charts import bar_chart, reason_kind
from idv_provider.exceptions import InvalidRequestError, RateLimitedError
from idv_provider.models import Decision
from idv_provider.operators.batch import parse_references
from idv_provider.review_report import ReviewSummary
from idv_provider.validation import MAX_REFERENCE, SESSION_ID, validate_reference

ROWS = [
    ("a-1", "Ada", "Lovelace", "ada@example.com", "+15550100001", "en-GB", 1),
    ("a-2", "Robert'); DROP TABLE applicants;--", "X", "bob@example.com", "+15550100002", None, 1),
    ("a-3", "Old", "Case", "old@example.com", "+15550100003", "fr", 0),
]


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "app.db"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(
            "CREATE TABLE people (ref TEXT PRIMARY KEY, given TEXT, family TEXT, mail TEXT, "
            "mobile TEXT, lang TEXT, active INTEGER)"
        )
        conn.executemany("INSERT INTO people VALUES (?, ?, ?, ?, ?, ?, ?)", ROWS)
        conn.commit()
    conn_json = json.dumps({"conn_type": "sqlite", "host": str(path)})
    monkeypatch.setenv("AIRFLOW_CONN_APP_DB", conn_json)
    return path


TABLE = ApplicantTable(
    conn_id="app_db",
    table="people",
    reference_column="ref",
    columns={
        "first_name": "given",
        "last_name": "family",
        "email": "mail",
        "phone": "mobile",
        "locale": "lang",
    },
    where="active = 1",
)


def test_rows_are_read_by_the_mapping_and_values_stay_data(db: Path):
    rows = TABLE.read()
    assert [r.reference for r in rows] == ["a-1", "a-2"]  # the where clause holds
    assert rows[1].values["first_name"] == "Robert'); DROP TABLE applicants;--"
    applicant = applicant_from_row(rows[0])
    assert (applicant.email, applicant.external_id, applicant.locale) == (
        "ada@example.com",
        "a-1",
        "en-GB",
    )
    assert "ada@example.com" not in repr(rows[0])  # PII never in a repr (logs)
    assert TABLE.references() == ["a-1", "a-2"]
    assert [r.reference for r in TABLE.read(["a-2", "a-3", "x' OR '1'='1"])] == ["a-2"]


@pytest.mark.parametrize(
    ("table", "field"),
    [
        (ApplicantTable(conn_id="app_db", table="people; DROP TABLE x"), "applicants.table"),
        (ApplicantTable(conn_id="app_db", reference_column="ref--"), "reference_column"),
        (ApplicantTable(conn_id="app_db", columns={"email": "a b"}), "applicants.columns.email"),
        (ApplicantTable(conn_id="app_db", columns={"ssn": "ssn"}), "unknown field"),
    ],
)
def test_identifiers_are_checked_before_any_query(db: Path, table, field):
    with pytest.raises(InvalidRequestError, match=field):
        table.read()


def test_outcomes_are_upserted_by_reference(db: Path):
    table = OutcomeTable(conn_id="app_db", table="outcomes")
    table.create()
    table.create()  # idempotent
    when = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
    table.upsert([Outcome("a-1", "s-1", "deepidv", "pending", updated_at=when)])
    table.upsert([Outcome("a-1", "s-1", "deepidv", "pending", updated_at=when)])  # a retry
    table.upsert([Outcome("a-2", None, "deepidv", "failed", error="applicant.email: ...")])
    table.upsert(
        [Outcome("a-1", "s-1", "deepidv", "approved", "approve", "all checks passed", None, when)]
    )
    with closing(sqlite3.connect(db)) as conn:
        rows = conn.execute("SELECT * FROM outcomes ORDER BY reference").fetchall()
    assert rows == [
        ("a-1", "s-1", "deepidv", "approved", "approve", "all checks passed", None,
         "2026-11-29T12:00:00+00:00"),
        ("a-2", None, "deepidv", "failed", None, None, "applicant.email: ...", None),
    ]  # fmt: skip
    assert table.references(["s-1", "s-unknown"]) == {"s-1": "a-1"}
    assert table.sessions_created() == 1


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("null", None),
        ("", None),
        ('["a", "b", "a"]', ["a", "b"]),
        (["x"], ["x"]),
    ],
)
def test_references_from_a_template_or_a_list(value, expected):
    assert parse_references(value) == expected


@pytest.mark.parametrize("value", ["a", '{"a": 1}', [""], ["a\nb"], ["x" * 201], [1]])
def test_bad_references_are_refused(value):
    with pytest.raises(InvalidRequestError, match="references"):
        parse_references(value)


def test_metrics_carry_no_pii(monkeypatch: pytest.MonkeyPatch):
    sent: list[tuple[str, int, dict[str, str]]] = []
    monkeypatch.setattr(
        metrics.Stats, "incr", lambda name, count=1, tags=None: sent.append((name, count, tags))
    )
    metrics.sessions_created("didit", 3)
    metrics.sessions_created("didit", 0)  # nothing to count: nothing sent
    metrics.session_decided("didit", "manual_review")
    metrics.api_error("didit", metrics.error_kind(RateLimitedError("x")))
    assert sent == [
        ("idv.sessions.created", 3, {"vendor": "didit"}),
        ("idv.sessions.decided.manual_review", 1, {"vendor": "didit"}),
        ("idv.api_errors.rate_limited", 1, {"vendor": "didit"}),
    ]


def test_charts_escape_labels_and_scale_bars():
    svg = str(bar_chart("<Funnel>", [("created", 10), ("<b>x</b>", 5)], chart_id="f"))
    assert "<Funnel>" not in svg and "&lt;Funnel&gt;" in svg and "&lt;b&gt;x" in svg
    assert svg.count("<rect") == 2
    widths = [int(w) for w in re.findall(r'<rect [^>]*width="(\d+)"', svg)]
    assert widths[0] == 2 * widths[1]
    assert reason_kind("face match score 0.30 below 0.80") == "face match score below"


def test_the_report_charts_the_funnel_and_the_reasons():
    summary = ReviewSummary()
    for reasons in (
        ["document expired"],
        ["face match score 0.30 below 0.80"],
        ["document expired"],
    ):
        summary.record_decision(Decision.REJECT)
        summary.record_reasons(Decision.REJECT, reasons)
    summary.record_decision(Decision.APPROVE)
    summary.manual_review["s-9"] = {"reasons": ["1 PEP hit(s)"], "console_url": None}
    assert summary.funnel(created=7) == [
        ("created", 7),
        ("submitted", 5),
        ("approve", 1),
        ("reject", 3),
        ("manual_review", 1),
    ]
    assert summary.reason_counts() == [
        ("rejected: document expired", 2),
        ("manual review: PEP hit(s)", 1),
        ("rejected: face match score below", 1),
    ]
    html = summary.render("html", created=7, dag_id="d", run_id="r", vendor="deepidv",
                          started="s", finished="f")  # fmt: skip
    assert '<svg id="funnel"' in html and '<svg id="reasons"' in html
    assert 'data-label="rejected: document expired" data-count="2"' in html
    markdown = summary.render("md", dag_id="d", run_id="r", vendor="deepidv", started="s",
                              finished="f")  # fmt: skip
    assert '<svg id="funnel"' in markdown and 'data-label="created"' not in markdown


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("victim ", "surrounding whitespace"),
        (" victim", "surrounding whitespace"),
        ("vic\ttim", "control characters"),
        ("vic\u200btim", "control characters"),
        ("x" * 201, "longer than 200"),
        ("", "non-empty"),
        (7, "non-empty string"),
    ],
)
def test_a_reference_is_taken_exactly_as_written_or_refused(value, message):
    with pytest.raises(InvalidRequestError, match=message) as raised:
        validate_reference(value, "applicant.external_id")
    assert "applicant.external_id" in str(raised.value)
    assert "victim" not in str(raised.value)  # never echoed


def test_a_reference_inside_is_kept_as_it_is():
    assert validate_reference("Ref 7/b:ü") == "Ref 7/b:ü"
    assert validate_reference("x" * 200) == "x" * 200


def test_an_outcome_the_table_cannot_hold_never_blocks_the_others(db: Path):
    table = OutcomeTable(conn_id="app_db", table="strict_outcomes")
    with closing(sqlite3.connect(db)) as conn:  # a database that refuses one row
        conn.execute(
            OUTCOME_DDL.format(table="strict_outcomes").replace(
                "updated_at VARCHAR(40))", "updated_at VARCHAR(40), CHECK (status <> 'bad'))"
            )
        )
        conn.commit()
    written = table.upsert(
        [
            Outcome("a-1", "s-1", "deepidv", "pending"),
            Outcome("x" * 201, "s-2", "deepidv", "pending"),  # longer than the key column
            Outcome("a-3", "s" * 129, "deepidv", "pending"),  # longer than a session id
            Outcome("a-4", "s-4", "deepidv", "bad"),  # refused by the database
            Outcome("a-5", None, "deepidv", "failed", error="applicant.email: ..."),
        ]
    )
    assert written == 2
    with closing(sqlite3.connect(db)) as conn:
        rows = conn.execute("SELECT reference FROM strict_outcomes ORDER BY 1").fetchall()
    assert rows == [("a-1",), ("a-5",)]


def test_the_outcome_columns_hold_what_validation_allows():
    assert f"reference VARCHAR({MAX_REFERENCE})" in OUTCOME_DDL
    assert "session_id VARCHAR(128)" in OUTCOME_DDL
    assert SESSION_ID.pattern.endswith("{0,127}$")  # the longest id any vendor format allows
