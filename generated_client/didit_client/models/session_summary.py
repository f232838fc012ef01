from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_status import SessionStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.additional_details import AdditionalDetails
    from ..models.feature_status import FeatureStatus


T = TypeVar("T", bound="SessionSummary")


@_attrs_define
class SessionSummary:
    """A list row. Scores in additional_details are 0-1 (the decision's are 0-100).

    Attributes:
        session_id (str):
        status (SessionStatus | str):
        session_number (int | Unset):
        session_kind (str | Unset):
        session_url (None | str | Unset):
        vendor_data (None | str | Unset):
        workflow_id (None | str | Unset):
        country (None | str | Unset):
        document_type (None | str | Unset):
        created_at (datetime.datetime | Unset):
        features (list[FeatureStatus] | Unset):
        additional_details (AdditionalDetails | None | Unset):
    """

    session_id: str
    status: SessionStatus | str
    session_number: int | Unset = UNSET
    session_kind: str | Unset = UNSET
    session_url: None | str | Unset = UNSET
    vendor_data: None | str | Unset = UNSET
    workflow_id: None | str | Unset = UNSET
    country: None | str | Unset = UNSET
    document_type: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    features: list[FeatureStatus] | Unset = UNSET
    additional_details: AdditionalDetails | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.additional_details import AdditionalDetails

        session_id = self.session_id

        status: str
        if isinstance(self.status, SessionStatus):
            status = self.status.value
        else:
            status = self.status

        session_number = self.session_number

        session_kind = self.session_kind

        session_url: None | str | Unset
        if isinstance(self.session_url, Unset):
            session_url = UNSET
        else:
            session_url = self.session_url

        vendor_data: None | str | Unset
        if isinstance(self.vendor_data, Unset):
            vendor_data = UNSET
        else:
            vendor_data = self.vendor_data

        workflow_id: None | str | Unset
        if isinstance(self.workflow_id, Unset):
            workflow_id = UNSET
        else:
            workflow_id = self.workflow_id

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        document_type: None | str | Unset
        if isinstance(self.document_type, Unset):
            document_type = UNSET
        else:
            document_type = self.document_type

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        features: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.features, Unset):
            features = []
            for features_item_data in self.features:
                features_item = features_item_data.to_dict()
                features.append(features_item)

        additional_details: dict[str, Any] | None | Unset
        if isinstance(self.additional_details, Unset):
            additional_details = UNSET
        elif isinstance(self.additional_details, AdditionalDetails):
            additional_details = self.additional_details.to_dict()
        else:
            additional_details = self.additional_details

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "session_id": session_id,
                "status": status,
            }
        )
        if session_number is not UNSET:
            field_dict["session_number"] = session_number
        if session_kind is not UNSET:
            field_dict["session_kind"] = session_kind
        if session_url is not UNSET:
            field_dict["session_url"] = session_url
        if vendor_data is not UNSET:
            field_dict["vendor_data"] = vendor_data
        if workflow_id is not UNSET:
            field_dict["workflow_id"] = workflow_id
        if country is not UNSET:
            field_dict["country"] = country
        if document_type is not UNSET:
            field_dict["document_type"] = document_type
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if features is not UNSET:
            field_dict["features"] = features
        if additional_details is not UNSET:
            field_dict["additional_details"] = additional_details

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.additional_details import AdditionalDetails
        from ..models.feature_status import FeatureStatus

        d = dict(src_dict)
        session_id = d.pop("session_id")

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

        session_number = d.pop("session_number", UNSET)

        session_kind = d.pop("session_kind", UNSET)

        def _parse_session_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        session_url = _parse_session_url(d.pop("session_url", UNSET))

        def _parse_vendor_data(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vendor_data = _parse_vendor_data(d.pop("vendor_data", UNSET))

        def _parse_workflow_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        workflow_id = _parse_workflow_id(d.pop("workflow_id", UNSET))

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        def _parse_document_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        document_type = _parse_document_type(d.pop("document_type", UNSET))

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _features = d.pop("features", UNSET)
        features: list[FeatureStatus] | Unset = UNSET
        if _features is not UNSET:
            features = []
            for features_item_data in _features:
                features_item = FeatureStatus.from_dict(features_item_data)

                features.append(features_item)

        def _parse_additional_details(data: object) -> AdditionalDetails | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                additional_details_type_0 = AdditionalDetails.from_dict(data)

                return additional_details_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdditionalDetails | None | Unset, data)

        additional_details = _parse_additional_details(
            d.pop("additional_details", UNSET)
        )

        session_summary = cls(
            session_id=session_id,
            status=status,
            session_number=session_number,
            session_kind=session_kind,
            session_url=session_url,
            vendor_data=vendor_data,
            workflow_id=workflow_id,
            country=country,
            document_type=document_type,
            created_at=created_at,
            features=features,
            additional_details=additional_details,
        )

        session_summary.additional_properties = d
        return session_summary

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
