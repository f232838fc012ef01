"""The demo: start the sandbox and a local mail server, run the onboarding DAG with
``airflow dags test``, and report what the sandbox recorded and where the invites landed.

Everything lives under ``.demo/`` (Airflow home, SQLite files, the DAG run's log, the invites as
.eml files) and is made anew on each run. Usage:
``python examples/demo.py [--vendor didit|beltic]`` (``make demo`` runs it through tox;
``make demo VENDOR=didit`` or ``VENDOR=beltic`` runs it against the sandbox's Didit or Beltic
API). The DAG is the same for every vendor: only the ``idv_default`` connection changes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from sample_applicants import SAMPLE_APPLICANTS, create_applicants_db, sqlite_connection_json

from idv_sandbox import MailSink, RunningSandbox, SandboxConfig, running_sandbox
from idv_sandbox.registry import sandbox_vendors

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / ".demo"
DAG_ID = "idv_onboarding"
AUTO_SUBMIT_AFTER = 3.0  # seconds until the sandbox "applicant" finishes the hosted flow


def airflow(*args: str, log: Path) -> None:
    """Run an ``airflow`` command, its output to ``log``; show the tail if it fails."""
    with log.open("a") as out:
        done = subprocess.run(
            [str(Path(sys.executable).parent / "airflow"), *args],
            stdout=out,
            stderr=subprocess.STDOUT,
            check=False,
        )
    if done.returncode != 0:
        tail = log.read_text().splitlines()[-40:]
        sys.exit(f"`airflow {' '.join(args)}` failed (rc={done.returncode}):\n" + "\n".join(tail))


def outcomes(db: Path) -> dict[str, tuple[str, str]]:
    """reference → (decision, reasons), as the DAG wrote them back to the applicants' DB."""
    with closing(sqlite3.connect(db)) as conn:
        rows = conn.execute("SELECT reference, decision, reasons FROM idv_outcomes").fetchall()
    return {ref: (decision or "-", reasons or "") for ref, decision, reasons in rows}


def sandbox_records(sandbox: RunningSandbox, vendor: str) -> list[tuple[str, str, str]]:
    """(applicant's reference, session id, status history) of each session, oldest first."""
    return [
        (reference, session_id, " → ".join(s for _, s in sandbox.store.history(session_id)))
        for reference, session_id in sandbox.service(vendor).references()
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--vendor",
        choices=[v.name for v in sandbox_vendors()],
        default=os.environ.get("DEMO_VENDOR") or "deepidv",
        help="the vendor API the sandbox plays for the DAG (default: deepidv, or $DEMO_VENDOR)",
    )
    vendor = parser.parse_args().vendor
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir()
    home = WORK / "airflow"
    os.environ.update(
        AIRFLOW_HOME=str(home),
        AIRFLOW__CORE__DAGS_FOLDER=str(REPO / "examples" / "dags"),
        AIRFLOW__CORE__LOAD_EXAMPLES="False",
        AIRFLOW__LOGGING__LOGGING_LEVEL="INFO",
    )
    log = WORK / "airflow.log"
    print(f"Preparing Airflow's metadata DB in {home} ...", flush=True)
    airflow("db", "migrate", log=log)
    config = SandboxConfig(auto_submit_after=AUTO_SUBMIT_AFTER)
    mail_dir = WORK / "mail"
    applicants_db = WORK / "applicants.db"  # where the application keeps its applicants
    create_applicants_db(applicants_db, SAMPLE_APPLICANTS)
    with running_sandbox(WORK / "sandbox.db", config) as sandbox, MailSink(mail_dir) as mail:
        os.environ["AIRFLOW_CONN_IDV_DEFAULT"] = sandbox.connection_json(vendor=vendor)
        os.environ["AIRFLOW_CONN_SMTP_DEFAULT"] = mail.connection_json()
        os.environ["AIRFLOW_CONN_IDV_APPLICANTS"] = sqlite_connection_json(applicants_db)
        print(
            f"Sandbox ({vendor} API) listening on {sandbox.url}, SMTP on "
            f"{mail.host}:{mail.port}; running `airflow dags test {DAG_ID}` ...",
            flush=True,
        )
        airflow("dags", "test", DAG_ID, log=log)
        decided = outcomes(applicants_db)
        print(f"\nDAG run succeeded (log: {log.relative_to(REPO)}). The sandbox's records:\n")
        print(f"{'applicant':<15} {'session id':<38} {'status history':<34} decision")
        for external_id, session_id, history in sandbox_records(sandbox, vendor):
            decision, reasons = decided.get(external_id, ("-", ""))
            print(f"{external_id:<15} {session_id:<38} {history:<34} {decision} ({reasons})")
        print(f"\nInvites received by the local SMTP server ({mail_dir.relative_to(REPO)}/):\n")
        print(f"{'to':<36} {'language':<9} {'file':<20} subject")
        for received in mail.messages:
            message = received.message
            path = received.path.relative_to(REPO) if received.path else "-"
            print(
                f"{message['To']:<36} {message['Content-Language']:<9} {path!s:<20} "
                f"{message['Subject']}"
            )


if __name__ == "__main__":
    main()
