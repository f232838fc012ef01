"""Where the packaged Jinja templates are: the repository's top-level ``templates/`` is their one
copy; the wheel ships it as ``idv_provider/templates``."""

from __future__ import annotations

from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


@cache
def templates_dir() -> Path:
    """``idv_provider/templates`` in an installed wheel; the repository's ``templates/`` in an
    editable install (the source tree)."""
    for candidate in (PACKAGE / "templates", PACKAGE.parents[1] / "templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the provider's templates are missing from this installation")
