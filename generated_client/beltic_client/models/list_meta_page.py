from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ListMetaPage")


@_attrs_define
class ListMetaPage:
    """
    Attributes:
        size (int | Unset):
        has_next (bool | Unset):
        has_previous (bool | Unset):
        total (int | Unset):
    """

    size: int | Unset = UNSET
    has_next: bool | Unset = UNSET
    has_previous: bool | Unset = UNSET
    total: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        size = self.size

        has_next = self.has_next

        has_previous = self.has_previous

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if size is not UNSET:
            field_dict["size"] = size
        if has_next is not UNSET:
            field_dict["hasNext"] = has_next
        if has_previous is not UNSET:
            field_dict["hasPrevious"] = has_previous
        if total is not UNSET:
            field_dict["total"] = total

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        size = d.pop("size", UNSET)

        has_next = d.pop("hasNext", UNSET)

        has_previous = d.pop("hasPrevious", UNSET)

        total = d.pop("total", UNSET)

        list_meta_page = cls(
            size=size,
            has_next=has_next,
            has_previous=has_previous,
            total=total,
        )

        list_meta_page.additional_properties = d
        return list_meta_page

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
