from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.adverse_media_data_news_exposures import AdverseMediaDataNewsExposures


T = TypeVar("T", bound="AdverseMediaData")


@_attrs_define
class AdverseMediaData:
    """
    Attributes:
        total_hits (int | Unset):
        news_exposures (AdverseMediaDataNewsExposures | Unset):
        timestamp (str | Unset):
    """

    total_hits: int | Unset = UNSET
    news_exposures: AdverseMediaDataNewsExposures | Unset = UNSET
    timestamp: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total_hits = self.total_hits

        news_exposures: dict[str, Any] | Unset = UNSET
        if not isinstance(self.news_exposures, Unset):
            news_exposures = self.news_exposures.to_dict()

        timestamp = self.timestamp

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if total_hits is not UNSET:
            field_dict["totalHits"] = total_hits
        if news_exposures is not UNSET:
            field_dict["newsExposures"] = news_exposures
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.adverse_media_data_news_exposures import (
            AdverseMediaDataNewsExposures,
        )

        d = dict(src_dict)
        total_hits = d.pop("totalHits", UNSET)

        _news_exposures = d.pop("newsExposures", UNSET)
        news_exposures: AdverseMediaDataNewsExposures | Unset
        if isinstance(_news_exposures, Unset):
            news_exposures = UNSET
        else:
            news_exposures = AdverseMediaDataNewsExposures.from_dict(_news_exposures)

        timestamp = d.pop("timestamp", UNSET)

        adverse_media_data = cls(
            total_hits=total_hits,
            news_exposures=news_exposures,
            timestamp=timestamp,
        )

        adverse_media_data.additional_properties = d
        return adverse_media_data

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
