"""The wheel carries what the code loads at run time: the invite and report templates, the spec."""

from __future__ import annotations

import zipfile
from pathlib import Path

from hatchling.builders.wheel import WheelBuilder

REPO = Path(__file__).resolve().parents[2]


def test_the_wheel_ships_templates_and_spec(tmp_path: Path):
    (wheel,) = WheelBuilder(str(REPO)).build(directory=str(tmp_path), versions=["standard"])
    names = set(zipfile.ZipFile(wheel).namelist())
    for locale in ("en", "es", "fr"):
        for name in ("email_subject.txt", "email.html", "email.txt", "sms.txt"):
            assert f"idv_provider/templates/invites/{locale}/{name}" in names
    assert "idv_provider/templates/invites/layout.html" in names
    assert {
        "idv_provider/templates/reports/review.md",
        "idv_provider/templates/reports/review.html",
    } <= names
    assert "idv_sandbox/specs/deepidv.yaml" in names
