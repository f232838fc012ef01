"""Hook for Didit verification sessions (API v3), over the generated ``didit_client``."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from datetime import date
from typing import Any, ClassVar, TypeVar

from didit_client import AuthenticatedClient
from didit_client.api.sessions import (
    create_session,
    delete_session,
    get_session_decision,
    list_sessions,
    update_session_status,
)
from didit_client.errors import UnexpectedStatus
from didit_client.models import (
    AmlScreening,
    CreateSessionRequest,
    CreateSessionResponse,
    NewStatus,
    SessionSummary,
    UpdateStatusRequest,
    UpdateStatusResponse,
)
from didit_client.models import Decision as DiditDecision
from didit_client.models import SessionPage as DiditPage
from didit_client.types import UNSET, Unset
from idv_provider.exceptions import IdentityMismatchError, InvalidRequestError, NotFoundError
from idv_provider.hooks.base import IdvHook
from idv_provider.models import (
    AnalysisSummary,
    Applicant,
    Decision,
    SessionPage,
    SessionState,
    VerificationSession,
)
from idv_provider.validation import UUID

T = TypeVar("T")

VENDOR = "didit"
STATE_BY_STATUS = {
    "Not Started": SessionState.PENDING,
    "In Progress": SessionState.IN_PROGRESS,
    "Resubmitted": SessionState.IN_PROGRESS,  # the applicant must redo some steps
    "Awaiting User": SessionState.IN_PROGRESS,
    "In Review": SessionState.SUBMITTED,
    "Approved": SessionState.APPROVED,
    "Declined": SessionState.REJECTED,
    "Expired": SessionState.EXPIRED,  # never opened in time
    "Abandoned": SessionState.EXPIRED,  # started, not finished in time
    "Kyc Expired": SessionState.EXPIRED,  # approved, then the document expired
}
#: statuses Didit reaches only once the applicant has been through the hosted flow
FLOW_COMPLETED = frozenset({"In Review", "Approved", "Declined", "Kyc Expired"})
#: statuses update-status accepts a change from (any other answers 400)
DECIDABLE = frozenset(
    {"In Review", "Approved", "Declined", "Kyc Expired", "Abandoned", "Resubmitted"}
)
NEW_STATUS = {Decision.APPROVE: NewStatus.APPROVED, Decision.REJECT: NewStatus.DECLINED}
STATUS_FILTER = {
    state: ",".join(s for s, st in STATE_BY_STATUS.items() if st is state)
    for state in set(STATE_BY_STATUS.values())
}
#: Warning codes read as a failed document check. Didit documents DOCUMENT_EXPIRED; the age
#: code is UNCONFIRMED (see the README), so both sets can be extended by assignment.
EXPIRED_DOCUMENT_RISKS = {"DOCUMENT_EXPIRED"}
UNDER_AGE_RISKS = {"MINIMUM_AGE_NOT_MET", "AGE_BELOW_MINIMUM"}
#: Didit's hosted-flow languages beyond ISO 639-1 codes
REGIONAL_LANGUAGES = {"pt-BR", "zh-CN", "zh-TW"}
EXPECTED_DETAILS = {
    "date_of_birth",
    "gender",
    "nationality",
    "country",
    "id_country",
    "poa_country",
    "address",
    "identification_number",
    "ip_address",
    "expected_document_types",
}
DOCUMENT_TYPES = {"P", "ID", "DL", "RP", "HIC", "TC", "SSC"}
ALPHA3 = re.compile(r"^[A-Z]{3}$")
#: create fields a DAG sets through the operator's own parameters, not vendor_options
VIA_PARAMETERS = {
    "workflow_id": "workflow_id",
    "vendor_data": "applicant.external_id",
    "callback": "redirect_url",
    "metadata": "metadata",
    "language": "applicant.locale",
}
VENDOR_OPTIONS = {
    "callback_method",
    "contact_details",
    "expected_details",
    "portrait_image",  # a reference portrait (base64 or URL) for biometric authentication
    "sandbox_scenario",  # sandbox applications only: how the simulated flow ends
}
#: Didit keeps at most this much of an update-status comment
MAX_COMMENT = 10_000
CONTACT_OPTIONS = {"email_lang"}


def _opt(value: T | Unset) -> T | None:
    return None if isinstance(value, Unset) else value


def didit_language(locale: str | None) -> str | None:
    """``fr-CA`` → ``fr``; the regional tags Didit knows (``pt-BR``) are kept."""
    if not locale:
        return None
    return locale if locale in REGIONAL_LANGUAGES else locale.split("-")[0]


def _risks(items: list[Any] | Unset | None) -> set[str]:
    risks: set[str] = set()
    for item in _opt(items) or []:
        for warning in _opt(item.warnings) or []:
            if code := _opt(warning.risk):
                risks.add(code)
    return risks


def _score(items: list[Any] | Unset | None) -> float | None:
    """The first check's 0-100 score as 0-1 (Didit lists one check per workflow node)."""
    for item in _opt(items) or []:
        if (score := _opt(item.score)) is not None:
            return float(score) / 100
    return None


def _aml_hits(screenings: list[AmlScreening]) -> tuple[int, int, int]:
    """(PEP, sanction, adverse-media) hits, leaving out hits marked as false positives."""
    peps = sanctions = media = 0
    for screening in screenings:
        for hit in _opt(screening.hits) or []:
            extra = hit.additional_properties
            if _opt(hit.match) is False or extra.get("review_status") == "False Positive":
                continue
            datasets = {d.upper() for d in _opt(hit.datasets) or []}
            peps += bool(_opt(hit.pep_matches) or any("PEP" in d for d in datasets))
            sanctions += bool(_opt(hit.sanction_matches) or any("SANCTION" in d for d in datasets))
            media += bool(extra.get("adverse_media_matches"))
    return peps, sanctions, media


def summarize_decision(decision: DiditDecision) -> AnalysisSummary | None:
    """Reduce Didit's decision payload to the checks a policy looks at (scores to 0-1)."""
    ids, faces = _opt(decision.id_verifications), _opt(decision.face_matches)
    liveness, aml = _opt(decision.liveness_checks), _opt(decision.aml_screenings)
    if not (ids or faces or liveness or aml):
        return None  # nothing has run yet
    risks = _risks(ids) | {w.risk for w in _opt(decision.warnings) or [] if _opt(w.risk)}
    face_status = _opt(faces[0].status) if faces else None
    id_status = _opt(ids[0].status) if ids else None
    document_checked = id_status in ("Approved", "Declined")
    peps, sanctions, media = _aml_hits(aml) if aml else (None, None, None)
    return AnalysisSummary(
        id_matches_selfie={"Approved": True, "Declined": False}.get(face_status or ""),
        liveness_score=_score(liveness),
        face_match_score=_score(faces),
        document_not_expired=not (risks & EXPIRED_DOCUMENT_RISKS) if document_checked else None,
        age_requirement_met=not (risks & UNDER_AGE_RISKS) if document_checked else None,
        # a declined document not explained by its expiry or the applicant's age
        document_valid_state=(
            id_status == "Approved" or bool(risks & (EXPIRED_DOCUMENT_RISKS | UNDER_AGE_RISKS))
        )
        if document_checked
        else None,
        pep_hits=peps,
        sanction_hits=sanctions,
        adverse_media_hits=media,
    )


def to_verification_session(record: DiditDecision | SessionSummary) -> VerificationSession:
    """Map a Didit decision (or a list row, which has no analysis) to the neutral model."""
    status = str(record.status)
    return VerificationSession(
        id=record.session_id,
        vendor=VENDOR,
        state=STATE_BY_STATUS.get(status, SessionState.UNKNOWN),
        vendor_status=status,
        created_at=_opt(record.created_at),
        external_id=_opt(record.vendor_data),
        url=_opt(record.session_url),
        analysis=summarize_decision(record) if isinstance(record, DiditDecision) else None,
        flow_completed=status in FLOW_COMPLETED,
    )


def _mapping(value: Any, field: str) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise InvalidRequestError(f"{field} must be a mapping; got {type(value).__name__}")
    return dict(value)


def _check_expected_details(details: dict[str, Any]) -> None:
    field = "vendor_options.expected_details"
    for name in ("first_name", "last_name"):
        if name in details:
            raise InvalidRequestError(f"{field}.{name}: it comes from applicant.{name}")
    if unknown := sorted(set(details) - EXPECTED_DETAILS):
        raise InvalidRequestError(
            f"{field} has unknown key(s) {', '.join(unknown)}; "
            f"expected any of {', '.join(sorted(EXPECTED_DETAILS))}"
        )
    if "date_of_birth" in details:
        try:
            date.fromisoformat(str(details["date_of_birth"]))
        except ValueError:
            raise InvalidRequestError(f"{field}.date_of_birth must be YYYY-MM-DD") from None
    if details.get("gender") not in (None, "M", "F"):
        raise InvalidRequestError(f"{field}.gender must be 'M', 'F' or None")
    for name in ("nationality", "id_country", "poa_country"):
        if name in details and not ALPHA3.match(str(details[name])):
            raise InvalidRequestError(
                f"{field}.{name} must be an ISO 3166-1 alpha-3 code such as 'ESP'"
            )
    types = details.get("expected_document_types", [])
    if not isinstance(types, list) or not {str(t).upper() for t in types} <= DOCUMENT_TYPES:
        raise InvalidRequestError(
            f"{field}.expected_document_types must be a list of {', '.join(sorted(DOCUMENT_TYPES))}"
        )


class DiditHook(IdvHook):
    """Create, read, list, decide and delete Didit sessions (API v3).

    The connection's ``password`` is the API key (``x-api-key``); the extra ``workflow_id`` is
    the workflow used when an operator names none (Didit requires one). Every call goes through
    the generated client, with the retries and typed errors of :class:`IdvHook`.

    Didit has no ``Idempotency-Key`` for sessions: a create is idempotent on ``vendor_data``
    (an unfinished session for it is returned again). The hook sends the applicant's
    ``external_id`` as ``vendor_data``, or, without one, the caller's idempotency key, so a
    retried create never makes a second session.
    """

    conn_name_attr = "didit_conn_id"
    default_conn_name = "didit_default"
    conn_type = "didit"
    hook_name = "Didit"
    vendor: ClassVar[str] = VENDOR
    default_base_url: ClassVar[str] = "https://verification.didit.me"
    client_class: ClassVar[type[AuthenticatedClient]] = AuthenticatedClient
    unexpected_status: ClassVar[type[Exception]] = UnexpectedStatus
    session_actions: ClassVar[dict[str, frozenset[str]]] = {
        "delete": frozenset(),
        "resubmit": frozenset({"nodes_to_resubmit", "comment"}),
    }
    session_id_format: ClassVar[re.Pattern[str]] = UUID
    max_page_size: ClassVar[int] = 100  # the documentation gives none; the SDKs cap at 100

    def __init__(self, didit_conn_id: str = default_conn_name, **kwargs: Any) -> None:
        super().__init__(didit_conn_id, **kwargs)

    # -- create ----------------------------------------------------------------------------
    def check_create_options(
        self, metadata: Mapping[str, Any] | None, vendor_options: Mapping[str, Any] | None
    ) -> None:
        if metadata is not None:
            _mapping(metadata, "metadata")
        options = _mapping(vendor_options or {}, "vendor_options")
        for name in sorted(options):
            if name in VIA_PARAMETERS:
                raise InvalidRequestError(
                    f"vendor_options.{name}: set it with the operator's {VIA_PARAMETERS[name]}"
                )
            if name not in VENDOR_OPTIONS:
                raise InvalidRequestError(
                    f"vendor_options has unknown key {name!r}; Didit takes "
                    f"{', '.join(sorted(VENDOR_OPTIONS))}"
                )
        for name in ("portrait_image", "sandbox_scenario"):
            if name in options and (not isinstance(options[name], str) or not options[name]):
                raise InvalidRequestError(f"vendor_options.{name} must be a non-empty string")
        if options.get("callback_method") not in (None, "initiator", "completer", "both"):
            raise InvalidRequestError(
                "vendor_options.callback_method must be 'initiator', 'completer' or 'both'"
            )
        contact = _mapping(options.get("contact_details", {}), "vendor_options.contact_details")
        if unknown := sorted(set(contact) - CONTACT_OPTIONS):
            raise InvalidRequestError(
                f"vendor_options.contact_details: {', '.join(unknown)} come from the applicant "
                "and send_email_invite; only email_lang may be set here"
            )
        _check_expected_details(
            _mapping(options.get("expected_details", {}), "vendor_options.expected_details")
        )

    def workflow(self, workflow_id: str | None) -> str:
        """The workflow to run: the argument, else the connection's ``workflow_id`` extra."""
        chosen = workflow_id or self.conn_extra(self.connection, "workflow_id")
        if not chosen:
            raise InvalidRequestError(
                "workflow_id is required for Didit: pass workflow_id or set the connection "
                f"{self.conn_id!r} extra workflow_id"
            )
        try:
            return str(uuid.UUID(str(chosen)))
        except ValueError:
            raise InvalidRequestError("workflow_id must be a Didit workflow UUID") from None

    def create_session(
        self,
        applicant: Applicant,
        *,
        workflow_id: str | None = None,
        redirect_url: str | None = None,
        send_email_invite: bool = True,
        send_phone_invite: bool = True,
        idempotency_key: str | None = None,
        metadata: Mapping[str, Any] | None = None,
        vendor_options: Mapping[str, Any] | None = None,
    ) -> VerificationSession:
        """Create a session (or get back the unfinished one for the same ``vendor_data``).

        ``send_email_invite`` sets Didit's ``send_notification_emails``; Didit sends no SMS,
        so ``send_phone_invite`` has no effect (send your own with ``invite``).
        """
        self.check_create_options(metadata, vendor_options)
        options = dict(vendor_options or {})
        language = didit_language(applicant.locale)
        contact = {
            "email": applicant.email,
            "phone": applicant.phone,
            "send_notification_emails": send_email_invite,
            **({"email_lang": language} if language else {}),
            **options.pop("contact_details", {}),
        }
        expected = {
            "first_name": applicant.first_name,
            "last_name": applicant.last_name,
            **options.pop("expected_details", {}),
        }
        body: dict[str, Any] = {
            "workflow_id": self.workflow(workflow_id),
            "vendor_data": applicant.external_id or idempotency_key or str(uuid.uuid4()),
            "contact_details": contact,
            "expected_details": expected,
            **options,
        }
        if redirect_url:
            body["callback"] = redirect_url
        if metadata:
            body["metadata"] = dict(metadata)
        if language:
            body["language"] = language
        if send_phone_invite:
            self.log.debug("Didit sends no SMS invites; send_phone_invite has no effect")
        request = CreateSessionRequest.from_dict(body)
        response = self.call(
            lambda c: create_session.sync(client=c, body=request), CreateSessionResponse
        )
        if _opt(response.vendor_data) != body["vendor_data"]:
            # Didit hands back an unfinished session for the same vendor_data: trust it only
            # when it is this applicant's, never another's link.
            raise IdentityMismatchError(
                f"Didit answered the create with session {response.session_id}, whose "
                "vendor_data is not the one sent: it may belong to another applicant, so it "
                "is not used. Nothing was sent to the applicant."
            )
        status = str(response.status)
        return VerificationSession(
            id=response.session_id,
            vendor=VENDOR,
            state=STATE_BY_STATUS.get(status, SessionState.UNKNOWN),
            vendor_status=status,
            external_id=_opt(response.vendor_data),
            url=response.url,
            flow_completed=status in FLOW_COMPLETED,
        )

    # -- read --------------------------------------------------------------------------------
    def get_session(self, session_id: str) -> VerificationSession:
        self.check_session_id(session_id)
        decision = self.call(
            lambda c: get_session_decision.sync(session_id, client=c), DiditDecision
        )
        return to_verification_session(decision)

    async def aget_session(self, session_id: str) -> VerificationSession:
        self.check_session_id(session_id)
        decision = await self.acall(
            lambda c: get_session_decision.asyncio(session_id, client=c), DiditDecision
        )
        return to_verification_session(decision)

    @staticmethod
    def _status_filter(state: SessionState | None) -> str | Unset:
        if state is None:
            return UNSET
        if state not in STATUS_FILTER:
            raise InvalidRequestError(f"Didit cannot list sessions by state {state.value!r}")
        return STATUS_FILTER[state]

    @staticmethod
    def _page(page: DiditPage, offset: int) -> SessionPage:
        return SessionPage(
            sessions=[to_verification_session(row) for row in page.results],
            total=page.count,
            has_more=bool(_opt(page.next_)),
            offset=offset,
        )

    def list_sessions(
        self,
        *,
        state: SessionState | None = None,
        limit: int = 100,
        offset: int = 0,
        cursor: str | None = None,
    ) -> SessionPage:
        """One page of sessions, newest first (list rows carry no analysis)."""
        query: dict[str, Any] = {
            "limit": limit,
            "offset": offset,
            "status": self._status_filter(state),
        }
        page = self.call(lambda c: list_sessions.sync(client=c, **query), DiditPage)
        return self._page(page, offset)

    async def alist_sessions(
        self,
        *,
        state: SessionState | None = None,
        limit: int = 100,
        offset: int = 0,
        cursor: str | None = None,
    ) -> SessionPage:
        """The async twin of :meth:`list_sessions`."""
        query: dict[str, Any] = {
            "limit": limit,
            "offset": offset,
            "status": self._status_filter(state),
        }
        page = await self.acall(lambda c: list_sessions.asyncio(client=c, **query), DiditPage)
        return self._page(page, offset)

    # -- decide and delete ---------------------------------------------------------------------
    def check_decision(self, session: VerificationSession, decision: Decision) -> None:
        if decision not in NEW_STATUS:
            raise InvalidRequestError(
                f"Didit cannot {decision.value} a session: approve or reject it instead, or "
                "delete it with DiditHook.delete_session"
            )
        if session.vendor_status not in DECIDABLE:
            raise InvalidRequestError(
                f"Cannot {decision.value} session {session.id}: it is "
                f"{session.vendor_status!r}, and Didit only allows a decision once the "
                f"applicant has finished ({', '.join(sorted(DECIDABLE))})."
            )

    def decide(
        self, session_id: str, decision: Decision, *, comment: str | None = None
    ) -> VerificationSession:
        """Approve or decline (Didit: ``Approved`` / ``Declined``); repeating one is a no-op.
        ``comment`` goes on the session's review trail."""
        self.check_session_id(session_id)
        if decision not in NEW_STATUS:
            raise InvalidRequestError(f"{decision.value!r} is not a decision Didit can record")
        return self._update_status(session_id, NEW_STATUS[decision], {"comment": comment})

    def _update_status(
        self, session_id: str, new_status: NewStatus, extra: Mapping[str, Any]
    ) -> VerificationSession:
        fields = {k: v for k, v in extra.items() if v is not None}
        if "comment" in fields:
            fields["comment"] = str(fields["comment"])[:MAX_COMMENT]
        body = UpdateStatusRequest.from_dict({"new_status": new_status.value, **fields})
        self.call(
            lambda c: update_session_status.sync(session_id, client=c, body=body),
            UpdateStatusResponse,
        )
        status = new_status.value
        return VerificationSession(
            id=session_id,
            vendor=VENDOR,
            state=STATE_BY_STATUS[status],
            vendor_status=status,
            flow_completed=True,
        )

    def run_action(
        self, session_id: str, action: str, options: Mapping[str, Any] | None = None
    ) -> VerificationSession | None:
        """Delete, or resubmit (``Resubmitted``: the applicant redoes the steps in
        ``nodes_to_resubmit``, by default those that failed; the same link reopens)."""
        self.check_session_id(session_id)
        self.check_action(action, options)
        if action == "resubmit":
            return self._update_status(session_id, NewStatus.RESUBMITTED, dict(options or {}))
        self.delete_session(session_id)
        return None

    def check_action(self, action: str, options: Mapping[str, Any] | None = None) -> None:
        super().check_action(action, options)
        nodes = (options or {}).get("nodes_to_resubmit")
        if nodes is not None and (
            not isinstance(nodes, list | tuple)
            or not all(
                (isinstance(n, str) and n)
                or (
                    isinstance(n, Mapping) and n.get("node_id") and set(n) <= {"node_id", "feature"}
                )
                for n in nodes
            )
        ):
            raise InvalidRequestError(
                "options.nodes_to_resubmit must be a list of node ids ('feature_ocr') or of "
                "{'node_id': ..., 'feature': ...}"
            )
        comment = (options or {}).get("comment")
        if comment is not None and not isinstance(comment, str):
            raise InvalidRequestError("options.comment must be a string")

    def delete_session(self, session_id: str) -> None:
        """Delete a session for good (Didit soft-deletes it: it then answers 404).

        A retry after a lost answer meets that 404; it means the first attempt worked.
        """
        self.check_session_id(session_id)
        attempts = 0

        def attempt() -> None:
            nonlocal attempts
            attempts += 1
            try:
                delete_session.sync_detailed(session_id, client=self.client)
            except NotFoundError:
                if attempts == 1:
                    raise

        self.run(attempt)
