"""When a wait for the applicant's submission is over: shared by the sensors and their
triggers, so that every mode behaves the same."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from idv_provider.models import SessionState, VerificationSession


class WaitOutcome(StrEnum):
    DONE = "done"
    WAIT = "wait"
    FAILED = "failed"


def submission_outcome(
    session: VerificationSession, *, accept_decided: bool = False
) -> tuple[WaitOutcome, str]:
    """Whether a wait for the applicant's submission is over, and how; shared by the sensor
    and its trigger so both modes behave the same."""
    state = session.state
    where = (
        f"Session {session.id} is {state.value} ({session.vendor} status {session.vendor_status})"
    )
    if state is SessionState.SUBMITTED:
        return WaitOutcome.DONE, f"{where}: the applicant has submitted."
    if session.flow_completed and state not in (SessionState.PENDING, SessionState.IN_PROGRESS):
        return WaitOutcome.DONE, f"{where}: the applicant finished the hosted flow."
    if state.is_decided and accept_decided:
        return WaitOutcome.DONE, f"{where}: already decided."
    if state.is_decided:
        return WaitOutcome.FAILED, (
            f"{where}: it was decided before the applicant's submission was seen. "
            "Pass accept_decided=True to accept decided sessions."
        )
    if state is SessionState.EXPIRED:
        return WaitOutcome.FAILED, f"{where}: the applicant did not finish in time."
    if state is SessionState.FAILED:
        return WaitOutcome.FAILED, f"{where}: the vendor could not complete its checks."
    if state is SessionState.UNKNOWN:
        return WaitOutcome.WAIT, f"{where}: status not known to this provider version; waiting."
    return WaitOutcome.WAIT, f"{where}: waiting for the applicant."


@dataclass
class BatchProgress:
    """Where a wait for many sessions stands: which are submitted, which ended without a
    submission (with the reason), which are still waited on. Ids only: no PII."""

    submitted: list[str] = field(default_factory=list)
    ended: dict[str, str] = field(default_factory=dict)
    waiting: list[str] = field(default_factory=list)
    #: how each ended session ended: id → its status (``deleted``: the vendor lost it)
    endings: dict[str, str] = field(default_factory=dict)

    def record(self, sessions: Iterable[VerificationSession], *, accept_decided: bool) -> None:
        """Sort freshly read sessions into the three groups (replacing ``waiting``)."""
        self.waiting = []
        for session in sessions:
            outcome, message = submission_outcome(session, accept_decided=accept_decided)
            if outcome is WaitOutcome.DONE:
                self.submitted.append(session.id)
            elif outcome is WaitOutcome.FAILED:
                self.ended[session.id] = message
                self.endings[session.id] = session.state.value
            else:
                self.waiting.append(session.id)

    def record_deleted(self, session_ids: Iterable[str]) -> None:
        """Sessions the vendor no longer knows: ended, deleted (no longer waited on)."""
        for session_id in session_ids:
            if session_id in self.waiting:
                self.waiting.remove(session_id)
            self.ended[session_id] = (
                f"Session {session_id} is deleted: the vendor no longer has it."
            )
            self.endings[session_id] = "deleted"

    def to_xcom(self) -> dict[str, Any]:
        return {
            "submitted": self.submitted,
            "ended": self.ended,
            "endings": self.endings,
            "waiting": self.waiting,
        }

    def describe(self, *, list_waiting: int = 0) -> str:
        """A one-line count; with ``list_waiting``, the first that many waiting ids too."""
        text = (
            f"{len(self.submitted)} submitted, {len(self.ended)} ended without a submission, "
            f"{len(self.waiting)} still waiting"
        )
        if list_waiting and self.waiting:
            shown = ", ".join(self.waiting[:list_waiting])
            text += f" ({shown}{', …' if len(self.waiting) > list_waiting else ''})"
        return text
