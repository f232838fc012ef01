"""Decide each session as soon as its applicant has been through the hosted flow.

No sensor waits: the provider's plugin on the API server records a session event when the
vendor's signed webhook arrives (Didit: ``POST /idv/webhooks/idv_default``) or when the
applicant's browser lands on the ``redirect_url`` page (``GET /idv/landing/idv_default``, the
status confirmed with one API call). Each event runs ``idv_event_decisions``, whose one task
decides the sessions it names by the policy and writes the outcome back.

``idv_polled_decisions`` is the same for a vendor that pushes nothing and sends no redirect
(Beltic): the triggerer lists the account's submitted sessions once a minute, shared by every
watcher of the connection. Both DAGs are paused until you unpause them. See docs/events.md.
"""

from __future__ import annotations

from datetime import datetime

from airflow.sdk import DAG

from idv_provider.applicants import OutcomeTable
from idv_provider.events import session_events_asset
from idv_provider.operators import DecideSessionEventsOperator
from idv_provider.policy import ThresholdPolicy

POLICY = ThresholdPolicy(min_liveness_score=0.9, min_face_match_score=0.8)
OUTCOMES = OutcomeTable(conn_id="idv_applicants", table="idv_outcomes")
#: DAG id → (connection, seconds between list polls; None: webhooks and landings only)
DECIDERS = {
    "idv_event_decisions": ("idv_default", None),
    "idv_polled_decisions": ("idv_polled", 60),
}

for dag_id, (conn_id, poll_interval) in DECIDERS.items():
    with DAG(
        dag_id=dag_id,
        description=f"Decide the sessions of connection {conn_id} as their events arrive",
        schedule=[session_events_asset(conn_id, poll_interval=poll_interval)],
        start_date=datetime(2026, 1, 1),
        catchup=False,
        tags=["idv", "example"],
    ):
        DecideSessionEventsOperator(
            task_id="decide", conn_id=conn_id, policy=POLICY, outcomes=OUTCOMES, retries=2
        )
