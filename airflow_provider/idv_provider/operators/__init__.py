from idv_provider.operators.invites import SendInviteOperator
from idv_provider.operators.review import ReviewSessionsOperator
from idv_provider.operators.sessions import (
    CreateSessionOperator,
    DecideSessionOperator,
    SessionActionOperator,
)

__all__ = [
    "CreateSessionOperator",
    "DecideSessionOperator",
    "ReviewSessionsOperator",
    "SendInviteOperator",
    "SessionActionOperator",
]
