"""Invite rendering: packaged templates, overrides, locale fallback, escaping, strictness."""

from __future__ import annotations

import html
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from idv_provider.exceptions import InvalidRequestError
from idv_provider.invites import Invite, InviteRenderer, SmsEncoding, locale_chain, prepare_invite
from idv_provider.models import Applicant
from idv_provider.validation import normalize_locale

URL = (
    "https://verify.deepidv.com/session/a1b2c3d4-e5f6-7890-abcd-ef1234567890?oid=org_1"
    "&redirect_url=https%3A%2F%2Fexample.com%2Fverification-complete"
)
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
HOSTILE = "<script>alert(1)</script>"
PACKAGED = Path(__file__).resolve().parents[2] / "templates/invites"


def applicant(locale: str | None = None, first_name: str = "Zoé") -> Applicant:
    return Applicant(first_name, "Doe", "zoe@example.com", "+15551234567", locale=locale)


def prepare(invite: Invite | None = None, **applicant_args):
    invite = invite or Invite(company_name="Acme Bank", channels=("email", "sms"), sms_sender=print)
    return prepare_invite(invite, applicant(**applicant_args), URL, now=NOW)


@pytest.mark.parametrize(
    ("tag", "normalized"),
    [("fr_ca", "fr-CA"), ("EN", "en"), ("zh-hant-tw", "zh-Hant-TW"), ("es-419", "es-419")],
)
def test_locale_tags_are_normalized(tag, normalized):
    assert normalize_locale(tag) == normalized


@pytest.mark.parametrize("tag", ["", "french!", "f", "en--US", 42])
def test_a_malformed_locale_names_the_field(tag):
    with pytest.raises(InvalidRequestError, match="applicant.locale must be a language tag"):
        normalize_locale(tag, "applicant.locale")


def test_locale_chain_falls_back_to_the_language_then_the_default():
    assert locale_chain("fr-CA", "en") == ["fr-CA", "fr", "en"]
    assert locale_chain("zh-Hant-TW", "en") == ["zh-Hant-TW", "zh-Hant", "zh", "en"]
    assert locale_chain("en-GB", "en") == ["en-GB", "en"]


@pytest.mark.parametrize(
    ("locale", "used", "subject", "expiry"),
    [
        ("en", "en", "Acme Bank: please verify your identity", "November 30, 2026"),
        ("fr-CA", "fr", "Acme Bank : veuillez vérifier votre identité", "30 novembre 2026"),
        ("es", "es", "Acme Bank: verifique su identidad", "30 de noviembre de 2026"),
        ("es-419", "es", "Acme Bank: verifique su identidad", "30 de noviembre de 2026"),
        ("de-AT", "en", "Acme Bank: please verify your identity", "30. November 2026"),
        (None, "en", "Acme Bank: please verify your identity", "November 30, 2026"),
    ],
)
def test_each_locale_renders_its_language_with_a_localized_expiry(locale, used, subject, expiry):
    prepared = prepare(locale=locale)
    email = prepared.email
    assert email is not None and prepared.sms is not None
    assert (email.locale, prepared.sms.locale, email.subject) == (used, used, subject)
    # the expiry is written the way the applicant's own locale writes dates
    assert expiry in email.text and expiry in html.unescape(email.html)
    for body in (email.text, html.unescape(email.html), prepared.sms.body):
        assert URL in body
        assert "Zoé" in body
    assert f'lang="{normalize_locale(locale or "en")}"' in email.html


@pytest.mark.parametrize("locale", ["en", "es", "fr"])
def test_packaged_sms_keep_to_gsm7_and_two_segments_with_a_real_link(locale):
    sms = prepare(locale=locale, first_name="Guillermina").sms
    assert sms is not None
    assert sms.length.encoding is SmsEncoding.GSM7, sms.body
    assert sms.length.segments <= 2


def test_the_packaged_locales_each_have_all_four_templates():
    names = {"email_subject.txt", "email.html", "email.txt", "sms.txt"}
    for locale in ("en", "es", "fr"):
        assert {p.name for p in (PACKAGED / locale).iterdir()} == names


def test_html_is_escaped_and_plain_text_is_not():
    prepared = prepare(first_name=HOSTILE)
    email = prepared.email
    assert email is not None
    assert HOSTILE not in email.html
    assert "Hello &lt;script&gt;alert(1)&lt;/script&gt;," in email.html
    assert "&amp;redirect_url=" in email.html  # the link's & is escaped inside the attribute
    assert f"Hello {HOSTILE}," in email.text  # text/plain is not HTML: nothing to escape
    assert prepared.sms is not None and HOSTILE in prepared.sms.body


def test_a_name_cannot_add_lines_to_the_subject(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "email_subject.txt").write_text("Hi {{ first_name }}\n")
    invite = Invite(company_name="Acme", template_dirs=[tmp_path])
    email = prepare(invite, first_name="Eve\r\nBcc: everyone@example.com").email
    assert email is not None
    assert email.subject == "Hi Eve Bcc: everyone@example.com"


def test_a_user_folder_overrides_one_file_for_one_locale(tmp_path):
    (tmp_path / "fr").mkdir()
    (tmp_path / "fr" / "email_subject.txt").write_text("{{ company_name }} vous attend")
    invite = Invite(company_name="Acme", template_dirs=[str(tmp_path)])
    french = prepare(invite, locale="fr").email
    english = prepare(invite, locale="en").email
    assert french is not None and english is not None
    assert french.subject == "Acme vous attend"  # overridden
    assert "Bonjour Zoé" in french.text  # the rest still packaged
    assert english.subject == "Acme: please verify your identity"


def test_a_user_folder_can_add_a_locale_and_reuse_the_layout(tmp_path):
    german = tmp_path / "de"
    german.mkdir()
    (german / "email_subject.txt").write_text("{{ company_name }}: Identität bestätigen")
    (german / "email.html").write_text(
        '{% extends "layout.html" %}{% block content %}<p>Hallo {{ first_name }},</p>'
        "{% endblock %}{% block button %}Jetzt bestätigen{% endblock %}"
    )
    (german / "email.txt").write_text("Hallo {{ first_name }}: {{ session_url }}")
    invite = Invite(company_name="Acme", template_dirs=[tmp_path])
    email = prepare(invite, locale="de-CH", first_name=HOSTILE).email
    assert email is not None
    assert email.locale == "de"
    assert "Jetzt bestätigen" in email.html and "&lt;script&gt;" in email.html
    assert HOSTILE not in email.html  # a user's template is autoescaped too


def test_an_undefined_variable_is_an_error_that_names_it(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "email.txt").write_text("Hi {{ first_name }}, call {{ support_phone }}")
    invite = Invite(company_name="Acme", template_dirs=[tmp_path])
    with pytest.raises(InvalidRequestError, match=r"en/email.txt.*'support_phone' is undefined"):
        prepare(invite)
    with_extra = Invite(
        company_name="Acme", template_dirs=[tmp_path], extra_context={"support_phone": "311"}
    )
    email = prepare(with_extra).email
    assert email is not None and "call 311" in email.text


def test_extra_context_cannot_replace_what_the_provider_sets():
    invite = Invite(company_name="Acme", extra_context={"session_url": "https://evil.test"})
    with pytest.raises(InvalidRequestError, match="may not redefine session_url"):
        prepare(invite)


def test_a_syntax_error_names_the_template_and_line(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "sms.txt").write_text("line one\n{{ first_name }\n")
    invite = Invite(
        company_name="Acme", channels=["sms"], sms_sender=print, template_dirs=[tmp_path]
    )
    with pytest.raises(InvalidRequestError, match="en/sms.txt has a syntax error on line 2"):
        prepare(invite)


def test_a_missing_template_folder_is_refused():
    with pytest.raises(InvalidRequestError, match="invite.template_dirs has folder"):
        InviteRenderer(["/no/such/folder"])


def test_a_missing_template_lists_where_it_looked(tmp_path):
    renderer = InviteRenderer([tmp_path], default_locale="de")
    with pytest.raises(
        InvalidRequestError, match="looked for pt-BR/sms.txt, pt/sms.txt, de/sms.txt"
    ):
        renderer.template("sms.txt", "pt-BR")


def test_only_web_links_are_rendered():
    with pytest.raises(InvalidRequestError, match="session_url must be an absolute http"):
        prepare_invite(Invite(company_name="Acme"), applicant(), "javascript:alert(1)")


def test_a_long_sms_fails_or_warns_by_configuration(caplog):
    strict = Invite(company_name="Acme", channels=["sms"], sms_sender=print, max_sms_segments=1)
    with pytest.raises(
        InvalidRequestError, match=r"takes 2 segments \(GSM-7, \d+ units\), above invite.max_sms"
    ):
        prepare(strict)
    lenient = Invite(
        company_name="Acme",
        channels=["sms"],
        sms_sender=print,
        max_sms_segments=1,
        on_long_sms="warn",
    )
    assert prepare(lenient).sms is not None
    assert "sending it anyway" in caplog.text


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"company_name": " "}, "invite.company_name"),
        ({"channels": ["fax"]}, "invite.channels"),
        ({"channels": []}, "invite.channels"),
        ({"channels": ["sms"]}, "invite.sms_sender is required"),
        ({"sms_sender": "twilio"}, "invite.sms_sender must be a callable"),
        ({"max_sms_segments": 0}, "invite.max_sms_segments"),
        ({"on_long_sms": "ignore"}, "invite.on_long_sms"),
        ({"link_valid_for": timedelta(0)}, "invite.link_valid_for"),
        ({"default_locale": "english please"}, "invite.default_locale"),
    ],
)
def test_invite_settings_are_checked_when_the_dag_is_parsed(kwargs, field):
    with pytest.raises(InvalidRequestError, match=field):
        Invite(**{"company_name": "Acme", **kwargs})


def test_channels_are_deduplicated_and_a_single_string_is_accepted():
    assert Invite(company_name="Acme", channels="email").channels == ("email",)
    assert Invite(company_name="Acme", channels=["email", "email"]).channels == ("email",)
