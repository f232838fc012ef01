"""Apache Airflow provider for hosted identity-verification (KYC) sessions."""

from __future__ import annotations

from importlib.metadata import version
from typing import Any

__version__ = version("airflow-provider-idv")


def get_provider_info() -> dict[str, Any]:
    """Provider metadata read by Airflow through the ``apache_airflow_provider`` entry point."""
    return {
        "package-name": "airflow-provider-idv",
        "name": "Identity verification (KYC) sessions",
        "description": "Create hosted identity-verification sessions, wait for the applicant "
        "and record decisions (deepidv); send branded invites by email and SMS.",
        "versions": [__version__],
        "integrations": [
            {
                "integration-name": "deepidv",
                "external-doc-url": "https://docs.deepidv.com",
                "tags": ["service"],
            }
        ],
        "hooks": [
            {"integration-name": "deepidv", "python-modules": ["idv_provider.hooks.deepidv"]}
        ],
        "operators": [
            {
                "integration-name": "deepidv",
                "python-modules": [
                    "idv_provider.operators.sessions",
                    "idv_provider.operators.invites",
                    "idv_provider.operators.review",
                ],
            }
        ],
        "sensors": [
            {
                "integration-name": "deepidv",
                "python-modules": ["idv_provider.sensors.sessions", "idv_provider.sensors.batch"],
            }
        ],
        "triggers": [
            {
                "integration-name": "deepidv",
                "python-modules": ["idv_provider.triggers.sessions", "idv_provider.triggers.batch"],
            }
        ],
        "extra-links": ["idv_provider.links.SessionConsoleLink"],
        "connection-types": [
            {
                "connection-type": "deepidv",
                "hook-class-name": "idv_provider.hooks.deepidv.DeepIdvHook",
                "hook-name": "deepidv",
                "ui-field-behaviour": {
                    "hidden-fields": ["schema", "login", "port", "extra"],
                    "relabeling": {"password": "API key", "host": "Base URL"},
                    "placeholders": {
                        "host": "https://api.deepidv.com (or the sandbox, http://127.0.0.1:8080)",
                        "password": "your deepidv API key",
                    },
                },
                "conn-fields": {
                    "console_url": {
                        "label": "Console URL",
                        "description": "The reviewer's page of a session, with {session_id}. "
                        "Defaults to deepidv's dashboard when the base URL is the vendor's.",
                        "schema": {"type": ["string", "null"]},
                    },
                    "rate_limit": {
                        "label": "Rate limit (requests/second)",
                        "description": "Space this account's requests from every task of a "
                        "worker to stay under the vendor's limit. Empty: no pacing.",
                        "schema": {"type": ["number", "null"], "exclusiveMinimum": 0},
                    },
                    "timeout": {
                        "label": "Timeout (seconds)",
                        "description": "Per-attempt timeout of each API call.",
                        "schema": {"type": ["number", "null"], "minimum": 1, "default": 30},
                    },
                },
            }
        ],
    }
