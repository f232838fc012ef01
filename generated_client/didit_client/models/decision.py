from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_status import SessionStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.aml_screening import AmlScreening
    from ..models.decision_contact_details_type_0 import DecisionContactDetailsType0
    from ..models.decision_expected_details_type_0 import DecisionExpectedDetailsType0
    from ..models.decision_metadata_type_0 import DecisionMetadataType0
    from ..models.face_match import FaceMatch
    from ..models.id_verification import IdVerification
    from ..models.liveness_check import LivenessCheck
    from ..models.review import Review
    from ..models.warning import Warning_


T = TypeVar("T", bound="Decision")


@_attrs_define
class Decision:
    """A session and what its checks found; a feature's array is null until it ran.

    Attributes:
        session_id (str):
        status (SessionStatus | str):
        session_number (int | Unset):
        session_kind (str | Unset):
        session_url (None | str | Unset):
        environment (str | Unset):
        workflow_id (None | str | Unset):
        features (list[str] | Unset):
        vendor_data (None | str | Unset):
        metadata (DecisionMetadataType0 | None | Unset):
        callback (None | str | Unset):
        contact_details (DecisionContactDetailsType0 | None | Unset):
        expected_details (DecisionExpectedDetailsType0 | None | Unset):
        created_at (datetime.datetime | Unset):
        id_verifications (list[IdVerification] | None | Unset):
        liveness_checks (list[LivenessCheck] | None | Unset):
        face_matches (list[FaceMatch] | None | Unset):
        aml_screenings (list[AmlScreening] | None | Unset):
        warnings (list[Warning_] | None | Unset):
        reviews (list[Review] | None | Unset):
    """

    session_id: str
    status: SessionStatus | str
    session_number: int | Unset = UNSET
    session_kind: str | Unset = UNSET
    session_url: None | str | Unset = UNSET
    environment: str | Unset = UNSET
    workflow_id: None | str | Unset = UNSET
    features: list[str] | Unset = UNSET
    vendor_data: None | str | Unset = UNSET
    metadata: DecisionMetadataType0 | None | Unset = UNSET
    callback: None | str | Unset = UNSET
    contact_details: DecisionContactDetailsType0 | None | Unset = UNSET
    expected_details: DecisionExpectedDetailsType0 | None | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    id_verifications: list[IdVerification] | None | Unset = UNSET
    liveness_checks: list[LivenessCheck] | None | Unset = UNSET
    face_matches: list[FaceMatch] | None | Unset = UNSET
    aml_screenings: list[AmlScreening] | None | Unset = UNSET
    warnings: list[Warning_] | None | Unset = UNSET
    reviews: list[Review] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.decision_contact_details_type_0 import DecisionContactDetailsType0
        from ..models.decision_expected_details_type_0 import (
            DecisionExpectedDetailsType0,
        )
        from ..models.decision_metadata_type_0 import DecisionMetadataType0

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

        environment = self.environment

        workflow_id: None | str | Unset
        if isinstance(self.workflow_id, Unset):
            workflow_id = UNSET
        else:
            workflow_id = self.workflow_id

        features: list[str] | Unset = UNSET
        if not isinstance(self.features, Unset):
            features = self.features

        vendor_data: None | str | Unset
        if isinstance(self.vendor_data, Unset):
            vendor_data = UNSET
        else:
            vendor_data = self.vendor_data

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, DecisionMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        callback: None | str | Unset
        if isinstance(self.callback, Unset):
            callback = UNSET
        else:
            callback = self.callback

        contact_details: dict[str, Any] | None | Unset
        if isinstance(self.contact_details, Unset):
            contact_details = UNSET
        elif isinstance(self.contact_details, DecisionContactDetailsType0):
            contact_details = self.contact_details.to_dict()
        else:
            contact_details = self.contact_details

        expected_details: dict[str, Any] | None | Unset
        if isinstance(self.expected_details, Unset):
            expected_details = UNSET
        elif isinstance(self.expected_details, DecisionExpectedDetailsType0):
            expected_details = self.expected_details.to_dict()
        else:
            expected_details = self.expected_details

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        id_verifications: list[dict[str, Any]] | None | Unset
        if isinstance(self.id_verifications, Unset):
            id_verifications = UNSET
        elif isinstance(self.id_verifications, list):
            id_verifications = []
            for id_verifications_type_0_item_data in self.id_verifications:
                id_verifications_type_0_item = (
                    id_verifications_type_0_item_data.to_dict()
                )
                id_verifications.append(id_verifications_type_0_item)

        else:
            id_verifications = self.id_verifications

        liveness_checks: list[dict[str, Any]] | None | Unset
        if isinstance(self.liveness_checks, Unset):
            liveness_checks = UNSET
        elif isinstance(self.liveness_checks, list):
            liveness_checks = []
            for liveness_checks_type_0_item_data in self.liveness_checks:
                liveness_checks_type_0_item = liveness_checks_type_0_item_data.to_dict()
                liveness_checks.append(liveness_checks_type_0_item)

        else:
            liveness_checks = self.liveness_checks

        face_matches: list[dict[str, Any]] | None | Unset
        if isinstance(self.face_matches, Unset):
            face_matches = UNSET
        elif isinstance(self.face_matches, list):
            face_matches = []
            for face_matches_type_0_item_data in self.face_matches:
                face_matches_type_0_item = face_matches_type_0_item_data.to_dict()
                face_matches.append(face_matches_type_0_item)

        else:
            face_matches = self.face_matches

        aml_screenings: list[dict[str, Any]] | None | Unset
        if isinstance(self.aml_screenings, Unset):
            aml_screenings = UNSET
        elif isinstance(self.aml_screenings, list):
            aml_screenings = []
            for aml_screenings_type_0_item_data in self.aml_screenings:
                aml_screenings_type_0_item = aml_screenings_type_0_item_data.to_dict()
                aml_screenings.append(aml_screenings_type_0_item)

        else:
            aml_screenings = self.aml_screenings

        warnings: list[dict[str, Any]] | None | Unset
        if isinstance(self.warnings, Unset):
            warnings = UNSET
        elif isinstance(self.warnings, list):
            warnings = []
            for warnings_type_0_item_data in self.warnings:
                warnings_type_0_item = warnings_type_0_item_data.to_dict()
                warnings.append(warnings_type_0_item)

        else:
            warnings = self.warnings

        reviews: list[dict[str, Any]] | None | Unset
        if isinstance(self.reviews, Unset):
            reviews = UNSET
        elif isinstance(self.reviews, list):
            reviews = []
            for reviews_type_0_item_data in self.reviews:
                reviews_type_0_item = reviews_type_0_item_data.to_dict()
                reviews.append(reviews_type_0_item)

        else:
            reviews = self.reviews

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
        if environment is not UNSET:
            field_dict["environment"] = environment
        if workflow_id is not UNSET:
            field_dict["workflow_id"] = workflow_id
        if features is not UNSET:
            field_dict["features"] = features
        if vendor_data is not UNSET:
            field_dict["vendor_data"] = vendor_data
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if callback is not UNSET:
            field_dict["callback"] = callback
        if contact_details is not UNSET:
            field_dict["contact_details"] = contact_details
        if expected_details is not UNSET:
            field_dict["expected_details"] = expected_details
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if id_verifications is not UNSET:
            field_dict["id_verifications"] = id_verifications
        if liveness_checks is not UNSET:
            field_dict["liveness_checks"] = liveness_checks
        if face_matches is not UNSET:
            field_dict["face_matches"] = face_matches
        if aml_screenings is not UNSET:
            field_dict["aml_screenings"] = aml_screenings
        if warnings is not UNSET:
            field_dict["warnings"] = warnings
        if reviews is not UNSET:
            field_dict["reviews"] = reviews

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.aml_screening import AmlScreening
        from ..models.decision_contact_details_type_0 import DecisionContactDetailsType0
        from ..models.decision_expected_details_type_0 import (
            DecisionExpectedDetailsType0,
        )
        from ..models.decision_metadata_type_0 import DecisionMetadataType0
        from ..models.face_match import FaceMatch
        from ..models.id_verification import IdVerification
        from ..models.liveness_check import LivenessCheck
        from ..models.review import Review
        from ..models.warning import Warning_

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

        environment = d.pop("environment", UNSET)

        def _parse_workflow_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        workflow_id = _parse_workflow_id(d.pop("workflow_id", UNSET))

        features = cast(list[str], d.pop("features", UNSET))

        def _parse_vendor_data(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vendor_data = _parse_vendor_data(d.pop("vendor_data", UNSET))

        def _parse_metadata(data: object) -> DecisionMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = DecisionMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DecisionMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_callback(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        callback = _parse_callback(d.pop("callback", UNSET))

        def _parse_contact_details(
            data: object,
        ) -> DecisionContactDetailsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                contact_details_type_0 = DecisionContactDetailsType0.from_dict(data)

                return contact_details_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DecisionContactDetailsType0 | None | Unset, data)

        contact_details = _parse_contact_details(d.pop("contact_details", UNSET))

        def _parse_expected_details(
            data: object,
        ) -> DecisionExpectedDetailsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                expected_details_type_0 = DecisionExpectedDetailsType0.from_dict(data)

                return expected_details_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DecisionExpectedDetailsType0 | None | Unset, data)

        expected_details = _parse_expected_details(d.pop("expected_details", UNSET))

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        def _parse_id_verifications(
            data: object,
        ) -> list[IdVerification] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                id_verifications_type_0 = []
                _id_verifications_type_0 = data
                for id_verifications_type_0_item_data in _id_verifications_type_0:
                    id_verifications_type_0_item = IdVerification.from_dict(
                        id_verifications_type_0_item_data
                    )

                    id_verifications_type_0.append(id_verifications_type_0_item)

                return id_verifications_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[IdVerification] | None | Unset, data)

        id_verifications = _parse_id_verifications(d.pop("id_verifications", UNSET))

        def _parse_liveness_checks(data: object) -> list[LivenessCheck] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                liveness_checks_type_0 = []
                _liveness_checks_type_0 = data
                for liveness_checks_type_0_item_data in _liveness_checks_type_0:
                    liveness_checks_type_0_item = LivenessCheck.from_dict(
                        liveness_checks_type_0_item_data
                    )

                    liveness_checks_type_0.append(liveness_checks_type_0_item)

                return liveness_checks_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[LivenessCheck] | None | Unset, data)

        liveness_checks = _parse_liveness_checks(d.pop("liveness_checks", UNSET))

        def _parse_face_matches(data: object) -> list[FaceMatch] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                face_matches_type_0 = []
                _face_matches_type_0 = data
                for face_matches_type_0_item_data in _face_matches_type_0:
                    face_matches_type_0_item = FaceMatch.from_dict(
                        face_matches_type_0_item_data
                    )

                    face_matches_type_0.append(face_matches_type_0_item)

                return face_matches_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[FaceMatch] | None | Unset, data)

        face_matches = _parse_face_matches(d.pop("face_matches", UNSET))

        def _parse_aml_screenings(data: object) -> list[AmlScreening] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                aml_screenings_type_0 = []
                _aml_screenings_type_0 = data
                for aml_screenings_type_0_item_data in _aml_screenings_type_0:
                    aml_screenings_type_0_item = AmlScreening.from_dict(
                        aml_screenings_type_0_item_data
                    )

                    aml_screenings_type_0.append(aml_screenings_type_0_item)

                return aml_screenings_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AmlScreening] | None | Unset, data)

        aml_screenings = _parse_aml_screenings(d.pop("aml_screenings", UNSET))

        def _parse_warnings(data: object) -> list[Warning_] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                warnings_type_0 = []
                _warnings_type_0 = data
                for warnings_type_0_item_data in _warnings_type_0:
                    warnings_type_0_item = Warning_.from_dict(warnings_type_0_item_data)

                    warnings_type_0.append(warnings_type_0_item)

                return warnings_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Warning_] | None | Unset, data)

        warnings = _parse_warnings(d.pop("warnings", UNSET))

        def _parse_reviews(data: object) -> list[Review] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                reviews_type_0 = []
                _reviews_type_0 = data
                for reviews_type_0_item_data in _reviews_type_0:
                    reviews_type_0_item = Review.from_dict(reviews_type_0_item_data)

                    reviews_type_0.append(reviews_type_0_item)

                return reviews_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Review] | None | Unset, data)

        reviews = _parse_reviews(d.pop("reviews", UNSET))

        decision = cls(
            session_id=session_id,
            status=status,
            session_number=session_number,
            session_kind=session_kind,
            session_url=session_url,
            environment=environment,
            workflow_id=workflow_id,
            features=features,
            vendor_data=vendor_data,
            metadata=metadata,
            callback=callback,
            contact_details=contact_details,
            expected_details=expected_details,
            created_at=created_at,
            id_verifications=id_verifications,
            liveness_checks=liveness_checks,
            face_matches=face_matches,
            aml_screenings=aml_screenings,
            warnings=warnings,
            reviews=reviews,
        )

        decision.additional_properties = d
        return decision

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
