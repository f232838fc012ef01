from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_status import SessionStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address_type_0 import AddressType0
    from ..models.contact_type_0 import ContactType0
    from ..models.person_type_0 import PersonType0
    from ..models.session_attributes_behavior_analysis_type_0 import (
        SessionAttributesBehaviorAnalysisType0,
    )
    from ..models.session_attributes_business_type_0 import (
        SessionAttributesBusinessType0,
    )
    from ..models.session_attributes_identity_numbers_type_0 import (
        SessionAttributesIdentityNumbersType0,
    )


T = TypeVar("T", bound="SessionAttributes")


@_attrs_define
class SessionAttributes:
    """
    Attributes:
        status (SessionStatus | str):
        creator_type (None | str | Unset):
        creator_id (None | str | Unset):
        entity_type (None | str | Unset):
        person (None | PersonType0 | Unset):
        contact (ContactType0 | None | Unset):
        address (AddressType0 | None | Unset):
        identity_numbers (None | SessionAttributesIdentityNumbersType0 | Unset):
        business (None | SessionAttributesBusinessType0 | Unset):
        behavior_analysis (None | SessionAttributesBehaviorAnalysisType0 | Unset):
        created_at (None | str | Unset):
        updated_at (None | str | Unset):
        started_at (None | str | Unset):
        expires_at (None | str | Unset):
        completed_at (None | str | Unset):
        failed_at (None | str | Unset):
        marked_for_review_at (None | str | Unset):
        decisioned_at (None | str | Unset):
        expired_at (None | str | Unset):
        redacted_at (None | str | Unset):
    """

    status: SessionStatus | str
    creator_type: None | str | Unset = UNSET
    creator_id: None | str | Unset = UNSET
    entity_type: None | str | Unset = UNSET
    person: None | PersonType0 | Unset = UNSET
    contact: ContactType0 | None | Unset = UNSET
    address: AddressType0 | None | Unset = UNSET
    identity_numbers: None | SessionAttributesIdentityNumbersType0 | Unset = UNSET
    business: None | SessionAttributesBusinessType0 | Unset = UNSET
    behavior_analysis: None | SessionAttributesBehaviorAnalysisType0 | Unset = UNSET
    created_at: None | str | Unset = UNSET
    updated_at: None | str | Unset = UNSET
    started_at: None | str | Unset = UNSET
    expires_at: None | str | Unset = UNSET
    completed_at: None | str | Unset = UNSET
    failed_at: None | str | Unset = UNSET
    marked_for_review_at: None | str | Unset = UNSET
    decisioned_at: None | str | Unset = UNSET
    expired_at: None | str | Unset = UNSET
    redacted_at: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.address_type_0 import AddressType0
        from ..models.contact_type_0 import ContactType0
        from ..models.person_type_0 import PersonType0
        from ..models.session_attributes_behavior_analysis_type_0 import (
            SessionAttributesBehaviorAnalysisType0,
        )
        from ..models.session_attributes_business_type_0 import (
            SessionAttributesBusinessType0,
        )
        from ..models.session_attributes_identity_numbers_type_0 import (
            SessionAttributesIdentityNumbersType0,
        )

        status: str
        if isinstance(self.status, SessionStatus):
            status = self.status.value
        else:
            status = self.status

        creator_type: None | str | Unset
        if isinstance(self.creator_type, Unset):
            creator_type = UNSET
        else:
            creator_type = self.creator_type

        creator_id: None | str | Unset
        if isinstance(self.creator_id, Unset):
            creator_id = UNSET
        else:
            creator_id = self.creator_id

        entity_type: None | str | Unset
        if isinstance(self.entity_type, Unset):
            entity_type = UNSET
        else:
            entity_type = self.entity_type

        person: dict[str, Any] | None | Unset
        if isinstance(self.person, Unset):
            person = UNSET
        elif isinstance(self.person, PersonType0):
            person = self.person.to_dict()
        else:
            person = self.person

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

        identity_numbers: dict[str, Any] | None | Unset
        if isinstance(self.identity_numbers, Unset):
            identity_numbers = UNSET
        elif isinstance(self.identity_numbers, SessionAttributesIdentityNumbersType0):
            identity_numbers = self.identity_numbers.to_dict()
        else:
            identity_numbers = self.identity_numbers

        business: dict[str, Any] | None | Unset
        if isinstance(self.business, Unset):
            business = UNSET
        elif isinstance(self.business, SessionAttributesBusinessType0):
            business = self.business.to_dict()
        else:
            business = self.business

        behavior_analysis: dict[str, Any] | None | Unset
        if isinstance(self.behavior_analysis, Unset):
            behavior_analysis = UNSET
        elif isinstance(self.behavior_analysis, SessionAttributesBehaviorAnalysisType0):
            behavior_analysis = self.behavior_analysis.to_dict()
        else:
            behavior_analysis = self.behavior_analysis

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

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        else:
            started_at = self.started_at

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = self.expires_at

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        else:
            completed_at = self.completed_at

        failed_at: None | str | Unset
        if isinstance(self.failed_at, Unset):
            failed_at = UNSET
        else:
            failed_at = self.failed_at

        marked_for_review_at: None | str | Unset
        if isinstance(self.marked_for_review_at, Unset):
            marked_for_review_at = UNSET
        else:
            marked_for_review_at = self.marked_for_review_at

        decisioned_at: None | str | Unset
        if isinstance(self.decisioned_at, Unset):
            decisioned_at = UNSET
        else:
            decisioned_at = self.decisioned_at

        expired_at: None | str | Unset
        if isinstance(self.expired_at, Unset):
            expired_at = UNSET
        else:
            expired_at = self.expired_at

        redacted_at: None | str | Unset
        if isinstance(self.redacted_at, Unset):
            redacted_at = UNSET
        else:
            redacted_at = self.redacted_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )
        if creator_type is not UNSET:
            field_dict["creator_type"] = creator_type
        if creator_id is not UNSET:
            field_dict["creator_id"] = creator_id
        if entity_type is not UNSET:
            field_dict["entity_type"] = entity_type
        if person is not UNSET:
            field_dict["person"] = person
        if contact is not UNSET:
            field_dict["contact"] = contact
        if address is not UNSET:
            field_dict["address"] = address
        if identity_numbers is not UNSET:
            field_dict["identity_numbers"] = identity_numbers
        if business is not UNSET:
            field_dict["business"] = business
        if behavior_analysis is not UNSET:
            field_dict["behavior_analysis"] = behavior_analysis
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if failed_at is not UNSET:
            field_dict["failed_at"] = failed_at
        if marked_for_review_at is not UNSET:
            field_dict["marked_for_review_at"] = marked_for_review_at
        if decisioned_at is not UNSET:
            field_dict["decisioned_at"] = decisioned_at
        if expired_at is not UNSET:
            field_dict["expired_at"] = expired_at
        if redacted_at is not UNSET:
            field_dict["redacted_at"] = redacted_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.address_type_0 import AddressType0
        from ..models.contact_type_0 import ContactType0
        from ..models.person_type_0 import PersonType0
        from ..models.session_attributes_behavior_analysis_type_0 import (
            SessionAttributesBehaviorAnalysisType0,
        )
        from ..models.session_attributes_business_type_0 import (
            SessionAttributesBusinessType0,
        )
        from ..models.session_attributes_identity_numbers_type_0 import (
            SessionAttributesIdentityNumbersType0,
        )

        d = dict(src_dict)

        def _parse_status(data: object) -> SessionStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_open_session_status_type_0 = SessionStatus(data)

                return componentsschemas_open_session_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(SessionStatus | str, data)

        status = _parse_status(d.pop("status"))

        def _parse_creator_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        creator_type = _parse_creator_type(d.pop("creator_type", UNSET))

        def _parse_creator_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        creator_id = _parse_creator_id(d.pop("creator_id", UNSET))

        def _parse_entity_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        entity_type = _parse_entity_type(d.pop("entity_type", UNSET))

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
        ) -> None | SessionAttributesIdentityNumbersType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                identity_numbers_type_0 = (
                    SessionAttributesIdentityNumbersType0.from_dict(data)
                )

                return identity_numbers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SessionAttributesIdentityNumbersType0 | Unset, data)

        identity_numbers = _parse_identity_numbers(d.pop("identity_numbers", UNSET))

        def _parse_business(
            data: object,
        ) -> None | SessionAttributesBusinessType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                business_type_0 = SessionAttributesBusinessType0.from_dict(data)

                return business_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SessionAttributesBusinessType0 | Unset, data)

        business = _parse_business(d.pop("business", UNSET))

        def _parse_behavior_analysis(
            data: object,
        ) -> None | SessionAttributesBehaviorAnalysisType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                behavior_analysis_type_0 = (
                    SessionAttributesBehaviorAnalysisType0.from_dict(data)
                )

                return behavior_analysis_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SessionAttributesBehaviorAnalysisType0 | Unset, data)

        behavior_analysis = _parse_behavior_analysis(d.pop("behavior_analysis", UNSET))

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

        def _parse_started_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        started_at = _parse_started_at(d.pop("started_at", UNSET))

        def _parse_expires_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

        def _parse_completed_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        def _parse_failed_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        failed_at = _parse_failed_at(d.pop("failed_at", UNSET))

        def _parse_marked_for_review_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        marked_for_review_at = _parse_marked_for_review_at(
            d.pop("marked_for_review_at", UNSET)
        )

        def _parse_decisioned_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decisioned_at = _parse_decisioned_at(d.pop("decisioned_at", UNSET))

        def _parse_expired_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        expired_at = _parse_expired_at(d.pop("expired_at", UNSET))

        def _parse_redacted_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        redacted_at = _parse_redacted_at(d.pop("redacted_at", UNSET))

        session_attributes = cls(
            status=status,
            creator_type=creator_type,
            creator_id=creator_id,
            entity_type=entity_type,
            person=person,
            contact=contact,
            address=address,
            identity_numbers=identity_numbers,
            business=business,
            behavior_analysis=behavior_analysis,
            created_at=created_at,
            updated_at=updated_at,
            started_at=started_at,
            expires_at=expires_at,
            completed_at=completed_at,
            failed_at=failed_at,
            marked_for_review_at=marked_for_review_at,
            decisioned_at=decisioned_at,
            expired_at=expired_at,
            redacted_at=redacted_at,
        )

        session_attributes.additional_properties = d
        return session_attributes

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
