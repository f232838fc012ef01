from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.session import Session
    from ..models.session_detail_resource_links import SessionDetailResourceLinks
    from ..models.session_detail_sender_user import SessionDetailSenderUser
    from ..models.session_detail_user import SessionDetailUser


T = TypeVar("T", bound="SessionDetail")


@_attrs_define
class SessionDetail:
    """
    Attributes:
        session_record (Session):
        user (SessionDetailUser | Unset): The applicant's user record.
        sender_user (SessionDetailSenderUser | Unset): The organization member who sent the session.
        resource_links (SessionDetailResourceLinks | Unset): Presigned URLs of uploaded documents and images, by name
            (e.g. id_front, selfie).
    """

    session_record: Session
    user: SessionDetailUser | Unset = UNSET
    sender_user: SessionDetailSenderUser | Unset = UNSET
    resource_links: SessionDetailResourceLinks | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        session_record = self.session_record.to_dict()

        user: dict[str, Any] | Unset = UNSET
        if not isinstance(self.user, Unset):
            user = self.user.to_dict()

        sender_user: dict[str, Any] | Unset = UNSET
        if not isinstance(self.sender_user, Unset):
            sender_user = self.sender_user.to_dict()

        resource_links: dict[str, Any] | Unset = UNSET
        if not isinstance(self.resource_links, Unset):
            resource_links = self.resource_links.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sessionRecord": session_record,
            }
        )
        if user is not UNSET:
            field_dict["user"] = user
        if sender_user is not UNSET:
            field_dict["senderUser"] = sender_user
        if resource_links is not UNSET:
            field_dict["resourceLinks"] = resource_links

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.session import Session
        from ..models.session_detail_resource_links import SessionDetailResourceLinks
        from ..models.session_detail_sender_user import SessionDetailSenderUser
        from ..models.session_detail_user import SessionDetailUser

        d = dict(src_dict)
        session_record = Session.from_dict(d.pop("sessionRecord"))

        _user = d.pop("user", UNSET)
        user: SessionDetailUser | Unset
        if isinstance(_user, Unset):
            user = UNSET
        else:
            user = SessionDetailUser.from_dict(_user)

        _sender_user = d.pop("senderUser", UNSET)
        sender_user: SessionDetailSenderUser | Unset
        if isinstance(_sender_user, Unset):
            sender_user = UNSET
        else:
            sender_user = SessionDetailSenderUser.from_dict(_sender_user)

        _resource_links = d.pop("resourceLinks", UNSET)
        resource_links: SessionDetailResourceLinks | Unset
        if isinstance(_resource_links, Unset):
            resource_links = UNSET
        else:
            resource_links = SessionDetailResourceLinks.from_dict(_resource_links)

        session_detail = cls(
            session_record=session_record,
            user=user,
            sender_user=sender_user,
            resource_links=resource_links,
        )

        session_detail.additional_properties = d
        return session_detail

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
