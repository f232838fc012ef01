"""The sandbox's webhook outbox, driven with an explicit clock: retries with backoff on
anything but a 2xx, a fresh signature each attempt, given up after the last retry."""

from __future__ import annotations

import httpx

from idv_sandbox.webhooks import WebhookOutbox, http_post


class Receiver:
    """Answers each POST with the next of ``answers`` (an exception: no answer at all)."""

    def __init__(self, *answers: int | Exception) -> None:
        self.answers = list(answers)
        self.bodies: list[bytes] = []

    def __call__(self, url: str, body: bytes, headers: dict[str, str]) -> int:
        self.bodies.append(body)
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


def render(now: float) -> tuple[bytes, dict[str, str]]:
    return f'{{"timestamp": {int(now)}}}'.encode(), {"X-Timestamp": str(int(now))}


def outbox(receiver: Receiver) -> WebhookOutbox:
    box = WebhookOutbox((1.0, 2.0, 4.0), post=receiver, clock=lambda: 1000.0)
    box.enqueue("evt-1", "http://receiver.test/hook", render, {"session_id": "s1"})
    return box


def test_a_2xx_delivers_at_once():
    receiver = Receiver(200)
    box = outbox(receiver)
    assert box.deliver_due(1000.0) == 1
    (report,) = box.report()
    assert report["delivered"] and report["attempts"] == [{"at": 1000.0, "status": 200}]
    assert box.next_due() is None


def test_a_receiver_that_is_down_or_refuses_gets_the_delivery_again_after_the_backoff():
    receiver = Receiver(httpx.ConnectError("refused"), 503, 401, 204)
    box = outbox(receiver)
    box.deliver_due(1000.0)
    assert box.next_due() == 1001.0
    assert box.deliver_due(1000.9) == 0  # not due yet
    box.deliver_due(1001.0)
    assert box.next_due() == 1003.0
    box.deliver_due(1003.0)
    box.deliver_due(1007.0)
    (report,) = box.report()
    assert [a["status"] for a in report["attempts"]] == ["ConnectError", 503, 401, 204]
    assert report["delivered"] and not report["gave_up"]
    # each attempt signed afresh: a retry after an outage is still fresh at the receiver
    assert receiver.bodies[0] != receiver.bodies[-1]
    assert receiver.bodies[-1] == b'{"timestamp": 1007}'


def test_after_the_last_retry_the_delivery_is_given_up():
    box = outbox(Receiver(500, 500, 500, 500))
    for now in (1000.0, 1001.0, 1003.0, 1007.0):
        box.deliver_due(now)
    (report,) = box.report()
    assert report["gave_up"] and not report["delivered"] and len(report["attempts"]) == 4
    assert box.deliver_due(10_000.0) == 0


def test_a_destination_that_never_parses_fails_its_attempts_and_the_rest_go_out():
    """With the real HTTP POST: an unparsable URL (``http://[::1``) is one failed attempt,
    never the end of the delivery thread; a good destination after it is still served."""
    box = WebhookOutbox((1.0,), clock=lambda: 1000.0)
    box.enqueue("evt-bad", "http://[::1", render, {"session_id": "s1"})
    box.enqueue("evt-ok", "http://receiver.test/hook", render, {"session_id": "s2"})
    box.post = lambda url, body, headers: (  # type: ignore[method-assign]
        http_post(url, body, headers) if "[" in url else 200  # the bad URL: the real POST
    )
    assert box.deliver_due(1000.0) == 2
    bad, ok = box.report()
    assert bad["attempts"][0]["status"] == "InvalidURL" and not bad["delivered"]
    assert ok["delivered"]
    box.deliver_due(1001.0)  # the retry fails the same way; then it is given up
    assert box.report()[0]["gave_up"]
