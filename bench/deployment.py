"""Onboarding at volume in a real deployment (the end-to-end tier's: PostgreSQL, api-server,
scheduler, dag-processor, triggerer, LocalExecutor), both patterns side by side in one run:
a task group per applicant (``idv_onboarding``) and one batch (``idv_batch_onboarding``).

For each pattern and N: wall time from the trigger to the run's end (the last decision), task
instances, worker-seconds (the sum of the task instances' durations), API calls per applicant,
and the ratio of the wall time to the rate-limit bound (the run's API calls ÷ the limit).

Usage: ``python -m bench.deployment [--batch 200 1000] [--mapped 20] [--write]``
(``make bench-e2e``). Needs Debian's postgresql, like the e2e tier.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx

from bench.run import machine, write_block
from idv_sandbox import DEFAULT_API_KEY, key_label
from tests.e2e.deployment import Deployment, deployment

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "examples"))
from sample_applicants import many_applicants

START, END = "<!-- deployment:start -->", "<!-- deployment:end -->"
RATE = 20.0
AUTO_SUBMIT_AFTER = 2.0  # seconds after its create, each applicant has finished the flow
DAGS = {"batch": "idv_batch_onboarding", "mapped": "idv_onboarding"}


@dataclass
class Result:
    pattern: str
    n: int
    wall: float
    task_instances: int
    worker_seconds: float
    calls: int

    @property
    def bound(self) -> float:
        return self.calls / RATE

    @property
    def ratio(self) -> float:
        return self.wall / self.bound


def _seconds(ti: dict[str, Any]) -> float:
    if not ti.get("start_date") or not ti.get("end_date"):
        return 0.0
    start = datetime.fromisoformat(ti["start_date"])
    return (datetime.fromisoformat(ti["end_date"]) - start).total_seconds()


def measure(d: Deployment, pattern: str, n: int, first: int) -> Result:
    applicants = many_applicants(n, start=first)
    d.add_applicants(applicants)
    httpx.delete(f"{d.sandbox_url}/_sandbox/stats").raise_for_status()
    dag_id = DAGS[pattern]
    started = time.monotonic()
    run_id = d.trigger(dag_id, conf={"references": [a["reference"] for a in applicants]})
    state = d.wait_for_run(dag_id, run_id, timeout=3600)
    wall = time.monotonic() - started
    assert state == "success", f"{dag_id} {run_id} {state}"
    tis = d.task_instances(dag_id, run_id)
    stats = httpx.get(f"{d.sandbox_url}/_sandbox/stats").json()["requests"]
    calls = sum(stats.get(key_label(DEFAULT_API_KEY), {}).values())
    return Result(pattern, n, wall, len(tis), sum(_seconds(t) for t in tis), calls)


def table(results: list[Result]) -> list[str]:
    lines = [
        "| pattern | N | wall (s) | task instances | worker-s | API calls / applicant | "
        "rate bound (s) | wall ÷ bound |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r.pattern} | {r.n} | {r.wall:.0f} | {r.task_instances} | "
            f"{r.worker_seconds:.0f} | {r.calls / r.n:.2f} | {r.bound:.0f} | {r.ratio:.2f} |"
        )
    return lines


def run(batch: list[int], mapped: list[int]) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="idv-bench-e2e-") as tmp:
        sandbox_args = [
            "--auto-submit-after",
            str(AUTO_SUBMIT_AFTER),
            "--rate-limit",
            str(RATE),
            "--rate-burst",
            str(int(RATE)),
        ]
        with deployment(Path(tmp), sandbox_args) as d:
            d.set_connection(
                "idv_default",
                {
                    "conn_type": "deepidv",
                    "host": d.sandbox_url,
                    "password": DEFAULT_API_KEY,
                    "extra": json.dumps({"rate_limit": RATE}),
                },
            )
            d.set_connection(
                "smtp_default",
                {
                    "conn_type": "smtp",
                    "host": "127.0.0.1",
                    "port": d.smtp_port,
                    "extra": json.dumps({"disable_ssl": True, "disable_tls": True}),
                },
            )
            results, first = [], 1
            for pattern, sizes in (("mapped", mapped), ("batch", batch)):
                for n in sizes:
                    results.append(measure(d, pattern, n, first))
                    first += n
                    print(table(results)[-1], flush=True)
    return [
        f"Machine: {machine()}. Sandbox and connection at {RATE:.0f} requests/second; each "
        f"applicant finishes the hosted flow {AUTO_SUBMIT_AFTER:.0f} s after their create.",
        "",
        *table(results),
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--batch", type=int, nargs="*", default=[200, 1000])
    parser.add_argument("--mapped", type=int, nargs="*", default=[20])
    parser.add_argument("--write", action="store_true", help="update BENCHMARKS.md")
    args = parser.parse_args(argv)
    lines = run(args.batch, args.mapped)
    print("\n".join(lines))
    if args.write:
        write_block(START, END, lines)


if __name__ == "__main__":
    main()
