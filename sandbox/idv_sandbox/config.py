"""The sandbox's settings, clock and API error: what every vendor's stand-in shares."""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from idv_sandbox.faults import Faults
from idv_sandbox.outcomes import Outcome
from idv_sandbox.webhooks import DEFAULT_BACKOFF

DEFAULT_API_KEY = "sandbox-key"
#: the sandbox's one published Didit workflow
DEFAULT_DIDIT_WORKFLOW_ID = "0d1d17a5-5a4d-4b0c-9e1f-5a4db0c9e1f0"


class SandboxClock:
    """The sandbox's time: the wall clock plus an offset that tests (and ``POST
    /_sandbox/clock``) move forward, so expiry and auto mode never race a test."""

    def __init__(self) -> None:
        self._offset = timedelta(0)
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return datetime.now(UTC) + self._offset

    def advance(self, seconds: float) -> None:
        if not math.isfinite(seconds) or seconds < 0:
            raise ValueError("the clock only moves forward, by a finite number of seconds")
        with self._lock:
            self._offset += timedelta(seconds=seconds)


@dataclass
class SandboxConfig:
    """How the sandbox behaves; every field has a command-line flag."""

    api_keys: frozenset[str] = frozenset({DEFAULT_API_KEY})
    #: seconds after create when auto mode moves a session to SUBMITTED; None: never
    auto_submit_after: float | None = 5.0
    outcome_mix: dict[Outcome, float] = field(default_factory=lambda: {Outcome.CLEAN_PASS: 1.0})
    seed: int = 0
    workflows: frozenset[str] = frozenset({"wf_standard_kyc"})
    #: tokens each API key starts with (a session costs one; then 402); None: unlimited
    tokens: int | None = None
    #: requests a second per API key (then 429 with Retry-After); None: unlimited
    rate_limit: float | None = None
    rate_burst: int | None = None
    faults: Faults = field(default_factory=Faults)
    #: Didit workflows that exist (create with another answers 404)
    didit_workflows: frozenset[str] = frozenset({DEFAULT_DIDIT_WORKFLOW_ID})
    #: seconds after create when a Didit session not finished expires (Not Started →
    #: Expired, In Progress → Abandoned); None: never
    didit_expire_after: float | None = None
    #: API keys without Beltic's sessions:decide permission (approve and decline are a 403)
    beltic_keys_without_decide: frozenset[str] = frozenset()
    #: where Didit's ``status.updated`` webhooks go, and the secret they are signed with
    #: (``PUT /_sandbox/webhooks/didit`` sets both); None: no webhooks
    didit_webhook_url: str | None = None
    didit_webhook_secret: str | None = None
    #: seconds before each retry of a webhook the receiver did not take (then given up)
    webhook_backoff: tuple[float, ...] = DEFAULT_BACKOFF
    #: check every answer against the spec (a mismatch is a 500 that names it)
    validate_responses: bool = True
    clock: SandboxClock = field(default_factory=SandboxClock)


class ApiError(Exception):
    def __init__(
        self, status: int, message: str, *, field: str | None = None, plain_text: bool = False
    ) -> None:
        super().__init__(message)
        self.status, self.message, self.field = status, message, field
        self.plain_text = plain_text  # deepidv answers some errors (402) in plain text


def iso_time(when: datetime, timespec: str = "milliseconds") -> str:
    """``when`` in ISO 8601 UTC with a ``Z``, as the vendors write times."""
    return when.isoformat(timespec=timespec).replace("+00:00", "Z")
