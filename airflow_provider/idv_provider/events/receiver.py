"""What the plugin's routes do with a webhook delivery or a redirect landing, away from HTTP.

Both run in the API server's process, in a worker thread (they read a connection and the
metadata database, and the landing makes one API call). Nothing here echoes what the request
carried: a forged request learns nothing from the answer.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Mapping
from enum import StrEnum

from idv_provider.events import guard
from idv_provider.events.model import EventSource, SessionEvent, worth_an_event
from idv_provider.events.recording import Recorded, record_session_event, session_recorded
from idv_provider.exceptions import (
    IdvError,
    InvalidRequestError,
    NotFoundError,
    WebhookVerificationError,
)
from idv_provider.hooks import IdvHook, get_idv_hook
from idv_provider.redirects import RedirectStatus, parse_redirect

log = logging.getLogger(__name__)
#: a vendor's delivery id kept as it is (Didit's are UUIDs)
DELIVERY_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
WEBHOOK_SECRET = "webhook_secret"  # noqa: S105 - the extra's name, not a secret


def _hook(conn_id: str) -> tuple[IdvHook, str]:
    """The connection's hook (set up for calls inside the API server) and API key (which signs
    the events recorded for it), read once per :data:`~idv_provider.events.guard.HOOK_TTL`;
    an unknown id, a type that is no vendor's, or a connection without a key reads as no
    vendor at all."""
    try:
        found: tuple[IdvHook, str] = guard.GUARD.cached(conn_id, _read_hook)
    except Exception:  # Airflow raises its not-found error from a few places
        raise LookupError(conn_id) from None
    return found


def _read_hook(conn_id: str) -> tuple[IdvHook, str]:
    hook = at_once(get_idv_hook(conn_id))
    return hook, hook.api_key(hook.connection)


def delivery_key(delivery_id: str) -> str:
    """The vendor's delivery id as stored: as it is when it is a plain token, else its digest
    (an id of 900 kB, with a NUL or markup in it, is never stored or queried as it is)."""
    if DELIVERY_ID.match(delivery_id):
        return delivery_id
    digest = hashlib.sha256(delivery_id.encode("utf-8", "surrogatepass")).hexdigest()
    return f"sha256:{digest}"


def receive_webhook(conn_id: str, body: bytes, headers: Mapping[str, str]) -> Recorded | None:
    """Verify and record one delivery; ``None``: verified, but not news for a deciding DAG.

    :raises WebhookVerificationError: unknown connection, no secret, unsigned, forged, stale,
        or a delivery id accepted before (a replay): answer 401.
    """
    try:
        hook, key = _hook(conn_id)
    except LookupError:
        raise WebhookVerificationError("No connection of a vendor that sends webhooks") from None
    record, secret = hook.record, hook.conn_extra(hook.connection, WEBHOOK_SECRET)
    delivery = record.read_webhook(body, headers, secret if isinstance(secret, str) else "")
    if delivery is None:
        raise WebhookVerificationError(f"{record.display_name} sends no webhooks to read")
    session = delivery.session
    if session is None or not worth_an_event(session):
        return None
    try:
        hook.check_session_id(session.id)  # signed, but never recorded unless well-formed
    except InvalidRequestError:
        log.warning("A signed webhook of connection %s names no session id of its vendor", conn_id)
        return None
    event = SessionEvent.of(session, EventSource.WEBHOOK)
    result = record_session_event(
        conn_id, event, key, delivery_id=delivery_key(delivery.delivery_id)
    )
    if result is Recorded.REPLAYED:
        raise WebhookVerificationError("This delivery was accepted before: a replay")
    if result is Recorded.NO_CONSUMER:
        log.warning("No DAG is scheduled on connection %s's session events", conn_id)
    return result


def at_once(hook: IdvHook) -> IdvHook:
    """``hook`` set up for a call inside the API server: one attempt, a short timeout, never
    waiting on the connection's pacing (the landing has its own budget)."""
    hook.max_retries = 0
    hook.timeout_cap = guard.LOOKUP_TIMEOUT
    hook.paced = False
    return hook


class Landing(StrEnum):
    """What the applicant's page says."""

    THANKS = "thanks"  # the flow is finished (confirmed with the vendor)
    INCOMPLETE = "incomplete"  # not finished (as the redirect or the vendor says)
    INVALID = "invalid"  # not a link this deployment sent
    UNAVAILABLE = "unavailable"  # the vendor could not be asked just now
    BUSY = "busy"  # too many landings at once: try again shortly (503, Retry-After)


def _busy(conn_id: str) -> Landing:
    if guard.GUARD.busy():
        log.warning(
            "Landings of connection %s over their bound: answered busy (%d so far)",
            conn_id,
            guard.GUARD.refused,
        )
    return Landing.BUSY


def receive_landing(conn_id: str, params: Mapping[str, str]) -> Landing:
    """Read the redirect, confirm it with one API call and record it if it is news."""
    try:
        hook, key = _hook(conn_id)
        redirect = parse_redirect(params, vendor=hook.record.name)
        hook.check_session_id(redirect.session_id)  # before any look-up or call
    except (LookupError, InvalidRequestError):
        return Landing.INVALID
    if redirect.status is not RedirectStatus.SUCCESS:
        return Landing.INCOMPLETE
    if guard.GUARD.is_unknown(conn_id, redirect.session_id):
        return Landing.INVALID  # the vendor said so lately: no second call
    if not guard.GUARD.has_budget(conn_id):
        return _busy(conn_id)  # a flood: not even a database query
    if session_recorded(conn_id, redirect.session_id):
        return Landing.THANKS  # a reload: nothing new, no API call
    with guard.GUARD.lookup(conn_id) as allowed:
        if not allowed:
            return _busy(conn_id)
        try:
            session = hook.get_session(redirect.session_id)
        except (NotFoundError, InvalidRequestError):
            guard.GUARD.remember_unknown(conn_id, redirect.session_id)
            return Landing.INVALID  # forged: no such session in this account
        except IdvError as exc:
            kind = type(exc).__name__
            log.warning("Could not confirm a landing of connection %s: %s", conn_id, kind)
            return Landing.UNAVAILABLE
    if not worth_an_event(session):
        return Landing.INCOMPLETE  # the query string said more than the vendor does
    result = record_session_event(conn_id, SessionEvent.of(session, EventSource.LANDING), key)
    if result is Recorded.NO_CONSUMER:
        log.warning("No DAG is scheduled on connection %s's session events", conn_id)
    return Landing.THANKS
