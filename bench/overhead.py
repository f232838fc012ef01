"""(c) Client overhead: ``hook.get_session`` versus a raw ``httpx`` GET of the same session.

Both keep one connection open to the same sandbox and read the same session; the raw call
decodes the JSON body, the hook also runs the retry wrapper, the generated client's parser and
the mapping to ``VerificationSession``. Calls alternate in rounds so that drift in the machine's
speed hits both alike; the score is the ratio of the median round times.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from bench.sandbox import SandboxProcess
from idv_provider.hooks import get_idv_hook


@dataclass(frozen=True)
class OverheadResult:
    calls_per_round: int
    rounds: int
    hook_ms: float  # median per call
    raw_ms: float

    @property
    def ratio(self) -> float:
        return self.hook_ms / self.raw_ms


def measure(sandbox: SandboxProcess, *, rounds: int = 11, calls: int = 200) -> OverheadResult:
    conn_id = sandbox.use("bench_overhead", "overhead")
    (session_id,) = sandbox.seed("overhead", 1, submitted=True)
    hook = get_idv_hook(conn_id)
    raw = httpx.Client(base_url=sandbox.url, headers={"x-api-key": "overhead"}, timeout=30)

    def hook_call() -> None:
        hook.get_session(session_id)

    def raw_call() -> None:
        response = raw.get(f"/v1/sessions/{session_id}")
        response.raise_for_status()
        response.json()

    def round_ms(call: Callable[[], None]) -> float:
        started = time.perf_counter()
        for _ in range(calls):
            call()
        return (time.perf_counter() - started) * 1000 / calls

    for call in (hook_call, raw_call):  # warm up connections and caches
        round_ms(call)
    hook_times, raw_times = [], []
    for n in range(rounds):
        first, second = (hook_call, raw_call) if n % 2 == 0 else (raw_call, hook_call)
        times = {first: round_ms(first), second: round_ms(second)}
        hook_times.append(times[hook_call])
        raw_times.append(times[raw_call])
    raw.close()
    return OverheadResult(
        calls_per_round=calls,
        rounds=rounds,
        hook_ms=statistics.median(hook_times),
        raw_ms=statistics.median(raw_times),
    )
