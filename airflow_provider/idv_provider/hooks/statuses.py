"""A vendor's statuses and how they read in the neutral model: what every vendor's mapping
needs to build a :class:`~idv_provider.models.VerificationSession`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from idv_provider.models import SessionState, VerificationSession


@dataclass(frozen=True)
class VendorStatuses:
    vendor: str
    #: the vendor's status → the normalized state (a status not listed reads as UNKNOWN)
    states: Mapping[str, SessionState]
    #: statuses reached only once the applicant has been through the hosted flow
    flow_completed: frozenset[str] = frozenset()

    def session(self, session_id: str, status: Any, **fields: Any) -> VerificationSession:
        """The neutral session for a record in ``status``; ``fields`` are the rest of it."""
        status = str(status)
        return VerificationSession(
            id=session_id,
            vendor=self.vendor,
            state=self.states.get(status, SessionState.UNKNOWN),
            vendor_status=status,
            flow_completed=status in self.flow_completed,
            **fields,
        )
