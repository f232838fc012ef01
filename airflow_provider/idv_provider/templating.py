"""Applicant data is data: Airflow never renders it as a Jinja template.

Airflow renders every string inside an operator's templated fields, recursively, with the
connections and variables in scope; an applicant whose last name is
``{{ conn.idv_default.password }}`` would otherwise send the API key to the vendor. So a
literal mapping given for ``applicant``, ``metadata`` or ``vendor_options`` (in the DAG file,
in ``.partial()`` or ``.expand()``) is wrapped in :class:`NotTemplated`, which Airflow's
renderer passes over. Two ways in stay templated, both chosen by the DAG author for the whole
value: an XCom reference (``task.output``, resolved without rendering what it holds), and one
Jinja string for the whole mapping that renders to a JSON object (``"{{ params.applicant |
tojson }}"``), whose output is never rendered again.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from idv_provider.exceptions import InvalidRequestError


class NotTemplated(Mapping[str, Any]):
    """A read-only mapping whose values Airflow's template rendering never touches (it has no
    ``template_fields`` and is no dict); Rendered Templates show it as a plain mapping."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self._data = dict(data)

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return f"NotTemplated({self._data!r})"

    def serialize(self) -> dict[str, Any]:
        """What Airflow stores for the field (Rendered Templates, the serialized DAG)."""
        return dict(self._data)


def literal_data(value: Any) -> Any:
    """A literal mapping as :class:`NotTemplated`; anything else (an XCom reference, a Jinja
    string for the whole value, ``None``) as it is, for Airflow to resolve or render."""
    if isinstance(value, Mapping) and not isinstance(value, NotTemplated):
        return NotTemplated(value)
    return value


def rendered_mapping(value: Any, field: str) -> dict[str, Any] | None:
    """The field's mapping once Airflow has rendered it: a mapping, or the JSON object text a
    whole-value template rendered to."""
    if value is None or isinstance(value, Mapping):
        return None if value is None else dict(value)
    if isinstance(value, str):
        try:
            parsed = json.loads(value)
        except ValueError:
            parsed = None
        if isinstance(parsed, dict):
            return parsed
        raise InvalidRequestError(
            f"{field}: a template for the whole {field} must render to a JSON object, "
            f"e.g. '{{{{ params.{field} | tojson }}}}'"
        )
    raise InvalidRequestError(f"{field} must be a mapping; got {type(value).__name__}")
