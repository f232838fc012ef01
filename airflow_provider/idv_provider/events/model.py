"""A session event: the applicant went through the hosted flow, as a webhook, a redirect
landing or a list poll told Airflow. It travels as an asset event's ``extra`` and holds no PII:
the session id, the vendor, its status and the analysis scores a policy reads.

The extra is signed (HMAC-SHA256) with the connection's API key by whoever recorded it (the
plugin, the poll trigger) and checked by the deciding task: an asset event written by anyone
else — Airflow's REST API lets a user with asset permissions create one — decides nothing.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from enum import StrEnum
from typing import Any

from airflow.sdk import Asset

from idv_provider.exceptions import InvalidRequestError
from idv_provider.hooks.connection import DEFAULT_CONN_ID
from idv_provider.models import AnalysisSummary, SessionState, VerificationSession
from idv_provider.validation import validate_session_id


class EventSource(StrEnum):
    WEBHOOK = "webhook"  # signed by the vendor
    LANDING = "landing"  # the applicant's browser came back; confirmed with one API call
    POLL = "poll"  # a shared list poll in the triggerer


def session_events_asset(
    conn_id: str = DEFAULT_CONN_ID, *, poll_interval: float | None = None
) -> Asset:
    """The asset whose events say "a session of this connection's account has been through the
    hosted flow". Schedule the deciding DAG on it: the plugin's webhook and landing routes of
    ``conn_id`` record events on it.

    :param poll_interval: for a vendor that pushes nothing, also poll the account's submitted
        sessions every so many seconds (an ``AssetWatcher`` with
        :class:`~idv_provider.events.trigger.SubmittedSessionsTrigger`).
    """
    watchers = []
    if poll_interval is not None:
        from airflow.sdk import AssetWatcher

        from idv_provider.events.trigger import SubmittedSessionsTrigger

        trigger = SubmittedSessionsTrigger(conn_id=conn_id, poll_interval=poll_interval)
        watchers.append(AssetWatcher(name=f"{asset_name(conn_id)}__poll", trigger=trigger))
    return Asset(
        name=asset_name(conn_id), uri=f"idv://{conn_id}/sessions", group="idv", watchers=watchers
    )


def asset_name(conn_id: str) -> str:
    return f"idv_sessions__{conn_id}"


_ANALYSIS_FIELDS = {f.name for f in fields(AnalysisSummary)}
#: the fields the signature covers: all the deciding task reads
SIGNED_FIELDS = (
    "session_id",
    "vendor",
    "status",
    "vendor_status",
    "source",
    "flow_completed",
    "analysis",
)


def _signature(extra: Mapping[str, Any], key: str) -> str:
    message = json.dumps(
        {name: extra.get(name) for name in SIGNED_FIELDS}, sort_keys=True, separators=(",", ":")
    )
    secret = f"idv-session-event:{key}".encode()
    return hmac.new(secret, message.encode(), hashlib.sha256).hexdigest()


def signed(extra: Mapping[str, Any], key: str) -> dict[str, Any]:
    """``extra`` with its ``signature`` under ``key`` (the connection's API key)."""
    return {**extra, "signature": _signature(extra, key)}


def _json_safe(analysis: dict[str, Any]) -> dict[str, Any]:
    """The analysis with what JSON cannot hold (NaN, infinities, anything but a number, a
    bool or ``None``) left out as not reported: an extra is always valid JSON, which every
    database's JSON functions can read."""
    return {
        name: value
        if value is None
        or isinstance(value, bool)
        or (isinstance(value, int | float) and math.isfinite(value))
        else None
        for name, value in analysis.items()
    }


@dataclass(frozen=True)
class SessionEvent:
    session_id: str
    vendor: str
    state: SessionState
    vendor_status: str
    source: EventSource
    flow_completed: bool = True
    analysis: AnalysisSummary | None = None

    @classmethod
    def of(cls, session: VerificationSession, source: EventSource) -> SessionEvent:
        return cls(
            session_id=session.id,
            vendor=session.vendor,
            state=session.state,
            vendor_status=session.vendor_status,
            source=source,
            flow_completed=session.flow_completed,
            analysis=session.analysis,
        )

    @property
    def key(self) -> str:
        """What makes two events the same news: one session reaching one status."""
        return f"{self.vendor}:{self.session_id}:{self.vendor_status}"

    def to_extra(self, key: str) -> dict[str, Any]:
        """The asset event's extra, signed with ``key`` (the connection's API key)."""
        extra: dict[str, Any] = {
            "session_id": self.session_id,
            "vendor": self.vendor,
            "status": self.state.value,
            "vendor_status": self.vendor_status,
            "source": self.source.value,
            "flow_completed": self.flow_completed,
            "analysis": None if self.analysis is None else _json_safe(asdict(self.analysis)),
            "event_key": self.key,
        }
        return signed(extra, key)

    @classmethod
    def all_from_extra(cls, extra: Mapping[str, Any], key: str) -> list[SessionEvent]:
        """The session events of an asset event's ``extra``: one as the plugin records it, or
        a poll's list under the trigger's ``payload``."""
        if extra.get("from_trigger") and isinstance(extra.get("payload"), Mapping):
            sessions = extra["payload"].get("sessions")
            if not isinstance(sessions, list) or not all(isinstance(s, Mapping) for s in sessions):
                raise InvalidRequestError("The trigger's event has no list of session events")
            return [cls.from_extra(s, key) for s in sessions]
        return [cls.from_extra(extra, key)]

    @classmethod
    def from_extra(cls, extra: Mapping[str, Any], key: str) -> SessionEvent:
        """Read one session event, checking its signature (``key``: the connection's API key)
        and every field before anything trusts it."""
        given = extra.get("signature")
        if not isinstance(given, str) or not hmac.compare_digest(given, _signature(extra, key)):
            raise InvalidRequestError(
                "The asset event is not a session event this deployment recorded for the "
                "connection (no or a wrong signature: written by someone else, or before the "
                "connection's API key changed)"
            )
        try:
            session_id = validate_session_id(extra.get("session_id"))
            state = SessionState(str(extra.get("status")))
            source = EventSource(str(extra.get("source")))
        except (InvalidRequestError, ValueError) as exc:
            raise InvalidRequestError(f"The asset event is not a session event: {exc}") from None
        vendor, vendor_status = extra.get("vendor"), extra.get("vendor_status")
        if not isinstance(vendor, str) or not isinstance(vendor_status, str):
            raise InvalidRequestError("The asset event has no vendor or vendor_status")
        analysis = extra.get("analysis")
        if analysis is not None and (
            not isinstance(analysis, Mapping) or not set(analysis) <= _ANALYSIS_FIELDS
        ):
            raise InvalidRequestError("The asset event's analysis has fields this version lacks")
        return cls(
            session_id=session_id,
            vendor=vendor,
            state=state,
            vendor_status=vendor_status,
            source=source,
            flow_completed=bool(extra.get("flow_completed", True)),
            analysis=None if analysis is None else AnalysisSummary(**analysis),
        )

    def to_session(self) -> VerificationSession:
        """The session as the event saw it (no link, no dates)."""
        return VerificationSession(
            id=self.session_id,
            vendor=self.vendor,
            state=self.state,
            vendor_status=self.vendor_status,
            analysis=self.analysis,
            flow_completed=self.flow_completed,
        )


@dataclass(frozen=True)
class WebhookDelivery:
    """A verified webhook: the vendor's id of the delivery, and the session it is news of."""

    delivery_id: str
    session: VerificationSession | None


def worth_an_event(session: VerificationSession) -> bool:
    """Whether the session is news for a deciding DAG: the applicant has been through the flow
    and nobody has decided yet, or the vendor's workflow decided at the end of it."""
    return session.state is SessionState.SUBMITTED or (
        session.flow_completed and session.state.is_decided
    )
