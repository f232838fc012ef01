"""A real Airflow deployment on this machine, for the end-to-end tier.

PostgreSQL (from Debian's packages, in a data directory of its own), the sandbox, and Airflow's
api-server, scheduler, dag-processor and triggerer as separate processes with the
LocalExecutor — every server on 127.0.0.1 only (Airflow's log servers are not started: with
one machine the api-server reads the task logs from disk).
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
from cryptography.fernet import Fernet

from idv_sandbox.net import free_port

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "examples"))
from sample_applicants import APPLICANTS_DDL, COLUMNS

REPO = Path(__file__).resolve().parents[2]
PG_BIN = Path("/usr/lib/postgresql/15/bin")
HOST = "127.0.0.1"


def _pg_bin(name: str) -> str:
    found = shutil.which(name) or str(PG_BIN / name)
    if not Path(found).exists():
        raise RuntimeError(f"{name} not found: install Debian's postgresql package")
    return found


def postgres_installed() -> bool:
    return bool(shutil.which("initdb")) or (PG_BIN / "initdb").exists()


def _as_postgres(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run it as the postgres user when we are root."""
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


@contextmanager
def postgres(folder: Path) -> Iterator[int]:
    """A PostgreSQL server on loopback with an ``airflow`` database (Airflow's) and an
    ``applicants`` one (the application's); its port."""
    folder.mkdir(parents=True, exist_ok=True)
    data, log = folder / "data", folder / "postgres.log"
    if os.geteuid() == 0:
        owner = pwd.getpwnam("postgres")
        os.chmod(folder, 0o755)  # noqa: S103 - the postgres user reads its own folder
        for path in (folder, *folder.parents):  # the postgres user must reach the folder
            if path == Path("/"):
                break
            os.chmod(path, os.stat(path).st_mode | 0o005)
        data.mkdir()
        os.chown(data, owner.pw_uid, owner.pw_gid)
        log.touch()
        os.chown(log, owner.pw_uid, owner.pw_gid)
    port = free_port(HOST)
    subprocess.run(
        _as_postgres([_pg_bin("initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"]),
        check=True,
        capture_output=True,
    )
    options = f"-h {HOST} -p {port} -k {data} -c fsync=off -c full_page_writes=off"
    subprocess.run(
        _as_postgres(
            [_pg_bin("pg_ctl"), "-D", str(data), "-o", options, "-l", str(log), "-w", "start"]
        ),
        check=True,
        capture_output=True,
    )
    try:
        for database in ("airflow", "applicants"):
            subprocess.run(
                _as_postgres(
                    [_pg_bin("createdb"), "-h", HOST, "-p", str(port), "-U", "postgres", database]
                ),
                check=True,
                capture_output=True,
            )
        yield port
    finally:
        subprocess.run(
            _as_postgres([_pg_bin("pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
            check=False,
            capture_output=True,
        )


@dataclass
class Deployment:
    """The running deployment: its folders, URLs and an authenticated REST client."""

    home: Path
    api_url: str
    sandbox_url: str
    smtp_port: int
    postgres_port: int
    env: dict[str, str]
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    _token: str | None = None

    # -- REST --------------------------------------------------------------------------------
    def client(self) -> httpx.Client:
        if self._token is None:
            answer = httpx.get(f"{self.api_url}/auth/token", timeout=30)
            answer.raise_for_status()
            self._token = answer.json()["access_token"]
        return httpx.Client(
            base_url=f"{self.api_url}/api/v2",
            headers={"Authorization": f"Bearer {self._token}"},
            timeout=60,
        )

    def api(self, method: str, path: str, **kwargs: Any) -> Any:
        with self.client() as client:
            response = client.request(method, path, **kwargs)
        assert response.status_code < 400, (
            f"{method} {path}: {response.status_code} {response.text}"
        )
        return response.json() if response.content else None

    def database(self, name: str) -> Any:
        """A psycopg2 connection to one of the server's databases (``airflow``,
        ``applicants``)."""
        import psycopg2  # the e2e extra's: imported here so the default run can collect

        return psycopg2.connect(host=HOST, port=self.postgres_port, user="postgres", dbname=name)

    def add_applicants(self, rows: list[dict[str, Any]]) -> None:
        """Put applicants in the application's database and point ``idv_applicants`` at it."""
        with self.database("applicants") as db, db.cursor() as cursor:
            cursor.execute(APPLICANTS_DDL)
            cursor.executemany(
                f"INSERT INTO applicants ({', '.join(COLUMNS)}) "  # noqa: S608 - fixed names
                f"VALUES ({', '.join(['%s'] * len(COLUMNS))}) ON CONFLICT (reference) DO NOTHING",
                [tuple(row.get(c) for c in COLUMNS) for row in rows],
            )
        self.set_connection(
            "idv_applicants",
            {
                "conn_type": "postgres",
                "host": HOST,
                "port": self.postgres_port,
                "login": "postgres",
                "schema": "applicants",
            },
        )

    def set_connection(self, conn_id: str, body: dict[str, Any]) -> None:
        with self.client() as client:
            client.delete(f"/connections/{conn_id}")
            response = client.post("/connections", json={"connection_id": conn_id, **body})
        assert response.status_code == 201, response.text

    def trigger(self, dag_id: str, conf: dict[str, Any] | None = None) -> str:
        self.wait_for_dag(dag_id)
        self.api("PATCH", f"/dags/{dag_id}", json={"is_paused": False})
        run = self.api(
            "POST", f"/dags/{dag_id}/dagRuns", json={"logical_date": None, "conf": conf or {}}
        )
        return str(run["dag_run_id"])

    def wait_for_dag(self, dag_id: str, timeout: float = 180) -> None:
        deadline = time.monotonic() + timeout
        with self.client() as client:
            while client.get(f"/dags/{dag_id}").status_code != 200:
                self.check_alive()
                assert time.monotonic() < deadline, f"{dag_id} never parsed"
                time.sleep(1)

    def wait_for_run(self, dag_id: str, run_id: str, timeout: float = 600) -> str:
        deadline = time.monotonic() + timeout
        while True:
            state = self.api("GET", f"/dags/{dag_id}/dagRuns/{run_id}")["state"]
            if state in ("success", "failed"):
                return str(state)
            self.check_alive()
            assert time.monotonic() < deadline, f"{dag_id} {run_id} still {state}"
            time.sleep(2)

    def task_instances(self, dag_id: str, run_id: str) -> list[dict[str, Any]]:
        """Every task instance of the run (the API serves them a page of 100 at a time)."""
        found: list[dict[str, Any]] = []
        while True:
            page = self.api(
                "GET",
                f"/dags/{dag_id}/dagRuns/{run_id}/taskInstances",
                params={"limit": 100, "offset": len(found)},
            )
            found += page["task_instances"]
            if not page["task_instances"] or len(found) >= page["total_entries"]:
                return found

    def xcom(self, dag_id: str, run_id: str, task_id: str, map_index: int, key: str) -> Any:
        return self.api(
            "GET",
            f"/dags/{dag_id}/dagRuns/{run_id}/taskInstances/{task_id}/xcomEntries/{key}",
            params={"map_index": map_index, "deserialize": True},
        )["value"]

    # -- processes ---------------------------------------------------------------------------
    def start(self, name: str, *args: str) -> None:
        log = open(self.home / f"{name}.log", "wb")  # noqa: SIM115 - closed with the process
        self.processes[name] = subprocess.Popen(
            list(args), env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )

    def stop(self, name: str) -> None:
        process = self.processes.pop(name)
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def start_api_server(self) -> None:
        port = str(urlsplit(self.api_url).port)
        self.start("api-server", *airflow("api-server", "-H", HOST, "-p", port, "-w", "1"))

    def check_alive(self) -> None:
        for name, process in self.processes.items():
            assert process.poll() is None, f"{name} exited: {self.log(name)[-3000:]}"

    def log(self, name: str) -> str:
        return (self.home / f"{name}.log").read_text(errors="replace")

    def task_logs(self) -> str:
        return "\n".join(
            p.read_text(errors="replace") for p in (self.home / "logs").rglob("*") if p.is_file()
        )


def airflow(*args: str) -> list[str]:
    return [str(Path(sys.executable).parent / "airflow"), *args]


@contextmanager
def deployment(
    folder: Path, sandbox_args: list[str], extra_dags: Path | None = None
) -> Iterator[Deployment]:
    """Start everything; stop everything, whatever happens. The DAGs are the examples (and
    ``extra_dags``'s files, e.g. a benchmark's)."""
    home = folder / "airflow"
    home.mkdir(parents=True)
    api_port, sandbox_port, smtp_port = free_port(HOST), free_port(HOST), free_port(HOST)
    with postgres(folder / "postgres") as postgres_port:
        database_url = f"postgresql+psycopg2://postgres@{HOST}:{postgres_port}/airflow"
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW")},
            "AIRFLOW_HOME": str(home),
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": database_url,
            "AIRFLOW__CORE__EXECUTOR": "LocalExecutor",
            "AIRFLOW__CORE__PARALLELISM": "8",
            "AIRFLOW__CORE__DAGS_FOLDER": str(dags_folder(folder, extra_dags)),
            "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
            "AIRFLOW__CORE__TEST_CONNECTION": "Enabled",  # the UI's Test button
            "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_ALL_ADMINS": "True",
            "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"http://{HOST}:{api_port}/execution/",
            "AIRFLOW__API__HOST": HOST,
            "AIRFLOW__API__PORT": str(api_port),
            "AIRFLOW__API__BASE_URL": f"http://{HOST}:{api_port}",
            "AIRFLOW__API_AUTH__JWT_SECRET": "e2e-" + os.urandom(16).hex(),
            # as every deployment has one: connections, and the links a retry may need, sealed
            "AIRFLOW__CORE__FERNET_KEY": Fernet.generate_key().decode(),
            "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "5",
            # an unpaused DAG's asset watchers start at its next parse
            "AIRFLOW__DAG_PROCESSOR__MIN_FILE_PROCESS_INTERVAL": "10",
            "AIRFLOW__SCHEDULER__TASK_QUEUED_TIMEOUT": "600",
            "AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT": str(free_port(HOST)),
            "AIRFLOW__LOGGING__TRIGGER_LOG_SERVER_PORT": str(free_port(HOST)),
            "IDV_REVIEW_REPORT_DIR": str(folder / "reports"),
        }
        subprocess.run(airflow("db", "migrate"), env=env, check=True, capture_output=True)
        mail_dir = folder / "mail"
        found = Deployment(
            home=home,
            api_url=f"http://{HOST}:{api_port}",
            sandbox_url=f"http://{HOST}:{sandbox_port}",
            smtp_port=smtp_port,
            postgres_port=postgres_port,
            env=env,
        )
        try:
            found.start(
                "sandbox",
                sys.executable,
                "-m",
                "idv_sandbox",
                "serve",
                "--host",
                HOST,
                "--port",
                str(sandbox_port),
                "--db",
                str(folder / "sandbox.db"),
                "--smtp-port",
                str(smtp_port),
                "--mail-dir",
                str(mail_dir),
                *sandbox_args,
            )
            found.start_api_server()
            found.start("scheduler", *airflow("scheduler", "--skip-serve-logs"))
            found.start("dag-processor", *airflow("dag-processor"))
            found.start("triggerer", *airflow("triggerer", "--skip-serve-logs"))
            wait_until_up(found)
            yield found
        finally:
            for name in list(found.processes):
                found.stop(name)


def dags_folder(folder: Path, extra_dags: Path | None) -> Path:
    if extra_dags is None:
        return REPO / "examples" / "dags"
    dags = folder / "dags"
    dags.mkdir()
    for source in [*(REPO / "examples" / "dags").glob("*.py"), *extra_dags.glob("*.py")]:
        (dags / source.name).symlink_to(source)
    return dags


def wait_until_up(found: Deployment, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    for url in (f"{found.sandbox_url}/healthz", f"{found.api_url}/api/v2/monitor/health"):
        while True:
            found.check_alive()
            try:
                if httpx.get(url, timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, f"{url} never came up"
            time.sleep(1)
