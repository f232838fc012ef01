"""What the triggers share so that the triggerer's event loop never blocks, and so that a
trigger never reports faster than Airflow's scheduler can take it.

Importing the hooks (and the generated clients behind them) costs about half a second the
first time, and building the SSL context tens of milliseconds: both run in a worker thread.
Nothing here imports them at module level, so the triggerer's import of a trigger is cheap.
"""

from __future__ import annotations

import asyncio
import importlib
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from idv_provider.hooks import IdvHook

#: Seconds after the deferral before a trigger may fire. Airflow 3.3.2's scheduler can fail a
#: deferred task whose trigger fires within seconds of the deferral: it drains the deferring
#: try's stale "success" from the executor after the task was already requeued
#: (apache/airflow issues 67287, 71580 and 72716; not fixed in a release yet). A person takes
#: minutes to go through a hosted flow, so a few seconds' wait costs nothing; remove it once
#: Airflow carries the fix.
SETTLE_SECONDS = 10.0


async def load_idv_hook(conn_id: str) -> IdvHook:
    """The connection's hook, its imports and SSL setup done off the event loop."""
    hooks = await asyncio.to_thread(importlib.import_module, "idv_provider.hooks")
    transport = await asyncio.to_thread(importlib.import_module, "idv_provider.hooks.transport")
    await asyncio.to_thread(transport.shared_ssl_context)
    hook: IdvHook = await hooks.aget_idv_hook(conn_id)
    return hook


async def settle(not_before: float) -> None:
    """Wait until ``not_before`` (epoch seconds) before firing an event."""
    if (wait := not_before - time.time()) > 0:
        await asyncio.sleep(wait)
