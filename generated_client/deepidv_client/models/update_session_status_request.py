from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.decision_status import DecisionStatus

T = TypeVar("T", bound="UpdateSessionStatusRequest")


@_attrs_define
class UpdateSessionStatusRequest:
    """
    Attributes:
        status (DecisionStatus): The statuses a client may set.
    """

    status: DecisionStatus

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = DecisionStatus(d.pop("status"))

        update_session_status_request = cls(
            status=status,
        )

        return update_session_status_request
