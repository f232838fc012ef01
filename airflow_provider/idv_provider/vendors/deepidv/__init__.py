"""deepidv: hosted sessions with an ``Idempotency-Key`` on create and a PATCH for decisions."""

from idv_provider.registry import VendorRecord

VENDOR = VendorRecord(
    name="deepidv",
    display_name="deepidv",
    docs_url="https://docs.deepidv.com",
    default_base_url="https://api.deepidv.com",
    hook="idv_provider.vendors.deepidv.hook.DeepIdvHook",
    redirect_parser="idv_provider.vendors.deepidv.redirect.parse_deepidv_redirect",
)
