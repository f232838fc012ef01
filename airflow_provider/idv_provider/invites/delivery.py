"""Send invites: email through an Airflow SMTP connection, SMS through a sender you plug in."""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Literal, Protocol, runtime_checkable

from idv_provider.exceptions import InvalidRequestError
from idv_provider.invites.rendering import (
    InviteRenderer,
    InviteVariables,
    RenderedEmail,
    RenderedSms,
)
from idv_provider.invites.sms import SmsEncoding
from idv_provider.mailer import build_email, message_id, send_email, sender_address, stable_key
from idv_provider.models import Applicant
from idv_provider.validation import normalize_locale

log = logging.getLogger(__name__)

CHANNELS = ("email", "sms")


@dataclass(frozen=True)
class SmsMessage:
    """One rendered SMS for a sender to deliver. ``to`` and ``body`` are PII (kept out of repr)."""

    to: str = field(repr=False)  # E.164
    body: str = field(repr=False)
    locale: str
    encoding: SmsEncoding
    segments: int
    #: the same for every retry of one invite: pass it to a gateway that deduplicates
    idempotency_key: str


@runtime_checkable
class SmsHook(Protocol):
    """A hook (or any object) that can text: ``send_sms(message)``."""

    def send_sms(self, message: SmsMessage) -> None: ...


#: A callable taking an :class:`SmsMessage`, or an object with ``send_sms(message)``.
SmsSender = Callable[[SmsMessage], None] | SmsHook


@dataclass(frozen=True)
class Invite:
    """How the provider sends its own invite, instead of the vendor's.

    :param company_name: the sender's name, shown in every message.
    :param channels: ``"email"`` and/or ``"sms"``.
    :param smtp_conn_id: the Airflow SMTP connection for email.
    :param from_email: the From address; defaults to the SMTP connection's ``from_email`` extra.
    :param sms_sender: required for ``"sms"``: a callable or an object with ``send_sms``.
    :param template_dirs: folders of ``<locale>/<name>`` templates overriding the packaged ones.
    :param default_locale: for applicants without a ``locale``, and the fallback's last step.
    :param link_valid_for: how long the session link stays valid (the messages' expiry hint).
    :param max_sms_segments: an SMS longer than this many segments fails (or warns).
    :param on_long_sms: ``"fail"`` (before anything is sent) or ``"warn"`` and send anyway.
    :param expected_link_length: how long the vendor's session link is taken to be when the
        SMS length is checked before the session exists (the real link is checked again).
    :param extra_context: more variables for your own templates.
    """

    company_name: str
    channels: Sequence[str] = ("email",)
    smtp_conn_id: str = "smtp_default"
    from_email: str | None = None
    sms_sender: SmsSender | None = None
    template_dirs: Sequence[str | Path] = ()
    default_locale: str = "en"
    link_valid_for: timedelta = timedelta(days=7)
    max_sms_segments: int = 3
    on_long_sms: Literal["fail", "warn"] = "fail"
    expected_link_length: int = 100
    extra_context: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.company_name, str) or not self.company_name.strip():
            raise InvalidRequestError("invite.company_name is required")
        channels = [self.channels] if isinstance(self.channels, str) else list(self.channels)
        if not channels or any(c not in CHANNELS for c in channels):
            raise InvalidRequestError(f"invite.channels must be one or more of {CHANNELS}")
        object.__setattr__(self, "channels", tuple(dict.fromkeys(channels)))
        if "sms" in channels and self.sms_sender is None:
            raise InvalidRequestError("invite.sms_sender is required to send the invite by SMS")
        sender = self.sms_sender
        if sender is not None and not callable(sender) and not isinstance(sender, SmsHook):
            raise InvalidRequestError(
                "invite.sms_sender must be a callable or have a send_sms(message) method"
            )
        if not isinstance(self.max_sms_segments, int) or self.max_sms_segments < 1:
            raise InvalidRequestError("invite.max_sms_segments must be a positive integer")
        if not isinstance(self.expected_link_length, int) or self.expected_link_length < 30:
            raise InvalidRequestError(
                "invite.expected_link_length must be an integer of 30 or more"
            )
        if self.on_long_sms not in ("fail", "warn"):
            raise InvalidRequestError("invite.on_long_sms must be 'fail' or 'warn'")
        if self.link_valid_for <= timedelta(0):
            raise InvalidRequestError("invite.link_valid_for must be positive")
        normalize_locale(self.default_locale, "invite.default_locale")

    def renderer(self) -> InviteRenderer:
        return InviteRenderer(self.template_dirs, default_locale=self.default_locale)


@dataclass(frozen=True)
class PreparedInvite:
    """The rendered messages of one invite, ready to send."""

    email: RenderedEmail | None
    sms: RenderedSms | None


def prepare_invite(
    invite: Invite,
    applicant: Applicant,
    session_url: str,
    *,
    check_sms_length: bool = True,
    now: datetime | None = None,
) -> PreparedInvite:
    """Render every channel first, so a template or length error stops before anything is sent."""
    renderer = invite.renderer()
    variables = InviteVariables(
        first_name=applicant.first_name,
        session_url=session_url,
        company_name=invite.company_name,
        expires_at=(now or datetime.now(UTC)) + invite.link_valid_for,
        locale=normalize_locale(applicant.locale or invite.default_locale, "applicant.locale"),
        extra=invite.extra_context,
    )
    email = renderer.render_email(variables) if "email" in invite.channels else None
    sms = renderer.render_sms(variables) if "sms" in invite.channels else None
    if check_sms_length and sms is not None and sms.length.segments > invite.max_sms_segments:
        message = (
            f"The invite SMS ({sms.locale}) takes {sms.length.segments} segments "
            f"({sms.length.encoding}, {sms.length.units} units), above "
            f"invite.max_sms_segments={invite.max_sms_segments}. Shorten the sms.txt template"
            + (" or keep to the GSM-7 alphabet" if sms.length.encoding is SmsEncoding.UCS2 else "")
        )
        if invite.on_long_sms == "fail":
            raise InvalidRequestError(message)
        log.warning("%s; sending it anyway (on_long_sms='warn').", message)
    return PreparedInvite(email=email, sms=sms)


def check_invite(invite: Invite, applicant: Applicant) -> None:
    """Resolve the sender and render the invite for this applicant (see
    :func:`check_invite_sender` and :func:`check_invite_content`), before any API call."""
    check_invite_sender(invite)
    check_invite_content(invite, applicant)


def check_invite_sender(invite: Invite) -> None:
    """The email's sender resolves (one SMTP connection look-up, whatever the applicants)."""
    if "email" in invite.channels:
        sender_address(invite.smtp_conn_id, invite.from_email, "invite.from_email")


def check_invite_content(invite: Invite, applicant: Applicant) -> None:
    """Render the invite for this applicant with a stand-in link as long as the vendor's is
    expected to be: template, locale and SMS length errors (a name outside GSM-7 switches the
    SMS to UCS-2) surface before any API call."""
    stand_in = "https://verify.example.invalid/"
    stand_in += "s" * max(invite.expected_link_length - len(stand_in), 0)
    prepare_invite(invite, applicant, stand_in)


def send_sms(sender: SmsSender, message: SmsMessage) -> None:
    if isinstance(sender, SmsHook):
        sender.send_sms(message)
    else:
        sender(message)


def deliver_invite(
    invite: Invite,
    applicant: Applicant,
    session_url: str,
    *,
    key: str,
    skip: Collection[str] = (),
) -> Iterator[str]:
    """Send the invite on each channel not in ``skip``, yielding each channel once it is sent.

    Record what is yielded (e.g. in the task state store) and pass it as ``skip`` on a retry:
    a channel that went out is not sent twice. ``key`` identifies the invite across retries
    (it makes the Message-ID and the SMS idempotency key).
    """
    prepared = prepare_invite(invite, applicant, session_url)
    if (email := prepared.email) is not None and "email" not in skip:
        sender = sender_address(invite.smtp_conn_id, invite.from_email, "invite.from_email")
        message = build_email(
            subject=email.subject,
            text=email.text,
            html=email.html,
            to=applicant.email,
            sender=sender,
            message_id=message_id(key, "invite", sender),
            language=email.locale,
        )
        send_email(invite.smtp_conn_id, message)
        yield "email"
    if prepared.sms is not None and "sms" not in skip:
        assert invite.sms_sender is not None  # checked by Invite
        sms = prepared.sms
        send_sms(
            invite.sms_sender,
            SmsMessage(
                to=applicant.phone,
                body=sms.body,
                locale=sms.locale,
                encoding=sms.length.encoding,
                segments=sms.length.segments,
                idempotency_key=stable_key(key, "invite-sms"),
            ),
        )
        yield "sms"


def vendor_invites(
    invite: Invite | None, send_email_invite: bool | None, send_phone_invite: bool | None
) -> tuple[bool, bool]:
    """Whether the vendor sends its own email and SMS invites: by default, on the channels
    ``invite`` does not cover; never on one it covers (the applicant would get two)."""
    ours = set(invite.channels) if invite else set()
    chosen = []
    for field_name, value, channel in (
        ("send_email_invite", send_email_invite, "email"),
        ("send_phone_invite", send_phone_invite, "sms"),
    ):
        if value is None:
            value = channel not in ours
        elif value and channel in ours:
            raise InvalidRequestError(
                f"{field_name} must be False when invite sends the {channel} itself: the "
                "applicant would get two invites"
            )
        chosen.append(bool(value))
    return chosen[0], chosen[1]
