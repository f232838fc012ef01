from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.create_session_request_callback_method import (
    CreateSessionRequestCallbackMethod,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_details import ContactDetails
    from ..models.create_session_request_metadata_type_0 import (
        CreateSessionRequestMetadataType0,
    )
    from ..models.expected_details import ExpectedDetails


T = TypeVar("T", bound="CreateSessionRequest")


@_attrs_define
class CreateSessionRequest:
    """
    Attributes:
        workflow_id (UUID): A published workflow.
        vendor_data (str | Unset): Your user id: an unfinished session for it is reused.
        callback (str | Unset): Where the applicant's browser goes after the flow (verificationSessionId and status are
            appended).
        callback_method (CreateSessionRequestCallbackMethod | Unset):
        metadata (CreateSessionRequestMetadataType0 | str | Unset): Your data, echoed back (as an object) in responses
            and webhooks. An object, or the same object JSON-encoded as a string (the vendor's own schema and plugin send a
            string; its examples an object, which is what this client sends).
        portrait_image (str | Unset): A reference portrait (base64 image, about 1 MB at most; or a URL) for biometric-
            authentication workflows.
        sandbox_scenario (str | Unset): Sandbox applications only — how the simulated applicant's flow ends (a scenario
            slug).
        language (str | Unset): Hosted UI language: ISO 639-1, or pt-BR, zh-CN, zh-TW...
        contact_details (ContactDetails | Unset):
        expected_details (ExpectedDetails | Unset): What the applicant's documents should say; a mismatch becomes a
            warning.
    """

    workflow_id: UUID
    vendor_data: str | Unset = UNSET
    callback: str | Unset = UNSET
    callback_method: CreateSessionRequestCallbackMethod | Unset = UNSET
    metadata: CreateSessionRequestMetadataType0 | str | Unset = UNSET
    portrait_image: str | Unset = UNSET
    sandbox_scenario: str | Unset = UNSET
    language: str | Unset = UNSET
    contact_details: ContactDetails | Unset = UNSET
    expected_details: ExpectedDetails | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.create_session_request_metadata_type_0 import (
            CreateSessionRequestMetadataType0,
        )

        workflow_id = str(self.workflow_id)

        vendor_data = self.vendor_data

        callback = self.callback

        callback_method: str | Unset = UNSET
        if not isinstance(self.callback_method, Unset):
            callback_method = self.callback_method.value

        metadata: dict[str, Any] | str | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, CreateSessionRequestMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        portrait_image = self.portrait_image

        sandbox_scenario = self.sandbox_scenario

        language = self.language

        contact_details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.contact_details, Unset):
            contact_details = self.contact_details.to_dict()

        expected_details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.expected_details, Unset):
            expected_details = self.expected_details.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "workflow_id": workflow_id,
            }
        )
        if vendor_data is not UNSET:
            field_dict["vendor_data"] = vendor_data
        if callback is not UNSET:
            field_dict["callback"] = callback
        if callback_method is not UNSET:
            field_dict["callback_method"] = callback_method
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if portrait_image is not UNSET:
            field_dict["portrait_image"] = portrait_image
        if sandbox_scenario is not UNSET:
            field_dict["sandbox_scenario"] = sandbox_scenario
        if language is not UNSET:
            field_dict["language"] = language
        if contact_details is not UNSET:
            field_dict["contact_details"] = contact_details
        if expected_details is not UNSET:
            field_dict["expected_details"] = expected_details

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.contact_details import ContactDetails
        from ..models.create_session_request_metadata_type_0 import (
            CreateSessionRequestMetadataType0,
        )
        from ..models.expected_details import ExpectedDetails

        d = dict(src_dict)
        workflow_id = UUID(d.pop("workflow_id"))

        vendor_data = d.pop("vendor_data", UNSET)

        callback = d.pop("callback", UNSET)

        _callback_method = d.pop("callback_method", UNSET)
        callback_method: CreateSessionRequestCallbackMethod | Unset
        if isinstance(_callback_method, Unset):
            callback_method = UNSET
        else:
            callback_method = CreateSessionRequestCallbackMethod(_callback_method)

        def _parse_metadata(
            data: object,
        ) -> CreateSessionRequestMetadataType0 | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = CreateSessionRequestMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreateSessionRequestMetadataType0 | str | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        portrait_image = d.pop("portrait_image", UNSET)

        sandbox_scenario = d.pop("sandbox_scenario", UNSET)

        language = d.pop("language", UNSET)

        _contact_details = d.pop("contact_details", UNSET)
        contact_details: ContactDetails | Unset
        if isinstance(_contact_details, Unset):
            contact_details = UNSET
        else:
            contact_details = ContactDetails.from_dict(_contact_details)

        _expected_details = d.pop("expected_details", UNSET)
        expected_details: ExpectedDetails | Unset
        if isinstance(_expected_details, Unset):
            expected_details = UNSET
        else:
            expected_details = ExpectedDetails.from_dict(_expected_details)

        create_session_request = cls(
            workflow_id=workflow_id,
            vendor_data=vendor_data,
            callback=callback,
            callback_method=callback_method,
            metadata=metadata,
            portrait_image=portrait_image,
            sandbox_scenario=sandbox_scenario,
            language=language,
            contact_details=contact_details,
            expected_details=expected_details,
        )

        return create_session_request
