from enum import StrEnum


class ListSessionsSessionKindType0(StrEnum):
    ALL = "all"
    BUSINESS = "business"
    USER = "user"

    def __str__(self) -> str:
        return str(self.value)
