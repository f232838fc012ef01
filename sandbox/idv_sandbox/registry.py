"""The vendors the sandbox stands in for: one record each, in ``idv_sandbox/vendors/<name>/``.

The app mounts every record's routes, answers unrouted paths under its API prefix in its
dialect and seeds through its service; :class:`~idv_sandbox.server.RunningSandbox` writes
Airflow connections with its extras.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from fastapi import FastAPI

import idv_sandbox.vendors
from idv_sandbox.gate import Dialect
from idv_sandbox.routing import SandboxParts


class VendorService(Protocol):
    """What the app asks of every vendor's stand-in besides its routes."""

    def seed(self, api_key: str, count: int, base_url: str, *, submitted: bool = True) -> list[str]:
        """``count`` sessions of made-up applicants (flows finished with ``submitted``)."""
        ...

    def references(self) -> list[tuple[str, str]]:
        """(the applicant's reference, session id) of every session, oldest first."""
        ...


@dataclass(frozen=True)
class SandboxVendor:
    #: the provider's connection type for this vendor
    name: str
    #: the path prefix of the vendor's API: unrouted paths under it answer in its dialect
    api_prefix: str
    dialect: Dialect
    #: adds the vendor's routes (API, hosted flow, console) to the app; returns its service
    mount: Callable[[FastAPI, SandboxParts], VendorService]
    #: an Airflow connection's extras for this vendor, given the sandbox's URL
    connection_extra: Callable[[str], dict[str, str]]


@cache
def sandbox_vendors() -> tuple[SandboxVendor, ...]:
    """Every vendor's record, by name: each subpackage of :mod:`idv_sandbox.vendors`."""
    records = []
    for module in pkgutil.iter_modules(idv_sandbox.vendors.__path__):
        if not module.ispkg:
            continue
        record = importlib.import_module(f"idv_sandbox.vendors.{module.name}").VENDOR
        if not isinstance(record, SandboxVendor) or record.name != module.name:
            raise TypeError(f"idv_sandbox.vendors.{module.name} must define VENDOR, its record")
        records.append(record)
    return tuple(sorted(records, key=lambda r: r.name))


def sandbox_vendor(name: str) -> SandboxVendor:
    for record in sandbox_vendors():
        if record.name == name:
            return record
    known = ", ".join(r.name for r in sandbox_vendors())
    raise ValueError(f"the sandbox does not speak {name!r} (it speaks {known})")
