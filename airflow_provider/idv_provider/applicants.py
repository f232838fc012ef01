"""Applicants where an application keeps them, and outcomes written back there: a table read and
written through an Airflow SQL connection (common.sql: SQLite, PostgreSQL, ...).

The DAG names tables and columns (checked as SQL identifiers); applicants' values only ever
travel as query parameters, never as SQL or templates. An applicant's ``reference`` is the
application's own key for them: opaque, never PII (it appears in XCom and task logs).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from airflow.sdk import BaseHook

from idv_provider.exceptions import InvalidRequestError
from idv_provider.models import Applicant, VerificationSession
from idv_provider.validation import MAX_REFERENCE, validate_applicant, validate_reference

log = logging.getLogger(__name__)

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
    f"CREATE TABLE IF NOT EXISTS {{table}} (reference VARCHAR({MAX_REFERENCE}) PRIMARY KEY, "
    "session_id VARCHAR(128), vendor VARCHAR(40), status VARCHAR(40), decision VARCHAR(40), "
    "reasons TEXT, error TEXT, updated_at VARCHAR(40))"
)
#: an outcome status that means "this applicant is onboarded": a live session or a decision
#: (voided, expired, failed or deleted sessions may be onboarded again)
ONBOARDED_STATUSES = frozenset(
    {"pending", "in_progress", "submitted", "approved", "rejected", "unknown"}
)
#: an outcome status of a session still open at the vendor, as far as the table knows
OPEN_STATUSES = frozenset({"pending", "in_progress", "submitted", "unknown"})
#: widest session id the table holds (every vendor's id format fits)
MAX_SESSION_ID = 128


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
    """One applicant as read: the reference (``None``: the row has none) and the raw values
    (PII: never logged)."""

    reference: str | None
    values: dict[str, Any] = field(repr=False)


@dataclass
class CheckedRows:
    """One read's rows sorted out by reference: each applicant once, by exactly one key."""

    #: reference → its one row
    rows: dict[str, ApplicantRow] = field(default_factory=dict)
    #: reference → why its rows are refused (the field named, never a value)
    refused: dict[str, str] = field(default_factory=dict)
    #: rows with no reference at all (NULL): nobody can be told about them by key
    without_reference: int = 0

    @classmethod
    def of(cls, rows: Iterable[ApplicantRow]) -> CheckedRows:
        """Refuse a reference that is not one exactly as written (surrounding whitespace,
        control characters, too long) and a reference that names more than one row."""
        checked = cls()
        counts: dict[str, int] = {}
        for row in rows:
            if row.reference is None:
                checked.without_reference += 1
                continue
            counts[row.reference] = counts.get(row.reference, 0) + 1
            try:
                validate_reference(row.reference)
            except InvalidRequestError as exc:
                checked.refused[row.reference] = str(exc)
                continue
            checked.rows[row.reference] = row
        for reference, count in counts.items():
            if count > 1:
                checked.rows.pop(reference, None)
                checked.refused[reference] = (
                    f"reference names {count} rows of the applicants table: none is onboarded "
                    "until it names one"
                )
        return checked


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
        """The references of every applicant ``where`` selects (no other column is read; rows
        without a reference are left out)."""
        return [row.reference for row in self.read(columns=False) if row.reference is not None]

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
            ApplicantRow(
                None if row[0] is None else str(row[0]),
                {f: v for f, v in zip(fields, row[1:], strict=True)},
            )
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
        """Write ``outcomes``, replacing each reference's row; how many were written. A row the
        table cannot hold (a key longer than its column, a NUL) or that the database refuses
        is left out and counted in the log: it never stops the others."""
        sql_identifier(self.table, "outcomes.table")
        rows = [o.row() for o in outcomes if self._fits(o)]
        if not rows:
            return 0
        hook = sql_hook(self.conn_id)
        marks = ", ".join([hook.placeholder] * len(OUTCOME_COLUMNS))
        updates = ", ".join(f"{c} = excluded.{c}" for c in OUTCOME_COLUMNS[1:])
        sql = (
            f"INSERT INTO {self.table} ({', '.join(OUTCOME_COLUMNS)}) VALUES ({marks}) "  # noqa: S608
            f"ON CONFLICT (reference) DO UPDATE SET {updates}"
        )
        with closing(hook.get_conn()) as conn:
            try:
                with closing(conn.cursor()) as cursor:
                    cursor.executemany(sql, rows)
                conn.commit()
                return len(rows)
            except Exception:
                conn.rollback()
            written = 0
            for row in rows:  # one at a time: the row at fault is the only one left out
                try:
                    with closing(conn.cursor()) as cursor:
                        cursor.execute(sql, row)
                    conn.commit()
                    written += 1
                except Exception:
                    conn.rollback()
        log.warning("%d outcome row(s) refused by the database", len(rows) - written)
        return written

    @staticmethod
    def _fits(outcome: Outcome) -> bool:
        """Whether the table's columns hold the outcome's key and session id as they are."""
        fits = all(
            isinstance(value, str) and 0 < len(value) <= limit and "\x00" not in value
            for value, limit in (
                (outcome.reference, MAX_REFERENCE),
                (outcome.session_id or "-", MAX_SESSION_ID),
            )
        )
        if not fits:
            log.warning("An outcome whose reference or session id the table cannot hold: left out")
        return fits

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

    def open_sessions(self, limit: int) -> list[str]:
        """Up to ``limit`` session ids whose rows still say the session is open (pending, in
        progress, submitted), least recently updated first: what a reconciliation reads."""
        sql_identifier(self.table, "outcomes.table")
        hook = sql_hook(self.conn_id)
        marks = ", ".join([hook.placeholder] * len(OPEN_STATUSES))
        with _cursor(hook) as cursor:
            cursor.execute(
                f"SELECT session_id FROM {self.table} WHERE session_id IS NOT NULL "  # noqa: S608
                f"AND status IN ({marks}) ORDER BY updated_at IS NOT NULL, updated_at",
                sorted(OPEN_STATUSES),
            )
            return [str(row[0]) for row in cursor.fetchmany(limit)]

    def onboarded(self, references: Iterable[str]) -> dict[str, tuple[str, str]]:
        """reference → (session id, status) for the applicants among ``references`` who have a
        live session or a final decision: onboarding them again would send a second invite
        (and, on some vendors, make a second session)."""
        statuses = sorted(ONBOARDED_STATUSES)
        rows = self._rows_in(
            "reference, session_id, status",
            "reference",
            references,
            also=f"session_id IS NOT NULL AND status IN ({', '.join(['{mark}'] * len(statuses))})",
            also_params=statuses,
        )
        return {str(r): (str(s), str(st)) for r, s, st in rows}

    def references(self, session_ids: Iterable[str]) -> dict[str, str]:
        """session id → the applicant's reference, for the sessions this table knows."""
        return {
            str(s): str(r)
            for s, r in self._rows_in("session_id, reference", "session_id", session_ids)
        }

    def _rows_in(
        self,
        columns: str,
        column: str,
        values: Iterable[str],
        *,
        also: str = "",
        also_params: Sequence[Any] = (),
    ) -> list[tuple[Any, ...]]:
        """The rows whose ``column`` is among ``values`` (and meet ``also``, whose ``{mark}``
        are placeholders for ``also_params``), 500 values a query on one connection."""
        sql_identifier(self.table, "outcomes.table")
        wanted = list(dict.fromkeys(values))
        hook = sql_hook(self.conn_id)
        condition = f" AND {also.format(mark=hook.placeholder)}" if also else ""
        rows: list[tuple[Any, ...]] = []
        with _cursor(hook) as cursor:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                marks = ", ".join([hook.placeholder] * len(chunk))
                cursor.execute(
                    f"SELECT {columns} FROM {self.table} "  # noqa: S608 - checked identifiers
                    f"WHERE {column} IN ({marks}){condition}",
                    [*chunk, *also_params],
                )
                rows += [tuple(row) for row in cursor.fetchall()]
        return rows
