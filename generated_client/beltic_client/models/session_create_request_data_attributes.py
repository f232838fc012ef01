from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.session_create_request_data_attributes_entity_type import (
    SessionCreateRequestDataAttributesEntityType,
)

T = TypeVar("T", bound="SessionCreateRequestDataAttributes")


@_attrs_define
class SessionCreateRequestDataAttributes:
    """
    Attributes:
        entity_type (SessionCreateRequestDataAttributesEntityType):
    """

    entity_type: SessionCreateRequestDataAttributesEntityType

    def to_dict(self) -> dict[str, Any]:
        entity_type = self.entity_type.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "entity_type": entity_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        entity_type = SessionCreateRequestDataAttributesEntityType(d.pop("entity_type"))

        session_create_request_data_attributes = cls(
            entity_type=entity_type,
        )

        return session_create_request_data_attributes
