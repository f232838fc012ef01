"""The vendors the provider knows: one record each, found in ``idv_provider/vendors/<name>/``.

Provider info, the hook look-up and the redirect parser iterate these records; nothing else
in the neutral layer names a vendor. Records are cheap to read and import nothing of Airflow
(Airflow reads the provider info while it starts): a hook class, and the generated client
behind it, is imported only when a connection of its type is used.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

import idv_provider.vendors

if TYPE_CHECKING:
    from idv_provider.events.model import WebhookDelivery
    from idv_provider.hooks.base import IdvHook
    from idv_provider.redirects import RedirectResult


@dataclass(frozen=True)
class VendorRecord:
    """Everything the neutral layer needs to know of one vendor."""

    #: the Airflow connection type, and the vendor's name in sessions and messages
    name: str
    display_name: str
    docs_url: str
    default_base_url: str
    #: ``module.Class`` of the vendor's hook
    hook: str
    #: the vendor's own connection form fields (besides the common ones)
    conn_fields: Mapping[str, dict[str, Any]] = field(default_factory=dict)
    #: ``module.function`` reading the parameters the hosted flow adds to ``redirect_url``
    #: (``None``: the vendor sends no redirect)
    redirect_parser: str | None = None
    #: ``module.function`` verifying and reading a webhook delivery, given the raw body, the
    #: headers and the secret (``None``: the vendor pushes nothing this provider reads)
    webhook_reader: str | None = None

    @property
    def hook_module(self) -> str:
        return self.hook.rpartition(".")[0]

    def hook_class(self) -> type[IdvHook]:
        cls: type[IdvHook] = _load(self.hook)
        return cls

    def parse_redirect(self, params: Mapping[str, str]) -> RedirectResult | None:
        """The redirect's parameters read by the vendor's parser (``None``: it has none)."""
        if self.redirect_parser is None:
            return None
        parser: Callable[[Mapping[str, str]], RedirectResult] = _load(self.redirect_parser)
        return parser(params)

    def read_webhook(
        self, body: bytes, headers: Mapping[str, str], secret: str
    ) -> WebhookDelivery | None:
        """The verified delivery (``None``: the vendor sends no webhooks).

        :raises WebhookVerificationError: unsigned, forged or stale.
        """
        if self.webhook_reader is None:
            return None
        reader: Callable[..., WebhookDelivery] = _load(self.webhook_reader)
        return reader(body, headers, secret)


def _load(dotted: str) -> Any:
    module, _, name = dotted.rpartition(".")
    return getattr(importlib.import_module(module), name)


@cache
def vendor_records() -> tuple[VendorRecord, ...]:
    """Every vendor's record, by name: each subpackage of :mod:`idv_provider.vendors`."""
    records = []
    for module in pkgutil.iter_modules(idv_provider.vendors.__path__):
        if not module.ispkg:
            continue
        package = importlib.import_module(f"idv_provider.vendors.{module.name}")
        record = getattr(package, "VENDOR", None)
        if not isinstance(record, VendorRecord) or record.name != module.name:
            raise TypeError(f"idv_provider.vendors.{module.name} must define VENDOR, its record")
        records.append(record)
    return tuple(sorted(records, key=lambda r: r.name))


def vendor_record(name: str | None) -> VendorRecord | None:
    return next((r for r in vendor_records() if r.name == name), None)
