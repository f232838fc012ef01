"""Rate limiting and fault injection: the failures a production client must survive."""

from __future__ import annotations

import asyncio
import math
import threading
import time
from dataclasses import dataclass, field, fields
from typing import Any

from starlette.responses import Response
from starlette.types import Receive, Scope, Send


@dataclass
class FailRule:
    """Answer ``status`` to the next ``count`` matching API requests (method/path optional)."""

    status: int
    count: int = 1
    method: str | None = None
    path_prefix: str | None = None
    retry_after: int | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FailRule:
        if unknown := sorted(set(data) - {f.name for f in fields(cls)}):
            raise ValueError(f"unknown fail field(s): {', '.join(unknown)}")
        status = int(_number(data, "status", 400, 599, default=503))
        count = int(_number(data, "count", 1, 10_000, default=1))
        retry_after = data.get("retry_after")
        for name in ("method", "path_prefix"):
            if data.get(name) is not None and not isinstance(data[name], str):
                raise ValueError(f"fail.{name} must be a string")
        return cls(
            status=status,
            count=count,
            method=data.get("method"),
            path_prefix=data.get("path_prefix"),
            retry_after=None if retry_after is None else int(_number(data, "retry_after", 0, 3600)),
        )

    def matches(self, method: str, path: str) -> bool:
        return (self.method is None or self.method.upper() == method) and (
            self.path_prefix is None or path.startswith(self.path_prefix)
        )


@dataclass
class Faults:
    """What to break, switched on per run (CLI flags, config, or ``PUT /_sandbox/faults``)."""

    latency: float = 0.0  # seconds added to every API request
    fail: list[FailRule] = field(default_factory=list)
    #: for the next N creates: commit the session, then drop the connection mid-response
    drop_after_create: int = 0
    #: for the next N creates: commit the session, then answer only ``late_by`` seconds later
    #: (after a client's timeout: the create it gave up on exists)
    late_after_create: int = 0
    late_by: float = 5.0

    @classmethod
    def from_dict(cls, data: Any) -> Faults:
        """Faults from JSON, or a ValueError that says which field is wrong."""
        if not isinstance(data, dict):
            raise ValueError("faults must be a JSON object")
        if unknown := sorted(set(data) - {f.name for f in fields(cls)}):
            raise ValueError(f"unknown fault(s): {', '.join(unknown)}")
        rules = data.get("fail", [])
        if not isinstance(rules, list) or not all(isinstance(r, dict) for r in rules):
            raise ValueError("fail must be a list of objects")
        faults = cls(
            latency=_number(data, "latency", 0.0, 60.0),
            fail=[FailRule.from_dict(rule) for rule in rules],
            drop_after_create=int(_number(data, "drop_after_create", 0, 10_000)),
            late_after_create=int(_number(data, "late_after_create", 0, 10_000)),
            late_by=_number(data, "late_by", 0.0, 300.0, default=5.0),
        )
        return faults

    def to_dict(self) -> dict[str, Any]:
        return {
            "latency": self.latency,
            "fail": [vars(rule) for rule in self.fail],
            "drop_after_create": self.drop_after_create,
            "late_after_create": self.late_after_create,
            "late_by": self.late_by,
        }


def _number(
    data: dict[str, Any], name: str, low: float, high: float, default: float = 0.0
) -> float:
    value = data.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name} must be a number")
    if not (low <= value <= high):  # also refuses NaN
        raise ValueError(f"{name} must be between {low:g} and {high:g}")
    return float(value)


class FaultState:
    """Thread-safe consumption of the configured faults."""

    def __init__(self, faults: Faults | None = None) -> None:
        self._lock = threading.Lock()
        self.faults = faults or Faults()

    def replace(self, faults: Faults) -> None:
        with self._lock:
            self.faults = faults

    def take_failure(self, method: str, path: str) -> FailRule | None:
        with self._lock:
            for rule in self.faults.fail:
                if rule.count > 0 and rule.matches(method, path):
                    rule.count -= 1
                    return rule
        return None

    async def answer_after_create(self, status: int, body: Any) -> tuple[int, Any] | Response:
        """What the client of a create gets once the object is committed: the answer, or the
        fault set for it (a dropped connection, or the answer ``late_by`` seconds late)."""
        with self._lock:
            drop = self.faults.drop_after_create > 0
            late = not drop and self.faults.late_after_create > 0
            if drop:
                self.faults.drop_after_create -= 1
            elif late:
                self.faults.late_after_create -= 1
        if drop:
            return DroppedConnection()
        if late:
            await asyncio.sleep(self.faults.late_by)
        return status, body


class RateLimiter:
    """A token bucket per API key: ``rate`` requests a second, bursts up to ``burst``."""

    def __init__(self, rate: float, burst: int | None = None) -> None:
        self.rate = rate
        self.burst = float(burst or max(1, math.ceil(rate)))
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def acquire(self, key: str) -> float:
        """0 if the request may go ahead, else the seconds until it may."""
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(key, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            if tokens >= 1:
                self._buckets[key] = (tokens - 1, now)
                return 0.0
            self._buckets[key] = (tokens, now)
            return (1 - tokens) / self.rate


class DroppedConnection(Response):
    """Start a response, then abort: the client sees the connection drop mid-body."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-type", b"application/json"), (b"content-length", b"512")],
            }
        )
        await send({"type": "http.response.body", "body": b'{"id": "', "more_body": True})
        raise ConnectionAbortedError("sandbox fault: connection dropped after create")
