"""Keep the applicant's PII (and bearer links) out of what Airflow shows of a task.

The operators call :func:`mask_rendered_pii` from ``_do_render_template_fields``: Airflow
3.3's one rendering step for plain and mapped tasks alike, before the rendered fields are
stored. It is not public API; ``tests/integration/test_template_injection.py`` pins it
(plain and mapped rendered fields must show ``***``).
"""

from __future__ import annotations

from typing import Any

from airflow.sdk.log import mask_secret

from idv_provider.exceptions import InvalidRequestError
from idv_provider.templating import rendered_mapping

#: applicant fields masked in logs and Rendered Templates
PII_FIELDS = ("first_name", "last_name", "email", "phone")


def mask_rendered_pii(applicant: Any, *secrets: Any) -> None:
    """Mask the applicant's PII (and e.g. a session link) wherever Airflow shows task values."""
    try:
        data = rendered_mapping(applicant, "applicant") or {}
    except InvalidRequestError:  # reported by execute(); nothing to mask
        data = {}
    values = [data.get(f) for f in PII_FIELDS]
    for value in [*values, *secrets]:
        if isinstance(value, str) and value:
            mask_secret(value)
