"""The outcome of a review run: counts, the sessions left for a person, and its report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from idv_provider.models import Decision
from idv_provider.template_files import templates_dir

#: at most this many sessions of each list go to XCom; the report has them all
XCOM_LIST_LIMIT = 100

_REPORTS = SandboxedEnvironment(
    loader=jinja2.FileSystemLoader(templates_dir() / "reports"),
    autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default_for_string=False),
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass
class ReviewSummary:
    """What a review decided. Session ids, reasons and console links only: no PII.

    Kept in the task state store after each page, so a retried review adds to it: sessions
    decided by an earlier try are no longer listed, and a session met again is not counted twice.
    """

    decided: dict[str, int] = field(default_factory=dict)  # decision → sessions
    #: session id → {"reasons", "console_url"}: left submitted for a person
    manual_review: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: session id → why it was not decided (it changed meanwhile)
    skipped: dict[str, str] = field(default_factory=dict)

    def record_decision(self, decision: Decision) -> None:
        self.decided[decision.value] = self.decided.get(decision.value, 0) + 1

    def counts(self) -> dict[str, int]:
        return {
            **self.decided,
            Decision.MANUAL_REVIEW.value: len(self.manual_review),
            "skipped": len(self.skipped),
        }

    @property
    def reviewed(self) -> int:
        return sum(self.counts().values())

    def to_state(self) -> dict[str, Any]:
        return {
            "decided": self.decided,
            "manual_review": self.manual_review,
            "skipped": self.skipped,
        }

    @classmethod
    def from_state(cls, state: Any) -> ReviewSummary:
        if not isinstance(state, dict):
            return cls()
        return cls(
            decided=dict(state.get("decided") or {}),
            manual_review=dict(state.get("manual_review") or {}),
            skipped=dict(state.get("skipped") or {}),
        )

    def to_xcom(self, report_path: str | None) -> dict[str, Any]:
        manual = list(self.manual_review.items())[:XCOM_LIST_LIMIT]
        skipped = list(self.skipped.items())[:XCOM_LIST_LIMIT]
        return {
            "counts": self.counts(),
            "manual_review": [{"session_id": i, "reasons": v["reasons"]} for i, v in manual],
            "manual_review_total": len(self.manual_review),
            "skipped": [{"session_id": i, "reason": reason} for i, reason in skipped],
            "report_path": report_path,
        }

    def render(self, kind: str, **context: Any) -> str:
        """The report as ``"md"`` (Markdown) or ``"html"``."""
        template = _REPORTS.get_template(f"review.{kind}")
        return template.render(summary=self, counts=self.counts(), **context)
