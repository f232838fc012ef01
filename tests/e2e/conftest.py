"""One real deployment for the whole tier (starting it costs about a minute)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.deployment import Deployment, deployment, postgres_installed

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "examples"))
from sample_applicants import SAMPLE_APPLICANTS


@pytest.fixture(scope="session")
def airflow_deployment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    # Auto mode off: each test finishes its applicants' flows itself, so nothing races a timer.
    if not postgres_installed():
        message = "the e2e tier needs PostgreSQL (Debian's postgresql; .ci/run installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    folder = tmp_path_factory.mktemp("e2e")
    # Webhooks the API server does not take are retried for two minutes (a restart fits).
    sandbox_args = ["--auto-submit-after", "-1", "--webhook-backoff", "2,4,8,16,32,64"]
    with deployment(folder, sandbox_args) as running:
        running.add_applicants(SAMPLE_APPLICANTS)
        yield running
