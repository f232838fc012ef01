"""Reading generated models' values: openapi-python-client's ``UNSET`` (each generated
package has its own sentinel class), and numbers a vendor may send as anything."""

from __future__ import annotations

import math
from typing import Any


def present(value: Any) -> Any:
    """``value``, or ``None`` when the field was absent from the answer (``UNSET``)."""
    return None if type(value).__name__ == "Unset" else value


def finite_number(value: Any) -> float | None:
    """A finite number from a number or a numeric string; ``None`` (not reported) for anything
    else: absent, NaN, an infinity, a word, a bool, a list."""
    value = present(value)
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None
