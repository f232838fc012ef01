"""Onboard applicants: create a verification session each, invite them, wait, then decide.

Runs against the vendor of the Airflow connection ``idv_default`` (deepidv, Didit or Beltic),
or the local sandbox (``make demo``); the branded invite goes out in each applicant's language
through the SMTP connection ``smtp_default``. The applicants come from the application's
database (connection ``idv_applicants``) by reference, and each outcome goes back there. Each
applicant is a mapped task group of their own (create → wait → decide), so one applicant never
waits for, or fails with, another. For hundreds at a time, see ``idv_batch_onboarding``.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from airflow.sdk import DAG, Param, task, task_group

from idv_provider.applicants import ApplicantTable, OutcomeTable
from idv_provider.invites import Invite
from idv_provider.operators import CreateSessionOperator, DecideSessionOperator
from idv_provider.policy import ThresholdPolicy
from idv_provider.sensors import SessionSubmittedSensor

CONN_ID = "idv_default"
#: our own invite by email, not the vendor's (an SMS needs a sender: docs/invites.md)
INVITE = Invite(
    company_name="Example Bank",
    smtp_conn_id="smtp_default",
    from_email="Example Bank <onboarding@example.com>",
)

#: where the application keeps its applicants (examples/sample_applicants.py makes one), and
#: where the outcome of each goes back: read and written by reference when the tasks run
APPLICANTS = ApplicantTable(conn_id="idv_applicants", table="applicants")
OUTCOMES = OutcomeTable(conn_id="idv_applicants", table="idv_outcomes")

with DAG(
    dag_id="idv_onboarding",
    description="Create, wait for and decide identity-verification sessions",
    schedule=None,
    start_date=datetime(2026, 1, 1),
    catchup=False,
    tags=["idv", "example"],
    # The application triggers a run per signup through the REST API with
    # {"references": ["<its reference>"]}; without it, every applicant of the table. An
    # applicant with a live session or a decision is left alone, unless "verify_again".
    params={
        "references": Param(None, type=["null", "array"], items={"type": "string"}),
        "verify_again": Param(False, type="boolean"),
    },
) as dag:

    @task
    def references(params: dict[str, Any]) -> list[str]:
        """The applicants to onboard: references only (no PII in XCom)."""
        OUTCOMES.create()
        return list(params["references"] or APPLICANTS.references())

    @task_group
    def onboard(reference: str) -> None:
        """One applicant from start to decision, on their own: decided as soon as they
        submit, and a voided or expired session fails this group only."""
        created = CreateSessionOperator(
            task_id="create_session",
            conn_id=CONN_ID,
            applicants=APPLICANTS,
            reference=reference,
            outcomes=OUTCOMES,
            verify_again="{{ params.verify_again }}",
            redirect_url="https://example.com/verification-complete",
            invite=INVITE,  # so the vendor's email invite is off by default
            send_phone_invite=False,
            # Safe to retry soon: a retried create reuses the session the first try made.
            retries=2,
            retry_delay=timedelta(seconds=5),
        )
        submitted = SessionSubmittedSensor(
            task_id="wait_for_submission",
            conn_id=CONN_ID,
            session_id=created.output["session_id"],
            deferrable=True,  # needs a running triggerer (airflow triggerer)
            poke_interval=5,
            timeout=15 * 60,
            retries=2,  # a re-read is safe: the sensor only reads
            outcomes=OUTCOMES,  # a voided, expired or deleted session is written back
        )
        decided = DecideSessionOperator(
            task_id="decide",
            conn_id=CONN_ID,
            session_id=created.output["session_id"],
            policy=ThresholdPolicy(min_liveness_score=0.9, min_face_match_score=0.8),
            outcomes=OUTCOMES,
            retries=2,
        )
        submitted >> decided

    onboard.expand(reference=references())
