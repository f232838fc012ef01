"""Apache Airflow provider for hosted identity-verification (KYC) sessions."""

from __future__ import annotations

from importlib.metadata import version
from typing import Any

from idv_provider.registry import VendorRecord, vendor_records

__version__ = version("airflow-provider-idv")


#: the operators, sensors and triggers serve every vendor
NEUTRAL = "Identity verification (KYC)"
MODULES = {
    "operators": [
        "idv_provider.operators.sessions",
        "idv_provider.operators.batch",
        "idv_provider.operators.actions",
        "idv_provider.operators.invites",
        "idv_provider.operators.review",
        "idv_provider.operators.events",
    ],
    "sensors": ["idv_provider.sensors.sessions", "idv_provider.sensors.batch"],
    "triggers": [
        "idv_provider.triggers.sessions",
        "idv_provider.triggers.batch",
        "idv_provider.events.trigger",
    ],
}
#: connection form fields every vendor has
NUMBER = r"^\s*([0-9]+(\.[0-9]*)?|\.[0-9]+)\s*$"
COMMON_FIELDS: dict[str, dict[str, Any]] = {
    "console_url": {
        "label": "Console URL",
        "description": "The reviewer's page of a session, with {session_id}.",
        "schema": {"type": ["string", "null"]},
    },
    "rate_limit": {
        "label": "Rate limit (requests/second)",
        "description": "Space this account's requests from every task of a "
        "worker to stay under the vendor's limit. Empty: no pacing.",
        # Airflow 3.3.2's form renders no number-typed connection field: a text field that
        # must read as a positive number (the hook checks it and names the field otherwise)
        "schema": {"type": ["string", "null"], "pattern": NUMBER},
    },
    "timeout": {
        "label": "Timeout (seconds)",
        "description": "Per-attempt timeout of each API call.",
        "schema": {"type": ["string", "null"], "pattern": NUMBER},
    },
}


def _connection_type(record: VendorRecord) -> dict[str, Any]:
    return {
        "connection-type": record.name,
        "hook-class-name": record.hook,
        "hook-name": record.display_name,
        "ui-field-behaviour": {
            "hidden-fields": ["schema", "login", "extra"],
            "relabeling": {"password": "API key", "host": "Base URL"},
            # Port stays visible: the 3.3.2 Test button needs one (docs/connections.md).
            "placeholders": {
                "host": f"{record.default_base_url} (or the sandbox, http://127.0.0.1:8080)",
                "password": f"your {record.display_name} API key",
                "port": "443 (the sandbox: its port)",
            },
        },
        "conn-fields": {**COMMON_FIELDS, **record.conn_fields},
    }


def get_provider_info() -> dict[str, Any]:
    """Provider metadata read by Airflow through the ``apache_airflow_provider`` entry point:
    one integration, hook and connection type per vendor record."""
    records = vendor_records()
    names = ", ".join(r.display_name for r in records)
    return {
        "package-name": "airflow-provider-idv",
        "name": "Identity verification (KYC) sessions",
        "description": "Create hosted identity-verification sessions, wait for the applicant "
        f"and record decisions ({names}); send branded invites by email and SMS.",
        "versions": [__version__],
        "integrations": [
            *(
                {
                    "integration-name": r.display_name,
                    "external-doc-url": r.docs_url,
                    "tags": ["service"],
                }
                for r in records
            ),
            {"integration-name": NEUTRAL, "tags": ["service"]},
        ],
        "hooks": [
            {"integration-name": r.display_name, "python-modules": [r.hook_module]} for r in records
        ],
        **{
            kind: [{"integration-name": NEUTRAL, "python-modules": modules}]
            for kind, modules in MODULES.items()
        },
        "extra-links": ["idv_provider.links.SessionConsoleLink"],
        "connection-types": [_connection_type(r) for r in records],
    }
