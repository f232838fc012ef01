"""Beltic's Identity API over HTTP, and a page where the applicant goes through the flow.

Errors are JSON:API error documents (``{"errors": [{"status", "code", "title", "detail",
"source"}]}``); a missing or wrong API key is a 401.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from starlette.responses import Response

from idv_sandbox.config import ApiError
from idv_sandbox.contract import Contract, spec_path
from idv_sandbox.gate import Dialect, spec_body
from idv_sandbox.outcomes import Outcome
from idv_sandbox.pages import OUTCOME_CHOICES, finished_page, outcome_form_page
from idv_sandbox.routing import SandboxParts, VendorApi
from idv_sandbox.vendors.beltic.listing import encode_cursor
from idv_sandbox.vendors.beltic.service import BelticSandbox

ACCOUNTS = "/v1/identity/accounts"
SESSIONS = "/v1/identity/sessions"
SESSION = "/v1/identity/sessions/{id}"
ACCOUNT = "/v1/identity/accounts/{id}"


def _error_body(exc: ApiError) -> dict[str, Any]:
    error: dict[str, Any] = {
        "status": str(exc.status),
        "code": HTTPStatus(exc.status).phrase.lower().replace(" ", "_"),
        "title": HTTPStatus(exc.status).phrase,
        "detail": exc.message,
    }
    if exc.field:
        error["source"] = {"pointer": "/" + exc.field.replace(".", "/").lstrip("/")}
    return {"errors": [error]}


BELTIC = Dialect(
    missing_key=ApiError(401, "An API key is required (X-Api-Key)."),
    wrong_key=ApiError(401, "The API key is not valid."),
    error_body=_error_body,
)


def _link(request: Request, **params: str) -> str:
    kept = ("page[size]", "page[total]")
    query = {
        k: v for k, v in request.query_params.items() if not k.startswith("page[") or k in kept
    }
    return str(request.url.replace(query=urlencode({**query, **params})))


def add_beltic_routes(app: FastAPI, parts: SandboxParts) -> BelticSandbox:
    """Serve Beltic's API and the applicant's page on ``app``."""
    beltic = BelticSandbox(parts.store, parts.config)
    api = VendorApi(parts, Contract(spec_path("beltic"), strict_query=True), BELTIC)
    contract = api.contract

    @app.post(ACCOUNTS)
    async def create_account(request: Request) -> Response:
        async def handle(key: str) -> tuple[int, Any] | Response:
            account = beltic.create_account(key, await spec_body(request, contract, ACCOUNTS))
            return await api.created(201, {"data": account})

        return await api.call(request, ACCOUNTS, handle)

    @app.get(ACCOUNTS)
    async def list_accounts(request: Request) -> Response:
        async def handle(key: str) -> tuple[int, Any]:
            query = request.query_params
            size = int(query.get("page[size]", 15))
            accounts = beltic.accounts(key, query.get("filter[external_id]"), size)
            return 200, {"data": accounts, "links": {"self": str(request.url), "next": None}}

        return await api.call(request, ACCOUNTS, handle)

    @app.post(SESSIONS)
    async def create_session(request: Request) -> Response:
        async def handle(key: str) -> tuple[int, Any] | Response:
            session = beltic.create_session(key, await spec_body(request, contract, SESSIONS))
            return await api.created(201, {"data": session}, str(session["id"]))

        return await api.call(request, SESSIONS, handle)

    @app.get(SESSIONS)
    async def list_sessions(request: Request) -> Response:
        async def handle(key: str) -> tuple[int, Any]:
            query = dict(request.query_params)
            records, has_next, has_previous = beltic.page(key, query)
            parts.store.delivered(r["id"] for r in records)
            page: dict[str, Any] = {
                "size": int(query.get("page[size]", 15)),
                "hasNext": has_next,
                "hasPrevious": has_previous,
            }
            if query.get("page[total]") == "true":
                page["total"] = beltic.count(key, query)
            links = {
                "self": str(request.url),
                "first": _link(request),
                "next": _link(request, **{"page[after]": encode_cursor(records[-1])})
                if has_next and records
                else None,
                "prev": _link(request, **{"page[before]": encode_cursor(records[0])})
                if has_previous and records
                else None,
            }
            return 200, {"data": records, "meta": {"page": page}, "links": links}

        return await api.call(request, SESSIONS, handle)

    @app.get("/v1/identity/sessions/{session_id}")
    async def get_session(session_id: str, request: Request) -> Response:
        async def handle(key: str) -> tuple[int, Any]:
            found = beltic.get(key, session_id)
            parts.store.delivered([session_id])
            return 200, {"data": found}

        return await api.call(request, SESSION, handle)

    @app.patch("/v1/identity/sessions/{session_id}")
    async def update_session(session_id: str, request: Request) -> Response:
        async def handle(key: str) -> tuple[int, Any]:
            body = await spec_body(request, contract, SESSION)
            return 200, {"data": beltic.update(key, session_id, body)}

        return await api.call(request, SESSION, handle)

    @app.get("/v1/identity/accounts/{account_id}")
    async def get_account(account_id: str, request: Request) -> Response:
        async def handle(key: str) -> tuple[int, Any]:
            return 200, {"data": beltic.account(key, account_id)}

        return await api.call(request, ACCOUNT, handle)

    for action in ("approve", "decline", "expire", "redact"):
        path = f"{SESSION}/{action}"

        async def act(
            session_id: str, request: Request, action: str = action, path: str = path
        ) -> Response:
            async def handle(key: str) -> tuple[int, Any]:
                return 200, {"data": beltic.act(key, session_id, action)}

            return await api.call(request, path, handle)

        app.add_api_route(f"/v1/identity/sessions/{{session_id}}/{action}", act, methods=["POST"])

    # -- the applicant's page -------------------------------------------------------------
    @app.get("/beltic/session/{session_id}", response_class=HTMLResponse)
    async def flow(session_id: str) -> Response:
        session = beltic.start(beltic.by_id(session_id))
        status = session.record["attributes"]["status"]
        if status != "started":
            return HTMLResponse(finished_page(status))
        return HTMLResponse(outcome_form_page("Beltic", f"/beltic/session/{session_id}"))

    @app.post("/beltic/session/{session_id}", response_class=HTMLResponse)
    async def finish(session_id: str, request: Request) -> Response:
        outcome = str((await request.form()).get("outcome", ""))
        if outcome not in OUTCOME_CHOICES:
            raise ApiError(400, "Unknown outcome")
        session = beltic.finish(beltic.by_id(session_id), Outcome(outcome))
        return HTMLResponse(finished_page(session.record["attributes"]["status"]))

    return beltic
