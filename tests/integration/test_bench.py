"""The benchmark harness at small sizes, so that `make bench` keeps working."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import calls, memory, throughput
from bench.sandbox import sandbox_process

pytestmark = pytest.mark.integration


def test_batch_waiting_costs_fewer_calls_than_a_sensor_per_session(tmp_path: Path):
    keys = ["--api-key", "batch", "--api-key", "single", "--auto-submit-after", "-1"]
    with sandbox_process(tmp_path, *keys) as sandbox:
        result = calls.measure(sandbox, 20, polls=4)
    # batch: 4 polls of one page, a review page and 20 decisions; per session: 2.5 polls on
    # average, then a read and a write each
    assert result.batch_calls == 4 + 1 + 20
    assert result.single_calls == 20 * (4 + 1) // 2 + 2 * 20


def test_paced_creates_fit_a_tight_rate_limit_where_unpaced_ones_run_out_of_retries(
    tmp_path: Path,
):
    limits = ["--rate-limit", "10", "--rate-burst", "2", "--api-key", "p", "--api-key", "u"]
    with sandbox_process(tmp_path, *limits) as sandbox:
        paced, unpaced = (
            throughput.measure(sandbox, api_key=key, rate=10, sessions=30, workers=6, paced=pace)
            for key, pace in (("p", True), ("u", False))
        )
    assert (paced.errors, paced.duplicates, paced.rate_limited) == (0, 0, 0)
    assert unpaced.rate_limited > 0 and unpaced.duplicates == 0
    assert paced.sessions_created >= unpaced.sessions_created


def test_memory_of_waiting_triggers_is_measured(tmp_path: Path):
    with sandbox_process(tmp_path, "--api-key", "memory", "--auto-submit-after", "-1") as sandbox:
        result = memory.measure(sandbox, sessions=20)
    assert 0 < result.batch_bytes_per_session < result.per_trigger_bytes
    assert result.poke_slot_rss_bytes > 10 * 2**20  # a process with Airflow in it
