from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AmlHit")


@_attrs_define
class AmlHit:
    """
    Attributes:
        id (str | Unset):
        match (bool | None | Unset):
        datasets (list[str] | None | Unset):
        pep_matches (list[Any] | None | Unset):
        sanction_matches (list[Any] | None | Unset):
    """

    id: str | Unset = UNSET
    match: bool | None | Unset = UNSET
    datasets: list[str] | None | Unset = UNSET
    pep_matches: list[Any] | None | Unset = UNSET
    sanction_matches: list[Any] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        match: bool | None | Unset
        if isinstance(self.match, Unset):
            match = UNSET
        else:
            match = self.match

        datasets: list[str] | None | Unset
        if isinstance(self.datasets, Unset):
            datasets = UNSET
        elif isinstance(self.datasets, list):
            datasets = self.datasets

        else:
            datasets = self.datasets

        pep_matches: list[Any] | None | Unset
        if isinstance(self.pep_matches, Unset):
            pep_matches = UNSET
        elif isinstance(self.pep_matches, list):
            pep_matches = self.pep_matches

        else:
            pep_matches = self.pep_matches

        sanction_matches: list[Any] | None | Unset
        if isinstance(self.sanction_matches, Unset):
            sanction_matches = UNSET
        elif isinstance(self.sanction_matches, list):
            sanction_matches = self.sanction_matches

        else:
            sanction_matches = self.sanction_matches

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if match is not UNSET:
            field_dict["match"] = match
        if datasets is not UNSET:
            field_dict["datasets"] = datasets
        if pep_matches is not UNSET:
            field_dict["pep_matches"] = pep_matches
        if sanction_matches is not UNSET:
            field_dict["sanction_matches"] = sanction_matches

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        def _parse_match(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        match = _parse_match(d.pop("match", UNSET))

        def _parse_datasets(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                datasets_type_0 = cast(list[str], data)

                return datasets_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        datasets = _parse_datasets(d.pop("datasets", UNSET))

        def _parse_pep_matches(data: object) -> list[Any] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                pep_matches_type_0 = cast(list[Any], data)

                return pep_matches_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Any] | None | Unset, data)

        pep_matches = _parse_pep_matches(d.pop("pep_matches", UNSET))

        def _parse_sanction_matches(data: object) -> list[Any] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                sanction_matches_type_0 = cast(list[Any], data)

                return sanction_matches_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Any] | None | Unset, data)

        sanction_matches = _parse_sanction_matches(d.pop("sanction_matches", UNSET))

        aml_hit = cls(
            id=id,
            match=match,
            datasets=datasets,
            pep_matches=pep_matches,
            sanction_matches=sanction_matches,
        )

        aml_hit.additional_properties = d
        return aml_hit

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
