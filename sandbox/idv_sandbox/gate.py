"""What every API request of every vendor goes through, in order: API key (401/403) → rate
limit (429) → injected faults → spec validation of the query (400) → the handler → spec
validation of the answer (a mismatch is a 500 that says so, which the contract tests catch).

Vendors differ only in how they word errors: a :class:`Dialect` says how.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import math
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, PlainTextResponse
from starlette.responses import Response

from idv_sandbox.config import ApiError, SandboxConfig
from idv_sandbox.contract import Contract
from idv_sandbox.faults import FaultState, RateLimiter

Handler = Callable[[str], Awaitable[tuple[int, Any] | Response]]


@dataclass(frozen=True)
class Dialect:
    """A vendor's way of refusing: its auth errors and its error bodies."""

    #: the error for a request without an API key, and for one with an unknown key
    missing_key: ApiError
    wrong_key: ApiError
    error_body: Callable[[ApiError], dict[str, Any]]


#: the largest request body any vendor API takes here (its own limits are not documented)
MAX_BODY_BYTES = 2 * 1024 * 1024  # a Didit portrait_image is about 1 MB of base64
#: deeper JSON than any vendor document, and far below what the parser could survive
MAX_JSON_DEPTH = 32
JSON_TYPES = ("application/json", "application/vnd.api+json")
HTTP_LAYER_STATUSES = frozenset({413, 415})


def _check_json(value: Any, depth: int = 0) -> None:
    """Refuse JSON no vendor would take: nested too deep, or text that is not Unicode."""
    if depth > MAX_JSON_DEPTH:
        raise ApiError(400, f"The request body is nested deeper than {MAX_JSON_DEPTH} levels")
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ApiError(400, "The request body holds text that is not valid Unicode") from None
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_json(key, depth + 1)
            _check_json(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            _check_json(item, depth + 1)


async def json_body(request: Request) -> Any:
    """The request's JSON body: 415 for another content type, 413 past the size limit, 400
    for anything but well-formed, reasonably nested, valid Unicode JSON."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise ApiError(413, f"The request body is larger than {MAX_BODY_BYTES} bytes")
    raw = b""
    async for chunk in request.stream():
        raw += chunk
        if len(raw) > MAX_BODY_BYTES:
            raise ApiError(413, f"The request body is larger than {MAX_BODY_BYTES} bytes")
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if raw.strip() and content_type not in JSON_TYPES:
        raise ApiError(415, "The request body must be JSON (Content-Type: application/json)")
    try:
        body = json.loads(raw, parse_constant=_no_constant)
    except (ValueError, RecursionError):
        raise ApiError(400, "The request body is not valid JSON") from None
    _check_json(body)
    return body


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


async def spec_body(
    request: Request,
    contract: Contract,
    path: str,
    prepare: Callable[[Any], Any] = lambda body: body,
) -> dict[str, Any]:
    """The request's JSON body (after ``prepare``), checked against the spec: a 400 that names
    the field otherwise."""
    body = prepare(await json_body(request))
    if violation := contract.check_body(request.method, path, body):
        raise ApiError(400, violation.message, field=violation.field)
    return dict(body)


class Gate:
    """Runs handlers behind the checks every API request shares (one per app)."""

    def __init__(self, config: SandboxConfig, faults: FaultState) -> None:
        self.config = config
        self.faults = faults
        self.limiter = (
            RateLimiter(config.rate_limit, config.rate_burst) if config.rate_limit else None
        )
        #: API requests answered, by API key and "METHOD path": what a client really cost
        self.requests: Counter[tuple[str, str]] = Counter()

    def _throttled(self, dialect: Dialect, wait: float) -> Response:
        seconds = math.ceil(wait)
        body = dialect.error_body(ApiError(429, f"Rate limit exceeded; retry in {seconds}s"))
        headers = {"Retry-After": str(seconds)}
        if self.limiter is not None:
            headers["X-RateLimit-Limit"] = str(math.ceil(self.limiter.rate * 60))
            headers["X-RateLimit-Remaining"] = "0"
        return JSONResponse(body, status_code=429, headers=headers)

    async def call(
        self,
        request: Request,
        path: str,
        handler: Handler,
        *,
        contract: Contract,
        dialect: Dialect,
    ) -> Response:
        method = request.method
        key = request.headers.get("x-api-key") or ""
        self.requests[key, f"{method} {path}"] += 1
        try:
            if not key:
                raise dialect.missing_key
            if key not in self.config.api_keys:
                raise dialect.wrong_key
            if self.limiter is not None and (wait := self.limiter.acquire(key)) > 0:
                return self._throttled(dialect, wait)
            if self.faults.faults.latency:
                await asyncio.sleep(self.faults.faults.latency)
            if (rule := self.faults.take_failure(method, request.url.path)) is not None:
                headers = {"Retry-After": str(rule.retry_after)} if rule.retry_after else None
                body = dialect.error_body(
                    ApiError(rule.status, f"sandbox fault: HTTP {rule.status}")
                )
                return JSONResponse(body, status_code=rule.status, headers=headers)
            violation = contract.check_query(method, path, dict(request.query_params))
            violation = violation or contract.check_headers(method, path, dict(request.headers))
            if violation:
                raise ApiError(400, violation.message, field=violation.field)
            answer = await handler(key)
        except ApiError as exc:
            if exc.plain_text:
                return PlainTextResponse(exc.message, status_code=exc.status)
            answer = exc.status, dialect.error_body(exc)
        if isinstance(answer, Response):
            return answer
        status, body = answer
        # 413 and 415 come from the HTTP layer before the API itself, as a vendor's web
        # server answers them: no spec declares them.
        if self.config.validate_responses and status not in HTTP_LAYER_STATUSES:
            broken = contract.check_response(method, path, status, body)
            if broken:
                message = f"sandbox bug: the answer breaks the spec ({broken.message})"
                return JSONResponse(dialect.error_body(ApiError(500, message)), status_code=500)
        return JSONResponse(body, status_code=status)

    def stats(self) -> dict[str, Any]:
        """Requests answered by key and call. Keys are shown as :func:`key_label`, never
        themselves; keys the sandbox does not accept are counted together."""
        by_key: dict[str, dict[str, int]] = {}
        for (key, call), count in sorted(self.requests.items()):
            label = key_label(key) if key in self.config.api_keys else "(other keys)"
            calls = by_key.setdefault(label, {})
            calls[call] = calls.get(call, 0) + count
        return {"requests": by_key, "total": sum(self.requests.values())}


def key_label(api_key: str) -> str:
    """How the sandbox names an API key in what it reports: a short digest of it."""
    return "key-" + hashlib.sha256(api_key.encode()).hexdigest()[:12]
