from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateSessionRequest")


@_attrs_define
class CreateSessionRequest:
    """
    Attributes:
        first_name (str): Applicant's first name (alias first_name).
        last_name (str): Applicant's last name (alias last_name).
        email (str): Applicant's email address.
        phone (str): Applicant's phone number in E.164 format, e.g. +15192223333.
        external_id (str | Unset): Your reference for the session
        workflow_id (str | Unset): Workflow to run; omitted runs a standalone verification (alias workflow_id).
        redirect_url (str | Unset): HTTPS URL the applicant is sent back to when the flow ends (alias redirect_url).
        send_email_invite (bool | Unset): Send the vendor's email invitation (alias send_email_invite). Default: True.
        send_phone_invite (bool | Unset): Send the vendor's SMS invitation (alias send_phone_invite). Default: True.
    """

    first_name: str
    last_name: str
    email: str
    phone: str
    external_id: str | Unset = UNSET
    workflow_id: str | Unset = UNSET
    redirect_url: str | Unset = UNSET
    send_email_invite: bool | Unset = True
    send_phone_invite: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        first_name = self.first_name

        last_name = self.last_name

        email = self.email

        phone = self.phone

        external_id = self.external_id

        workflow_id = self.workflow_id

        redirect_url = self.redirect_url

        send_email_invite = self.send_email_invite

        send_phone_invite = self.send_phone_invite

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "firstName": first_name,
                "lastName": last_name,
                "email": email,
                "phone": phone,
            }
        )
        if external_id is not UNSET:
            field_dict["externalId"] = external_id
        if workflow_id is not UNSET:
            field_dict["workflowId"] = workflow_id
        if redirect_url is not UNSET:
            field_dict["redirectUrl"] = redirect_url
        if send_email_invite is not UNSET:
            field_dict["sendEmailInvite"] = send_email_invite
        if send_phone_invite is not UNSET:
            field_dict["sendPhoneInvite"] = send_phone_invite

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        first_name = d.pop("firstName")

        last_name = d.pop("lastName")

        email = d.pop("email")

        phone = d.pop("phone")

        external_id = d.pop("externalId", UNSET)

        workflow_id = d.pop("workflowId", UNSET)

        redirect_url = d.pop("redirectUrl", UNSET)

        send_email_invite = d.pop("sendEmailInvite", UNSET)

        send_phone_invite = d.pop("sendPhoneInvite", UNSET)

        create_session_request = cls(
            first_name=first_name,
            last_name=last_name,
            email=email,
            phone=phone,
            external_id=external_id,
            workflow_id=workflow_id,
            redirect_url=redirect_url,
            send_email_invite=send_email_invite,
            send_phone_invite=send_phone_invite,
        )

        create_session_request.additional_properties = d
        return create_session_request

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
