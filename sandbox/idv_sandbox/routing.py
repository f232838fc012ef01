"""What a vendor's routes get from the app: the shared store, settings and faults, and one
:class:`VendorApi` that runs each request behind the checks every API shares."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import Request
from starlette.responses import Response

from idv_sandbox.config import SandboxConfig
from idv_sandbox.contract import Contract
from idv_sandbox.faults import FaultState
from idv_sandbox.gate import Dialect, Gate, Handler
from idv_sandbox.store import SandboxStore
from idv_sandbox.webhooks import WebhookOutbox


@dataclass(frozen=True)
class SandboxParts:
    """The pieces of one sandbox app every vendor's stand-in shares."""

    store: SandboxStore
    config: SandboxConfig
    gate: Gate
    faults: FaultState
    outbox: WebhookOutbox


@dataclass(frozen=True)
class VendorApi:
    """One vendor's API in the app: its spec (the contract) and its error dialect."""

    parts: SandboxParts
    contract: Contract
    dialect: Dialect

    async def call(self, request: Request, path: str, handler: Handler) -> Response:
        """Answer ``request`` (the spec's ``path``) with ``handler(api_key)``, behind the key,
        rate-limit, fault and contract checks."""
        return await self.parts.gate.call(
            request, path, handler, contract=self.contract, dialect=self.dialect
        )

    async def created(
        self, status: int, body: Any, session_id: str | None = None
    ) -> tuple[int, Any] | Response:
        """The answer to a create once the object is committed, or the fault set for it (a
        dropped connection, a late answer). A session whose answer was lost is noted: its
        link reached nobody, so auto mode leaves it until a client is handed it."""
        answer = await self.parts.faults.answer_after_create(status, body)
        if session_id is not None:
            self.parts.store.note_delivery(session_id, answer)
        return answer
