from enum import StrEnum


class SessionType(StrEnum):
    CREDIT_APPLICATION = "credit-application"
    DEEP_DOC = "deep-doc"
    SESSION = "session"
    SILENT_SCREENING = "silent-screening"
    VERIFICATION = "verification"

    def __str__(self) -> str:
        return str(self.value)
