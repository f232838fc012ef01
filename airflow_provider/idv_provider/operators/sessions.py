"""Operators that create sessions and record decisions, for any supported vendor."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from airflow.sdk import BaseOperator, Context
from airflow.sdk.exceptions import AirflowSkipException

from idv_provider import metrics
from idv_provider.applicants import (
    ApplicantTable,
    CheckedRows,
    Outcome,
    OutcomeTable,
    applicant_from_row,
)
from idv_provider.deciding import policy_result, record_decision
from idv_provider.exceptions import InvalidRequestError
from idv_provider.hooks import DEFAULT_CONN_ID, IdvHook, get_idv_hook
from idv_provider.idempotency import idempotency_key
from idv_provider.invites import Invite, check_invite, send_invite_once, vendor_invites
from idv_provider.links import SessionConsoleLink, push_console_url
from idv_provider.masking import mask_rendered_pii
from idv_provider.models import Applicant, Decision
from idv_provider.policy import Policy, PolicyResult
from idv_provider.retry import IDV_RETRY_POLICY
from idv_provider.sealed import open_link, seal_link
from idv_provider.templating import literal_data, rendered_mapping
from idv_provider.validation import (
    flag,
    validate_applicant,
    validate_https_url,
    validate_reference,
)

#: XCom key of the created session's id, so that ``create.output["session_id"]`` works
SESSION_ID_KEY = "session_id"
#: task_state_store key of the session a try created; read back by the next try.
CREATED_SESSION_KEY = "idv_created_session"


class CreateSessionOperator(BaseOperator):
    """Create a hosted verification session for one applicant.

    :param applicant: ``first_name``, ``last_name``, ``email``, ``phone`` (E.164), and
        optionally ``external_id`` (your reference) and ``locale`` (the invite's language,
        e.g. ``fr-CA``). Map over a list of applicants with
        ``.partial(...).expand(applicant=[...])`` or an XCom (``task.output``). The values
        are data, never rendered as Jinja (see :mod:`idv_provider.templating`); they are PII:
        masked in logs and rendered fields and never returned.
    :param applicants: instead of ``applicant``: the table the application keeps them in
        (:class:`~idv_provider.applicants.ApplicantTable`), and ``reference`` (templated, e.g.
        mapped over references), the row to read when the task runs: no PII in the DAG, its
        rendered fields or XCom. The reference becomes the session's external id.
    :param outcomes: write the session back to the application's table
        (:class:`~idv_provider.applicants.OutcomeTable`), by the applicant's reference.
    :param workflow_id: the vendor workflow to run (optional).
    :param redirect_url: https:// URL the applicant returns to after the hosted flow.
    :param send_email_invite: let the vendor email the invite (default: yes, unless ``invite``
        sends the email).
    :param send_phone_invite: let the vendor text the invite (default: yes, unless ``invite``
        sends the SMS).
    :param metadata: your own data kept on the session and echoed back by the vendor (Didit).
        Not PII: it is not masked.
    :param vendor_options: the vendor's own create options the parameters above do not cover,
        e.g. for Didit ``{"expected_details": {"date_of_birth": "1990-01-31"},
        "contact_details": {"email_lang": "es"}, "callback_method": "both"}``. Each vendor
        checks them before any call and names the one it refuses.
    :param invite: send your own branded invite (:class:`~idv_provider.invites.Invite`) right
        after the session is created; its templates are checked before the create.
    :param conn_id: an Airflow connection of a supported vendor type (e.g. ``deepidv``).
    :param verify_again: with ``outcomes``, onboard the applicant even when the table says
        they have a live session or a decision already (by default the task is skipped then:
        no second session, no second invite). Templated (e.g. ``"{{ params.verify_again }}"``).
    :param return_session_url: also return the applicant's link. It is a bearer link (whoever
        holds it can act as the applicant) and XCom is readable by anyone who can read the
        DAG, so it is left out unless asked for; ``invite`` sends it without it.

    Returns (XCom) ``{"session_id", "status", "invite_channels"}`` (and ``"session_url"``
    with ``return_session_url=True``); the id is also pushed under the XCom key
    ``session_id``, so ``create.output["session_id"]`` can feed a sensor or a decision.
    The task's "Verification session" link opens the session in the vendor's console, for
    reviewers.

    Errors a retry cannot fix (invalid input, bad API key, no funds) fail the task at once;
    see :data:`idv_provider.retry.IDV_RETRY_POLICY` (pass ``retry_policy`` to change it).

    A retried task never creates a second session: the session id is kept in the task state
    store and reused, and the create carries an ``Idempotency-Key`` derived from the task
    instance, which covers a crash between the vendor's answer and that store write. The
    invite channels already sent are kept there too, so a retry does not send them again; the
    applicant's link only while an invite is still to be sent, sealed with Airflow's Fernet
    key (:mod:`idv_provider.sealed`).
    """

    template_fields: Sequence[str] = (
        "applicant",
        "reference",
        "workflow_id",
        "redirect_url",
        "send_email_invite",
        "send_phone_invite",
        "metadata",
        "vendor_options",
        "conn_id",
        "verify_again",
    )
    operator_extra_links = (SessionConsoleLink(),)
    ui_color = "#e8f4fd"

    def __init__(
        self,
        *,
        applicant: Mapping[str, Any] | None = None,
        applicants: ApplicantTable | None = None,
        reference: str | None = None,
        outcomes: OutcomeTable | None = None,
        workflow_id: str | None = None,
        redirect_url: str | None = None,
        send_email_invite: bool | None = None,
        send_phone_invite: bool | None = None,
        metadata: Mapping[str, Any] | None = None,
        vendor_options: Mapping[str, Any] | None = None,
        invite: Invite | None = None,
        conn_id: str = DEFAULT_CONN_ID,
        return_session_url: bool = False,
        verify_again: bool | str = False,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("retry_policy", IDV_RETRY_POLICY)
        super().__init__(**kwargs)
        self.return_session_url = return_session_url
        self.verify_again = verify_again
        if invite is not None and not isinstance(invite, Invite):
            raise TypeError("invite must be an idv_provider.invites.Invite")
        if (applicant is None) == (applicants is None):
            raise ValueError("Pass CreateSessionOperator either applicant or applicants")
        # Literal mappings are data: Airflow renders none of their values (templating.py).
        self.applicant = literal_data(applicant)
        self.applicants = applicants
        self.reference = reference
        self.outcomes = outcomes
        self.workflow_id = workflow_id
        self.redirect_url = redirect_url
        self.send_email_invite = send_email_invite
        self.send_phone_invite = send_phone_invite
        self.metadata = literal_data(metadata)
        self.vendor_options = literal_data(vendor_options)
        self.invite = invite
        self.conn_id = conn_id

    def _do_render_template_fields(self, parent: Any, *args: Any, **kwargs: Any) -> None:
        # The one rendering step both plain and mapped tasks go through.
        super()._do_render_template_fields(parent, *args, **kwargs)
        if parent is self:
            mask_rendered_pii(self.applicant)

    def _applicant(self) -> Applicant:
        """The applicant given, or read by reference from the application's table."""
        if self.applicants is None:
            applicant = validate_applicant(rendered_mapping(self.applicant, "applicant") or {})
        else:
            reference = validate_reference(self.reference)
            checked = CheckedRows.of(self.applicants.read([reference]))
            if reference in checked.refused:
                raise InvalidRequestError(checked.refused[reference])
            if reference not in checked.rows:
                raise InvalidRequestError("reference: no such applicant in the table")
            row = checked.rows[reference]
            mask_rendered_pii(row.values)
            applicant = applicant_from_row(row)
        if self.outcomes is not None and not applicant.external_id:
            raise InvalidRequestError(
                "applicant.external_id is required with outcomes: rows are written by it"
            )
        return applicant

    def _keeps_link(self, *, invite_pending: bool) -> bool:
        """Whether a retry needs the link: for an invite still to send, or to return it."""
        return self.return_session_url or (invite_pending and self.invite is not None)

    def _skip_if_onboarded(self, applicant: Applicant, context: Context, hook: IdvHook) -> None:
        """Skip the task when the outcomes table says the applicant is onboarded already (a
        live session or a decision): no second session, no second invite. The task's link
        opens that session."""
        if self.outcomes is None or not applicant.external_id:
            return
        if flag(self.verify_again, "verify_again"):
            return
        self.outcomes.create()
        found = self.outcomes.onboarded([applicant.external_id]).get(applicant.external_id)
        if found is not None:
            push_console_url(context, hook, found[0])
            raise AirflowSkipException(
                f"Already onboarded: session {found[0]} is {found[1]} (verify_again=True "
                "onboards the applicant again)"
            )

    def execute(self, context: Context) -> dict[str, Any]:
        # Everything that can fail is checked before the create, so that no session is left
        # half-done: the input, the invite (templates, sender, SMS length), the connection.
        applicant = self._applicant()
        metadata = rendered_mapping(self.metadata, "metadata")
        vendor_options = rendered_mapping(self.vendor_options, "vendor_options")
        redirect_url = validate_https_url(self.redirect_url, "redirect_url")
        send_email_invite, send_phone_invite = vendor_invites(
            self.invite, self.send_email_invite, self.send_phone_invite
        )
        if self.invite is not None:
            check_invite(self.invite, applicant)
        hook = get_idv_hook(self.conn_id)
        hook.check_connection()
        store = context.get("task_state_store")
        saved = store.get(CREATED_SESSION_KEY) if store is not None else None
        if isinstance(saved, dict) and saved.get("session_id"):
            session = hook.get_session(str(saved["session_id"]))
            url = open_link(saved.get("link")) or session.url
            self.log.info("Reusing session %s created by an earlier try", session.id)
        else:
            self._skip_if_onboarded(applicant, context, hook)
            session = hook.create_session(
                applicant,
                workflow_id=self.workflow_id,
                redirect_url=redirect_url,
                send_email_invite=send_email_invite,
                send_phone_invite=send_phone_invite,
                idempotency_key=idempotency_key(context),
                metadata=metadata,
                vendor_options=vendor_options,
            )
            url = session.url
            if store is not None:  # the link only when a retry still needs it, sealed
                link = seal_link(url) if self._keeps_link(invite_pending=True) else None
                store.set(CREATED_SESSION_KEY, {"session_id": session.id, "link": link})
            metrics.sessions_created(session.vendor)
            self.log.info("Created %s session %s", session.vendor, session.id)
        push_console_url(context, hook, session.id)
        context["ti"].xcom_push(key=SESSION_ID_KEY, value=session.id)
        if self.outcomes is not None and applicant.external_id:
            reference, state, now = applicant.external_id, session.state.value, datetime.now(UTC)
            self.outcomes.upsert(
                [Outcome(reference, session.id, session.vendor, state, updated_at=now)]
            )
        invited: list[str] = []
        if self.invite is not None:
            if not url:
                raise InvalidRequestError(
                    f"{session.vendor} returned no session link for {session.id}: no invite sent"
                )
            invited = send_invite_once(context, self.invite, applicant, url)
            if store is not None and not self._keeps_link(invite_pending=False):
                store.set(CREATED_SESSION_KEY, {"session_id": session.id})  # link not kept
        result: dict[str, Any] = {"session_id": session.id, "status": session.state.value}
        if self.return_session_url:
            result["session_url"] = url
        return {**result, "invite_channels": invited}


class DecideSessionOperator(BaseOperator):
    """Approve, reject or void a session — by hand, or by a policy over its analysis results.

    :param session_id: the session to decide (templated; e.g. from CreateSessionOperator's XCom).
    :param decision: ``"approve"``, ``"reject"`` or ``"void"`` to decide by hand.
    :param policy: otherwise, a callable ``VerificationSession -> PolicyResult``; defaults to
        :class:`~idv_provider.policy.ThresholdPolicy`. A ``manual_review`` result leaves the
        session as it is and reports it.
    :param conn_id: an Airflow connection of a supported vendor type.
    :param outcomes: write the decision back to the application's table
        (:class:`~idv_provider.applicants.OutcomeTable`), when it knows the session.

    Transitions the vendor forbids (e.g. approving a session the applicant has not submitted)
    are refused before any write. Deciding a session already in the target state is a no-op,
    so retries are safe. A policy never overturns a decision already made (by the vendor's
    workflow, as Didit does at the end of the flow, or by a reviewer): when it disagrees, the
    session is left as it is and reported as ``manual_review``; decide by hand to change it.

    Returns ``{"session_id", "decision", "status", "reasons"}``.
    """

    template_fields: Sequence[str] = ("session_id", "decision", "conn_id")
    operator_extra_links = (SessionConsoleLink(),)

    def __init__(
        self,
        *,
        session_id: str,
        decision: str | None = None,
        policy: Policy | None = None,
        conn_id: str = DEFAULT_CONN_ID,
        outcomes: OutcomeTable | None = None,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("retry_policy", IDV_RETRY_POLICY)
        super().__init__(**kwargs)
        if decision is not None and policy is not None:
            raise ValueError("Pass either decision or policy to DecideSessionOperator, not both")
        self.session_id = session_id
        self.decision = decision
        self.policy = policy
        self.conn_id = conn_id
        self.outcomes = outcomes

    def _manual_decision(self) -> Decision | None:
        if self.decision is None:
            return None
        allowed = (Decision.APPROVE, Decision.REJECT, Decision.VOID)
        try:
            decision = Decision(str(self.decision).lower())
        except ValueError:
            decision = None
        if decision not in allowed:
            raise InvalidRequestError(
                f"decision must be one of {', '.join(d.value for d in allowed)}; "
                f"got {self.decision!r}"
            )
        return decision

    def execute(self, context: Context) -> dict[str, Any]:
        manual = self._manual_decision()
        hook = get_idv_hook(self.conn_id)
        session = hook.get_session(self.session_id)  # checks the id's format first
        push_console_url(context, hook, session.id)
        if manual is not None:
            result = PolicyResult(manual, ["decided by hand"])
        else:
            result = policy_result(session, self.policy)
        return record_decision(hook, session, result, self.outcomes)
