"""What the landing page may cost the API server it runs in, and the account it reads from.

A landing with a session id the plugin has not recorded costs one vendor call, and anyone can
open the page with any id. So that a flood of landings never slows Airflow's own API (its
worker threads) nor spends the rate limit the DAGs need:

- at most :data:`CONCURRENT_LOOKUPS` look-ups in flight in the process; one more gets the
  "try again shortly" page (503 with ``Retry-After``) at once, without a call;
- each connection's landings spend their own budget of vendor calls (a token bucket of
  :data:`CALLS_PER_SECOND`, bursts of :data:`BURST`), whatever the DAGs do;
- an id the vendor said it does not know is remembered (:data:`UNKNOWN_TTL` seconds, the
  :data:`UNKNOWN_MAX` most recent): asking again costs nothing;
- the look-up itself is one attempt with a short timeout, never paced or retried (the
  receiver sets the hook up so), and the connection behind it is read once per
  :data:`HOOK_TTL` seconds, not once per request.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

CONCURRENT_LOOKUPS = 4
CALLS_PER_SECOND = 1.0
BURST = 10
UNKNOWN_TTL = 600.0
UNKNOWN_MAX = 10_000
#: seconds one look-up may take (one attempt): the page is served in about that at worst
LOOKUP_TIMEOUT = 5.0
#: what the "try again shortly" page asks the browser to wait
RETRY_AFTER = 5
#: seconds a connection's hook (its API key, secret, settings) is reused before it is read
#: again: a changed connection applies within that time
HOOK_TTL = 30.0
#: seconds between two warnings that landings were refused as busy
WARN_EVERY = 10.0


@dataclass
class _Bucket:
    tokens: float
    at: float


@dataclass
class LandingGuard:
    """The process's bounds on landing look-ups (one instance per API server process)."""

    concurrent: int = CONCURRENT_LOOKUPS
    rate: float = CALLS_PER_SECOND
    burst: int = BURST
    unknown_ttl: float = UNKNOWN_TTL
    unknown_max: int = UNKNOWN_MAX
    clock: Callable[[], float] = time.monotonic
    _slots: threading.BoundedSemaphore = field(init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False)
    _buckets: dict[str, _Bucket] = field(default_factory=dict, init=False)
    _unknown: OrderedDict[tuple[str, str], float] = field(default_factory=OrderedDict, init=False)
    _hooks: dict[str, tuple[float, Any]] = field(default_factory=dict, init=False)
    _warned_at: float = field(default=-WARN_EVERY, init=False)
    #: landings refused as busy since this process started
    refused: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        self._slots = threading.BoundedSemaphore(self.concurrent)

    def is_unknown(self, conn_id: str, session_id: str) -> bool:
        """Whether the vendor said lately that it does not know this id."""
        with self._lock:
            until = self._unknown.get((conn_id, session_id))
            if until is None:
                return False
            if until < self.clock():
                del self._unknown[(conn_id, session_id)]
                return False
            return True

    def remember_unknown(self, conn_id: str, session_id: str) -> None:
        with self._lock:
            self._unknown[(conn_id, session_id)] = self.clock() + self.unknown_ttl
            self._unknown.move_to_end((conn_id, session_id))
            while len(self._unknown) > self.unknown_max:
                self._unknown.popitem(last=False)

    def cached(self, conn_id: str, make: Callable[[str], Any]) -> Any:
        """``make(conn_id)`` (a hook and its key), reused for :data:`HOOK_TTL` seconds."""
        with self._lock:
            found = self._hooks.get(conn_id)
            if found is not None and found[0] > self.clock():
                return found[1]
        made = make(conn_id)
        with self._lock:
            self._hooks[conn_id] = (self.clock() + HOOK_TTL, made)
        return made

    def has_budget(self, conn_id: str) -> bool:
        """Whether the connection's landings may spend a call now (nothing is spent)."""
        with self._lock:
            bucket = self._buckets.get(conn_id)
            if bucket is None:
                return True
            return bucket.tokens + (self.clock() - bucket.at) * self.rate >= 1

    def busy(self) -> bool:
        """Count a landing refused as busy; whether to warn about it (at most every
        :data:`WARN_EVERY` seconds, however many are refused)."""
        with self._lock:
            self.refused += 1
            if self.clock() - self._warned_at < WARN_EVERY:
                return False
            self._warned_at = self.clock()
            return True

    def _spend(self, conn_id: str) -> bool:
        with self._lock:
            now = self.clock()
            bucket = self._buckets.setdefault(conn_id, _Bucket(float(self.burst), now))
            bucket.tokens = min(float(self.burst), bucket.tokens + (now - bucket.at) * self.rate)
            bucket.at = now
            if bucket.tokens < 1:
                return False
            bucket.tokens -= 1
            return True

    @contextmanager
    def lookup(self, conn_id: str) -> Iterator[bool]:
        """Whether a look-up may go ahead now (a free slot and a call in the connection's
        budget); the slot is held until the block ends. Never waits."""
        if not self._slots.acquire(blocking=False):
            yield False
            return
        try:
            yield self._spend(conn_id)
        finally:
            self._slots.release()


#: the API server process's guard
GUARD = LandingGuard()
