"""Contract: schemathesis drives the running sandbox from the spec; no 5xx, nothing off-spec."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from idv_sandbox import DEFAULT_API_KEY, RunningSandbox, SandboxConfig, running_sandbox

pytestmark = pytest.mark.integration
SPECS = Path(__file__).resolve().parents[2] / "openapi"
EXAMPLES_PER_OPERATION = 300  # deepidv: 4 operations, at least 1,000 cases in all
DIDIT_EXAMPLES_PER_OPERATION = 200  # Didit: 5 operations
BELTIC_EXAMPLES_PER_OPERATION = 100  # Beltic: 11 operations
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
schema = schemathesis.openapi.from_path(SPECS / "deepidv.yaml")
didit_schema = schemathesis.openapi.from_path(SPECS / "didit.yaml")
beltic_schema = schemathesis.openapi.from_path(SPECS / "beltic.yaml")
#: headers the HTTP client sets itself: a generated value (content-length: "x") is refused by
#: the HTTP server before any API code runs, which is no finding about the sandbox
FRAMING = frozenset({"content-length", "transfer-encoding", "host", "connection"})
calls: list[str] = []
didit_calls: list[str] = []
beltic_calls: list[str] = []


def _drop_framing(case) -> None:
    if case.headers:
        case.headers = {k: v for k, v in case.headers.items() if k.lower() not in FRAMING}


@pytest.fixture(scope="module")
def live_sandbox() -> Iterator[RunningSandbox]:
    # Auto mode submits at once, so decisions and analysis payloads get exercised too.
    with running_sandbox(config=SandboxConfig(auto_submit_after=0.0)) as sandbox:
        yield sandbox


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)
def test_sandbox_honours_the_spec(case, live_sandbox: RunningSandbox) -> None:
    headers = {"x-api-key": DEFAULT_API_KEY}
    _drop_framing(case)
    case.call_and_validate(base_url=live_sandbox.url, headers=headers, checks=CHECKS)
    calls.append(case.operation.label)


@didit_schema.parametrize()
@settings(
    max_examples=DIDIT_EXAMPLES_PER_OPERATION,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)
def test_sandbox_honours_the_didit_spec(case, live_sandbox: RunningSandbox) -> None:
    headers = {"x-api-key": DEFAULT_API_KEY}
    _drop_framing(case)
    case.call_and_validate(base_url=live_sandbox.url, headers=headers, checks=CHECKS)
    didit_calls.append(case.operation.label)


@beltic_schema.parametrize()
@settings(
    max_examples=BELTIC_EXAMPLES_PER_OPERATION,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)
def test_sandbox_honours_the_beltic_spec(case, live_sandbox: RunningSandbox) -> None:
    headers = {"X-Api-Key": DEFAULT_API_KEY}
    _drop_framing(case)
    case.call_and_validate(base_url=live_sandbox.url, headers=headers, checks=CHECKS)
    beltic_calls.append(case.operation.label)


def test_at_least_a_thousand_cases_ran_for_each_vendor() -> None:
    assert len(calls) >= 1000, f"only {len(calls)} deepidv cases"
    assert len(set(calls)) == 4  # every operation
    assert len(didit_calls) >= 1000, f"only {len(didit_calls)} Didit cases"
    assert len(set(didit_calls)) == 5
    assert len(beltic_calls) >= 1000, f"only {len(beltic_calls)} Beltic cases"
    assert len(set(beltic_calls)) == 11
