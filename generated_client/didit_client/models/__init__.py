"""Contains all the data models used in inputs/outputs"""

from .additional_details import AdditionalDetails
from .aml_hit import AmlHit
from .aml_screening import AmlScreening
from .aml_summary import AmlSummary
from .contact_details import ContactDetails
from .create_session_request import CreateSessionRequest
from .create_session_request_callback_method import CreateSessionRequestCallbackMethod
from .create_session_request_metadata_type_0 import CreateSessionRequestMetadataType0
from .create_session_response import CreateSessionResponse
from .create_session_response_metadata_type_0 import CreateSessionResponseMetadataType0
from .decision import Decision
from .decision_contact_details_type_0 import DecisionContactDetailsType0
from .decision_expected_details_type_0 import DecisionExpectedDetailsType0
from .decision_metadata_type_0 import DecisionMetadataType0
from .error import Error
from .expected_details import ExpectedDetails
from .expected_details_gender_type_0 import ExpectedDetailsGenderType0
from .face_match import FaceMatch
from .feature_status import FeatureStatus
from .id_verification import IdVerification
from .list_sessions_session_kind_type_0 import ListSessionsSessionKindType0
from .liveness_check import LivenessCheck
from .new_status import NewStatus
from .review import Review
from .score_summary import ScoreSummary
from .session_page import SessionPage
from .session_status import SessionStatus
from .session_summary import SessionSummary
from .update_status_request import UpdateStatusRequest
from .update_status_request_nodes_to_resubmit_item_type_0 import (
    UpdateStatusRequestNodesToResubmitItemType0,
)
from .update_status_response import UpdateStatusResponse
from .warning import Warning_

__all__ = (
    "AdditionalDetails",
    "AmlHit",
    "AmlScreening",
    "AmlSummary",
    "ContactDetails",
    "CreateSessionRequest",
    "CreateSessionRequestCallbackMethod",
    "CreateSessionRequestMetadataType0",
    "CreateSessionResponse",
    "CreateSessionResponseMetadataType0",
    "Decision",
    "DecisionContactDetailsType0",
    "DecisionExpectedDetailsType0",
    "DecisionMetadataType0",
    "Error",
    "ExpectedDetails",
    "ExpectedDetailsGenderType0",
    "FaceMatch",
    "FeatureStatus",
    "IdVerification",
    "ListSessionsSessionKindType0",
    "LivenessCheck",
    "NewStatus",
    "Review",
    "ScoreSummary",
    "SessionPage",
    "SessionStatus",
    "SessionSummary",
    "UpdateStatusRequest",
    "UpdateStatusRequestNodesToResubmitItemType0",
    "UpdateStatusResponse",
    "Warning_",
)
