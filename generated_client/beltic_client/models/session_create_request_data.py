from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.session_create_request_data_attributes import (
        SessionCreateRequestDataAttributes,
    )
    from ..models.session_create_request_data_relationships import (
        SessionCreateRequestDataRelationships,
    )


T = TypeVar("T", bound="SessionCreateRequestData")


@_attrs_define
class SessionCreateRequestData:
    """
    Attributes:
        type_ (Literal['session']):
        attributes (SessionCreateRequestDataAttributes):
        relationships (SessionCreateRequestDataRelationships):
    """

    type_: Literal["session"]
    attributes: SessionCreateRequestDataAttributes
    relationships: SessionCreateRequestDataRelationships
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        attributes = self.attributes.to_dict()

        relationships = self.relationships.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "attributes": attributes,
                "relationships": relationships,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.session_create_request_data_attributes import (
            SessionCreateRequestDataAttributes,
        )
        from ..models.session_create_request_data_relationships import (
            SessionCreateRequestDataRelationships,
        )

        d = dict(src_dict)
        type_ = cast(Literal["session"], d.pop("type"))
        if type_ != "session":
            raise ValueError(f"type must match const 'session', got '{type_}'")

        attributes = SessionCreateRequestDataAttributes.from_dict(d.pop("attributes"))

        relationships = SessionCreateRequestDataRelationships.from_dict(
            d.pop("relationships")
        )

        session_create_request_data = cls(
            type_=type_,
            attributes=attributes,
            relationships=relationships,
        )

        session_create_request_data.additional_properties = d
        return session_create_request_data

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
