"""A person's walk through the hosted flow, in headless Chromium (Debian's chromium +
chromedriver, driven by selenium), ending on the customer's https redirect."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
import uvicorn
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route

from idv_sandbox import DEFAULT_API_KEY, RunningSandbox, SandboxConfig, running_sandbox
from idv_sandbox.net import free_port
from tests.chromium import headless_chromium

pytestmark = pytest.mark.integration
APP_HOST = "app.test"


def _self_signed(tmp: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, APP_HOST)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(APP_HOST)]), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp / "cert.pem", tmp / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


@pytest.fixture(scope="module")
def customer_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """The integrator's web app over https on loopback: it shows what the redirect carried."""

    async def callback(request: Request) -> HTMLResponse:
        params = "".join(f'<li id="{k}">{v}</li>' for k, v in request.query_params.items())
        return HTMLResponse(f"<h1 id='landed'>Back at the app</h1><ul>{params}</ul>")

    cert, key = _self_signed(tmp_path_factory.mktemp("tls"))
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            Starlette(routes=[Route("/verify-callback", callback)]),
            host="127.0.0.1",
            port=port,
            ssl_certfile=str(cert),
            ssl_keyfile=str(key),
            log_level="warning",
            lifespan="off",
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    yield port
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def browser(tmp_path: Path):
    driver = headless_chromium(
        tmp_path / "profile",
        "--ignore-certificate-errors",
        f"--host-resolver-rules=MAP {APP_HOST} 127.0.0.1",
    )
    yield driver
    driver.quit()


@pytest.fixture
def manual_sandbox() -> Iterator[RunningSandbox]:
    with running_sandbox(config=SandboxConfig(auto_submit_after=None)) as sandbox:
        yield sandbox


def _create(sandbox: RunningSandbox, app_port: int) -> dict:
    body = {
        "firstName": "Jane",
        "lastName": "Doe",
        "email": "jane@example.com",
        "phone": "+15551234567",
        "redirectUrl": f"https://{APP_HOST}:{app_port}/verify-callback",
    }
    response = httpx.post(
        f"{sandbox.url}/v1/sessions", json=body, headers={"x-api-key": DEFAULT_API_KEY}
    )
    response.raise_for_status()
    return response.json()


def _landed(driver) -> dict[str, list[str]]:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 20).until(
        expected_conditions.presence_of_element_located((By.ID, "landed"))
    )
    return parse_qs(urlsplit(driver.current_url).query)


def test_applicant_walks_through_and_is_sent_back(browser, manual_sandbox, customer_app, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    created = _create(manual_sandbox, customer_app)
    browser.get(created["session_url"])
    assert "Hi Jane" in browser.find_element(By.TAG_NAME, "h1").text
    photo = tmp_path / "id.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n")
    browser.find_element(By.ID, "document").send_keys(str(photo))
    browser.find_element(By.ID, "selfie").send_keys(str(photo))
    browser.find_element(By.ID, "liveness").click()
    Select(browser.find_element(By.ID, "ending")).select_by_value("success")
    browser.find_element(By.ID, "finish").click()
    query = _landed(browser)
    assert urlsplit(browser.current_url).netloc == f"{APP_HOST}:{customer_app}"
    assert query == {"session_id": [created["id"]], "status": ["success"]}
    stored = manual_sandbox.service("deepidv").sessions.get(DEFAULT_API_KEY, created["id"])
    assert stored is not None and stored.record["status"] == "SUBMITTED"


def test_applicant_cancels(browser, manual_sandbox, customer_app):
    from selenium.webdriver.common.by import By

    created = _create(manual_sandbox, customer_app)
    browser.get(created["session_url"])
    browser.find_element(By.ID, "cancel").click()
    query = _landed(browser)
    assert query == {
        "session_id": [created["id"]],
        "status": ["abandoned"],
        "reason": ["user_cancelled"],
    }
