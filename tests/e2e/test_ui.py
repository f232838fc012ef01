"""Airflow's own UI, in headless Chromium, on the provider's connection types.

Airflow 3.3.2's connection list sends port 0 for a connection stored without a port, and its
api-server then refuses the test ("The host or port to test differs from the stored
connection"): the provider's form shows the Port field so that it can be set (docs/connections.md).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement

from tests.chromium import headless_chromium
from tests.e2e.deployment import Deployment
from tests.e2e.test_deployment import connection

pytestmark = [pytest.mark.e2e, pytest.mark.integration]
STANDARD = ["Base URL", "API key", "Port"]
EXTRA = {
    "deepidv": ["Console URL", "Rate limit", "Timeout"],
    "didit": ["Console URL", "Workflow ID", "Webhook secret", "Rate limit", "Timeout"],
    "beltic": ["Console URL", "Applicant link", "Rate limit", "Timeout"],
}


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    driver = headless_chromium(tmp_path_factory.mktemp("chrome"), "--window-size=1400,1000")
    try:
        yield driver
    finally:
        driver.quit()


def wait_for_text(driver: WebDriver, text: str, timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    while True:
        body = driver.find_element(By.TAG_NAME, "body").text
        if text in body:
            return body
        assert time.monotonic() < deadline, f"{text!r} never shown: {body[-1500:]}"
        time.sleep(0.5)


def row_button(driver: WebDriver, conn_id: str, label: str) -> WebElement:
    row = driver.find_element(By.XPATH, f"//tr[td[normalize-space()='{conn_id}']]")
    return row.find_element(By.XPATH, f".//button[@aria-label='{label}']")


def stored(d: Deployment, vendor: str, conn_id: str, api_key: str | None = None) -> None:
    body = connection(d, vendor)
    body["port"] = urlsplit(d.sandbox_url).port
    # every extra set: Airflow 3.3.2's edit form lists the extra fields the connection has
    extra = json.loads(body["extra"])
    extra |= {
        "console_url": f"{d.sandbox_url}/c/{{session_id}}",
        "rate_limit": "5",
        "timeout": "30",
    }
    if vendor == "didit":
        extra["webhook_secret"] = "whsec_ui_form"
    body["extra"] = json.dumps(extra)
    if api_key is not None:
        body["password"] = api_key
    d.set_connection(conn_id, body)


@pytest.mark.parametrize("vendor", ["deepidv", "didit", "beltic"])
def test_the_connection_form_shows_each_vendor_s_fields(airflow_deployment, browser, vendor):
    d = airflow_deployment
    conn_id = f"ui_form_{vendor}"
    stored(d, vendor, conn_id)
    browser.get(f"{d.api_url}/connections")
    wait_for_text(browser, conn_id)
    row_button(browser, conn_id, "Edit Connection").click()
    body = wait_for_text(browser, "Standard Fields")
    for label in STANDARD:
        assert label in body, f"{label} missing from the {vendor} form"
    browser.find_element(By.XPATH, "//button[normalize-space()='Extra Fields']").click()
    for label in EXTRA[vendor]:  # the vendor's own fields; the form renders them in turns
        wait_for_text(browser, label)
    shown = [
        field.get_attribute("value") or ""
        for field in browser.find_elements(By.XPATH, "//input | //textarea")
    ]
    assert "5" in shown  # the fields hold the connection's values (the rate limit)
    assert not any("whsec_ui_form" in value for value in shown)  # a secret's is redacted


def test_test_connection_succeeds_on_a_good_key_and_says_why_on_a_bad_one(
    airflow_deployment, browser
):
    d = airflow_deployment
    stored(d, "didit", "ui_good")
    stored(d, "didit", "ui_bad", api_key="not-a-key")
    browser.get(f"{d.api_url}/connections")
    wait_for_text(browser, "ui_good")
    row_button(browser, "ui_good", "Test Connection").click()
    wait_for_text(browser, f"Connected to {d.sandbox_url}")
    row_button(browser, "ui_bad", "Test Connection").click()
    # the failure's own message (the page also carries the toasts' fixed titles)
    body = wait_for_text(browser, "The didit API key is missing or invalid")
    assert "Test Connection Failed" in body
    assert "not-a-key" not in body
    browser.save_screenshot(str(Path(d.home) / "test-connection.png"))
