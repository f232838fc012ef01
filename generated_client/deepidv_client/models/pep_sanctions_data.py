from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.pep_sanctions_data_both_type_0_item import (
        PepSanctionsDataBothType0Item,
    )
    from ..models.pep_sanctions_data_peps_type_0_item import (
        PepSanctionsDataPepsType0Item,
    )
    from ..models.pep_sanctions_data_sanctions_type_0_item import (
        PepSanctionsDataSanctionsType0Item,
    )


T = TypeVar("T", bound="PepSanctionsData")


@_attrs_define
class PepSanctionsData:
    """
    Attributes:
        peps (list[PepSanctionsDataPepsType0Item] | None | Unset):
        sanctions (list[PepSanctionsDataSanctionsType0Item] | None | Unset):
        both (list[PepSanctionsDataBothType0Item] | None | Unset):
    """

    peps: list[PepSanctionsDataPepsType0Item] | None | Unset = UNSET
    sanctions: list[PepSanctionsDataSanctionsType0Item] | None | Unset = UNSET
    both: list[PepSanctionsDataBothType0Item] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        peps: list[dict[str, Any]] | None | Unset
        if isinstance(self.peps, Unset):
            peps = UNSET
        elif isinstance(self.peps, list):
            peps = []
            for peps_type_0_item_data in self.peps:
                peps_type_0_item = peps_type_0_item_data.to_dict()
                peps.append(peps_type_0_item)

        else:
            peps = self.peps

        sanctions: list[dict[str, Any]] | None | Unset
        if isinstance(self.sanctions, Unset):
            sanctions = UNSET
        elif isinstance(self.sanctions, list):
            sanctions = []
            for sanctions_type_0_item_data in self.sanctions:
                sanctions_type_0_item = sanctions_type_0_item_data.to_dict()
                sanctions.append(sanctions_type_0_item)

        else:
            sanctions = self.sanctions

        both: list[dict[str, Any]] | None | Unset
        if isinstance(self.both, Unset):
            both = UNSET
        elif isinstance(self.both, list):
            both = []
            for both_type_0_item_data in self.both:
                both_type_0_item = both_type_0_item_data.to_dict()
                both.append(both_type_0_item)

        else:
            both = self.both

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if peps is not UNSET:
            field_dict["peps"] = peps
        if sanctions is not UNSET:
            field_dict["sanctions"] = sanctions
        if both is not UNSET:
            field_dict["both"] = both

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.pep_sanctions_data_both_type_0_item import (
            PepSanctionsDataBothType0Item,
        )
        from ..models.pep_sanctions_data_peps_type_0_item import (
            PepSanctionsDataPepsType0Item,
        )
        from ..models.pep_sanctions_data_sanctions_type_0_item import (
            PepSanctionsDataSanctionsType0Item,
        )

        d = dict(src_dict)

        def _parse_peps(
            data: object,
        ) -> list[PepSanctionsDataPepsType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                peps_type_0 = []
                _peps_type_0 = data
                for peps_type_0_item_data in _peps_type_0:
                    peps_type_0_item = PepSanctionsDataPepsType0Item.from_dict(
                        peps_type_0_item_data
                    )

                    peps_type_0.append(peps_type_0_item)

                return peps_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PepSanctionsDataPepsType0Item] | None | Unset, data)

        peps = _parse_peps(d.pop("peps", UNSET))

        def _parse_sanctions(
            data: object,
        ) -> list[PepSanctionsDataSanctionsType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                sanctions_type_0 = []
                _sanctions_type_0 = data
                for sanctions_type_0_item_data in _sanctions_type_0:
                    sanctions_type_0_item = (
                        PepSanctionsDataSanctionsType0Item.from_dict(
                            sanctions_type_0_item_data
                        )
                    )

                    sanctions_type_0.append(sanctions_type_0_item)

                return sanctions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PepSanctionsDataSanctionsType0Item] | None | Unset, data)

        sanctions = _parse_sanctions(d.pop("sanctions", UNSET))

        def _parse_both(
            data: object,
        ) -> list[PepSanctionsDataBothType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                both_type_0 = []
                _both_type_0 = data
                for both_type_0_item_data in _both_type_0:
                    both_type_0_item = PepSanctionsDataBothType0Item.from_dict(
                        both_type_0_item_data
                    )

                    both_type_0.append(both_type_0_item)

                return both_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PepSanctionsDataBothType0Item] | None | Unset, data)

        both = _parse_both(d.pop("both", UNSET))

        pep_sanctions_data = cls(
            peps=peps,
            sanctions=sanctions,
            both=both,
        )

        pep_sanctions_data.additional_properties = d
        return pep_sanctions_data

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
