from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.new_status import NewStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.update_status_request_nodes_to_resubmit_item_type_0 import (
        UpdateStatusRequestNodesToResubmitItemType0,
    )


T = TypeVar("T", bound="UpdateStatusRequest")


@_attrs_define
class UpdateStatusRequest:
    """
    Attributes:
        new_status (NewStatus): The statuses a client may set.
        comment (str | Unset): Kept on the session's audit trail (reviews).
        nodes_to_resubmit (list[str | UpdateStatusRequestNodesToResubmitItemType0] | Unset): With Resubmitted only: the
            steps the applicant does again (omitted: those that failed).
        send_email (bool | Unset):  Default: False.
        email_address (str | Unset):
        email_language (str | Unset):
    """

    new_status: NewStatus
    comment: str | Unset = UNSET
    nodes_to_resubmit: (
        list[str | UpdateStatusRequestNodesToResubmitItemType0] | Unset
    ) = UNSET
    send_email: bool | Unset = False
    email_address: str | Unset = UNSET
    email_language: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.update_status_request_nodes_to_resubmit_item_type_0 import (
            UpdateStatusRequestNodesToResubmitItemType0,
        )

        new_status = self.new_status.value

        comment = self.comment

        nodes_to_resubmit: list[dict[str, Any] | str] | Unset = UNSET
        if not isinstance(self.nodes_to_resubmit, Unset):
            nodes_to_resubmit = []
            for nodes_to_resubmit_item_data in self.nodes_to_resubmit:
                nodes_to_resubmit_item: dict[str, Any] | str
                if isinstance(
                    nodes_to_resubmit_item_data,
                    UpdateStatusRequestNodesToResubmitItemType0,
                ):
                    nodes_to_resubmit_item = nodes_to_resubmit_item_data.to_dict()
                else:
                    nodes_to_resubmit_item = nodes_to_resubmit_item_data
                nodes_to_resubmit.append(nodes_to_resubmit_item)

        send_email = self.send_email

        email_address = self.email_address

        email_language = self.email_language

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "new_status": new_status,
            }
        )
        if comment is not UNSET:
            field_dict["comment"] = comment
        if nodes_to_resubmit is not UNSET:
            field_dict["nodes_to_resubmit"] = nodes_to_resubmit
        if send_email is not UNSET:
            field_dict["send_email"] = send_email
        if email_address is not UNSET:
            field_dict["email_address"] = email_address
        if email_language is not UNSET:
            field_dict["email_language"] = email_language

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.update_status_request_nodes_to_resubmit_item_type_0 import (
            UpdateStatusRequestNodesToResubmitItemType0,
        )

        d = dict(src_dict)
        new_status = NewStatus(d.pop("new_status"))

        comment = d.pop("comment", UNSET)

        _nodes_to_resubmit = d.pop("nodes_to_resubmit", UNSET)
        nodes_to_resubmit: (
            list[str | UpdateStatusRequestNodesToResubmitItemType0] | Unset
        ) = UNSET
        if _nodes_to_resubmit is not UNSET:
            nodes_to_resubmit = []
            for nodes_to_resubmit_item_data in _nodes_to_resubmit:

                def _parse_nodes_to_resubmit_item(
                    data: object,
                ) -> str | UpdateStatusRequestNodesToResubmitItemType0:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        nodes_to_resubmit_item_type_0 = (
                            UpdateStatusRequestNodesToResubmitItemType0.from_dict(data)
                        )

                        return nodes_to_resubmit_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(str | UpdateStatusRequestNodesToResubmitItemType0, data)

                nodes_to_resubmit_item = _parse_nodes_to_resubmit_item(
                    nodes_to_resubmit_item_data
                )

                nodes_to_resubmit.append(nodes_to_resubmit_item)

        send_email = d.pop("send_email", UNSET)

        email_address = d.pop("email_address", UNSET)

        email_language = d.pop("email_language", UNSET)

        update_status_request = cls(
            new_status=new_status,
            comment=comment,
            nodes_to_resubmit=nodes_to_resubmit,
            send_email=send_email,
            email_address=email_address,
            email_language=email_language,
        )

        return update_status_request
