"""Validate the sandbox's requests and responses against the vendor's OpenAPI spec.

The spec is the single source of truth: what it declares is what the sandbox accepts and must
answer. Schemas are JSON Schema 2020-12 (OpenAPI 3.1), resolved with ``referencing``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from jsonschema import Draft202012Validator, FormatChecker, ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SPEC_URI = "urn:idv-sandbox:spec"
#: jsonschema checks ``uri`` only with an optional package; the sandbox checks it itself
FORMATS = FormatChecker(formats=Draft202012Validator.FORMAT_CHECKER.checkers)


@FORMATS.checks("uri")
def is_uri(value: object) -> bool:
    """An absolute URI (RFC 3986): a scheme, and no spaces or control characters."""
    if not isinstance(value, str):
        return True  # the type keyword judges other types
    if any(c.isspace() or ord(c) < 0x20 or ord(c) == 0x7F for c in value):
        return False
    parts = urlsplit(value)
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*", parts.scheme)) and bool(
        parts.netloc or parts.path
    )


def spec_path(vendor: str) -> Path:
    """The packaged copy of ``openapi/<vendor>.yaml`` (wheel), or the repository's (checkout)."""
    packaged = resources.files("idv_sandbox").joinpath("specs", f"{vendor}.yaml")
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "openapi" / f"{vendor}.yaml"


@dataclass(frozen=True)
class Violation:
    """Why a request or response does not match the spec; ``field`` names the culprit."""

    message: str
    field: str | None


def _violation(error: ValidationError) -> Violation:
    """Name the field and the rule it breaks, never the value (it may be PII)."""
    path = [str(p) for p in error.absolute_path]
    if error.validator == "required" and isinstance(error.instance, dict):
        missing = re.match(r"'([^']+)'", error.message)
        if missing:
            return Violation(
                f"{'.'.join([*path, missing.group(1)])} is required",
                ".".join([*path, missing.group(1)]),
            )
    field = ".".join(path) or None
    rule = (
        f"{error.validator}: {error.validator_value}"
        if error.validator != "type"
        else (f"must be of type {error.validator_value}")
    )
    return Violation(f"{field or 'the body'} is invalid ({rule})", field)


class Contract:
    """One spec's operations, by (method, path template), with compiled validators."""

    def __init__(self, path: Path, *, strict_query: bool = False) -> None:
        self.strict_query = strict_query
        self.spec: dict[str, Any] = yaml.safe_load(path.read_text())
        resource = Resource.from_contents(self.spec, default_specification=DRAFT202012)
        self._registry: Registry[Any] = Registry().with_resource(SPEC_URI, resource)
        self._validators: dict[str, Draft202012Validator] = {}

    def _validator(self, pointer: str) -> Draft202012Validator:
        if pointer not in self._validators:
            schema = {"$ref": f"{SPEC_URI}#{pointer}"}
            self._validators[pointer] = Draft202012Validator(
                schema, registry=self._registry, format_checker=FORMATS
            )
        return self._validators[pointer]

    def _resolve(self, node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node:
            target: Any = self.spec
            for part in node["$ref"].lstrip("#/").split("/"):
                target = target[part]
            node = target
        return node

    def _first_error(self, pointer: str, instance: Any) -> ValidationError | None:
        errors = sorted(self._validator(pointer).iter_errors(instance), key=lambda e: e.path)
        return errors[0] if errors else None

    @staticmethod
    def _escape(path: str) -> str:
        return path.replace("~", "~0").replace("/", "~1")

    def _operation_pointer(self, method: str, path: str) -> str:
        return f"/paths/{self._escape(path)}/{method.lower()}"

    def check_query(self, method: str, path: str, query: dict[str, str]) -> Violation | None:
        """Query parameters, converted to the declared type first. With ``strict_query``
        (JSON:API), a ``filter[...]`` or ``page[...]`` parameter the spec does not declare is
        refused rather than ignored."""
        operation = self.spec["paths"][path][method.lower()]
        if self.strict_query:
            known = {
                self._resolve(p)["name"]
                for p in operation.get("parameters", [])
                if self._resolve(p)["in"] == "query"
            }
            for name in sorted(query):
                if name.startswith(("filter[", "page[")) and name not in known:
                    return Violation(f"{name} is not a supported parameter", name)
        for index, declared in enumerate(operation.get("parameters", [])):
            param = self._resolve(declared)
            if param["in"] != "query" or param["name"] not in query:
                continue
            raw = query[param["name"]]
            value: Any = raw
            if self._resolve(param["schema"]).get("type") == "integer":
                try:
                    value = int(raw)
                except ValueError:
                    return Violation(f"{param['name']} must be an integer", param["name"])
            if "$ref" in declared:
                pointer = declared["$ref"].lstrip("#") + "/schema"
            else:
                pointer = f"{self._operation_pointer(method, path)}/parameters/{index}/schema"
            if (error := self._first_error(pointer, value)) is not None:
                return Violation(
                    f"{param['name']} is invalid ({error.validator}: {error.validator_value})",
                    param["name"],
                )
        return None

    def check_headers(self, method: str, path: str, headers: dict[str, str]) -> Violation | None:
        operation = self.spec["paths"][path][method.lower()]
        for param in operation.get("parameters", []):
            resolved = self._resolve(param)
            name = resolved["name"]
            if resolved["in"] != "header" or name.lower() not in headers:
                continue
            pointer = param["$ref"].lstrip("#") + "/schema" if "$ref" in param else None
            if pointer and (error := self._first_error(pointer, headers[name.lower()])):
                return Violation(f"{name} is invalid ({error.validator})", name)
        return None

    def check_body(self, method: str, path: str, body: Any) -> Violation | None:
        pointer = (
            f"{self._operation_pointer(method, path)}/requestBody/content/application~1json/schema"
        )
        error = self._first_error(pointer, body)
        return _violation(error) if error else None

    def check_response(self, method: str, path: str, status: int, body: Any) -> Violation | None:
        """The answer must be declared for the operation and match its JSON schema."""
        responses = self.spec["paths"][path][method.lower()]["responses"]
        if str(status) not in responses:
            return Violation(f"HTTP {status} is not declared for {method} {path}", None)
        response = self._resolve(responses[str(status)])
        if "application/json" not in response.get("content", {}):
            return None
        if "$ref" in responses[str(status)]:
            base = responses[str(status)]["$ref"].lstrip("#")
        else:
            base = f"{self._operation_pointer(method, path)}/responses/{status}"
        error = self._first_error(f"{base}/content/application~1json/schema", body)
        return _violation(error) if error else None
