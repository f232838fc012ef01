"""Sensor that waits until the applicant has gone through the hosted flow."""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from airflow.sdk import BaseSensorOperator, Context, PokeReturnValue, conf
from airflow.sdk.exceptions import AirflowException, AirflowSensorTimeout

from idv_provider import metrics
from idv_provider.exceptions import SessionFailedError
from idv_provider.hooks import DEFAULT_CONN_ID, get_idv_hook
from idv_provider.links import SessionConsoleLink, push_console_url
from idv_provider.retry import IDV_RETRY_POLICY
from idv_provider.triggers.loop import SETTLE_SECONDS
from idv_provider.triggers.sessions import SessionSubmittedTrigger
from idv_provider.waiting import WaitOutcome, submission_outcome


class SessionSubmittedSensor(BaseSensorOperator):
    """Wait for a session to be submitted by the applicant.

    Works in ``poke`` and ``reschedule`` mode, and deferred (``deferrable=True``, the default
    when ``[operators] default_deferrable`` is set): it checks once, then hands the wait to a
    trigger so no worker slot is held.

    Succeeds on a submitted session (and on an already decided one if ``accept_decided``);
    fails at once, with the reason, on a rejected, voided or expired one. An unknown vendor
    status is logged and waited on. Returns ``{"session_id", "vendor", "status",
    "vendor_status"}``.
    """

    template_fields: Sequence[str] = ("session_id", "conn_id")
    operator_extra_links = (SessionConsoleLink(),)

    def __init__(
        self,
        *,
        session_id: str,
        conn_id: str = DEFAULT_CONN_ID,
        accept_decided: bool = False,
        deferrable: bool = conf.getboolean("operators", "default_deferrable", fallback=False),
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("retry_policy", IDV_RETRY_POLICY)
        super().__init__(**kwargs)
        self.session_id = session_id
        self.conn_id = conn_id
        self.accept_decided = accept_decided
        self.deferrable = deferrable

    def poke(self, context: Context) -> PokeReturnValue:
        hook = get_idv_hook(self.conn_id)
        session = hook.get_session(self.session_id)
        push_console_url(context, hook, session.id)
        outcome, message = submission_outcome(session, accept_decided=self.accept_decided)
        self.log.info("%s", message)
        if outcome is WaitOutcome.FAILED:
            raise SessionFailedError(message)
        if outcome is WaitOutcome.DONE:
            metrics.sessions_submitted(session.vendor)
        return PokeReturnValue(is_done=outcome is WaitOutcome.DONE, xcom_value=session.to_xcom())

    def execute(self, context: Context) -> Any:
        if not self.deferrable:
            return super().execute(context)
        first = self.poke(context)  # no deferral when the applicant is already done
        if first.is_done:
            return first.xcom_value
        self.defer(
            trigger=SessionSubmittedTrigger(
                conn_id=self.conn_id,
                session_id=self.session_id,
                end_time=time.time() + self.timeout,
                poll_interval=self.poke_interval,
                accept_decided=self.accept_decided,
                not_before=time.time() + SETTLE_SECONDS,
            ),
            method_name="execute_complete",
            timeout=timedelta(seconds=self.timeout),
        )

    def execute_complete(self, context: Context, event: dict[str, Any] | None = None) -> Any:
        """Resume after the trigger; anything but a well-formed success fails the task."""
        status = (event or {}).get("status")
        message = (event or {}).get("message") or f"unexpected trigger event {event!r}"
        if status == "success" and isinstance(event, dict) and event.get("session"):
            self.log.info("%s", message)
            metrics.sessions_submitted(str(event["session"].get("vendor")))
            return event["session"]
        if status == "failed":
            raise SessionFailedError(message)
        if status == "timeout":
            raise AirflowSensorTimeout(message)
        raise AirflowException(message)
