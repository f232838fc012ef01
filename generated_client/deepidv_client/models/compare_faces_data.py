from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.compare_faces_data_face_match_result import (
        CompareFacesDataFaceMatchResult,
    )


T = TypeVar("T", bound="CompareFacesData")


@_attrs_define
class CompareFacesData:
    """
    Attributes:
        face_match_confidence (float | Unset):
        face_match_result (CompareFacesDataFaceMatchResult | Unset):
    """

    face_match_confidence: float | Unset = UNSET
    face_match_result: CompareFacesDataFaceMatchResult | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        face_match_confidence = self.face_match_confidence

        face_match_result: dict[str, Any] | Unset = UNSET
        if not isinstance(self.face_match_result, Unset):
            face_match_result = self.face_match_result.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if face_match_confidence is not UNSET:
            field_dict["faceMatchConfidence"] = face_match_confidence
        if face_match_result is not UNSET:
            field_dict["faceMatchResult"] = face_match_result

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.compare_faces_data_face_match_result import (
            CompareFacesDataFaceMatchResult,
        )

        d = dict(src_dict)
        face_match_confidence = d.pop("faceMatchConfidence", UNSET)

        _face_match_result = d.pop("faceMatchResult", UNSET)
        face_match_result: CompareFacesDataFaceMatchResult | Unset
        if isinstance(_face_match_result, Unset):
            face_match_result = UNSET
        else:
            face_match_result = CompareFacesDataFaceMatchResult.from_dict(
                _face_match_result
            )

        compare_faces_data = cls(
            face_match_confidence=face_match_confidence,
            face_match_result=face_match_result,
        )

        compare_faces_data.additional_properties = d
        return compare_faces_data

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
