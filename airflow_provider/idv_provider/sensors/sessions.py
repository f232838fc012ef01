"""Sensor that waits until the applicant has gone through the hosted flow."""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from airflow.sdk import BaseSensorOperator, Context, PokeReturnValue, conf
from airflow.sdk.exceptions import AirflowException, AirflowSensorTimeout

from idv_provider import metrics
from idv_provider.applicants import OutcomeTable
from idv_provider.deciding import DELETED
from idv_provider.exceptions import NotFoundError, SessionFailedError, error_from_event
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
    fails at once, with the reason, on a rejected, voided, expired or deleted one — and with
    ``outcomes``, writes that ending back to the application's table first. An unknown vendor
    status is logged and waited on. Errors keep their type through a deferral, so a permanent
    one (not found, bad key) fails at once and a transient one retries.
    Returns ``{"session_id", "vendor", "status", "vendor_status"}``.
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
        outcomes: OutcomeTable | None = None,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("retry_policy", IDV_RETRY_POLICY)
        super().__init__(**kwargs)
        self.session_id = session_id
        self.conn_id = conn_id
        self.accept_decided = accept_decided
        self.deferrable = deferrable
        self.outcomes = outcomes

    def _ended(self, vendor: str, status: str, message: str) -> None:
        """Write the session's ending back, when the application's table knows it."""
        if self.outcomes is not None:
            self.outcomes.record_states([(self.session_id, vendor, status, message)])

    def poke(self, context: Context) -> PokeReturnValue:
        hook = get_idv_hook(self.conn_id)
        try:
            session = hook.get_session(self.session_id)
        except NotFoundError as exc:
            self._ended(hook.vendor, DELETED, str(exc))
            raise
        push_console_url(context, hook, session.id)
        outcome, message = submission_outcome(session, accept_decided=self.accept_decided)
        self.log.info("%s", message)
        if outcome is WaitOutcome.FAILED:
            self._ended(session.vendor, session.state.value, message)
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
        """Resume after the trigger; anything but a well-formed success fails the task (an
        error as the typed error the trigger met)."""
        event = event if isinstance(event, dict) else {}
        status, session = event.get("status"), event.get("session")
        message = event.get("message") or f"unexpected trigger event {event!r}"
        if status == "success" and isinstance(session, dict):
            self.log.info("%s", message)
            metrics.sessions_submitted(str(session.get("vendor")))
            return session
        if status == "failed":
            if isinstance(session, dict) and session.get("session_id") == self.session_id:
                self._ended(str(session.get("vendor")), str(session.get("status")), message)
            raise SessionFailedError(message)
        if status == "timeout":
            raise AirflowSensorTimeout(message)
        error = error_from_event(event) if status == "error" else AirflowException(message)
        if isinstance(error, NotFoundError):
            self._ended(get_idv_hook(self.conn_id).vendor, DELETED, message)
        raise error
