from enum import StrEnum


class NewStatus(StrEnum):
    APPROVED = "Approved"
    DECLINED = "Declined"
    RESUBMITTED = "Resubmitted"

    def __str__(self) -> str:
        return str(self.value)
