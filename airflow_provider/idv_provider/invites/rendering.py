"""Render invite messages from Jinja templates, in the applicant's language.

Templates live under ``<locale>/<name>`` in the provider's ``templates/invites`` folder and in
any directories the user passes, which take precedence file by file: a user overrides one
message for one language by dropping a file with the same relative name in their folder.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import jinja2
from babel import Locale, UnknownLocaleError
from babel.dates import format_date as babel_format_date
from jinja2.sandbox import SandboxedEnvironment

from idv_provider.exceptions import InvalidRequestError
from idv_provider.invites.sms import SmsLength, sms_length
from idv_provider.template_files import templates_dir
from idv_provider.validation import normalize_locale, validate_session_url

SUBJECT, HTML, TEXT, SMS = "email_subject.txt", "email.html", "email.txt", "sms.txt"
#: the names every template sees; ``extra_context`` may add others but not replace these
STANDARD_VARIABLES = ("first_name", "session_url", "company_name", "expires_at", "locale")


def locale_chain(locale: str, default: str) -> list[str]:
    """Where to look, most specific first: ``fr-CA`` → ``fr-CA``, ``fr``, then the default."""
    parts = locale.split("-")
    chain = ["-".join(parts[:n]) for n in range(len(parts), 0, -1)]
    return chain if default in chain else [*chain, default]


def _babel_locale(tag: str) -> Locale:
    for candidate in locale_chain(tag, "en"):
        try:
            return Locale.parse(candidate, sep="-")
        except (UnknownLocaleError, ValueError):
            continue
    return Locale("en")


@jinja2.pass_context
def format_date(context: jinja2.runtime.Context, value: date, format: str = "long") -> str:
    """``{{ expires_at | format_date }}``: a date written the way the template's locale does."""
    return babel_format_date(value, format=format, locale=_babel_locale(context["locale"]))


@dataclass(frozen=True)
class InviteVariables:
    """What an invite says. ``first_name`` is PII and ``session_url`` a bearer link."""

    first_name: str
    session_url: str = field(repr=False)
    company_name: str
    expires_at: datetime
    locale: str
    extra: Mapping[str, Any] = field(default_factory=dict)

    def as_context(self) -> dict[str, Any]:
        clash = sorted(set(self.extra) & set(STANDARD_VARIABLES))
        if clash:
            raise InvalidRequestError(
                f"invite.extra_context may not redefine {', '.join(clash)}: the provider sets them"
            )
        validate_session_url(self.session_url)
        standard = {name: getattr(self, name) for name in STANDARD_VARIABLES}
        return {**self.extra, **standard}


@dataclass(frozen=True)
class RenderedEmail:
    locale: str  # of the HTML template used, after the fallback
    subject: str
    html: str = field(repr=False)
    text: str = field(repr=False)


@dataclass(frozen=True)
class RenderedSms:
    locale: str  # of the template used, after the fallback
    body: str = field(repr=False)
    length: SmsLength


class InviteRenderer:
    """A Jinja environment for invites: HTML autoescaped, undefined variables are errors.

    :param template_dirs: folders whose ``<locale>/<name>`` files override the packaged ones.
    :param default_locale: the last resort of the locale fallback.
    """

    def __init__(self, template_dirs: Sequence[str | Path] = (), *, default_locale: str = "en"):
        dirs = [Path(d) for d in template_dirs]
        missing = [str(d) for d in dirs if not d.is_dir()]
        if missing:
            raise InvalidRequestError(
                f"invite.template_dirs has folder(s) that do not exist: {', '.join(missing)}"
            )
        self.default_locale = normalize_locale(default_locale, "invite.default_locale")
        self.env = SandboxedEnvironment(
            loader=jinja2.ChoiceLoader(
                [
                    jinja2.FileSystemLoader([str(d) for d in dirs]),
                    jinja2.FileSystemLoader(templates_dir() / "invites"),
                ]
            ),
            autoescape=jinja2.select_autoescape(
                enabled_extensions=("html", "htm", "xml"), default_for_string=False
            ),
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["format_date"] = format_date

    def template(self, name: str, locale: str) -> jinja2.Template:
        """The most specific template for the locale (``fr-CA`` → ``fr`` → the default)."""
        names = [f"{tag}/{name}" for tag in locale_chain(locale, self.default_locale)]
        try:
            return self.env.select_template(names)
        except jinja2.TemplatesNotFound:
            raise InvalidRequestError(
                f"No invite template {name!r} for locale {locale!r}: looked for "
                f"{', '.join(names)} in invite.template_dirs and the packaged templates"
            ) from None
        except jinja2.TemplateSyntaxError as exc:
            raise InvalidRequestError(
                f"Invite template {exc.name or name} has a syntax error on line {exc.lineno}: "
                f"{exc.message}"
            ) from None

    def _render(self, name: str, variables: InviteVariables) -> tuple[str, str]:
        """The rendered text and the locale of the template that made it."""
        template = self.template(name, variables.locale)
        try:
            text = template.render(variables.as_context())
        except jinja2.UndefinedError as exc:
            raise InvalidRequestError(
                f"Invite template {template.name} uses an undefined variable ({exc.message}); "
                f"it can use {', '.join(STANDARD_VARIABLES)} and invite.extra_context"
            ) from None
        return text, str(template.name).split("/", 1)[0]

    def render_email(self, variables: InviteVariables) -> RenderedEmail:
        subject, _ = self._render(SUBJECT, variables)
        subject = " ".join(subject.split())  # one header line, whatever the template holds
        if not subject:
            raise InvalidRequestError(f"The invite subject for {variables.locale!r} is empty")
        html, locale = self._render(HTML, variables)
        text, _ = self._render(TEXT, variables)
        return RenderedEmail(locale=locale, subject=subject, html=html, text=text.strip() + "\n")

    def render_sms(self, variables: InviteVariables) -> RenderedSms:
        body, locale = self._render(SMS, variables)
        body = body.strip()
        return RenderedSms(locale=locale, body=body, length=sms_length(body))
