"""What the sandbox asks of every vendor's stand-in, through its record: a seeded backlog, and
who each session belongs to (what the demo prints)."""

from __future__ import annotations

import httpx
import pytest

from idv_sandbox import running_sandbox
from idv_sandbox.registry import sandbox_vendors

pytestmark = pytest.mark.integration


@pytest.mark.parametrize("vendor", [v.name for v in sandbox_vendors()])
def test_seeded_sessions_are_listed_by_reference_oldest_first(vendor):
    with running_sandbox() as sandbox:
        seeded = httpx.post(
            f"{sandbox.url}/_sandbox/seed", json={"vendor": vendor, "count": 3}
        ).json()["session_ids"]
        references = sandbox.service(vendor).references()
    assert references == [
        ("seed-000001", seeded[0]),
        ("seed-000002", seeded[1]),
        ("seed-000003", seeded[2]),
    ]
