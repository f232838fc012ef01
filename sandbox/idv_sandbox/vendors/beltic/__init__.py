"""Beltic's stand-in: the Identity API (``/v1/identity/``, JSON:API), accounts owning
sessions, cursor paging, the sessions:decide permission."""

from idv_sandbox.registry import SandboxVendor
from idv_sandbox.vendors.beltic.routes import BELTIC, add_beltic_routes

VENDOR = SandboxVendor(
    name="beltic",
    api_prefix="/v1/identity/",
    dialect=BELTIC,
    mount=add_beltic_routes,
    connection_extra=lambda url: {"session_url": f"{url}/beltic/session/{{session_id}}"},
)
