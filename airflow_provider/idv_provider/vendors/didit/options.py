"""What a Didit create takes besides the applicant, checked before any call."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from idv_provider.exceptions import InvalidRequestError
from idv_provider.validation import check_iso_date

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
CONTACT_OPTIONS = {"email_lang"}
#: Didit's hosted-flow languages beyond ISO 639-1 codes
REGIONAL_LANGUAGES = {"pt-BR", "zh-CN", "zh-TW"}


def didit_language(locale: str | None) -> str | None:
    """``fr-CA`` → ``fr``; the regional tags Didit knows (``pt-BR``) are kept."""
    if not locale:
        return None
    return locale if locale in REGIONAL_LANGUAGES else locale.split("-")[0]


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
        check_iso_date(details["date_of_birth"], f"{field}.date_of_birth")
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


def check_create_options(
    metadata: Mapping[str, Any] | None, vendor_options: Mapping[str, Any] | None
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


def check_resubmit_options(options: Mapping[str, Any]) -> None:
    """``nodes_to_resubmit`` (node ids, or ``{"node_id", "feature"}``) and ``comment``."""
    nodes = options.get("nodes_to_resubmit")
    if nodes is not None and (
        not isinstance(nodes, list | tuple)
        or not all(
            (isinstance(n, str) and n)
            or (isinstance(n, Mapping) and n.get("node_id") and set(n) <= {"node_id", "feature"})
            for n in nodes
        )
    ):
        raise InvalidRequestError(
            "options.nodes_to_resubmit must be a list of node ids ('feature_ocr') or of "
            "{'node_id': ..., 'feature': ...}"
        )
    comment = options.get("comment")
    if comment is not None and not isinstance(comment, str):
        raise InvalidRequestError("options.comment must be a string")
