from enum import StrEnum


class SessionProgress(StrEnum):
    COMPLETED = "COMPLETED"
    PENDING = "PENDING"
    STARTED = "STARTED"

    def __str__(self) -> str:
        return str(self.value)
