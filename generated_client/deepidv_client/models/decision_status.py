from enum import StrEnum


class DecisionStatus(StrEnum):
    REJECTED = "REJECTED"
    VERIFIED = "VERIFIED"
    VOIDED = "VOIDED"

    def __str__(self) -> str:
        return str(self.value)
