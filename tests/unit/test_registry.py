"""Adding a vendor is one folder in the provider and one in the sandbox: the records drive the
provider info, the hook look-up, the redirect parser, the sandbox app and its connections."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import idv_provider.vendors
import idv_sandbox.vendors
from idv_provider import get_provider_info
from idv_provider.hooks import get_idv_hook
from idv_provider.redirects import parse_redirect
from idv_provider.registry import vendor_records
from idv_sandbox import running_sandbox
from idv_sandbox.registry import sandbox_vendors
from tests.conftest import set_connection

PROVIDER_VENDOR = {
    "__init__.py": """
        from idv_provider.registry import VendorRecord

        VENDOR = VendorRecord(
            name="acme",
            display_name="Acme ID",
            docs_url="https://docs.acme.test",
            default_base_url="https://api.acme.test",
            hook="idv_provider.vendors.acme.hook.AcmeHook",
            conn_fields={"region": {"label": "Region", "schema": {"type": ["string", "null"]}}},
            redirect_parser="idv_provider.vendors.acme.redirect.parse",
        )
    """,
    "hook.py": """
        from idv_provider.hooks.base import IdvHook

        class AcmeHook(IdvHook):
            conn_type = "acme"
            hook_name = "Acme ID"
            vendor = "acme"
            default_base_url = "https://api.acme.test"
            list_filters = {}

            def _create(self, applicant, request):
                raise NotImplementedError

            def _get_call(self, session_id):
                raise NotImplementedError

            def _list_walk(self, status_filter, limit, page_token):
                raise NotImplementedError

            def _session(self, record, conn):
                raise NotImplementedError

            def _decide(self, session_id, decision, comment):
                raise NotImplementedError
    """,
    "redirect.py": """
        from idv_provider.redirects import RedirectResult, RedirectStatus

        def parse(params):
            return RedirectResult(params["acme_id"], RedirectStatus.SUCCESS, None)
    """,
}
SANDBOX_VENDOR = {
    "__init__.py": """
        from idv_sandbox.config import ApiError
        from idv_sandbox.gate import Dialect
        from idv_sandbox.registry import SandboxVendor

        class AcmeSandbox:
            def seed(self, api_key, count, base_url, *, submitted=True):
                return [f"acme-{n}" for n in range(count)]

        def mount(app, parts):
            @app.get("/acme/v1/ping")
            async def ping():
                return {"pong": True}

            return AcmeSandbox()

        VENDOR = SandboxVendor(
            name="acme",
            api_prefix="/acme/v1/",
            dialect=Dialect(
                missing_key=ApiError(401, "no key"),
                wrong_key=ApiError(401, "bad key"),
                error_body=lambda exc: {"acme_error": exc.message},
            ),
            mount=mount,
            connection_extra=lambda url: {"region": "eu"},
        )
    """,
}


def _write_package(root: Path, files: dict[str, str]) -> Path:
    folder = root / "acme"
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(textwrap.dedent(text))
    return root


@pytest.fixture
def acme(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A fourth vendor, dropped in as one folder in each package."""
    provider_root = _write_package(tmp_path / "provider", PROVIDER_VENDOR)
    sandbox_root = _write_package(tmp_path / "sandbox", SANDBOX_VENDOR)
    monkeypatch.setattr(
        idv_provider.vendors, "__path__", [*idv_provider.vendors.__path__, str(provider_root)]
    )
    monkeypatch.setattr(
        idv_sandbox.vendors, "__path__", [*idv_sandbox.vendors.__path__, str(sandbox_root)]
    )
    vendor_records.cache_clear()
    sandbox_vendors.cache_clear()
    yield
    vendor_records.cache_clear()
    sandbox_vendors.cache_clear()


def test_the_three_vendors_are_records():
    assert [r.name for r in vendor_records()] == ["beltic", "deepidv", "didit"]
    assert [v.name for v in sandbox_vendors()] == ["beltic", "deepidv", "didit"]


@pytest.mark.usefixtures("acme")
def test_a_new_folder_is_in_the_provider_info():
    info = get_provider_info()
    [conn] = [c for c in info["connection-types"] if c["connection-type"] == "acme"]
    assert conn["hook-class-name"] == "idv_provider.vendors.acme.hook.AcmeHook"
    assert conn["hook-name"] == "Acme ID"
    assert {"region", "console_url", "rate_limit", "timeout"} <= set(conn["conn-fields"])
    assert "https://api.acme.test" in conn["ui-field-behaviour"]["placeholders"]["host"]
    integrations = {i["integration-name"]: i for i in info["integrations"]}
    assert integrations["Acme ID"]["external-doc-url"] == "https://docs.acme.test"
    assert {
        "integration-name": "Acme ID",
        "python-modules": ["idv_provider.vendors.acme.hook"],
    } in (info["hooks"])
    assert "Acme ID" in info["description"]


@pytest.mark.usefixtures("acme")
def test_a_new_folder_is_found_by_the_hook_look_up_and_the_redirect_parser(monkeypatch):
    set_connection(
        monkeypatch,
        conn_id="acme_conn",
        conn_type="acme",
        host="https://api.acme.test",
        password="k",
    )
    hook = get_idv_hook("acme_conn")
    assert type(hook).__name__ == "AcmeHook" and hook.conn_id == "acme_conn"
    assert parse_redirect("acme_id=s-1", vendor="acme").session_id == "s-1"


@pytest.mark.usefixtures("acme")
def test_a_new_folder_is_served_by_the_sandbox():
    with running_sandbox() as sandbox:
        assert httpx.get(f"{sandbox.url}/acme/v1/ping").json() == {"pong": True}
        unrouted = httpx.get(f"{sandbox.url}/acme/v1/nowhere")
        assert unrouted.status_code == 404 and "acme_error" in unrouted.json()
        seeded = httpx.post(f"{sandbox.url}/_sandbox/seed", json={"vendor": "acme", "count": 2})
        assert seeded.json()["session_ids"] == ["acme-0", "acme-1"]
        assert '"region": "eu"' in sandbox.connection_json(vendor="acme")
