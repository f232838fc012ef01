"""Session events for a vendor that pushes nothing: an event trigger for an ``AssetWatcher``
that lists the account's submitted sessions once per interval and fires once per poll that
sees sessions not seen before, naming each of them.

Every watcher of one connection and interval shares one poll in the triggerer (Airflow 3.3's
shared streams): one list call per interval (a page of 100 sessions each), whatever the number
of watchers. A session fires again only after it has left the list and come back (a
resubmission). After a triggerer restart (or a move to another triggerer) the first poll knows
nothing it has seen: it fires only the sessions submitted within the last
:func:`catch_up_seconds` (and those whose submission time the vendor does not list), so a
backlog left for a person is not read again at every restart; sessions submitted during a
longer outage are the review DAG's, the safety net.

One event a poll, not one a session: Airflow 3.3 records a trigger's events one after the other
and starts the run with the events up to the first one's queue entry (apache/airflow#56050), so
the others would wait for the next poll that finds something new.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Hashable
from typing import Any

from airflow.triggers.base import BaseEventTrigger, TriggerEvent

from idv_provider.events.model import EventSource, SessionEvent
from idv_provider.exceptions import TransientError
from idv_provider.hooks.connection import DEFAULT_CONN_ID
from idv_provider.models import SessionState

log = logging.getLogger(__name__)
#: pages read per poll at most (100 sessions a page): a backlog larger than this is the review's
MAX_PAGES = 10


def catch_up_seconds(poll_interval: float) -> float:
    """How far back the first poll after a (re)start fires submissions: ten intervals, at
    least ten minutes (a triggerer's restart takes seconds)."""
    return max(10 * poll_interval, 600.0)


async def submitted_now(conn_id: str) -> list[tuple[dict[str, Any], float | None]]:
    """The event of every session waiting for a decision now, with its submission time
    (epoch seconds; ``None`` when the vendor lists none): one call per page."""
    from idv_provider.hooks import aget_idv_hook

    hook = await aget_idv_hook(conn_id)
    key = hook.api_key(await hook.aconnection())  # signs the events, as the plugin's are
    events: list[tuple[dict[str, Any], float | None]] = []
    token = None
    for _ in range(MAX_PAGES):
        page = await hook.alist_sessions(state=SessionState.SUBMITTED, limit=100, page_token=token)
        events += [
            (
                SessionEvent.of(s, EventSource.POLL).to_extra(key),
                s.submitted_at.timestamp() if s.submitted_at else None,
            )
            for s in page.sessions
        ]
        if (token := page.next_page_token) is None:
            break
    return events


class SubmittedSessionsTrigger(BaseEventTrigger):
    """Fires when sessions are newly waiting for a decision in ``conn_id``'s account: one
    event a poll, ``{"sessions": [<session event>, ...]}``.

    :param conn_id: an Airflow connection of a supported vendor type.
    :param poll_interval: seconds between list calls.
    """

    def __init__(self, *, conn_id: str = DEFAULT_CONN_ID, poll_interval: float = 60.0) -> None:
        super().__init__()
        if not poll_interval > 0:
            raise ValueError("poll_interval must be a positive number of seconds")
        self.conn_id = conn_id
        self.poll_interval = float(poll_interval)

    def serialize(self) -> tuple[str, dict[str, Any]]:
        return (
            f"{type(self).__module__}.{type(self).__qualname__}",
            {"conn_id": self.conn_id, "poll_interval": self.poll_interval},
        )

    def shared_stream_key(self) -> Hashable:
        return ("idv-submitted-sessions", self.conn_id, self.poll_interval)

    @classmethod
    async def open_shared_stream(cls, kwargs: dict[str, Any]) -> AsyncIterator[Any]:
        """Yield, once per interval, the events of every submitted session (the same list to
        every watcher). A vendor outage skips a poll; anything else ends the stream."""
        while True:
            interval = float(kwargs["poll_interval"])
            try:
                yield await submitted_now(kwargs["conn_id"])
            except TransientError as exc:
                log.warning(
                    "Listing submitted sessions failed (%s); next poll in %ss", exc, interval
                )
            await asyncio.sleep(interval)

    async def filter_shared_stream(
        self, shared_stream: AsyncIterator[Any]
    ) -> AsyncIterator[TriggerEvent]:
        seen: set[str] | None = None  # None: the first poll since this trigger started
        async for listed in shared_stream:
            if seen is None:
                since = time.time() - catch_up_seconds(self.poll_interval)
                new = [extra for extra, at in listed if at is None or at >= since]
            else:
                new = [extra for extra, _ in listed if extra["event_key"] not in seen]
            if new:
                yield TriggerEvent({"sessions": new})
            seen = {extra["event_key"] for extra, _ in listed}  # forget what left the list

    async def run(self) -> AsyncIterator[TriggerEvent]:
        stream = self.open_shared_stream(self.serialize()[1])
        async for event in self.filter_shared_stream(stream):
            yield event
