"""A Beltic applicant is an account: its attributes, the create options, and the look-up by
external id that never takes another applicant's account."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from beltic_client.models import Account, AccountList
from idv_provider.exceptions import IdentityMismatchError, InvalidRequestError
from idv_provider.hooks.unset import present
from idv_provider.models import Applicant
from idv_provider.validation import check_iso_date

VENDOR_OPTIONS = {"birth_date", "middle_name", "address", "identity_numbers"}
IDENTITY_NUMBER_FIELDS = {"number", "issuing_country_code", "class"}
ADDRESS_FIELDS = {
    "line1",
    "line2",
    "sublocality",
    "locality",
    "administrative_area",
    "postal_code",
    "country_code",
}


def check_create_options(
    metadata: Mapping[str, Any] | None, vendor_options: Mapping[str, Any] | None
) -> None:
    if metadata:
        raise InvalidRequestError("metadata: Beltic sessions take no metadata")
    options = dict(vendor_options or {})
    if unknown := sorted(set(options) - VENDOR_OPTIONS):
        raise InvalidRequestError(
            f"vendor_options has unknown key(s) {', '.join(unknown)}; Beltic takes "
            f"{', '.join(sorted(VENDOR_OPTIONS))}"
        )
    if "birth_date" in options:
        check_iso_date(options["birth_date"], "vendor_options.birth_date")
    numbers = options.get("identity_numbers", [])
    if not isinstance(numbers, list | tuple) or not all(
        isinstance(n, Mapping) and n and set(n) <= IDENTITY_NUMBER_FIELDS for n in numbers
    ):
        raise InvalidRequestError(
            "vendor_options.identity_numbers must be a list of mappings of "
            f"{', '.join(sorted(IDENTITY_NUMBER_FIELDS))}"
        )
    address = options.get("address", {})
    if not isinstance(address, Mapping) or set(address) - ADDRESS_FIELDS:
        raise InvalidRequestError(
            f"vendor_options.address must be a mapping of {', '.join(sorted(ADDRESS_FIELDS))}"
        )


def account_attributes(
    applicant: Applicant, external_id: str, options: dict[str, Any]
) -> dict[str, Any]:
    """The applicant's account: name, contact and the ``vendor_options`` extras."""
    name = {"first": applicant.first_name, "last": applicant.last_name}
    if options.get("middle_name"):
        name["middle"] = options["middle_name"]
    person: dict[str, Any] = {"name": name}
    if options.get("birth_date"):
        person["birth_date"] = options["birth_date"]
    attributes: dict[str, Any] = {
        "entity_type": "person",
        "external_id": external_id,
        "person": person,
        "contact": {"email": applicant.email, "phone": applicant.phone},
    }
    if options.get("address"):
        attributes["address"] = dict(options["address"])
    if options.get("identity_numbers"):
        attributes["identity_numbers"] = [dict(n) for n in options["identity_numbers"]]
    return attributes


def only_account_of(page: AccountList, external_id: str) -> Account | None:
    """The account whose ``external_id`` is exactly this one, from a filtered list page, or
    ``None`` when there is none. Rows of other applicants (a server that ignores or loosens
    the filter) are never taken; when they fill the page, the answer cannot be trusted."""
    matches = [a for a in page.data if present(a.attributes.external_id) == external_id]
    if len(matches) > 1:
        raise IdentityMismatchError(
            f"Beltic lists {len(matches)} accounts for one external id: refusing to choose"
        )
    links = present(page.links)
    if not matches and len(page.data) and links is not None and present(links.next_):
        raise IdentityMismatchError(
            "Beltic answered the look-up of the applicant's account by external id with "
            "other accounts, page after page (filter[external_id] not honoured): refusing to "
            "guess, and to create a second account"
        )
    return matches[0] if matches else None
