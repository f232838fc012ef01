from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.detected_face import DetectedFace
    from ..models.extracted_text import ExtractedText


T = TypeVar("T", bound="IdAnalysisData")


@_attrs_define
class IdAnalysisData:
    """
    Attributes:
        detect_face_data (list[DetectedFace] | Unset):
        id_extracted_text (list[ExtractedText] | Unset):
        expiry_date_pass (bool | Unset): True when the document has not expired.
        valid_state_pass (bool | Unset): True when the issuing jurisdiction is valid.
        age_restriction_pass (bool | Unset): True when the applicant meets the age requirement.
    """

    detect_face_data: list[DetectedFace] | Unset = UNSET
    id_extracted_text: list[ExtractedText] | Unset = UNSET
    expiry_date_pass: bool | Unset = UNSET
    valid_state_pass: bool | Unset = UNSET
    age_restriction_pass: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        detect_face_data: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.detect_face_data, Unset):
            detect_face_data = []
            for detect_face_data_item_data in self.detect_face_data:
                detect_face_data_item = detect_face_data_item_data.to_dict()
                detect_face_data.append(detect_face_data_item)

        id_extracted_text: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.id_extracted_text, Unset):
            id_extracted_text = []
            for id_extracted_text_item_data in self.id_extracted_text:
                id_extracted_text_item = id_extracted_text_item_data.to_dict()
                id_extracted_text.append(id_extracted_text_item)

        expiry_date_pass = self.expiry_date_pass

        valid_state_pass = self.valid_state_pass

        age_restriction_pass = self.age_restriction_pass

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if detect_face_data is not UNSET:
            field_dict["detectFaceData"] = detect_face_data
        if id_extracted_text is not UNSET:
            field_dict["idExtractedText"] = id_extracted_text
        if expiry_date_pass is not UNSET:
            field_dict["expiryDatePass"] = expiry_date_pass
        if valid_state_pass is not UNSET:
            field_dict["validStatePass"] = valid_state_pass
        if age_restriction_pass is not UNSET:
            field_dict["ageRestrictionPass"] = age_restriction_pass

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.detected_face import DetectedFace
        from ..models.extracted_text import ExtractedText

        d = dict(src_dict)
        _detect_face_data = d.pop("detectFaceData", UNSET)
        detect_face_data: list[DetectedFace] | Unset = UNSET
        if _detect_face_data is not UNSET:
            detect_face_data = []
            for detect_face_data_item_data in _detect_face_data:
                detect_face_data_item = DetectedFace.from_dict(
                    detect_face_data_item_data
                )

                detect_face_data.append(detect_face_data_item)

        _id_extracted_text = d.pop("idExtractedText", UNSET)
        id_extracted_text: list[ExtractedText] | Unset = UNSET
        if _id_extracted_text is not UNSET:
            id_extracted_text = []
            for id_extracted_text_item_data in _id_extracted_text:
                id_extracted_text_item = ExtractedText.from_dict(
                    id_extracted_text_item_data
                )

                id_extracted_text.append(id_extracted_text_item)

        expiry_date_pass = d.pop("expiryDatePass", UNSET)

        valid_state_pass = d.pop("validStatePass", UNSET)

        age_restriction_pass = d.pop("ageRestrictionPass", UNSET)

        id_analysis_data = cls(
            detect_face_data=detect_face_data,
            id_extracted_text=id_extracted_text,
            expiry_date_pass=expiry_date_pass,
            valid_state_pass=valid_state_pass,
            age_restriction_pass=age_restriction_pass,
        )

        id_analysis_data.additional_properties = d
        return id_analysis_data

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
