"""The sandbox in a process of its own, so that it does not share the benchmark's CPU (GIL)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from idv_sandbox.gate import key_label
from idv_sandbox.net import free_port


@dataclass(frozen=True)
class SandboxProcess:
    url: str

    def use(self, conn_id: str, api_key: str, **extra: object) -> str:
        """Point the Airflow connection ``conn_id`` at this sandbox with ``api_key``."""
        conn = {"conn_type": "deepidv", "password": api_key, "host": self.url, "extra": extra}
        os.environ[f"AIRFLOW_CONN_{conn_id.upper()}"] = json.dumps(conn)
        return conn_id

    def seed(self, api_key: str, count: int, *, submitted: bool) -> list[str]:
        body = {"api_key": api_key, "count": count, "submitted": submitted}
        response = httpx.post(f"{self.url}/_sandbox/seed", json=body, timeout=600)
        response.raise_for_status()
        return list(response.json()["session_ids"])

    def submit(self, session_ids: list[str]) -> None:
        """The applicants finish the hosted flow (a browser call, not an API call)."""
        with httpx.Client(base_url=self.url) as client:
            for session_id in session_ids:
                client.post(f"/session/{session_id}", data={"ending": "success"}).raise_for_status()

    def api_calls(self, api_key: str) -> dict[str, int]:
        requests = httpx.get(f"{self.url}/_sandbox/stats").json()["requests"]
        return dict(requests.get(key_label(api_key), {}))

    def clear_stats(self) -> None:
        httpx.delete(f"{self.url}/_sandbox/stats").raise_for_status()


@contextmanager
def sandbox_process(workdir: Path, *args: str) -> Iterator[SandboxProcess]:
    """``idv-sandbox serve`` on a free loopback port with ``args``, until the block ends."""
    port = free_port()
    command = [sys.executable, "-m", "idv_sandbox", "serve", "--port", str(port)]
    command += ["--db", str(workdir / f"sandbox-{port}.db"), *args]
    log = (workdir / f"sandbox-{port}.log").open("w")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{url}/healthz").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the sandbox did not start; see {log.name}")
            time.sleep(0.1)
        yield SandboxProcess(url)
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()
