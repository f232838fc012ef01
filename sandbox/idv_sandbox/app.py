"""The sandbox's HTTP API: the deepidv session endpoints, stateful, on a local SQLite file."""

from __future__ import annotations

import hashlib
import html
import json
import re
import threading
import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse

from idv_sandbox.outcomes import Outcome, analysis_data, choose_outcome
from idv_sandbox.store import IdempotencyConflict, SandboxStore, StoredSession

DEFAULT_API_KEY = "sandbox-key"
ORG_ID = "org_sandbox"
SESSION_STATUSES = ("PENDING", "SUBMITTED", "VERIFIED", "REJECTED", "VOIDED")
DECISIONS = ("VERIFIED", "REJECTED", "VOIDED")
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
E164 = re.compile(r"^\+[1-9]\d{6,14}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass
class SandboxConfig:
    """How the sandbox behaves; every field has a command-line flag."""

    api_keys: frozenset[str] = frozenset({DEFAULT_API_KEY})
    #: seconds after create when auto mode moves a session to SUBMITTED; None: never
    auto_submit_after: float | None = 5.0
    outcome_mix: dict[Outcome, float] = field(default_factory=lambda: {Outcome.CLEAN_PASS: 1.0})
    seed: int = 0
    workflows: frozenset[str] = frozenset({"wf_standard_kyc"})
    #: fault: for the next N creates, commit the session, then answer 503 as if the response
    #: had been lost on the way (what a retry without an idempotency key duplicates)
    lose_create_responses: int = 0


class ApiError(Exception):
    def __init__(self, status: int, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.field = status, message, field


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(when: datetime) -> str:
    return when.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def normalize_create_body(body: Any, workflows: frozenset[str]) -> dict[str, Any]:
    """Apply the snake_case aliases (camelCase wins) and check every field."""
    if not isinstance(body, dict):
        raise ApiError(400, "The request body must be a JSON object")
    data = {ALIASES[k]: v for k, v in body.items() if k in ALIASES}
    data.update({k: v for k, v in body.items() if k not in ALIASES})
    for name in ("firstName", "lastName", "email", "phone"):
        if not isinstance(data.get(name), str) or not data[name].strip():
            raise ApiError(400, f"{name} is required", field=name)
    if not EMAIL.match(data["email"]):
        raise ApiError(400, "email is not a valid email address", field="email")
    if not E164.match(data["phone"]):
        raise ApiError(400, "phone must be in E.164 format, e.g. +15192223333", field="phone")
    redirect = data.get("redirectUrl")
    if redirect is not None and (
        not isinstance(redirect, str)
        or urlsplit(redirect).scheme != "https"
        or not urlsplit(redirect).netloc
    ):
        raise ApiError(400, "redirectUrl must be a valid HTTPS URL", field="redirectUrl")
    for name in ("externalId", "workflowId"):
        if name in data and not isinstance(data[name], str):
            raise ApiError(400, f"{name} must be a string", field=name)
    for name in ("sendEmailInvite", "sendPhoneInvite"):
        if name in data and not isinstance(data[name], bool):
            raise ApiError(400, f"{name} must be a boolean", field=name)
    if "workflowId" in data and data["workflowId"] not in workflows:
        raise ApiError(404, f"Workflow {data['workflowId']} not found", field="workflowId")
    return data


class Sandbox:
    """The sandbox's behaviour, independent of HTTP (the app below is a thin shell)."""

    def __init__(self, store: SandboxStore, config: SandboxConfig) -> None:
        self.store = store
        self.config = config
        self._fault_lock = threading.Lock()

    def create(
        self, api_key: str, body: Any, base_url: str, idempotency_key: str | None
    ) -> dict[str, Any]:
        data = normalize_create_body(body, self.config.workflows)
        session_id = str(uuid.uuid4())
        now = _iso(_now())
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
        applicant = {k: data[k] for k in ("firstName", "lastName", "email", "phone")}
        outcome = choose_outcome(
            data["email"], session_id, self.config.outcome_mix, self.config.seed
        )
        idempotency = None
        if idempotency_key:
            canonical = json.dumps(data, sort_keys=True).encode()
            idempotency = (idempotency_key, hashlib.sha256(canonical).hexdigest())
        try:
            result = self.store.create(
                api_key, StoredSession(record, applicant, outcome.value), response, idempotency
            )
        except IdempotencyConflict:
            raise ApiError(
                409, "Idempotency-Key was already used with a different request body"
            ) from None
        with self._fault_lock:
            if self.config.lose_create_responses > 0:
                self.config.lose_create_responses -= 1
                raise ApiError(503, "Service unavailable (sandbox fault: response lost)")
        return result

    def advance(self, api_key: str) -> None:
        """Auto mode: complete the flow of every PENDING session old enough."""
        delay = self.config.auto_submit_after
        if delay is None:
            return
        cutoff = _iso(_now() - timedelta(seconds=delay))
        for stored in self.store.due_for_submission(api_key, cutoff):
            if stored.outcome == Outcome.ABANDONED:
                continue
            now = _iso(_now())
            record = {
                **stored.record,
                "status": "SUBMITTED",
                "sessionProgress": "COMPLETED",
                "updatedAt": now,
                "submittedAt": now,
                "location": {"country": "CA"},
                "uploads": {"id_front": True, "id_back": True, "selfie": True},
                "analysisData": analysis_data(
                    Outcome(stored.outcome), stored.record["id"], self.config.seed, now
                ),
            }
            self.store.update(replace(stored, record=record))

    def _stored(self, api_key: str, session_id: str) -> StoredSession:
        self.advance(api_key)
        stored = self.store.get(api_key, session_id)
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

    def list(self, api_key: str, *, limit: int, offset: int, status: str | None) -> dict[str, Any]:
        self.advance(api_key)
        records, total = self.store.page(api_key, status=status, limit=limit, offset=offset)
        return {
            "data": records,
            "total": total,
            "hasMore": offset + len(records) < total,
            "limit": limit,
            "offset": offset,
        }

    def console_page(self, session_id: str) -> str:
        """A reviewer's HTML view of any session (the sandbox console has no login)."""
        for api_key in self.config.api_keys:
            self.advance(api_key)
        found = [s for k in self.config.api_keys if (s := self.store.get(k, session_id))]
        if not found:
            raise ApiError(404, f"Session {session_id} not found")
        record = found[0].record
        return CONSOLE_PAGE.format(
            id=html.escape(session_id),
            status=html.escape(record["status"]),
            history="".join(
                f"<li>{html.escape(at)} {html.escape(status)}</li>"
                for at, status in self.store.history(session_id)
            ),
            analysis=html.escape(json.dumps(record.get("analysisData", {}), indent=2)),
        )

    def update_status(self, api_key: str, session_id: str, body: Any) -> dict[str, Any]:
        status = body.get("status") if isinstance(body, dict) else None
        if status not in DECISIONS:
            raise ApiError(400, f"status must be one of {', '.join(DECISIONS)}", field="status")
        stored = self._stored(api_key, session_id)
        current = stored.record["status"]
        if current == status:
            return self._detail(stored)  # repeating a decision is harmless
        if current not in ALLOWED_FROM[status]:
            raise ApiError(409, f"Cannot set a {current} session to {status}", field="status")
        record = {**stored.record, "status": status, "updatedAt": _iso(_now())}
        updated = replace(stored, record=record)
        self.store.update(updated)
        return self._detail(updated)


CONSOLE_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Session {id}</title></head>
<body><h1>Session {id}</h1><p>Status: <strong>{status}</strong> (sandbox console)</p>
<h2>History</h2><ol>{history}</ol><h2>Analysis</h2><pre>{analysis}</pre></body></html>
"""


def _query_int(request: Request, name: str, default: int, low: int, high: int) -> int:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ApiError(400, f"{name} must be an integer", field=name) from None
    if not low <= value <= high:
        raise ApiError(400, f"{name} must be between {low} and {high}", field=name)
    return value


async def _json(request: Request) -> Any:
    try:
        return await request.json()
    except ValueError:
        raise ApiError(400, "The request body is not valid JSON") from None


def create_app(store: SandboxStore, config: SandboxConfig | None = None) -> FastAPI:
    """The FastAPI application; ``app.state.sandbox`` holds its :class:`Sandbox`."""
    sandbox = Sandbox(store, config or SandboxConfig())
    app = FastAPI(title="deepidv sandbox", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.sandbox = sandbox

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        body: dict[str, Any] = {"message": exc.message}
        if exc.field:
            body["field"] = exc.field
        return JSONResponse(body, status_code=exc.status)

    def api_key(request: Request) -> str:
        key = request.headers.get("x-api-key")
        if key not in sandbox.config.api_keys:
            raise ApiError(401, "Missing or invalid API key")
        return str(key)

    @app.post("/v1/sessions")
    async def create(request: Request) -> JSONResponse:
        key = api_key(request)
        body = await _json(request)
        base_url = str(request.base_url).rstrip("/")
        idempotency_key = request.headers.get("idempotency-key")
        return JSONResponse(sandbox.create(key, body, base_url, idempotency_key))

    @app.get("/v1/sessions")
    async def list_sessions(request: Request) -> JSONResponse:
        key = api_key(request)
        status = request.query_params.get("status")
        if status is not None and status not in SESSION_STATUSES:
            raise ApiError(
                400, f"status must be one of {', '.join(SESSION_STATUSES)}", field="status"
            )
        limit = _query_int(request, "limit", 20, 1, 100)
        offset = _query_int(request, "offset", 0, 0, 10**9)
        return JSONResponse(sandbox.list(key, limit=limit, offset=offset, status=status))

    @app.get("/v1/sessions/{session_id}")
    async def retrieve(session_id: str, request: Request) -> JSONResponse:
        return JSONResponse(sandbox.retrieve(api_key(request), session_id))

    @app.patch("/v1/sessions/{session_id}")
    async def update_status(session_id: str, request: Request) -> JSONResponse:
        key = api_key(request)
        body = await _json(request)
        return JSONResponse(sandbox.update_status(key, session_id, body))

    @app.get("/console/sessions/{session_id}", response_class=HTMLResponse)
    async def console(session_id: str) -> HTMLResponse:
        """The reviewer's page of a session (what an operator's extra link opens)."""
        return HTMLResponse(sandbox.console_page(session_id))

    @app.get("/healthz")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    return app
