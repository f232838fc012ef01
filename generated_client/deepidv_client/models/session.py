from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_progress import SessionProgress
from ..models.session_status import SessionStatus
from ..models.session_type import SessionType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.analysis_data import AnalysisData
    from ..models.location import Location
    from ..models.session_meta_data import SessionMetaData
    from ..models.session_uploads import SessionUploads


T = TypeVar("T", bound="Session")


@_attrs_define
class Session:
    """
    Attributes:
        id (str):
        status (SessionStatus | str):
        created_at (datetime.datetime):
        organization_id (str | Unset):
        user_id (str | Unset):
        sender_user_id (str | Unset):
        external_id (str | Unset):
        type_ (SessionType | str | Unset):
        session_progress (SessionProgress | str | Unset):
        location (Location | Unset):
        workflow_id (str | Unset):
        workflow_steps (list[str] | Unset):
        updated_at (datetime.datetime | Unset):
        submitted_at (datetime.datetime | Unset):
        meta_data (SessionMetaData | Unset):
        uploads (SessionUploads | Unset): Which uploads the applicant made, by name.
        analysis_data (AnalysisData | Unset): Verification results. Every block is optional; a workflow may skip a step.
    """

    id: str
    status: SessionStatus | str
    created_at: datetime.datetime
    organization_id: str | Unset = UNSET
    user_id: str | Unset = UNSET
    sender_user_id: str | Unset = UNSET
    external_id: str | Unset = UNSET
    type_: SessionType | str | Unset = UNSET
    session_progress: SessionProgress | str | Unset = UNSET
    location: Location | Unset = UNSET
    workflow_id: str | Unset = UNSET
    workflow_steps: list[str] | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    submitted_at: datetime.datetime | Unset = UNSET
    meta_data: SessionMetaData | Unset = UNSET
    uploads: SessionUploads | Unset = UNSET
    analysis_data: AnalysisData | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status: str
        if isinstance(self.status, SessionStatus):
            status = self.status.value
        else:
            status = self.status

        created_at = self.created_at.isoformat()

        organization_id = self.organization_id

        user_id = self.user_id

        sender_user_id = self.sender_user_id

        external_id = self.external_id

        type_: str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, SessionType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        session_progress: str | Unset
        if isinstance(self.session_progress, Unset):
            session_progress = UNSET
        elif isinstance(self.session_progress, SessionProgress):
            session_progress = self.session_progress.value
        else:
            session_progress = self.session_progress

        location: dict[str, Any] | Unset = UNSET
        if not isinstance(self.location, Unset):
            location = self.location.to_dict()

        workflow_id = self.workflow_id

        workflow_steps: list[str] | Unset = UNSET
        if not isinstance(self.workflow_steps, Unset):
            workflow_steps = self.workflow_steps

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        submitted_at: str | Unset = UNSET
        if not isinstance(self.submitted_at, Unset):
            submitted_at = self.submitted_at.isoformat()

        meta_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta_data, Unset):
            meta_data = self.meta_data.to_dict()

        uploads: dict[str, Any] | Unset = UNSET
        if not isinstance(self.uploads, Unset):
            uploads = self.uploads.to_dict()

        analysis_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.analysis_data, Unset):
            analysis_data = self.analysis_data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "createdAt": created_at,
            }
        )
        if organization_id is not UNSET:
            field_dict["organizationId"] = organization_id
        if user_id is not UNSET:
            field_dict["userId"] = user_id
        if sender_user_id is not UNSET:
            field_dict["senderUserId"] = sender_user_id
        if external_id is not UNSET:
            field_dict["externalId"] = external_id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if session_progress is not UNSET:
            field_dict["sessionProgress"] = session_progress
        if location is not UNSET:
            field_dict["location"] = location
        if workflow_id is not UNSET:
            field_dict["workflowId"] = workflow_id
        if workflow_steps is not UNSET:
            field_dict["workflowSteps"] = workflow_steps
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at
        if submitted_at is not UNSET:
            field_dict["submittedAt"] = submitted_at
        if meta_data is not UNSET:
            field_dict["metaData"] = meta_data
        if uploads is not UNSET:
            field_dict["uploads"] = uploads
        if analysis_data is not UNSET:
            field_dict["analysisData"] = analysis_data

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.analysis_data import AnalysisData
        from ..models.location import Location
        from ..models.session_meta_data import SessionMetaData
        from ..models.session_uploads import SessionUploads

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_status(data: object) -> SessionStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = SessionStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(SessionStatus | str, data)

        status = _parse_status(d.pop("status"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        organization_id = d.pop("organizationId", UNSET)

        user_id = d.pop("userId", UNSET)

        sender_user_id = d.pop("senderUserId", UNSET)

        external_id = d.pop("externalId", UNSET)

        def _parse_type_(data: object) -> SessionType | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = SessionType(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(SessionType | str | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        def _parse_session_progress(data: object) -> SessionProgress | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                session_progress_type_0 = SessionProgress(data)

                return session_progress_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(SessionProgress | str | Unset, data)

        session_progress = _parse_session_progress(d.pop("sessionProgress", UNSET))

        _location = d.pop("location", UNSET)
        location: Location | Unset
        if isinstance(_location, Unset):
            location = UNSET
        else:
            location = Location.from_dict(_location)

        workflow_id = d.pop("workflowId", UNSET)

        workflow_steps = cast(list[str], d.pop("workflowSteps", UNSET))

        _updated_at = d.pop("updatedAt", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        _submitted_at = d.pop("submittedAt", UNSET)
        submitted_at: datetime.datetime | Unset
        if isinstance(_submitted_at, Unset):
            submitted_at = UNSET
        else:
            submitted_at = datetime.datetime.fromisoformat(_submitted_at)

        _meta_data = d.pop("metaData", UNSET)
        meta_data: SessionMetaData | Unset
        if isinstance(_meta_data, Unset):
            meta_data = UNSET
        else:
            meta_data = SessionMetaData.from_dict(_meta_data)

        _uploads = d.pop("uploads", UNSET)
        uploads: SessionUploads | Unset
        if isinstance(_uploads, Unset):
            uploads = UNSET
        else:
            uploads = SessionUploads.from_dict(_uploads)

        _analysis_data = d.pop("analysisData", UNSET)
        analysis_data: AnalysisData | Unset
        if isinstance(_analysis_data, Unset):
            analysis_data = UNSET
        else:
            analysis_data = AnalysisData.from_dict(_analysis_data)

        session = cls(
            id=id,
            status=status,
            created_at=created_at,
            organization_id=organization_id,
            user_id=user_id,
            sender_user_id=sender_user_id,
            external_id=external_id,
            type_=type_,
            session_progress=session_progress,
            location=location,
            workflow_id=workflow_id,
            workflow_steps=workflow_steps,
            updated_at=updated_at,
            submitted_at=submitted_at,
            meta_data=meta_data,
            uploads=uploads,
            analysis_data=analysis_data,
        )

        session.additional_properties = d
        return session

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
