from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.adverse_media_data import AdverseMediaData
    from ..models.analysis_data_secondary_id_analysis_data import (
        AnalysisDataSecondaryIdAnalysisData,
    )
    from ..models.analysis_data_tertiary_id_analysis_data import (
        AnalysisDataTertiaryIdAnalysisData,
    )
    from ..models.analysis_data_title_search_data import AnalysisDataTitleSearchData
    from ..models.compare_faces_data import CompareFacesData
    from ..models.custom_form_answer import CustomFormAnswer
    from ..models.document_risk_data import DocumentRiskData
    from ..models.id_analysis_data import IdAnalysisData
    from ..models.pep_sanctions_data import PepSanctionsData


T = TypeVar("T", bound="AnalysisData")


@_attrs_define
class AnalysisData:
    """Verification results. Every block is optional; a workflow may skip a step.

    Attributes:
        created_at (datetime.datetime | Unset):
        id_matches_selfie (bool | Unset):
        faceliveness_score (float | Unset):
        id_analysis_data (IdAnalysisData | Unset):
        compare_faces_data (CompareFacesData | Unset):
        pep_sanctions_data (PepSanctionsData | Unset):
        adverse_media_data (AdverseMediaData | Unset):
        document_risk_data (DocumentRiskData | Unset):
        secondary_id_analysis_data (AnalysisDataSecondaryIdAnalysisData | Unset):
        tertiary_id_analysis_data (AnalysisDataTertiaryIdAnalysisData | Unset):
        title_search_data (AnalysisDataTitleSearchData | Unset):
        custom_form_data (list[CustomFormAnswer] | Unset):
    """

    created_at: datetime.datetime | Unset = UNSET
    id_matches_selfie: bool | Unset = UNSET
    faceliveness_score: float | Unset = UNSET
    id_analysis_data: IdAnalysisData | Unset = UNSET
    compare_faces_data: CompareFacesData | Unset = UNSET
    pep_sanctions_data: PepSanctionsData | Unset = UNSET
    adverse_media_data: AdverseMediaData | Unset = UNSET
    document_risk_data: DocumentRiskData | Unset = UNSET
    secondary_id_analysis_data: AnalysisDataSecondaryIdAnalysisData | Unset = UNSET
    tertiary_id_analysis_data: AnalysisDataTertiaryIdAnalysisData | Unset = UNSET
    title_search_data: AnalysisDataTitleSearchData | Unset = UNSET
    custom_form_data: list[CustomFormAnswer] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        id_matches_selfie = self.id_matches_selfie

        faceliveness_score = self.faceliveness_score

        id_analysis_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.id_analysis_data, Unset):
            id_analysis_data = self.id_analysis_data.to_dict()

        compare_faces_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.compare_faces_data, Unset):
            compare_faces_data = self.compare_faces_data.to_dict()

        pep_sanctions_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pep_sanctions_data, Unset):
            pep_sanctions_data = self.pep_sanctions_data.to_dict()

        adverse_media_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.adverse_media_data, Unset):
            adverse_media_data = self.adverse_media_data.to_dict()

        document_risk_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.document_risk_data, Unset):
            document_risk_data = self.document_risk_data.to_dict()

        secondary_id_analysis_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.secondary_id_analysis_data, Unset):
            secondary_id_analysis_data = self.secondary_id_analysis_data.to_dict()

        tertiary_id_analysis_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.tertiary_id_analysis_data, Unset):
            tertiary_id_analysis_data = self.tertiary_id_analysis_data.to_dict()

        title_search_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.title_search_data, Unset):
            title_search_data = self.title_search_data.to_dict()

        custom_form_data: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.custom_form_data, Unset):
            custom_form_data = []
            for custom_form_data_item_data in self.custom_form_data:
                custom_form_data_item = custom_form_data_item_data.to_dict()
                custom_form_data.append(custom_form_data_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if id_matches_selfie is not UNSET:
            field_dict["idMatchesSelfie"] = id_matches_selfie
        if faceliveness_score is not UNSET:
            field_dict["facelivenessScore"] = faceliveness_score
        if id_analysis_data is not UNSET:
            field_dict["idAnalysisData"] = id_analysis_data
        if compare_faces_data is not UNSET:
            field_dict["compareFacesData"] = compare_faces_data
        if pep_sanctions_data is not UNSET:
            field_dict["pepSanctionsData"] = pep_sanctions_data
        if adverse_media_data is not UNSET:
            field_dict["adverseMediaData"] = adverse_media_data
        if document_risk_data is not UNSET:
            field_dict["documentRiskData"] = document_risk_data
        if secondary_id_analysis_data is not UNSET:
            field_dict["secondaryIdAnalysisData"] = secondary_id_analysis_data
        if tertiary_id_analysis_data is not UNSET:
            field_dict["tertiaryIdAnalysisData"] = tertiary_id_analysis_data
        if title_search_data is not UNSET:
            field_dict["titleSearchData"] = title_search_data
        if custom_form_data is not UNSET:
            field_dict["customFormData"] = custom_form_data

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.adverse_media_data import AdverseMediaData
        from ..models.analysis_data_secondary_id_analysis_data import (
            AnalysisDataSecondaryIdAnalysisData,
        )
        from ..models.analysis_data_tertiary_id_analysis_data import (
            AnalysisDataTertiaryIdAnalysisData,
        )
        from ..models.analysis_data_title_search_data import AnalysisDataTitleSearchData
        from ..models.compare_faces_data import CompareFacesData
        from ..models.custom_form_answer import CustomFormAnswer
        from ..models.document_risk_data import DocumentRiskData
        from ..models.id_analysis_data import IdAnalysisData
        from ..models.pep_sanctions_data import PepSanctionsData

        d = dict(src_dict)
        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        id_matches_selfie = d.pop("idMatchesSelfie", UNSET)

        faceliveness_score = d.pop("facelivenessScore", UNSET)

        _id_analysis_data = d.pop("idAnalysisData", UNSET)
        id_analysis_data: IdAnalysisData | Unset
        if isinstance(_id_analysis_data, Unset):
            id_analysis_data = UNSET
        else:
            id_analysis_data = IdAnalysisData.from_dict(_id_analysis_data)

        _compare_faces_data = d.pop("compareFacesData", UNSET)
        compare_faces_data: CompareFacesData | Unset
        if isinstance(_compare_faces_data, Unset):
            compare_faces_data = UNSET
        else:
            compare_faces_data = CompareFacesData.from_dict(_compare_faces_data)

        _pep_sanctions_data = d.pop("pepSanctionsData", UNSET)
        pep_sanctions_data: PepSanctionsData | Unset
        if isinstance(_pep_sanctions_data, Unset):
            pep_sanctions_data = UNSET
        else:
            pep_sanctions_data = PepSanctionsData.from_dict(_pep_sanctions_data)

        _adverse_media_data = d.pop("adverseMediaData", UNSET)
        adverse_media_data: AdverseMediaData | Unset
        if isinstance(_adverse_media_data, Unset):
            adverse_media_data = UNSET
        else:
            adverse_media_data = AdverseMediaData.from_dict(_adverse_media_data)

        _document_risk_data = d.pop("documentRiskData", UNSET)
        document_risk_data: DocumentRiskData | Unset
        if isinstance(_document_risk_data, Unset):
            document_risk_data = UNSET
        else:
            document_risk_data = DocumentRiskData.from_dict(_document_risk_data)

        _secondary_id_analysis_data = d.pop("secondaryIdAnalysisData", UNSET)
        secondary_id_analysis_data: AnalysisDataSecondaryIdAnalysisData | Unset
        if isinstance(_secondary_id_analysis_data, Unset):
            secondary_id_analysis_data = UNSET
        else:
            secondary_id_analysis_data = AnalysisDataSecondaryIdAnalysisData.from_dict(
                _secondary_id_analysis_data
            )

        _tertiary_id_analysis_data = d.pop("tertiaryIdAnalysisData", UNSET)
        tertiary_id_analysis_data: AnalysisDataTertiaryIdAnalysisData | Unset
        if isinstance(_tertiary_id_analysis_data, Unset):
            tertiary_id_analysis_data = UNSET
        else:
            tertiary_id_analysis_data = AnalysisDataTertiaryIdAnalysisData.from_dict(
                _tertiary_id_analysis_data
            )

        _title_search_data = d.pop("titleSearchData", UNSET)
        title_search_data: AnalysisDataTitleSearchData | Unset
        if isinstance(_title_search_data, Unset):
            title_search_data = UNSET
        else:
            title_search_data = AnalysisDataTitleSearchData.from_dict(
                _title_search_data
            )

        _custom_form_data = d.pop("customFormData", UNSET)
        custom_form_data: list[CustomFormAnswer] | Unset = UNSET
        if _custom_form_data is not UNSET:
            custom_form_data = []
            for custom_form_data_item_data in _custom_form_data:
                custom_form_data_item = CustomFormAnswer.from_dict(
                    custom_form_data_item_data
                )

                custom_form_data.append(custom_form_data_item)

        analysis_data = cls(
            created_at=created_at,
            id_matches_selfie=id_matches_selfie,
            faceliveness_score=faceliveness_score,
            id_analysis_data=id_analysis_data,
            compare_faces_data=compare_faces_data,
            pep_sanctions_data=pep_sanctions_data,
            adverse_media_data=adverse_media_data,
            document_risk_data=document_risk_data,
            secondary_id_analysis_data=secondary_id_analysis_data,
            tertiary_id_analysis_data=tertiary_id_analysis_data,
            title_search_data=title_search_data,
            custom_form_data=custom_form_data,
        )

        analysis_data.additional_properties = d
        return analysis_data

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
