"""Beltic's list pages by cursor (``page[after]``), one status per call: one neutral page
walks the statuses of a state one after the other. Its token is
``"<status index>:<Beltic cursor>"``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import parse_qs, urlsplit

from beltic_client.api.sessions import list_sessions
from beltic_client.models import Session, SessionList
from beltic_client.types import UNSET
from idv_provider.exceptions import InvalidRequestError
from idv_provider.hooks.transport import Call
from idv_provider.hooks.unset import present

MAX_PAGE = 100


def _cursor_after(link: Any) -> str | None:
    """The ``page[after]`` cursor of a ``links.next`` URL."""
    link = present(link)
    if not link:
        return None
    after: str | None = parse_qs(urlsplit(str(link)).query).get("page[after]", [None])[0]
    return after


class StatusWalk:
    """Collects one neutral page from Beltic's cursor pages, status after status."""

    def __init__(self, statuses: Sequence[str | None], limit: int, token: str | None) -> None:
        self.statuses, self.limit = list(statuses), limit
        self.index, self.after = 0, None
        if token is not None:
            index, sep, after = token.partition(":")
            if not sep or not index.isdigit() or int(index) > len(self.statuses):
                raise InvalidRequestError("page_token is not one Beltic's list handed out")
            self.index, self.after = int(index), after or None
        self.records: list[Session] = []
        self.done = self.index >= len(self.statuses)

    def next_call(self) -> Call[Any] | None:
        if self.done or len(self.records) >= self.limit:
            return None
        status = self.statuses[self.index]
        query = {
            "filterstatus": UNSET if status is None else status,
            "pagesize": str(min(MAX_PAGE, max(self.limit - len(self.records), 1))),
            "pageafter": UNSET if self.after is None else self.after,
        }
        return Call(list_sessions, SessionList, kwargs=query)

    def take(self, page: SessionList) -> None:
        self.records.extend(page.data)
        links = present(page.links)
        self.after = _cursor_after(links.next_ if links else None)
        if self.after is None:  # this status is exhausted: the next one, from its start
            self.index += 1
            self.done = self.index >= len(self.statuses)

    def result(self) -> tuple[Sequence[Any], int | None, str | None]:
        next_token = None if self.done else f"{self.index}:{self.after or ''}"
        return self.records, None, next_token
