from idv_provider.operators.actions import SessionActionOperator
from idv_provider.operators.batch import CreateSessionsOperator
from idv_provider.operators.events import DecideSessionEventsOperator
from idv_provider.operators.invites import SendInviteOperator
from idv_provider.operators.review import ReviewSessionsOperator
from idv_provider.operators.sessions import CreateSessionOperator, DecideSessionOperator

__all__ = [
    "CreateSessionOperator",
    "CreateSessionsOperator",
    "DecideSessionEventsOperator",
    "DecideSessionOperator",
    "ReviewSessionsOperator",
    "SendInviteOperator",
    "SessionActionOperator",
]
