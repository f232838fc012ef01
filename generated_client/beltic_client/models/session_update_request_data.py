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

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.session_update_request_data_attributes import (
        SessionUpdateRequestDataAttributes,
    )


T = TypeVar("T", bound="SessionUpdateRequestData")


@_attrs_define
class SessionUpdateRequestData:
    """
    Attributes:
        attributes (SessionUpdateRequestDataAttributes):
        type_ (Literal['session'] | Unset):
    """

    attributes: SessionUpdateRequestDataAttributes
    type_: Literal["session"] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attributes = self.attributes.to_dict()

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attributes": attributes,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.session_update_request_data_attributes import (
            SessionUpdateRequestDataAttributes,
        )

        d = dict(src_dict)
        attributes = SessionUpdateRequestDataAttributes.from_dict(d.pop("attributes"))

        type_ = cast(Literal["session"] | Unset, d.pop("type", UNSET))
        if type_ != "session" and not isinstance(type_, Unset):
            raise ValueError(f"type must match const 'session', got '{type_}'")

        session_update_request_data = cls(
            attributes=attributes,
            type_=type_,
        )

        session_update_request_data.additional_properties = d
        return session_update_request_data

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
