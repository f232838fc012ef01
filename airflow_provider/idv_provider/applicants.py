"""Applicants where an application keeps them, and outcomes written back there: a table read and
written through an Airflow SQL connection (common.sql: SQLite, PostgreSQL, ...).

The DAG names tables and columns (checked as SQL identifiers); applicants' values only ever
travel as query parameters, never as SQL or templates. An applicant's ``reference`` is the
application's own key for them: opaque, never PII (it appears in XCom and task logs).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from airflow.sdk import BaseHook

from idv_provider.exceptions import InvalidRequestError
from idv_provider.models import Applicant, VerificationSession
from idv_provider.validation import validate_applicant

IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}(\.[A-Za-z_][A-Za-z0-9_]{0,62})?$")
#: applicant field → column, unless the DAG maps them otherwise
DEFAULT_COLUMNS = {
    "first_name": "first_name",
    "last_name": "last_name",
    "email": "email",
    "phone": "phone",
    "locale": "locale",
}
#: what an outcome row holds, in this order
OUTCOME_COLUMNS = (
    "reference",
    "session_id",
    "vendor",
    "status",
    "decision",
    "reasons",
    "error",
    "updated_at",
)
#: portable DDL (SQLite and PostgreSQL) for :meth:`OutcomeTable.create`
OUTCOME_DDL = (
    "CREATE TABLE IF NOT EXISTS {table} (reference VARCHAR(200) PRIMARY KEY, "
    "session_id VARCHAR(100), vendor VARCHAR(40), status VARCHAR(40), decision VARCHAR(40), "
    "reasons TEXT, error TEXT, updated_at VARCHAR(40))"
)
MAX_REFERENCE = 200


def sql_identifier(value: str, field_name: str) -> str:
    """``value`` if it is a plain SQL identifier (``name`` or ``schema.name``)."""
    if not isinstance(value, str) or not IDENTIFIER.match(value):
        raise InvalidRequestError(
            f"{field_name} must be a plain SQL identifier (letters, digits, _; schema.table)"
        )
    return value


def applicant_from_row(row: ApplicantRow) -> Applicant:
    """The row as an applicant whose ``external_id`` is its reference, or an error naming the
    field (never its value)."""
    data = {k: v for k, v in row.values.items() if v is not None and v != ""}
    return validate_applicant({**data, "external_id": row.reference})


def sql_hook(conn_id: str) -> Any:
    """The common.sql hook of the connection (``SqliteHook``, ``PostgresHook``, ...)."""
    hook = BaseHook.get_connection(conn_id).get_hook()  # type: ignore[no-untyped-call]
    if not hasattr(hook, "get_conn") or not hasattr(hook, "placeholder"):
        raise InvalidRequestError(f"Connection {conn_id!r} is not an SQL database connection")
    return hook


@contextmanager
def _cursor(hook: Any) -> Iterator[Any]:
    with closing(hook.get_conn()) as conn, closing(conn.cursor()) as cursor:
        yield cursor
        conn.commit()


@dataclass(frozen=True)
class ApplicantRow:
    """One applicant as read: the reference and the raw values (PII: never logged)."""

    reference: str
    values: dict[str, Any] = field(repr=False)


@dataclass(frozen=True)
class ApplicantTable:
    """Where the application keeps its applicants.

    :param conn_id: an Airflow SQL connection (e.g. ``sqlite``, ``postgres``).
    :param table: the table (``name`` or ``schema.name``).
    :param reference_column: the applicant's key in the application.
    :param columns: applicant field → column (first_name, last_name, email, phone, locale).
    :param where: an SQL condition the DAG author writes (never built from applicant data),
        e.g. ``"verified_at IS NULL"``.
    """

    conn_id: str
    table: str = "applicants"
    reference_column: str = "reference"
    columns: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_COLUMNS))
    where: str | None = None

    def check(self) -> None:
        sql_identifier(self.table, "applicants.table")
        sql_identifier(self.reference_column, "applicants.reference_column")
        if unknown := sorted(set(self.columns) - set(DEFAULT_COLUMNS)):
            raise InvalidRequestError(f"applicants.columns has unknown field(s) {unknown}")
        for name, column in self.columns.items():
            sql_identifier(column, f"applicants.columns.{name}")

    def references(self) -> list[str]:
        """The references of every applicant ``where`` selects (no other column is read)."""
        return [row.reference for row in self.read(columns=False)]

    def read(
        self, references: Sequence[str] | None = None, *, columns: bool = True
    ) -> list[ApplicantRow]:
        """The applicants (only those in ``references`` when given), by reference."""
        self.check()
        hook = sql_hook(self.conn_id)
        fields = list(self.columns) if columns else []
        selected = ", ".join([self.reference_column, *(self.columns[f] for f in fields)])
        conditions = [f"({self.where})"] if self.where else []
        parameters: list[Any] = []
        if references is not None:
            if not references:
                return []
            conditions.append(
                f"{self.reference_column} IN ({', '.join([hook.placeholder] * len(references))})"
            )
            parameters.extend(references)
        sql = f"SELECT {selected} FROM {self.table}"  # noqa: S608 - checked identifiers
        if conditions:
            sql += " WHERE " + " AND ".join(conditions)
        sql += f" ORDER BY {self.reference_column}"
        with _cursor(hook) as cursor:
            cursor.execute(sql, parameters)
            rows = cursor.fetchall()
        return [
            ApplicantRow(str(row[0]), {f: v for f, v in zip(fields, row[1:], strict=True)})
            for row in rows
        ]


@dataclass(frozen=True)
class Outcome:
    """What became of one applicant; written back by reference."""

    reference: str
    session_id: str | None
    vendor: str
    status: str
    decision: str | None = None
    reasons: str | None = None
    error: str | None = None
    updated_at: datetime | None = None

    def row(self) -> tuple[Any, ...]:
        when = self.updated_at.isoformat(timespec="seconds") if self.updated_at else None
        return (
            self.reference,
            self.session_id,
            self.vendor,
            self.status,
            self.decision,
            self.reasons,
            self.error,
            when,
        )


@dataclass(frozen=True)
class OutcomeTable:
    """Where outcomes go back: one row per applicant reference, upserted (a rerun or a retry
    writes the same row again, never a second one)."""

    conn_id: str
    table: str = "idv_outcomes"

    def create(self) -> None:
        """Create the table when it does not exist (SQLite and PostgreSQL)."""
        sql_identifier(self.table, "outcomes.table")
        with _cursor(sql_hook(self.conn_id)) as cursor:
            cursor.execute(OUTCOME_DDL.format(table=self.table))

    def upsert(self, outcomes: Iterable[Outcome]) -> int:
        """Write ``outcomes``, replacing each reference's row; how many were written."""
        sql_identifier(self.table, "outcomes.table")
        rows = [outcome.row() for outcome in outcomes]
        if not rows:
            return 0
        hook = sql_hook(self.conn_id)
        marks = ", ".join([hook.placeholder] * len(OUTCOME_COLUMNS))
        updates = ", ".join(f"{c} = excluded.{c}" for c in OUTCOME_COLUMNS[1:])
        sql = (
            f"INSERT INTO {self.table} ({', '.join(OUTCOME_COLUMNS)}) VALUES ({marks}) "  # noqa: S608
            f"ON CONFLICT (reference) DO UPDATE SET {updates}"
        )
        with _cursor(hook) as cursor:
            cursor.executemany(sql, rows)
        return len(rows)

    def record_decisions(
        self, decided: Iterable[tuple[VerificationSession, str, Sequence[str]]]
    ) -> int:
        """Write (session afterwards, decision, reasons) back, by the reference this table
        has for each session (sessions it does not know are left out); how many were."""
        decided = list(decided)
        references = self.references(session.id for session, _, _ in decided)
        now = datetime.now(UTC)
        return self.upsert(
            Outcome(
                reference=references[session.id],
                session_id=session.id,
                vendor=session.vendor,
                status=session.state.value,
                decision=decision,
                reasons="; ".join(reasons),
                updated_at=now,
            )
            for session, decision, reasons in decided
            if session.id in references
        )

    def record_states(self, states: Iterable[tuple[str, str, str, str]]) -> int:
        """Write (session id, vendor, status, reason) back for sessions that ended without a
        decision (voided, expired, deleted...), by the reference this table has for each;
        how many were written."""
        states = list(states)
        references = self.references(session_id for session_id, _, _, _ in states)
        now = datetime.now(UTC)
        return self.upsert(
            Outcome(references[sid], sid, vendor, status, reasons=reason, updated_at=now)
            for sid, vendor, status, reason in states
            if sid in references
        )

    def sessions_created(self) -> int:
        """How many applicants in the table have a session."""
        sql_identifier(self.table, "outcomes.table")
        with _cursor(sql_hook(self.conn_id)) as cursor:
            cursor.execute(
                f"SELECT COUNT(*) FROM {self.table} WHERE session_id IS NOT NULL"  # noqa: S608
            )
            (count,) = cursor.fetchone()
        return int(count)

    def references(self, session_ids: Iterable[str]) -> dict[str, str]:
        """session id → the applicant's reference, for the sessions this table knows."""
        sql_identifier(self.table, "outcomes.table")
        wanted = list(dict.fromkeys(session_ids))
        found: dict[str, str] = {}
        hook = sql_hook(self.conn_id)
        with _cursor(hook) as cursor:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                marks = ", ".join([hook.placeholder] * len(chunk))
                cursor.execute(
                    f"SELECT session_id, reference FROM {self.table} "  # noqa: S608
                    f"WHERE session_id IN ({marks})",
                    chunk,
                )
                found.update({str(s): str(r) for s, r in cursor.fetchall()})
        return found
