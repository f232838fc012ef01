"""Client-side pacing: stay under the vendor's rate limit instead of bouncing off it.

A vendor's 429 answers with ``Retry-After`` in whole seconds, so a client that only reacts to
429s idles for up to a second each time the limit is hit. Pacing spaces the requests of every
hook in the process that uses one account, so concurrent tasks share the limit smoothly.
"""

from __future__ import annotations

import hashlib
import threading
import time


class RequestPacer:
    """A thread-safe GCRA (virtual scheduling) limiter: ``rate`` requests a second, bursts of
    up to ``burst``. :meth:`reserve` books the next slot and says how long to wait for it."""

    def __init__(self, rate: float, burst: int = 1) -> None:
        if rate <= 0 or burst < 1:
            raise ValueError("rate must be positive and burst at least 1")
        self.interval = 1.0 / rate
        self.tolerance = (burst - 1) * self.interval
        self._next = 0.0  # theoretical arrival time of the next request
        self._lock = threading.Lock()

    def reserve(self) -> float:
        """Seconds to wait before sending; the slot is taken whether or not the caller waits."""
        with self._lock:
            now = time.monotonic()
            arrival = max(self._next, now)
            self._next = arrival + self.interval
            return max(0.0, arrival - self.tolerance - now)


_PACERS: dict[tuple[str, str, float], RequestPacer] = {}
_PACERS_LOCK = threading.Lock()


def shared_pacer(base_url: str, api_key: str, rate: float) -> RequestPacer:
    """The process-wide pacer of one account (base URL and API key) at one rate."""
    key = (base_url, hashlib.sha256(api_key.encode()).hexdigest(), rate)
    with _PACERS_LOCK:
        if key not in _PACERS:
            _PACERS[key] = RequestPacer(rate)
        return _PACERS[key]
