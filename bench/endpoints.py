"""What the events plugin's public endpoints cost Airflow's API server, in the real deployment
(the end-to-end tier's: PostgreSQL, api-server, scheduler, dag-processor, triggerer).

(a) **Landing flood.** ``--flooders`` clients open the landing page with unknown session ids
for ``--flood`` seconds, each once a second (60 landings in flight every second), while the
vendor answers every read with 429 (Retry-After 20). Meanwhile ``GET /api/v2/dags`` is timed
back to back; its p95 during the flood over its p95 when idle is the score, with the vendor
calls the flood spent. Then the same clients back to back, with no pause: a request rate that
saturates the machine's CPU, shown for scale (the reverse proxy's to limit).

(b) **Deliveries against a long history.** A signed Didit webhook delivery (each for another
session) timed one at a time (p95 of ``--deliveries``), then ``--deliveries`` sent at once
until the last is answered. On a fresh asset first; then with 300,000 prior events on the
asset spread over the past year (about 6,000 of them in the plugin's 7-day look-up window);
then with 300,000 more inside that window (the worst case: cost follows the window).

(c) **A huge body.** One 400 MB chunked POST to the webhook route; the API server's peak RSS
growth over its RSS before (the whole process tree, sampled every 50 ms).

Usage: ``python -m bench.endpoints [--write]`` (``make bench-endpoints``). Needs Debian's
postgresql, like the e2e tier.
"""

from __future__ import annotations

import argparse
import json
import math
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from bench.run import machine, write_block
from idv_sandbox import DEFAULT_API_KEY
from idv_sandbox.registry import sandbox_vendor
from idv_sandbox.vendors.didit.webhooks import status_updated
from tests.e2e.deployment import Deployment, deployment
from tests.fakes.didit import decision

START, END = "<!-- endpoints:start -->", "<!-- endpoints:end -->"
SECRET = "whsec_bench_0123456789"  # noqa: S105 - the sandbox's, made up
ASSET = "idv_sessions__idv_default"
DAG = "idv_event_decisions"


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def calls(d: Deployment) -> int:
    return int(httpx.get(f"{d.sandbox_url}/_sandbox/stats").json()["total"])


def time_dags(d: Deployment, client: httpx.Client, stop: threading.Event) -> list[float]:
    """``GET /api/v2/dags`` back to back until ``stop``: each one's seconds."""
    took = []
    while not stop.is_set():
        started = time.perf_counter()
        assert client.get("/dags", params={"limit": 100}).status_code == 200
        took.append(time.perf_counter() - started)
    return took


def flood(
    d: Deployment, flooders: int, seconds: float, pause: float
) -> tuple[float, float, int, int]:
    """(idle p95, flood p95, vendor calls spent, landings served); each client waits
    ``pause`` seconds after each landing."""
    fault = {"fail": [{"status": 429, "count": 10_000, "method": "GET", "retry_after": 20}]}
    httpx.put(f"{d.sandbox_url}/_sandbox/faults", json=fault).raise_for_status()
    with d.client() as client:
        idle_stop = threading.Event()
        threading.Timer(10, idle_stop.set).start()
        idle = time_dags(d, client, idle_stop)
        before, served = calls(d), 0
        stop, lock = threading.Event(), threading.Lock()

        def land() -> None:
            nonlocal served
            with httpx.Client(base_url=d.api_url, timeout=120) as browser:
                while not stop.is_set():
                    query = {"verificationSessionId": str(uuid.uuid4()), "status": "In Review"}
                    browser.get("/idv/landing/idv_default", params=query)
                    with lock:
                        served += 1
                    stop.wait(pause)

        workers = [threading.Thread(target=land) for _ in range(flooders)]
        for worker in workers:
            worker.start()
        time.sleep(1)  # the flood is on
        threading.Timer(seconds, stop.set).start()
        during = time_dags(d, client, stop)
        for worker in workers:
            worker.join()
    httpx.delete(f"{d.sandbox_url}/_sandbox/faults").raise_for_status()
    return p95(idle), p95(during), calls(d) - before, served


def deliver(client: httpx.Client) -> float:
    """One genuine delivery for a new session; seconds until it is answered."""
    record = {**decision("In Review"), "session_id": str(uuid.uuid4())}
    _, render = status_updated(record, SECRET)
    body, headers = render(time.time())
    started = time.perf_counter()
    answer = client.post("/idv/webhooks/idv_default", content=body, headers=headers)
    took = time.perf_counter() - started
    assert answer.json() == {"result": "recorded"}, answer.text
    return took


def deliveries(d: Deployment, n: int) -> tuple[float, float]:
    """(one at a time p95, ``n`` at once until the last is answered), in seconds."""
    with httpx.Client(base_url=d.api_url, timeout=120) as client:
        one = p95([deliver(client) for _ in range(n)])
        started = time.perf_counter()
        with ThreadPoolExecutor(n) as pool:
            list(pool.map(lambda _: deliver(client), range(n)))
        return one, time.perf_counter() - started


def add_history(d: Deployment, count: int, spacing_seconds: float) -> int:
    """``count`` old events on the asset, one every ``spacing_seconds`` back from now; how
    many of the asset's events are now within the plugin's look-up window."""
    with d.database("airflow") as db, db.cursor() as cursor:
        cursor.execute("SELECT id FROM asset WHERE name = %s", (ASSET,))
        (asset_id,) = cursor.fetchone()
        cursor.execute(
            "INSERT INTO asset_event (asset_id, extra, timestamp) "
            "SELECT %s, json_build_object('session_id', 'old-' || g || '-' || %s, "
            "'event_key', 'didit:old-' || g || '-' || %s || ':In Review', "
            "'delivery_id', md5(g::text || %s), 'status', 'submitted'), "
            "now() - (g * %s * interval '1 second') FROM generate_series(1, %s) g",
            (asset_id, count, count, str(spacing_seconds), spacing_seconds, count),
        )
        cursor.execute("ANALYZE asset_event")
        cursor.execute(
            "SELECT count(*) FROM asset_event WHERE asset_id = %s "
            "AND timestamp >= now() - interval '7 days'",
            (asset_id,),
        )
        (within,) = cursor.fetchone()
    return int(within)


def tree_rss(pid: int) -> int:
    """The resident memory of ``pid`` and its descendants, in bytes."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo += children.get(current, [])
        try:
            for line in (Path("/proc") / str(current) / "status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            continue
    return total


def huge_body(d: Deployment, megabytes: int) -> tuple[int, int]:
    """(peak RSS growth in bytes, the status answered) for one chunked POST."""
    pid = d.processes["api-server"].pid
    before, peak, stop = tree_rss(pid), 0, threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, tree_rss(pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()

    def chunks() -> Iterator[bytes]:
        block = b"x" * (1 << 20)
        for _ in range(megabytes):
            yield block

    status = 0
    try:
        answer = httpx.post(
            f"{d.api_url}/idv/webhooks/idv_default",
            content=chunks(),
            headers={"Content-Type": "application/json"},
            timeout=120,
        )
        status = answer.status_code
    except httpx.HTTPError:
        status = -1  # the server answered and closed before the body was sent: refused early
    time.sleep(1)
    stop.set()
    sampler.join()
    return max(0, peak - before), status


def run(flooders: int, seconds: float, n: int, megabytes: int) -> list[str]:
    with (
        tempfile.TemporaryDirectory(prefix="idv-bench-endpoints-") as tmp,
        deployment(Path(tmp), ["--auto-submit-after", "-1"]) as d,
    ):
        extra = {**sandbox_vendor("didit").connection_extra(d.sandbox_url)}
        extra["webhook_secret"] = SECRET
        connection = {
            "conn_type": "didit",
            "host": d.sandbox_url,
            "password": DEFAULT_API_KEY,
            "extra": json.dumps(extra),
        }
        d.set_connection("idv_default", connection)
        d.wait_for_dag(DAG)  # parsed: its asset is active (the DAG stays paused)
        floods = [(pause, *flood(d, flooders, seconds, pause)) for pause in (1.0, 0.0)]
        print(floods, flush=True)
        rows = [("fresh asset", 0, *deliveries(d, n))]
        spread = add_history(d, 300_000, 105.0)  # about a year
        rows.append(("300,000 over a year", spread, *deliveries(d, n)))
        packed = add_history(d, 300_000, 2.0)  # all within the week
        rows.append(("600,000, of them 300,000 this week", packed, *deliveries(d, n)))
        for row in rows:
            print(row, flush=True)
        growth, status = huge_body(d, megabytes)
        print(f"huge body: {growth / 1e6:.1f} MB, answered {status}", flush=True)
    lines = [
        f"Machine: {machine()}. One api-server worker (its 40 threads), Didit's sandbox.",
        "",
        f"(a) {flooders} clients opening the landing page with unknown session ids for "
        f"{seconds:g} s, the vendor answering 429 (Retry-After 20):",
        "",
        "| clients | `GET /api/v2/dags` p95 idle (s) | p95 during the flood (s) | ratio | "
        "landings served | vendor calls spent |",
        "|---|---:|---:|---:|---:|---:|",
        *(
            f"| {'each once a second' if pause else 'back to back'} | {idle:.3f} | "
            f"{during:.3f} | {during / idle:.2f} | {served} | {spent} |"
            for pause, idle, during, spent, served in floods
        ),
        "",
        f"(b) Signed webhook deliveries ({n} one at a time, then {n} at once):",
        "",
        "| events on the asset | in the 7-day window | one delivery p95 (s) | "
        f"{n} at once, until the last (s) |",
        "|---|---:|---:|---:|",
        *(
            f"| {name} | {within:,} | {one:.3f} | {burst:.2f} |"
            for name, within, one, burst in rows
        ),
        "",
        f"(c) One {megabytes} MB chunked POST to `/idv/webhooks`: answered {status}; the API "
        f"server's peak RSS growth {growth / 1e6:.1f} MB.",
    ]
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--flooders", type=int, default=60)
    parser.add_argument("--flood", type=float, default=20.0)
    parser.add_argument("--deliveries", type=int, default=20)
    parser.add_argument("--megabytes", type=int, default=400)
    parser.add_argument("--write", action="store_true", help="update BENCHMARKS.md")
    args = parser.parse_args(argv)
    lines = run(args.flooders, args.flood, args.deliveries, args.megabytes)
    print("\n".join(lines))
    if args.write:
        write_block(START, END, lines)


if __name__ == "__main__":
    main()
