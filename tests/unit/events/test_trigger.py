"""The shared list poll: one stream per connection and interval, one event per session newly
submitted, for every watcher. Driven by hand: no timer in these tests."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any

import pytest

from idv_provider.events.model import EventSource, SessionEvent
from idv_provider.events.trigger import SubmittedSessionsTrigger, catch_up_seconds
from idv_provider.models import SessionState, VerificationSession

Listed = list[tuple[dict[str, Any], float | None]]


def listed(*ids: str, at: float | None = None) -> Listed:
    """A poll's sessions (submitted ``at``, epoch seconds; default: just now)."""
    when = time.time() if at is None else at
    return [
        (
            SessionEvent.of(
                VerificationSession(i, "beltic", SessionState.SUBMITTED, "submitted"),
                EventSource.POLL,
            ).to_extra("api-key"),
            when,
        )
        for i in ids
    ]


async def stream(*polls: Listed) -> AsyncIterator[Listed]:
    for poll in polls:
        yield poll


async def fired(trigger: SubmittedSessionsTrigger, *polls: Listed) -> list[list[str]]:
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


@pytest.mark.asyncio
async def test_a_restart_does_not_fire_the_backlog_again():
    """The first poll after a (re)start fires what was submitted lately (and what has no
    submission time), not the backlog a person has waited on for days."""
    trigger = SubmittedSessionsTrigger(conn_id="beltic", poll_interval=60)
    old = time.time() - catch_up_seconds(60) - 60
    first = listed("old-1", "old-2", at=old) + listed("fresh") + listed("untimed", at=None)
    first[-1] = (first[-1][0], None)
    polls = [first, first + listed("new")]
    assert await fired(trigger, *polls) == [["fresh", "untimed"], ["new"]]
    assert catch_up_seconds(60) == 600 and catch_up_seconds(300) == 3000


def test_a_poll_interval_must_be_positive():
    with pytest.raises(ValueError, match="poll_interval"):
        SubmittedSessionsTrigger(poll_interval=0)
