"""Contains all the data models used in inputs/outputs"""

from .adverse_media_data import AdverseMediaData
from .adverse_media_data_news_exposures import AdverseMediaDataNewsExposures
from .analysis_data import AnalysisData
from .analysis_data_secondary_id_analysis_data import (
    AnalysisDataSecondaryIdAnalysisData,
)
from .analysis_data_tertiary_id_analysis_data import AnalysisDataTertiaryIdAnalysisData
from .analysis_data_title_search_data import AnalysisDataTitleSearchData
from .compare_faces_data import CompareFacesData
from .compare_faces_data_face_match_result import CompareFacesDataFaceMatchResult
from .create_session_request import CreateSessionRequest
from .create_session_response import CreateSessionResponse
from .custom_form_answer import CustomFormAnswer
from .decision_status import DecisionStatus
from .detected_face import DetectedFace
from .detected_face_bounding_box import DetectedFaceBoundingBox
from .document_risk_data import DocumentRiskData
from .document_risk_data_document_analysis_item import (
    DocumentRiskDataDocumentAnalysisItem,
)
from .error import Error
from .extracted_text import ExtractedText
from .id_analysis_data import IdAnalysisData
from .link import Link
from .location import Location
from .pep_sanctions_data import PepSanctionsData
from .pep_sanctions_data_both_type_0_item import PepSanctionsDataBothType0Item
from .pep_sanctions_data_peps_type_0_item import PepSanctionsDataPepsType0Item
from .pep_sanctions_data_sanctions_type_0_item import PepSanctionsDataSanctionsType0Item
from .session import Session
from .session_detail import SessionDetail
from .session_detail_resource_links import SessionDetailResourceLinks
from .session_detail_sender_user import SessionDetailSenderUser
from .session_detail_user import SessionDetailUser
from .session_list import SessionList
from .session_meta_data import SessionMetaData
from .session_progress import SessionProgress
from .session_status import SessionStatus
from .session_type import SessionType
from .session_uploads import SessionUploads
from .update_session_status_request import UpdateSessionStatusRequest

__all__ = (
    "AdverseMediaData",
    "AdverseMediaDataNewsExposures",
    "AnalysisData",
    "AnalysisDataSecondaryIdAnalysisData",
    "AnalysisDataTertiaryIdAnalysisData",
    "AnalysisDataTitleSearchData",
    "CompareFacesData",
    "CompareFacesDataFaceMatchResult",
    "CreateSessionRequest",
    "CreateSessionResponse",
    "CustomFormAnswer",
    "DecisionStatus",
    "DetectedFace",
    "DetectedFaceBoundingBox",
    "DocumentRiskData",
    "DocumentRiskDataDocumentAnalysisItem",
    "Error",
    "ExtractedText",
    "IdAnalysisData",
    "Link",
    "Location",
    "PepSanctionsData",
    "PepSanctionsDataBothType0Item",
    "PepSanctionsDataPepsType0Item",
    "PepSanctionsDataSanctionsType0Item",
    "Session",
    "SessionDetail",
    "SessionDetailResourceLinks",
    "SessionDetailSenderUser",
    "SessionDetailUser",
    "SessionList",
    "SessionMetaData",
    "SessionProgress",
    "SessionStatus",
    "SessionType",
    "SessionUploads",
    "UpdateSessionStatusRequest",
)
