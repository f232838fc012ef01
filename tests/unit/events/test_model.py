"""Session events as asset-event extras: what goes in (no PII), and the checks on the way
out (an extra is data anyone with Airflow's asset-event permission could have written)."""

from __future__ import annotations

import json

import pytest

from idv_provider.events.model import (
    EventSource,
    SessionEvent,
    session_events_asset,
    signed,
    worth_an_event,
)
from idv_provider.events.trigger import SubmittedSessionsTrigger
from idv_provider.exceptions import InvalidRequestError
from idv_provider.models import AnalysisSummary, SessionState, VerificationSession

KEY = "sk_test_the_connection_s_api_key"
SESSION = VerificationSession(
    id="sess_0001",
    vendor="deepidv",
    state=SessionState.SUBMITTED,
    vendor_status="SUBMITTED",
    external_id="applicant-ref-1",
    url="https://verify.example/secret-link",
    analysis=AnalysisSummary(liveness_score=0.97, pep_hits=0),
    flow_completed=True,
)


def test_an_event_round_trips_and_leaves_the_link_and_reference_out():
    extra = SessionEvent.of(SESSION, EventSource.LANDING).to_extra(KEY)
    assert "secret-link" not in str(extra) and "applicant-ref-1" not in str(extra)
    back = SessionEvent.from_extra(extra, KEY)
    assert back.to_session().analysis == SESSION.analysis
    assert (back.session_id, back.state, back.source) == (
        "sess_0001",
        SessionState.SUBMITTED,
        EventSource.LANDING,
    )
    assert back.key == "deepidv:sess_0001:SUBMITTED"


def test_a_poll_s_event_is_read_from_the_trigger_s_payload():
    one = SessionEvent.of(SESSION, EventSource.POLL).to_extra(KEY)
    two = signed({**one, "session_id": "sess_0002"}, KEY)
    extra = {"from_trigger": True, "payload": {"sessions": [one, two]}}
    events = SessionEvent.all_from_extra(extra, KEY)
    assert [(e.session_id, e.source) for e in events] == [
        ("sess_0001", EventSource.POLL),
        ("sess_0002", EventSource.POLL),
    ]
    assert SessionEvent.all_from_extra(one, KEY) == [SessionEvent.from_extra(one, KEY)]
    with pytest.raises(InvalidRequestError, match="no list"):
        SessionEvent.all_from_extra({"from_trigger": True, "payload": {"sessions": "s1"}}, KEY)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"session_id": "../other"}, "not a session event"),
        ({"status": "hacked"}, "not a session event"),
        ({"source": "email"}, "not a session event"),
        ({"vendor": None}, "no vendor"),
        ({"analysis": {"liveness_score": 1, "approve_anyway": True}}, "fields this version lacks"),
    ],
)
def test_a_signed_extra_that_is_not_a_session_event_is_refused(change, message):
    extra = signed({**SessionEvent.of(SESSION, EventSource.WEBHOOK).to_extra(KEY), **change}, KEY)
    with pytest.raises(InvalidRequestError, match=message):
        SessionEvent.from_extra(extra, KEY)


@pytest.mark.parametrize(
    "forge",
    [
        pytest.param(lambda e: {**e, "analysis": {"liveness_score": 1.0}}, id="altered-analysis"),
        pytest.param(lambda e: {**e, "status": "approved"}, id="altered-status"),
        pytest.param(lambda e: {**e, "session_id": "sess_0002"}, id="another-session"),
        pytest.param(lambda e: signed(e, "another-key"), id="another-key"),
        pytest.param(lambda e: {k: v for k, v in e.items() if k != "signature"}, id="unsigned"),
        pytest.param(lambda e: {**e, "signature": ["x"]}, id="not-a-signature"),
    ],
)
def test_an_extra_this_deployment_did_not_sign_decides_nothing(forge):
    extra = SessionEvent.of(SESSION, EventSource.WEBHOOK).to_extra(KEY)
    with pytest.raises(InvalidRequestError, match="no or a wrong signature"):
        SessionEvent.from_extra(forge(extra), KEY)


def test_fields_the_signature_does_not_cover_may_be_added():
    extra = {**SessionEvent.of(SESSION, EventSource.WEBHOOK).to_extra(KEY), "delivery_id": "e1"}
    assert SessionEvent.from_extra(extra, KEY).session_id == "sess_0001"


@pytest.mark.parametrize(
    ("state", "flow_completed", "news"),
    [
        (SessionState.SUBMITTED, True, True),
        (SessionState.APPROVED, True, True),  # decided by the vendor at the flow's end
        (SessionState.APPROVED, False, False),  # decided without a flow (by hand)
        (SessionState.IN_PROGRESS, False, False),
        (SessionState.EXPIRED, False, False),
    ],
)
def test_what_is_news_for_a_deciding_dag(state, flow_completed, news):
    session = VerificationSession("s1", "didit", state, "x", flow_completed=flow_completed)
    assert worth_an_event(session) is news


def test_the_asset_is_per_connection_and_polls_only_when_asked():
    assert session_events_asset("a").name != session_events_asset("b").name
    assert session_events_asset("a").watchers == []
    (watcher,) = session_events_asset("a", poll_interval=30).watchers
    assert isinstance(watcher.trigger, SubmittedSessionsTrigger)
    assert watcher.trigger.serialize()[1] == {"conn_id": "a", "poll_interval": 30.0}


def test_an_extra_is_always_valid_json_whatever_the_analysis_held():
    odd = AnalysisSummary(
        liveness_score=float("nan"),
        face_match_score=float("inf"),
        pep_hits="3",  # type: ignore[arg-type]
        sanction_hits=0,
        id_matches_selfie=True,
    )
    session = VerificationSession(
        "abc-1", "deepidv", SessionState.SUBMITTED, "SUBMITTED", analysis=odd, flow_completed=True
    )
    extra = SessionEvent.of(session, EventSource.WEBHOOK).to_extra("key")
    text = json.dumps(extra, allow_nan=False)  # raises on NaN or an infinity
    assert json.loads(text)["analysis"] == {
        **dict.fromkeys(extra["analysis"]),
        "sanction_hits": 0,
        "id_matches_selfie": True,
    }
    assert SessionEvent.from_extra(extra, "key").analysis.liveness_score is None
