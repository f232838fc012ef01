"""Paging through a vendor's session list behind one opaque next-page token.

A vendor that pages by offset (deepidv, Didit) gets :class:`OffsetPage`, whose token is the
offset of the next page; a vendor that pages by cursor writes its own :class:`PageWalk`
(Beltic's walks several statuses, cursor by cursor). Callers only pass tokens back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol

from idv_provider.exceptions import InvalidRequestError
from idv_provider.hooks.transport import Call
from idv_provider.models import SessionPage, VerificationSession


def offset_token(offset: int) -> str:
    return str(offset)


def token_offset(token: str | None) -> int:
    """The offset an offset-paging vendor's token stands for (``None``: the first page)."""
    if token is None:
        return 0
    if not token.isdigit():
        raise InvalidRequestError("page_token is not one this vendor's list handed out")
    return int(token)


class PageWalk(Protocol):
    """The calls one page of a vendor's list takes: the hook makes each call (sync or
    async) and hands the answer back, until :meth:`next_call` says the page is complete."""

    def next_call(self) -> Call[Any] | None: ...

    def take(self, answer: Any) -> None: ...

    def result(self) -> tuple[Sequence[Any], int | None, str | None]:
        """The page's session records, the total (if the vendor says), the next token."""
        ...


class OffsetPage:
    """A page that is one call at an offset; ``read`` gives the answer's records, total
    and whether more follow (``None``: a full page means there may be more)."""

    def __init__(
        self,
        call: Call[Any],
        *,
        offset: int,
        limit: int,
        read: Callable[[Any], tuple[Sequence[Any], int | None, bool | None]],
    ) -> None:
        self.call: Call[Any] | None = call
        self.offset, self.limit, self.read = offset, limit, read
        self.records: Sequence[Any] = []
        self.total: int | None = None
        self.more = False

    def next_call(self) -> Call[Any] | None:
        call, self.call = self.call, None
        return call

    def take(self, answer: Any) -> None:
        self.records, self.total, more = self.read(answer)
        self.more = len(self.records) >= self.limit if more is None else more

    def result(self) -> tuple[Sequence[Any], int | None, str | None]:
        next_token = offset_token(self.offset + len(self.records))
        return self.records, self.total, next_token if self.more and self.records else None


class SessionFinder:
    """Walks the newest-first list until every wanted session has been seen.

    Sessions created meanwhile shift the list down, so a page may repeat one already seen (it
    is read again) but never skips one. The walk stops after twice the pages the wanted ids
    would fill, plus a few, so that an old or unknown id costs one GET, not the whole account.
    """

    EXTRA_PAGES = 5

    def __init__(self, session_ids: Iterable[str], page_size: int) -> None:
        self.wanted = set(session_ids)
        self.found: dict[str, VerificationSession] = {}
        self.token: str | None = None
        self.pages_left = 2 * -(-len(self.wanted) // page_size) + self.EXTRA_PAGES
        self.more = bool(self.wanted)

    def wants_page(self) -> bool:
        return self.more and self.pages_left > 0 and len(self.found) < len(self.wanted)

    def take(self, page: SessionPage) -> None:
        self.pages_left -= 1
        for session in page.sessions:
            if session.id in self.wanted:
                self.found[session.id] = session
        self.token = page.next_page_token
        self.more = page.has_more

    def unseen(self) -> list[str]:
        return sorted(self.wanted - self.found.keys())
