"""(b) Create throughput under the vendor's rate limit, with concurrent tasks.

``workers`` threads create ``sessions`` sessions through the hook (one hook per create, as
separate tasks would), against a sandbox limiting the key to ``rate`` requests a second with a
burst of ``rate``. The most the limit lets through in ``t`` seconds is ``burst + rate * t``;
the score is the sessions created over that. Errors surfaced to the caller and sessions that
exist twice are counted too.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from bench.sandbox import SandboxProcess
from idv_provider.exceptions import IdvError
from idv_provider.hooks import get_idv_hook
from idv_provider.models import Applicant


@dataclass(frozen=True)
class ThroughputResult:
    paced: bool
    sessions: int
    rate: float
    seconds: float
    errors: int
    duplicates: int
    rate_limited: int  # 429s the sandbox answered

    @property
    def of_limit(self) -> float:
        return self.sessions_created / (self.rate + self.rate * self.seconds)

    @property
    def sessions_created(self) -> int:
        return self.sessions - self.errors


def measure(
    sandbox: SandboxProcess, *, api_key: str, rate: float, sessions: int, workers: int, paced: bool
) -> ThroughputResult:
    extra = {"rate_limit": rate} if paced else {}
    conn_id = sandbox.use(f"bench_create_{api_key}", api_key, **extra)

    def create(n: int) -> bool:
        applicant = Applicant(
            "Bench", f"Applicant {n}", f"bench{n}@example.com", f"+1555{n:07d}", f"bench-{n}"
        )
        try:
            get_idv_hook(conn_id).create_session(applicant, idempotency_key=f"{api_key}-{n}")
        except IdvError:
            return False
        return True

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        created = list(pool.map(create, range(sessions)))
    seconds = time.perf_counter() - started

    attempts = sandbox.api_calls(api_key).get("POST /v1/sessions", 0)
    applicants = [s.external_id for s in get_idv_hook(conn_id).iter_sessions()]
    return ThroughputResult(
        paced=paced,
        sessions=sessions,
        rate=rate,
        seconds=seconds,
        errors=created.count(False),
        duplicates=len(applicants) - len(set(applicants)),
        rate_limited=attempts - sessions,  # attempts beyond one per session: 429s
    )
