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
    from ..models.account_create_request_data_attributes import (
        AccountCreateRequestDataAttributes,
    )


T = TypeVar("T", bound="AccountCreateRequestData")


@_attrs_define
class AccountCreateRequestData:
    """
    Attributes:
        attributes (AccountCreateRequestDataAttributes):
        type_ (Literal['account'] | Unset):
    """

    attributes: AccountCreateRequestDataAttributes
    type_: Literal["account"] | Unset = UNSET
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
        from ..models.account_create_request_data_attributes import (
            AccountCreateRequestDataAttributes,
        )

        d = dict(src_dict)
        attributes = AccountCreateRequestDataAttributes.from_dict(d.pop("attributes"))

        type_ = cast(Literal["account"] | Unset, d.pop("type", UNSET))
        if type_ != "account" and not isinstance(type_, Unset):
            raise ValueError(f"type must match const 'account', got '{type_}'")

        account_create_request_data = cls(
            attributes=attributes,
            type_=type_,
        )

        account_create_request_data.additional_properties = d
        return account_create_request_data

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
