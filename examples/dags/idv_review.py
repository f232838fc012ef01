"""Review every submitted verification session each hour: decide by policy, report the rest.

Reads the vendor's submitted sessions a page at a time (one list call per 100 sessions, one
write per decision), decides each by the policy, and writes a Markdown report of the counts and
of the sessions left for a person, with their reasons. Set ``IDV_REVIEW_REPORT_TO`` to email
the report too (through the SMTP connection ``smtp_default``).
"""

from __future__ import annotations

import os
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from airflow.sdk import DAG

from idv_provider.operators import ReviewSessionsOperator
from idv_provider.policy import ThresholdPolicy

CONN_ID = "idv_default"
REPORT_DIR = Path(
    os.environ.get("IDV_REVIEW_REPORT_DIR") or Path(tempfile.gettempdir()) / "idv-reviews"
)

REPORT_NAME = "idv-review-{{ dag_run.run_after.strftime('%Y%m%dT%H%M%S') }}.md"

with DAG(
    dag_id="idv_review",
    description="Decide submitted identity-verification sessions by policy, hourly",
    schedule="@hourly",
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,  # two reviews at once would race for the same sessions
    tags=["idv", "example"],
) as dag:
    ReviewSessionsOperator(
        task_id="review",
        conn_id=CONN_ID,
        policy=ThresholdPolicy(min_liveness_score=0.95, min_face_match_score=0.8),
        # run_after, not the logical date: a run triggered by hand has none
        report_path=str(REPORT_DIR / REPORT_NAME),
        report_to=os.environ.get("IDV_REVIEW_REPORT_TO") or None,
        # a retry carries on where the failed try stopped: decided sessions are not listed again
        retries=2,
        retry_delay=timedelta(minutes=1),
        execution_timeout=timedelta(minutes=50),
    )
