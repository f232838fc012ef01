from enum import StrEnum


class SessionStatus(StrEnum):
    APPROVED = "approved"
    COMPLETED = "completed"
    CREATED = "created"
    DECLINED = "declined"
    EXPIRED = "expired"
    FAILED = "failed"
    MARKED_FOR_REVIEW = "marked_for_review"
    PENDING = "pending"
    STARTED = "started"

    def __str__(self) -> str:
        return str(self.value)
