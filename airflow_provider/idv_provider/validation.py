"""Input checks that run before any API call, each naming the field at fault."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from idv_provider.exceptions import InvalidRequestError
from idv_provider.models import Applicant

E164 = re.compile(r"^\+[1-9]\d{6,14}$")
# Deliberately simple: one @, no spaces, a dot in the domain. The vendor does the rest.
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
LOCALE_TAG = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")
APPLICANT_FIELDS = ("first_name", "last_name", "email", "phone", "external_id", "locale")


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


def _required_text(data: Mapping[str, Any], field: str) -> str:
    value = data.get(field)
    if not isinstance(value, str) or not value.strip():
        raise InvalidRequestError(f"applicant.{field} is required and must be a non-empty string")
    return value.strip()


def validate_applicant(data: Mapping[str, Any]) -> Applicant:
    """Build an :class:`Applicant` from a mapping, or say which field is wrong.

    Messages name the field but never echo the value: it is PII.
    """
    if not isinstance(data, Mapping):
        raise InvalidRequestError(
            f"applicant must be a mapping with {', '.join(APPLICANT_FIELDS)}; "
            f"got {type(data).__name__}"
        )
    unknown = sorted(set(data) - set(APPLICANT_FIELDS))
    if unknown:
        raise InvalidRequestError(
            f"applicant has unknown field(s) {', '.join(unknown)}; "
            f"expected {', '.join(APPLICANT_FIELDS)}"
        )
    email = _required_text(data, "email")
    if not EMAIL.match(email):
        raise InvalidRequestError("applicant.email is not a valid email address")
    phone = _required_text(data, "phone")
    if not E164.match(phone):
        raise InvalidRequestError(
            "applicant.phone must be in E.164 format: '+', country code and number, "
            "digits only (e.g. +15192223333)"
        )
    external_id = data.get("external_id")
    if external_id is not None and (not isinstance(external_id, str) or not external_id.strip()):
        raise InvalidRequestError("applicant.external_id must be a non-empty string when given")
    locale = data.get("locale")
    return Applicant(
        first_name=_required_text(data, "first_name"),
        last_name=_required_text(data, "last_name"),
        email=email,
        phone=phone,
        external_id=external_id.strip() if external_id else None,
        locale=None if locale is None else normalize_locale(locale, "applicant.locale"),
    )


def validate_https_url(value: str | None, field: str) -> str | None:
    """``None`` or an absolute https:// URL with a host."""
    if value is None:
        return None
    parts = urlsplit(value) if isinstance(value, str) else None
    if parts is None or parts.scheme != "https" or not parts.netloc:
        raise InvalidRequestError(f"{field} must be an absolute https:// URL")
    return value


def validate_session_url(value: Any, field: str = "session_url") -> str:
    """The applicant's link: an absolute http(s) URL (the sandbox serves plain http)."""
    parts = urlsplit(value) if isinstance(value, str) else None
    if parts is None or parts.scheme not in ("https", "http") or not parts.netloc:
        raise InvalidRequestError(f"{field} must be an absolute http(s) URL")
    return str(value)


def validate_session_id(value: Any) -> str:
    """A vendor session id: a non-empty string."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidRequestError("session_id is required")
    return value
