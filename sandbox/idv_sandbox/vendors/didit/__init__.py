"""Didit's stand-in: API v3 (``/v3/``), idempotent on ``vendor_data``, workflows that decide at
the end of the hosted flow, expiry, sandbox scenarios."""

from idv_sandbox.config import DEFAULT_DIDIT_WORKFLOW_ID
from idv_sandbox.registry import SandboxVendor
from idv_sandbox.vendors.didit.routes import DIDIT, add_didit_routes

VENDOR = SandboxVendor(
    name="didit",
    api_prefix="/v3/",
    dialect=DIDIT,
    mount=add_didit_routes,
    connection_extra=lambda url: {
        "console_url": f"{url}/didit/console/{{session_id}}",
        "workflow_id": DEFAULT_DIDIT_WORKFLOW_ID,
    },
)
