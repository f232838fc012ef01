from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address_type_0 import AddressType0
    from ..models.business_type_0 import BusinessType0
    from ..models.contact_type_0 import ContactType0
    from ..models.identity_number import IdentityNumber
    from ..models.person_type_0 import PersonType0


T = TypeVar("T", bound="AccountAttributes")


@_attrs_define
class AccountAttributes:
    """
    Attributes:
        status (str | Unset): active, pending, inactive or suspended
        entity_type (str | Unset):
        external_id (None | str | Unset):
        person (None | PersonType0 | Unset):
        business (BusinessType0 | None | Unset):
        contact (ContactType0 | None | Unset):
        address (AddressType0 | None | Unset):
        identity_numbers (list[IdentityNumber] | None | Unset):
        created_at (None | str | Unset):
        updated_at (None | str | Unset):
        redacted_at (None | str | Unset):
    """

    status: str | Unset = UNSET
    entity_type: str | Unset = UNSET
    external_id: None | str | Unset = UNSET
    person: None | PersonType0 | Unset = UNSET
    business: BusinessType0 | None | Unset = UNSET
    contact: ContactType0 | None | Unset = UNSET
    address: AddressType0 | None | Unset = UNSET
    identity_numbers: list[IdentityNumber] | None | Unset = UNSET
    created_at: None | str | Unset = UNSET
    updated_at: None | str | Unset = UNSET
    redacted_at: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.address_type_0 import AddressType0
        from ..models.business_type_0 import BusinessType0
        from ..models.contact_type_0 import ContactType0
        from ..models.person_type_0 import PersonType0

        status = self.status

        entity_type = self.entity_type

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
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

        identity_numbers: list[dict[str, Any]] | None | Unset
        if isinstance(self.identity_numbers, Unset):
            identity_numbers = UNSET
        elif isinstance(self.identity_numbers, list):
            identity_numbers = []
            for identity_numbers_type_0_item_data in self.identity_numbers:
                identity_numbers_type_0_item = (
                    identity_numbers_type_0_item_data.to_dict()
                )
                identity_numbers.append(identity_numbers_type_0_item)

        else:
            identity_numbers = self.identity_numbers

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        else:
            created_at = self.created_at

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = self.updated_at

        redacted_at: None | str | Unset
        if isinstance(self.redacted_at, Unset):
            redacted_at = UNSET
        else:
            redacted_at = self.redacted_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if entity_type is not UNSET:
            field_dict["entity_type"] = entity_type
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
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if redacted_at is not UNSET:
            field_dict["redacted_at"] = redacted_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.address_type_0 import AddressType0
        from ..models.business_type_0 import BusinessType0
        from ..models.contact_type_0 import ContactType0
        from ..models.identity_number import IdentityNumber
        from ..models.person_type_0 import PersonType0

        d = dict(src_dict)
        status = d.pop("status", UNSET)

        entity_type = d.pop("entity_type", UNSET)

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

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

        def _parse_identity_numbers(
            data: object,
        ) -> list[IdentityNumber] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                identity_numbers_type_0 = []
                _identity_numbers_type_0 = data
                for identity_numbers_type_0_item_data in _identity_numbers_type_0:
                    identity_numbers_type_0_item = IdentityNumber.from_dict(
                        identity_numbers_type_0_item_data
                    )

                    identity_numbers_type_0.append(identity_numbers_type_0_item)

                return identity_numbers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[IdentityNumber] | None | Unset, data)

        identity_numbers = _parse_identity_numbers(d.pop("identity_numbers", UNSET))

        def _parse_created_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_updated_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        def _parse_redacted_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        redacted_at = _parse_redacted_at(d.pop("redacted_at", UNSET))

        account_attributes = cls(
            status=status,
            entity_type=entity_type,
            external_id=external_id,
            person=person,
            business=business,
            contact=contact,
            address=address,
            identity_numbers=identity_numbers,
            created_at=created_at,
            updated_at=updated_at,
            redacted_at=redacted_at,
        )

        account_attributes.additional_properties = d
        return account_attributes

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
