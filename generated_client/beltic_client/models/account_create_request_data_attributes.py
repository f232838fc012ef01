from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.account_create_request_data_attributes_entity_type import (
    AccountCreateRequestDataAttributesEntityType,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address_type_0 import AddressType0
    from ..models.business_type_0 import BusinessType0
    from ..models.contact_type_0 import ContactType0
    from ..models.identity_number import IdentityNumber
    from ..models.person_type_0 import PersonType0


T = TypeVar("T", bound="AccountCreateRequestDataAttributes")


@_attrs_define
class AccountCreateRequestDataAttributes:
    """
    Attributes:
        entity_type (AccountCreateRequestDataAttributesEntityType):
        external_id (str | Unset):
        person (None | PersonType0 | Unset):
        business (BusinessType0 | None | Unset):
        contact (ContactType0 | None | Unset):
        address (AddressType0 | None | Unset):
        identity_numbers (list[IdentityNumber] | Unset): An array on an account (an object on a session).
    """

    entity_type: AccountCreateRequestDataAttributesEntityType
    external_id: str | Unset = UNSET
    person: None | PersonType0 | Unset = UNSET
    business: BusinessType0 | None | Unset = UNSET
    contact: ContactType0 | None | Unset = UNSET
    address: AddressType0 | None | Unset = UNSET
    identity_numbers: list[IdentityNumber] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.address_type_0 import AddressType0
        from ..models.business_type_0 import BusinessType0
        from ..models.contact_type_0 import ContactType0
        from ..models.person_type_0 import PersonType0

        entity_type = self.entity_type.value

        external_id = self.external_id

        person: dict[str, Any] | None | Unset
        if isinstance(self.person, Unset):
            person = UNSET
        elif isinstance(self.person, PersonType0):
            person = self.person.to_dict()
        else:
            person = self.person

        business: dict[str, Any] | None | Unset
        if isinstance(self.business, Unset):
            business = UNSET
        elif isinstance(self.business, BusinessType0):
            business = self.business.to_dict()
        else:
            business = self.business

        contact: dict[str, Any] | None | Unset
        if isinstance(self.contact, Unset):
            contact = UNSET
        elif isinstance(self.contact, ContactType0):
            contact = self.contact.to_dict()
        else:
            contact = self.contact

        address: dict[str, Any] | None | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        elif isinstance(self.address, AddressType0):
            address = self.address.to_dict()
        else:
            address = self.address

        identity_numbers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.identity_numbers, Unset):
            identity_numbers = []
            for identity_numbers_item_data in self.identity_numbers:
                identity_numbers_item = identity_numbers_item_data.to_dict()
                identity_numbers.append(identity_numbers_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "entity_type": entity_type,
            }
        )
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if person is not UNSET:
            field_dict["person"] = person
        if business is not UNSET:
            field_dict["business"] = business
        if contact is not UNSET:
            field_dict["contact"] = contact
        if address is not UNSET:
            field_dict["address"] = address
        if identity_numbers is not UNSET:
            field_dict["identity_numbers"] = identity_numbers

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.address_type_0 import AddressType0
        from ..models.business_type_0 import BusinessType0
        from ..models.contact_type_0 import ContactType0
        from ..models.identity_number import IdentityNumber
        from ..models.person_type_0 import PersonType0

        d = dict(src_dict)
        entity_type = AccountCreateRequestDataAttributesEntityType(d.pop("entity_type"))

        external_id = d.pop("external_id", UNSET)

        def _parse_person(data: object) -> None | PersonType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_person_type_0 = PersonType0.from_dict(data)

                return componentsschemas_person_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PersonType0 | Unset, data)

        person = _parse_person(d.pop("person", UNSET))

        def _parse_business(data: object) -> BusinessType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_business_type_0 = BusinessType0.from_dict(data)

                return componentsschemas_business_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BusinessType0 | None | Unset, data)

        business = _parse_business(d.pop("business", UNSET))

        def _parse_contact(data: object) -> ContactType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_contact_type_0 = ContactType0.from_dict(data)

                return componentsschemas_contact_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContactType0 | None | Unset, data)

        contact = _parse_contact(d.pop("contact", UNSET))

        def _parse_address(data: object) -> AddressType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_address_type_0 = AddressType0.from_dict(data)

                return componentsschemas_address_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AddressType0 | None | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        _identity_numbers = d.pop("identity_numbers", UNSET)
        identity_numbers: list[IdentityNumber] | Unset = UNSET
        if _identity_numbers is not UNSET:
            identity_numbers = []
            for identity_numbers_item_data in _identity_numbers:
                identity_numbers_item = IdentityNumber.from_dict(
                    identity_numbers_item_data
                )

                identity_numbers.append(identity_numbers_item)

        account_create_request_data_attributes = cls(
            entity_type=entity_type,
            external_id=external_id,
            person=person,
            business=business,
            contact=contact,
            address=address,
            identity_numbers=identity_numbers,
        )

        return account_create_request_data_attributes
