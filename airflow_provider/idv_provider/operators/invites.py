"""Send (or re-send) the provider's own invite for a session that already exists."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from airflow.sdk import BaseOperator, Context

from idv_provider.invites import Invite, send_invite_once
from idv_provider.masking import mask_rendered_pii
from idv_provider.retry import IDV_RETRY_POLICY
from idv_provider.templating import literal_data, rendered_mapping
from idv_provider.validation import validate_applicant, validate_session_url


class SendInviteOperator(BaseOperator):
    """Render the invite in the applicant's language and send it by email and/or SMS.

    :param applicant: the same mapping as for ``CreateSessionOperator`` (``first_name``,
        ``last_name``, ``email``, ``phone``, optional ``external_id`` and ``locale``): data,
        never rendered as Jinja, or an XCom reference; masked.
    :param session_url: the applicant's link, e.g. from ``CreateSessionOperator``'s XCom.
        Templated and masked: it is a bearer link.
    :param invite: what to send and how (:class:`~idv_provider.invites.Invite`).

    A retried task does not re-send a channel an earlier try sent. Every try of one task
    instance sends the same Message-ID (and SMS idempotency key); a new task instance, such as
    a reminder next week, sends a new message. Returns ``{"invite_channels": [...]}``.
    """

    template_fields: Sequence[str] = ("applicant", "session_url")
    ui_color = "#fdf5e8"

    def __init__(
        self,
        *,
        applicant: Mapping[str, Any],
        session_url: str,
        invite: Invite,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("retry_policy", IDV_RETRY_POLICY)
        super().__init__(**kwargs)
        if not isinstance(invite, Invite):
            raise TypeError("invite must be an idv_provider.invites.Invite")
        self.applicant = literal_data(applicant)  # data, never a template (templating.py)
        self.session_url = session_url
        self.invite = invite

    def _do_render_template_fields(self, parent: Any, *args: Any, **kwargs: Any) -> None:
        super()._do_render_template_fields(parent, *args, **kwargs)
        if parent is self:
            mask_rendered_pii(self.applicant, self.session_url)

    def execute(self, context: Context) -> dict[str, Any]:
        applicant = validate_applicant(rendered_mapping(self.applicant, "applicant") or {})
        url = validate_session_url(self.session_url)
        return {"invite_channels": send_invite_once(context, self.invite, applicant, url)}
