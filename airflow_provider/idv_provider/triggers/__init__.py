from idv_provider.triggers.batch import SessionsSubmittedTrigger
from idv_provider.triggers.sessions import SessionSubmittedTrigger

__all__ = ["SessionSubmittedTrigger", "SessionsSubmittedTrigger"]
