"""The plugin's webhook endpoint, with Airflow's metadata database: a signed Didit delivery
becomes one asset event; anything unsigned, forged, stale or replayed is a 401 and records
nothing. Deliveries are signed by the sandbox's own reading of Didit's documents."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi import Request
from fastapi.testclient import TestClient

from idv_provider.events.app import read_body
from idv_provider.events.recording import NEWS_WINDOW
from idv_sandbox.vendors.didit.webhooks import canonical, status_updated
from tests.conftest import set_connection
from tests.fakes.didit import DIDIT_URL, SESSION_ID, decision
from tests.integration.events.conftest import recorded, sessions_recorded

pytestmark = pytest.mark.integration
CONN_ID = "idv_didit_events"
SECRET = "whsec_" + "k" * 37
PII = ("user-123", "Jane", "jane@example.com")
API_KEY = "sk_test_didit_0123456789"


@pytest.fixture
def didit_events(monkeypatch: pytest.MonkeyPatch, consumed) -> str:
    set_connection(
        monkeypatch,
        conn_type="didit",
        conn_id=CONN_ID,
        host=DIDIT_URL,
        password=API_KEY,
        extra={"webhook_secret": SECRET},
    )
    consumed(CONN_ID)
    return CONN_ID


def delivery(
    status: str = "In Review", *, secret: str = SECRET, at: float | None = None, **fields: Any
) -> tuple[str, bytes, dict[str, str]]:
    """(event id, body, headers) of a Didit ``status.updated`` delivery, signed at ``at``."""
    record = {**decision(status), "expected_details": {"first_name": "Jane"}, **fields}
    record["contact_details"] = {"email": "jane@example.com"}
    event_id, render = status_updated(record, secret)
    body, headers = render(time.time() if at is None else at)
    return event_id, body, headers


def post(app: TestClient, body: bytes, headers: dict[str, str], conn_id: str = CONN_ID) -> Any:
    return app.post(f"/webhooks/{conn_id}", content=body, headers=headers)


def test_a_signed_delivery_becomes_one_session_event_without_pii(plugin_app, didit_events):
    event_id, body, headers = delivery("In Review")
    answer = post(plugin_app, body, headers)
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"result": "recorded"}
    (extra,) = recorded(CONN_ID)
    assert extra["session_id"] == SESSION_ID
    assert (extra["vendor"], extra["status"], extra["source"]) == ("didit", "submitted", "webhook")
    assert extra["delivery_id"] == event_id
    assert extra["analysis"]["liveness_score"] == pytest.approx(0.9903)  # no second call needed
    text = json.dumps(extra)
    assert not any(value in text for value in PII)


def test_the_same_delivery_again_is_a_replay_and_records_nothing(plugin_app, didit_events):
    _, body, headers = delivery()
    assert post(plugin_app, body, headers).status_code == 200
    again = post(plugin_app, body, headers)
    assert again.status_code == 401
    assert "replay" in again.json()["detail"]
    assert len(recorded(CONN_ID)) == 1


def test_the_same_news_in_a_new_delivery_is_taken_once(plugin_app, didit_events):
    for _ in range(2):  # two event ids, one session reaching one status
        _, body, headers = delivery()
        assert post(plugin_app, body, headers).status_code == 200
    assert len(recorded(CONN_ID)) == 1


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(lambda b, h: (b, {"Content-Type": "application/json"}), id="unsigned"),
        pytest.param(lambda b, h: (b.replace(b"In Review", b"Approved"), h), id="altered"),
        pytest.param(
            lambda b, h: delivery(secret="not-the-secret")[1:], id="signed-with-another-secret"
        ),
        pytest.param(lambda b, h: delivery(at=time.time() - 301)[1:], id="stale"),
        pytest.param(lambda b, h: delivery(at=time.time() + 301)[1:], id="from-the-future"),
        pytest.param(lambda b, h: (b"{not json", h), id="not-json"),
    ],
)
def test_forged_unsigned_or_stale_deliveries_are_401_and_record_nothing(
    plugin_app, didit_events, tamper
):
    _, body, headers = delivery()
    forged_body, forged_headers = tamper(body, headers)
    answer = post(plugin_app, forged_body, forged_headers)
    assert answer.status_code == 401
    assert SECRET not in answer.text
    assert recorded(CONN_ID) == []


def test_connections_that_cannot_verify_are_401(plugin_app, didit_events, monkeypatch):
    set_connection(
        monkeypatch, conn_type="didit", conn_id="no_secret", host=DIDIT_URL, password="k"
    )
    set_connection(
        monkeypatch, conn_type="deepidv", conn_id="pushes_nothing", host=DIDIT_URL, password="k"
    )
    _, body, headers = delivery()
    for conn_id in ("no_secret", "pushes_nothing", "no_such_connection"):
        answer = post(plugin_app, body, headers, conn_id)
        assert answer.status_code == 401, conn_id
        assert answer.json() == post(plugin_app, b"", {}, conn_id).json()  # says nothing more
    assert recorded(CONN_ID) == []


def test_a_status_that_is_not_news_is_acknowledged_and_not_recorded(plugin_app, didit_events):
    _, body, headers = delivery("In Progress")
    answer = post(plugin_app, body, headers)
    assert (answer.status_code, answer.json()) == (200, {"result": "ignored"})
    assert recorded(CONN_ID) == []


def test_a_decision_after_the_submission_is_an_echo_but_a_decided_flow_is_news(
    plugin_app, didit_events
):
    for status in ("In Review", "Approved"):  # the deciding DAG's own decision comes back
        _, body, headers = delivery(status)
        assert post(plugin_app, body, headers).status_code == 200
    assert [e.vendor_status for e in sessions_recorded(CONN_ID, API_KEY)] == ["In Review"]

    other = "99999999-2222-3333-4444-555555555555"  # decided by the workflow at the flow's end
    _, body, headers = delivery("Approved", session_id=other)
    assert post(plugin_app, body, headers).json() == {"result": "recorded"}
    assert sessions_recorded(CONN_ID, API_KEY)[-1].state.value == "approved"


def test_without_a_dag_on_the_asset_the_delivery_is_taken_and_nothing_runs(
    plugin_app, monkeypatch, metadata_db
):
    set_connection(
        monkeypatch,
        conn_type="didit",
        conn_id="unconsumed",
        host=DIDIT_URL,
        password="k",
        extra={"webhook_secret": SECRET},
    )
    _, body, headers = delivery()
    answer = post(plugin_app, body, headers, "unconsumed")
    assert (answer.status_code, answer.json()) == (200, {"result": "no_consumer"})


def test_an_oversized_body_is_refused_before_it_is_read_as_json(plugin_app, didit_events):
    answer = post(plugin_app, b"{" + b" " * 1_000_001 + b"}", {})
    assert answer.status_code == 413


def test_a_declared_length_over_the_limit_is_refused_before_a_byte_is_read():
    read: list[int] = []

    async def receive() -> dict[str, Any]:
        read.append(1)
        return {"type": "http.request", "body": b"{}", "more_body": False}

    declared = [(b"content-length", str(50 * 1_000_000).encode())]
    request = Request({"type": "http", "method": "POST", "headers": declared}, receive)
    assert asyncio.run(read_body(request, 1_000_000)) is None
    assert read == []


def test_a_chunked_stream_is_read_no_further_than_the_limit():
    """A chunked body (no length) of 400 MB: the route stops once it is past 1 MB."""
    sent = 0

    async def receive() -> dict[str, Any]:
        nonlocal sent
        sent += 1
        more = sent < 400  # a 1 MB chunk each time, 400 in all
        return {"type": "http.request", "body": b"x" * 1_000_000, "more_body": more}

    request = Request({"type": "http", "method": "POST", "headers": []}, receive)
    assert asyncio.run(read_body(request, 1_000_000)) is None
    assert sent == 2  # one chunk fits, the second goes past the limit: nothing more is read


@pytest.mark.parametrize("session_id", ["../../etc", "<script>alert(1)</script>", "a" * 10_000])
def test_a_signed_delivery_naming_no_session_of_the_vendor_records_nothing(
    plugin_app, didit_events, session_id
):
    _, body, headers = delivery(session_id=session_id)
    answer = post(plugin_app, body, headers)
    assert answer.status_code == 200 and answer.json() == {"result": "ignored"}
    assert recorded(CONN_ID) == []


@pytest.mark.parametrize(
    "fields",
    [
        {"id_verifications": [None], "warnings": [None]},
        {"liveness_checks": [{"score": "NaN"}], "face_matches": [{"score": "Infinity"}]},
        {"aml_screenings": [{"hits": "none"}]},
    ],
)
def test_a_decision_in_a_shape_the_api_never_sends_is_no_5xx(plugin_app, didit_events, fields):
    """The delivery is the vendor's and its news stands; the analysis it carries is left out
    when this version cannot read it (the deciding task reads the session anyway)."""
    _, body, headers = delivery(**fields)
    answer = post(plugin_app, body, headers)
    assert answer.status_code == 200, answer.text
    (extra,) = recorded(CONN_ID)
    assert extra["status"] == "submitted"
    analysis = extra["analysis"] or {}
    assert all(v is None or isinstance(v, (bool, int, float)) for v in analysis.values())
    assert "NaN" not in json.dumps(extra)


def signed_delivery(event_id: str, status: str = "In Review") -> tuple[bytes, dict[str, str]]:
    """A genuine delivery whose event id is ``event_id`` (the vendor's to choose)."""
    stamp = int(time.time())
    record = decision(status)
    payload = {
        "event_id": event_id,
        "webhook_type": "status.updated",
        "timestamp": stamp,
        "session_id": record["session_id"],
        "status": status,
        "decision": record,
    }
    body = canonical(payload)
    signature = hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    headers = {"Content-Type": "application/json", "X-Signature-V2": signature}
    return body, {**headers, "X-Timestamp": str(stamp)}


@pytest.mark.parametrize(
    "event_id", ["x" * 10_000, "evt\u0000nul", "<script>alert(1)</script>", "../../etc"]
)
def test_an_odd_delivery_id_is_stored_as_its_digest_and_a_replay_still_caught(
    plugin_app, didit_events, event_id
):
    body, headers = signed_delivery(event_id)
    assert post(plugin_app, body, headers).json() == {"result": "recorded"}
    (extra,) = recorded(CONN_ID)
    assert extra["delivery_id"].startswith("sha256:") and len(extra["delivery_id"]) == 71
    assert post(plugin_app, body, headers).status_code == 401  # the same delivery: a replay


def test_a_row_someone_else_wrote_with_invalid_json_breaks_nothing(plugin_app, didit_events):
    """On SQLite, ``json_extract`` over one extra that is not valid JSON (a REST user's
    ``{"a": NaN}``) used to fail every later delivery of the connection with a 500."""
    from airflow.models.asset import AssetEvent, AssetModel
    from airflow.utils.session import create_session
    from sqlalchemy import text

    with create_session() as session:
        asset = session.query(AssetModel).filter_by(name=f"idv_sessions__{CONN_ID}").one()
        event = AssetEvent(asset_id=asset.id, extra={})
        session.add(event)
        session.flush()
        session.execute(
            text("UPDATE asset_event SET extra = :bad WHERE id = :id"),
            {"bad": '{"a": NaN}', "id": event.id},
        )
    _, body, headers = delivery()
    assert post(plugin_app, body, headers).json() == {"result": "recorded"}
    assert post(plugin_app, body, headers).status_code == 401  # the replay check still reads


def test_news_older_than_the_window_is_taken_again(plugin_app, didit_events):
    """The look-ups read a bounded time, not the asset's whole history: the same news a week
    later is recorded again (its run reads the session and decides nothing new)."""
    from airflow.models.asset import AssetEvent
    from airflow.utils.session import create_session

    _, body, headers = delivery()
    assert post(plugin_app, body, headers).json() == {"result": "recorded"}
    _, again, again_headers = delivery()
    assert post(plugin_app, again, again_headers).json() == {"result": "duplicate"}
    with create_session() as session:
        session.query(AssetEvent).update(
            {AssetEvent.timestamp: datetime.now(UTC) - NEWS_WINDOW - timedelta(minutes=1)}
        )
    _, later, later_headers = delivery()
    assert post(plugin_app, later, later_headers).json() == {"result": "recorded"}
