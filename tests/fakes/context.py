"""A task's context as the operators see it: the task instance and its task state store."""

from __future__ import annotations

import json
from typing import Any


class FakeTaskStateStore:
    """The part of Airflow 3.3's ``task_state_store`` the operators use."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def set(self, key: str, value: Any) -> None:
        self.values[key] = json.loads(json.dumps(value))  # stored as JSON, like Airflow's


class FakeTI:
    def __init__(self, map_index: int = -1) -> None:
        self.dag_id, self.run_id, self.task_id, self.map_index = "dag", "run-1", "create", map_index
        self.try_number = 1
        self.xcom: dict[str, Any] = {}

    def xcom_push(self, key: str, value: Any) -> None:
        self.xcom[key] = value


def make_context(map_index: int = -1, store: FakeTaskStateStore | None = None) -> dict[str, Any]:
    return {"ti": FakeTI(map_index), "task_state_store": store or FakeTaskStateStore()}
