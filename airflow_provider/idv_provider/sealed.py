"""The applicant's link between a task's tries, sealed with Airflow's Fernet key.

The link is a bearer link, and the task state store is readable by anyone who can read the
DAG (its tab in the UI, the REST API). A retry that still has invites to send needs the link
again: it is kept sealed with ``[core] fernet_key`` (as Airflow keeps connections), or not kept
at all when the deployment has no key (the retry then reads the session from the vendor).
"""

from __future__ import annotations

from typing import Any

from airflow.sdk.crypto import get_fernet
from cryptography.fernet import InvalidToken


def seal_link(url: str | None) -> str | None:
    """``url`` sealed for the task state store; ``None`` without a Fernet key (never kept in
    the clear)."""
    fernet = get_fernet()
    if not url or not fernet.is_encrypted:
        return None
    return fernet.encrypt(url.encode()).decode()


def open_link(sealed: Any) -> str | None:
    """The link :func:`seal_link` sealed; ``None`` when there is none, or it cannot be opened
    (no key any more, another key)."""
    fernet = get_fernet()
    if not isinstance(sealed, str) or not fernet.is_encrypted:
        return None
    try:
        return fernet.decrypt(sealed).decode()
    except (InvalidToken, ValueError):
        return None
