"""SQLite persistence for the sandbox: one database for every vendor's tables (each vendor adds
its own with :meth:`SandboxStore.add_schema`), the status history and token balances."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

SCHEMA = """
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
"""


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

    @staticmethod
    def add_history(db: sqlite3.Connection, session_id: str, at: str, status: str) -> None:
        """Record a status change, inside a :meth:`transaction` (any vendor's sessions)."""
        db.execute("INSERT INTO history VALUES (?, ?, ?)", (session_id, at, status))

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
