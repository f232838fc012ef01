"""Input checks that run before any API call, each naming the field at fault.

Messages name the field but never echo the value: it may be PII or a secret.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Mapping
from datetime import date
from typing import Any
from urllib.parse import quote, urlsplit

from idv_provider.exceptions import InvalidRequestError
from idv_provider.models import Applicant

E164 = re.compile(r"^\+[1-9]\d{6,14}$")
LOCALE_TAG = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")
APPLICANT_FIELDS = ("first_name", "last_name", "email", "phone", "external_id", "locale")
#: longest name accepted: far above any real one, far below abuse
MAX_TEXT_LENGTH = 256
#: longest applicant reference (``external_id``): what the outcomes table's key column holds
MAX_REFERENCE = 200

# One RFC 5321 mailbox (RFC 6531 allows UTF-8 in it): a dot-atom local part of at most 64
# octets, a domain of LDH (or non-ASCII) labels with at least one dot, 254 octets in all. No
# quoted local parts, comments, display names, lists or address literals: one plain address.
_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\U0010ffff-]"
_LABEL = r"(?!-)[A-Za-z0-9\u0080-\U0010ffff-]{1,63}(?<!-)"
EMAIL = re.compile(rf"^{_ATEXT}+(?:\.{_ATEXT}+)*@{_LABEL}(?:\.{_LABEL})+$")
MAX_EMAIL_OCTETS, MAX_LOCAL_PART_OCTETS = 254, 64
#: Unicode categories that never belong in a name, address or reference: controls, format
#: characters other than joiners, separators other than the plain space, surrogates, unassigned
_REFUSED_CATEGORIES = frozenset({"Cc", "Cs", "Co", "Cn", "Zl", "Zp"})
_JOINERS = frozenset("\u200c\u200d")  # ZWNJ and ZWJ spell names in several scripts


def has_control_characters(value: str) -> bool:
    """Whether ``value`` holds a character no name or address may: NUL, CR, LF, a lone
    surrogate, a line separator, an invisible format character..."""
    for char in value:
        category = unicodedata.category(char)
        if category in _REFUSED_CATEGORIES or (category == "Cf" and char not in _JOINERS):
            return True
        if category == "Zs" and char != " ":
            return True
    return False


def normalize_locale(tag: str, field_name: str = "locale") -> str:
    """``fr_ca`` → ``fr-CA``, ``zh-hant-tw`` → ``zh-Hant-TW`` (BCP 47 casing)."""
    if not isinstance(tag, str) or not LOCALE_TAG.match(tag.strip()):
        raise InvalidRequestError(
            f"{field_name} must be a language tag such as 'en', 'fr' or 'fr-CA'"
        )
    language, *rest = re.split("[-_]", tag.strip())
    parts = [language.lower()]
    for part in rest:
        if len(part) == 4 and part.isalpha():
            parts.append(part.title())  # script
        elif (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            parts.append(part.upper())  # region
        else:
            parts.append(part.lower())
    return "-".join(parts)


def _text(data: Mapping[str, Any], field: str, *, required: bool = True) -> str | None:
    value = data.get(field)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        what = "is required and must be" if required else "must be"
        raise InvalidRequestError(f"applicant.{field} {what} a non-empty string")
    value = value.strip()
    if len(value) > MAX_TEXT_LENGTH:
        raise InvalidRequestError(f"applicant.{field} is longer than {MAX_TEXT_LENGTH} characters")
    if has_control_characters(value):
        raise InvalidRequestError(f"applicant.{field} contains control characters")
    return value


def validate_reference(value: Any, field: str = "reference") -> str:
    """An applicant's reference exactly as given: the application's key for them, sent to the
    vendor and compared byte for byte. Surrounding whitespace or control characters are
    refused, never trimmed: ``"victim "`` must never become ``"victim"``."""
    if not isinstance(value, str) or not value:
        raise InvalidRequestError(f"{field} is required and must be a non-empty string")
    if value != value.strip():
        raise InvalidRequestError(f"{field} has surrounding whitespace (refused, not trimmed)")
    if has_control_characters(value) or any(c.isspace() and c != " " for c in value):
        raise InvalidRequestError(f"{field} contains control characters")
    if len(value) > MAX_REFERENCE:
        raise InvalidRequestError(f"{field} is longer than {MAX_REFERENCE} characters")
    return value


def validate_email(value: Any, field: str) -> str:
    """One plain mailbox (``name@example.com``) that a mail server can take, or say why not."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidRequestError(f"{field} is required and must be a non-empty string")
    email = value.strip()
    if has_control_characters(email) or not EMAIL.match(email):
        raise InvalidRequestError(
            f"{field} is not a valid email address: one mailbox such as name@example.com, "
            "without display name, brackets, quotes, commas or spaces"
        )
    local_part = email.rpartition("@")[0]
    if len(email.encode()) > MAX_EMAIL_OCTETS or len(local_part.encode()) > MAX_LOCAL_PART_OCTETS:
        raise InvalidRequestError(
            f"{field} is too long for email: at most {MAX_LOCAL_PART_OCTETS} octets before "
            f"the @ and {MAX_EMAIL_OCTETS} in all (RFC 5321)"
        )
    return email


def validate_applicant(data: Mapping[str, Any]) -> Applicant:
    """Build an :class:`Applicant` from a mapping, or say which field is wrong."""
    if not isinstance(data, Mapping):
        raise InvalidRequestError(
            f"applicant must be a mapping with {', '.join(APPLICANT_FIELDS)}; "
            f"got {type(data).__name__}"
        )
    unknown = sorted(str(key) for key in set(data) - set(APPLICANT_FIELDS))
    if unknown:
        raise InvalidRequestError(
            f"applicant has unknown field(s) {', '.join(unknown)}; "
            f"expected {', '.join(APPLICANT_FIELDS)}"
        )
    email = validate_email(data.get("email"), "applicant.email")
    phone = _text(data, "phone")
    if not phone or not E164.match(phone):
        raise InvalidRequestError(
            "applicant.phone must be in E.164 format: '+', country code and number, "
            "digits only (e.g. +15192223333)"
        )
    locale = data.get("locale")
    external_id = data.get("external_id")
    return Applicant(
        first_name=str(_text(data, "first_name")),
        last_name=str(_text(data, "last_name")),
        email=email,
        phone=phone,
        external_id=None
        if external_id is None
        else validate_reference(external_id, "applicant.external_id"),
        locale=None if locale is None else normalize_locale(locale, "applicant.locale"),
    )


def _http_url(value: Any, field: str, schemes: tuple[str, ...]) -> str:
    """An absolute URL with one of ``schemes``, a host, no credentials, no control
    characters or spaces anywhere."""
    what = " or ".join(f"{s}://" for s in schemes)
    if not isinstance(value, str) or any(c.isspace() for c in value):
        raise InvalidRequestError(f"{field} must be an absolute {what} URL without spaces")
    if has_control_characters(value):
        raise InvalidRequestError(f"{field} contains control characters")
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        raise InvalidRequestError(f"{field} is not a well-formed URL") from None
    if parts.scheme.lower() not in schemes or not parts.hostname:
        raise InvalidRequestError(f"{field} must be an absolute {what} URL")
    if parts.username is not None or parts.password is not None:
        raise InvalidRequestError(
            f"{field} must not carry credentials (user:password@): they would end up in the "
            "applicant's link"
        )
    return value


def validate_https_url(value: str | None, field: str) -> str | None:
    """``None`` or an absolute https:// URL with a host and no credentials."""
    return None if value is None else _http_url(value, field, ("https",))


def validate_session_url(value: Any, field: str = "session_url") -> str:
    """The applicant's link: an absolute http(s) URL (the sandbox serves plain http)."""
    return _http_url(value, field, ("https", "http"))


#: a vendor session id as it may sit in a URL path: a token, never "." or ".."
SESSION_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$")
UUID = re.compile(r"^[0-9A-Fa-f]{8}-([0-9A-Fa-f]{4}-){3}[0-9A-Fa-f]{12}$")


def validate_session_id(value: Any, pattern: re.Pattern[str] = SESSION_ID) -> str:
    """A vendor session id in the vendor's format (by default: letters, digits, ``-`` and
    ``_``), so it can only ever name one session in a URL."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidRequestError("session_id is required")
    if not pattern.match(value):
        raise InvalidRequestError(
            "session_id is not a session id of this vendor"
            + (" (a UUID)" if pattern is UUID else " (letters, digits, '-' and '_')")
        )
    return value


def session_link_template(value: Any, field: str) -> str | None:
    """A link template from a connection extra: an http(s) URL whose only placeholder is
    ``{session_id}`` (no attribute access, no format spec). Empty means none."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise InvalidRequestError(f"{field} must be a URL with {{session_id}}")
    try:
        fields = [
            (n, spec, conv) for _, n, spec, conv in string.Formatter().parse(value) if n is not None
        ]
    except ValueError:  # an unmatched brace
        fields = []
    if fields != [("session_id", "", None)]:
        raise InvalidRequestError(
            f"{field} must contain {{session_id}} exactly once and no other {{...}} field, "
            "e.g. https://console.example.com/sessions/{session_id}"
        )
    validate_session_url(fill_session_link(value, "x"), field)
    return value.strip()


def fill_session_link(template: str, session_id: str) -> str:
    """``template`` with ``{session_id}`` filled in (URL-quoted) and ``{{``/``}}`` unescaped."""
    quoted = quote(session_id, safe="")
    return "".join(
        literal + (quoted if name == "session_id" else "")
        for literal, name, _, _ in string.Formatter().parse(template)
    )


def flag(value: Any, field: str) -> bool:
    """A yes/no setting as given, or rendered from a template (``"True"``, ``"false"``)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise InvalidRequestError(f"{field} must be true or false")


def check_iso_date(value: Any, field: str) -> None:
    """``value`` is a calendar date written ``YYYY-MM-DD``, else an error naming ``field``."""
    try:
        date.fromisoformat(str(value))
    except ValueError:
        raise InvalidRequestError(f"{field} must be YYYY-MM-DD") from None
