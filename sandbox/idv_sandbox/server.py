"""Run the sandbox: in a background thread (tests, the demo) or in the foreground (CLI)."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import uvicorn

from idv_sandbox.app import create_app, seeder
from idv_sandbox.service import DEFAULT_API_KEY, DEFAULT_DIDIT_WORKFLOW_ID, Sandbox, SandboxConfig
from idv_sandbox.store import SandboxStore


@dataclass(frozen=True)
class RunningSandbox:
    url: str
    sandbox: Sandbox

    @property
    def store(self) -> SandboxStore:
        return self.sandbox.store

    def connection_json(self, api_key: str = DEFAULT_API_KEY, vendor: str = "deepidv") -> str:
        """An Airflow connection of the ``vendor`` type to this sandbox (for
        ``AIRFLOW_CONN_<ID>``)."""
        extra: dict[str, str] = {"console_url": f"{self.url}/console/sessions/{{session_id}}"}
        if vendor == "didit":
            extra = {
                "console_url": f"{self.url}/didit/console/{{session_id}}",
                "workflow_id": DEFAULT_DIDIT_WORKFLOW_ID,
            }
        elif vendor == "beltic":
            extra = {"session_url": f"{self.url}/beltic/session/{{session_id}}"}
        elif vendor != "deepidv":
            raise ValueError(f"the sandbox does not speak {vendor!r}")
        return json.dumps(
            {"conn_type": vendor, "password": api_key, "host": self.url, "extra": extra}
        )


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


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
    port = port or free_port(host)
    server = uvicorn.Server(
        uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, name="idv-sandbox", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the sandbox did not start on {host}:{port}")
        time.sleep(0.02)
    try:
        yield RunningSandbox(url=f"http://{host}:{port}", sandbox=app.state.sandbox)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
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
    from idv_sandbox.mail import MailSink  # here: mail.py imports this module

    app = create_app(SandboxStore(db), config)
    if seed_submitted:
        base_url = f"http://{host}:{port}"
        seeder(app, seed_vendor)(min(config.api_keys), seed_submitted, base_url)
    if smtp_port is None:
        uvicorn.run(app, host=host, port=port, log_level="info")
        return
    with MailSink(mail_dir, host=host, port=smtp_port) as sink:
        print(f"SMTP sink on {host}:{smtp_port}, keeping mail in {mail_dir}/; connection:")
        print(f"  AIRFLOW_CONN_SMTP_DEFAULT='{sink.connection_json()}'")
        uvicorn.run(app, host=host, port=port, log_level="info")
