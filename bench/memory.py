"""(d) Waiting without worker slots: triggerer memory per waiting session, versus poke mode.

Deferred, a waiting session costs a coroutine in the triggerer: N ``SessionSubmittedTrigger``
runs (or one ``SessionsSubmittedTrigger`` over N ids) share one event loop, as in Airflow's
triggerer, and poll the sandbox; once each has polled and gone to sleep, the memory they hold
is measured with tracemalloc (Python allocations) and as the growth of the process RSS (after
freed heap pages are handed back to the OS). In poke
mode each waiting session holds a worker slot: a task process that imported Airflow and the
provider and poked once, whose RSS is measured in a subprocess.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import gc
import json
import subprocess
import sys
import time
import tracemalloc
from dataclasses import dataclass

import psutil
from airflow.triggers.base import BaseTrigger

from bench.sandbox import SandboxProcess
from idv_provider.triggers import SessionsSubmittedTrigger, SessionSubmittedTrigger

POKE_SLOT = """
import json, os, sys, psutil
import bench
from idv_provider.sensors import SessionSubmittedSensor
from tests.fakes.context import make_context
sensor = SessionSubmittedSensor(task_id="wait", conn_id=sys.argv[1], session_id=sys.argv[2])
sensor.poke(make_context())
print(json.dumps({"rss": psutil.Process().memory_info().rss}))
"""


@dataclass(frozen=True)
class MemoryResult:
    sessions: int
    per_trigger_bytes: float  # tracemalloc, one trigger per session
    per_trigger_rss_bytes: float
    batch_bytes_per_session: float  # one trigger for all the sessions
    poke_slot_rss_bytes: float  # one worker slot (process) per waiting session

    @property
    def slot_over_trigger(self) -> float:
        return self.poke_slot_rss_bytes / self.per_trigger_bytes


def _settle() -> None:
    """Collect garbage and hand freed heap pages back to the OS (glibc's malloc_trim), so RSS
    shows the memory kept, not the peak of a thousand first polls at once."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: RSS includes the peak
        ctypes.CDLL("libc.so.6").malloc_trim(0)


async def _idle_triggers(
    triggers: list[BaseTrigger], sandbox: SandboxProcess, api_key: str, polls: int
) -> int:
    """Start the triggers and wait until they have polled and sleep; return the memory growth:
    traced bytes while tracemalloc runs, else RSS (tracemalloc's own traces would swell it)."""
    sandbox.clear_stats()
    _settle()
    before = tracemalloc.get_traced_memory()[0] if tracemalloc.is_tracing() else _rss()
    tasks = [asyncio.create_task(anext(t.run())) for t in triggers]
    deadline = time.monotonic() + 300
    while sum(sandbox.api_calls(api_key).values()) < polls:
        if time.monotonic() > deadline:
            raise RuntimeError("the triggers did not all poll")
        await asyncio.sleep(0.5)
    await asyncio.sleep(1)  # let the last responses settle into sleeps
    _settle()
    after = tracemalloc.get_traced_memory()[0] if tracemalloc.is_tracing() else _rss()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return after - before


def _rss() -> int:
    return int(psutil.Process().memory_info().rss)


def measure(sandbox: SandboxProcess, *, sessions: int) -> MemoryResult:
    conn_id = sandbox.use("bench_memory", "memory")
    ids = sandbox.seed("memory", sessions, submitted=False)
    far = time.time() + 3600

    def singles() -> list[BaseTrigger]:
        return [
            SessionSubmittedTrigger(conn_id=conn_id, session_id=i, end_time=far, poll_interval=600)
            for i in ids
        ]

    def batch() -> list[BaseTrigger]:
        trigger = SessionsSubmittedTrigger(
            conn_id=conn_id, session_ids=ids, end_time=far, poll_interval=600
        )
        return [trigger]

    pages = -(-sessions // 100)
    rss = asyncio.run(_idle_triggers(singles(), sandbox, "memory", polls=sessions))
    tracemalloc.start()
    traced = asyncio.run(_idle_triggers(singles(), sandbox, "memory", polls=sessions))
    batch_traced = asyncio.run(_idle_triggers(batch(), sandbox, "memory", polls=pages))
    tracemalloc.stop()

    slot = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", POKE_SLOT, conn_id, ids[0]],
        capture_output=True,
        text=True,
        check=True,
    )
    slot_rss = float(json.loads(slot.stdout.strip().splitlines()[-1])["rss"])
    return MemoryResult(
        sessions=sessions,
        per_trigger_bytes=traced / sessions,
        per_trigger_rss_bytes=rss / sessions,
        batch_bytes_per_session=batch_traced / sessions,
        poke_slot_rss_bytes=slot_rss,
    )
