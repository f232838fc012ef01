"""The benchmark's polling baseline (bench/events.py): sessions already created (their ids in
the run's conf), each waited for by a deferrable sensor that asks every 60 seconds, then
decided by the policy, as ``idv_onboarding`` does."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from airflow.sdk import DAG, Param, task, task_group

from idv_provider.operators import DecideSessionOperator
from idv_provider.policy import ThresholdPolicy
from idv_provider.sensors import SessionSubmittedSensor

POKE_INTERVAL = 60

with DAG(
    dag_id="idv_bench_polling",
    schedule=None,
    start_date=datetime(2026, 1, 1),
    catchup=False,
    params={"session_ids": Param([], type="array", items={"type": "string"})},
    tags=["idv", "bench"],
):

    @task
    def session_ids(params: dict[str, Any]) -> list[str]:
        return list(params["session_ids"])

    @task_group
    def decide(session_id: str) -> None:
        waited = SessionSubmittedSensor(
            task_id="wait",
            session_id=session_id,
            deferrable=True,
            poke_interval=POKE_INTERVAL,
            timeout=3600,
        )
        waited >> DecideSessionOperator(
            task_id="decide",
            session_id=session_id,
            policy=ThresholdPolicy(min_liveness_score=0.9, min_face_match_score=0.8),
        )

    decide.expand(session_id=session_ids())
