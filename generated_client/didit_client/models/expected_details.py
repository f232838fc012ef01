from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.expected_details_gender_type_0 import ExpectedDetailsGenderType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="ExpectedDetails")


@_attrs_define
class ExpectedDetails:
    """What the applicant's documents should say; a mismatch becomes a warning.

    Attributes:
        first_name (str | Unset):
        last_name (str | Unset):
        date_of_birth (datetime.date | Unset):
        gender (ExpectedDetailsGenderType0 | None | Unset):
        nationality (str | Unset):
        country (str | Unset):
        id_country (str | Unset):
        poa_country (str | Unset):
        address (str | Unset):
        identification_number (str | Unset):
        ip_address (str | Unset):
        expected_document_types (list[str] | Unset): Any of P, ID, DL, RP, HIC, TC, SSC (case-insensitive; others are
            refused).
    """

    first_name: str | Unset = UNSET
    last_name: str | Unset = UNSET
    date_of_birth: datetime.date | Unset = UNSET
    gender: ExpectedDetailsGenderType0 | None | Unset = UNSET
    nationality: str | Unset = UNSET
    country: str | Unset = UNSET
    id_country: str | Unset = UNSET
    poa_country: str | Unset = UNSET
    address: str | Unset = UNSET
    identification_number: str | Unset = UNSET
    ip_address: str | Unset = UNSET
    expected_document_types: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        first_name = self.first_name

        last_name = self.last_name

        date_of_birth: str | Unset = UNSET
        if not isinstance(self.date_of_birth, Unset):
            date_of_birth = self.date_of_birth.isoformat()

        gender: None | str | Unset
        if isinstance(self.gender, Unset):
            gender = UNSET
        elif isinstance(self.gender, ExpectedDetailsGenderType0):
            gender = self.gender.value
        else:
            gender = self.gender

        nationality = self.nationality

        country = self.country

        id_country = self.id_country

        poa_country = self.poa_country

        address = self.address

        identification_number = self.identification_number

        ip_address = self.ip_address

        expected_document_types: list[str] | Unset = UNSET
        if not isinstance(self.expected_document_types, Unset):
            expected_document_types = self.expected_document_types

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if date_of_birth is not UNSET:
            field_dict["date_of_birth"] = date_of_birth
        if gender is not UNSET:
            field_dict["gender"] = gender
        if nationality is not UNSET:
            field_dict["nationality"] = nationality
        if country is not UNSET:
            field_dict["country"] = country
        if id_country is not UNSET:
            field_dict["id_country"] = id_country
        if poa_country is not UNSET:
            field_dict["poa_country"] = poa_country
        if address is not UNSET:
            field_dict["address"] = address
        if identification_number is not UNSET:
            field_dict["identification_number"] = identification_number
        if ip_address is not UNSET:
            field_dict["ip_address"] = ip_address
        if expected_document_types is not UNSET:
            field_dict["expected_document_types"] = expected_document_types

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        first_name = d.pop("first_name", UNSET)

        last_name = d.pop("last_name", UNSET)

        _date_of_birth = d.pop("date_of_birth", UNSET)
        date_of_birth: datetime.date | Unset
        if isinstance(_date_of_birth, Unset):
            date_of_birth = UNSET
        else:
            date_of_birth = datetime.date.fromisoformat(_date_of_birth)

        def _parse_gender(data: object) -> ExpectedDetailsGenderType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                gender_type_0 = ExpectedDetailsGenderType0(data)

                return gender_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExpectedDetailsGenderType0 | None | Unset, data)

        gender = _parse_gender(d.pop("gender", UNSET))

        nationality = d.pop("nationality", UNSET)

        country = d.pop("country", UNSET)

        id_country = d.pop("id_country", UNSET)

        poa_country = d.pop("poa_country", UNSET)

        address = d.pop("address", UNSET)

        identification_number = d.pop("identification_number", UNSET)

        ip_address = d.pop("ip_address", UNSET)

        expected_document_types = cast(
            list[str], d.pop("expected_document_types", UNSET)
        )

        expected_details = cls(
            first_name=first_name,
            last_name=last_name,
            date_of_birth=date_of_birth,
            gender=gender,
            nationality=nationality,
            country=country,
            id_country=id_country,
            poa_country=poa_country,
            address=address,
            identification_number=identification_number,
            ip_address=ip_address,
            expected_document_types=expected_document_types,
        )

        expected_details.additional_properties = d
        return expected_details

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
