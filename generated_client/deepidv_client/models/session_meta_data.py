from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SessionMetaData")


@_attrs_define
class SessionMetaData:
    """
    Attributes:
        applicant_submission_ip (str | Unset):
        applicant_submission_device (str | Unset):
        applicant_view_time (str | Unset):
        applicant_submission_browser (str | Unset):
    """

    applicant_submission_ip: str | Unset = UNSET
    applicant_submission_device: str | Unset = UNSET
    applicant_view_time: str | Unset = UNSET
    applicant_submission_browser: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        applicant_submission_ip = self.applicant_submission_ip

        applicant_submission_device = self.applicant_submission_device

        applicant_view_time = self.applicant_view_time

        applicant_submission_browser = self.applicant_submission_browser

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if applicant_submission_ip is not UNSET:
            field_dict["applicantSubmissionIp"] = applicant_submission_ip
        if applicant_submission_device is not UNSET:
            field_dict["applicantSubmissionDevice"] = applicant_submission_device
        if applicant_view_time is not UNSET:
            field_dict["applicantViewTime"] = applicant_view_time
        if applicant_submission_browser is not UNSET:
            field_dict["applicantSubmissionBrowser"] = applicant_submission_browser

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        applicant_submission_ip = d.pop("applicantSubmissionIp", UNSET)

        applicant_submission_device = d.pop("applicantSubmissionDevice", UNSET)

        applicant_view_time = d.pop("applicantViewTime", UNSET)

        applicant_submission_browser = d.pop("applicantSubmissionBrowser", UNSET)

        session_meta_data = cls(
            applicant_submission_ip=applicant_submission_ip,
            applicant_submission_device=applicant_submission_device,
            applicant_view_time=applicant_view_time,
            applicant_submission_browser=applicant_submission_browser,
        )

        session_meta_data.additional_properties = d
        return session_meta_data

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
