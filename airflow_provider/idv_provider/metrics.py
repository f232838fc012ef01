"""Operations metrics, through Airflow's own (StatsD or OpenTelemetry, as ``[metrics]`` says).

Names and tags carry no PII: a vendor name, a decision or an error kind. See docs/production.md
for the list.
"""

from __future__ import annotations

import re

from airflow.sdk.observability.stats import Stats

PREFIX = "idv"


def _count(name: str, vendor: str, count: int = 1) -> None:
    if count > 0:
        Stats.incr(f"{PREFIX}.{name}", count, tags={"vendor": vendor})


def sessions_created(vendor: str, count: int = 1) -> None:
    _count("sessions.created", vendor, count)


def sessions_submitted(vendor: str, count: int = 1) -> None:
    _count("sessions.submitted", vendor, count)


def session_decided(vendor: str, decision: str) -> None:
    """``decision``: approve, reject, void; or manual_review (left for a person)."""
    _count(f"sessions.decided.{decision}", vendor)


def api_error(vendor: str, kind: str) -> None:
    """One failed API attempt; ``kind`` from the typed error (e.g. ``rate_limited``)."""
    _count(f"api_errors.{kind}", vendor)


def error_kind(exc: BaseException) -> str:
    """``RateLimitedError`` → ``rate_limited``."""
    name = type(exc).__name__.removesuffix("Error")
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()
