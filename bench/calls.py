"""(a) API calls per decided session: one batch sensor and a review, versus a sensor and a
decide task per session.

N sessions wait for their applicants; before each of ``polls`` polls another tenth of them
finishes the hosted flow. Then every submitted session is decided. The sandbox counts every
API request it answers (creates are left out: both ways make the same N).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from bench.sandbox import SandboxProcess
from idv_provider.operators import DecideSessionOperator, ReviewSessionsOperator
from idv_provider.sensors import SessionsSubmittedSensor, SessionSubmittedSensor
from tests.fakes.context import make_context


@dataclass(frozen=True)
class CallsResult:
    sessions: int
    polls: int
    batch_calls: int
    single_calls: int

    @property
    def batch_per_session(self) -> float:
        return self.batch_calls / self.sessions

    @property
    def single_per_session(self) -> float:
        return self.single_calls / self.sessions


def _waves(ids: list[str], polls: int) -> list[list[str]]:
    shuffled = random.Random(len(ids)).sample(ids, len(ids))
    return [shuffled[k::polls] for k in range(polls)]


def batch(sandbox: SandboxProcess, sessions: int, polls: int) -> int:
    conn_id = sandbox.use("bench_batch", "batch")
    ids = sandbox.seed("batch", sessions, submitted=False)
    sandbox.clear_stats()
    sensor = SessionsSubmittedSensor(task_id="wait_all", conn_id=conn_id, session_ids=ids)
    for wave in _waves(ids, polls):
        sandbox.submit(wave)
        done = sensor.poke(make_context()).is_done
    assert done, "every session was submitted by the last poll"
    result = ReviewSessionsOperator(task_id="review", conn_id=conn_id).execute(make_context())
    assert sum(result["counts"].values()) == sessions
    return sum(sandbox.api_calls("batch").values())


def single(sandbox: SandboxProcess, sessions: int, polls: int) -> int:
    conn_id = sandbox.use("bench_single", "single")
    ids = sandbox.seed("single", sessions, submitted=False)
    sandbox.clear_stats()
    sensors = {
        i: SessionSubmittedSensor(task_id=f"wait_{n}", conn_id=conn_id, session_id=i)
        for n, i in enumerate(ids)
    }
    for wave in _waves(ids, polls):
        sandbox.submit(wave)
        for session_id, sensor in list(sensors.items()):
            if sensor.poke(make_context()).is_done:
                del sensors[session_id]
    assert not sensors, "every session was submitted by the last poll"
    for session_id in ids:
        DecideSessionOperator(task_id="d", conn_id=conn_id, session_id=session_id).execute(
            make_context()
        )
    return sum(sandbox.api_calls("single").values())


def measure(sandbox: SandboxProcess, sessions: int, polls: int = 10) -> CallsResult:
    return CallsResult(
        sessions=sessions,
        polls=polls,
        batch_calls=batch(sandbox, sessions, polls),
        single_calls=single(sandbox, sessions, polls),
    )
