"""deepidv's API over HTTP (``/v1/sessions``), its hosted flow and a reviewer's console page.

Errors are ``{"message", "field"}``; a 402 is plain text, as deepidv answers it.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.responses import Response

from idv_sandbox.config import ApiError
from idv_sandbox.contract import Contract, spec_path
from idv_sandbox.gate import Dialect, spec_body
from idv_sandbox.routing import SandboxParts, VendorApi
from idv_sandbox.vendors.deepidv.pages import (
    FLOW_ENDINGS,
    console_page,
    done_page,
    flow_page,
    redirect_target,
)
from idv_sandbox.vendors.deepidv.service import DeepidvSandbox, apply_aliases

SESSIONS = "/v1/sessions"
SESSION = "/v1/sessions/{sessionId}"


def _error_body(exc: ApiError) -> dict[str, Any]:
    body: dict[str, Any] = {"message": exc.message}
    if exc.field:
        body["field"] = exc.field
    return body


DEEPIDV = Dialect(
    missing_key=ApiError(401, "Missing or invalid API key"),
    wrong_key=ApiError(401, "Missing or invalid API key"),
    error_body=_error_body,
)


def add_deepidv_routes(app: FastAPI, parts: SandboxParts) -> DeepidvSandbox:
    """Serve deepidv's API, hosted flow and console on ``app``."""
    sandbox = DeepidvSandbox(parts.store, parts.config)
    api = VendorApi(parts, Contract(spec_path("deepidv")), DEEPIDV)
    contract = api.contract

    @app.post(SESSIONS)
    async def create(request: Request) -> Response:
        async def handle(key: str) -> tuple[int, Any] | Response:
            body = await spec_body(request, contract, SESSIONS, apply_aliases)
            base_url = str(request.base_url).rstrip("/")
            created = sandbox.create(key, body, base_url, request.headers.get("idempotency-key"))
            return await api.created(200, created, str(created["id"]))

        return await api.call(request, SESSIONS, handle)

    @app.get(SESSIONS)
    async def list_sessions(request: Request) -> Response:
        async def handle(key: str) -> tuple[int, Any]:
            query = request.query_params
            page = sandbox.list_page(
                key,
                limit=int(query.get("limit", 20)),
                offset=int(query.get("offset", 0)),
                status=query.get("status"),
            )
            return 200, page

        return await api.call(request, SESSIONS, handle)

    @app.get("/v1/sessions/{session_id}")
    async def retrieve(session_id: str, request: Request) -> Response:
        async def handle(key: str) -> tuple[int, Any]:
            return 200, sandbox.retrieve(key, session_id)

        return await api.call(request, SESSION, handle)

    @app.patch("/v1/sessions/{session_id}")
    async def update_status(session_id: str, request: Request) -> Response:
        async def handle(key: str) -> tuple[int, Any]:
            body = await spec_body(request, contract, SESSION, apply_aliases)
            return 200, sandbox.update_status(key, session_id, body)

        return await api.call(request, SESSION, handle)

    # -- the applicant's hosted flow and the reviewer's console ------------------------
    @app.get("/session/{session_id}", response_class=HTMLResponse)
    async def hosted_flow(session_id: str) -> Response:
        return HTMLResponse(flow_page(sandbox.find(session_id)))

    @app.post("/session/{session_id}")
    async def finish_flow(session_id: str, request: Request) -> Response:
        ending = str((await request.form()).get("ending", ""))
        if ending not in FLOW_ENDINGS:
            raise ApiError(400, "Unknown ending")
        stored = sandbox.find(session_id)
        if stored.record["status"] == "PENDING":
            if ending == "success":
                sandbox.submit(stored)
            else:
                sandbox.start(stored)
        redirect_url = stored.applicant.get("redirectUrl")
        if redirect_url:
            return RedirectResponse(redirect_target(redirect_url, session_id, ending), 303)
        return HTMLResponse(done_page(session_id, ending))

    @app.get("/console/sessions/{session_id}", response_class=HTMLResponse)
    async def console(session_id: str) -> Response:
        return HTMLResponse(console_page(parts.store, sandbox.find(session_id)))

    return sandbox
