"""The Didit hook over a respx-mocked API: wire format, status and analysis mapping, errors."""

from __future__ import annotations

import json
import re

import httpx
import pytest
import respx

from idv_provider.exceptions import (
    AuthenticationError,
    IdentityMismatchError,
    InvalidRequestError,
    NotFoundError,
    RateLimitedError,
    UnexpectedResponseError,
)
from idv_provider.hooks import get_idv_hook
from idv_provider.models import Applicant, Decision, SessionState
from idv_provider.policy import ThresholdPolicy
from idv_provider.vendors.didit.hook import DiditHook
from idv_provider.vendors.didit.mapping import STATE_BY_STATUS
from idv_provider.waiting import WaitOutcome, submission_outcome
from tests.conftest import set_connection
from tests.fakes.deepidv import APPLICANT
from tests.fakes.didit import (
    DIDIT_CONN_ID,
    DIDIT_KEY,
    DIDIT_URL,
    SESSION_ID,
    WORKFLOW_ID,
    aml_hit,
    created,
    decision,
    echo_created,
    page,
    warning,
)

APPLICANT_OBJ = Applicant(**{**APPLICANT, "locale": "fr-CA"})


@pytest.fixture
def didit_conn(monkeypatch: pytest.MonkeyPatch) -> str:
    return set_connection(
        monkeypatch,
        host=DIDIT_URL,
        password=DIDIT_KEY,
        conn_type="didit",
        conn_id=DIDIT_CONN_ID,
        extra={"workflow_id": WORKFLOW_ID},
    )


@pytest.fixture
def api(didit_conn: str):
    with respx.mock(base_url=DIDIT_URL, assert_all_called=False) as router:
        yield router


@pytest.fixture
def hook(didit_conn: str) -> DiditHook:
    h = DiditHook(didit_conn)
    h.slept = []  # type: ignore[attr-defined]
    h.sleep = h.slept.append  # type: ignore[attr-defined]
    return h


def test_the_connection_type_picks_the_didit_hook(didit_conn):
    assert isinstance(get_idv_hook(didit_conn), DiditHook)


def test_create_maps_the_applicant_onto_didit_fields(api, hook):
    route = api.post("/v3/session/").mock(side_effect=echo_created)
    session = hook.create_session(
        APPLICANT_OBJ,
        redirect_url="https://app.test/back",
        send_email_invite=True,
        idempotency_key="airflow-key",
        metadata={"plan": "gold"},
        vendor_options={
            "expected_details": {"date_of_birth": "1990-01-31", "nationality": "ESP"},
            "callback_method": "both",
        },
    )
    request = route.calls.last.request
    assert request.headers["x-api-key"] == DIDIT_KEY
    assert "idempotency-key" not in request.headers  # Didit dedups on vendor_data instead
    assert json.loads(request.content) == {
        "workflow_id": WORKFLOW_ID,  # from the connection's extra
        "vendor_data": APPLICANT["external_id"],  # the applicant's external_id
        "callback": "https://app.test/back",
        "callback_method": "both",
        "metadata": {"plan": "gold"},
        "language": "fr",
        "contact_details": {
            "email": APPLICANT["email"],
            "phone": APPLICANT["phone"],
            "send_notification_emails": True,
            "email_lang": "fr",
        },
        "expected_details": {
            "first_name": APPLICANT["first_name"],
            "last_name": APPLICANT["last_name"],
            "date_of_birth": "1990-01-31",
            "nationality": "ESP",
        },
    }
    assert (session.id, session.state, session.vendor_status) == (
        SESSION_ID,
        SessionState.PENDING,
        "Not Started",
    )
    assert session.url == "https://verify.didit.me/session/abcdef1234567890"


def test_without_an_external_id_the_idempotency_key_is_the_vendor_data(api, hook):
    route = api.post("/v3/session/").mock(side_effect=echo_created)
    anonymous = Applicant(**{**APPLICANT, "external_id": None})
    hook.create_session(anonymous, workflow_id=WORKFLOW_ID, idempotency_key="airflow-abc")
    assert json.loads(route.calls.last.request.content)["vendor_data"] == "airflow-abc"


def test_a_retried_create_sends_the_same_vendor_data_so_didit_returns_the_same_session(api, hook):
    anonymous = Applicant(**{**APPLICANT, "external_id": None})
    route = api.post("/v3/session/").mock(
        side_effect=[
            httpx.Response(503, json={"detail": "busy"}),
            echo_created,
        ]
    )
    hook.create_session(anonymous)  # no key from the caller: the hook makes one per call
    first, second = (json.loads(c.request.content)["vendor_data"] for c in route.calls)
    assert first == second and first


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"vendor_options": {"vendor_data": "x"}}, "vendor_options.vendor_data"),
        ({"vendor_options": {"callback": "https://x.test"}}, "vendor_options.callback"),
        ({"vendor_options": {"portrait": "x"}}, "vendor_options has unknown key 'portrait'"),
        ({"vendor_options": {"callback_method": "later"}}, "vendor_options.callback_method"),
        ({"vendor_options": {"contact_details": {"email": "x@y.z"}}}, "contact_details"),
        (
            {"vendor_options": {"expected_details": {"first_name": "X"}}},
            "expected_details.first_name",
        ),
        (
            {"vendor_options": {"expected_details": {"date_of_birth": "31/01/1990"}}},
            "expected_details.date_of_birth",
        ),
        (
            {"vendor_options": {"expected_details": {"nationality": "ES"}}},
            "expected_details.nationality",
        ),
        (
            {"vendor_options": {"expected_details": {"expected_document_types": ["XX"]}}},
            "expected_details.expected_document_types",
        ),
        ({"metadata": ["not", "a", "mapping"]}, "metadata"),
        ({"workflow_id": "not-a-uuid"}, "workflow_id"),
    ],
)
def test_bad_options_are_refused_before_any_call(api, hook, kwargs, field):
    route = api.post("/v3/session/")
    with pytest.raises(InvalidRequestError, match=field.replace(".", r"\.")):
        hook.create_session(APPLICANT_OBJ, **kwargs)
    assert not route.called


def test_a_missing_workflow_names_the_parameter_and_the_extra(api, monkeypatch):
    conn = {"conn_type": "didit", "password": DIDIT_KEY, "host": DIDIT_URL}
    monkeypatch.setenv("AIRFLOW_CONN_DIDIT_BARE", json.dumps(conn))
    with pytest.raises(InvalidRequestError, match="workflow_id is required.*extra workflow_id"):
        DiditHook("didit_bare").create_session(APPLICANT_OBJ)


@pytest.mark.parametrize(("status", "state"), sorted(STATE_BY_STATUS.items()))
def test_every_documented_status_maps(api, hook, status, state):
    api.get(f"/v3/session/{SESSION_ID}/decision/").respond(200, json=decision(status))
    session = hook.get_session(SESSION_ID)
    assert (session.state, session.vendor_status) == (state, status)


def test_a_status_didit_adds_later_is_unknown_not_an_error(api, hook):
    api.get(f"/v3/session/{SESSION_ID}/decision/").respond(200, json=decision("On Hold"))
    assert hook.get_session(SESSION_ID).state is SessionState.UNKNOWN


@pytest.mark.parametrize(
    ("status", "outcome"),
    [
        ("Not Started", WaitOutcome.WAIT),
        ("In Progress", WaitOutcome.WAIT),
        ("Resubmitted", WaitOutcome.WAIT),
        ("In Review", WaitOutcome.DONE),
        ("Approved", WaitOutcome.DONE),  # Didit's workflow decided right at the end
        ("Declined", WaitOutcome.DONE),
        ("Expired", WaitOutcome.FAILED),
        ("Abandoned", WaitOutcome.FAILED),
    ],
)
def test_the_sensor_sees_a_finished_flow_whatever_didit_decided(api, hook, status, outcome):
    api.get(f"/v3/session/{SESSION_ID}/decision/").respond(200, json=decision(status))
    assert submission_outcome(hook.get_session(SESSION_ID))[0] is outcome


def test_analysis_scores_are_scaled_to_0_1_and_a_clean_session_passes_the_policy(api, hook):
    api.get(f"/v3/session/{SESSION_ID}/decision/").respond(200, json=decision())
    session = hook.get_session(SESSION_ID)
    a = session.analysis
    assert a is not None
    assert a.liveness_score == pytest.approx(0.9903)
    assert a.face_match_score == pytest.approx(0.9526)
    assert (a.id_matches_selfie, a.document_not_expired, a.age_requirement_met) == (True,) * 3
    assert (a.pep_hits, a.sanction_hits) == (0, 0)
    assert ThresholdPolicy()(session).decision is Decision.APPROVE


@pytest.mark.parametrize(
    ("payload", "decision_", "reason"),
    [
        (decision(face_status="Declined", face_match=31.0), Decision.REJECT, "selfie"),
        (
            decision(id_status="Declined", id_warnings=[warning("DOCUMENT_EXPIRED")]),
            Decision.REJECT,
            "document expired",
        ),
        (
            decision(id_status="Declined", id_warnings=[warning("MINIMUM_AGE_NOT_MET")]),
            Decision.REJECT,
            "under the age",
        ),
        (
            decision(id_status="Declined", id_warnings=[warning("MRZ_VALIDATION_FAILED")]),
            Decision.REJECT,
            "issuer not valid",
        ),
        (decision(hits=[aml_hit(["Sanctions"])]), Decision.REJECT, "sanctions"),
        (decision(hits=[aml_hit(["PEP"])]), Decision.MANUAL_REVIEW, "PEP"),
        (
            decision(hits=[aml_hit(["PEP"], review_status="False Positive")]),
            Decision.APPROVE,
            "all checks passed",
        ),
        (decision(liveness=62.0), Decision.MANUAL_REVIEW, "liveness score 0.62"),
        (decision(face_status="In Review", face_match=65.0), Decision.MANUAL_REVIEW, "selfie"),
        (decision(ran=False), Decision.MANUAL_REVIEW, "no analysis"),
    ],
)
def test_the_policy_over_didit_results(api, hook, payload, decision_, reason):
    api.get(f"/v3/session/{SESSION_ID}/decision/").respond(200, json=payload)
    result = ThresholdPolicy()(hook.get_session(SESSION_ID))
    assert result.decision is decision_
    assert any(reason in r for r in result.reasons), result.reasons


def test_list_pages_by_next_and_filters_by_display_status(api, hook):
    route = api.get("/v3/sessions/").mock(
        side_effect=[
            httpx.Response(
                200,
                json=page(
                    ["In Review"] * 2, next_url=f"{DIDIT_URL}/v3/sessions/?offset=2", count=3
                ),
            ),
            httpx.Response(200, json=page(["In Review"])),
        ]
    )
    sessions = list(hook.iter_sessions(state=SessionState.SUBMITTED, page_size=2))
    assert len(sessions) == 3
    assert all(s.analysis is None and s.flow_completed for s in sessions)
    first, second = (c.request.url.params for c in route.calls)
    assert (first["status"], first["limit"], first["offset"]) == ("In Review", "2", "0")
    assert second["offset"] == "2"


def test_listing_expired_sessions_asks_for_every_status_that_means_it(api, hook):
    route = api.get("/v3/sessions/").respond(200, json=page([]))
    hook.list_sessions(state=SessionState.EXPIRED)
    statuses = set(route.calls.last.request.url.params["status"].split(","))
    assert statuses == {"Expired", "Abandoned", "Kyc Expired"}


def test_decide_sends_the_new_status_and_needs_one_call(api, hook):
    route = api.patch(f"/v3/session/{SESSION_ID}/update-status/").respond(
        200, json={"session_id": SESSION_ID}
    )
    session = hook.decide(SESSION_ID, Decision.REJECT)
    body = json.loads(route.calls.last.request.content)
    assert body["new_status"] == "Declined"
    assert body.get("send_email", False) is False  # Didit does not email the applicant
    assert (session.state, session.vendor_status) == (SessionState.REJECTED, "Declined")


@pytest.mark.parametrize(
    ("status", "decision_", "allowed"),
    [
        ("In Review", Decision.APPROVE, True),
        ("Approved", Decision.REJECT, True),  # Didit lets a reviewer overturn
        ("Abandoned", Decision.REJECT, True),
        ("Not Started", Decision.APPROVE, False),
        ("In Progress", Decision.REJECT, False),
        ("Expired", Decision.APPROVE, False),
        ("In Review", Decision.VOID, False),  # Didit has no void
    ],
)
def test_decision_rules_follow_update_status(api, hook, status, decision_, allowed):
    api.get(f"/v3/session/{SESSION_ID}/decision/").respond(200, json=decision(status))
    session = hook.get_session(SESSION_ID)
    if allowed:
        hook.check_decision(session, decision_)
    else:
        with pytest.raises(InvalidRequestError, match="Didit"):
            hook.check_decision(session, decision_)


def test_delete_is_204_and_a_retry_after_a_lost_answer_is_not_an_error(api, hook):
    route = api.delete(f"/v3/session/{SESSION_ID}/delete/").mock(
        side_effect=[
            httpx.ConnectError("reset"),
            httpx.Response(404, json={"detail": "Not found."}),
        ]
    )
    hook.delete_session(SESSION_ID)
    assert route.call_count == 2


def test_deleting_an_unknown_session_is_not_found(api, hook):
    api.delete(f"/v3/session/{SESSION_ID}/delete/").respond(404, json={"detail": "Not found."})
    with pytest.raises(NotFoundError):
        hook.delete_session(SESSION_ID)


def test_drf_errors_are_explained_with_their_field(api, hook):
    api.post("/v3/session/").respond(400, json={"expected_details": ["Unknown document type: XX."]})
    with pytest.raises(InvalidRequestError, match="didit said: field: expected_details") as raised:
        hook.create_session(APPLICANT_OBJ)
    assert "Unknown document type" not in str(raised.value)  # the field, never the text


@pytest.mark.parametrize("status", [401, 403])
def test_auth_errors_say_to_check_the_key(api, hook, status):
    api.get(f"/v3/session/{SESSION_ID}/decision/").respond(
        status, json={"detail": "You do not have permission to perform this action."}
    )
    with pytest.raises(AuthenticationError, match="API key"):
        hook.get_session(SESSION_ID)


def test_429_waits_for_retry_after(api, hook):
    api.get(f"/v3/session/{SESSION_ID}/decision/").mock(
        side_effect=[
            httpx.Response(429, headers={"Retry-After": "7"}, json={"detail": "Throttled."}),
            httpx.Response(200, json=decision()),
        ]
    )
    assert hook.get_session(SESSION_ID).id == SESSION_ID
    assert hook.slept == [7.0]  # type: ignore[attr-defined]


def test_429_gives_up_after_the_retries(api, hook):
    api.get(f"/v3/session/{SESSION_ID}/decision/").respond(
        429, headers={"Retry-After": "1"}, json={"detail": "Throttled."}
    )
    with pytest.raises(RateLimitedError):
        hook.get_session(SESSION_ID)


@respx.mock(base_url=DIDIT_URL)
async def test_async_read_uses_the_same_mapping(respx_mock, didit_conn):
    respx_mock.get(f"/v3/session/{SESSION_ID}/decision/").respond(200, json=decision("Approved"))
    session = await DiditHook(didit_conn).aget_session(SESSION_ID)
    assert (session.state, session.flow_completed) == (SessionState.APPROVED, True)


def test_didit_refuses_a_session_handed_back_for_another_vendor_data(api, hook):
    # Didit hands back an unfinished session for a vendor_data: only ever this applicant's.
    api.post("/v3/session/").respond(201, json=created(vendor_data="applicant-bob"))
    with pytest.raises(IdentityMismatchError, match="another applicant"):
        hook.create_session(APPLICANT_OBJ, workflow_id=WORKFLOW_ID)


# -- the answer must be about the session asked for, in a shape this version can read --------
OTHER_SESSION = "99999999-8888-7777-6666-555555555555"
DECISION_PATH = f"/v3/session/{SESSION_ID}/decision/"


def test_an_answer_about_another_session_is_refused(api, hook):
    api.get(DECISION_PATH).respond(200, json={**decision(), "session_id": OTHER_SESSION})
    with pytest.raises(UnexpectedResponseError, match="answered about another session"):
        hook.get_session(SESSION_ID)


@pytest.mark.parametrize("wrong", [12345, None, ["x"], SESSION_ID.upper() + " "])
def test_a_session_id_of_the_wrong_type_or_shape_is_refused(api, hook, wrong):
    api.get(DECISION_PATH).respond(200, json={**decision(), "session_id": wrong})
    with pytest.raises(UnexpectedResponseError):
        hook.get_session(SESSION_ID)


def test_null_entries_in_check_lists_are_not_reported_never_a_crash(api, hook):
    body = decision()
    body["id_verifications"] = [None]
    body["face_matches"] = [None, *body["face_matches"]]
    api.get(DECISION_PATH).respond(200, json=body)
    session = hook.get_session(SESSION_ID)
    analysis = session.analysis
    assert analysis is not None
    assert analysis.document_not_expired is None and analysis.document_valid_state is None
    assert analysis.face_match_score is None and analysis.id_matches_selfie is None
    assert analysis.liveness_score == pytest.approx(0.9903)
    result = ThresholdPolicy()(session)
    assert result.decision is Decision.MANUAL_REVIEW
    assert "document expiry check not reported" in result.reasons


@pytest.mark.parametrize(
    ("where", "field"),
    [
        (("warnings",), "warnings"),
        (("id_verifications", 0, "warnings"), "id_verifications[].warnings"),
        (("aml_screenings", 0, "hits"), "aml_screenings[].hits"),
    ],
)
def test_a_null_among_warnings_or_hits_is_a_typed_error_naming_the_field(api, hook, where, field):
    """A warning or hit that cannot be read may be the one that rejects: never "none"."""
    body = decision(id_warnings=[warning("DOCUMENT_EXPIRED")], hits=[aml_hit(["PEP"])])
    *path, last = where
    target = body
    for step in path:
        target = target[step]
    target[last] = [None, *(target.get(last) or [])]
    api.get(DECISION_PATH).respond(200, json=body)
    with pytest.raises(UnexpectedResponseError, match=re.escape(field)):
        hook.get_session(SESSION_ID)


@pytest.mark.parametrize("score", ["NaN", "Infinity", "-Infinity", "high", True])
def test_a_score_that_is_not_a_finite_number_is_not_reported(api, hook, score):
    body = decision()
    body["liveness_checks"][0]["score"] = score
    api.get(DECISION_PATH).respond(200, json=body)
    session = hook.get_session(SESSION_ID)
    assert session.analysis is not None and session.analysis.liveness_score is None
    result = ThresholdPolicy()(session)
    assert result.decision is Decision.MANUAL_REVIEW
    assert "liveness score not reported" in result.reasons


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("id_verifications", "everything is fine"),
        ("id_verifications", [["Approved"]]),
        ("face_matches", [{"status": ["Approved"], "score": 99}]),
        ("aml_screenings", [{"hits": "none"}]),
    ],
)
def test_a_record_in_a_shape_the_api_never_sends_approves_nothing(api, hook, field, value):
    """Either a typed error, or checks not reported: never an untyped exception, never an
    approval."""
    api.get(DECISION_PATH).respond(200, json={**decision(), field: value})
    try:
        session = hook.get_session(SESSION_ID)
    except UnexpectedResponseError:
        return
    assert ThresholdPolicy()(session).decision is not Decision.APPROVE
