from enum import StrEnum


class CreateSessionRequestCallbackMethod(StrEnum):
    BOTH = "both"
    COMPLETER = "completer"
    INITIATOR = "initiator"

    def __str__(self) -> str:
        return str(self.value)
