"""The Airflow plugin the provider ships (the ``airflow.plugins`` entry point): it mounts the
events app on the API server at ``/idv``."""

from __future__ import annotations

from airflow.plugins_manager import AirflowPlugin

from idv_provider.events.app import create_app

URL_PREFIX = "/idv"


class IdvEventsPlugin(AirflowPlugin):
    name = "idv_events"
    fastapi_apps = [  # noqa: RUF012 - Airflow's own attribute, read from the class
        {"app": create_app(), "url_prefix": URL_PREFIX, "name": "Identity verification events"}
    ]
