"""One key per task instance, the same for every try: what makes a retried write safe."""

from __future__ import annotations

import hashlib

from airflow.sdk import Context


def idempotency_key(context: Context) -> str:
    """One key per task instance (not per try): every retry of the task sends the same."""
    ti = context["ti"]
    identity = f"{ti.dag_id}/{ti.run_id}/{ti.task_id}/{ti.map_index}"
    return "airflow-" + hashlib.sha256(identity.encode()).hexdigest()[:48]
