from enum import StrEnum


class ListSessionsFilterentityType(StrEnum):
    BUSINESS = "business"
    PERSON = "person"

    def __str__(self) -> str:
        return str(self.value)
