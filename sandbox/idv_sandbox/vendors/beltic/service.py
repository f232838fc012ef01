"""Beltic's Identity API behaviour, independent of HTTP: accounts, sessions linked to them,
the nine statuses and their timestamps, approve / decline / expire / redact, cursor pages.

Where Beltic's documentation is silent the sandbox picks (docs/vendors/beltic.md lists it): a
refused transition is a 409; repeating an action that already took effect is a no-op; redact nulls
the personal-data blocks and keeps the status; one external_id is one account.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from idv_sandbox.config import ApiError, SandboxConfig, iso_time
from idv_sandbox.outcomes import Outcome, choose_outcome, draw_key, finishing, run_auto_mode
from idv_sandbox.store import SandboxStore
from idv_sandbox.vendors.beltic.listing import decode_cursor, list_filters

SCHEMA = """
CREATE TABLE IF NOT EXISTS beltic_accounts (
    id TEXT PRIMARY KEY,
    api_key TEXT NOT NULL,
    external_id TEXT,
    record TEXT NOT NULL,
    UNIQUE (api_key, external_id)
);
CREATE TABLE IF NOT EXISTS beltic_sessions (
    id TEXT PRIMARY KEY,
    api_key TEXT NOT NULL,
    seq INTEGER NOT NULL,
    account_id TEXT NOT NULL,
    status TEXT NOT NULL,
    outcome TEXT NOT NULL,
    created_at TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS beltic_by_key ON beltic_sessions (api_key, status, seq);
"""
#: where auto mode (or the hosted page) leaves a finished flow, by outcome
FINAL_STATUS = {
    Outcome.CLEAN_PASS: "completed",
    Outcome.FACE_MISMATCH: "marked_for_review",
    Outcome.EXPIRED_DOCUMENT: "marked_for_review",
    Outcome.UNDER_AGE: "marked_for_review",
    Outcome.PEP_SANCTIONS_HIT: "marked_for_review",
    Outcome.DOCUMENT_UNREADABLE: "failed",
}
TIMESTAMP = {
    "started": "started_at",
    "completed": "completed_at",
    "failed": "failed_at",
    "marked_for_review": "marked_for_review_at",
    "approved": "decisioned_at",
    "declined": "decisioned_at",
    "expired": "expired_at",
}
DECIDABLE = ("completed", "marked_for_review")
EXPIRABLE = ("created", "started", "pending")
PERSONAL_DATA = (
    "person",
    "contact",
    "address",
    "identity_numbers",
    "business",
    "behavior_analysis",
)
MAX_PAGE = 100


#: statuses in which the applicant's data may still change
UPDATABLE = frozenset({"created", "started"})


@dataclass(frozen=True)
class BelticSession:
    record: dict[str, Any]  # the JSON:API resource
    outcome: str
    api_key: str
    email: str


class BelticSandbox:
    """Beltic's API as the sandbox plays it (the routes in ``beltic_routes`` are a thin shell)."""

    def __init__(self, store: SandboxStore, config: SandboxConfig) -> None:
        self.store = store
        self.config = config
        store.add_schema(SCHEMA)

    # -- accounts --------------------------------------------------------------------------
    def create_account(self, api_key: str, body: dict[str, Any]) -> dict[str, Any]:
        attributes = body["data"]["attributes"]
        external_id = attributes.get("external_id")
        now = iso_time(self.config.clock.now())
        record = {
            "id": str(uuid.uuid4()),
            "type": "account",
            "attributes": {
                "status": "pending",
                "entity_type": attributes["entity_type"],
                "external_id": external_id,
                **{
                    k: attributes.get(k)
                    for k in ("person", "business", "contact", "address", "identity_numbers")
                },
                "created_at": now,
                "updated_at": now,
                "redacted_at": None,
            },
        }
        with self.store.lock:
            if external_id and self.accounts(api_key, external_id):
                raise ApiError(
                    422, "external_id has already been taken", field="data/attributes/external_id"
                )
            with self.store.transaction() as db:
                db.execute(
                    "INSERT INTO beltic_accounts VALUES (?, ?, ?, ?)",
                    (record["id"], api_key, external_id, json.dumps(record)),
                )
        return record

    def accounts(
        self, api_key: str, external_id: str | None, limit: int = MAX_PAGE
    ) -> list[dict[str, Any]]:
        where, args = "api_key = ?", [api_key]
        if external_id is not None:
            where, args = where + " AND external_id = ?", [*args, external_id]
        rows = self.store.query(
            f"SELECT record FROM beltic_accounts WHERE {where} ORDER BY rowid DESC LIMIT ?",  # noqa: S608
            [*args, limit],
        )
        return [json.loads(r[0]) for r in rows]

    def account(self, api_key: str, account_id: str) -> dict[str, Any]:
        """``GET /accounts/{id}``: the account, or a 404."""
        rows = self.store.query(
            "SELECT record FROM beltic_accounts WHERE api_key = ? AND id = ?", [api_key, account_id]
        )
        if not rows:
            raise ApiError(404, f"Account {account_id} not found")
        return dict(json.loads(rows[0][0]))

    def _account(self, api_key: str, account_id: str) -> dict[str, Any]:
        rows = self.store.query(
            "SELECT record FROM beltic_accounts WHERE api_key = ? AND id = ?", [api_key, account_id]
        )
        if not rows:
            raise ApiError(
                404, f"Account {account_id} not found", field="data/relationships/account"
            )
        return dict(json.loads(rows[0][0]))

    # -- sessions --------------------------------------------------------------------------
    def _rows(
        self, where: str, args: list[Any], tail: str = "ORDER BY seq DESC"
    ) -> list[BelticSession]:
        rows = self.store.query(
            f"SELECT s.record, s.outcome, s.api_key, a.record FROM beltic_sessions s "  # noqa: S608
            f"JOIN beltic_accounts a ON a.id = s.account_id WHERE {where} {tail}",
            args,
        )
        sessions = []
        for record, outcome, api_key, account in rows:
            contact = json.loads(account)["attributes"].get("contact") or {}
            sessions.append(
                BelticSession(json.loads(record), outcome, api_key, contact.get("email") or "")
            )
        return sessions

    def _get(self, api_key: str, session_id: str) -> BelticSession:
        self.advance(api_key)
        found = self._rows("s.api_key = ? AND s.id = ?", [api_key, session_id])
        if not found:
            raise ApiError(404, f"Session {session_id} not found")
        return found[0]

    def _save(
        self, session: BelticSession, status: str | None = None, **changes: Any
    ) -> BelticSession:
        record = json.loads(json.dumps(session.record))
        attributes = record["attributes"]
        now = iso_time(self.config.clock.now())
        if status is not None and status != attributes["status"]:
            attributes["status"] = status
            if status in TIMESTAMP:
                attributes[TIMESTAMP[status]] = now
        attributes.update(changes)
        attributes["updated_at"] = now
        with self.store.transaction() as db:
            db.execute(
                "UPDATE beltic_sessions SET status = ?, record = ? WHERE id = ?",
                (attributes["status"], json.dumps(record), record["id"]),
            )
            if status is not None and status != session.record["attributes"]["status"]:
                self.store.add_history(db, record["id"], now, status)
        return BelticSession(record, session.outcome, session.api_key, session.email)

    def create_session(self, api_key: str, body: dict[str, Any]) -> dict[str, Any]:
        account_ref = body["data"]["relationships"]["account"]["data"]
        account = self._account(api_key, account_ref["id"])
        person = account["attributes"].get("person")
        contact = account["attributes"].get("contact") or {}
        email = contact.get("email") or ""
        key = draw_key(self.config.seed, email, account["attributes"].get("external_id"))
        outcome = choose_outcome(email, key, self.config.outcome_mix)
        now = self.config.clock.now()
        session_id = str(uuid.uuid4())
        record = {
            "id": session_id,
            "type": "session",
            "attributes": {
                "status": "created",
                "creator_type": "system",
                "creator_id": "sandbox",
                "entity_type": body["data"]["attributes"]["entity_type"],
                "person": person,
                "contact": account["attributes"].get("contact"),
                "address": account["attributes"].get("address"),
                "identity_numbers": None,
                "business": None,
                "behavior_analysis": None,
                "created_at": iso_time(now),
                "updated_at": iso_time(now),
                "expires_at": iso_time(now + timedelta(days=7)),
                **dict.fromkeys(sorted(set(TIMESTAMP.values()))),
                "redacted_at": None,
            },
            "relationships": {
                "account": {"data": {"type": "account", "id": account["id"]}},
                "session_device": {"data": None},
            },
        }
        with self.store.transaction() as db:
            (seq,) = db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM beltic_sessions").fetchone()
            db.execute(
                "INSERT INTO beltic_sessions VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    session_id,
                    api_key,
                    seq,
                    account["id"],
                    "created",
                    outcome.value,
                    iso_time(now),
                    json.dumps(record),
                ),
            )
            self.store.add_history(db, session_id, iso_time(now), "created")
        return record

    def get(self, api_key: str, session_id: str) -> dict[str, Any]:
        return self._get(api_key, session_id).record

    # -- the applicant's flow and auto mode --------------------------------------------------
    def advance(self, api_key: str) -> None:
        """Auto mode: finish the flows of sessions old enough."""
        if self.config.auto_submit_after is None:
            return
        cutoff = iso_time(
            self.config.clock.now() - timedelta(seconds=self.config.auto_submit_after)
        )
        run_auto_mode(
            self._rows(
                "s.api_key = ? AND s.status = 'created' AND s.created_at <= ?", [api_key, cutoff]
            ),
            self.store.undelivered,
            session_id=lambda session: str(session.record["id"]),
            outcome=lambda session: session.outcome,
            finish=self.finish,
            open_link=self.start,
        )

    def by_id(self, session_id: str) -> BelticSession:
        """A session under any key (the applicant's page has no API key)."""
        found = self._rows("s.id = ?", [session_id])
        if not found:
            raise ApiError(404, "This verification link is not valid.")
        self.advance(found[0].api_key)
        return self._rows("s.id = ?", [session_id])[0]

    def start(self, session: BelticSession) -> BelticSession:
        if session.record["attributes"]["status"] == "created":
            return self._save(session, "started")
        return session

    def references(self) -> list[tuple[str, str]]:
        return [
            (external_id, session_id)
            for external_id, session_id in self.store.query(
                "SELECT a.external_id, s.id FROM beltic_sessions s "
                "JOIN beltic_accounts a ON a.id = s.account_id ORDER BY s.seq"
            )
        ]

    def seed(self, api_key: str, count: int, base_url: str, *, submitted: bool = True) -> list[str]:
        """``count`` accounts and sessions of made-up applicants, their flows finished with
        ``submitted`` (outcomes drawn from the mix): a backlog for a review."""
        ids = []
        first = len(self.store.query("SELECT id FROM beltic_accounts"))
        for n in range(first + 1, first + count + 1):
            attributes = {
                "entity_type": "person",
                "external_id": f"seed-{n:06d}",
                "person": {"name": {"first": "Seed", "last": f"Applicant {n}"}},
                "contact": {"email": f"applicant{n:06d}@example.com"},
            }
            account = self.create_account(api_key, {"data": {"attributes": attributes}})
            relation = {"account": {"data": {"type": "account", "id": account["id"]}}}
            body = {"data": {"attributes": {"entity_type": "person"}, "relationships": relation}}
            session_id = str(self.create_session(api_key, body)["id"])
            if submitted:
                stored = self.by_id(session_id)
                self.finish(self.start(stored), Outcome(stored.outcome))
            ids.append(session_id)
        return ids

    def finish(self, session: BelticSession, outcome: Outcome) -> BelticSession:
        """The applicant submits; processing ends as the outcome says."""
        if session.record["attributes"]["status"] not in EXPIRABLE:
            return session
        session = self._save(self.start(session), "pending")
        return self._save(session, FINAL_STATUS[finishing(outcome)])

    # -- actions -----------------------------------------------------------------------------
    def act(self, api_key: str, session_id: str, action: str) -> dict[str, Any]:
        session = self._get(api_key, session_id)
        status = session.record["attributes"]["status"]
        if action in ("approve", "decline"):
            if api_key in self.config.beltic_keys_without_decide:
                raise ApiError(403, "The API key lacks the sessions:decide permission.")
            target = "approved" if action == "approve" else "declined"
            if status == target:
                return session.record  # repeating a decision changes nothing
            if status not in DECIDABLE:
                raise ApiError(409, f"A {status} session cannot be {target}.")
            return self._save(session, target).record
        if action == "expire":
            if status == "expired":
                return session.record
            if status not in EXPIRABLE:
                raise ApiError(409, f"A {status} session cannot be expired.")
            return self._save(session, "expired").record
        if session.record["attributes"]["redacted_at"]:  # redact
            return session.record
        return self._save(
            session,
            None,
            redacted_at=iso_time(self.config.clock.now()),
            **dict.fromkeys(PERSONAL_DATA),
        ).record

    def update(self, api_key: str, session_id: str, body: dict[str, Any]) -> dict[str, Any]:
        """Change the applicant's data of a session the applicant has not submitted yet."""
        session = self._get(api_key, session_id)
        status = session.record["attributes"]["status"]
        if status not in UPDATABLE:
            raise ApiError(409, f"A {status} session's data can no longer be changed.")
        return self._save(session, None, **body["data"]["attributes"]).record

    def page(self, api_key: str, query: dict[str, str]) -> tuple[list[dict[str, Any]], bool, bool]:
        """A page of sessions newest first, and whether there are more after and before it."""
        self.advance(api_key)
        where, args = list_filters(api_key, query, prefix="s.")
        if query.get("filter[session_device]"):
            return [], False, False  # the sandbox has no session devices
        size = int(query.get("page[size]", 15))
        order, tail_args = "DESC", []
        if "page[after]" in query:
            where.append("s.seq < (SELECT seq FROM beltic_sessions WHERE id = ?)")
            tail_args = [decode_cursor(query["page[after]"])]
        elif "page[before]" in query:
            where.append("s.seq > (SELECT seq FROM beltic_sessions WHERE id = ?)")
            tail_args, order = [decode_cursor(query["page[before]"])], "ASC"
        rows = self._rows(
            " AND ".join(where), [*args, *tail_args], f"ORDER BY s.seq {order} LIMIT {size + 1}"
        )
        more = len(rows) > size
        records = [r.record for r in rows[:size]]
        if order == "ASC":
            records.reverse()
            return records, True, more
        return records, more, "page[after]" in query

    def count(self, api_key: str, query: dict[str, str]) -> int:
        if query.get("filter[session_device]"):
            return 0
        conditions, args = list_filters(api_key, query)
        where = " AND ".join(conditions)
        return int(
            self.store.query(f"SELECT COUNT(*) FROM beltic_sessions WHERE {where}", args)[0][0]  # noqa: S608
        )
