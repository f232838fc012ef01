"""Didit's session behaviour, independent of HTTP: create (reusing an unfinished session for
the same ``vendor_data``), the lifecycle, update-status rules, soft delete, the list filters.

Sessions live in their own table of the sandbox's SQLite file; the stored record is the
decision payload itself, so a read is a lookup.
"""

from __future__ import annotations

import json
import secrets
import uuid
from datetime import timedelta
from typing import Any

from idv_sandbox.config import ApiError, SandboxConfig
from idv_sandbox.outcomes import Outcome, choose_outcome, draw_key, finishing, run_auto_mode
from idv_sandbox.store import SandboxStore
from idv_sandbox.vendors.didit.listing import filters, list_row, matches
from idv_sandbox.vendors.didit.results import FEATURES, RESULT_ARRAYS, finished_flow
from idv_sandbox.vendors.didit.session import DiditSession, didit_time
from idv_sandbox.vendors.didit.webhooks import status_updated
from idv_sandbox.webhooks import WebhookOutbox

SCHEMA = """
CREATE TABLE IF NOT EXISTS didit_sessions (
    id TEXT PRIMARY KEY,
    api_key TEXT NOT NULL,
    number INTEGER NOT NULL,
    token TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    outcome TEXT NOT NULL,
    vendor_data TEXT,
    workflow_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    record TEXT NOT NULL,
    applicant TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS didit_by_key ON didit_sessions (api_key, deleted, number);
"""
UNFINISHED = ("Not Started", "In Progress", "Resubmitted", "Awaiting User")
DECIDABLE = {"Approved", "Declined", "In Review", "Kyc Expired", "Abandoned", "Resubmitted"}
DOCUMENT_TYPES = {"P", "ID", "DL", "RP", "HIC", "TC", "SSC"}


#: sandbox_scenario slugs this sandbox plays, and the outcome each plays as
SANDBOX_SCENARIOS = {
    "approve": Outcome.CLEAN_PASS,
    "decline_document_expired": Outcome.EXPIRED_DOCUMENT,
    "decline_could_not_recognize_document": Outcome.DOCUMENT_UNREADABLE,
    "decline_minimum_age": Outcome.UNDER_AGE,
    "decline_face_match_low_similarity": Outcome.FACE_MISMATCH,
    "review_aml_possible_match": Outcome.PEP_SANCTIONS_HIT,
}


class DiditSandbox:
    """Didit's API as the sandbox plays it (the routes in ``didit_routes`` are a thin shell)."""

    def __init__(
        self, store: SandboxStore, config: SandboxConfig, outbox: WebhookOutbox | None = None
    ) -> None:
        self.store = store
        self.config = config
        self.outbox = outbox
        self.workflows = config.didit_workflows
        store.add_schema(SCHEMA)

    # -- storage -------------------------------------------------------------------------
    def _rows(self, where: str, args: list[Any]) -> list[DiditSession]:
        rows = self.store.query(
            "SELECT record, applicant, outcome, api_key, token FROM didit_sessions "  # noqa: S608
            f"WHERE {where} ORDER BY number DESC",
            args,
        )
        return [DiditSession(json.loads(r[0]), json.loads(r[1]), r[2], r[3], r[4]) for r in rows]

    def _save(self, session: DiditSession) -> None:
        record = session.record
        with self.store.transaction() as db:
            previous = db.execute(
                "SELECT status FROM didit_sessions WHERE id = ?", (record["session_id"],)
            ).fetchone()
            db.execute(
                "UPDATE didit_sessions SET status = ?, record = ? WHERE id = ?",
                (record["status"], json.dumps(record), record["session_id"]),
            )
            changed = previous is None or previous[0] != record["status"]
            if changed:
                self.store.add_history(
                    db, record["session_id"], didit_time(self.config.clock.now()), record["status"]
                )
        if changed:
            self._notify(record)

    def _notify(self, record: dict[str, Any]) -> None:
        """Didit fires ``status.updated`` on every change of status (not on create)."""
        url, secret = self.config.didit_webhook_url, self.config.didit_webhook_secret
        if self.outbox is None or not url or not secret:
            return
        event_id, render = status_updated(record, secret)
        about = {"session_id": record["session_id"], "status": record["status"]}
        self.outbox.enqueue(event_id, url, render, about)
        self.outbox.start()

    def _get(self, api_key: str, session_id: str) -> DiditSession:
        self.advance(api_key)
        found = self._rows("api_key = ? AND id = ? AND deleted = 0", [api_key, session_id])
        if not found:
            raise ApiError(404, "Not found.")
        return found[0]

    # -- create --------------------------------------------------------------------------
    def _check_create(self, body: dict[str, Any]) -> None:
        """Checks the spec cannot express; normalizes ``metadata`` sent as a JSON string."""
        if body["workflow_id"] not in self.workflows:
            raise ApiError(404, "Workflow not found.", field="workflow_id")
        if isinstance(body.get("metadata"), str):
            try:
                body["metadata"] = json.loads(body["metadata"])
            except ValueError:
                body["metadata"] = None
            if not isinstance(body["metadata"], dict):
                raise ApiError(400, "metadata must be a JSON object.", field="metadata")
        scenario = body.get("sandbox_scenario")
        if scenario is not None and scenario not in SANDBOX_SCENARIOS:
            raise ApiError(
                400,
                f"Unknown sandbox_scenario; this sandbox plays: {', '.join(SANDBOX_SCENARIOS)}.",
                field="sandbox_scenario",
            )
        expected = body.get("expected_details") or {}
        for kind in expected.get("expected_document_types") or []:
            if str(kind).upper() not in DOCUMENT_TYPES:
                raise ApiError(400, f"Unknown document type: {kind}.", field="expected_details")

    def _reusable(self, api_key: str, body: dict[str, Any]) -> DiditSession | None:
        if not body.get("vendor_data"):
            return None
        marks = ",".join("?" * len(UNFINISHED))
        found = self._rows(
            f"api_key = ? AND deleted = 0 AND vendor_data = ? AND workflow_id = ? "
            f"AND status IN ({marks})",
            [api_key, body["vendor_data"], body["workflow_id"], *UNFINISHED],
        )
        return found[0] if found else None

    @staticmethod
    def created(session: DiditSession) -> dict[str, Any]:
        """The create answer."""
        r = session.record
        return {
            "session_id": r["session_id"],
            "session_number": r["session_number"],
            "session_token": session.token,
            "url": r["session_url"],
            "vendor_data": r["vendor_data"],
            "metadata": r["metadata"],
            "status": r["status"],
            "callback": r["callback"],
            "workflow_id": r["workflow_id"],
            "workflow_version": 1,
        }

    def create(self, api_key: str, body: dict[str, Any], base_url: str) -> DiditSession:
        """A new session, or the unfinished one of the same ``vendor_data`` and workflow (its
        callback and metadata replaced), as Didit does."""
        self._check_create(body)
        with self.store.lock:  # the reuse check and the insert are one unit
            if (reused := self._reusable(api_key, body)) is not None:
                record = {
                    **reused.record,
                    "callback": body.get("callback"),
                    "metadata": body.get("metadata"),
                }
                reused = DiditSession(
                    record, reused.applicant, reused.outcome, reused.api_key, reused.token
                )
                self._save(reused)
                return reused
            return self._insert(api_key, body, base_url)

    def _insert(self, api_key: str, body: dict[str, Any], base_url: str) -> DiditSession:
        contact = body.get("contact_details") or {}
        expected = body.get("expected_details") or {}
        email = str(contact.get("email") or "")
        key = draw_key(self.config.seed, email, body.get("vendor_data"))
        applicant = {
            "first_name": expected.get("first_name"),
            "last_name": expected.get("last_name"),
            "email": email,
            "phone": contact.get("phone"),
            "draw_key": key,
            "scenario": body.get("sandbox_scenario"),
        }
        outcome = SANDBOX_SCENARIOS.get(body.get("sandbox_scenario") or "") or choose_outcome(
            email, key, self.config.outcome_mix
        )
        (number,) = self.store.query("SELECT COALESCE(MAX(number), 0) + 1 FROM didit_sessions")[0]
        token = secrets.token_urlsafe(9)
        session_id = str(uuid.uuid4())
        now = didit_time(self.config.clock.now())
        record: dict[str, Any] = {
            "session_id": session_id,
            "session_number": number,
            "session_kind": "user",
            "session_url": f"{base_url}/verify/session/{token}",
            "status": "Not Started",
            "environment": "sandbox",
            "workflow_id": body["workflow_id"],
            "features": FEATURES,
            "vendor_data": body.get("vendor_data"),
            "metadata": body.get("metadata"),
            "callback": body.get("callback"),
            "contact_details": contact or None,
            "expected_details": expected or None,
            "created_at": now,
            **dict.fromkeys(RESULT_ARRAYS),
            "warnings": None,
            "reviews": [],
        }
        with self.store.transaction() as db:
            db.execute(
                "INSERT INTO didit_sessions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                (
                    session_id,
                    api_key,
                    number,
                    token,
                    record["status"],
                    outcome.value,
                    record["vendor_data"],
                    record["workflow_id"],
                    now,
                    json.dumps(record),
                    json.dumps(applicant),
                ),
            )
            self.store.add_history(db, session_id, now, "Not Started")
        return DiditSession(record, applicant, outcome.value, api_key, token)

    # -- the applicant's flow and the clock ---------------------------------------------
    def advance(self, api_key: str) -> None:
        """Auto mode and expiry: finish the flows old enough; expire the ones never opened."""
        now = self.config.clock.now()
        if self.config.didit_expire_after is not None:
            cutoff = didit_time(now - timedelta(seconds=self.config.didit_expire_after))
            for session in self._rows(
                "api_key = ? AND deleted = 0 AND status IN ('Not Started', 'In Progress') "
                "AND created_at <= ?",
                [api_key, cutoff],
            ):
                ended = "Expired" if session.record["status"] == "Not Started" else "Abandoned"
                self._set_status(session, ended)
        if self.config.auto_submit_after is None:
            return
        cutoff = didit_time(now - timedelta(seconds=self.config.auto_submit_after))
        run_auto_mode(
            self._rows(
                "api_key = ? AND deleted = 0 AND status = 'Not Started' AND created_at <= ?",
                [api_key, cutoff],
            ),
            self.store.undelivered,
            session_id=lambda session: str(session.record["session_id"]),
            outcome=lambda session: session.outcome,
            finish=self.finish,
            open_link=self.open,
        )

    def _set_status(self, session: DiditSession, status: str, **fields: Any) -> DiditSession:
        record = {**session.record, **fields, "status": status}
        updated = DiditSession(
            record, session.applicant, session.outcome, session.api_key, session.token
        )
        self._save(updated)
        return updated

    def open(self, session: DiditSession) -> DiditSession:
        """The applicant opened the link."""
        if session.record["status"] in ("Not Started", "Resubmitted"):
            return self._set_status(session, "In Progress")
        return session

    def references(self) -> list[tuple[str, str]]:
        return [
            (vendor_data, session_id)
            for vendor_data, session_id in self.store.query(
                "SELECT vendor_data, id FROM didit_sessions ORDER BY number"
            )
        ]

    def seed(self, api_key: str, count: int, base_url: str, *, submitted: bool = True) -> list[str]:
        """``count`` sessions of made-up applicants, their flows finished with ``submitted``
        (outcomes drawn from the mix): a backlog for a review, as deepidv's ``seed``."""
        ids = []
        first = len(self.store.query("SELECT id FROM didit_sessions"))
        for n in range(first + 1, first + count + 1):
            body = {
                "workflow_id": min(self.workflows),
                "vendor_data": f"seed-{n:06d}",
                "contact_details": {"email": f"applicant{n:06d}@example.com"},
                "expected_details": {"first_name": "Seed", "last_name": f"Applicant {n}"},
            }
            session = self._insert(api_key, body, base_url)
            if submitted:
                session = self.finish(session, Outcome(session.outcome))
            ids.append(str(session.record["session_id"]))
        return ids

    def finish(self, session: DiditSession, outcome: Outcome) -> DiditSession:
        """The applicant went through the flow; the workflow decides (or asks for a review).
        A session created with a ``sandbox_scenario`` ends as its scenario says."""
        if scenario := session.applicant.get("scenario"):
            outcome = SANDBOX_SCENARIOS[scenario]
        result = finished_flow(finishing(outcome), session.applicant["draw_key"], session.applicant)
        return self._set_status(session, **result)

    def by_token(self, token: str) -> DiditSession:
        """A session by its hosted-flow token (the applicant's page has no API key)."""
        found = self._rows("token = ? AND deleted = 0", [token])
        if not found:
            raise ApiError(404, "This verification link is not valid.")
        self.advance(found[0].api_key)
        return self._rows("token = ?", [token])[0]

    # -- the API -------------------------------------------------------------------------
    def decision(self, api_key: str, session_id: str) -> dict[str, Any]:
        return self._get(api_key, session_id).record

    def console_record(self, session_id: str) -> dict[str, Any]:
        """A session's decision under any key (the reviewer's console has no API key)."""
        found = self._rows("id = ? AND deleted = 0", [session_id])
        if not found:
            raise ApiError(404, f"Session {session_id} not found")
        return self.decision(found[0].api_key, session_id)

    def updatable(self, api_key: str, session_id: str) -> DiditSession:
        """The session, if its status lets update-status change it (checked before the body,
        as Didit does)."""
        session = self._get(api_key, session_id)
        current = session.record["status"]
        if current not in DECIDABLE:
            raise ApiError(400, f"Wrong Current Status: a {current} session cannot be updated.")
        return session

    def apply_status(self, session: DiditSession, body: dict[str, Any]) -> dict[str, Any]:
        """The second half of update-status, once the body is valid."""
        new, current = body["new_status"], session.record["status"]
        if body.get("nodes_to_resubmit") is not None and new != "Resubmitted":
            raise ApiError(
                400, "nodes_to_resubmit goes with Resubmitted only.", field="nodes_to_resubmit"
            )
        if new == current == "Resubmitted":
            raise ApiError(400, "The new status is the same as the current status.")
        if new != current:
            review = {
                "user": "API Client",
                "new_status": new,
                "comment": body.get("comment"),
                "created_at": didit_time(self.config.clock.now()),
            }
            fields: dict[str, Any] = {"reviews": [*session.record["reviews"], review]}
            if new == "Resubmitted":  # the captured data is dropped; the same link reopens
                fields |= {**dict.fromkeys(RESULT_ARRAYS), "warnings": None}
            self._set_status(session, new, **fields)
        return {"session_id": session.record["session_id"]}

    def delete(self, api_key: str, session_id: str) -> None:
        self._get(api_key, session_id)
        with self.store.transaction() as db:
            db.execute("UPDATE didit_sessions SET deleted = 1 WHERE id = ?", (session_id,))

    def list_page(self, api_key: str, query: dict[str, str]) -> tuple[list[dict[str, Any]], int]:
        """One page of list rows (newest first) and the count of all matching."""
        self.advance(api_key)
        where, args = filters(api_key, query)
        if where is None:
            return [], 0  # the sandbox has no KYB sessions
        rows = [s for s in self._rows(where, args) if matches(s, query)]
        limit, offset = int(query.get("limit", 50)), int(query.get("offset", 0))
        return [list_row(s) for s in rows[offset : offset + limit]], len(rows)
