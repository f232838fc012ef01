"""The default task retry policy, the console link target, and the redirect helper."""

from __future__ import annotations

from datetime import timedelta

import pytest
import respx
from airflow.sdk import ExceptionRetryPolicy, RetryAction

from idv_provider.exceptions import (
    AuthenticationError,
    InsufficientFundsError,
    InvalidRequestError,
    RateLimitedError,
    ServerError,
    SessionFailedError,
)
from idv_provider.links import CONSOLE_URL_KEY, SessionConsoleLink
from idv_provider.operators import CreateSessionOperator
from idv_provider.operators.sessions import SESSION_ID_KEY, DecideSessionOperator
from idv_provider.retry import IDV_RETRY_POLICY
from idv_provider.sensors import SessionSubmittedSensor
from idv_provider.vendors.deepidv.hook import DeepIdvHook
from tests.conftest import CONN_ID, set_connection
from tests.fakes.context import make_context
from tests.fakes.deepidv import APPLICANT, SESSION_ID, created


@pytest.mark.parametrize(
    ("error", "action"),
    [
        (AuthenticationError("bad key"), RetryAction.FAIL),
        (InvalidRequestError("bad phone"), RetryAction.FAIL),
        (InsufficientFundsError("no tokens"), RetryAction.FAIL),
        (SessionFailedError("rejected"), RetryAction.FAIL),
        (RateLimitedError("slow down"), RetryAction.RETRY),
        (ServerError("502"), RetryAction.DEFAULT),
        (RuntimeError("anything else"), RetryAction.DEFAULT),
    ],
)
def test_default_retry_policy(error, action):
    decision = IDV_RETRY_POLICY.evaluate(error, try_number=1, max_tries=3)
    assert decision.action is action
    if action is RetryAction.RETRY:
        assert decision.retry_delay == timedelta(minutes=1)


def test_operators_use_the_policy_unless_given_another():
    ours = [
        CreateSessionOperator(task_id="c", applicant=APPLICANT),
        SessionSubmittedSensor(task_id="s", session_id="x"),
        DecideSessionOperator(task_id="d", session_id="x", decision="approve"),
    ]
    assert all(op.retry_policy is IDV_RETRY_POLICY for op in ours)
    custom = ExceptionRetryPolicy(rules=[])
    assert (
        CreateSessionOperator(task_id="c2", applicant=APPLICANT, retry_policy=custom).retry_policy
        is custom
    )
    assert all(
        any(isinstance(link, SessionConsoleLink) for link in op.operator_extra_links) for op in ours
    )


def test_policy_survives_dag_serialization():
    data = IDV_RETRY_POLICY.serialize()
    assert ExceptionRetryPolicy.deserialize(data).serialize() == data


@pytest.mark.parametrize(
    ("host", "extra", "expected"),
    [
        ("", {}, f"https://app.deepidv.com/sessions/{SESSION_ID}"),
        # a UI-saved form: empty means the vendor's console, on its own host with or without
        # the port the Test button needs
        (
            "",
            {"console_url": None, "timeout": None},
            f"https://app.deepidv.com/sessions/{SESSION_ID}",
        ),
        (
            "https://api.deepidv.com",
            {"console_url": ""},
            f"https://app.deepidv.com/sessions/{SESSION_ID}",
        ),
        ("http://127.0.0.1:9", {}, None),
        (
            "http://127.0.0.1:9",
            {"console_url": "http://127.0.0.1:9/console/sessions/{session_id}"},
            f"http://127.0.0.1:9/console/sessions/{SESSION_ID}",
        ),
    ],
)
def test_console_url(monkeypatch, host, extra, expected):
    import json

    conn = {"conn_type": "deepidv", "password": "k", "host": host, "extra": extra}
    monkeypatch.setenv(f"AIRFLOW_CONN_{CONN_ID.upper()}", json.dumps(conn))
    assert DeepIdvHook(CONN_ID).console_url(SESSION_ID) == expected


def test_create_pushes_the_console_url_not_the_applicant_link(monkeypatch):
    set_connection(monkeypatch, host="", password="k")
    context = make_context()
    with respx.mock(base_url="https://api.deepidv.com") as api:
        api.post("/v1/sessions").respond(200, json=created())
        CreateSessionOperator(task_id="c", applicant=APPLICANT).execute(context)
    assert context["ti"].xcom == {
        CONSOLE_URL_KEY: f"https://app.deepidv.com/sessions/{SESSION_ID}",
        SESSION_ID_KEY: SESSION_ID,  # the id, for create.output["session_id"]; never the link
    }
