"""The Python snippets of the README and the docs run as written (each DAG snippet defines a
DAG that parses), and the docs' relative links lead somewhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from airflow.sdk import DAG

REPO = Path(__file__).resolve().parents[2]
PAGES = [REPO / "README.md", *sorted((REPO / "docs").rglob("*.md"))]
SNIPPETS = [
    (page, code)
    for page in PAGES
    for code in re.findall(r"```python\n(.*?)```", page.read_text(), flags=re.DOTALL)
]


def test_the_docs_have_snippets():
    assert len(SNIPPETS) >= 8
    assert {page.name for page, _ in SNIPPETS} >= {"README.md", "operators.md", "invites.md"}


@pytest.mark.parametrize(
    ("page", "code"),
    SNIPPETS,
    ids=[f"{page.relative_to(REPO)}-{i}" for i, (page, _) in enumerate(SNIPPETS)],
)
def test_snippet_runs(page, code, deepidv_conn):
    # like a DAG file of its own, next to the page
    namespace: dict[str, object] = {"__name__": "docs_snippet", "__file__": str(page)}
    exec(compile(code, str(page.relative_to(REPO)), "exec"), namespace)  # noqa: S102 - our docs
    if "with DAG(" in code:
        dag = namespace["dag"]
        assert isinstance(dag, DAG)
        assert dag.task_dict, f"DAG {dag.dag_id} has no tasks"


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(REPO)) for p in PAGES])
def test_relative_links_lead_somewhere(page):
    for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", page.read_text()):
        assert (page.parent / target).exists(), f"{page.name} links to {target}"
