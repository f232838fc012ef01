"""Operators and sensor against a respx-mocked API: validation first, idempotency, XCom."""

from __future__ import annotations

import json
import time
from datetime import timedelta

import httpx
import jinja2
import pytest
from airflow.sdk.exceptions import AirflowException, AirflowSensorTimeout, TaskDeferred
from airflow.sdk.log import redact

from idv_provider.exceptions import InvalidRequestError, SessionFailedError
from idv_provider.models import Decision
from idv_provider.operators import CreateSessionOperator, DecideSessionOperator
from idv_provider.operators.sessions import CREATED_SESSION_KEY, idempotency_key
from idv_provider.policy import PolicyResult
from idv_provider.sensors import SessionSubmittedSensor
from idv_provider.templating import rendered_mapping
from idv_provider.triggers import SessionSubmittedTrigger
from tests.fakes.context import FakeTaskStateStore, make_context
from tests.fakes.deepidv import APPLICANT, SESSION_ID, created, detail


def create_op(**kwargs) -> CreateSessionOperator:
    return CreateSessionOperator(
        task_id="create", applicant=kwargs.pop("applicant", APPLICANT), **kwargs
    )


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"first_name": ""}, "applicant.first_name"),
        ({"last_name": None}, "applicant.last_name"),
        ({"email": "jane.example.com"}, "applicant.email"),
        ({"phone": "5551234567"}, "applicant.phone"),
        ({"phone": "+1 555 123 4567"}, "applicant.phone"),
        ({"external_id": ""}, "applicant.external_id"),
        ({"nickname": "JD"}, "nickname"),
    ],
)
def test_create_rejects_bad_applicant_before_any_call(api, change, field):
    with pytest.raises(InvalidRequestError, match=field) as err:
        create_op(applicant={**APPLICANT, **change}).execute(make_context())
    assert not api.calls
    assert "jane.doe@example.com" not in str(err.value)  # no PII in the message


def test_create_rejects_a_non_https_redirect_before_any_call(api):
    with pytest.raises(InvalidRequestError, match="redirect_url must be an absolute https"):
        create_op(redirect_url="http://app.test/back").execute(make_context())
    assert not api.calls


def test_create_returns_only_id_url_and_status(api):
    api.post("/v1/sessions").respond(200, json=created())
    result = create_op(return_session_url=True).execute(make_context())
    assert result == {
        "session_id": SESSION_ID,
        "session_url": created()["session_url"],
        "status": "pending",
        "invite_channels": [],
    }
    assert "jane" not in json.dumps(result).lower()


def test_the_bearer_link_stays_out_of_xcom_unless_asked_for(api):
    api.post("/v1/sessions").respond(200, json=created())
    result = create_op().execute(make_context())
    assert result == {"session_id": SESSION_ID, "status": "pending", "invite_channels": []}
    assert created()["session_url"] not in json.dumps(result)


def test_a_retried_task_reuses_the_session_of_the_first_try(api):
    post = api.post("/v1/sessions").respond(200, json=created())
    get = api.get(f"/v1/sessions/{SESSION_ID}").respond(200, json=detail("PENDING"))
    store = FakeTaskStateStore()
    first = create_op(return_session_url=True).execute(make_context(store=store))
    second = create_op(return_session_url=True).execute(make_context(store=store))  # next try
    assert post.call_count == 1 and get.call_count == 1
    assert first["session_id"] == second["session_id"] == SESSION_ID
    assert second["session_url"] == first["session_url"]
    assert store.values[CREATED_SESSION_KEY]["session_id"] == SESSION_ID


def test_idempotency_key_is_per_task_instance_not_per_try(api):
    route = api.post("/v1/sessions").respond(200, json=created())
    create_op().execute(make_context(map_index=3))
    create_op().execute(make_context(map_index=3))  # store lost (e.g. crash before it was set)
    create_op().execute(make_context(map_index=4))
    keys = [call.request.headers["idempotency-key"] for call in route.calls]
    assert keys[0] == keys[1] != keys[2]
    assert keys[0] == idempotency_key(make_context(map_index=3))


def test_rendered_applicant_pii_is_masked():
    # A template for the whole applicant, chosen by the DAG author (its values are never
    # rendered themselves: see test_templating).
    op = create_op(applicant="{{ params.applicant | tojson }}")
    op.render_template_fields(
        {"params": {"applicant": {**APPLICANT, "email": "rendered.person@example.com"}}},
        jinja2.Environment(autoescape=True),
    )
    assert rendered_mapping(op.applicant, "applicant")["email"] == "rendered.person@example.com"
    assert redact("sent to rendered.person@example.com") == "sent to ***"
    assert "+15551234567" not in redact(f"phone {APPLICANT['phone']}")


# -- DecideSessionOperator -----------------------------------------------------------------
def decide_op(**kwargs) -> DecideSessionOperator:
    return DecideSessionOperator(task_id="decide", session_id=SESSION_ID, **kwargs)


def test_decide_by_hand(api):
    api.get(f"/v1/sessions/{SESSION_ID}").respond(200, json=detail("SUBMITTED"))
    patch = api.patch(f"/v1/sessions/{SESSION_ID}", json={"status": "REJECTED"}).respond(
        200, json=detail("REJECTED")
    )
    result = decide_op(decision="reject").execute(make_context())
    assert patch.called
    assert result == {
        "session_id": SESSION_ID,
        "decision": "reject",
        "status": "rejected",
        "reasons": ["decided by hand"],
    }


def test_decide_refuses_an_unknown_decision_before_any_call(api):
    with pytest.raises(InvalidRequestError, match="decision must be one of approve, reject, void"):
        decide_op(decision="maybe").execute(make_context())
    assert not api.calls


def test_decide_refuses_a_forbidden_transition_before_writing(api):
    api.get(f"/v1/sessions/{SESSION_ID}").respond(200, json=detail("PENDING"))
    patch = api.patch(f"/v1/sessions/{SESSION_ID}")
    with pytest.raises(InvalidRequestError, match="it is pending.*only allows that from submitted"):
        decide_op(decision="approve").execute(make_context())
    assert not patch.called


def test_deciding_again_is_a_no_op(api):
    api.get(f"/v1/sessions/{SESSION_ID}").respond(200, json=detail("VERIFIED"))
    patch = api.patch(f"/v1/sessions/{SESSION_ID}")
    assert decide_op(decision="approve").execute(make_context())["status"] == "approved"
    assert not patch.called


def test_default_policy_approves_a_clean_session(api):
    api.get(f"/v1/sessions/{SESSION_ID}").respond(200, json=detail("SUBMITTED"))
    patch = api.patch(f"/v1/sessions/{SESSION_ID}", json={"status": "VERIFIED"}).respond(
        200, json=detail("VERIFIED")
    )
    assert decide_op().execute(make_context())["decision"] == "approve"
    assert patch.called


def test_manual_review_leaves_the_session_alone(api):
    api.get(f"/v1/sessions/{SESSION_ID}").respond(200, json=detail("SUBMITTED"))
    patch = api.patch(f"/v1/sessions/{SESSION_ID}")
    result = decide_op(
        policy=lambda s: PolicyResult(Decision.MANUAL_REVIEW, ["needs a human"])
    ).execute(make_context())
    assert result["decision"] == "manual_review" and result["status"] == "submitted"
    assert result["reasons"] == ["needs a human"]
    assert not patch.called


def test_policy_refuses_a_session_not_yet_submitted(api):
    api.get(f"/v1/sessions/{SESSION_ID}").respond(200, json=detail("PENDING"))
    with pytest.raises(InvalidRequestError, match="only decide a submitted session"):
        decide_op().execute(make_context())


def test_decision_and_policy_are_exclusive():
    with pytest.raises(ValueError, match="not both"):
        decide_op(decision="approve", policy=lambda s: PolicyResult(Decision.APPROVE))


# -- SessionSubmittedSensor -------------------------------------------------------------------
def sensor(**kwargs) -> SessionSubmittedSensor:
    return SessionSubmittedSensor(task_id="wait", session_id=SESSION_ID, **kwargs)


@pytest.mark.parametrize(
    ("status", "done"), [("PENDING", False), ("SUBMITTED", True), ("SOMETHING_NEW", False)]
)
def test_poke(api, status, done):
    api.get(f"/v1/sessions/{SESSION_ID}").respond(200, json=detail(status))
    result = sensor().poke(make_context())
    assert result.is_done is done
    assert result.xcom_value["session_id"] == SESSION_ID


@pytest.mark.parametrize("status", ["REJECTED", "VOIDED", "VERIFIED"])
def test_poke_fails_fast_on_a_decided_session(api, status):
    api.get(f"/v1/sessions/{SESSION_ID}").respond(200, json=detail(status))
    with pytest.raises(SessionFailedError, match=f"deepidv status {status}"):
        sensor().poke(make_context())


def test_poke_accepts_a_decided_session_when_asked(api):
    api.get(f"/v1/sessions/{SESSION_ID}").respond(200, json=detail("VERIFIED"))
    assert sensor(accept_decided=True).poke(make_context()).is_done


def test_deferrable_sensor_checks_once_then_defers_with_its_timeout(api):
    api.get(f"/v1/sessions/{SESSION_ID}").respond(200, json=detail("PENDING"))
    with pytest.raises(TaskDeferred) as deferred:
        sensor(deferrable=True, timeout=600, poke_interval=7).execute(make_context())
    trigger = deferred.value.trigger
    assert isinstance(trigger, SessionSubmittedTrigger)
    assert trigger.poll_interval == 7 and trigger.session_id == SESSION_ID
    assert time.time() + 590 < trigger.end_time <= time.time() + 600
    assert deferred.value.timeout == timedelta(seconds=600)
    assert deferred.value.method_name == "execute_complete"


def test_deferrable_sensor_does_not_defer_when_already_submitted(api):
    api.get(f"/v1/sessions/{SESSION_ID}").respond(200, json=detail("SUBMITTED"))
    assert sensor(deferrable=True).execute(make_context())["status"] == "submitted"


def test_execute_complete_fails_closed():
    s = sensor(deferrable=True)
    summary = {"session_id": SESSION_ID, "status": "submitted"}
    assert (
        s.execute_complete({}, {"status": "success", "message": "ok", "session": summary})
        == summary
    )
    with pytest.raises(SessionFailedError, match="rejected"):
        s.execute_complete({}, {"status": "failed", "message": "Session x is rejected"})
    with pytest.raises(AirflowSensorTimeout):
        s.execute_complete({}, {"status": "timeout", "message": "late"})
    with pytest.raises(AirflowException, match="boom"):
        s.execute_complete({}, {"status": "error", "message": "boom"})
    with pytest.raises(AirflowException, match="unexpected trigger event"):
        s.execute_complete({}, None)
    with pytest.raises(AirflowException):
        s.execute_complete({}, {"status": "success"})  # no session: not a real success


def test_poke_mode_honours_timeout(api):
    api.get(f"/v1/sessions/{SESSION_ID}").respond(200, json=detail("PENDING"))
    with pytest.raises(AirflowSensorTimeout):
        sensor(mode="poke", poke_interval=0.01, timeout=0.2).execute(make_context())
    assert api.calls.call_count >= 2


def test_reschedule_mode_frees_the_slot_between_pokes(api):
    from airflow.sdk.exceptions import AirflowRescheduleException

    api.get(f"/v1/sessions/{SESSION_ID}").respond(200, json=detail("PENDING"))
    context = make_context()
    context["ti"].get_first_reschedule_date = lambda _context: None
    with pytest.raises(AirflowRescheduleException):
        sensor(mode="reschedule", poke_interval=30, timeout=600).execute(context)


def test_operations_metrics_count_creates_decisions_and_api_errors(api, monkeypatch):
    sent: list[tuple[str, int, dict[str, str]]] = []
    monkeypatch.setattr(
        "idv_provider.metrics.Stats.incr",
        lambda name, count=1, tags=None: sent.append((name, count, tags)),
    )
    api.post("/v1/sessions").mock(
        side_effect=[
            httpx.Response(429, json={"message": "slow down"}, headers={"Retry-After": "0"}),
            httpx.Response(200, json=created()),
        ]
    )
    api.get(f"/v1/sessions/{SESSION_ID}").respond(200, json=detail(status="SUBMITTED"))
    store = FakeTaskStateStore()
    create_op().execute(make_context(store=store))
    create_op().execute(make_context(store=store))  # a retry reuses: not counted again
    api.patch(f"/v1/sessions/{SESSION_ID}").respond(200, json=detail(status="VERIFIED"))
    DecideSessionOperator(task_id="decide", session_id=SESSION_ID, decision="approve").execute(
        make_context()
    )
    assert sent == [
        ("idv.api_errors.rate_limited", 1, {"vendor": "deepidv"}),
        ("idv.sessions.created", 1, {"vendor": "deepidv"}),
        ("idv.sessions.decided.approve", 1, {"vendor": "deepidv"}),
    ]
    assert not any("jane" in name or "jane" in str(tags) for name, _, tags in sent)
