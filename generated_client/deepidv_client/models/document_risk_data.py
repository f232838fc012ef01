from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.document_risk_data_document_analysis_item import (
        DocumentRiskDataDocumentAnalysisItem,
    )


T = TypeVar("T", bound="DocumentRiskData")


@_attrs_define
class DocumentRiskData:
    """
    Attributes:
        overall_risk_score (float | Unset):
        documents_analyzed (int | Unset):
        documents_with_signals (int | Unset):
        document_analysis (list[DocumentRiskDataDocumentAnalysisItem] | Unset):
    """

    overall_risk_score: float | Unset = UNSET
    documents_analyzed: int | Unset = UNSET
    documents_with_signals: int | Unset = UNSET
    document_analysis: list[DocumentRiskDataDocumentAnalysisItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        overall_risk_score = self.overall_risk_score

        documents_analyzed = self.documents_analyzed

        documents_with_signals = self.documents_with_signals

        document_analysis: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.document_analysis, Unset):
            document_analysis = []
            for document_analysis_item_data in self.document_analysis:
                document_analysis_item = document_analysis_item_data.to_dict()
                document_analysis.append(document_analysis_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if overall_risk_score is not UNSET:
            field_dict["overallRiskScore"] = overall_risk_score
        if documents_analyzed is not UNSET:
            field_dict["documentsAnalyzed"] = documents_analyzed
        if documents_with_signals is not UNSET:
            field_dict["documentsWithSignals"] = documents_with_signals
        if document_analysis is not UNSET:
            field_dict["documentAnalysis"] = document_analysis

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.document_risk_data_document_analysis_item import (
            DocumentRiskDataDocumentAnalysisItem,
        )

        d = dict(src_dict)
        overall_risk_score = d.pop("overallRiskScore", UNSET)

        documents_analyzed = d.pop("documentsAnalyzed", UNSET)

        documents_with_signals = d.pop("documentsWithSignals", UNSET)

        _document_analysis = d.pop("documentAnalysis", UNSET)
        document_analysis: list[DocumentRiskDataDocumentAnalysisItem] | Unset = UNSET
        if _document_analysis is not UNSET:
            document_analysis = []
            for document_analysis_item_data in _document_analysis:
                document_analysis_item = DocumentRiskDataDocumentAnalysisItem.from_dict(
                    document_analysis_item_data
                )

                document_analysis.append(document_analysis_item)

        document_risk_data = cls(
            overall_risk_score=overall_risk_score,
            documents_analyzed=documents_analyzed,
            documents_with_signals=documents_with_signals,
            document_analysis=document_analysis,
        )

        document_risk_data.additional_properties = d
        return document_risk_data

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
