"""Trigger that waits, in the triggerer, for many applicants at once through the list endpoint."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any

from airflow.triggers.base import BaseTrigger, TriggerEvent

from idv_provider.triggers.loop import load_idv_hook, settle
from idv_provider.waiting import BatchProgress


class SessionsSubmittedTrigger(BaseTrigger):
    """Poll a set of sessions, a page of the list at a time, until none is left waiting.

    Each poll reads only the sessions still waited on, so a poll over N sessions costs about
    N / page size calls. Fires one event ``{"status": "success" | "timeout" | "error",
    "message", "progress", "vendor"}`` where ``progress`` holds the ``submitted`` ids, the
    ``ended`` ones (id → reason, and their ``endings``: id → status; a session the vendor no
    longer knows ended ``deleted``) and those still ``waiting``; an error says which typed
    error it was.
    """

    def __init__(
        self,
        *,
        conn_id: str,
        session_ids: list[str],
        end_time: float,
        poll_interval: float = 60.0,
        accept_decided: bool = False,
        not_before: float = 0.0,
    ) -> None:
        super().__init__()
        self.not_before = not_before
        self.conn_id = conn_id
        self.session_ids = list(session_ids)
        self.end_time = end_time
        self.poll_interval = poll_interval
        self.accept_decided = accept_decided

    def serialize(self) -> tuple[str, dict[str, Any]]:
        return (
            f"{type(self).__module__}.{type(self).__qualname__}",
            {
                "conn_id": self.conn_id,
                "session_ids": self.session_ids,
                "end_time": self.end_time,
                "poll_interval": self.poll_interval,
                "accept_decided": self.accept_decided,
                "not_before": self.not_before,
            },
        )

    async def run(self) -> AsyncIterator[TriggerEvent]:
        progress = BatchProgress(waiting=list(self.session_ids))
        try:
            hook = await load_idv_hook(self.conn_id)
            while True:
                waited = list(progress.waiting)
                found = await hook.afind_sessions(waited, missing_ok=True)
                progress.record(found.values(), accept_decided=self.accept_decided)
                progress.record_deleted(i for i in waited if i not in found)
                self.log.info("%s", progress.describe())
                if not progress.waiting:
                    event = await self._event("success", progress.describe(), progress)
                    event.payload["vendor"] = hook.vendor
                    yield event
                    return
                remaining = self.end_time - time.time()
                if remaining <= 0:
                    described = progress.describe(list_waiting=50)
                    message = f"Not every session was submitted in time: {described}."
                    yield await self._event("timeout", message, progress)
                    return
                await asyncio.sleep(min(self.poll_interval, remaining))
        except Exception as exc:  # the task raises it again, typed
            from idv_provider.exceptions import error_event

            details = error_event(exc)
            yield await self._event("error", details.pop("message"), progress, **details)

    async def _event(
        self, status: str, message: str, progress: BatchProgress, **details: Any
    ) -> TriggerEvent:
        await settle(self.not_before)
        payload = {"status": status, "message": message, "progress": progress.to_xcom()}
        return TriggerEvent({**payload, **details})
