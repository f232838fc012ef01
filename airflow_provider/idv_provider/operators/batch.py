"""Onboarding at volume: one task creates (and invites) many applicants, read from the
application's database, concurrently under the connection's rate limit."""

from __future__ import annotations

import json
from collections.abc import Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from airflow.sdk import BaseOperator, Context

from idv_provider import metrics
from idv_provider.applicants import (
    ApplicantTable,
    CheckedRows,
    Outcome,
    OutcomeTable,
    applicant_from_row,
)
from idv_provider.exceptions import (
    AuthenticationError,
    IdvError,
    InsufficientFundsError,
    InvalidRequestError,
    InviteDeliveryError,
    TransientError,
)
from idv_provider.hooks import DEFAULT_CONN_ID, IdvHook, get_idv_hook
from idv_provider.idempotency import idempotency_key
from idv_provider.invites import (
    Invite,
    check_invite_content,
    check_invite_sender,
    deliver_invite,
    vendor_invites,
)
from idv_provider.mailer import stable_key
from idv_provider.models import Applicant, VerificationSession
from idv_provider.retry import IDV_RETRY_POLICY
from idv_provider.sealed import open_link, seal_link
from idv_provider.validation import flag, validate_reference

#: task_state_store key prefix of what an earlier try did for one applicant
STATE_PREFIX = "idv_batch:"
#: XCom key of the created sessions' ids, for ``create.output["session_ids"]``
SESSION_IDS_KEY = "session_ids"
#: errors that would fail every applicant alike: the task stops and Airflow retries (or not)
TASK_ERRORS = (TransientError, AuthenticationError, InsufficientFundsError)


def parse_references(value: Any) -> list[str] | None:
    """``references`` as given (a list, or its JSON from a template), checked."""
    if isinstance(value, str):
        try:
            value = json.loads(value) if value.strip() else None
        except ValueError:
            raise InvalidRequestError("references must be a list of applicant references") from None
    if value is None:
        return None
    if not isinstance(value, list | tuple):
        raise InvalidRequestError("references must be a list of applicant references")
    for n, reference in enumerate(value):
        validate_reference(reference, f"references[{n}]")
    return list(dict.fromkeys(value))


@dataclass
class BatchResult:
    """What one try did, by applicant reference: ids and reasons only, no PII."""

    #: reference → (session id, state)
    sessions: dict[str, tuple[str, str]] = field(default_factory=dict)
    created: int = 0
    failed: dict[str, str] = field(default_factory=dict)
    invite_failed: dict[str, str] = field(default_factory=dict)
    invites_sent: dict[str, int] = field(default_factory=dict)
    #: reference → why it was left alone (a live session or a decision already)
    already_onboarded: dict[str, str] = field(default_factory=dict)
    #: rows of the applicants table without a reference (NULL): refused, and counted here
    without_reference: int = 0

    def outcomes(self, vendor: str) -> list[Outcome]:
        now = datetime.now(UTC)
        rows = [
            Outcome(ref, sid, vendor, state, error=self.invite_failed.get(ref), updated_at=now)
            for ref, (sid, state) in self.sessions.items()
        ]
        rows += [
            Outcome(ref, None, vendor, "failed", error=reason, updated_at=now)
            for ref, reason in self.failed.items()
        ]
        return rows

    def to_xcom(self) -> dict[str, Any]:
        return {
            "session_ids": [self.sessions[ref][0] for ref in sorted(self.sessions)],
            "created": self.created,
            "reused": len(self.sessions) - self.created,
            "failed": self.failed,
            "invite_failed": self.invite_failed,
            "invites_sent": self.invites_sent,
            "already_onboarded": self.already_onboarded,
            "without_reference": self.without_reference,
        }


class CreateSessionsOperator(BaseOperator):
    """Create a verification session for each applicant of a table, and send the invites.

    :param applicants: where the application keeps them
        (:class:`~idv_provider.applicants.ApplicantTable`); each row's reference becomes the
        session's external id (the vendor-side key that makes a retried create safe).
    :param references: only these applicants (templated: e.g. ``"{{ dag_run.conf.get(
        'references') | tojson }}"`` when the application triggers a run per signup through
        the REST API); otherwise every row the table's ``where`` selects.
    :param outcomes: write each applicant's session (or why there is none) back there.
    :param invite: send the provider's own invite (as ``CreateSessionOperator``).
    :param max_workers: creates in flight at once; the connection's ``rate_limit`` paces them.
    :param verify_again: with ``outcomes``, onboard applicants again even when the table says
        they have a live session or a decision (templated, e.g. ``"{{ params.verify_again }}"``).

    Per applicant, nothing is done twice: a retried or resumed task reuses the sessions an
    earlier try recorded (task state store), and a create whose answer was lost is found
    again by the vendor (the same idempotency key or external id), never duplicated; invite
    channels already sent are not sent again. With ``outcomes``, an applicant who already has
    a live session or a decision there is left alone (no second session, no second invite)
    unless ``verify_again``. One applicant's bad row or refused create is reported for that
    applicant (the field named, never its value) and the others go on: a reference with
    surrounding whitespace or control characters, or one that names two rows, is refused,
    never trimmed into another applicant's key. Errors that would fail them all (rate limits
    or outages beyond the hook's retries, a bad API key, no funds) stop the task after
    recording what was done, for Airflow to retry.

    The task state store keeps ids, states and the invite channels sent; the applicant's link
    only while an invite is still to be sent, sealed with Airflow's Fernet key
    (:mod:`idv_provider.sealed`).

    Returns (and pushes under ``session_ids``) ``{"session_ids", "created", "reused",
    "failed": {reference: reason}, "invite_failed", "invites_sent", "already_onboarded":
    {reference: why}, "without_reference": n}``.
    """

    template_fields: Sequence[str] = (
        "references",
        "workflow_id",
        "redirect_url",
        "conn_id",
        "verify_again",
    )
    ui_color = "#e8f4fd"

    def __init__(
        self,
        *,
        applicants: ApplicantTable,
        references: Sequence[str] | str | None = None,
        outcomes: OutcomeTable | None = None,
        workflow_id: str | None = None,
        redirect_url: str | None = None,
        send_email_invite: bool | None = None,
        send_phone_invite: bool | None = None,
        invite: Invite | None = None,
        conn_id: str = DEFAULT_CONN_ID,
        max_workers: int = 8,
        verify_again: bool | str = False,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("retry_policy", IDV_RETRY_POLICY)
        super().__init__(**kwargs)
        if not isinstance(applicants, ApplicantTable):
            raise TypeError("applicants must be an idv_provider.applicants.ApplicantTable")
        if not isinstance(max_workers, int) or not 1 <= max_workers <= 64:
            raise InvalidRequestError("max_workers must be a whole number from 1 to 64")
        self.applicants = applicants
        self.references = references
        self.outcomes = outcomes
        self.workflow_id = workflow_id
        self.redirect_url = redirect_url
        self.send_email_invite = send_email_invite
        self.send_phone_invite = send_phone_invite
        self.invite = invite
        self.conn_id = conn_id
        self.max_workers = max_workers
        self.verify_again = verify_again

    def execute(self, context: Context) -> dict[str, Any]:
        hook = get_idv_hook(self.conn_id)
        hook.check_connection()
        email_invite, phone_invite = vendor_invites(
            self.invite, self.send_email_invite, self.send_phone_invite
        )
        wanted = parse_references(self.references)
        rows = self.applicants.read(wanted)
        if self.outcomes is not None:
            self.outcomes.create()
        result = BatchResult()
        checked = CheckedRows.of(rows)
        result.failed.update(checked.refused)
        result.without_reference = checked.without_reference
        if checked.without_reference:
            self.log.error(
                "%d row(s) of the applicants table have no reference: refused",
                checked.without_reference,
            )
        if wanted is not None:
            for ref in wanted:
                if ref not in checked.rows and ref not in checked.refused:
                    result.failed[ref] = "reference: no such applicant in the table"
        store = context.get("task_state_store")
        saved = {ref: self._saved(store, ref) for ref in checked.rows}
        self._leave_onboarded(checked, saved, result)
        ready = self._checked(checked, result)
        resumed = sum(1 for ref in ready if saved[ref].get("session_id"))
        self.log.info(
            "%d applicants: %d to create, %d from an earlier try, %d already onboarded, "
            "%d refused before any call",
            len(ready) + len(result.failed) + len(result.already_onboarded),
            len(ready) - resumed,
            resumed,
            len(result.already_onboarded),
            len(result.failed),
        )
        batch = _Batch(
            ready, saved, result, store, idempotency_key(context), email_invite, phone_invite
        )
        try:
            self._run(hook, batch)
        finally:  # what was done is recorded even when the task stops
            if self.outcomes is not None:
                self.outcomes.upsert(result.outcomes(hook.vendor))
            metrics.sessions_created(hook.vendor, result.created)
        self.log.info(
            "%d sessions (%d created now), %d applicants failed, %d invites not delivered",
            len(result.sessions),
            result.created,
            len(result.failed),
            len(result.invite_failed),
        )
        xcom = result.to_xcom()
        context["ti"].xcom_push(key=SESSION_IDS_KEY, value=xcom["session_ids"])
        return xcom

    def _leave_onboarded(
        self, checked: CheckedRows, saved: dict[str, dict[str, Any]], result: BatchResult
    ) -> None:
        """Set aside the applicants the outcomes table says are onboarded already (a session
        this task instance made itself is resumed instead)."""
        if self.outcomes is None or flag(self.verify_again, "verify_again"):
            return
        fresh = [ref for ref in checked.rows if not saved[ref].get("session_id")]
        for ref, (session_id, status) in self.outcomes.onboarded(fresh).items():
            del checked.rows[ref]
            result.already_onboarded[ref] = f"already onboarded: session {session_id} is {status}"

    def _checked(self, checked: CheckedRows, result: BatchResult) -> dict[str, Applicant]:
        """The rows that make valid applicants (and invites); the others fail, by field."""
        ready: dict[str, Applicant] = {}
        if self.invite is not None:
            check_invite_sender(self.invite)  # once: it is the same for every applicant
        for ref, row in checked.rows.items():
            try:
                applicant = applicant_from_row(row)
                if self.invite is not None:
                    check_invite_content(self.invite, applicant)
            except InvalidRequestError as exc:
                result.failed[ref] = str(exc)
                continue
            ready[ref] = applicant
        return ready

    @staticmethod
    def _saved(store: Any, ref: str) -> dict[str, Any]:
        saved = store.get(STATE_PREFIX + ref) if store is not None else None
        return dict(saved) if isinstance(saved, dict) else {}

    def _run(self, hook: IdvHook, batch: _Batch) -> None:
        """Create concurrently; as each create lands, invite and record it (in this thread:
        the task state store and the SMTP connection are used from one thread only)."""
        hook.client  # noqa: B018 - one client (and pool) for the workers, built before them
        stop: IdvError | None = None
        queue = [ref for ref in batch.ready if not batch.saved[ref].get("session_id")]
        for ref in batch.ready:
            if batch.saved[ref].get("session_id"):
                self._finish(ref, batch.saved[ref], batch, self._link(hook, batch.saved[ref]))

        def create(ref: str) -> VerificationSession:
            return hook.create_session(
                batch.ready[ref],
                workflow_id=self.workflow_id,
                redirect_url=self.redirect_url,
                send_email_invite=batch.email_invite,
                send_phone_invite=batch.phone_invite,
                idempotency_key=stable_key(batch.task_key, ref),
            )

        with ThreadPoolExecutor(self.max_workers, thread_name_prefix="idv-create") as pool:
            pending: dict[Future[VerificationSession], str] = {}
            while queue or pending:
                while queue and stop is None and len(pending) < 2 * self.max_workers:
                    ref = queue.pop(0)
                    pending[pool.submit(create, ref)] = ref
                if not pending:
                    break
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    ref = pending.pop(future)
                    try:
                        session = future.result()
                    except TASK_ERRORS as exc:
                        stop = stop or exc
                        continue
                    except IdvError as exc:
                        batch.result.failed[ref] = str(exc)
                        continue
                    batch.result.created += 1
                    record = {"session_id": session.id, "status": session.state.value}
                    self._finish(ref, record, batch, session.url)
        if stop is not None:
            raise stop

    def _link(self, hook: IdvHook, record: dict[str, Any]) -> str | None:
        """An earlier try's session link, for the invites it did not send: sealed in the task
        state store, or read from the vendor (without a Fernet key)."""
        if self.invite is None or set(self.invite.channels) <= set(record.get("invited", [])):
            return None
        return open_link(record.get("link")) or hook.get_session(str(record["session_id"])).url

    def _finish(self, ref: str, record: dict[str, Any], batch: _Batch, url: str | None) -> None:
        """Invite the applicant on the channels not sent yet; record each step. The store
        keeps the link (sealed) only while an invite is still to be sent."""
        result = batch.result
        result.sessions[ref] = (str(record["session_id"]), str(record.get("status", "pending")))
        key = STATE_PREFIX + ref
        invited = [str(c) for c in record.get("invited", [])]
        kept = {"session_id": record["session_id"], "status": record.get("status", "pending")}
        save = batch.store.set if batch.store is not None else (lambda _k, _v: None)
        if self.invite is None or set(self.invite.channels) <= set(invited):
            save(key, {**kept, "invited": invited})
            return
        save(key, {**kept, "invited": invited, "link": seal_link(url)})
        if not url:
            result.invite_failed[ref] = "the vendor returned no session link: no invite sent"
            return
        try:
            for channel in deliver_invite(
                self.invite,
                batch.ready[ref],
                url,
                key=stable_key(batch.task_key, ref),
                skip=invited,
            ):
                invited.append(channel)
                save(key, {**kept, "invited": invited, "link": seal_link(url)})
                result.invites_sent[channel] = result.invites_sent.get(channel, 0) + 1
        except InviteDeliveryError as exc:
            result.invite_failed[ref] = str(exc)
            return
        save(key, {**kept, "invited": invited})  # every channel out: the link is not kept


@dataclass
class _Batch:
    """One try's applicants and what it knows of them."""

    ready: dict[str, Applicant]
    saved: dict[str, dict[str, Any]]
    result: BatchResult
    store: Any
    task_key: str
    email_invite: bool
    phone_invite: bool
