"""What the operators share about the task instance: its identity, PII masking, sent invites."""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from airflow.sdk import Context
from airflow.sdk.log import mask_secret

from idv_provider.exceptions import InvalidRequestError
from idv_provider.invites import Invite, deliver_invite
from idv_provider.models import Applicant
from idv_provider.templating import rendered_mapping

log = logging.getLogger(__name__)

#: applicant fields masked in logs and Rendered Templates
PII_FIELDS = ("first_name", "last_name", "email", "phone")
#: task_state_store key of the invite channels already sent by an earlier try
INVITE_SENT_KEY = "idv_invite_sent"


def idempotency_key(context: Context) -> str:
    """One key per task instance (not per try): every retry of the task sends the same."""
    ti = context["ti"]
    identity = f"{ti.dag_id}/{ti.run_id}/{ti.task_id}/{ti.map_index}"
    return "airflow-" + hashlib.sha256(identity.encode()).hexdigest()[:48]


def mask_rendered_pii(applicant: Any, *secrets: Any) -> None:
    """Mask the applicant's PII (and e.g. a session link) wherever Airflow shows task values."""
    try:
        data = rendered_mapping(applicant, "applicant") or {}
    except InvalidRequestError:  # reported by execute(); nothing to mask
        data = {}
    values = [data.get(f) for f in PII_FIELDS]
    for value in [*values, *secrets]:
        if isinstance(value, str) and value:
            mask_secret(value)


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
