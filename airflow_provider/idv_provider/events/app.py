"""The FastAPI app the plugin mounts on Airflow's API server under ``/idv``.

- ``POST /idv/webhooks/{conn_id}``: a vendor's signed webhook (Didit). 200 once verified (a
  session's news is recorded as an asset event); 401 for anything unsigned, forged, stale or
  replayed, with the same body whatever the reason (the reason goes to the server's log).
- ``GET /idv/landing/{conn_id}``: the page ``redirect_url`` points at. It thanks the applicant
  in their language and records the session's news once the vendor confirms it.

Both are public (a vendor and an applicant have no Airflow login): what they accept is checked
against the vendor's signature or API, never taken on the request's word.
"""

from __future__ import annotations

import logging
from functools import cache, lru_cache

import jinja2
from babel import Locale
from fastapi import FastAPI, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse
from jinja2.sandbox import SandboxedEnvironment
from starlette.concurrency import run_in_threadpool

from idv_provider.events.guard import RETRY_AFTER
from idv_provider.events.receiver import Landing, receive_landing, receive_webhook
from idv_provider.exceptions import WebhookVerificationError
from idv_provider.template_files import templates_dir
from idv_provider.validation import LOCALE_TAG

log = logging.getLogger(__name__)
#: larger than any session event a vendor sends (Didit's, with its decision, is a few kB)
MAX_WEBHOOK_BYTES = 1_000_000
PAGE_HEADERS = {
    "Cache-Control": "no-store",  # the URL names a session
    "Referrer-Policy": "no-referrer",
    # nothing loaded, and never inside another site's frame (no clickjacking)
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
}
TOO_LARGE = {"detail": "The body is too large"}
STATUS = {
    Landing.THANKS: 200,
    Landing.INCOMPLETE: 200,
    Landing.UNAVAILABLE: 200,
    Landing.INVALID: 404,
    Landing.BUSY: 503,
}
UNAUTHORIZED = {"detail": "The delivery is not signed by the vendor, or is stale or a replay"}


@cache
def _pages() -> SandboxedEnvironment:
    return SandboxedEnvironment(
        loader=jinja2.FileSystemLoader(templates_dir() / "landing"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )


@cache
def page_locales() -> tuple[str, ...]:
    folder = templates_dir() / "landing"
    return tuple(sorted(p.name for p in folder.iterdir() if (p / "landing.html").is_file()))


def preferred_languages(accept_language: str) -> list[str]:
    """An ``Accept-Language`` header's tags, most wanted first (malformed entries skipped)."""
    weighted = []
    for position, item in enumerate(accept_language.split(",")[:20]):
        tag, _, params = item.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                continue
        if LOCALE_TAG.match(tag) and quality > 0:
            weighted.append((-quality, position, tag.replace("_", "-")))
    return [tag for _, _, tag in sorted(weighted)]


@lru_cache(maxsize=1024)  # a flood of landings negotiates a handful of headers, once each
def page_locale(lang: str | None, accept_language: str) -> str:
    """The page's language: the link's ``lang`` if the provider has it, else the browser's
    best match, else English."""
    wanted = [lang] if lang and LOCALE_TAG.match(lang) else []
    wanted += preferred_languages(accept_language)
    found = Locale.negotiate(wanted, list(page_locales()), sep="-") if wanted else None
    if found is None:
        return "en"
    return str(found.language)


@lru_cache(maxsize=64)  # a page depends on its outcome and language only
def render_landing(outcome: Landing, locale: str) -> str:
    template = _pages().get_template(f"{locale}/landing.html")
    return template.render(outcome=outcome.value, locale=locale)


async def read_body(request: Request, limit: int) -> bytes | None:
    """The request's body, or ``None`` once it is over ``limit`` bytes: refused from its
    ``Content-Length`` before a byte is read, and a stream (chunked, or a length that lies) is
    read no further than the limit — a huge body never sits in the API server's memory."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        return None
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def create_app() -> FastAPI:
    # public routes: no API description of them is served (openapi.json, docs) either
    app = FastAPI(
        title="Identity verification events", docs_url=None, redoc_url=None, openapi_url=None
    )

    @app.post("/webhooks/{conn_id}")
    async def webhook(conn_id: str, request: Request) -> Response:
        body = await read_body(request, MAX_WEBHOOK_BYTES)
        if body is None:
            return JSONResponse(TOO_LARGE, status_code=413)
        try:
            result = await run_in_threadpool(receive_webhook, conn_id, body, dict(request.headers))
        except WebhookVerificationError as exc:
            log.warning("Refused a webhook for connection %s: %s", conn_id, exc)
            return JSONResponse(UNAUTHORIZED, status_code=401)
        return JSONResponse({"result": "ignored" if result is None else result.value})

    @app.get("/landing/{conn_id}", response_class=HTMLResponse)
    async def landing(conn_id: str, request: Request) -> Response:
        params = dict(request.query_params)
        outcome = await run_in_threadpool(receive_landing, conn_id, params)
        locale = page_locale(params.get("lang"), request.headers.get("accept-language", ""))
        headers = dict(PAGE_HEADERS)
        if outcome is Landing.BUSY:
            headers["Retry-After"] = str(RETRY_AFTER)
        return HTMLResponse(
            render_landing(outcome, locale), status_code=STATUS[outcome], headers=headers
        )

    return app
