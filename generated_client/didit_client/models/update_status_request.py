from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.new_status import NewStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateStatusRequest")


@_attrs_define
class UpdateStatusRequest:
    """
    Attributes:
        new_status (NewStatus): The statuses a client may set.
        comment (str | Unset):
        send_email (bool | Unset):  Default: False.
        email_address (str | Unset):
        email_language (str | Unset):
    """

    new_status: NewStatus
    comment: str | Unset = UNSET
    send_email: bool | Unset = False
    email_address: str | Unset = UNSET
    email_language: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        new_status = self.new_status.value

        comment = self.comment

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
        if send_email is not UNSET:
            field_dict["send_email"] = send_email
        if email_address is not UNSET:
            field_dict["email_address"] = email_address
        if email_language is not UNSET:
            field_dict["email_language"] = email_language

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        new_status = NewStatus(d.pop("new_status"))

        comment = d.pop("comment", UNSET)

        send_email = d.pop("send_email", UNSET)

        email_address = d.pop("email_address", UNSET)

        email_language = d.pop("email_language", UNSET)

        update_status_request = cls(
            new_status=new_status,
            comment=comment,
            send_email=send_email,
            email_address=email_address,
            email_language=email_language,
        )

        return update_status_request
