from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.aml_summary import AmlSummary
    from ..models.score_summary import ScoreSummary


T = TypeVar("T", bound="AdditionalDetails")


@_attrs_define
class AdditionalDetails:
    """
    Attributes:
        aml (AmlSummary | None | Unset):
        liveness (None | ScoreSummary | Unset):
        face_match (None | ScoreSummary | Unset):
    """

    aml: AmlSummary | None | Unset = UNSET
    liveness: None | ScoreSummary | Unset = UNSET
    face_match: None | ScoreSummary | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.aml_summary import AmlSummary
        from ..models.score_summary import ScoreSummary

        aml: dict[str, Any] | None | Unset
        if isinstance(self.aml, Unset):
            aml = UNSET
        elif isinstance(self.aml, AmlSummary):
            aml = self.aml.to_dict()
        else:
            aml = self.aml

        liveness: dict[str, Any] | None | Unset
        if isinstance(self.liveness, Unset):
            liveness = UNSET
        elif isinstance(self.liveness, ScoreSummary):
            liveness = self.liveness.to_dict()
        else:
            liveness = self.liveness

        face_match: dict[str, Any] | None | Unset
        if isinstance(self.face_match, Unset):
            face_match = UNSET
        elif isinstance(self.face_match, ScoreSummary):
            face_match = self.face_match.to_dict()
        else:
            face_match = self.face_match

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if aml is not UNSET:
            field_dict["aml"] = aml
        if liveness is not UNSET:
            field_dict["liveness"] = liveness
        if face_match is not UNSET:
            field_dict["face_match"] = face_match

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.aml_summary import AmlSummary
        from ..models.score_summary import ScoreSummary

        d = dict(src_dict)

        def _parse_aml(data: object) -> AmlSummary | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                aml_type_0 = AmlSummary.from_dict(data)

                return aml_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AmlSummary | None | Unset, data)

        aml = _parse_aml(d.pop("aml", UNSET))

        def _parse_liveness(data: object) -> None | ScoreSummary | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                liveness_type_0 = ScoreSummary.from_dict(data)

                return liveness_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScoreSummary | Unset, data)

        liveness = _parse_liveness(d.pop("liveness", UNSET))

        def _parse_face_match(data: object) -> None | ScoreSummary | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                face_match_type_0 = ScoreSummary.from_dict(data)

                return face_match_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScoreSummary | Unset, data)

        face_match = _parse_face_match(d.pop("face_match", UNSET))

        additional_details = cls(
            aml=aml,
            liveness=liveness,
            face_match=face_match,
        )

        additional_details.additional_properties = d
        return additional_details

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
