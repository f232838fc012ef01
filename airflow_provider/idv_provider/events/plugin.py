"""The Airflow plugin the provider ships (the ``airflow.plugins`` entry point): it mounts the
events app on the API server at ``/idv``.

Airflow loads plugins in every process, each task's included; only the API server serves the
app. So the plugin holds a small ASGI shell that builds the FastAPI app at its first request,
and importing the plugin imports no web framework.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from airflow.plugins_manager import AirflowPlugin

URL_PREFIX = "/idv"
Message = MutableMapping[str, Any]
ASGIApp = Callable[
    [Message, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]],
    Awaitable[None],
]


class EventsApp:
    """An ASGI app: :func:`idv_provider.events.app.create_app`'s, built when first called."""

    def __init__(self) -> None:
        self._app: ASGIApp | None = None

    async def __call__(
        self,
        scope: Message,
        receive: Callable[[], Awaitable[Message]],
        send: Callable[[Message], Awaitable[None]],
    ) -> None:
        if self._app is None:
            from idv_provider.events.app import create_app

            self._app = create_app()
        await self._app(scope, receive, send)


class IdvEventsPlugin(AirflowPlugin):
    name = "idv_events"
    fastapi_apps = [  # noqa: RUF012 - Airflow's own attribute, read from the class
        {"app": EventsApp(), "url_prefix": URL_PREFIX, "name": "Identity verification events"}
    ]
