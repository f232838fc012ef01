"""The README's Python snippets run as written (each DAG snippet defines a DAG that parses)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from airflow.sdk import DAG

README_PATH = Path(__file__).resolve().parents[2] / "README.md"
README = README_PATH.read_text()
SNIPPETS = re.findall(r"```python\n(.*?)```", README, flags=re.DOTALL)


def test_the_readme_has_snippets():
    assert len(SNIPPETS) >= 4


@pytest.mark.parametrize("code", SNIPPETS, ids=[f"snippet-{i}" for i in range(len(SNIPPETS))])
def test_snippet_runs(code, deepidv_conn):
    # like a DAG file of its own, next to the README
    namespace: dict[str, object] = {"__name__": "readme_snippet", "__file__": str(README_PATH)}
    exec(compile(code, "README.md", "exec"), namespace)  # noqa: S102 - our own README
    if "with DAG(" in code:
        dag = namespace["dag"]
        assert isinstance(dag, DAG)
        assert dag.task_dict, f"DAG {dag.dag_id} has no tasks"
