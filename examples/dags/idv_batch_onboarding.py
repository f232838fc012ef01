"""Onboard hundreds of applicants in a handful of tasks: one task creates every session (and
sends the invites) under the connection's rate limit, one waits for them all, one decides.

The applicants come from the application's database (connection ``idv_applicants``, table
``applicants``) and each outcome goes back to its ``idv_outcomes`` table, by the applicant's
reference: a rerun or a retry writes the same rows again. Trigger it with
``{"references": [...]}`` to onboard only those, or without to onboard every applicant the
table's condition selects. Compare ``idv_onboarding``: a task group per applicant, which decides
each one as soon as they submit but costs three task instances per applicant.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from airflow.sdk import DAG, Param

from idv_provider.applicants import ApplicantTable, OutcomeTable
from idv_provider.invites import Invite
from idv_provider.operators import CreateSessionsOperator, ReviewSessionsOperator
from idv_provider.policy import ThresholdPolicy
from idv_provider.sensors import SessionsSubmittedSensor

CONN_ID = "idv_default"
APPLICANTS = ApplicantTable(conn_id="idv_applicants", table="applicants")
OUTCOMES = OutcomeTable(conn_id="idv_applicants", table="idv_outcomes")
INVITE = Invite(
    company_name="Example Bank",
    smtp_conn_id="smtp_default",
    from_email="Example Bank <onboarding@example.com>",
)

with DAG(
    dag_id="idv_batch_onboarding",
    description="Create, wait for and decide many identity-verification sessions in few tasks",
    schedule=None,
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    tags=["idv", "example"],
    params={
        "references": Param(None, type=["null", "array"], items={"type": "string"}),
        # applicants with a live session or a decision are left alone unless this is true
        "verify_again": Param(False, type="boolean"),
    },
) as dag:
    created = CreateSessionsOperator(
        task_id="create_sessions",
        conn_id=CONN_ID,
        applicants=APPLICANTS,
        references="{{ params.references | tojson }}",
        outcomes=OUTCOMES,
        verify_again="{{ params.verify_again }}",
        invite=INVITE,
        send_phone_invite=False,
        redirect_url="https://example.com/verification-complete",
        # A retry creates no second session and sends no second invite (task state store).
        retries=3,
        retry_delay=timedelta(seconds=30),
    )
    submitted = SessionsSubmittedSensor(
        task_id="wait_for_submissions",
        conn_id=CONN_ID,
        session_ids=created.output["session_ids"],
        deferrable=True,
        poke_interval=10,
        timeout=24 * 60 * 60,
        retries=2,
        outcomes=OUTCOMES,  # voided, expired and deleted sessions are written back
    )
    decided = ReviewSessionsOperator(
        task_id="decide",
        conn_id=CONN_ID,
        policy=ThresholdPolicy(min_liveness_score=0.9, min_face_match_score=0.8),
        outcomes=OUTCOMES,
        retries=2,
    )
    submitted >> decided
