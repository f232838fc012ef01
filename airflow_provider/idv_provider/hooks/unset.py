"""openapi-python-client's ``UNSET``: each generated package has its own sentinel class."""

from __future__ import annotations

from typing import Any


def present(value: Any) -> Any:
    """``value``, or ``None`` when the field was absent from the answer (``UNSET``)."""
    return None if type(value).__name__ == "Unset" else value
