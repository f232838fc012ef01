"""The operators' invite options: checked before any API call, vendor invites never doubled."""

from __future__ import annotations

import json

import jinja2
import pytest
from airflow.sdk.log import redact

from idv_provider.exceptions import InvalidRequestError
from idv_provider.invites import Invite
from idv_provider.operators import SendInviteOperator
from tests.fakes.context import make_context
from tests.fakes.deepidv import APPLICANT, created
from tests.unit.test_operators import create_op

SMTP = {"conn_type": "smtp", "host": "127.0.0.1", "port": 9, "extra": {"from_email": "a@b.test"}}


@pytest.fixture(autouse=True)
def smtp_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", json.dumps(SMTP))


@pytest.mark.parametrize(
    ("invite", "flags", "sent"),
    [
        (None, {}, (True, True)),  # the vendor's invites by default, as its API does
        (Invite(company_name="A"), {}, (False, True)),  # ours by email: not theirs too
        (
            Invite(company_name="A", channels=["email", "sms"], sms_sender=print),
            {},
            (False, False),
        ),
        (Invite(company_name="A"), {"send_phone_invite": False}, (False, False)),
    ],
)
def test_the_vendor_invites_never_double_ours(api, invite, flags, sent, monkeypatch):
    route = api.post("/v1/sessions").respond(200, json=created())
    monkeypatch.setattr("idv_provider.operators.sessions.send_invite_once", lambda *a: ["x"])
    create_op(invite=invite, **flags).execute(make_context())
    body = json.loads(route.calls.last.request.content)
    assert (body["sendEmailInvite"], body["sendPhoneInvite"]) == sent


def test_asking_the_vendor_to_send_our_channel_too_is_refused_before_any_call(api):
    op = create_op(invite=Invite(company_name="A"), send_email_invite=True)
    with pytest.raises(InvalidRequestError, match="send_email_invite must be False when invite"):
        op.execute(make_context())
    assert not api.calls


def test_a_template_error_stops_before_the_session_is_created(api, tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "email.txt").write_text("{{ first_name }}, see {{ nowhere }}")
    op = create_op(invite=Invite(company_name="A", template_dirs=[tmp_path]))
    with pytest.raises(InvalidRequestError, match="'nowhere' is undefined"):
        op.execute(make_context())
    assert not api.calls  # no token spent on a session whose invite cannot be sent


def test_a_bad_locale_stops_before_the_session_is_created(api):
    op = create_op(
        applicant={**APPLICANT, "locale": "not a locale"}, invite=Invite(company_name="A")
    )
    with pytest.raises(InvalidRequestError, match="applicant.locale must be a language tag"):
        op.execute(make_context())
    assert not api.calls


def test_no_sender_address_stops_before_the_session_is_created(api, monkeypatch):
    monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", json.dumps({**SMTP, "extra": {}}))
    with pytest.raises(InvalidRequestError, match="invite.from_email is not set and the SMTP"):
        create_op(invite=Invite(company_name="A")).execute(make_context())
    assert not api.calls


def test_invite_must_be_an_invite():
    with pytest.raises(TypeError, match="idv_provider.invites.Invite"):
        create_op(invite={"company_name": "A"})


def test_send_invite_refuses_a_non_web_link_before_sending():
    op = SendInviteOperator(
        task_id="invite",
        applicant=APPLICANT,
        session_url="javascript:alert(1)",
        invite=Invite(company_name="A"),
    )
    with pytest.raises(InvalidRequestError, match="session_url must be an absolute http"):
        op.execute(make_context())


def test_send_invite_masks_the_rendered_link_and_pii():
    op = SendInviteOperator(
        task_id="invite",
        applicant="{{ params.applicant | tojson }}",
        session_url="{{ params.url }}",
        invite=Invite(company_name="A"),
    )
    url = "https://verify.example.com/session/secret-bearer-link"
    applicant = {**APPLICANT, "email": "masked.person@example.com"}
    op.render_template_fields(
        {"params": {"applicant": applicant, "url": url}},
        jinja2.Environment(autoescape=True),
    )
    assert op.session_url == url
    assert redact(f"link {url}") == "link ***"
    assert redact("to masked.person@example.com") == "to ***"
