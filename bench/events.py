"""Session events against polling, side by side in one real deployment (the end-to-end tier's:
PostgreSQL, api-server with the events plugin, scheduler, dag-processor, triggerer).

Three ways for Airflow to learn that an applicant has submitted, each with N Didit sessions
whose applicants finish the hosted flow ``--spacing`` seconds apart (spread over a poke
interval):

- **webhook**: the sandbox's signed webhook → ``/idv/webhooks`` → asset event →
  ``idv_event_decisions``;
- **landing**: the browser back at ``/idv/landing`` (one read to confirm) → asset event →
  ``idv_event_decisions``;
- **polling**: ``bench/dags/idv_bench_polling.py``, a deferrable sensor per session poking
  every 60 s, then ``DecideSessionOperator``.

Measured per way: submission → decision latency (the flow's last POST, or the landing's GET,
to the end of the task that decided), p50 and p95; the sandbox's API calls per decided session
from the first submission to the last decision (creates excluded); and the calls made during
``--idle`` seconds in which nobody finishes (every session waiting).

Usage: ``python -m bench.events [--n 20] [--spacing 3] [--idle 60] [--write]``
(``make bench-events``). Needs Debian's postgresql, like the e2e tier.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx

from bench.run import machine, write_block
from idv_sandbox import DEFAULT_API_KEY
from idv_sandbox.registry import sandbox_vendor
from tests.e2e.deployment import Deployment, deployment
from tests.e2e.test_events import create as create_session
from tests.e2e.test_events import finish as finish_session

START, END = "<!-- events:start -->", "<!-- events:end -->"
BENCH_DAGS = Path(__file__).resolve().parent / "dags"
EVENTS_DAG, POLLING_DAG = "idv_event_decisions", "idv_bench_polling"
SECRET = "whsec_bench_0123456789"  # noqa: S105 - the sandbox's, made up
KEY = {"x-api-key": DEFAULT_API_KEY}
OUTCOME = "pep_sanctions_hit"  # Didit sends these to review: the DAG decides (rejects) them


@dataclass
class Result:
    way: str
    latencies: list[float]
    calls: int
    idle_calls: int
    idle_seconds: float

    def quantile(self, q: float) -> float:
        """The nearest-rank ``q`` quantile of the latencies."""
        ordered = sorted(self.latencies)
        return ordered[max(0, math.ceil(q * len(ordered)) - 1)]

    def row(self) -> str:
        n = len(self.latencies)
        return (
            f"| {self.way} | {n} | {statistics.median(self.latencies):.1f} | "
            f"{self.quantile(0.95):.1f} | {max(self.latencies):.1f} | {self.calls / n:.2f} | "
            f"{self.idle_calls} in {self.idle_seconds:.0f} s |"
        )


def calls(d: Deployment) -> int:
    return int(httpx.get(f"{d.sandbox_url}/_sandbox/stats").json()["total"])


def clear_calls(d: Deployment) -> None:
    httpx.delete(f"{d.sandbox_url}/_sandbox/stats").raise_for_status()


def create(d: Deployment, n: int, callback: str | None) -> list[dict[str, Any]]:
    return [create_session(d, OUTCOME, callback) for _ in range(n)]


def finish_all(sessions: list[dict[str, Any]], spacing: float, land: bool) -> dict[str, float]:
    """Each applicant finishes, ``spacing`` seconds apart; when each submitted (Unix time)."""
    finished = {}
    for session in sessions:
        ended = finish_session(session, OUTCOME)
        if land:  # the browser follows the redirect to the landing page
            page = httpx.get(ended.headers["location"], timeout=60)
            assert page.status_code == 200, page.text
        finished[session["session_id"]] = time.time()
        time.sleep(spacing)
    return finished


def _end(ti: dict[str, Any]) -> float:
    return datetime.fromisoformat(ti["end_date"]).timestamp()


def event_decisions(d: Deployment, ids: set[str], timeout: float = 600) -> dict[str, float]:
    """When each session was decided by an ``idv_event_decisions`` run (its task's end)."""
    deadline, decided = time.monotonic() + timeout, {}
    seen_runs: set[str] = set()
    while set(decided) < ids:
        runs = d.api("GET", f"/dags/{EVENTS_DAG}/dagRuns", params={"state": "success"})
        for run in runs["dag_runs"]:
            if run["dag_run_id"] in seen_runs:
                continue
            seen_runs.add(run["dag_run_id"])
            results = d.xcom(EVENTS_DAG, run["dag_run_id"], "decide", -1, "return_value") or []
            (ti,) = d.task_instances(EVENTS_DAG, run["dag_run_id"])
            decided |= {r["session_id"]: _end(ti) for r in results if r["session_id"] in ids}
        assert time.monotonic() < deadline, f"undecided: {ids - set(decided)}"
        time.sleep(1)
    return decided


def measure_events(d: Deployment, way: str, n: int, spacing: float, idle: float) -> Result:
    land = way == "landing"
    webhook_url = None if land else f"{d.api_url}/idv/webhooks/idv_default"
    destination = {"url": webhook_url, "secret": SECRET if webhook_url else None}
    httpx.put(f"{d.sandbox_url}/_sandbox/webhooks/didit", json=destination).raise_for_status()
    sessions = create(d, n, f"{d.api_url}/idv/landing/idv_default" if land else None)
    clear_calls(d)
    time.sleep(idle)  # nobody finishes: what does waiting cost?
    idle_calls = calls(d)
    clear_calls(d)
    finished = finish_all(sessions, spacing, land)
    decided = event_decisions(d, set(finished))
    return Result(way, [decided[s] - finished[s] for s in finished], calls(d), idle_calls, idle)


def measure_polling(d: Deployment, n: int, spacing: float, idle: float) -> Result:
    sessions = create(d, n, None)
    clear_calls(d)
    run_id = d.trigger(POLLING_DAG, conf={"session_ids": [s["session_id"] for s in sessions]})
    deadline = time.monotonic() + 300
    while True:  # every sensor has handed its wait to the triggerer
        waits = [t for t in d.task_instances(POLLING_DAG, run_id) if t["task_id"] == "decide.wait"]
        if len(waits) == n and all(t["state"] == "deferred" for t in waits):
            break
        assert time.monotonic() < deadline, [t["state"] for t in waits]
        time.sleep(1)
    clear_calls(d)
    time.sleep(idle)
    idle_calls = calls(d)
    clear_calls(d)
    finished = finish_all(sessions, spacing, land=False)
    assert d.wait_for_run(POLLING_DAG, run_id, timeout=900) == "success"
    ends = {
        t["map_index"]: _end(t)
        for t in d.task_instances(POLLING_DAG, run_id)
        if t["task_id"] == "decide.decide"
    }
    latencies = [ends[i] - finished[s["session_id"]] for i, s in enumerate(sessions)]
    return Result("polling (60 s poke)", latencies, calls(d), idle_calls, idle)


def run(n: int, spacing: float, idle: float) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="idv-bench-events-") as tmp:
        sandbox_args = ["--auto-submit-after", "-1", "--webhook-backoff", "1,2,4,8,16,32"]
        with deployment(Path(tmp), sandbox_args, extra_dags=BENCH_DAGS) as d:
            extra = {**sandbox_vendor("didit").connection_extra(d.sandbox_url)}
            extra["webhook_secret"] = SECRET
            d.set_connection(
                "idv_default",
                {
                    "conn_type": "didit",
                    "host": d.sandbox_url,
                    "password": DEFAULT_API_KEY,
                    "extra": json.dumps(extra),
                },
            )
            d.add_applicants([])  # the outcomes table's database (these sessions are not in it)
            d.wait_for_dag(EVENTS_DAG)
            d.api("PATCH", f"/dags/{EVENTS_DAG}", json={"is_paused": False})
            results = []
            for way in ("webhook", "landing"):
                results.append(measure_events(d, way, n, spacing, idle))
                print(results[-1].row(), flush=True)
            d.api("PATCH", f"/dags/{EVENTS_DAG}", json={"is_paused": True})
            httpx.put(
                f"{d.sandbox_url}/_sandbox/webhooks/didit", json={"url": None, "secret": None}
            ).raise_for_status()
            results.append(measure_polling(d, n, spacing, idle))
            print(results[-1].row(), flush=True)
    return [
        f"Machine: {machine()}. Didit's sandbox; {n} applicants a way, finishing {spacing:g} s "
        f"apart; latency from the applicant's submission to the end of the deciding task.",
        "",
        "| way | sessions | p50 (s) | p95 (s) | max (s) | API calls / decided session | "
        "API calls while idle |",
        "|---|---:|---:|---:|---:|---:|---:|",
        *(r.row() for r in results),
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=20)
    parser.add_argument("--spacing", type=float, default=3.0)
    parser.add_argument("--idle", type=float, default=60.0)
    parser.add_argument("--write", action="store_true", help="update BENCHMARKS.md")
    args = parser.parse_args(argv)
    lines = run(args.n, args.spacing, args.idle)
    print("\n".join(lines))
    if args.write:
        write_block(START, END, lines)


if __name__ == "__main__":
    main()
