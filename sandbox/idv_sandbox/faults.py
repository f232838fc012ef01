"""Rate limiting and fault injection: the failures a production client must survive."""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass, field
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

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Faults:
        return cls(
            latency=float(data.get("latency", 0.0)),
            fail=[FailRule(**rule) for rule in data.get("fail", [])],
            drop_after_create=int(data.get("drop_after_create", 0)),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "latency": self.latency,
            "fail": [vars(rule) for rule in self.fail],
            "drop_after_create": self.drop_after_create,
        }


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

    def take_drop(self) -> bool:
        with self._lock:
            if self.faults.drop_after_create > 0:
                self.faults.drop_after_create -= 1
                return True
        return False


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
