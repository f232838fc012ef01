"""Run every benchmark side by side in one run and print (or write) the results.

Usage: ``python -m bench.run [--write] [--quick]`` (``make bench`` = ``--write``). ``--write``
replaces the results block of BENCHMARKS.md; ``--quick`` runs small sizes (a smoke test).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import tempfile
from datetime import UTC, datetime
from pathlib import Path

BENCHMARKS_MD = Path(__file__).resolve().parent.parent / "BENCHMARKS.md"
START, END = "<!-- results:start -->", "<!-- results:end -->"
TARGETS = {"calls": 3.2, "throughput": 0.9, "overhead": 1.25, "memory_kb": 50.0}


def verdict(ok: bool, how: str) -> str:
    return "met" if ok else f"**missed** ({how})"


def write_block(start: str, end: str, lines: list[str]) -> None:
    """Replace BENCHMARKS.md's block between the ``start`` and ``end`` markers (or append it)."""
    text = BENCHMARKS_MD.read_text()
    block = "\n".join([start, *lines, end])
    pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.DOTALL)
    found = pattern.search(text)
    new = (
        f"{text}\n{block}\n"
        if found is None
        else text[: found.start()] + block + text[found.end() :]
    )
    BENCHMARKS_MD.write_text(new)


def machine() -> str:
    cpus = os.cpu_count()
    return (
        f"{platform.system()} {platform.machine()}, {cpus} CPUs, Python "
        f"{platform.python_version()}, {datetime.now(UTC):%Y-%m-%d}"
    )


def run(quick: bool) -> str:
    # imported here, after main() has set Airflow's environment (read once, at import)
    from bench import calls, memory, overhead, throughput
    from bench.sandbox import sandbox_process

    sizes = [10, 30] if quick else [10, 100, 1000]
    create_sessions, rate, workers = (40, 20.0, 4) if quick else (400, 20.0, 8)
    waiting = 50 if quick else 1000
    lines = [f"Machine: {machine()}.", ""]
    with tempfile.TemporaryDirectory(prefix="idv-bench-") as tmp:
        work = Path(tmp)

        lines += [
            "### (a) API calls per decided session (10 polls)",
            "",
            "| N | batch sensor + review | per session: sensor + decide | ratio | target ≤ 3.2 |",
            "|---:|---:|---:|---:|---|",
        ]
        for n in sizes:
            keys = ["--api-key", "batch", "--api-key", "single"]
            with sandbox_process(work, *keys, "--auto-submit-after", "-1") as sandbox:
                r = calls.measure(sandbox, n)
            ok = r.batch_per_session <= TARGETS["calls"]
            lines.append(
                f"| {n} | {r.batch_per_session:.2f} ({r.batch_calls} calls) | "
                f"{r.single_per_session:.2f} ({r.single_calls} calls) | "
                f"{r.single_per_session / r.batch_per_session:.1f}x fewer | "
                f"{verdict(ok, f'{r.batch_per_session:.2f} calls')} |"
            )

        lines += [
            "",
            f"### (b) Create throughput: {create_sessions} sessions, {workers} concurrent "
            f"workers, limit {rate:g}/s (burst {rate:g})",
            "",
            "| client | seconds | achieved ÷ limit | 429s | errors | duplicates | "
            "target ≥ 0.9, 0 errors, 0 duplicates |",
            "|---|---:|---:|---:|---:|---:|---|",
        ]
        keys = ["--api-key", "paced", "--api-key", "unpaced"]
        limits = ["--rate-limit", str(rate), "--rate-burst", str(int(rate))]
        with sandbox_process(work, *keys, *limits, "--auto-submit-after", "-1") as sandbox:
            for paced in (True, False):
                t = throughput.measure(
                    sandbox,
                    api_key="paced" if paced else "unpaced",
                    rate=rate,
                    sessions=create_sessions,
                    workers=workers,
                    paced=paced,
                )
                ok = t.of_limit >= TARGETS["throughput"] and not t.errors and not t.duplicates
                name = "paced (`rate_limit` extra)" if paced else "not paced (429 + Retry-After)"
                lines.append(
                    f"| {name} | {t.seconds:.1f} | {t.of_limit:.2f} | {t.rate_limited} | "
                    f"{t.errors} | {t.duplicates} | {verdict(ok, f'{t.of_limit:.2f}')} |"
                )

        with sandbox_process(work, "--api-key", "overhead") as sandbox:
            o = overhead.measure(sandbox, rounds=3 if quick else 11, calls=50 if quick else 200)
        ok = o.ratio <= TARGETS["overhead"]
        lines += [
            "",
            f"### (c) Client overhead: median of {o.rounds} alternating rounds of "
            f"{o.calls_per_round} calls",
            "",
            "| hook `get_session` | raw httpx GET + `.json()` | ratio | target ≤ 1.25x |",
            "|---:|---:|---:|---|",
            f"| {o.hook_ms:.2f} ms | {o.raw_ms:.2f} ms | {o.ratio:.2f}x | "
            f"{verdict(ok, f'{o.ratio:.2f}x')} |",
        ]

        with sandbox_process(work, "--api-key", "memory", "--auto-submit-after", "-1") as sandbox:
            m = memory.measure(sandbox, sessions=waiting)
        kb, rss_kb = m.per_trigger_bytes / 1024, m.per_trigger_rss_bytes / 1024
        ok = max(kb, rss_kb) < TARGETS["memory_kb"]
        lines += [
            "",
            f"### (d) Waiting for {m.sessions} sessions: triggerer memory versus worker slots",
            "",
            "| deferred: per trigger (tracemalloc) | per trigger (RSS growth) | "
            "one batch trigger, per session | poke mode: one worker slot (RSS) per session | "
            "target < 50 KB |",
            "|---:|---:|---:|---:|---|",
            f"| {kb:.1f} KB | {rss_kb:.1f} KB | "
            f"{m.batch_bytes_per_session / 1024:.2f} KB | "
            f"{m.poke_slot_rss_bytes / 2**20:.0f} MB ({m.slot_over_trigger:,.0f}x a trigger) | "
            f"{verdict(ok, f'{max(kb, rss_kb):.1f} KB')} |",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument("--write", action="store_true", help="update BENCHMARKS.md")
    parser.add_argument("--quick", action="store_true", help="small sizes, a smoke test")
    args = parser.parse_args(argv)
    # operators run outside a task runner here, which Airflow warns about on every call
    os.environ.setdefault("AIRFLOW__LOGGING__LOGGING_LEVEL", "ERROR")
    results = run(args.quick)
    print(results)
    if args.write:
        write_block(START, END, [results])
        print(f"\nwritten to {BENCHMARKS_MD}")


if __name__ == "__main__":
    main()
