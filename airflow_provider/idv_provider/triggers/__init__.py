from idv_provider.triggers.sessions import SessionSubmittedTrigger

__all__ = ["SessionSubmittedTrigger"]
