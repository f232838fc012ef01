from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.warning import Warning_


T = TypeVar("T", bound="IdVerification")


@_attrs_define
class IdVerification:
    """
    Attributes:
        node_id (str | Unset):
        status (str | Unset):
        document_type (None | str | Unset):
        issuing_state (None | str | Unset):
        expiration_date (None | str | Unset):
        age (int | None | Unset):
        warnings (list[Warning_] | None | Unset):
    """

    node_id: str | Unset = UNSET
    status: str | Unset = UNSET
    document_type: None | str | Unset = UNSET
    issuing_state: None | str | Unset = UNSET
    expiration_date: None | str | Unset = UNSET
    age: int | None | Unset = UNSET
    warnings: list[Warning_] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        node_id = self.node_id

        status = self.status

        document_type: None | str | Unset
        if isinstance(self.document_type, Unset):
            document_type = UNSET
        else:
            document_type = self.document_type

        issuing_state: None | str | Unset
        if isinstance(self.issuing_state, Unset):
            issuing_state = UNSET
        else:
            issuing_state = self.issuing_state

        expiration_date: None | str | Unset
        if isinstance(self.expiration_date, Unset):
            expiration_date = UNSET
        else:
            expiration_date = self.expiration_date

        age: int | None | Unset
        if isinstance(self.age, Unset):
            age = UNSET
        else:
            age = self.age

        warnings: list[dict[str, Any]] | None | Unset
        if isinstance(self.warnings, Unset):
            warnings = UNSET
        elif isinstance(self.warnings, list):
            warnings = []
            for warnings_type_0_item_data in self.warnings:
                warnings_type_0_item = warnings_type_0_item_data.to_dict()
                warnings.append(warnings_type_0_item)

        else:
            warnings = self.warnings

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if node_id is not UNSET:
            field_dict["node_id"] = node_id
        if status is not UNSET:
            field_dict["status"] = status
        if document_type is not UNSET:
            field_dict["document_type"] = document_type
        if issuing_state is not UNSET:
            field_dict["issuing_state"] = issuing_state
        if expiration_date is not UNSET:
            field_dict["expiration_date"] = expiration_date
        if age is not UNSET:
            field_dict["age"] = age
        if warnings is not UNSET:
            field_dict["warnings"] = warnings

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.warning import Warning_

        d = dict(src_dict)
        node_id = d.pop("node_id", UNSET)

        status = d.pop("status", UNSET)

        def _parse_document_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        document_type = _parse_document_type(d.pop("document_type", UNSET))

        def _parse_issuing_state(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        issuing_state = _parse_issuing_state(d.pop("issuing_state", UNSET))

        def _parse_expiration_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        expiration_date = _parse_expiration_date(d.pop("expiration_date", UNSET))

        def _parse_age(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        age = _parse_age(d.pop("age", UNSET))

        def _parse_warnings(data: object) -> list[Warning_] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                warnings_type_0 = []
                _warnings_type_0 = data
                for warnings_type_0_item_data in _warnings_type_0:
                    warnings_type_0_item = Warning_.from_dict(warnings_type_0_item_data)

                    warnings_type_0.append(warnings_type_0_item)

                return warnings_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Warning_] | None | Unset, data)

        warnings = _parse_warnings(d.pop("warnings", UNSET))

        id_verification = cls(
            node_id=node_id,
            status=status,
            document_type=document_type,
            issuing_state=issuing_state,
            expiration_date=expiration_date,
            age=age,
            warnings=warnings,
        )

        id_verification.additional_properties = d
        return id_verification

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
