"""deepidv's stand-in: ``/v1/sessions``, Idempotency-Key on create, a hosted flow that
redirects with ``session_id``, ``status`` and ``reason``."""

from idv_sandbox.registry import SandboxVendor
from idv_sandbox.vendors.deepidv.routes import DEEPIDV, add_deepidv_routes

VENDOR = SandboxVendor(
    name="deepidv",
    api_prefix="/v1/",
    dialect=DEEPIDV,
    mount=add_deepidv_routes,
    connection_extra=lambda url: {"console_url": f"{url}/console/sessions/{{session_id}}"},
)
