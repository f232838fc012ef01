"""Onboard applicants: create a verification session each, invite them, wait, then decide.

Runs against the vendor of the Airflow connection ``idv_default`` (deepidv, Didit or Beltic),
or the local sandbox (``make demo``); the branded invite goes out in each applicant's language
through the SMTP connection ``smtp_default``. Each applicant is a mapped task group of their
own (create → wait → decide), so one applicant never waits for, or fails with, another. The
sandbox's auto mode reads the ``+tag`` of an applicant's email to pick the outcome of their
hosted flow, so these applicants end differently on purpose.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from airflow.sdk import DAG, task_group

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

APPLICANTS = [
    {
        "first_name": "Ada",
        "last_name": "Lovelace",
        "email": "ada@example.com",
        "phone": "+15550100001",
        "external_id": "applicant-001",
        "locale": "en-GB",
    },
    {
        "first_name": "Alan",
        "last_name": "Turing",
        "email": "alan+face_mismatch@example.com",
        "phone": "+15550100002",
        "external_id": "applicant-002",
        "locale": "fr-CA",
    },
    {
        "first_name": "Grace",
        "last_name": "Hopper",
        "email": "grace+expired_document@example.com",
        "phone": "+15550100003",
        "external_id": "applicant-003",
        "locale": "es",
    },
]

with DAG(
    dag_id="idv_onboarding",
    description="Create, wait for and decide identity-verification sessions",
    schedule=None,
    start_date=datetime(2026, 1, 1),
    catchup=False,
    tags=["idv", "example"],
) as dag:

    @task_group
    def onboard(applicant: dict[str, str]) -> None:
        """One applicant from start to decision, on their own: decided as soon as they
        submit, and a voided or expired session fails this group only."""
        created = CreateSessionOperator(
            task_id="create_session",
            conn_id=CONN_ID,
            applicant=applicant,
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
        )
        decided = DecideSessionOperator(
            task_id="decide",
            conn_id=CONN_ID,
            session_id=created.output["session_id"],
            policy=ThresholdPolicy(min_liveness_score=0.9, min_face_match_score=0.8),
            retries=2,
        )
        submitted >> decided

    onboard.expand(applicant=APPLICANTS)
