"""ReviewSessionsOperator: walks the submitted list a page at a time, decides, reports."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from idv_provider.applicants import Outcome
from idv_provider.exceptions import AuthenticationError
from idv_provider.models import Decision, VerificationSession
from idv_provider.operators import ReviewSessionsOperator
from idv_provider.policy import PolicyResult
from idv_provider.review_report import ReviewSummary
from tests.conftest import outcome_rows
from tests.fakes.context import FakeTaskStateStore, make_context
from tests.fakes.deepidv import detail
from tests.unit.test_batch import ALL, FakeAccount

STATUS = {Decision.APPROVE: "VERIFIED", Decision.REJECT: "REJECTED"}


def policy(session: VerificationSession) -> PolicyResult:
    """Every 10th session to a person, every 7th rejected, the rest approved."""
    n = int(session.id.split("-")[1])
    if n % 10 == 0:
        return PolicyResult(Decision.MANUAL_REVIEW, [f"look at {n}"])
    if n % 7 == 0:
        return PolicyResult(Decision.REJECT, ["face mismatch"])
    return PolicyResult(Decision.APPROVE, ["all checks passed"])


@pytest.fixture
def account(api) -> FakeAccount:
    fake = FakeAccount(dict.fromkeys(ALL, "SUBMITTED"))
    api.get("/v1/sessions").mock(side_effect=fake)
    fake.interrupts = {}  # type: ignore[attr-defined] # session id → what happens on its PATCH

    def decide(request: httpx.Request, session_id: str) -> httpx.Response:
        if (interrupt := fake.interrupts.pop(session_id, None)) is not None:  # type: ignore[attr-defined]
            return interrupt()
        status = json.loads(request.content)["status"]
        if fake.statuses[session_id] != "SUBMITTED":
            return httpx.Response(409, json={"message": "already decided"})
        fake.statuses[session_id] = status
        return httpx.Response(200, json=detail(status, id=session_id))

    api.patch(url__regex=r"/v1/sessions/(?P<session_id>[^/]+)$").mock(side_effect=decide)
    return fake


def review(**kwargs) -> ReviewSessionsOperator:
    return ReviewSessionsOperator(task_id="review", policy=policy, **kwargs)


def test_every_submitted_session_is_decided_with_a_list_call_per_page(account, tmp_path):
    result = review(report_path=str(tmp_path / "r" / "review.md")).execute(make_context())
    manual = [i for i in ALL if int(i[2:]) % 10 == 0]
    rejected = [i for i in ALL if int(i[2:]) % 7 == 0 and i not in manual]
    assert result["counts"] == {
        "approve": 250 - len(manual) - len(rejected),
        "reject": len(rejected),
        "manual_review": 25,
        "skipped": 0,
    }
    # decided sessions leave the submitted list: each next page starts after the ones left
    assert account.offsets == [0, 10, 20]
    assert {i for i, s in account.statuses.items() if s == "SUBMITTED"} == set(manual)
    assert [m["session_id"] for m in result["manual_review"]] == manual
    assert result["manual_review"][0]["reasons"] == ["look at 0"]
    report = (tmp_path / "r" / "review.md").read_text()
    assert result["report_path"] == str(tmp_path / "r" / "review.md")
    assert "| reject | 32 |" in report and "| s-0240 | look at 240 |" in report


def test_a_session_decided_meanwhile_is_skipped_and_reported(account):
    def voided_meanwhile() -> httpx.Response:  # by someone else, after the page was read
        account.statuses[ALL[1]] = "VOIDED"
        return httpx.Response(409, json={"message": "Cannot set a VOIDED session to VERIFIED"})

    account.interrupts[ALL[1]] = voided_meanwhile
    result = review().execute(make_context())
    assert result["counts"]["skipped"] == 1
    assert result["skipped"][0]["session_id"] == ALL[1]
    assert "conflicts with the session's state" in result["skipped"][0]["reason"]


def test_a_retry_carries_on_without_counting_twice(account):
    store = FakeTaskStateStore()
    account.interrupts[ALL[151]] = lambda: httpx.Response(401, json={"message": "key revoked"})
    with pytest.raises(AuthenticationError):
        review().execute(make_context(store=store))  # fails on the second page
    first = store.values["idv_review_summary"]  # what the failed try decided is kept
    assert sum(first["decided"].values()) == 90 + 45 and len(first["manual_review"]) == 16

    result = review().execute(make_context(store=store))
    assert sum(result["counts"].values()) == 250  # the whole backlog, each session once
    assert result["manual_review_total"] == 25


def test_max_sessions_bounds_a_run(account):
    result = review(max_sessions=120).execute(make_context())
    assert sum(result["counts"].values()) == 120
    assert sum(1 for s in account.statuses.values() if s == "SUBMITTED") == 250 - 120 + 12


def test_xcom_lists_are_capped_but_the_totals_are_not(account):
    account.statuses = {f"s-{n * 10:04d}": "SUBMITTED" for n in range(150)}  # all manual
    result = review().execute(make_context())
    assert result["manual_review_total"] == 150 and len(result["manual_review"]) == 100


@pytest.mark.parametrize(
    ("kwargs", "field"), [({"page_size": 0}, "page_size"), ({"max_sessions": 0}, "max_sessions")]
)
def test_bad_settings_name_the_field(kwargs, field):
    with pytest.raises(Exception, match=field):
        review(**kwargs)


def test_open_outcome_rows_are_reconciled_with_the_vendor(api, account, outcomes):
    """Sessions that ended (or were decided at the vendor) since their row was written: the
    review writes that back, so a dropout never looks like "still verifying"."""
    account.statuses = {"s-0001": "VOIDED", "s-0002": "VERIFIED", "s-0003": "PENDING"}
    api.get("/v1/sessions/s-0004").respond(404, json={"message": "not found"})
    outcomes.upsert(
        [Outcome(f"ref-{n}", f"s-000{n}", "deepidv", "pending") for n in (1, 2, 3, 4)]
        + [Outcome("ref-5", "s-0005", "deepidv", "approved", "approve")]  # not open: not read
    )
    result = review(outcomes=outcomes).execute(make_context())
    assert result["reconciled"] == {"voided": 1, "approved": 1, "deleted": 1}
    rows = outcome_rows(outcomes)
    assert rows["ref-1"]["status"] == "voided" and rows["ref-1"]["decision"] is None
    assert (rows["ref-2"]["status"], rows["ref-2"]["decision"]) == ("approved", "approve")
    assert "decided at the vendor" in rows["ref-2"]["reasons"]
    assert rows["ref-3"]["status"] == "pending"
    assert rows["ref-4"]["status"] == "deleted" and rows["ref-4"]["updated_at"]
    assert not any(c.request.url.path == "/v1/sessions/s-0005" for c in api.calls)


def test_reconciling_reads_at_most_its_limit_least_recently_updated_first(api, account, outcomes):
    when = [datetime(2026, 12, 1, tzinfo=UTC) + timedelta(days=n) for n in range(30)]
    outcomes.upsert(
        [Outcome(f"ref-{n}", f"s-{n:04d}", "deepidv", "pending", updated_at=when[-n - 1])
         for n in range(30)]
    )  # fmt: skip
    assert outcomes.open_sessions(3) == ["s-0029", "s-0028", "s-0027"]
    account.statuses = {f"s-{n:04d}": "VOIDED" for n in range(30)}
    result = review(outcomes=outcomes, reconcile_limit=5).execute(make_context())
    assert result["reconciled"] == {"voided": 5}
    assert review(outcomes=outcomes, reconcile_limit=0).execute(make_context())["reconciled"] == {}


def test_the_markdown_report_keeps_vendor_text_literal():
    """A reason or status from the vendor never becomes a table cell, a link, an image or a
    tag in the Markdown report."""
    summary = ReviewSummary()
    hostile = [
        "| injected | cell",
        "[click](javascript:alert(1))",
        "<script>alert(1)</script>",
        "two\nlines ![img](http://evil.test/p.png) *bold* `code`",
    ]
    summary.manual_review["s-1"] = {"reasons": hostile, "console_url": "https://c.test/s-1>x"}
    summary.skipped["s-2"] = "<b>decided</b> | by [them](http://evil.test)"
    report = summary.render(
        "md", dag_id="d", run_id="r", vendor="deepidv", started="a", finished="b"
    )
    assert "<script>" not in report and "<b>" not in report  # the charts' SVG escapes too
    tables = report.partition("## Left for manual review")[2]  # Markdown, not SVG text
    assert "](javascript" not in tables and "](http://evil" not in tables
    assert "![img]" not in tables
    rows = [line for line in tables.splitlines() if line.startswith(("| s-", "| [s-"))]
    assert len(rows) == 2  # one line each, the newline inside a reason included
    for row in rows:
        assert row.count("|") - row.count("\\|") == 3  # two cells, whatever the text held
    assert "(<https://c.test/s-1%3Ex>)" in report
