from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_status import SessionStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.create_session_response_metadata_type_0 import (
        CreateSessionResponseMetadataType0,
    )


T = TypeVar("T", bound="CreateSessionResponse")


@_attrs_define
class CreateSessionResponse:
    """
    Attributes:
        session_id (str):
        session_number (int):
        session_token (str):
        url (str): The applicant's hosted-flow link: a bearer link.
        status (SessionStatus | str):
        workflow_id (str):
        vendor_data (None | str | Unset):
        metadata (CreateSessionResponseMetadataType0 | None | Unset):
        callback (None | str | Unset):
        workflow_version (int | Unset):
    """

    session_id: str
    session_number: int
    session_token: str
    url: str
    status: SessionStatus | str
    workflow_id: str
    vendor_data: None | str | Unset = UNSET
    metadata: CreateSessionResponseMetadataType0 | None | Unset = UNSET
    callback: None | str | Unset = UNSET
    workflow_version: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.create_session_response_metadata_type_0 import (
            CreateSessionResponseMetadataType0,
        )

        session_id = self.session_id

        session_number = self.session_number

        session_token = self.session_token

        url = self.url

        status: str
        if isinstance(self.status, SessionStatus):
            status = self.status.value
        else:
            status = self.status

        workflow_id = self.workflow_id

        vendor_data: None | str | Unset
        if isinstance(self.vendor_data, Unset):
            vendor_data = UNSET
        else:
            vendor_data = self.vendor_data

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, CreateSessionResponseMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        callback: None | str | Unset
        if isinstance(self.callback, Unset):
            callback = UNSET
        else:
            callback = self.callback

        workflow_version = self.workflow_version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "session_id": session_id,
                "session_number": session_number,
                "session_token": session_token,
                "url": url,
                "status": status,
                "workflow_id": workflow_id,
            }
        )
        if vendor_data is not UNSET:
            field_dict["vendor_data"] = vendor_data
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if callback is not UNSET:
            field_dict["callback"] = callback
        if workflow_version is not UNSET:
            field_dict["workflow_version"] = workflow_version

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.create_session_response_metadata_type_0 import (
            CreateSessionResponseMetadataType0,
        )

        d = dict(src_dict)
        session_id = d.pop("session_id")

        session_number = d.pop("session_number")

        session_token = d.pop("session_token")

        url = d.pop("url")

        def _parse_status(data: object) -> SessionStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_open_status_type_0 = SessionStatus(data)

                return componentsschemas_open_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(SessionStatus | str, data)

        status = _parse_status(d.pop("status"))

        workflow_id = d.pop("workflow_id")

        def _parse_vendor_data(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vendor_data = _parse_vendor_data(d.pop("vendor_data", UNSET))

        def _parse_metadata(
            data: object,
        ) -> CreateSessionResponseMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = CreateSessionResponseMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreateSessionResponseMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_callback(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        callback = _parse_callback(d.pop("callback", UNSET))

        workflow_version = d.pop("workflow_version", UNSET)

        create_session_response = cls(
            session_id=session_id,
            session_number=session_number,
            session_token=session_token,
            url=url,
            status=status,
            workflow_id=workflow_id,
            vendor_data=vendor_data,
            metadata=metadata,
            callback=callback,
            workflow_version=workflow_version,
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
