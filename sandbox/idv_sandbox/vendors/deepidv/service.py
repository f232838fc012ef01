"""deepidv's stand-in, independent of HTTP: sessions, lifecycle, auto mode, the flow."""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from dataclasses import replace
from datetime import timedelta
from typing import Any
from urllib.parse import quote, urlsplit

from idv_sandbox.config import ApiError, SandboxConfig, iso_time
from idv_sandbox.outcomes import (
    Outcome,
    analysis_data,
    choose_outcome,
    draw_key,
    finishing,
    run_auto_mode,
)
from idv_sandbox.store import SandboxStore
from idv_sandbox.vendors.deepidv.store import (
    DeepidvSessions,
    IdempotencyConflict,
    InsufficientTokens,
    StoredSession,
)

ORG_ID = "org_sandbox"
#: status a client may set → statuses it may be set from
ALLOWED_FROM = {
    "VERIFIED": {"SUBMITTED"},
    "REJECTED": {"SUBMITTED"},
    "VOIDED": {"PENDING", "SUBMITTED"},
}
ALIASES = {
    "first_name": "firstName",
    "last_name": "lastName",
    "external_id": "externalId",
    "workflow_id": "workflowId",
    "redirect_url": "redirectUrl",
    "send_email_invite": "sendEmailInvite",
    "send_phone_invite": "sendPhoneInvite",
}
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def apply_aliases(body: Any) -> Any:
    """snake_case aliases → camelCase names; when both are sent, camelCase wins."""
    if not isinstance(body, dict):
        return body
    data = {ALIASES[k]: v for k, v in body.items() if k in ALIASES}
    data.update({k: v for k, v in body.items() if k not in ALIASES})
    return data


def check_create_semantics(data: dict[str, Any], workflows: frozenset[str]) -> None:
    """What the schema cannot say: a plausible address, a real https URL, a known workflow."""
    for name in ("firstName", "lastName"):
        if not data[name].strip():
            raise ApiError(400, f"{name} is required", field=name)
    if not EMAIL.match(data["email"]):
        raise ApiError(400, "email is not a valid email address", field="email")
    if "redirectUrl" in data and not urlsplit(data["redirectUrl"]).netloc:
        raise ApiError(400, "redirectUrl must be a valid HTTPS URL", field="redirectUrl")
    if "workflowId" in data and data["workflowId"] not in workflows:
        raise ApiError(404, f"Workflow {data['workflowId']} not found", field="workflowId")


class DeepidvSandbox:
    """deepidv's behaviour, independent of HTTP (its routes are a thin shell)."""

    def __init__(self, store: SandboxStore, config: SandboxConfig) -> None:
        self.store = store
        self.sessions = DeepidvSessions(store)
        self.config = config
        for key in config.api_keys:
            store.set_balance(key, config.tokens, keep=True)

    def create(
        self, api_key: str, data: dict[str, Any], base_url: str, idempotency_key: str | None
    ) -> dict[str, Any]:
        """Create from a spec-valid, alias-normalized body."""
        check_create_semantics(data, self.config.workflows)
        session_id = str(uuid.uuid4())
        now = iso_time(self.config.clock.now())
        url = f"{base_url}/session/{session_id}?oid={ORG_ID}"
        if data.get("redirectUrl"):
            url += "&redirect_url=" + quote(data["redirectUrl"], safe="")
        record: dict[str, Any] = {
            "id": session_id,
            "organizationId": ORG_ID,
            "userId": str(uuid.uuid5(uuid.NAMESPACE_URL, data["email"].lower())),
            "senderUserId": "usr_sandbox_sender",
            "status": "PENDING",
            "type": "session",
            "sessionProgress": "PENDING",
            "createdAt": now,
            "updatedAt": now,
        }
        for name in ("externalId", "workflowId"):
            if name in data:
                record[name] = data[name]
        response: dict[str, Any] = {"id": session_id, "session_url": url, "links": []}
        if "externalId" in data:
            response["externalId"] = data["externalId"]
        # private to the sandbox: who the applicant is and where the hosted flow sends them
        applicant: dict[str, Any] = {
            k: data[k]
            for k in ("firstName", "lastName", "email", "phone", "redirectUrl")
            if k in data
        }
        key = draw_key(self.config.seed, data["email"], data.get("externalId"))
        applicant["drawKey"] = key
        outcome = choose_outcome(data["email"], key, self.config.outcome_mix)
        idempotency = None
        if idempotency_key:
            canonical = json.dumps(data, sort_keys=True).encode()
            idempotency = (idempotency_key, hashlib.sha256(canonical).hexdigest())
        try:
            return self.sessions.create(
                api_key, StoredSession(record, applicant, outcome.value), response, idempotency
            )
        except IdempotencyConflict:
            raise ApiError(
                409, "Idempotency-Key was already used with a different request body"
            ) from None
        except InsufficientTokens:
            raise ApiError(402, "Insufficient token balance", plain_text=True) from None

    def references(self) -> list[tuple[str, str]]:
        rows = self.store.query(
            "SELECT json_extract(record, '$.externalId'), id FROM deepidv_sessions ORDER BY seq"
        )
        return [(ref or "-", session_id) for ref, session_id in rows]

    def seed(self, api_key: str, count: int, base_url: str, *, submitted: bool = True) -> list[str]:
        """Create ``count`` sessions for made-up applicants (outcomes drawn from the mix) and,
        with ``submitted``, complete their flows: a backlog for a review to work through."""
        ids = []
        first = len(self.sessions.all_ids())
        for n in range(first + 1, first + count + 1):
            body = {
                "firstName": "Seed",
                "lastName": f"Applicant {n}",
                "email": f"applicant{n:06d}@example.com",
                "phone": f"+1555{n:07d}",
                "externalId": f"seed-{n:06d}",
            }
            session_id = str(self.create(api_key, body, base_url, None)["id"])
            if submitted and (stored := self.sessions.get(api_key, session_id)) is not None:
                self.submit(stored)
            ids.append(session_id)
        return ids

    def advance(self, api_key: str) -> None:
        """Auto mode: complete the flow of every PENDING session old enough."""
        delay = self.config.auto_submit_after
        if delay is None:
            return
        cutoff = iso_time(self.config.clock.now() - timedelta(seconds=delay))
        run_auto_mode(
            self.sessions.due_for_submission(api_key, cutoff),
            self.store.undelivered,
            session_id=lambda stored: str(stored.record["id"]),
            outcome=lambda stored: stored.outcome,
            finish=lambda stored, _: self.submit(stored),
        )

    def submit(self, stored: StoredSession) -> None:
        """The applicant completes the flow: SUBMITTED, with the analysis of their outcome."""
        now = iso_time(self.config.clock.now())
        outcome = finishing(Outcome(stored.outcome))
        record = {
            **stored.record,
            "status": "SUBMITTED",
            "sessionProgress": "COMPLETED",
            "updatedAt": now,
            "submittedAt": now,
            "location": {"country": "CA"},
            "uploads": {"id_front": True, "id_back": True, "selfie": True},
            "analysisData": analysis_data(outcome, stored.applicant["drawKey"], now),
        }
        self.sessions.update(replace(stored, record=record))

    def start(self, stored: StoredSession) -> None:
        """The applicant opened the flow but left it (failed or abandoned): still PENDING."""
        if stored.record["sessionProgress"] == "PENDING":
            record = {
                **stored.record,
                "sessionProgress": "STARTED",
                "updatedAt": iso_time(self.config.clock.now()),
            }
            self.sessions.update(replace(stored, record=record))

    def find(self, session_id: str) -> StoredSession:
        """A session under any configured key (the hosted page and console have no API key)."""
        for api_key in self.config.api_keys:
            self.advance(api_key)
            if (stored := self.sessions.get(api_key, session_id)) is not None:
                return stored
        raise ApiError(404, f"Session {session_id} not found")

    def _stored(self, api_key: str, session_id: str) -> StoredSession:
        self.advance(api_key)
        stored = self.sessions.get(api_key, session_id)
        if stored is None:
            raise ApiError(404, f"Session {session_id} not found")
        return stored

    @staticmethod
    def _detail(stored: StoredSession) -> dict[str, Any]:
        a = stored.applicant
        detail: dict[str, Any] = {
            "sessionRecord": stored.record,
            "user": {
                "firstName": a["firstName"],
                "lastName": a["lastName"],
                "email": a["email"],
                "phone": a["phone"],
            },
            "senderUser": {"id": "usr_sandbox_sender", "name": "Sandbox Sender"},
        }
        if stored.record["status"] != "PENDING":
            sid = stored.record["id"]
            detail["resourceLinks"] = {
                name: f"https://sandbox-files.invalid/{sid}/{name}.jpg"
                for name in ("id_front", "id_back", "selfie")
            }
        return detail

    def retrieve(self, api_key: str, session_id: str) -> dict[str, Any]:
        return self._detail(self._stored(api_key, session_id))

    def list_page(
        self, api_key: str, *, limit: int, offset: int, status: str | None
    ) -> dict[str, Any]:
        self.advance(api_key)
        records, total = self.sessions.page(api_key, status=status, limit=limit, offset=offset)
        return {
            "data": records,
            "total": total,
            "hasMore": offset + len(records) < total,
            "limit": limit,
            "offset": offset,
        }

    def update_status(self, api_key: str, session_id: str, body: dict[str, Any]) -> dict[str, Any]:
        """Record the integrator's decision (the body is spec-valid: a DecisionStatus)."""
        status = body["status"]
        stored = self._stored(api_key, session_id)
        current = stored.record["status"]
        if current == status:
            return self._detail(stored)  # repeating a decision is harmless
        if current not in ALLOWED_FROM[status]:
            raise ApiError(409, f"Cannot set a {current} session to {status}", field="status")
        record = {**stored.record, "status": status, "updatedAt": iso_time(self.config.clock.now())}
        updated = replace(stored, record=record)
        self.sessions.update(updated)
        return self._detail(updated)
