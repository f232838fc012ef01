"""Beltic Identity: accounts own sessions (JSON:API), cursor paging, no applicant link in the
API (the connection's ``session_url`` gives one) and no redirect."""

from idv_provider.registry import VendorRecord

VENDOR = VendorRecord(
    name="beltic",
    display_name="Beltic",
    docs_url="https://docs.beltic.com",
    default_base_url="https://api.beltic.com",
    hook="idv_provider.vendors.beltic.hook.BelticHook",
    conn_fields={
        "session_url": {
            "label": "Applicant link",
            "description": "Where the applicant verifies, with {session_id}: Beltic's "
            "API returns no link, and invites need one.",
            "schema": {"type": ["string", "null"]},
        },
    },
)
