"""The sandbox's Didit webhooks: when it sends them (each status change after the create, the
decision included), signed so that the provider's verifier takes them, and its switches."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import httpx
import pytest

from idv_provider.vendors.didit.webhooks import read_didit_webhook
from idv_sandbox import DEFAULT_API_KEY, DEFAULT_DIDIT_WORKFLOW_ID, SandboxConfig, running_sandbox

pytestmark = pytest.mark.integration
SECRET = "whsec_sandbox_test"
KEY = {"x-api-key": DEFAULT_API_KEY}


@pytest.fixture
def receiver() -> Iterator[tuple[str, list[tuple[bytes, dict[str, str]]]]]:
    """A bare HTTP receiver on loopback that keeps what it is sent and answers 200."""
    received: list[tuple[bytes, dict[str, str]]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append((body, dict(self.headers)))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/hook", received
    server.shutdown()


def delivered(url: str, count: int) -> list[dict[str, Any]]:
    for _ in range(600):  # the outbox sends from its own thread right away
        report = httpx.get(f"{url}/_sandbox/webhooks").json()
        if len(report) >= count and all(d["delivered"] for d in report):
            return list(report)
        threading.Event().wait(0.05)
    raise AssertionError(httpx.get(f"{url}/_sandbox/webhooks").json())


def test_each_status_change_after_the_create_is_delivered_signed(receiver):
    url, received = receiver
    config = SandboxConfig(
        auto_submit_after=None, didit_webhook_url=url, didit_webhook_secret=SECRET
    )
    with running_sandbox(config=config) as sandbox:
        made = httpx.post(
            f"{sandbox.url}/v3/session/",
            json={
                "workflow_id": DEFAULT_DIDIT_WORKFLOW_ID,
                "contact_details": {"email": "jane+pep_sanctions_hit@example.com"},
            },
            headers=KEY,
        ).json()
        assert httpx.get(f"{sandbox.url}/_sandbox/webhooks").json() == []  # not on create
        httpx.get(made["url"])
        httpx.post(made["url"], data={"outcome": "pep_sanctions_hit"})
        report = delivered(sandbox.url, 2)
    assert [d["status"] for d in report] == ["In Progress", "In Review"]
    assert len({d["event_id"] for d in report}) == 2
    body, headers = received[-1]
    delivery = read_didit_webhook(body, headers, SECRET)  # the provider's reading of Didit
    assert delivery.delivery_id == report[-1]["event_id"]
    assert delivery.session is not None
    assert (delivery.session.id, delivery.session.vendor_status) == (
        made["session_id"],
        "In Review",
    )
    assert delivery.session.analysis is not None and delivery.session.analysis.pep_hits
    assert json.loads(body)["webhook_type"] == "status.updated"


@pytest.mark.parametrize(
    ("destination", "message"),
    [
        ({"url": "ftp://example.com", "secret": "s"}, "url must be an http"),
        ({"url": "http://example.com", "secret": ""}, "secret must be a non-empty string"),
        ({"url": 5}, "url must be an http"),
    ],
)
def test_a_bad_destination_is_a_400_that_says_why(destination, message):
    with running_sandbox() as sandbox:
        answer = httpx.put(f"{sandbox.url}/_sandbox/webhooks/didit", json=destination)
    assert answer.status_code == 400
    assert message in answer.json()["detail"]


def test_the_destination_switch_shows_no_secret():
    with running_sandbox() as sandbox:
        answer = httpx.put(
            f"{sandbox.url}/_sandbox/webhooks/didit",
            json={"url": "http://127.0.0.1:9/hook", "secret": SECRET},
        )
    assert answer.json() == {"url": "http://127.0.0.1:9/hook", "secret_set": True}
