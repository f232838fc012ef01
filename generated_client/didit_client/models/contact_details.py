from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContactDetails")


@_attrs_define
class ContactDetails:
    """
    Attributes:
        email (str | Unset):
        send_notification_emails (bool | Unset):  Default: False.
        email_lang (str | Unset):
        phone (str | Unset):
    """

    email: str | Unset = UNSET
    send_notification_emails: bool | Unset = False
    email_lang: str | Unset = UNSET
    phone: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        send_notification_emails = self.send_notification_emails

        email_lang = self.email_lang

        phone = self.phone

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if email is not UNSET:
            field_dict["email"] = email
        if send_notification_emails is not UNSET:
            field_dict["send_notification_emails"] = send_notification_emails
        if email_lang is not UNSET:
            field_dict["email_lang"] = email_lang
        if phone is not UNSET:
            field_dict["phone"] = phone

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        email = d.pop("email", UNSET)

        send_notification_emails = d.pop("send_notification_emails", UNSET)

        email_lang = d.pop("email_lang", UNSET)

        phone = d.pop("phone", UNSET)

        contact_details = cls(
            email=email,
            send_notification_emails=send_notification_emails,
            email_lang=email_lang,
            phone=phone,
        )

        return contact_details
