"""The sandbox's switches for tests and demos (``/_sandbox/...``; not part of any vendor API):
faults, token balances, the clock, request counts, webhook destinations and deliveries, and a
seeded backlog.

Bad input is a 400 that says what is wrong (JSON ``{"detail"}``), never a 500.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from idv_sandbox.config import ApiError, iso_time
from idv_sandbox.faults import Faults
from idv_sandbox.gate import json_body, key_label
from idv_sandbox.registry import VendorService
from idv_sandbox.routing import SandboxParts

#: the largest token balance and clock move a switch takes (SQLite integers, datetimes)
MAX_TOKENS = 10**12
MAX_ADVANCE = 100 * 365 * 24 * 3600


def http_url(value: Any) -> bool:
    """Whether ``value`` is an absolute http(s) URL with a host that parses."""
    if not isinstance(value, str) or any(c.isspace() for c in value):
        return False
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


class ControlError(Exception):
    """Bad input to a ``/_sandbox`` switch: a 400 (or 404, 413, 415) with a ``detail``."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


def add_control_routes(
    app: FastAPI, parts: SandboxParts, services: Mapping[str, VendorService]
) -> None:
    """Mount the switches; ``services`` (vendor → stand-in) are what ``seed`` fills."""

    async def control_body(request: Request) -> dict[str, Any]:
        try:
            body = await json_body(request)
        except ApiError as exc:
            raise ControlError(exc.status, exc.message) from None
        if not isinstance(body, dict):
            raise ControlError(400, "The body must be a JSON object")
        return body

    @app.exception_handler(ControlError)
    async def control_error(request: Request, exc: ControlError) -> JSONResponse:
        return JSONResponse({"detail": exc.message}, status_code=exc.status)

    @app.get("/_sandbox/faults")
    async def get_faults() -> dict[str, Any]:
        return parts.faults.faults.to_dict()

    @app.put("/_sandbox/faults")
    async def put_faults(request: Request) -> dict[str, Any]:
        try:
            parts.faults.replace(Faults.from_dict(await control_body(request)))
        except ValueError as exc:
            raise ControlError(400, str(exc)) from None
        return parts.faults.faults.to_dict()

    @app.delete("/_sandbox/faults")
    async def clear_faults() -> dict[str, Any]:
        parts.faults.replace(Faults())
        return parts.faults.faults.to_dict()

    def api_key_of(body: Mapping[str, Any], *, default: bool = False) -> str:
        """The body's ``api_key``: in the body, never in a URL (URLs go to access logs)."""
        key = body.get("api_key")
        if key is None and default:
            return min(parts.config.api_keys)
        if not isinstance(key, str) or key not in parts.config.api_keys:
            raise ControlError(400, "api_key is not one the sandbox accepts")
        return key

    @app.put("/_sandbox/tokens")
    async def put_tokens(request: Request) -> dict[str, Any]:
        """``{"api_key", "tokens"}``: the key's token balance (null: unlimited)."""
        body = await control_body(request)
        api_key, tokens = api_key_of(body), body.get("tokens")
        if tokens is not None and (
            isinstance(tokens, bool) or not isinstance(tokens, int) or not 0 <= tokens <= MAX_TOKENS
        ):
            raise ControlError(
                400, f"tokens must be a whole number from 0 to {MAX_TOKENS}, or null (unlimited)"
            )
        parts.store.set_balance(api_key, tokens)
        return {"api_key": key_label(api_key), "tokens": parts.store.balance(api_key)}

    @app.post("/_sandbox/clock")
    async def advance_clock(request: Request) -> dict[str, Any]:
        seconds = (await control_body(request)).get("advance")
        if (
            isinstance(seconds, bool)
            or not isinstance(seconds, int | float)
            or not 0 <= seconds <= MAX_ADVANCE
        ):
            raise ControlError(400, f"advance must be a number of seconds from 0 to {MAX_ADVANCE}")
        try:
            parts.config.clock.advance(float(seconds))
        except (ValueError, OverflowError) as exc:
            raise ControlError(400, str(exc)) from None
        return {"now": iso_time(parts.config.clock.now())}

    @app.put("/_sandbox/webhooks/didit")
    async def put_didit_webhook(request: Request) -> dict[str, Any]:
        """Didit's webhook destination: ``{"url", "secret"}`` (nulls: no webhooks)."""
        body = await control_body(request)
        url, secret = body.get("url"), body.get("secret")
        if url is not None and not http_url(url):
            raise ControlError(400, "url must be an http(s) URL with a host, or null")
        if secret is not None and (not isinstance(secret, str) or not secret):
            raise ControlError(400, "secret must be a non-empty string, or null")
        parts.config.didit_webhook_url, parts.config.didit_webhook_secret = url, secret
        return {"url": url, "secret_set": secret is not None}

    @app.get("/_sandbox/webhooks")
    async def get_webhooks() -> list[dict[str, Any]]:
        """Every delivery: what it is about, each attempt's answer, delivered or given up."""
        return parts.outbox.report()

    @app.get("/_sandbox/stats")
    async def get_stats() -> dict[str, Any]:
        return parts.gate.stats()

    @app.delete("/_sandbox/stats")
    async def clear_stats() -> dict[str, Any]:
        parts.gate.requests.clear()
        return parts.gate.stats()

    @app.post("/_sandbox/seed")
    async def seed(request: Request) -> dict[str, Any]:
        body = await control_body(request)
        key = api_key_of(body, default=True)
        count, submitted = body.get("count", 1), body.get("submitted", True)
        if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= 100_000:
            raise ControlError(400, "count must be a whole number from 1 to 100000")
        if not isinstance(submitted, bool):
            raise ControlError(400, "submitted must be true or false")
        vendor = body.get("vendor", "deepidv")
        if not isinstance(vendor, str) or vendor not in services:
            raise ControlError(400, f"vendor must be one of {', '.join(sorted(services))}")
        base_url = str(request.base_url).rstrip("/")
        seed = services[vendor].seed
        ids = await asyncio.to_thread(seed, key, count, base_url, submitted=submitted)
        return {"api_key": key_label(key), "vendor": vendor, "session_ids": ids}
