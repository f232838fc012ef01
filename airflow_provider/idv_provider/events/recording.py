"""Record a session event as an asset event, once, from the API server's process.

The plugin runs inside Airflow's API server, which owns the metadata database: recording goes
through Airflow's asset manager, as its own REST endpoint does, so the scheduler queues the
DAGs scheduled on the asset. Deliveries are deduplicated in the same transaction, under a row
lock on the asset: a vendor's event id is accepted once, and one session reaching one status is
news once, whichever way (webhook, landing, poll) it arrives.

Airflow 3.3 creates an asset-triggered run with the events up to the time its queue entry was
made, and does not queue again while the entry is pending (apache/airflow#56050): an event
recorded between the two would wait for the next event. Recording moves a pending entry's
time up to the new event's, as later Airflow versions do, so the coming run takes both.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import case, func, select, update

from idv_provider.events.model import SessionEvent, asset_name

#: How far back a delivery id is looked for: a delivery is refused as stale once its signed
#: time is 300 s old, so its replay can only be accepted within minutes.
REPLAY_WINDOW = timedelta(hours=1)
#: How far back "this session reached this status already" is looked for: one asset event a
#: session and status in that time. Older news coming back costs one run that reads the
#: session and decides nothing new (decisions rest on a fresh read).
NEWS_WINDOW = timedelta(days=7)


def _extra_field(name: str, dialect: str) -> Any:
    """``extra ->> name``, that also reads a row whose extra is not valid JSON (on SQLite a
    REST user's ``{"a": NaN}`` would make ``json_extract`` fail the whole query) as NULL."""
    from airflow.models.asset import AssetEvent

    value = AssetEvent.extra[name].as_string()
    if dialect != "sqlite":
        return value  # PostgreSQL and MySQL store only valid JSON
    return case((func.json_valid(AssetEvent.extra) == 1, value), else_=None)


class Recorded(StrEnum):
    RECORDED = "recorded"
    DUPLICATE = "duplicate"  # the same session and status was recorded already
    REPLAYED = "replayed"  # this delivery's event id was accepted already
    NO_CONSUMER = "no_consumer"  # no DAG declares the connection's asset


def record_session_event(
    conn_id: str, event: SessionEvent, key: str, *, delivery_id: str | None = None
) -> Recorded:
    """Record ``event`` on the connection's asset, signed with ``key`` (the connection's API
    key), unless it is already known."""
    from airflow.assets.manager import asset_manager
    from airflow.models.asset import AssetActive, AssetDagRunQueue, AssetEvent, AssetModel
    from airflow.utils.session import create_session

    with create_session() as session:
        dialect = session.get_bind().dialect.name
        now = datetime.now(UTC)
        asset = session.scalar(
            select(AssetModel)
            .join(AssetActive, AssetActive.name == AssetModel.name)
            .where(AssetModel.name == asset_name(conn_id))
            .with_for_update(of=AssetModel)  # one delivery at a time per asset
        )
        if asset is None:
            return Recorded.NO_CONSUMER
        # each look-up reads the asset's events of a bounded time (the (asset_id, timestamp)
        # index), never its whole history
        earlier = select(AssetEvent.id).where(AssetEvent.asset_id == asset.id).limit(1)
        recent = earlier.where(AssetEvent.timestamp >= now - NEWS_WINDOW)
        if delivery_id is not None and session.scalar(
            earlier.where(
                AssetEvent.timestamp >= now - REPLAY_WINDOW,
                _extra_field("delivery_id", dialect) == delivery_id,
            )
        ):
            return Recorded.REPLAYED
        if session.scalar(recent.where(_extra_field("event_key", dialect) == event.key)):
            return Recorded.DUPLICATE
        if event.state.is_decided and session.scalar(
            recent.where(_extra_field("session_id", dialect) == event.session_id)
        ):
            # decided after an earlier event: the deciding DAG's own decision (or a
            # reviewer's) coming back, not news; a vendor deciding at the end of the flow is
            return Recorded.DUPLICATE
        extra = event.to_extra(key)
        if delivery_id is not None:
            extra["delivery_id"] = delivery_id
        recorded = asset_manager.register_asset_change(
            asset=asset.to_serialized(), extra=extra, session=session
        )
        if recorded is not None:
            at = recorded.timestamp
            session.execute(  # waits while the scheduler turns a pending entry into a run
                update(AssetDagRunQueue)
                .where(AssetDagRunQueue.asset_id == asset.id, AssetDagRunQueue.created_at < at)
                .values(created_at=at)
            )
        return Recorded.RECORDED


def session_recorded(conn_id: str, session_id: str) -> bool:
    """Whether an event of this session was recorded lately (:data:`NEWS_WINDOW`): the landing
    page asks before it spends an API call (a reload, or a forged link to a known session,
    costs none)."""
    from airflow.models.asset import AssetEvent, AssetModel
    from airflow.utils.session import create_session

    with create_session() as session:
        dialect = session.get_bind().dialect.name
        found = session.scalar(
            select(AssetEvent.id)
            .join(AssetModel, AssetModel.id == AssetEvent.asset_id)
            .where(
                AssetModel.name == asset_name(conn_id),
                AssetEvent.timestamp >= datetime.now(UTC) - NEWS_WINDOW,
                _extra_field("session_id", dialect) == session_id,
            )
            .limit(1)
        )
        return found is not None
