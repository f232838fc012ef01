from enum import StrEnum


class SessionCreateRequestDataAttributesEntityType(StrEnum):
    BUSINESS = "business"
    PERSON = "person"

    def __str__(self) -> str:
        return str(self.value)
