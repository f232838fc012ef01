"""A Didit session as the sandbox stores it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

from idv_sandbox.config import iso_time

#: Didit writes times to the microsecond
didit_time = partial(iso_time, timespec="microseconds")


@dataclass(frozen=True)
class DiditSession:
    record: dict[str, Any]  # the decision payload
    applicant: dict[str, Any]  # private to the sandbox: who, the outcome's draw key
    outcome: str
    api_key: str
    token: str
