"""The events plugin in the test process: Airflow's metadata database (SQLite, migrated once)
and an asset row for a connection, as parsing a DAG scheduled on it would make."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from idv_provider.events import guard
from idv_provider.events.app import create_app
from idv_provider.events.model import SessionEvent, session_events_asset
from idv_provider.events.plugin import URL_PREFIX


@pytest.fixture(autouse=True)
def landing_guard(monkeypatch: pytest.MonkeyPatch) -> guard.LandingGuard:
    """Each test's landings start with the process's bounds fresh (no budget spent, no
    unknown id remembered)."""
    fresh = guard.LandingGuard()
    monkeypatch.setattr(guard, "GUARD", fresh)
    return fresh


@pytest.fixture(scope="session")
def metadata_db() -> None:
    """This process's own Airflow home gets a migrated database (the plugin writes to it)."""
    airflow = str(Path(sys.executable).parent / "airflow")
    subprocess.run([airflow, "db", "migrate"], env=os.environ, check=True, capture_output=True)


@pytest.fixture
def consumed(metadata_db: None) -> Iterator[Callable[[str], None]]:
    """Declare a connection's session-events asset active (a DAG is scheduled on it)."""
    from airflow.models.asset import AssetActive, AssetEvent, AssetModel
    from airflow.utils.session import create_session

    names: list[str] = []

    def declare(conn_id: str) -> None:
        asset = session_events_asset(conn_id)
        with create_session() as session:
            model = AssetModel(name=asset.name, uri=asset.uri, group=asset.group)
            session.add(model)
            session.flush()
            session.add(AssetActive.for_asset(model))
        names.append(asset.name)

    yield declare
    with create_session() as session:
        for name in names:
            model = session.query(AssetModel).filter_by(name=name).one()
            session.query(AssetEvent).filter_by(asset_id=model.id).delete()
            session.query(AssetActive).filter_by(name=name).delete()
            session.delete(model)


def recorded(conn_id: str) -> list[dict[str, Any]]:
    """The extras of the events recorded on the connection's asset, oldest first."""
    from airflow.models.asset import AssetEvent, AssetModel
    from airflow.utils.session import create_session

    name = session_events_asset(conn_id).name
    with create_session() as session:
        rows = (
            session.query(AssetEvent)
            .join(AssetModel, AssetModel.id == AssetEvent.asset_id)
            .filter(AssetModel.name == name)
            .order_by(AssetEvent.id)
            .all()
        )
        return [dict(row.extra) for row in rows]


def sessions_recorded(conn_id: str, key: str) -> list[SessionEvent]:
    """The recorded events, read as the deciding task reads them (``key``: the API key)."""
    return [SessionEvent.from_extra(extra, key) for extra in recorded(conn_id)]


@pytest.fixture
def plugin_app() -> TestClient:
    """The app the plugin mounts, as the API server serves it (mounted under ``/idv``)."""
    server = FastAPI()
    server.mount(URL_PREFIX, create_app())
    return TestClient(server, base_url=f"http://airflow.test{URL_PREFIX}")
