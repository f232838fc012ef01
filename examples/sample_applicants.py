"""Made-up applicants for the demo and the tests, kept where an application would keep them: a
table in its database (here SQLite). The example DAGs read them through the Airflow connection
``idv_applicants``; no DAG file holds applicant data.

The sandbox's auto mode reads the ``+tag`` of an applicant's email to pick how their hosted flow
ends, so these applicants end differently on purpose.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path
from typing import Any

#: the columns of the example's ``applicants`` table, in order
COLUMNS = ("reference", "first_name", "last_name", "email", "phone", "locale")
APPLICANTS_DDL = (
    "CREATE TABLE IF NOT EXISTS applicants (reference VARCHAR(200) PRIMARY KEY, "
    "first_name TEXT, last_name TEXT, email TEXT, phone TEXT, locale TEXT)"
)
SAMPLE_APPLICANTS: list[dict[str, Any]] = [
    {
        "reference": "applicant-001",
        "first_name": "Ada",
        "last_name": "Lovelace",
        "email": "ada@example.com",
        "phone": "+15550100001",
        "locale": "en-GB",
    },
    {
        "reference": "applicant-002",
        "first_name": "Alan",
        "last_name": "Turing",
        "email": "alan+face_mismatch@example.com",
        "phone": "+15550100002",
        "locale": "fr-CA",
    },
    {
        "reference": "applicant-003",
        "first_name": "Grace",
        "last_name": "Hopper",
        "email": "grace+expired_document@example.com",
        "phone": "+15550100003",
        "locale": "es",
    },
]


def many_applicants(count: int, start: int = 1) -> list[dict[str, Any]]:
    """``count`` made-up applicants (``bulk-000001``, ...), for volume runs."""
    return [
        {
            "reference": f"bulk-{n:06d}",
            "first_name": "Bulk",
            "last_name": f"Applicant {n}",
            "email": f"bulk{n:06d}@example.com",
            "phone": f"+1555{n:07d}",
            "locale": "en",
        }
        for n in range(start, start + count)
    ]


def create_applicants_db(path: Path, applicants: Sequence[dict[str, Any]]) -> None:
    """A SQLite database with an ``applicants`` table holding ``applicants``."""
    with closing(sqlite3.connect(path)) as db:
        db.execute(APPLICANTS_DDL)
        db.executemany(
            f"INSERT OR REPLACE INTO applicants ({', '.join(COLUMNS)}) "  # noqa: S608
            f"VALUES ({', '.join('?' * len(COLUMNS))})",
            [tuple(a.get(c) for c in COLUMNS) for a in applicants],
        )
        db.commit()


def sqlite_connection_json(path: Path) -> str:
    """The Airflow connection (``AIRFLOW_CONN_IDV_APPLICANTS``) to that database."""
    return json.dumps({"conn_type": "sqlite", "host": str(path)})
