"""Batch waiting and the review against the sandbox over HTTP; the report by real SMTP."""

from __future__ import annotations

import httpx
import pytest

from idv_provider.operators import ReviewSessionsOperator
from idv_provider.sensors import SessionsSubmittedSensor
from idv_sandbox import DEFAULT_API_KEY, MailSink, RunningSandbox, key_label
from tests.fakes.context import make_context

pytestmark = pytest.mark.integration


def api_calls(sandbox: RunningSandbox) -> dict[str, int]:
    stats = httpx.get(f"{sandbox.url}/_sandbox/stats").json()
    return stats["requests"].get(key_label(DEFAULT_API_KEY), {})


def test_batch_sensor_watches_many_sessions_with_a_call_per_page(sandbox: RunningSandbox):
    sandbox.service("deepidv").config.auto_submit_after = None  # the pending ones stay pending
    pending = sandbox.service("deepidv").seed(DEFAULT_API_KEY, 150, sandbox.url, submitted=False)
    submitted = sandbox.service("deepidv").seed(DEFAULT_API_KEY, 60, sandbox.url)
    httpx.delete(f"{sandbox.url}/_sandbox/stats")
    sensor = SessionsSubmittedSensor(task_id="wait_all", session_ids=pending + submitted)
    first = sensor.poke(make_context())
    assert not first.is_done
    assert sorted(first.xcom_value["submitted"]) == sorted(submitted)
    assert len(first.xcom_value["waiting"]) == 150
    assert api_calls(sandbox) == {"GET /v1/sessions": 3}  # 210 sessions: 3 pages of 100

    for session_id in pending:  # the applicants finish the hosted flow
        response = httpx.post(f"{sandbox.url}/session/{session_id}", data={"ending": "success"})
        assert response.status_code == 200
    done = sensor.poke(make_context())
    assert done.is_done and len(done.xcom_value["submitted"]) == 210


def test_review_emails_its_report(sandbox: RunningSandbox, mail_sink: MailSink):
    sandbox.service("deepidv").seed(DEFAULT_API_KEY, 30, sandbox.url)
    op = ReviewSessionsOperator(task_id="review", report_to=["compliance@acme.test"])
    result = op.execute(make_context())
    assert result["counts"]["approve"] == 30  # the sandbox's default outcome: a clean pass
    [mail] = mail_sink.messages
    assert mail.rcpt_tos == ["compliance@acme.test"]
    assert mail.message["Subject"] == (
        "Verification review run-1: 30 approve, 0 manual_review, 0 skipped"
    )
    text = mail.message.get_body(("plain",)).get_content()
    html = mail.message.get_body(("html",)).get_content()
    assert "| approve | 30 |" in text
    assert '<td>approve</td><td align="right">30</td>' in html
