from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.detected_face_bounding_box import DetectedFaceBoundingBox


T = TypeVar("T", bound="DetectedFace")


@_attrs_define
class DetectedFace:
    """
    Attributes:
        confidence (float | Unset):
        bounding_box (DetectedFaceBoundingBox | Unset):
    """

    confidence: float | Unset = UNSET
    bounding_box: DetectedFaceBoundingBox | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        confidence = self.confidence

        bounding_box: dict[str, Any] | Unset = UNSET
        if not isinstance(self.bounding_box, Unset):
            bounding_box = self.bounding_box.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if confidence is not UNSET:
            field_dict["confidence"] = confidence
        if bounding_box is not UNSET:
            field_dict["boundingBox"] = bounding_box

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.detected_face_bounding_box import DetectedFaceBoundingBox

        d = dict(src_dict)
        confidence = d.pop("confidence", UNSET)

        _bounding_box = d.pop("boundingBox", UNSET)
        bounding_box: DetectedFaceBoundingBox | Unset
        if isinstance(_bounding_box, Unset):
            bounding_box = UNSET
        else:
            bounding_box = DetectedFaceBoundingBox.from_dict(_bounding_box)

        detected_face = cls(
            confidence=confidence,
            bounding_box=bounding_box,
        )

        detected_face.additional_properties = d
        return detected_face

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
