"""Sensor that waits for many applicants at once, a page of the list endpoint at a time."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from datetime import timedelta
from typing import Any

from airflow.sdk import BaseSensorOperator, Context, PokeReturnValue, conf
from airflow.sdk.exceptions import AirflowException, AirflowSensorTimeout, AirflowSkipException

from idv_provider import metrics
from idv_provider.applicants import OutcomeTable
from idv_provider.exceptions import InvalidRequestError, error_from_event
from idv_provider.hooks import DEFAULT_CONN_ID, get_idv_hook
from idv_provider.retry import IDV_RETRY_POLICY
from idv_provider.triggers.batch import SessionsSubmittedTrigger
from idv_provider.triggers.loop import SETTLE_SECONDS
from idv_provider.waiting import BatchProgress


class SessionsSubmittedSensor(BaseSensorOperator):
    """Wait until none of ``session_ids`` is still waiting for its applicant.

    One poll reads the sessions through the vendor's list endpoint, about N / page size calls
    for N sessions, where a ``SessionSubmittedSensor`` per session costs N calls and N worker
    slots (or triggers). A session that ends without a submission (rejected, voided, expired,
    or decided unless ``accept_decided``) does not fail the batch: it is reported under
    ``ended`` with the reason (a session the vendor no longer knows ended ``deleted``) and,
    with ``outcomes``, its ending is written back to the application's table. Works in
    ``poke``, ``reschedule`` and deferrable mode; errors keep their type through a deferral.

    Returns ``{"submitted": [ids], "ended": {id: reason}, "endings": {id: status},
    "waiting": []}``; on a timeout the task fails, saying how many were still waiting.
    """

    template_fields: Sequence[str] = ("session_ids", "conn_id")

    def __init__(
        self,
        *,
        session_ids: Iterable[str] | str,
        conn_id: str = DEFAULT_CONN_ID,
        accept_decided: bool = False,
        deferrable: bool = conf.getboolean("operators", "default_deferrable", fallback=False),
        outcomes: OutcomeTable | None = None,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("retry_policy", IDV_RETRY_POLICY)
        super().__init__(**kwargs)
        self.session_ids = session_ids
        self.conn_id = conn_id
        self.accept_decided = accept_decided
        self.deferrable = deferrable
        self.outcomes = outcomes

    def _write_endings(self, vendor: str, progress: dict[str, Any]) -> None:
        endings, reasons = progress.get("endings") or {}, progress.get("ended") or {}
        if self.outcomes is not None and endings:
            self.outcomes.record_states(
                (sid, vendor, str(status), str(reasons.get(sid, "")))
                for sid, status in endings.items()
            )

    def _ids(self) -> list[str]:
        """The ids to wait for; an empty list (every applicant onboarded before, or refused)
        skips the task: there is nothing to wait for."""
        ids = self.session_ids
        if isinstance(ids, str) or not isinstance(ids, Iterable):
            raise InvalidRequestError("session_ids must be a list of session ids")
        unique = list(dict.fromkeys(ids))  # also resolves a lazy XCom sequence
        if not all(isinstance(i, str) and i.strip() for i in unique):
            raise InvalidRequestError("session_ids must be a list of non-empty strings")
        if not unique:
            raise AirflowSkipException("No session to wait for")
        return unique

    def poke(self, context: Context) -> PokeReturnValue:
        hook = get_idv_hook(self.conn_id)
        progress = BatchProgress()
        ids = self._ids()
        found = hook.find_sessions(ids, missing_ok=True)
        progress.record(found.values(), accept_decided=self.accept_decided)
        progress.record_deleted(i for i in ids if i not in found)
        self.log.info("%s", progress.describe(list_waiting=50))
        if not progress.waiting:
            metrics.sessions_submitted(hook.vendor, len(progress.submitted))
            self._write_endings(hook.vendor, progress.to_xcom())
        return PokeReturnValue(is_done=not progress.waiting, xcom_value=progress.to_xcom())

    def execute(self, context: Context) -> Any:
        if not self.deferrable:
            return super().execute(context)
        first = self.poke(context)  # no deferral when every applicant is already done
        if first.is_done:
            return first.xcom_value
        self.defer(
            trigger=SessionsSubmittedTrigger(
                conn_id=self.conn_id,
                session_ids=self._ids(),
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
        event = event if isinstance(event, dict) else {}
        status, progress = event.get("status"), event.get("progress")
        message = event.get("message") or f"unexpected trigger event {event!r}"
        if status == "success" and isinstance(progress, dict) and not progress.get("waiting"):
            self.log.info("%s", message)
            submitted = len(progress.get("submitted") or [])
            vendor = str(event.get("vendor", "unknown"))
            metrics.sessions_submitted(vendor, submitted)
            self._write_endings(vendor, progress)
            return progress
        if status == "timeout":
            raise AirflowSensorTimeout(message)
        raise error_from_event(event) if status == "error" else AirflowException(message)
