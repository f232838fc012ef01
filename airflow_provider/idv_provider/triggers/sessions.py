"""Trigger that waits, in the triggerer, for an applicant to submit a session."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any

from airflow.triggers.base import BaseTrigger, TriggerEvent

from idv_provider.triggers.loop import load_idv_hook, settle
from idv_provider.waiting import WaitOutcome, submission_outcome


class SessionSubmittedTrigger(BaseTrigger):
    """Poll one session through the async client until the wait is over.

    Fires one event ``{"status": "success" | "failed" | "timeout" | "error", "message",
    "session_id", "session"}``; ``session`` (the PII-free summary) on success and failure; an
    error says which typed error it was (:func:`~idv_provider.exceptions.error_event`), so the
    task raises it again and the retry policy fails a permanent one at once.
    ``end_time`` (epoch seconds) is the trigger's own deadline; no event fires before
    ``not_before`` (see :data:`idv_provider.triggers.loop.SETTLE_SECONDS`).
    """

    def __init__(
        self,
        *,
        conn_id: str,
        session_id: str,
        end_time: float,
        poll_interval: float = 30.0,
        accept_decided: bool = False,
        not_before: float = 0.0,
    ) -> None:
        super().__init__()
        self.not_before = not_before
        self.conn_id = conn_id
        self.session_id = session_id
        self.end_time = end_time
        self.poll_interval = poll_interval
        self.accept_decided = accept_decided

    def serialize(self) -> tuple[str, dict[str, Any]]:
        return (
            f"{type(self).__module__}.{type(self).__qualname__}",
            {
                "conn_id": self.conn_id,
                "session_id": self.session_id,
                "end_time": self.end_time,
                "poll_interval": self.poll_interval,
                "accept_decided": self.accept_decided,
                "not_before": self.not_before,
            },
        )

    async def _event(self, status: str, message: str, **extra: Any) -> TriggerEvent:
        await settle(self.not_before)
        return TriggerEvent(
            {"status": status, "message": message, "session_id": self.session_id, **extra}
        )

    async def run(self) -> AsyncIterator[TriggerEvent]:
        try:
            hook = await load_idv_hook(self.conn_id)
            while True:
                session = await hook.aget_session(self.session_id)
                outcome, message = submission_outcome(session, accept_decided=self.accept_decided)
                if outcome is WaitOutcome.DONE:
                    yield await self._event("success", message, session=session.to_xcom())
                    return
                if outcome is WaitOutcome.FAILED:
                    yield await self._event("failed", message, session=session.to_xcom())
                    return
                self.log.info("%s", message)
                remaining = self.end_time - time.time()
                if remaining <= 0:
                    yield await self._event(
                        "timeout", f"Session {self.session_id} was not submitted in time."
                    )
                    return
                await asyncio.sleep(min(self.poll_interval, remaining))
        except Exception as exc:  # the task raises it again, typed
            from idv_provider.exceptions import error_event

            details = error_event(exc)
            yield await self._event("error", details.pop("message"), **details)
