"""The review report's charts, rendered and looked at in headless Chromium: inline SVG that a
browser draws (no JavaScript, nothing fetched), bars as long as their counts say."""

from __future__ import annotations

from pathlib import Path

import pytest

from idv_provider.models import Decision
from idv_provider.review_report import ReviewSummary
from tests.chromium import headless_chromium

pytestmark = pytest.mark.integration


def summary() -> ReviewSummary:
    result = ReviewSummary()
    for _ in range(30):
        result.record_decision(Decision.APPROVE)
    for reasons in [["document expired"]] * 8 + [["face match score 0.31 below 0.80"]] * 4:
        result.record_decision(Decision.REJECT)
        result.record_reasons(Decision.REJECT, reasons)
    for n in range(6):
        result.manual_review[f"s-{n}"] = {"reasons": ["1 PEP hit(s)"], "console_url": None}
    return result


def test_the_report_charts_render_in_a_browser(tmp_path: Path):
    page = tmp_path / "review.html"
    page.write_text(
        summary().render(
            "html",
            created=60,
            dag_id="idv_review",
            run_id="manual__1",
            vendor="deepidv",
            started="2026-11-29T10:00:00+00:00",
            finished="2026-11-29T10:01:00+00:00",
        )
    )
    driver = headless_chromium(tmp_path / "profile", "--window-size=900,1400")
    try:
        driver.get(page.as_uri())
        bars = driver.execute_script(
            "return [...document.querySelectorAll('svg g.bar')].map(g => ({"
            "chart: g.closest('svg').id, label: g.dataset.label,"
            "count: Number(g.dataset.count),"
            "width: g.querySelector('rect').getBoundingClientRect().width,"
            "visible: g.querySelector('rect').getBoundingClientRect().height > 0}))"
        )
        scripts = driver.execute_script("return document.scripts.length")
        png = driver.get_screenshot_as_png()
    finally:
        driver.quit()
    funnel = {b["label"]: b for b in bars if b["chart"] == "funnel"}
    assert list(funnel) == ["created", "submitted", "approve", "reject", "manual_review"]
    assert [funnel[k]["count"] for k in funnel] == [60, 48, 30, 12, 6]
    assert all(b["visible"] for b in bars)
    # drawn to scale: each bar's width is its count's share of the longest
    longest = funnel["created"]["width"]
    for bar in funnel.values():
        assert bar["width"] == pytest.approx(longest * bar["count"] / 60, abs=1.5)
    reasons = [b["label"] for b in bars if b["chart"] == "reasons"]
    assert reasons == [
        "rejected: document expired",
        "manual review: PEP hit(s)",
        "rejected: face match score below",
    ]
    assert scripts == 0
    assert png.startswith(b"\x89PNG") and len(png) > 10_000  # something was drawn
    (tmp_path / "review.png").write_bytes(png)


def test_no_chart_label_is_clipped(tmp_path: Path):
    """Nine reasons of every length: each label's box lies inside its chart."""
    result = ReviewSummary()
    reasons = [
        "document expired",
        "selfie does not match the ID document",
        "applicant under the age requirement",
        "document issuer check not reported",
        "liveness score 0.31 below 0.90",
        "face match score is not a number from 0 to 1",
        "1 PEP hit(s)",
        "already rejected (didit status Declined); a policy does not overturn a decision",
        "ended without a decision: deleted",
    ]
    for n, reason in enumerate(reasons):
        for _ in range(n + 1):
            decision = Decision.REJECT if n % 2 else Decision.MANUAL_REVIEW
            result.record_decision(decision)
            result.record_reasons(decision, [reason])
    page = tmp_path / "review.html"
    page.write_text(
        result.render("html", dag_id="d", run_id="r", vendor="deepidv", started="a", finished="b")
    )
    driver = headless_chromium(tmp_path / "profile", "--window-size=900,1400")
    try:
        driver.get(page.as_uri())
        boxes = driver.execute_script(
            "return [...document.querySelectorAll('svg text')].map(t => {"
            "const s = t.closest('svg').getBoundingClientRect(), b = t.getBoundingClientRect();"
            "return {text: t.textContent, left: b.left - s.left, right: s.right - b.right}})"
        )
    finally:
        driver.quit()
    labels = [b for b in boxes if b["text"] and not b["text"].isdigit()]
    assert len(labels) >= 9
    clipped = [b["text"] for b in labels if b["left"] < 0 or b["right"] < 0]
    assert clipped == []
