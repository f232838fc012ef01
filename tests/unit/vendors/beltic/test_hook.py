"""The Beltic hook over a respx-mocked API: accounts, sessions, statuses, cursors, actions."""

from __future__ import annotations

import json

import httpx
import pytest
import respx

from idv_provider.exceptions import (
    AuthenticationError,
    IdentityMismatchError,
    InvalidRequestError,
)
from idv_provider.hooks import get_idv_hook
from idv_provider.invites import Invite
from idv_provider.models import Applicant, Decision, SessionState
from idv_provider.operators import (
    CreateSessionOperator,
    DecideSessionOperator,
    SessionActionOperator,
)
from idv_provider.vendors.beltic.hook import BelticHook
from idv_provider.vendors.beltic.mapping import STATE_BY_STATUS
from idv_provider.waiting import WaitOutcome, submission_outcome
from tests.conftest import set_connection
from tests.fakes.beltic import (
    ACCOUNT_ID,
    BELTIC_CONN_ID,
    BELTIC_KEY,
    BELTIC_URL,
    SESSION_ID,
    SESSION_URL,
    account,
    page,
    session,
    sid,
)
from tests.fakes.context import make_context
from tests.fakes.deepidv import APPLICANT

APPLICANT_OBJ = Applicant(**APPLICANT)
SESSIONS = "/v1/identity/sessions"
ACCOUNTS = "/v1/identity/accounts"


@pytest.fixture
def beltic_conn(monkeypatch: pytest.MonkeyPatch) -> str:
    return set_connection(
        monkeypatch,
        host=BELTIC_URL,
        password=BELTIC_KEY,
        conn_type="beltic",
        conn_id=BELTIC_CONN_ID,
        extra={"session_url": SESSION_URL},
    )


@pytest.fixture
def api(beltic_conn: str):
    with respx.mock(base_url=BELTIC_URL, assert_all_called=False) as router:
        yield router


@pytest.fixture
def hook(beltic_conn: str) -> BelticHook:
    h = BelticHook(beltic_conn)
    h.sleep = lambda _: None
    return h


def test_the_connection_type_picks_the_beltic_hook(beltic_conn):
    assert isinstance(get_idv_hook(beltic_conn), BelticHook)


def test_create_makes_the_account_then_a_session_linked_to_it(api, hook):
    find_account = api.get(ACCOUNTS).respond(200, json={"data": []})
    new_account = api.post(ACCOUNTS).respond(201, json={"data": account()})
    find_session = api.get(SESSIONS).respond(200, json=page([]))
    new_session = api.post(SESSIONS).respond(201, json={"data": session()})
    created = hook.create_session(APPLICANT_OBJ, redirect_url="https://app.test/back")
    assert find_account.calls.last.request.url.params["filter[external_id]"] == "applicant-1"
    assert new_account.calls.last.request.headers["x-api-key"] == BELTIC_KEY
    assert json.loads(new_account.calls.last.request.content) == {
        "data": {
            "type": "account",
            "attributes": {
                "entity_type": "person",
                "external_id": APPLICANT["external_id"],
                "person": {
                    "name": {"first": APPLICANT["first_name"], "last": APPLICANT["last_name"]}
                },
                "contact": {"email": APPLICANT["email"], "phone": APPLICANT["phone"]},
            },
        }
    }
    assert find_session.calls.last.request.url.params["filter[account]"] == ACCOUNT_ID
    assert json.loads(new_session.calls.last.request.content) == {
        "data": {
            "type": "session",
            "attributes": {"entity_type": "person"},
            "relationships": {"account": {"data": {"type": "account", "id": ACCOUNT_ID}}},
        }
    }
    assert (created.id, created.state, created.vendor_status) == (
        SESSION_ID,
        SessionState.PENDING,
        "created",
    )
    assert created.url == SESSION_URL.format(session_id=SESSION_ID)


def test_a_retried_create_takes_back_the_account_and_the_open_session(api, hook):
    api.get(ACCOUNTS).respond(200, json={"data": [account()]})
    api.get(SESSIONS).respond(200, json=page(["approved", "started"]))
    posts = api.post(SESSIONS)
    accounts = api.post(ACCOUNTS)
    created = hook.create_session(APPLICANT_OBJ)
    assert created.vendor_status == "started" and created.id == sid("s", 1)
    assert not posts.called and not accounts.called


def test_a_lost_account_create_answer_is_found_on_the_retry(api, hook):
    api.get(ACCOUNTS).mock(
        side_effect=[
            httpx.Response(200, json={"data": []}),
            httpx.Response(200, json={"data": [account()]}),
        ]
    )
    create_account = api.post(ACCOUNTS).mock(side_effect=httpx.ReadError("connection reset"))
    api.get(SESSIONS).respond(200, json=page([]))
    api.post(SESSIONS).respond(201, json={"data": session()})
    assert hook.create_session(APPLICANT_OBJ).id == SESSION_ID
    assert create_account.call_count == 1  # the retry looked first and found it


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"metadata": {"a": 1}}, "metadata"),
        ({"workflow_id": "wf"}, "workflow_id"),
        ({"vendor_options": {"nickname": "x"}}, "vendor_options has unknown"),
        ({"vendor_options": {"birth_date": "1/2/1990"}}, r"vendor_options\.birth_date"),
        ({"vendor_options": {"address": {"city": "x"}}}, r"vendor_options\.address"),
    ],
)
def test_bad_options_are_refused_before_any_call(api, hook, kwargs, field):
    route = api.get(ACCOUNTS)
    with pytest.raises(InvalidRequestError, match=field):
        hook.create_session(APPLICANT_OBJ, **kwargs)
    assert not route.called


@pytest.mark.parametrize(("status", "state"), sorted(STATE_BY_STATUS.items()))
def test_the_nine_statuses_map(api, hook, status, state):
    api.get(f"{SESSIONS}/{SESSION_ID}").respond(200, json={"data": session(status)})
    assert hook.get_session(SESSION_ID).state is state


@pytest.mark.parametrize(
    ("status", "outcome"),
    [
        ("created", WaitOutcome.WAIT),
        ("started", WaitOutcome.WAIT),
        ("pending", WaitOutcome.WAIT),
        ("completed", WaitOutcome.DONE),
        ("marked_for_review", WaitOutcome.DONE),
        ("approved", WaitOutcome.DONE),  # a reviewer was quicker than the sensor
        ("declined", WaitOutcome.DONE),
        ("failed", WaitOutcome.FAILED),
        ("expired", WaitOutcome.FAILED),
        ("paused", WaitOutcome.WAIT),  # a status Beltic adds later: waited on
    ],
)
def test_submitted_means_completed_or_marked_for_review(api, hook, status, outcome):
    api.get(f"{SESSIONS}/{SESSION_ID}").respond(200, json={"data": session(status)})
    assert submission_outcome(hook.get_session(SESSION_ID))[0] is outcome


def test_submitted_sessions_are_listed_status_after_status_with_cursors(api, hook):
    route = api.get(SESSIONS).mock(
        side_effect=[
            httpx.Response(200, json=page(["completed"] * 2, after="c1", prefix="a")),
            httpx.Response(200, json=page(["completed"], prefix="b")),
            httpx.Response(200, json=page(["marked_for_review"], prefix="c")),
        ]
    )
    first = hook.list_sessions(state=SessionState.SUBMITTED, limit=2)
    assert [s.id for s in first.sessions] == [sid("a", 0), sid("a", 1)]
    assert first.has_more and first.next_page_token == "0:c1"
    second = hook.list_sessions(
        state=SessionState.SUBMITTED, limit=2, page_token=first.next_page_token
    )
    assert [s.id for s in second.sessions] == [sid("b", 0), sid("c", 0)]
    assert not second.has_more
    params = [c.request.url.params for c in route.calls]
    assert [p["filter[status]"] for p in params] == ["completed", "completed", "marked_for_review"]
    assert params[1]["page[after]"] == "c1" and "page[after]" not in params[2]


@pytest.mark.parametrize("token", ["c1", "9:c1", "x:c1", "1"])
def test_a_page_token_the_list_did_not_hand_out_is_refused_before_any_call(api, hook, token):
    route = api.get(SESSIONS).respond(200, json=page(["completed"] * 3))
    with pytest.raises(InvalidRequestError, match="page_token"):
        hook.list_sessions(state=SessionState.SUBMITTED, limit=2, page_token=token)
    assert not route.called


def test_decide_without_the_permission_says_which(api, hook):
    api.post(f"{SESSIONS}/{SESSION_ID}/approve").respond(
        403, json={"errors": [{"status": "403", "detail": "Forbidden"}]}
    )
    with pytest.raises(AuthenticationError, match="lacks the sessions:decide permission"):
        hook.decide(SESSION_ID, Decision.APPROVE)


def test_decline_posts_without_a_body(api, hook):
    route = api.post(f"{SESSIONS}/{SESSION_ID}/decline").respond(
        200, json={"data": session("declined")}
    )
    assert hook.decide(SESSION_ID, Decision.REJECT).state is SessionState.REJECTED
    assert route.calls.last.request.content == b""


@pytest.mark.parametrize(
    ("status", "decision", "allowed"),
    [
        ("completed", Decision.APPROVE, True),
        ("marked_for_review", Decision.REJECT, True),
        ("created", Decision.APPROVE, False),
        ("approved", Decision.REJECT, False),  # Beltic's decisions are final
        ("completed", Decision.VOID, False),
    ],
)
def test_decision_rules(api, hook, status, decision, allowed):
    api.get(f"{SESSIONS}/{SESSION_ID}").respond(200, json={"data": session(status)})
    current = hook.get_session(SESSION_ID)
    if allowed:
        hook.check_decision(current, decision)
    else:
        with pytest.raises(InvalidRequestError):
            hook.check_decision(current, decision)


@pytest.mark.parametrize(("action", "status"), [("expire", "expired"), ("redact", "completed")])
def test_session_action_operator_expires_and_redacts(api, action, status):
    route = api.post(f"{SESSIONS}/{SESSION_ID}/{action}").respond(
        200, json={"data": session(status)}
    )
    op = SessionActionOperator(
        task_id=action, session_id=SESSION_ID, action=action, conn_id=BELTIC_CONN_ID
    )
    result = op.execute(make_context())
    assert route.called
    assert result == {
        "session_id": SESSION_ID,
        "action": action,
        "status": STATE_BY_STATUS[status].value,
    }


def test_an_action_the_vendor_lacks_is_refused_before_any_call(api):
    op = SessionActionOperator(
        task_id="delete", session_id=SESSION_ID, action="delete", conn_id=BELTIC_CONN_ID
    )
    with pytest.raises(InvalidRequestError, match="beltic cannot delete.*expire, redact"):
        op.execute(make_context())


async def test_async_reads_walk_the_same_cursors(api, beltic_conn):
    api.get(f"{SESSIONS}/{SESSION_ID}").respond(200, json={"data": session("completed")})
    api.get(SESSIONS).mock(
        side_effect=[
            httpx.Response(200, json=page(["completed"], after="c1", prefix="a")),
            httpx.Response(200, json=page(["completed"], prefix="b")),
        ]
    )
    hook = BelticHook(beltic_conn)
    reads = []
    real = hook.aget_connection

    async def counted(conn_id):
        reads.append(conn_id)
        return await real(conn_id)

    hook.aget_connection = counted
    submitted = await hook.aget_session(SESSION_ID)
    assert submitted.state is SessionState.SUBMITTED
    assert submitted.url == SESSION_URL.format(session_id=SESSION_ID)
    found = await hook.afind_sessions([sid("a", 0), sid("b", 0)])
    assert sorted(found) == [sid("a", 0), sid("b", 0)]
    # read once, asynchronously: never the blocking read inside the triggerer's event loop
    assert reads == [beltic_conn]
    assert "connection" not in vars(hook)


def test_the_operators_over_a_beltic_connection(api):
    api.get(ACCOUNTS).respond(200, json={"data": [account()]})
    api.get(SESSIONS).respond(200, json=page([]))
    api.post(SESSIONS).respond(201, json={"data": session()})
    create = CreateSessionOperator(
        task_id="create", applicant=APPLICANT, conn_id=BELTIC_CONN_ID, return_session_url=True
    ).execute(make_context())
    assert create["session_url"] == SESSION_URL.format(session_id=SESSION_ID)

    api.get(f"{SESSIONS}/{SESSION_ID}").respond(200, json={"data": session("completed")})
    decide = DecideSessionOperator(task_id="decide", session_id=SESSION_ID, conn_id=BELTIC_CONN_ID)
    result = decide.execute(make_context())  # Beltic reports no analysis: left to a reviewer
    assert (result["decision"], result["status"]) == ("manual_review", "submitted")
    approve = api.post(f"{SESSIONS}/{SESSION_ID}/approve").respond(
        200, json={"data": session("approved")}
    )
    by_hand = DecideSessionOperator(
        task_id="approve", session_id=SESSION_ID, decision="approve", conn_id=BELTIC_CONN_ID
    )
    assert by_hand.execute(make_context())["status"] == "approved"
    assert approve.called


def test_an_invite_needs_the_session_url_extra(api, monkeypatch):
    conn = {"conn_type": "beltic", "password": BELTIC_KEY, "host": BELTIC_URL}
    monkeypatch.setenv("AIRFLOW_CONN_BELTIC_NO_LINK", json.dumps(conn))
    api.get(ACCOUNTS).respond(200, json={"data": [account()]})
    api.get(SESSIONS).respond(200, json=page([]))
    api.post(SESSIONS).respond(201, json={"data": session()})
    op = CreateSessionOperator(
        task_id="create",
        applicant=APPLICANT,
        conn_id="beltic_no_link",
        invite=Invite(company_name="Acme", smtp_conn_id="smtp_default", from_email="a@acme.test"),
    )
    with pytest.raises(InvalidRequestError, match="returned no session link"):
        op.execute(make_context())


# -- nothing found by a reference is reused unless it is that reference's ------------------
# (a server that ignores or loosens its filters must never hand Ada Bob's session)
ADA = Applicant(**{**APPLICANT, "external_id": "applicant-ada"})
OTHER_ACCOUNT = "0f0f0f0f-1c3d-4e5f-8a9b-0c1d2e3f4a5b"


def test_beltic_never_takes_another_applicant_s_account_when_the_filter_is_ignored(api, hook):
    # The server ignores filter[external_id] and lists Bob's account first.
    bob = {**account("applicant-bob"), "id": OTHER_ACCOUNT}
    api.get(ACCOUNTS).respond(200, json={"data": [bob], "links": {"next": None}})
    new_account = api.post(ACCOUNTS).respond(201, json={"data": account("applicant-ada")})
    api.get(SESSIONS).respond(200, json=page([]))
    new_session = api.post(SESSIONS).respond(201, json={"data": session()})
    created = hook.create_session(ADA)
    assert new_account.called and new_session.called  # Ada's own account and session
    relation = new_session.calls.last.request.content.decode()
    assert ACCOUNT_ID in relation and OTHER_ACCOUNT not in relation
    assert created.external_id == "applicant-ada"


def test_beltic_refuses_to_guess_when_other_accounts_fill_page_after_page(api, hook):
    bob = {**account("applicant-bob"), "id": OTHER_ACCOUNT}
    next_page = "https://api.beltic.test/v1/identity/accounts?page%5Bafter%5D=x"
    api.get(ACCOUNTS).respond(200, json={"data": [bob], "links": {"next": next_page}})
    create = api.post(ACCOUNTS)
    with pytest.raises(IdentityMismatchError, match="not honoured"):
        hook.create_session(ADA)
    assert not create.called  # no second account either


def test_beltic_never_reuses_an_open_session_of_another_account(api, hook):
    api.get(ACCOUNTS).respond(200, json={"data": [account("applicant-ada")]})
    # The server ignores filter[account]: Bob's open session comes back.
    bobs = page(["started"])
    bobs["data"][0]["relationships"]["account"]["data"]["id"] = OTHER_ACCOUNT
    api.get(SESSIONS).respond(200, json=bobs)
    new_session = api.post(SESSIONS).respond(201, json={"data": session()})
    created = hook.create_session(ADA)
    assert new_session.called and created.id != bobs["data"][0]["id"]


def test_beltic_sessions_without_an_account_link_are_not_reused(api, hook):
    api.get(ACCOUNTS).respond(200, json={"data": [account("applicant-ada")]})
    unlinked = page(["created"])
    del unlinked["data"][0]["relationships"]
    api.get(SESSIONS).respond(200, json=unlinked)
    new_session = api.post(SESSIONS).respond(201, json={"data": session()})
    hook.create_session(ADA)
    assert new_session.called


def test_beltic_refuses_a_second_session_when_other_sessions_fill_page_after_page(api, hook):
    """filter[account] ignored and the account's open session may sit on a later page: a
    retried create must not make a second one."""
    api.get(ACCOUNTS).respond(200, json={"data": [account("applicant-ada")]})
    bobs = page(["started"])
    bobs["data"][0]["relationships"]["account"]["data"]["id"] = OTHER_ACCOUNT
    bobs["links"] = {"next": "https://api.beltic.test/v1/identity/sessions?page%5Bafter%5D=x"}
    api.get(SESSIONS).respond(200, json=bobs)
    create = api.post(SESSIONS)
    with pytest.raises(IdentityMismatchError, match="filter\\[account\\] not honoured"):
        hook.create_session(ADA)
    assert not create.called


def test_beltic_listing_by_status_is_checked_here(api, hook):
    """filter[status] ignored: the unfinished sessions the server lists are left out."""
    mixed = page(["started", "completed", "created"])
    api.get(SESSIONS).respond(200, json=mixed)
    listed = hook.list_sessions(state=SessionState.SUBMITTED)
    assert [s.vendor_status for s in listed.sessions] == ["completed"] * 2
