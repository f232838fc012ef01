from enum import StrEnum


class ExpectedDetailsGenderType0(StrEnum):
    F = "F"
    M = "M"

    def __str__(self) -> str:
        return str(self.value)
