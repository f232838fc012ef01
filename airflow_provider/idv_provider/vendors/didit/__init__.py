"""Didit (API v3): workflows, ``vendor_data`` as the idempotency key, decisions by update-status,
signed webhooks."""

from idv_provider.registry import VendorRecord

VENDOR = VendorRecord(
    name="didit",
    display_name="Didit",
    docs_url="https://docs.didit.me",
    default_base_url="https://verification.didit.me",
    hook="idv_provider.vendors.didit.hook.DiditHook",
    conn_fields={
        "workflow_id": {
            "label": "Workflow ID",
            "description": "The Didit workflow (UUID) used when an operator names none.",
            "schema": {"type": ["string", "null"]},
        },
        "webhook_secret": {
            "label": "Webhook secret",
            "description": "The webhook destination's secret shared key: the provider's "
            "webhook endpoint refuses deliveries it does not sign.",
            "schema": {"type": ["string", "null"]},
        },
    },
    redirect_parser="idv_provider.vendors.didit.redirect.parse_didit_redirect",
    webhook_reader="idv_provider.vendors.didit.webhooks.read_didit_webhook",
)
