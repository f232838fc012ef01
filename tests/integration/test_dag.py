"""The onboarding DAG, run by `airflow dags test` against the sandbox over real HTTP."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from idv_sandbox import DEFAULT_API_KEY, SandboxConfig, running_sandbox

pytestmark = pytest.mark.integration
REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "examples" / "dags"))
from idv_onboarding import APPLICANTS  # noqa: E402

EXPECTED = {"applicant-001": "VERIFIED", "applicant-002": "REJECTED", "applicant-003": "REJECTED"}


@pytest.fixture(scope="module")
def airflow_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    home = tmp_path_factory.mktemp("airflow-home")
    env = {
        **os.environ,
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__DAGS_FOLDER": str(REPO / "examples" / "dags"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
    }
    airflow = str(Path(sys.executable).parent / "airflow")
    subprocess.run([airflow, "db", "migrate"], env=env, check=True, capture_output=True)
    return env


def test_onboarding_dag_end_to_end(airflow_env: dict[str, str], tmp_path: Path):
    config = SandboxConfig(auto_submit_after=1.0)
    with running_sandbox(tmp_path / "sandbox.db", config) as sandbox:
        env = {
            **airflow_env,
            "AIRFLOW_CONN_DEEPIDV_DEFAULT": json.dumps(
                {"conn_type": "deepidv", "password": DEFAULT_API_KEY, "host": sandbox.url}
            ),
        }
        run = subprocess.run(
            [str(Path(sys.executable).parent / "airflow"), "dags", "test", "idv_onboarding"],
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        output = run.stdout + run.stderr
        assert run.returncode == 0, output[-5000:]
        store = sandbox.store
        outcome = {}
        for session_id in store.all_ids():
            stored = store.get(DEFAULT_API_KEY, session_id)
            assert stored is not None
            history = [status for _, status in store.history(session_id)]
            outcome[stored.record["externalId"]] = history[-1]
            assert history[:2] == ["PENDING", "SUBMITTED"], history
            assert len(history) == 3, history
    assert outcome == EXPECTED  # one session per applicant, each decided by the policy
    # No secret or PII in what the run printed.
    assert DEFAULT_API_KEY not in output
    for applicant in APPLICANTS:
        assert applicant["email"] not in output
        assert applicant["phone"] not in output
