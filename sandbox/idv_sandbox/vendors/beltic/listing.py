"""Beltic's session list in the sandbox: its filters and its keyset cursors."""

from __future__ import annotations

import base64
import json
from typing import Any

from idv_sandbox.config import ApiError

#: the sessions list's filters, as SQL over the sessions table ({t}: its alias, if any);
#: filter[session_device] matches nothing (the sandbox has no session devices)
FILTERS = {
    "filter[status]": "{t}status = ?",
    "filter[account]": "{t}account_id = ?",
    "filter[entity_type]": "json_extract({t}record, '$.attributes.entity_type') = ?",
}


def list_filters(
    api_key: str, query: dict[str, str], prefix: str = ""
) -> tuple[list[str], list[Any]]:
    """The WHERE conditions of a list query over the sessions table (aliased ``prefix``)."""
    where, args = [f"{prefix}api_key = ?"], [api_key]
    for param, condition in FILTERS.items():
        if param in query:
            where.append(condition.format(t=prefix))
            args.append(query[param])
    return where, args


def encode_cursor(record: dict[str, Any]) -> str:
    """Beltic's keyset cursor: base64 of the last item's ``created_at`` and ``id``."""
    key = {"values": {"created_at": record["attributes"]["created_at"]}, "id": record["id"]}
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode()


def decode_cursor(cursor: str) -> str:
    """The session id a cursor points after (400 if it is not one of ours)."""
    try:
        return str(json.loads(base64.urlsafe_b64decode(cursor.encode()))["id"])
    except (ValueError, KeyError, TypeError):
        raise ApiError(400, "page cursor is not valid", field="page") from None
