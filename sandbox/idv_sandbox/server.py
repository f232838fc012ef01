"""Run the sandbox: in a background thread (tests, the demo) or in the foreground (CLI)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import uvicorn

from idv_sandbox.app import create_app, services_of
from idv_sandbox.config import DEFAULT_API_KEY, SandboxConfig
from idv_sandbox.mail import MailSink
from idv_sandbox.net import free_port
from idv_sandbox.registry import VendorService, sandbox_vendor
from idv_sandbox.store import SandboxStore


@dataclass(frozen=True)
class RunningSandbox:
    url: str
    store: SandboxStore
    services: dict[str, VendorService]

    def service(self, vendor: str) -> Any:
        """The stand-in of ``vendor`` (e.g. to seed it, or to change its settings)."""
        return self.services[vendor]

    def connection_json(self, api_key: str = DEFAULT_API_KEY, vendor: str = "deepidv") -> str:
        """An Airflow connection of the ``vendor`` type to this sandbox (for
        ``AIRFLOW_CONN_<ID>``)."""
        extra = sandbox_vendor(vendor).connection_extra(self.url)
        return json.dumps(
            {"conn_type": vendor, "password": api_key, "host": self.url, "extra": extra}
        )


@contextmanager
def serving(app: Any, *, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve an ASGI app over real HTTP on loopback, from a thread, for the block; its URL."""
    port = port or free_port(host)
    server = uvicorn.Server(
        uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, name="idv-sandbox", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the server did not start on {host}:{port}")
        time.sleep(0.02)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def running_sandbox(
    db: str | Path = ":memory:",
    config: SandboxConfig | None = None,
    *,
    host: str = "127.0.0.1",
    port: int = 0,
) -> Iterator[RunningSandbox]:
    """Serve the sandbox over real HTTP on loopback for the duration of the block."""
    store = SandboxStore(db)
    app = create_app(store, config)
    try:
        with serving(app, host=host, port=port) as url:
            yield RunningSandbox(url=url, store=store, services=services_of(app))
    finally:
        store.close()


def serve(
    db: str | Path,
    config: SandboxConfig,
    *,
    host: str,
    port: int,
    smtp_port: int | None = None,
    mail_dir: str | Path = "idv-sandbox-mail",
    seed_submitted: int = 0,
    seed_vendor: str = "deepidv",
) -> None:
    """Serve in the foreground until interrupted; with ``smtp_port``, a mail sink beside it."""
    app = create_app(SandboxStore(db), config)
    if seed_submitted:
        base_url = f"http://{host}:{port}"
        seed = services_of(app)[seed_vendor].seed
        seed(min(config.api_keys), seed_submitted, base_url)
    if smtp_port is None:
        uvicorn.run(app, host=host, port=port, log_level="info")
        return
    with MailSink(mail_dir, host=host, port=smtp_port) as sink:
        print(f"SMTP sink on {host}:{smtp_port}, keeping mail in {mail_dir}/; connection:")
        print(f"  AIRFLOW_CONN_SMTP_DEFAULT='{sink.connection_json()}'")
        uvicorn.run(app, host=host, port=port, log_level="info")
