"""Invites delivered to a real SMTP server on 127.0.0.1, for sessions made by the sandbox."""

from __future__ import annotations

import html
import re
import smtplib
from email.message import EmailMessage
from email.utils import parseaddr

import pytest

from idv_provider.exceptions import InviteDeliveryError
from idv_provider.invites import INVITE_SENT_KEY, Invite, SmsEncoding, SmsMessage
from idv_provider.operators import CreateSessionOperator, SendInviteOperator
from idv_sandbox import DEFAULT_API_KEY, MailSink, RunningSandbox
from tests.fakes.context import FakeTaskStateStore, make_context
from tests.fakes.deepidv import APPLICANT

pytestmark = [pytest.mark.integration, pytest.mark.timing]
HOSTILE = "<script>alert(1)</script>"
LINK = "https://verify.example.com/session/abc?oid=org_1&redirect_url=https%3A%2F%2Fapp.test"


def parts(message: EmailMessage) -> dict[str, str]:
    """The text of each part of a multipart/alternative message, by content type."""
    assert message.get_content_type() == "multipart/alternative"
    found = {}
    for part in message.iter_parts():
        assert isinstance(part, EmailMessage)
        assert part.get_content_charset() == "utf-8"
        found[part.get_content_type()] = part.get_content()
    return found


def links(html_body: str) -> list[str]:
    return [html.unescape(href) for href in re.findall(r'href="([^"]+)"', html_body)]


def test_send_invite_delivers_both_parts_with_the_link_and_escapes_the_name(mail_sink: MailSink):
    op = SendInviteOperator(
        task_id="invite",
        applicant={**APPLICANT, "first_name": HOSTILE, "locale": "fr-CA"},
        session_url=LINK,
        invite=Invite(company_name="Acme Bank"),
    )
    assert op.execute(make_context()) == {"invite_channels": ["email"]}

    [mail] = mail_sink.messages
    message = mail.message
    assert mail.rcpt_tos == [APPLICANT["email"]]
    assert mail.mail_from == "onboarding@acme.test"  # the connection's from_email
    assert parseaddr(message["From"]) == ("Acme Onboarding", "onboarding@acme.test")
    assert message["To"] == APPLICANT["email"]
    assert message["Subject"] == "Acme Bank : veuillez vérifier votre identité"
    assert message["Content-Language"] == "fr"
    assert message["Auto-Submitted"] == "auto-generated"
    assert re.fullmatch(r"<invite\.[0-9a-f]{32}@acme\.test>", message["Message-ID"].strip())
    assert message["Date"]
    assert list(parts(message)) == ["text/plain", "text/html"]  # HTML last: preferred
    text, body = parts(message)["text/plain"], parts(message)["text/html"]
    assert LINK in text and f"Bonjour {HOSTILE}," in text
    assert links(body) == [LINK, LINK]  # the button and the fallback link
    assert HOSTILE not in body
    assert "Bonjour &lt;script&gt;alert(1)&lt;/script&gt;," in body


def test_create_session_sends_the_invite_with_the_sandbox_link_once(
    sandbox: RunningSandbox, mail_sink: MailSink
):
    sandbox.service(
        "deepidv"
    ).config.auto_submit_after = None  # the retry reads the session as created
    store = FakeTaskStateStore()
    op = CreateSessionOperator(
        task_id="create",
        applicant={**APPLICANT, "locale": "es-MX"},
        invite=Invite(company_name="Acme Bank", from_email="Acme <kyc@acme.test>"),
        return_session_url=True,
    )
    first = op.execute(make_context(store=store))
    again = op.execute(make_context(store=store))  # a retry of the same task instance

    assert first == again
    assert first["invite_channels"] == ["email"]
    assert len(sandbox.service("deepidv").sessions.all_ids()) == 1
    [mail] = mail_sink.messages  # not sent twice
    assert mail.message["Subject"] == "Acme Bank: verifique su identidad"
    assert mail.message["From"] == "Acme <kyc@acme.test>"
    text = parts(mail.message)["text/plain"]
    assert first["session_url"] in text
    assert first["session_url"].startswith(f"{sandbox.url}/session/{first['session_id']}")
    stored = sandbox.service("deepidv").sessions.get(DEFAULT_API_KEY, first["session_id"])
    assert stored is not None and stored.applicant["email"] == APPLICANT["email"]


def test_a_mail_server_failure_is_retried_without_a_second_session(
    sandbox: RunningSandbox, mail_sink: MailSink
):
    store = FakeTaskStateStore()
    op = CreateSessionOperator(
        task_id="create",
        applicant=APPLICANT,
        invite=Invite(company_name="Acme Bank"),
        return_session_url=True,
    )
    mail_sink.fail_next(1)
    with pytest.raises(InviteDeliveryError, match=r"refused the message \(SMTP 451"):
        op.execute(make_context(store=store))  # try 1: session made, the mail server says 451
    assert len(sandbox.service("deepidv").sessions.all_ids()) == 1 and not mail_sink.messages
    assert store.get(INVITE_SENT_KEY) is None

    result = op.execute(make_context(store=store))  # try 2
    assert len(sandbox.service("deepidv").sessions.all_ids()) == 1
    [mail] = mail_sink.messages
    assert result["session_url"] in parts(mail.message)["text/plain"]


def test_an_sms_failure_after_the_email_resends_only_the_sms(
    sandbox: RunningSandbox, mail_sink: MailSink
):
    texts: list[SmsMessage] = []
    failures = [RuntimeError("SMS gateway down")]

    class Gateway:
        """A hook-like sender: an object with send_sms()."""

        def send_sms(self, message: SmsMessage) -> None:
            if failures:
                raise failures.pop()
            texts.append(message)

    store = FakeTaskStateStore()
    op = CreateSessionOperator(
        task_id="create",
        applicant={**APPLICANT, "locale": "fr"},
        invite=Invite(company_name="Acme Bank", channels=("email", "sms"), sms_sender=Gateway()),
        return_session_url=True,
    )
    with pytest.raises(RuntimeError, match="SMS gateway down"):
        op.execute(make_context(store=store))
    assert store.get(INVITE_SENT_KEY) == ["email"]

    result = op.execute(make_context(store=store))
    assert result["invite_channels"] == ["email", "sms"]
    assert len(mail_sink.messages) == 1 and len(texts) == 1
    [sms] = texts
    assert sms.to == APPLICANT["phone"]
    assert result["session_url"] in sms.body and "Jane" in sms.body
    assert (sms.locale, sms.encoding, sms.segments) == ("fr", SmsEncoding.GSM7, 2)
    assert APPLICANT["phone"] not in repr(sms) and "Jane" not in repr(sms)  # PII kept out


def test_every_try_of_one_task_instance_sends_the_same_message_id(mail_sink: MailSink):
    def send(map_index: int) -> str:
        op = SendInviteOperator(
            task_id="invite", applicant=APPLICANT, session_url=LINK, invite=Invite(company_name="A")
        )
        op.execute(make_context(map_index=map_index))  # a fresh state store each time
        return str(mail_sink.messages[-1].message["Message-ID"])

    first, retried, other = send(0), send(0), send(1)
    assert first == retried != other  # a resend is recognizable as the same message


def test_a_refused_address_is_masked_and_the_retry_reuses_the_session(
    sandbox: RunningSandbox, mail_sink: MailSink
):
    store = FakeTaskStateStore()
    op = CreateSessionOperator(
        task_id="create", applicant=APPLICANT, invite=Invite(company_name="Acme Bank")
    )
    mail_sink.refuse_next_recipients(1)
    with pytest.raises(InviteDeliveryError, match=r"refused the recipient \(SMTP 550\)") as error:
        op.execute(make_context(store=store))
    assert APPLICANT["email"] not in str(error.value)
    assert error.value.__context__ is None and error.value.__cause__ is None  # no smtplib text
    assert len(sandbox.service("deepidv").sessions.all_ids()) == 1 and not mail_sink.messages

    result = op.execute(make_context(store=store))  # the retry: same session, now delivered
    assert len(sandbox.service("deepidv").sessions.all_ids()) == 1 and result[
        "invite_channels"
    ] == ["email"]
    [mail] = mail_sink.messages
    assert mail.rcpt_tos == [APPLICANT["email"]]


def test_a_restarted_mail_sink_keeps_the_earlier_invites(tmp_path):
    def send(sink: MailSink, to: str) -> None:
        with smtplib.SMTP(sink.host, sink.port) as client:
            client.sendmail("a@b.test", [to], f"To: {to}\r\nSubject: hi\r\n\r\nhello\r\n")

    with MailSink(tmp_path) as first:
        send(first, "one@example.com")
    with MailSink(tmp_path) as second:  # the same folder, after a restart
        send(second, "two@example.com")
    kept = sorted(p.name for p in tmp_path.glob("*.eml"))
    assert kept == ["0001.eml", "0002.eml"]
    assert "one@example.com" in (tmp_path / "0001.eml").read_text()
