"""Periodic review: decide every submitted session by a policy, page by page, and report."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from airflow.sdk import BaseOperator, Context

from idv_provider import metrics
from idv_provider.applicants import OutcomeTable
from idv_provider.deciding import DELETED, ENDINGS, TARGET_STATE
from idv_provider.exceptions import ConflictError, InvalidRequestError, NotFoundError
from idv_provider.hooks import DEFAULT_CONN_ID, IdvHook, get_idv_hook
from idv_provider.idempotency import idempotency_key
from idv_provider.mailer import build_email, message_id, send_email, sender_address
from idv_provider.models import Decision, SessionState, VerificationSession
from idv_provider.policy import Policy, PolicyResult, ThresholdPolicy
from idv_provider.retry import IDV_RETRY_POLICY
from idv_provider.review_report import ReviewSummary

#: task_state_store key of the review's running summary, so a retry continues it
REVIEW_STATE_KEY = "idv_review_summary"
#: a state a person (or the vendor's workflow) put a session in at the vendor → its decision
#: (voided is an ending: reconciled before this is asked)
DECIDED_AT_VENDOR = {state: decision for decision, state in TARGET_STATE.items()}


class ReviewSessionsOperator(BaseOperator):
    """Decide every session the applicants have submitted, by ``policy``, and report.

    Sessions are read from the vendor's list, filtered on submitted, a page at a time, and
    decided from the analysis in the listing (one write per decision; a session listed without
    its analysis is read once more). Memory stays at one page however many sessions wait.
    Sessions the policy sends to manual review stay submitted and are reported with their
    reasons; a session decided by someone else meanwhile is skipped and reported. The report
    charts the funnel (created, when ``outcomes`` says; submitted; approved, rejected, left
    for a person) and the reasons for rejection and manual review.

    :param policy: a callable ``VerificationSession -> PolicyResult`` (default
        :class:`~idv_provider.policy.ThresholdPolicy`).
    :param page_size: sessions per list call (at most the vendor's maximum).
    :param max_sessions: review at most this many per run (the rest wait for the next run).
    :param report_path: write the Markdown report there (templated, e.g. with ``{{ ts_nodash }}``).
    :param report_to: also email the report (Markdown and HTML) to these addresses, through
        ``smtp_conn_id``; ``from_email`` defaults to the connection's ``from_email`` extra.
    :param outcomes: write each decision (and each session left for a person) back to the
        application's table (:class:`~idv_provider.applicants.OutcomeTable`), by the
        applicant's reference, for the sessions that table knows; after each page. Then the
        rows that still say a session is open are read from the vendor (up to
        ``reconcile_limit``, least recently updated first): sessions that ended meanwhile
        (voided, expired, failed, deleted) or were decided at the vendor are written back.
    :param reconcile_limit: at most this many open rows read per run (0: none).

    Returns the summary: ``{"counts", "manual_review" (first 100, with reasons),
    "manual_review_total", "skipped", "report_path"}``: session ids and reasons, no PII.
    """

    template_fields: Sequence[str] = ("conn_id", "report_path", "report_to")
    ui_color = "#eef8ee"

    def __init__(
        self,
        *,
        policy: Policy | None = None,
        conn_id: str = DEFAULT_CONN_ID,
        page_size: int = 100,
        max_sessions: int | None = None,
        report_path: str | None = None,
        report_to: str | Sequence[str] | None = None,
        smtp_conn_id: str = "smtp_default",
        from_email: str | None = None,
        outcomes: OutcomeTable | None = None,
        reconcile_limit: int = 500,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("retry_policy", IDV_RETRY_POLICY)
        super().__init__(**kwargs)
        if not isinstance(page_size, int) or page_size < 1:
            raise InvalidRequestError("page_size must be a positive integer")
        if max_sessions is not None and (not isinstance(max_sessions, int) or max_sessions < 1):
            raise InvalidRequestError("max_sessions must be a positive integer when given")
        self.policy = policy or ThresholdPolicy()
        self.conn_id = conn_id
        self.page_size = page_size
        self.max_sessions = max_sessions
        self.report_path = report_path
        self.report_to = report_to
        self.smtp_conn_id = smtp_conn_id
        self.from_email = from_email
        self.outcomes = outcomes
        if not isinstance(reconcile_limit, int) or reconcile_limit < 0:
            raise InvalidRequestError("reconcile_limit must be a whole number, 0 or more")
        self.reconcile_limit = reconcile_limit

    def execute(self, context: Context) -> dict[str, Any]:
        hook = get_idv_hook(self.conn_id)
        store = context.get("task_state_store")
        summary = ReviewSummary.from_state(store.get(REVIEW_STATE_KEY) if store else None)
        started = datetime.now(UTC)
        try:
            pages = hook.drain_sessions(
                SessionState.SUBMITTED,
                page_size=self.page_size,
                still_listed=summary.manual_review.__contains__,
                budget=self.max_sessions,
            )
            for page in pages:
                results = [self._review(hook, session, summary) for session in page]
                self._write_back([r for r in results if r is not None])
                if store is not None:
                    store.set(REVIEW_STATE_KEY, summary.to_state())
                self.log.info("Reviewed %d sessions so far: %s", summary.reviewed, summary.counts())
        finally:  # a failed try still hands its decisions to the next one
            if store is not None:
                store.set(REVIEW_STATE_KEY, summary.to_state())
        report = {
            "created": self.outcomes.sessions_created() if self.outcomes else None,
            "dag_id": context["ti"].dag_id,
            "run_id": context["ti"].run_id,
            "vendor": hook.vendor,
            "started": started.isoformat(timespec="seconds"),
            "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        path = self._write_report(summary, report)
        if self.report_to:
            self._email_report(summary, report, idempotency_key(context))
        return {**summary.to_xcom(path), "reconciled": self._reconcile(hook)}

    def _reconcile(self, hook: IdvHook) -> dict[str, int]:
        """Write back what became of the sessions the outcomes table still holds as open;
        how many of each ending (or vendor-side decision) were written."""
        if self.outcomes is None or not self.reconcile_limit:
            return {}
        open_ids = self.outcomes.open_sessions(self.reconcile_limit)
        found = hook.find_sessions(open_ids, missing_ok=True)
        endings = [
            (sid, hook.vendor, DELETED, "deleted at the vendor")
            for sid in open_ids
            if sid not in found
        ]
        decided = []
        for session in found.values():
            if session.state in ENDINGS:
                reason = f"ended at the vendor ({session.vendor_status})"
                endings.append((session.id, hook.vendor, session.state.value, reason))
            elif session.state in DECIDED_AT_VENDOR:
                decision = DECIDED_AT_VENDOR[session.state].value
                decided.append(
                    (session, decision, [f"decided at the vendor ({session.vendor_status})"])
                )
        self.outcomes.record_states(endings)
        self.outcomes.record_decisions(decided)
        counts: dict[str, int] = {}
        for _, _, status, _ in endings:
            counts[status] = counts.get(status, 0) + 1
        for session, _, _ in decided:
            counts[session.state.value] = counts.get(session.state.value, 0) + 1
        self.log.info("Reconciled %d open outcome rows: %s", len(open_ids), counts or "no change")
        return counts

    def _review(
        self, hook: IdvHook, session: VerificationSession, summary: ReviewSummary
    ) -> tuple[VerificationSession, PolicyResult] | None:
        """Decide one session; the session afterwards and why (``None``: skipped)."""
        if session.analysis is None:  # a vendor whose listing leaves the analysis out
            session = hook.get_session(session.id)
        result = self.policy(session)
        if result.decision is Decision.MANUAL_REVIEW:
            summary.manual_review[session.id] = {
                "reasons": result.reasons,
                "console_url": hook.console_url(session.id),
            }
            metrics.session_decided(hook.vendor, result.decision.value)
            return session, result
        try:
            decided = hook.decide(
                session.id, result.decision, comment="; ".join(result.reasons), current=session
            )
        except (ConflictError, NotFoundError) as exc:
            summary.skipped[session.id] = str(exc)
            return None
        summary.manual_review.pop(session.id, None)
        summary.record_decision(result.decision)
        metrics.session_decided(hook.vendor, result.decision.value)
        summary.record_reasons(result.decision, result.reasons)
        return decided, result

    def _write_back(self, reviewed: list[tuple[VerificationSession, PolicyResult]]) -> None:
        if self.outcomes is not None and reviewed:
            written = self.outcomes.record_decisions(
                (session, result.decision.value, result.reasons) for session, result in reviewed
            )
            self.log.info("Wrote %d outcomes back to %s", written, self.outcomes.table)

    def _write_report(self, summary: ReviewSummary, report: dict[str, Any]) -> str | None:
        if not self.report_path:
            return None
        path = Path(self.report_path)
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, suffix=".tmp") as f:
            f.write(summary.render("md", **report))
        os.replace(f.name, path)  # readers never see half a report
        self.log.info("Review report written to %s", path)
        return str(path)

    def _email_report(self, summary: ReviewSummary, report: dict[str, Any], key: str) -> None:
        sender = sender_address(self.smtp_conn_id, self.from_email, "from_email")
        to = [self.report_to] if isinstance(self.report_to, str) else list(self.report_to or [])
        counts = ", ".join(f"{n} {outcome}" for outcome, n in summary.counts().items())
        message = build_email(
            subject=f"Verification review {report['run_id']}: {counts}",
            text=summary.render("md", **report),
            html=summary.render("html", **report),
            to=", ".join(to),
            sender=sender,
            message_id=message_id(key, "review", sender),
            language="en",
        )
        send_email(self.smtp_conn_id, message)
