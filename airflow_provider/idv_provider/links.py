"""The UI link from a task to the session's page in the vendor's console."""

from __future__ import annotations

from typing import Any

from airflow.sdk import BaseOperatorLink, Context
from airflow.sdk.execution_time.xcom import XCom

from idv_provider.hooks import IdvHook

#: XCom key of the reviewer console URL, pushed on every try by each session task.
CONSOLE_URL_KEY = "session_console_url"


class SessionConsoleLink(BaseOperatorLink):
    """Opens the session for a reviewer; never the applicant's own (bearer) link."""

    name = "Verification session"

    def get_link(self, operator: Any, *, ti_key: Any) -> str:
        return str(XCom.get_value(key=CONSOLE_URL_KEY, ti_key=ti_key) or "")


def push_console_url(context: Context, hook: IdvHook, session_id: str) -> None:
    """Give the task's link its target (XCom is cleared on each try, so push on each). Pushed
    even when the vendor's console is unknown (empty), so the UI finds the key either way."""
    context["ti"].xcom_push(key=CONSOLE_URL_KEY, value=hook.console_url(session_id) or "")
