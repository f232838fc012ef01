"""Decide the sessions a run's session events name: the task of a DAG scheduled on
:func:`~idv_provider.events.session_events_asset`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from airflow.sdk import BaseOperator, Context

from idv_provider.applicants import OutcomeTable
from idv_provider.deciding import ENDINGS, policy_result, record_decision, record_ending
from idv_provider.events.model import SessionEvent, asset_name
from idv_provider.exceptions import IdvError, InvalidRequestError, NotFoundError, TransientError
from idv_provider.hooks import DEFAULT_CONN_ID, IdvHook, get_idv_hook
from idv_provider.policy import Policy
from idv_provider.retry import IDV_RETRY_POLICY


def session_events(
    context: Context, conn_id: str, key: str
) -> tuple[list[SessionEvent], list[str]]:
    """The run's events on ``conn_id``'s asset, one per session (the latest wins), and why
    each asset event that is not one (unsigned, malformed) was refused."""
    accessor = context.get("triggering_asset_events") or {}
    latest: dict[str, SessionEvent] = {}
    refused: list[str] = []
    for asset in accessor:
        if getattr(asset, "name", None) != asset_name(conn_id):
            continue
        for event in sorted(accessor[asset], key=lambda e: e.timestamp):
            try:
                parsed = SessionEvent.all_from_extra(event.extra or {}, key)
            except InvalidRequestError as exc:
                refused.append(str(exc))
                continue
            latest |= {p.session_id: p for p in parsed}
    return list(latest.values()), refused


class DecideSessionEventsOperator(BaseOperator):
    """Decide, by a policy, every session the run's triggering session events name.

    An event only says which session to look at: each session is read from the vendor before
    anything is decided (one read, then one write), so a stale or replayed event decides
    nothing. A session already decided (by the vendor's workflow, a reviewer or an earlier run)
    is left as it is, as :class:`DecideSessionOperator` does; a session that ended without a
    decision (voided, expired, failed, deleted at the vendor) has its ending written to
    ``outcomes`` and is reported. One session's failure does not stop the others: the task
    fails at the end, naming them — to be retried if the vendor was unavailable, at once
    otherwise. An asset event this deployment did not sign for the connection (written through
    the REST API, say) decides nothing and fails the task.

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
        hook = get_idv_hook(self.conn_id)
        events, refused = session_events(context, self.conn_id, hook.api_key(hook.connection))
        for reason in refused:
            self.log.error("Refused an asset event: %s", reason)
        if not events and not refused:
            self.log.info("No session events of connection %s in this run", self.conn_id)
            return []
        if self.outcomes is not None:
            self.outcomes.create()
        results, failed, passing = [], [], False
        for event in events:
            try:
                results.append(self._decide(hook, event))
            except IdvError as exc:
                self.log.error("Session %s: %s", event.session_id, exc)
                failed.append(event.session_id)
                passing |= isinstance(exc, TransientError)
        problems = []
        if failed:
            problems.append(
                f"{len(failed)} of {len(events)} sessions were not decided: {', '.join(failed)}"
            )
        if refused:
            problems.append(f"{len(refused)} asset event(s) refused as not session events")
        if passing:  # an outage: the task's retries decide what is left (re-reading each)
            raise TransientError("; ".join(problems))
        if problems:  # nothing a retry could change
            raise InvalidRequestError("; ".join(problems))
        return results

    def _decide(self, hook: IdvHook, event: SessionEvent) -> dict[str, Any]:
        if event.vendor != hook.record.name:
            raise InvalidRequestError(
                f"The event names a {event.vendor!r} session; connection {self.conn_id!r} is "
                f"{hook.record.name!r}"
            )
        self.log.info("Session %s came by %s", event.session_id, event.source.value)
        try:
            session = hook.get_session(event.session_id)  # never the event's word alone
        except NotFoundError:
            return record_ending(event.session_id, hook.vendor, None, self.outcomes)
        if session.state in ENDINGS:
            return record_ending(session.id, hook.vendor, session, self.outcomes)
        result = policy_result(session, self.policy)
        return record_decision(hook, session, result, self.outcomes)
