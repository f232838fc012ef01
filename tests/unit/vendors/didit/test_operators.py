"""The vendor-neutral operators, unchanged, over a Didit connection (respx-mocked)."""

from __future__ import annotations

import json

import pytest
import respx

from idv_provider.exceptions import InvalidRequestError
from idv_provider.operators import (
    CreateSessionOperator,
    DecideSessionOperator,
    SessionActionOperator,
)
from idv_provider.sensors import SessionSubmittedSensor
from tests.conftest import set_connection
from tests.fakes.context import make_context
from tests.fakes.deepidv import APPLICANT
from tests.fakes.didit import (
    DIDIT_CONN_ID,
    DIDIT_KEY,
    DIDIT_URL,
    SESSION_ID,
    WORKFLOW_ID,
    decision,
    echo_created,
)

DECISION = f"/v3/session/{SESSION_ID}/decision/"
UPDATE = f"/v3/session/{SESSION_ID}/update-status/"


@pytest.fixture
def api(monkeypatch: pytest.MonkeyPatch):
    set_connection(
        monkeypatch, host=DIDIT_URL, password=DIDIT_KEY, conn_type="didit", conn_id=DIDIT_CONN_ID
    )
    with respx.mock(base_url=DIDIT_URL, assert_all_called=False) as router:
        yield router


def test_create_with_didit_options_returns_the_same_xcom(api):
    route = api.post("/v3/session/").mock(side_effect=echo_created)
    op = CreateSessionOperator(
        task_id="create",
        applicant=APPLICANT,
        workflow_id=WORKFLOW_ID,
        metadata={"plan": "gold"},
        vendor_options={"contact_details": {"email_lang": "es"}},
        conn_id=DIDIT_CONN_ID,
        return_session_url=True,
    )
    result = op.execute(make_context())
    assert result == {
        "session_id": SESSION_ID,
        "session_url": "https://verify.didit.me/session/abcdef1234567890",
        "status": "pending",
        "invite_channels": [],
    }
    body = json.loads(route.calls.last.request.content)
    assert body["metadata"] == {"plan": "gold"}
    assert body["contact_details"]["email_lang"] == "es"
    assert body["vendor_data"] == APPLICANT["external_id"]


def test_bad_vendor_options_fail_before_any_call(api):
    route = api.post("/v3/session/")
    op = CreateSessionOperator(
        task_id="create",
        applicant=APPLICANT,
        workflow_id=WORKFLOW_ID,
        vendor_options={"expected_details": {"gender": "X"}},
        conn_id=DIDIT_CONN_ID,
    )
    with pytest.raises(InvalidRequestError, match=r"expected_details\.gender"):
        op.execute(make_context())
    assert not route.called


def test_the_sensor_is_done_when_didit_decided_at_the_end_of_the_flow(api):
    api.get(DECISION).respond(200, json=decision("Approved"))
    sensor = SessionSubmittedSensor(task_id="wait", session_id=SESSION_ID, conn_id=DIDIT_CONN_ID)
    assert sensor.poke(make_context()).is_done


def test_a_policy_decides_a_session_in_review(api):
    api.get(DECISION).respond(200, json=decision("In Review"))
    update = api.patch(UPDATE).respond(200, json={"session_id": SESSION_ID})
    op = DecideSessionOperator(task_id="decide", session_id=SESSION_ID, conn_id=DIDIT_CONN_ID)
    result = op.execute(make_context())
    assert (result["decision"], result["status"]) == ("approve", "approved")
    assert json.loads(update.calls.last.request.content)["new_status"] == "Approved"


def test_a_policy_never_overturns_didits_own_decision(api):
    # Didit approved; the stricter policy would reject (face match below its threshold)
    api.get(DECISION).respond(200, json=decision("Approved", face_status="Declined"))
    update = api.patch(UPDATE)
    op = DecideSessionOperator(task_id="decide", session_id=SESSION_ID, conn_id=DIDIT_CONN_ID)
    result = op.execute(make_context())
    assert (result["decision"], result["status"]) == ("manual_review", "approved")
    assert "does not overturn" in result["reasons"][-1]
    assert not update.called


def test_a_policy_that_agrees_with_didit_writes_nothing(api):
    api.get(DECISION).respond(200, json=decision("Approved"))
    update = api.patch(UPDATE)
    op = DecideSessionOperator(task_id="decide", session_id=SESSION_ID, conn_id=DIDIT_CONN_ID)
    assert op.execute(make_context())["status"] == "approved"
    assert not update.called


def test_a_reviewer_can_overturn_by_hand(api):
    api.get(DECISION).respond(200, json=decision("Approved"))
    update = api.patch(UPDATE).respond(200, json={"session_id": SESSION_ID})
    op = DecideSessionOperator(
        task_id="decide", session_id=SESSION_ID, decision="reject", conn_id=DIDIT_CONN_ID
    )
    assert op.execute(make_context())["status"] == "rejected"
    assert json.loads(update.calls.last.request.content)["new_status"] == "Declined"


@pytest.mark.parametrize(
    ("status", "decision_"), [("In Review", "void"), ("In Progress", "approve")]
)
def test_what_didit_forbids_is_refused_before_writing(api, status, decision_):
    api.get(DECISION).respond(200, json=decision(status))
    update = api.patch(UPDATE)
    op = DecideSessionOperator(
        task_id="decide", session_id=SESSION_ID, decision=decision_, conn_id=DIDIT_CONN_ID
    )
    with pytest.raises(InvalidRequestError, match="Didit"):
        op.execute(make_context())
    assert not update.called


def test_deepidv_refuses_metadata_and_vendor_options(deepidv_conn):
    for kwargs, field in (
        ({"metadata": {"a": 1}}, "metadata"),
        ({"vendor_options": {"x": 1}}, "vendor_options"),
    ):
        op = CreateSessionOperator(task_id="create", applicant=APPLICANT, **kwargs)
        with pytest.raises(InvalidRequestError, match=f"^{field}: deepidv"):
            op.execute(make_context())


def test_session_action_operator_deletes_a_didit_session(api):
    route = api.delete(f"/v3/session/{SESSION_ID}/delete/").respond(204)
    op = SessionActionOperator(
        task_id="delete", session_id=SESSION_ID, action="delete", conn_id=DIDIT_CONN_ID
    )
    assert op.execute(make_context()) == {
        "session_id": SESSION_ID,
        "action": "delete",
        "status": None,
    }
    assert route.called


def test_deepidv_offers_no_session_actions(deepidv_conn):
    op = SessionActionOperator(task_id="expire", session_id="s-1", action="expire")
    with pytest.raises(InvalidRequestError, match="deepidv cannot expire.*none"):
        op.execute(make_context())
