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

from enum import StrEnum

from sqlalchemy import select, update

from idv_provider.events.model import SessionEvent, asset_name


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
        asset = session.scalar(
            select(AssetModel)
            .join(AssetActive, AssetActive.name == AssetModel.name)
            .where(AssetModel.name == asset_name(conn_id))
            .with_for_update(of=AssetModel)  # one delivery at a time per asset
        )
        if asset is None:
            return Recorded.NO_CONSUMER
        earlier = select(AssetEvent.id).where(AssetEvent.asset_id == asset.id).limit(1)
        if delivery_id is not None and session.scalar(
            earlier.where(AssetEvent.extra["delivery_id"].as_string() == delivery_id)
        ):
            return Recorded.REPLAYED
        if session.scalar(earlier.where(AssetEvent.extra["event_key"].as_string() == event.key)):
            return Recorded.DUPLICATE
        if event.state.is_decided and session.scalar(
            earlier.where(AssetEvent.extra["session_id"].as_string() == event.session_id)
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
    """Whether any event of this session is recorded: the landing page asks before it spends
    an API call (a reload, or a forged link to a known session, costs none)."""
    from airflow.models.asset import AssetEvent, AssetModel
    from airflow.utils.session import create_session

    with create_session() as session:
        found = session.scalar(
            select(AssetEvent.id)
            .join(AssetModel, AssetModel.id == AssetEvent.asset_id)
            .where(
                AssetModel.name == asset_name(conn_id),
                AssetEvent.extra["session_id"].as_string() == session_id,
            )
            .limit(1)
        )
        return found is not None
