"""Vendor hooks, and the lookup that lets one operator serve every vendor."""

from __future__ import annotations

from typing import Any

from airflow.sdk import BaseHook

from idv_provider.exceptions import InvalidRequestError
from idv_provider.hooks.base import IdvHook
from idv_provider.hooks.beltic import BelticHook
from idv_provider.hooks.deepidv import DeepIdvHook
from idv_provider.hooks.didit import DiditHook

#: Airflow connection type → hook class. A new vendor adds one entry.
HOOKS_BY_CONN_TYPE: dict[str, type[IdvHook]] = {
    hook.conn_type: hook for hook in (DeepIdvHook, DiditHook, BelticHook)
}


def _hook_class(conn_id: str, conn_type: str | None) -> type[IdvHook]:
    try:
        return HOOKS_BY_CONN_TYPE[conn_type or ""]
    except KeyError:
        known = ", ".join(sorted(HOOKS_BY_CONN_TYPE))
        raise InvalidRequestError(
            f"Connection {conn_id!r} has type {conn_type!r}; the IDV operators support: {known}."
        ) from None


def get_idv_hook(conn_id: str, **hook_params: Any) -> IdvHook:
    """The hook for the vendor that the connection's type names."""
    conn_type = BaseHook.get_connection(conn_id).conn_type
    return _hook_class(conn_id, conn_type)(conn_id, **hook_params)


async def aget_idv_hook(conn_id: str, **hook_params: Any) -> IdvHook:
    """:func:`get_idv_hook` for async code (triggers): never blocks the event loop."""
    conn_type = (await BaseHook.aget_connection(conn_id)).conn_type
    return _hook_class(conn_id, conn_type)(conn_id, **hook_params)


__all__ = [
    "HOOKS_BY_CONN_TYPE",
    "BelticHook",
    "DeepIdvHook",
    "DiditHook",
    "IdvHook",
    "aget_idv_hook",
    "get_idv_hook",
]
