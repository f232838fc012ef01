"""Webhook deliveries as vendors make them: POST to the destination, retried with backoff on
anything but a 2xx (a refused connection, a timeout, a 5xx or a 401 alike), then given up.

Each attempt is signed afresh (``render(now)``), so a retry after a long outage is still within
the receiver's freshness window; the event id stays the same. A background thread sends what is
due; tests call :meth:`WebhookOutbox.deliver_due` with their own clock instead.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

#: seconds before each retry (Beltic documents 5 attempts with exponential backoff)
DEFAULT_BACKOFF = (1.0, 2.0, 4.0, 8.0, 16.0, 32.0)
#: (body, headers) of one attempt, signed at the given Unix time
Render = Callable[[float], tuple[bytes, dict[str, str]]]
#: the HTTP POST: (url, body, headers) → status code; raises httpx.HTTPError when unanswered
Post = Callable[[str, bytes, dict[str, str]], int]


def http_post(url: str, body: bytes, headers: dict[str, str]) -> int:
    answer = httpx.post(url, content=body, headers=headers, timeout=10)
    return answer.status_code


@dataclass
class Delivery:
    event_id: str
    url: str
    render: Render = field(repr=False)
    #: what the delivery is about (session id, status): shown by ``GET /_sandbox/webhooks``
    about: dict[str, Any]
    due: float
    attempts: list[dict[str, Any]] = field(default_factory=list)
    delivered: bool = False
    gave_up: bool = False

    def report(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "url": self.url,
            **self.about,
            "attempts": list(self.attempts),
            "delivered": self.delivered,
            "gave_up": self.gave_up,
        }


class WebhookOutbox:
    """Deliveries waiting, being retried, or done (kept for the report)."""

    def __init__(
        self,
        backoff: Sequence[float] = DEFAULT_BACKOFF,
        *,
        post: Post = http_post,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.backoff = tuple(backoff)
        self.post, self.clock = post, clock
        self.deliveries: list[Delivery] = []
        self._wake = threading.Condition()
        self._thread: threading.Thread | None = None

    def enqueue(self, event_id: str, url: str, render: Render, about: dict[str, Any]) -> None:
        with self._wake:
            self.deliveries.append(Delivery(event_id, url, render, about, due=self.clock()))
            self._wake.notify()

    def start(self) -> None:
        """Send due deliveries from a daemon thread (idempotent)."""
        with self._wake:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="webhooks", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            self.deliver_due()
            with self._wake:
                due = self.next_due()
                wait = None if due is None else max(0.0, due - self.clock())
                if wait is None or wait > 0:
                    self._wake.wait(timeout=wait)

    def next_due(self) -> float | None:
        waiting = [d.due for d in self.deliveries if not (d.delivered or d.gave_up)]
        return min(waiting, default=None)

    def deliver_due(self, now: float | None = None) -> int:
        """Attempt every delivery due at ``now``; how many were attempted."""
        now = self.clock() if now is None else now
        with self._wake:
            due = [d for d in self.deliveries if not (d.delivered or d.gave_up) and d.due <= now]
        for delivery in due:
            self._attempt(delivery, now)
        return len(due)

    def _attempt(self, delivery: Delivery, now: float) -> None:
        try:
            body, headers = delivery.render(now)
            status: int | str = self.post(delivery.url, body, headers)
        except Exception as exc:  # refused, timed out, a URL that never parses: only
            status = type(exc).__name__  # this attempt failed, never the thread
        delivery.attempts.append({"at": now, "status": status})
        if isinstance(status, int) and 200 <= status < 300:
            delivery.delivered = True
        elif len(delivery.attempts) > len(self.backoff):
            delivery.gave_up = True
        else:
            delivery.due = now + self.backoff[len(delivery.attempts) - 1]

    def report(self) -> list[dict[str, Any]]:
        with self._wake:
            return [d.report() for d in self.deliveries]
