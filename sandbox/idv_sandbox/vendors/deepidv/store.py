"""deepidv's sessions and idempotency keys in the sandbox's database."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from idv_sandbox.store import SandboxStore

SCHEMA = """
CREATE TABLE IF NOT EXISTS deepidv_sessions (
    id TEXT PRIMARY KEY,
    api_key TEXT NOT NULL,
    seq INTEGER NOT NULL,
    status TEXT NOT NULL,
    outcome TEXT NOT NULL,
    created_at TEXT NOT NULL,
    record TEXT NOT NULL,
    applicant TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS deepidv_sessions_by_key ON deepidv_sessions (api_key, status, seq);
CREATE TABLE IF NOT EXISTS deepidv_idempotency (
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


STORED = "record, applicant, outcome"


def _stored(row: tuple[Any, ...]) -> StoredSession:
    return StoredSession(json.loads(row[0]), json.loads(row[1]), row[2])


class DeepidvSessions:
    """deepidv's tables, in the shared store (its lock and transactions)."""

    def __init__(self, store: SandboxStore) -> None:
        self.store = store
        store.add_schema(SCHEMA)

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
        with self.store.transaction() as db:
            if idempotency is not None:
                row = db.execute(
                    "SELECT body_hash, response FROM deepidv_idempotency "
                    "WHERE api_key = ? AND key = ?",
                    (api_key, idempotency[0]),
                ).fetchone()
                if row is not None:
                    if row[0] != idempotency[1]:
                        raise IdempotencyConflict(idempotency[0])
                    return dict(json.loads(row[1]))
                db.execute(
                    "INSERT INTO deepidv_idempotency VALUES (?, ?, ?, ?)",
                    (api_key, idempotency[0], idempotency[1], json.dumps(response)),
                )
            balance = db.execute(
                "SELECT tokens FROM balances WHERE api_key = ?", (api_key,)
            ).fetchone()
            if balance is not None:
                if balance[0] <= 0:
                    raise InsufficientTokens(api_key)
                db.execute("UPDATE balances SET tokens = tokens - 1 WHERE api_key = ?", (api_key,))
            (seq,) = db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM deepidv_sessions").fetchone()
            db.execute(
                "INSERT INTO deepidv_sessions VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
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
            self.store.add_history(db, record["id"], record["createdAt"], record["status"])
        return response

    def update(self, stored: StoredSession) -> None:
        record = stored.record
        with self.store.transaction() as db:
            db.execute(
                "UPDATE deepidv_sessions SET status = ?, record = ? WHERE id = ?",
                (record["status"], json.dumps(record), record["id"]),
            )
            self.store.add_history(db, record["id"], record["updatedAt"], record["status"])

    def get(self, api_key: str, session_id: str) -> StoredSession | None:
        rows = self.store.query(
            f"SELECT {STORED} FROM deepidv_sessions WHERE api_key = ? AND id = ?",  # noqa: S608
            (api_key, session_id),
        )
        return _stored(rows[0]) if rows else None

    def page(
        self, api_key: str, *, status: str | None, limit: int, offset: int
    ) -> tuple[list[dict[str, Any]], int]:
        """Newest first; returns the records and the total matching."""
        offset = min(offset, 2**62)  # any offset past the end is an empty page
        where, args = "api_key = ?", [api_key]
        if status is not None:
            where, args = where + " AND status = ?", [*args, status]
        with self.store.lock:  # the count and the page from one state
            [(total,)] = self.store.query(
                f"SELECT COUNT(*) FROM deepidv_sessions WHERE {where}",  # noqa: S608 - fixed text
                args,
            )
            rows = self.store.query(
                f"SELECT record FROM deepidv_sessions WHERE {where} "  # noqa: S608 - fixed text
                "ORDER BY seq DESC LIMIT ? OFFSET ?",
                [*args, limit, offset],
            )
        return [json.loads(r[0]) for r in rows], total

    def due_for_submission(self, api_key: str, created_before: str) -> list[StoredSession]:
        """PENDING sessions old enough for auto mode to complete."""
        rows = self.store.query(
            f"SELECT {STORED} FROM deepidv_sessions "  # noqa: S608 - fixed text
            "WHERE api_key = ? AND status = 'PENDING' AND created_at <= ?",
            (api_key, created_before),
        )
        return [_stored(row) for row in rows]

    def all_ids(self) -> list[str]:
        return [r[0] for r in self.store.query("SELECT id FROM deepidv_sessions ORDER BY seq")]
