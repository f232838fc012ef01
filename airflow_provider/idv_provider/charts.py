"""Charts for the review report: inline SVG (no JavaScript, no external files), so the report
reads the same in a browser, a mail client or a Markdown viewer that allows HTML."""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from markupsafe import Markup

WIDTH = 560
ROW = 26
#: a label longer than this is cut (its whole text in the bar's tooltip)
LABEL_CHARS = 34
#: a generous width of one character at 12 px: labels are given room, never clipped
CHAR_PX = 7.2
COLOURS = {
    "created": "#9aa5b1",
    "submitted": "#52606d",
    "approve": "#2f8f4e",
    "reject": "#c2410c",
    "manual_review": "#b7791f",
}
DEFAULT_COLOUR = "#3e4c59"


def reason_kind(reason: str) -> str:
    """A reason without its numbers, so that reasons of one kind count together:
    ``"face match score 0.30 below 0.80"`` → ``"face match score below"``."""
    return re.sub(r"\s+", " ", re.sub(r"\d+(?:\.\d+)?", "", reason)).strip() or reason


def bar_chart(title: str, bars: Sequence[tuple[str, int]], *, chart_id: str) -> Markup:
    """Horizontal bars, longest first as given; each labelled with its count."""
    top = max((count for _, count in bars), default=0) or 1
    shown = [
        label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…" for label, _ in bars
    ]
    left = round(CHAR_PX * max((len(text) for text in shown), default=0)) + 16
    span = WIDTH - left - 50
    height = ROW * len(bars) + 30
    rows = []
    for index, ((label, count), text) in enumerate(zip(bars, shown, strict=True)):
        y = 24 + index * ROW
        length = round(span * count / top)
        colour = COLOURS.get(label, DEFAULT_COLOUR)
        rows.append(
            f'<g class="bar" data-label="{escape(label)}" data-count="{count}">'
            f"<title>{escape(label)}: {count}</title>"
            f'<text x="{left - 8}" y="{y + 14}" text-anchor="end">{escape(text)}</text>'
            f'<rect x="{left}" y="{y}" width="{length}" height="{ROW - 8}" fill="{colour}"/>'
            f'<text x="{left + length + 6}" y="{y + 14}">{count}</text></g>'
        )
    svg = (
        f'<svg id="{escape(chart_id)}" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
        f'font-family="Arial,Helvetica,sans-serif" font-size="12">'
        f"<title>{escape(title)}</title>"
        f'<text x="0" y="14" font-weight="bold">{escape(title)}</text>{"".join(rows)}</svg>'
    )
    return Markup(svg)  # noqa: S704 - every label and title is escaped above
