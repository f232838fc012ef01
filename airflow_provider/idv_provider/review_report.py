"""The outcome of a review run: counts, the sessions left for a person, and its report."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from idv_provider.charts import bar_chart, reason_kind
from idv_provider.models import Decision
from idv_provider.template_files import templates_dir

#: at most this many sessions of each list go to XCom; the report has them all
XCOM_LIST_LIMIT = 100
REASONS_CHARTED = 10

_REPORTS = SandboxedEnvironment(
    loader=jinja2.FileSystemLoader(templates_dir() / "reports"),
    autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default_for_string=False),
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
#: what Markdown reads as syntax inside a line (vendor text never starts one)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()!|~])")


def markdown_text(value: Any) -> str:
    """``value`` as literal text in a Markdown report: syntax characters backslash-escaped,
    ``<``/``&`` as entities (no HTML), one line (a table row stays one row). Vendor text — a
    status, a reason — never becomes a link, an image, a table cell or a tag."""
    text = " ".join(str(value).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def markdown_url(value: Any) -> str:
    """A link destination for ``<...>``: anything that could end it or the line, quoted."""
    return quote(str(value), safe=":/?#@!$&'*+,;=%-._~")


_REPORTS.filters["md"] = markdown_text
_REPORTS.filters["md_url"] = markdown_url


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
    #: kind of reason (numbers left out) → rejected sessions that gave it
    rejection_reasons: dict[str, int] = field(default_factory=dict)

    def record_decision(self, decision: Decision) -> None:
        self.decided[decision.value] = self.decided.get(decision.value, 0) + 1

    def record_reasons(self, decision: Decision, reasons: list[str]) -> None:
        if decision is Decision.REJECT:
            for kind in {reason_kind(r) for r in reasons}:
                self.rejection_reasons[kind] = self.rejection_reasons.get(kind, 0) + 1

    def reason_counts(self) -> list[tuple[str, int]]:
        """(kind of reason, sessions) for rejections and manual reviews, most frequent first."""
        counts: dict[str, int] = {
            f"rejected: {kind}": n for kind, n in self.rejection_reasons.items()
        }
        for item in self.manual_review.values():
            for kind in {reason_kind(r) for r in item["reasons"]}:
                key = f"manual review: {kind}"
                counts[key] = counts.get(key, 0) + 1
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))

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
            "rejection_reasons": self.rejection_reasons,
        }

    @classmethod
    def from_state(cls, state: Any) -> ReviewSummary:
        if not isinstance(state, dict):
            return cls()
        return cls(
            decided=dict(state.get("decided") or {}),
            manual_review=dict(state.get("manual_review") or {}),
            skipped=dict(state.get("skipped") or {}),
            rejection_reasons=dict(state.get("rejection_reasons") or {}),
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

    def funnel(self, created: int | None) -> list[tuple[str, int]]:
        """created (when the vendor says) → submitted → approve / reject / manual_review."""
        stages = [] if created is None else [("created", created)]
        stages.append(("submitted", self.reviewed))
        stages += [(d, self.decided.get(d, 0)) for d in ("approve", "reject")]
        stages.append((Decision.MANUAL_REVIEW.value, len(self.manual_review)))
        return stages

    def render(self, kind: str, *, created: int | None = None, **context: Any) -> str:
        """The report as ``"md"`` (Markdown) or ``"html"``, with its charts (inline SVG):
        the funnel, and the reasons for rejection and manual review (the ten most frequent)."""
        template = _REPORTS.get_template(f"review.{kind}")
        return template.render(
            summary=self,
            counts=self.counts(),
            funnel_chart=bar_chart("Funnel", self.funnel(created), chart_id="funnel"),
            reasons_chart=bar_chart(
                "Reasons for rejection and manual review",
                self.reason_counts()[:REASONS_CHARTED],
                chart_id="reasons",
            ),
            **context,
        )
