from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.link import Link


T = TypeVar("T", bound="CreateSessionResponse")


@_attrs_define
class CreateSessionResponse:
    """
    Attributes:
        id (str): Unique session identifier.
        links (list[Link]):
        session_url (str | Unset): The applicant's hosted-flow URL (REST reference name). It is a bearer link: whoever
            holds it can act as the applicant.
        sessionUrl (str | Unset): The same URL under the SDK's name; a tolerant client reads both.
        external_id (str | Unset): Your reference
    """

    id: str
    links: list[Link]
    session_url: str | Unset = UNSET
    sessionUrl: str | Unset = UNSET
    external_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        links = []
        for links_item_data in self.links:
            links_item = links_item_data.to_dict()
            links.append(links_item)

        session_url = self.session_url

        sessionUrl = self.sessionUrl

        external_id = self.external_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "links": links,
            }
        )
        if session_url is not UNSET:
            field_dict["session_url"] = session_url
        if sessionUrl is not UNSET:
            field_dict["sessionUrl"] = sessionUrl
        if external_id is not UNSET:
            field_dict["externalId"] = external_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.link import Link

        d = dict(src_dict)
        id = d.pop("id")

        links = []
        _links = d.pop("links")
        for links_item_data in _links:
            links_item = Link.from_dict(links_item_data)

            links.append(links_item)

        session_url = d.pop("session_url", UNSET)

        sessionUrl = d.pop("sessionUrl", UNSET)

        external_id = d.pop("externalId", UNSET)

        create_session_response = cls(
            id=id,
            links=links,
            session_url=session_url,
            sessionUrl=sessionUrl,
            external_id=external_id,
        )

        create_session_response.additional_properties = d
        return create_session_response

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
