"""Headless Chromium for the browser tests and the e2e tier's UI tests: one way to start it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


def require_chromium() -> None:
    """Skip without Debian's chromium and chromium-driver; fail under CI (.ci/run installs them)."""
    if CHROMIUM and CHROMEDRIVER:
        return
    message = "needs Debian's chromium and chromium-driver (.ci/run installs them)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def headless_chromium(profile: Path, *flags: str) -> Any:
    """A Selenium driver of headless Chromium with its own profile, quiet on a closed network
    (no background connections), plus ``flags``."""
    require_chromium()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-sync",
        "--disable-component-update",
        f"--user-data-dir={profile}",
        *flags,
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    return driver
