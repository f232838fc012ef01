from enum import StrEnum


class SessionStatus(StrEnum):
    PENDING = "PENDING"
    REJECTED = "REJECTED"
    SUBMITTED = "SUBMITTED"
    VERIFIED = "VERIFIED"
    VOIDED = "VOIDED"

    def __str__(self) -> str:
        return str(self.value)
