"""The sandbox's HTTP layer: each vendor's API checked against its spec, the hosted flows,
and the switches tests and demos use. The checks every API request shares are in
:mod:`idv_sandbox.gate`.
"""

from __future__ import annotations

import asyncio
import html
from collections.abc import Callable
from typing import Any, cast

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from idv_sandbox.beltic_routes import BELTIC, add_beltic_routes
from idv_sandbox.contract import Contract, spec_path
from idv_sandbox.didit_routes import DIDIT, add_didit_routes
from idv_sandbox.faults import Faults, FaultState
from idv_sandbox.gate import Dialect, Gate, json_body, key_label, spec_body
from idv_sandbox.pages import FLOW_ENDINGS, console_page, done_page, flow_page, redirect_target
from idv_sandbox.service import (
    DEFAULT_API_KEY,
    ApiError,
    Sandbox,
    SandboxConfig,
    apply_aliases,
    iso_time,
)
from idv_sandbox.store import SandboxStore

__all__ = ["DEFAULT_API_KEY", "Sandbox", "SandboxConfig", "create_app"]

SESSIONS = "/v1/sessions"
SESSION = "/v1/sessions/{sessionId}"


#: the APIs the sandbox speaks; each one's service is ``app.state.<vendor>`` (deepidv's:
#: ``app.state.sandbox``) and can ``seed`` a backlog
VENDORS = ("deepidv", "didit", "beltic")


def seeder(app: FastAPI, vendor: str) -> Callable[..., list[str]]:
    """The ``seed(api_key, count, base_url, *, submitted)`` of the vendor's service."""
    service = app.state.sandbox if vendor == "deepidv" else getattr(app.state, vendor)
    return cast("Callable[..., list[str]]", service.seed)


class ControlError(Exception):
    """Bad input to a ``/_sandbox`` switch: a 400 (or 404, 413, 415) with a ``detail``."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


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


def create_app(store: SandboxStore, config: SandboxConfig | None = None) -> FastAPI:
    """The FastAPI application; ``app.state.sandbox`` holds the deepidv :class:`Sandbox`,
    ``app.state.didit`` and ``app.state.beltic`` the others."""
    config = config or SandboxConfig()
    sandbox = Sandbox(store, config)
    contract = Contract(spec_path("deepidv"))
    faults = FaultState(config.faults)
    gate = Gate(config, faults)
    app = FastAPI(title="IDV sandbox", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.sandbox = sandbox
    app.state.faults = faults

    async def api_call(request: Request, path: str, handler: Any) -> Response:
        return await gate.call(request, path, handler, contract=contract, dialect=DEEPIDV)

    @app.post(SESSIONS)
    async def create(request: Request) -> Response:
        async def handle(key: str) -> tuple[int, Any] | Response:
            body = await spec_body(request, contract, SESSIONS, apply_aliases)
            base_url = str(request.base_url).rstrip("/")
            created = sandbox.create(key, body, base_url, request.headers.get("idempotency-key"))
            return await faults.answer_after_create(200, created)

        return await api_call(request, SESSIONS, handle)

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

        return await api_call(request, SESSIONS, handle)

    @app.get("/v1/sessions/{session_id}")
    async def retrieve(session_id: str, request: Request) -> Response:
        async def handle(key: str) -> tuple[int, Any]:
            return 200, sandbox.retrieve(key, session_id)

        return await api_call(request, SESSION, handle)

    @app.patch("/v1/sessions/{session_id}")
    async def update_status(session_id: str, request: Request) -> Response:
        async def handle(key: str) -> tuple[int, Any]:
            body = await spec_body(request, contract, SESSION, apply_aliases)
            return 200, sandbox.update_status(key, session_id, body)

        return await api_call(request, SESSION, handle)

    # -- the applicant's hosted flow and the reviewer's console ------------------------
    # API routes answer ApiError inside api_call; this handler serves the HTML pages.
    @app.exception_handler(ApiError)
    async def page_error(request: Request, exc: ApiError) -> HTMLResponse:
        return HTMLResponse(f"<h1>{html.escape(exc.message)}</h1>", status_code=exc.status)

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
        return HTMLResponse(console_page(store, sandbox.find(session_id)))

    # -- switches for tests and demos (not part of the vendor API) -------------------
    # Bad input is a 400 that says what is wrong (JSON {"detail"}), never a 500.
    async def control_body(request: Request) -> dict[str, Any]:
        try:
            body = await json_body(request)
        except ApiError as exc:
            raise ControlError(exc.status, exc.message) from None
        if not isinstance(body, dict):
            raise ControlError(400, "The body must be a JSON object")
        return body

    # Unrouted paths (404) and methods (405) answer in the dialect of the API they are under.
    dialects = [("/v1/identity/", BELTIC), ("/v3/", DIDIT), ("/v1/", DEEPIDV)]

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        for prefix, dialect in dialects:
            if request.url.path.startswith(prefix):
                error = ApiError(exc.status_code, str(exc.detail))
                return JSONResponse(
                    dialect.error_body(error), status_code=exc.status_code, headers=exc.headers
                )
        return JSONResponse(
            {"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers
        )

    @app.exception_handler(ControlError)
    async def control_error(request: Request, exc: ControlError) -> JSONResponse:
        return JSONResponse({"detail": exc.message}, status_code=exc.status)

    @app.get("/_sandbox/faults")
    async def get_faults() -> dict[str, Any]:
        return faults.faults.to_dict()

    @app.put("/_sandbox/faults")
    async def put_faults(request: Request) -> dict[str, Any]:
        try:
            faults.replace(Faults.from_dict(await control_body(request)))
        except ValueError as exc:
            raise ControlError(400, str(exc)) from None
        return faults.faults.to_dict()

    @app.delete("/_sandbox/faults")
    async def clear_faults() -> dict[str, Any]:
        faults.replace(Faults())
        return faults.faults.to_dict()

    @app.put("/_sandbox/tokens/{api_key}")
    async def put_tokens(api_key: str, request: Request) -> dict[str, Any]:
        if api_key not in config.api_keys:
            raise ControlError(404, "not an API key the sandbox accepts")
        tokens = (await control_body(request)).get("tokens")
        if tokens is not None and (
            isinstance(tokens, bool) or not isinstance(tokens, int) or tokens < 0
        ):
            raise ControlError(400, "tokens must be a whole number ≥ 0, or null (unlimited)")
        store.set_balance(api_key, tokens)
        return {"api_key": key_label(api_key), "tokens": store.balance(api_key)}

    @app.post("/_sandbox/clock")
    async def advance_clock(request: Request) -> dict[str, Any]:
        seconds = (await control_body(request)).get("advance")
        if isinstance(seconds, bool) or not isinstance(seconds, int | float):
            raise ControlError(400, "advance must be a number of seconds")
        try:
            config.clock.advance(float(seconds))
        except ValueError as exc:
            raise ControlError(400, str(exc)) from None
        return {"now": iso_time(config.clock.now())}

    @app.get("/_sandbox/stats")
    async def get_stats() -> dict[str, Any]:
        return gate.stats()

    @app.delete("/_sandbox/stats")
    async def clear_stats() -> dict[str, Any]:
        gate.requests.clear()
        return gate.stats()

    @app.post("/_sandbox/seed")
    async def seed(request: Request) -> dict[str, Any]:
        body = await control_body(request)
        key = body.get("api_key") or min(config.api_keys)
        if key not in config.api_keys:
            raise ControlError(400, "api_key is not one the sandbox accepts")
        count, submitted = body.get("count", 1), body.get("submitted", True)
        if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= 100_000:
            raise ControlError(400, "count must be a whole number from 1 to 100000")
        if not isinstance(submitted, bool):
            raise ControlError(400, "submitted must be true or false")
        vendor = body.get("vendor", "deepidv")
        if vendor not in VENDORS:
            raise ControlError(400, f"vendor must be one of {', '.join(VENDORS)}")
        base_url = str(request.base_url).rstrip("/")
        seed = seeder(app, vendor)
        ids = await asyncio.to_thread(seed, key, count, base_url, submitted=submitted)
        return {"api_key": key_label(key), "vendor": vendor, "session_ids": ids}

    add_didit_routes(app, store, config, gate, faults)
    add_beltic_routes(app, store, config, gate, faults)

    @app.get("/healthz")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    return app
