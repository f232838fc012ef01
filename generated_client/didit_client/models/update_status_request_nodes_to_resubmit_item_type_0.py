from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateStatusRequestNodesToResubmitItemType0")


@_attrs_define
class UpdateStatusRequestNodesToResubmitItemType0:
    """
    Attributes:
        node_id (str):
        feature (str | Unset):
    """

    node_id: str
    feature: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        node_id = self.node_id

        feature = self.feature

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "node_id": node_id,
            }
        )
        if feature is not UNSET:
            field_dict["feature"] = feature

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        node_id = d.pop("node_id")

        feature = d.pop("feature", UNSET)

        update_status_request_nodes_to_resubmit_item_type_0 = cls(
            node_id=node_id,
            feature=feature,
        )

        return update_status_request_nodes_to_resubmit_item_type_0
