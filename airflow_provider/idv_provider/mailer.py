"""Email through an Airflow SMTP connection: the invites and the review report both use it."""

from __future__ import annotations

import hashlib
import smtplib
from email.message import EmailMessage
from email.utils import formatdate, parseaddr

from airflow.providers.smtp.hooks.smtp import SmtpHook
from airflow.sdk import BaseHook

from idv_provider.exceptions import InvalidRequestError, InviteDeliveryError


def sender_address(smtp_conn_id: str, from_email: str | None, field: str) -> str:
    """``from_email``, else the SMTP connection's ``from_email`` extra; ``field`` names the
    setting in the error."""
    address = from_email or BaseHook.get_connection(smtp_conn_id).extra_dejson.get("from_email")
    if not address or "@" not in parseaddr(str(address))[1]:
        raise InvalidRequestError(
            f"{field} is not set and the SMTP connection {smtp_conn_id!r} has no valid "
            "from_email extra"
        )
    return str(address)


def stable_key(key: str, purpose: str) -> str:
    """A digest that is the same for every retry of one task instance and purpose."""
    return hashlib.sha256(f"{key}/{purpose}".encode()).hexdigest()[:48]


def message_id(key: str, purpose: str, sender: str) -> str:
    """The same Message-ID for every retry, so a message sent again is recognizable."""
    domain = parseaddr(sender)[1].rpartition("@")[2]
    return f"<{purpose}.{stable_key(key, purpose)[:32]}@{domain}>"


def build_email(
    *, subject: str, text: str, html: str, to: str, sender: str, message_id: str, language: str
) -> EmailMessage:
    """A multipart/alternative message: the plain-text part first, the HTML part preferred."""
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = to
    message["Date"] = formatdate(usegmt=True)
    message["Message-ID"] = message_id
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    message["Content-Language"] = language  # after the content: set_content drops it
    return message


def send_email(smtp_conn_id: str, message: EmailMessage) -> None:
    """Send through the Airflow SMTP connection (host, port, TLS and login come from it).

    A refusal or a broken connection raises :class:`InviteDeliveryError` with the SMTP code
    only: smtplib's own errors quote the recipient's address, which is PII.
    """
    try:
        with SmtpHook(smtp_conn_id=smtp_conn_id) as smtp:
            # SmtpHook.send_email_smtp builds an HTML-only message; the hook still opens,
            # secures and logs in the connection, and its client sends our two-part message.
            client = smtp._smtp_client
            if client is None:  # pragma: no cover - get_conn() raises instead
                raise InvalidRequestError(f"SMTP connection {smtp_conn_id!r} did not open")
            client.send_message(message)
    except smtplib.SMTPRecipientsRefused as exc:
        codes = sorted({code for code, _ in exc.recipients.values()})
        error = InviteDeliveryError(
            f"The mail server of SMTP connection {smtp_conn_id!r} refused the recipient "
            f"(SMTP {', '.join(map(str, codes))}). Nothing was sent."
        )
    except smtplib.SMTPResponseException as exc:
        error = InviteDeliveryError(
            f"The mail server of SMTP connection {smtp_conn_id!r} refused the message "
            f"(SMTP {exc.smtp_code}, {type(exc).__name__})."
        )
    except (smtplib.SMTPException, OSError) as exc:
        error = InviteDeliveryError(
            f"Could not send through SMTP connection {smtp_conn_id!r} ({type(exc).__name__})."
        )
    else:
        return
    raise error  # outside the except blocks: no chained traceback quoting the address
