"""The sandbox app: every vendor's API, hosted flow and console (one record each, see
:mod:`idv_sandbox.registry`), and the switches tests and demos use. The checks every API
request shares are in :mod:`idv_sandbox.gate`."""

from __future__ import annotations

import html

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from idv_sandbox.config import ApiError, SandboxConfig
from idv_sandbox.control import add_control_routes
from idv_sandbox.faults import FaultState
from idv_sandbox.gate import Gate
from idv_sandbox.registry import VendorService, sandbox_vendors
from idv_sandbox.routing import SandboxParts
from idv_sandbox.store import SandboxStore
from idv_sandbox.webhooks import WebhookOutbox

__all__ = ["create_app", "services_of"]


def services_of(app: FastAPI) -> dict[str, VendorService]:
    """The app's stand-in of each vendor, by name."""
    services: dict[str, VendorService] = app.state.services
    return services


def create_app(store: SandboxStore, config: SandboxConfig | None = None) -> FastAPI:
    """The FastAPI application; :func:`services_of` gives each vendor's stand-in."""
    config = config or SandboxConfig()
    faults = FaultState(config.faults)
    parts = SandboxParts(
        store=store,
        config=config,
        gate=Gate(config, faults),
        faults=faults,
        outbox=WebhookOutbox(config.webhook_backoff),
    )
    app = FastAPI(title="IDV sandbox", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.faults = faults
    app.state.outbox = parts.outbox
    vendors = sandbox_vendors()
    app.state.services = {vendor.name: vendor.mount(app, parts) for vendor in vendors}
    add_control_routes(app, parts, services_of(app))

    # API routes answer ApiError inside their gate; this handler serves the HTML pages.
    @app.exception_handler(ApiError)
    async def page_error(request: Request, exc: ApiError) -> HTMLResponse:
        return HTMLResponse(f"<h1>{html.escape(exc.message)}</h1>", status_code=exc.status)

    # Unrouted paths (404) and methods (405) answer in the dialect of the API they are under.
    dialects = sorted(vendors, key=lambda v: len(v.api_prefix), reverse=True)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        for vendor in dialects:
            if request.url.path.startswith(vendor.api_prefix):
                error = ApiError(exc.status_code, str(exc.detail))
                return JSONResponse(
                    vendor.dialect.error_body(error),
                    status_code=exc.status_code,
                    headers=exc.headers,
                )
        return JSONResponse(
            {"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers
        )

    @app.get("/healthz")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    return app
