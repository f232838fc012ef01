from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.aml_hit import AmlHit
    from ..models.warning import Warning_


T = TypeVar("T", bound="AmlScreening")


@_attrs_define
class AmlScreening:
    """
    Attributes:
        node_id (str | Unset):
        status (str | Unset):
        total_hits (int | None | Unset):
        score (float | None | Unset):
        hits (list[AmlHit] | None | Unset):
        warnings (list[Warning_] | None | Unset):
    """

    node_id: str | Unset = UNSET
    status: str | Unset = UNSET
    total_hits: int | None | Unset = UNSET
    score: float | None | Unset = UNSET
    hits: list[AmlHit] | None | Unset = UNSET
    warnings: list[Warning_] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        node_id = self.node_id

        status = self.status

        total_hits: int | None | Unset
        if isinstance(self.total_hits, Unset):
            total_hits = UNSET
        else:
            total_hits = self.total_hits

        score: float | None | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        else:
            score = self.score

        hits: list[dict[str, Any]] | None | Unset
        if isinstance(self.hits, Unset):
            hits = UNSET
        elif isinstance(self.hits, list):
            hits = []
            for hits_type_0_item_data in self.hits:
                hits_type_0_item = hits_type_0_item_data.to_dict()
                hits.append(hits_type_0_item)

        else:
            hits = self.hits

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
        if total_hits is not UNSET:
            field_dict["total_hits"] = total_hits
        if score is not UNSET:
            field_dict["score"] = score
        if hits is not UNSET:
            field_dict["hits"] = hits
        if warnings is not UNSET:
            field_dict["warnings"] = warnings

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.aml_hit import AmlHit
        from ..models.warning import Warning_

        d = dict(src_dict)
        node_id = d.pop("node_id", UNSET)

        status = d.pop("status", UNSET)

        def _parse_total_hits(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        total_hits = _parse_total_hits(d.pop("total_hits", UNSET))

        def _parse_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        score = _parse_score(d.pop("score", UNSET))

        def _parse_hits(data: object) -> list[AmlHit] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                hits_type_0 = []
                _hits_type_0 = data
                for hits_type_0_item_data in _hits_type_0:
                    hits_type_0_item = AmlHit.from_dict(hits_type_0_item_data)

                    hits_type_0.append(hits_type_0_item)

                return hits_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AmlHit] | None | Unset, data)

        hits = _parse_hits(d.pop("hits", UNSET))

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

        aml_screening = cls(
            node_id=node_id,
            status=status,
            total_hits=total_hits,
            score=score,
            hits=hits,
            warnings=warnings,
        )

        aml_screening.additional_properties = d
        return aml_screening

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
