"""Didit's v3 session API over HTTP, its hosted flow and a console page, in the sandbox app.

Errors are worded as Didit (Django REST framework) words them: ``{"detail": ...}``, or
``{"<field>": ["<message>"]}`` for a field that fails validation; no API key is a 403, a
wrong one a 401.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.responses import Response

from idv_sandbox.config import ApiError
from idv_sandbox.contract import Contract, spec_path
from idv_sandbox.gate import Dialect, spec_body
from idv_sandbox.outcomes import Outcome
from idv_sandbox.pages import OUTCOME_CHOICES, finished_page, html_page, outcome_form_page
from idv_sandbox.routing import SandboxParts, VendorApi
from idv_sandbox.vendors.didit.service import DiditSandbox
from idv_sandbox.vendors.didit.session import DiditSession

CREATE = "/v3/session/"
DECISION = "/v3/session/{sessionId}/decision/"
LIST = "/v3/sessions/"
UPDATE = "/v3/session/{sessionId}/update-status/"
DELETE = "/v3/session/{sessionId}/delete/"


def _error_body(exc: ApiError) -> dict[str, Any]:
    if exc.field:
        return {exc.field.split(".")[0]: [exc.message]}
    return {"detail": exc.message}


DIDIT = Dialect(
    missing_key=ApiError(403, "You do not have permission to perform this action."),
    wrong_key=ApiError(401, "Invalid API key."),
    error_body=_error_body,
)


def _page_url(request: Request, offset: int | None) -> str | None:
    if offset is None:
        return None
    query = {**request.query_params, "offset": str(offset)}
    return str(request.url.replace(query=urlencode(query)))


def _callback_target(callback: str, session: DiditSession) -> str:
    """Didit appends the session id and status to the callback URL."""
    params = urlencode(
        {"verificationSessionId": session.record["session_id"], "status": session.record["status"]}
    )
    parts = urlsplit(callback)
    return urlunsplit(parts._replace(query=f"{parts.query}&{params}" if parts.query else params))


def _flow_page(session: DiditSession) -> str:
    if session.record["status"] != "In Progress":
        return finished_page(session.record["status"])
    return outcome_form_page("Didit", f"/verify/session/{session.token}")


def add_didit_routes(app: FastAPI, parts: SandboxParts) -> DiditSandbox:
    """Serve Didit's API, hosted flow and console on ``app``."""
    didit = DiditSandbox(parts.store, parts.config, parts.outbox)
    api = VendorApi(parts, Contract(spec_path("didit")), DIDIT)
    contract = api.contract

    @app.post(CREATE)
    async def create(request: Request) -> Response:
        async def handle(key: str) -> tuple[int, Any] | Response:
            body = await spec_body(request, contract, CREATE)
            session = didit.create(key, body, str(request.base_url).rstrip("/"))
            return await api.created(201, didit.created(session), str(session.record["session_id"]))

        return await api.call(request, CREATE, handle)

    @app.get("/v3/session/{session_id}/decision/")
    async def decision(session_id: str, request: Request) -> Response:
        async def handle(key: str) -> tuple[int, Any]:
            return 200, didit.decision(key, session_id)

        return await api.call(request, DECISION, handle)

    @app.get(LIST)
    async def list_sessions(request: Request) -> Response:
        async def handle(key: str) -> tuple[int, Any]:
            query = dict(request.query_params)
            rows, count = didit.list_page(key, query)
            limit, offset = int(query.get("limit", 50)), int(query.get("offset", 0))
            after = offset + limit if offset + limit < count else None
            before = max(offset - limit, 0) if offset > 0 else None
            return 200, {
                "count": count,
                "next": _page_url(request, after),
                "previous": _page_url(request, before),
                "results": rows,
            }

        return await api.call(request, LIST, handle)

    @app.patch("/v3/session/{session_id}/update-status/")
    async def update_status(session_id: str, request: Request) -> Response:
        async def handle(key: str) -> tuple[int, Any]:
            session = didit.updatable(key, session_id)  # before the body, as Didit does
            body = await spec_body(request, contract, UPDATE)
            return 200, didit.apply_status(session, body)

        return await api.call(request, UPDATE, handle)

    @app.delete("/v3/session/{session_id}/delete/")
    async def delete(session_id: str, request: Request) -> Response:
        async def handle(key: str) -> Response:
            didit.delete(key, session_id)
            return Response(status_code=204)

        return await api.call(request, DELETE, handle)

    # -- the applicant's hosted flow and a reviewer's page --------------------------------
    @app.get("/verify/session/{token}", response_class=HTMLResponse)
    async def hosted_flow(token: str) -> Response:
        session = didit.open(didit.by_token(token))
        return HTMLResponse(_flow_page(session))

    @app.post("/verify/session/{token}")
    async def finish_flow(token: str, request: Request) -> Response:
        outcome = str((await request.form()).get("outcome", ""))
        if outcome not in OUTCOME_CHOICES:
            raise ApiError(400, "Unknown outcome")
        session = didit.by_token(token)
        if session.record["status"] == "In Progress":
            session = didit.finish(session, Outcome(outcome))
        if session.record["callback"]:
            return RedirectResponse(_callback_target(session.record["callback"], session), 303)
        return HTMLResponse(_flow_page(session))

    @app.get("/didit/console/{session_id}", response_class=HTMLResponse)
    async def console(session_id: str) -> Response:
        record = didit.console_record(session_id)
        return HTMLResponse(
            html_page(
                f"Session {session_id}",
                f"<h1>Session {escape(session_id)}</h1>"
                f'<p>Status: <strong id="status">{escape(record["status"])}</strong>'
                " (Didit sandbox console)</p>"
                f"<pre>{escape(json.dumps(record, indent=2))}</pre>",
            )
        )

    return didit
