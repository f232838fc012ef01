"""The shared list poll: one stream per connection and interval, one event per session newly
submitted, for every watcher. Driven by hand: no timer in these tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from idv_provider.events.model import EventSource, SessionEvent
from idv_provider.events.trigger import SubmittedSessionsTrigger
from idv_provider.models import SessionState, VerificationSession


def listed(*ids: str) -> list[dict[str, Any]]:
    return [
        SessionEvent.of(
            VerificationSession(i, "beltic", SessionState.SUBMITTED, "submitted"), EventSource.POLL
        ).to_extra("api-key")
        for i in ids
    ]


async def stream(*polls: list[dict[str, Any]]) -> AsyncIterator[list[dict[str, Any]]]:
    for poll in polls:
        yield poll


async def fired(trigger: SubmittedSessionsTrigger, *polls: list[dict[str, Any]]) -> list[list[str]]:
    """The sessions each fired event names (one event a poll with news)."""
    return [
        [s["session_id"] for s in e.payload["sessions"]]
        async for e in trigger.filter_shared_stream(stream(*polls))
    ]


def test_watchers_of_one_connection_and_interval_share_one_poll():
    a = SubmittedSessionsTrigger(conn_id="beltic", poll_interval=60)
    b = SubmittedSessionsTrigger(conn_id="beltic", poll_interval=60)
    assert a.shared_stream_key() == b.shared_stream_key()
    assert a.shared_stream_key() != SubmittedSessionsTrigger(conn_id="other").shared_stream_key()
    assert (
        a.shared_stream_key()
        != SubmittedSessionsTrigger(conn_id="beltic", poll_interval=5).shared_stream_key()
    )


@pytest.mark.asyncio
async def test_each_session_fires_once_while_it_waits_and_again_if_it_comes_back():
    trigger = SubmittedSessionsTrigger(conn_id="beltic")
    polls = [listed("s1", "s2"), listed("s1", "s2", "s3"), listed("s3"), listed("s1", "s3")]
    assert await fired(trigger, *polls) == [["s1", "s2"], ["s3"], ["s1"]]


@pytest.mark.asyncio
async def test_every_watcher_fires_for_the_same_session():
    polls = [listed("s1"), listed("s1")]
    one, two = SubmittedSessionsTrigger(), SubmittedSessionsTrigger()
    assert await fired(one, *polls) == await fired(two, *polls) == [["s1"]]


def test_a_poll_interval_must_be_positive():
    with pytest.raises(ValueError, match="poll_interval"):
        SubmittedSessionsTrigger(poll_interval=0)
