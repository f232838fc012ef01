"""SQLite persistence for the sandbox: sessions, their status history, idempotency keys."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY,
    api_key TEXT NOT NULL,
    seq INTEGER NOT NULL,
    status TEXT NOT NULL,
    outcome TEXT NOT NULL,
    created_at TEXT NOT NULL,
    record TEXT NOT NULL,
    applicant TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_by_key ON sessions (api_key, status, seq);
CREATE TABLE IF NOT EXISTS history (
    session_id TEXT NOT NULL,
    at TEXT NOT NULL,
    status TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS history_by_session ON history (session_id);
CREATE TABLE IF NOT EXISTS balances (
    api_key TEXT PRIMARY KEY,
    tokens INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS idempotency (
    api_key TEXT NOT NULL,
    key TEXT NOT NULL,
    body_hash TEXT NOT NULL,
    response TEXT NOT NULL,
    PRIMARY KEY (api_key, key)
);
"""


class IdempotencyConflict(Exception):
    """An Idempotency-Key was reused with a different request body."""


class InsufficientTokens(Exception):
    """The API key's token balance cannot pay for another session."""


@dataclass(frozen=True)
class StoredSession:
    record: dict[str, Any]
    applicant: dict[str, Any]
    outcome: str


class SandboxStore:
    """A small, thread-safe store; one SQLite file (or ``:memory:``)."""

    def __init__(self, path: str | Path = ":memory:") -> None:
        self.path = str(path)
        #: held by every store call; hold it to make several calls one unit
        self.lock = threading.RLock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(SCHEMA)
        #: sessions whose create answer never reached the client (a dropped connection): no
        #: applicant can have their link, so auto mode leaves them until one is handed out
        self.undelivered: set[str] = set()

    def note_delivery(self, session_id: str, answer: object) -> None:
        """After a create: whether its answer (``answer``) reached the client."""
        with self.lock:
            if isinstance(answer, tuple):
                self.undelivered.discard(session_id)
            else:  # a fault's response instead of the answer
                self.undelivered.add(session_id)

    def delivered(self, session_ids: Iterable[str]) -> None:
        """Sessions handed to a client by a read (a list or a get): their links are known."""
        with self.lock:
            self.undelivered.difference_update(session_ids)

    def close(self) -> None:
        with self.lock:
            self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit of work (and the store's lock)."""
        with self.lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    # -- sessions --------------------------------------------------------------------
    def create(
        self,
        api_key: str,
        stored: StoredSession,
        response: dict[str, Any],
        idempotency: tuple[str, str] | None = None,
    ) -> dict[str, Any]:
        """Insert a session and return the create response, atomically.

        With ``idempotency=(key, body_hash)``, a key seen before returns the first response
        instead (and inserts nothing); the same key with another body raises
        :class:`IdempotencyConflict`. A new session costs one token when the key has a
        balance (:meth:`set_balance`); none left raises :class:`InsufficientTokens`.
        """
        record = stored.record
        with self.transaction() as db:
            if idempotency is not None:
                row = db.execute(
                    "SELECT body_hash, response FROM idempotency WHERE api_key = ? AND key = ?",
                    (api_key, idempotency[0]),
                ).fetchone()
                if row is not None:
                    if row[0] != idempotency[1]:
                        raise IdempotencyConflict(idempotency[0])
                    return dict(json.loads(row[1]))
                db.execute(
                    "INSERT INTO idempotency VALUES (?, ?, ?, ?)",
                    (api_key, idempotency[0], idempotency[1], json.dumps(response)),
                )
            balance = db.execute(
                "SELECT tokens FROM balances WHERE api_key = ?", (api_key,)
            ).fetchone()
            if balance is not None:
                if balance[0] <= 0:
                    raise InsufficientTokens(api_key)
                db.execute("UPDATE balances SET tokens = tokens - 1 WHERE api_key = ?", (api_key,))
            (seq,) = db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM sessions").fetchone()
            db.execute(
                "INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    record["id"],
                    api_key,
                    seq,
                    record["status"],
                    stored.outcome,
                    record["createdAt"],
                    json.dumps(record),
                    json.dumps(stored.applicant),
                ),
            )
            self.add_history(db, record["id"], record["createdAt"], record["status"])
        return response

    def update(self, stored: StoredSession) -> None:
        record = stored.record
        with self.transaction() as db:
            db.execute(
                "UPDATE sessions SET status = ?, record = ? WHERE id = ?",
                (record["status"], json.dumps(record), record["id"]),
            )
            self.add_history(db, record["id"], record["updatedAt"], record["status"])

    @staticmethod
    def add_history(db: sqlite3.Connection, session_id: str, at: str, status: str) -> None:
        """Record a status change, inside a :meth:`transaction` (any vendor's sessions)."""
        db.execute("INSERT INTO history VALUES (?, ?, ?)", (session_id, at, status))

    def get(self, api_key: str, session_id: str) -> StoredSession | None:
        with self.lock:
            row = self._db.execute(
                "SELECT record, applicant, outcome FROM sessions WHERE api_key = ? AND id = ?",
                (api_key, session_id),
            ).fetchone()
        return StoredSession(json.loads(row[0]), json.loads(row[1]), row[2]) if row else None

    def page(
        self, api_key: str, *, status: str | None, limit: int, offset: int
    ) -> tuple[list[dict[str, Any]], int]:
        """Newest first; returns the records and the total matching."""
        offset = min(offset, 2**62)  # any offset past the end is an empty page
        where, args = "api_key = ?", [api_key]
        if status is not None:
            where, args = where + " AND status = ?", [*args, status]
        with self.lock:
            (total,) = self._db.execute(
                f"SELECT COUNT(*) FROM sessions WHERE {where}",  # noqa: S608 - fixed text
                args,
            ).fetchone()
            rows = self._db.execute(
                f"SELECT record FROM sessions WHERE {where} ORDER BY seq DESC LIMIT ? OFFSET ?",  # noqa: S608
                [*args, limit, offset],
            ).fetchall()
        return [json.loads(r[0]) for r in rows], total

    def due_for_submission(self, api_key: str, created_before: str) -> list[StoredSession]:
        """PENDING sessions old enough for auto mode to complete."""
        with self.lock:
            rows = self._db.execute(
                "SELECT record, applicant, outcome FROM sessions "
                "WHERE api_key = ? AND status = 'PENDING' AND created_at <= ?",
                (api_key, created_before),
            ).fetchall()
        return [StoredSession(json.loads(r[0]), json.loads(r[1]), r[2]) for r in rows]

    def history(self, session_id: str) -> list[tuple[str, str]]:
        """``(timestamp, status)`` of every status the session has had, oldest first."""
        with self.lock:
            rows = self._db.execute(
                "SELECT at, status FROM history WHERE session_id = ? ORDER BY rowid",
                (session_id,),
            ).fetchall()
        return [(at, status) for at, status in rows]

    def set_balance(self, api_key: str, tokens: int | None, *, keep: bool = False) -> None:
        """Give the key a token balance (``None``: unlimited). ``keep`` leaves an existing one."""
        with self.transaction() as db:
            if tokens is None:
                db.execute("DELETE FROM balances WHERE api_key = ?", (api_key,))
            else:
                verb = "INSERT OR IGNORE" if keep else "INSERT OR REPLACE"
                db.execute(f"{verb} INTO balances VALUES (?, ?)", (api_key, tokens))

    def balance(self, api_key: str) -> int | None:
        with self.lock:
            row = self._db.execute(
                "SELECT tokens FROM balances WHERE api_key = ?", (api_key,)
            ).fetchone()
        return None if row is None else int(row[0])

    def add_schema(self, script: str) -> None:
        """Create another vendor's tables (idempotent ``CREATE ... IF NOT EXISTS``)."""
        with self.lock:
            self._db.executescript(script)

    def query(self, sql: str, args: tuple[Any, ...] | list[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows of one read-only statement."""
        with self.lock:
            return list(self._db.execute(sql, args).fetchall())

    def all_ids(self) -> list[str]:
        with self.lock:
            return [r[0] for r in self._db.execute("SELECT id FROM sessions ORDER BY seq")]
