"""The vendor-neutral hook, and the look-up that lets one operator serve every vendor: the
connection's type names the vendor (:mod:`idv_provider.registry`)."""

from __future__ import annotations

import asyncio
from typing import Any

from airflow.sdk import BaseHook

from idv_provider.exceptions import InvalidRequestError
from idv_provider.hooks.base import IdvHook
from idv_provider.hooks.connection import DEFAULT_CONN_ID
from idv_provider.registry import VendorRecord, vendor_record, vendor_records


def _record(conn_id: str, conn_type: str | None) -> VendorRecord:
    record = vendor_record(conn_type)
    if record is None:
        known = ", ".join(r.name for r in vendor_records())
        raise InvalidRequestError(
            f"Connection {conn_id!r} has type {conn_type!r}; the IDV operators support: {known}."
        )
    return record


def get_idv_hook(conn_id: str = DEFAULT_CONN_ID, **hook_params: Any) -> IdvHook:
    """The hook for the vendor that the connection's type names."""
    conn = BaseHook.get_connection(conn_id)
    hook = _record(conn_id, conn.conn_type).hook_class()(conn_id, **hook_params)
    hook.connection = conn  # read once: the hook's cached connection is this one
    return hook


async def aget_idv_hook(conn_id: str = DEFAULT_CONN_ID, **hook_params: Any) -> IdvHook:
    """:func:`get_idv_hook` for async code (triggers): the connection is read, and the
    vendor's hook (and generated client) imported, without blocking the event loop."""
    conn_type = (await BaseHook.aget_connection(conn_id)).conn_type
    hook_class = await asyncio.to_thread(_record(conn_id, conn_type).hook_class)
    return hook_class(conn_id, **hook_params)


__all__ = ["DEFAULT_CONN_ID", "IdvHook", "aget_idv_hook", "get_idv_hook"]
