"""Decide the sessions a run's session events name: the task of a DAG scheduled on
:func:`~idv_provider.events.session_events_asset`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from airflow.sdk import BaseOperator, Context

from idv_provider.applicants import OutcomeTable
from idv_provider.deciding import policy_result, record_decision
from idv_provider.events.model import SessionEvent, asset_name
from idv_provider.exceptions import IdvError, InvalidRequestError
from idv_provider.hooks import DEFAULT_CONN_ID, IdvHook, get_idv_hook
from idv_provider.models import VerificationSession
from idv_provider.policy import Policy
from idv_provider.retry import IDV_RETRY_POLICY


def session_events(context: Context, conn_id: str) -> list[SessionEvent]:
    """The run's events on ``conn_id``'s asset, one per session (the latest wins)."""
    accessor = context.get("triggering_asset_events") or {}
    latest: dict[str, SessionEvent] = {}
    for asset in accessor:
        if getattr(asset, "name", None) != asset_name(conn_id):
            continue
        for event in sorted(accessor[asset], key=lambda e: e.timestamp):
            for parsed in SessionEvent.all_from_extra(event.extra or {}):
                latest[parsed.session_id] = parsed
    return list(latest.values())


class DecideSessionEventsOperator(BaseOperator):
    """Decide, by a policy, every session the run's triggering session events name.

    The events carry the session's status and analysis scores (webhooks and landings read
    them from the vendor), so a session is decided with one API call; an event without the
    analysis (a list poll), and every event on a retry, has the session read first. A session
    already decided is left as it is, as :class:`DecideSessionOperator` does; one session's
    failure does not stop the others (the task fails at the end, naming them).

    :param conn_id: the connection whose asset the DAG is scheduled on.
    :param policy: a callable ``VerificationSession -> PolicyResult``
        (default :class:`~idv_provider.policy.ThresholdPolicy`).
    :param outcomes: write each decision back to the application's table.

    Returns ``[{"session_id", "decision", "status", "reasons"}]``.
    """

    template_fields: Sequence[str] = ("conn_id",)

    def __init__(
        self,
        *,
        conn_id: str = DEFAULT_CONN_ID,
        policy: Policy | None = None,
        outcomes: OutcomeTable | None = None,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("retry_policy", IDV_RETRY_POLICY)
        super().__init__(**kwargs)
        self.conn_id = conn_id
        self.policy = policy
        self.outcomes = outcomes

    def execute(self, context: Context) -> list[dict[str, Any]]:
        events = session_events(context, self.conn_id)
        if not events:
            self.log.info("No session events of connection %s in this run", self.conn_id)
            return []
        hook = get_idv_hook(self.conn_id)
        if self.outcomes is not None:
            self.outcomes.create()
        retried = context["ti"].try_number > 1  # an event may be stale now: read the session
        results, failed = [], []
        for event in events:
            try:
                results.append(self._decide(hook, event, reread=retried))
            except IdvError as exc:
                self.log.error("Session %s: %s", event.session_id, exc)
                failed.append(event.session_id)
        if failed:
            raise InvalidRequestError(
                f"{len(failed)} of {len(events)} sessions were not decided: {', '.join(failed)}"
            )
        return results

    def _session(self, hook: IdvHook, event: SessionEvent, reread: bool) -> VerificationSession:
        if event.vendor != hook.record.name:
            raise InvalidRequestError(
                f"The event names a {event.vendor!r} session; connection {self.conn_id!r} is "
                f"{hook.record.name!r}"
            )
        if reread or event.analysis is None:
            return hook.get_session(event.session_id)
        hook.check_session_id(event.session_id)
        return event.to_session()

    def _decide(self, hook: IdvHook, event: SessionEvent, *, reread: bool) -> dict[str, Any]:
        session = self._session(hook, event, reread)
        result = policy_result(session, self.policy)
        self.log.info("Session %s came by %s", session.id, event.source.value)
        return record_decision(hook, session, result, self.outcomes)
