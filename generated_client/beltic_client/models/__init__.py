"""Contains all the data models used in inputs/outputs"""

from .account import Account
from .account_attributes import AccountAttributes
from .account_create_request import AccountCreateRequest
from .account_create_request_data import AccountCreateRequestData
from .account_create_request_data_attributes import AccountCreateRequestDataAttributes
from .account_create_request_data_attributes_entity_type import (
    AccountCreateRequestDataAttributesEntityType,
)
from .account_document import AccountDocument
from .account_list import AccountList
from .address_type_0 import AddressType0
from .business_type_0 import BusinessType0
from .contact_type_0 import ContactType0
from .errors import Errors
from .errors_errors_item import ErrorsErrorsItem
from .errors_errors_item_source import ErrorsErrorsItemSource
from .identity_number import IdentityNumber
from .list_links import ListLinks
from .list_meta import ListMeta
from .list_meta_page import ListMetaPage
from .list_sessions_filterentity_type import ListSessionsFilterentityType
from .list_sessions_pagetotal import ListSessionsPagetotal
from .name import Name
from .person_type_0 import PersonType0
from .resource_identifier import ResourceIdentifier
from .session import Session
from .session_attributes import SessionAttributes
from .session_attributes_behavior_analysis_type_0 import (
    SessionAttributesBehaviorAnalysisType0,
)
from .session_attributes_business_type_0 import SessionAttributesBusinessType0
from .session_attributes_identity_numbers_type_0 import (
    SessionAttributesIdentityNumbersType0,
)
from .session_create_request import SessionCreateRequest
from .session_create_request_data import SessionCreateRequestData
from .session_create_request_data_attributes import SessionCreateRequestDataAttributes
from .session_create_request_data_attributes_entity_type import (
    SessionCreateRequestDataAttributesEntityType,
)
from .session_create_request_data_relationships import (
    SessionCreateRequestDataRelationships,
)
from .session_create_request_data_relationships_account import (
    SessionCreateRequestDataRelationshipsAccount,
)
from .session_document import SessionDocument
from .session_list import SessionList
from .session_relationships import SessionRelationships
from .session_status import SessionStatus
from .session_update_request import SessionUpdateRequest
from .session_update_request_data import SessionUpdateRequestData
from .session_update_request_data_attributes import SessionUpdateRequestDataAttributes
from .session_update_request_data_attributes_identity_numbers_type_0 import (
    SessionUpdateRequestDataAttributesIdentityNumbersType0,
)
from .to_one import ToOne

__all__ = (
    "Account",
    "AccountAttributes",
    "AccountCreateRequest",
    "AccountCreateRequestData",
    "AccountCreateRequestDataAttributes",
    "AccountCreateRequestDataAttributesEntityType",
    "AccountDocument",
    "AccountList",
    "AddressType0",
    "BusinessType0",
    "ContactType0",
    "Errors",
    "ErrorsErrorsItem",
    "ErrorsErrorsItemSource",
    "IdentityNumber",
    "ListLinks",
    "ListMeta",
    "ListMetaPage",
    "ListSessionsFilterentityType",
    "ListSessionsPagetotal",
    "Name",
    "PersonType0",
    "ResourceIdentifier",
    "Session",
    "SessionAttributes",
    "SessionAttributesBehaviorAnalysisType0",
    "SessionAttributesBusinessType0",
    "SessionAttributesIdentityNumbersType0",
    "SessionCreateRequest",
    "SessionCreateRequestData",
    "SessionCreateRequestDataAttributes",
    "SessionCreateRequestDataAttributesEntityType",
    "SessionCreateRequestDataRelationships",
    "SessionCreateRequestDataRelationshipsAccount",
    "SessionDocument",
    "SessionList",
    "SessionRelationships",
    "SessionStatus",
    "SessionUpdateRequest",
    "SessionUpdateRequestData",
    "SessionUpdateRequestDataAttributes",
    "SessionUpdateRequestDataAttributesIdentityNumbersType0",
    "ToOne",
)
