from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.to_one import ToOne


T = TypeVar("T", bound="SessionRelationships")


@_attrs_define
class SessionRelationships:
    """
    Attributes:
        account (ToOne | Unset):
        session_device (ToOne | Unset):
    """

    account: ToOne | Unset = UNSET
    session_device: ToOne | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account: dict[str, Any] | Unset = UNSET
        if not isinstance(self.account, Unset):
            account = self.account.to_dict()

        session_device: dict[str, Any] | Unset = UNSET
        if not isinstance(self.session_device, Unset):
            session_device = self.session_device.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if account is not UNSET:
            field_dict["account"] = account
        if session_device is not UNSET:
            field_dict["session_device"] = session_device

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.to_one import ToOne

        d = dict(src_dict)
        _account = d.pop("account", UNSET)
        account: ToOne | Unset
        if isinstance(_account, Unset):
            account = UNSET
        else:
            account = ToOne.from_dict(_account)

        _session_device = d.pop("session_device", UNSET)
        session_device: ToOne | Unset
        if isinstance(_session_device, Unset):
            session_device = UNSET
        else:
            session_device = ToOne.from_dict(_session_device)

        session_relationships = cls(
            account=account,
            session_device=session_device,
        )

        session_relationships.additional_properties = d
        return session_relationships

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
