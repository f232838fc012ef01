"""Send an invite at most once per channel and task instance, across retries and crashes."""

from __future__ import annotations

import logging

from airflow.sdk import Context

from idv_provider.idempotency import idempotency_key
from idv_provider.invites.delivery import Invite, deliver_invite
from idv_provider.models import Applicant

log = logging.getLogger(__name__)

#: task_state_store key of the invite channels already sent by an earlier try
INVITE_SENT_KEY = "idv_invite_sent"


def send_invite_once(
    context: Context, invite: Invite, applicant: Applicant, session_url: str
) -> list[str]:
    """Send the invite on the channels no earlier try of this task sent; return all sent.

    Each channel is recorded in the task state store as soon as it is out, so a retry after
    a failure (or a crash) on the second channel does not send the first one again.
    """
    store = context.get("task_state_store")
    saved = store.get(INVITE_SENT_KEY) if store is not None else None
    sent = [str(channel) for channel in saved] if isinstance(saved, list) else []
    if sent:
        log.info("Invite already sent by an earlier try on: %s", ", ".join(sent))
    key = idempotency_key(context)
    for channel in deliver_invite(invite, applicant, session_url, key=key, skip=sent):
        sent.append(channel)
        if store is not None:
            store.set(INVITE_SENT_KEY, [*sent])
        log.info("Sent the %s invite", channel)
    return sent
