"""The wheel carries what the code loads at run time (the invite and report templates, the spec)
and asks for what the provider needs: the sandbox's server stack only with the extra."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from importlib.metadata import requires
from pathlib import Path

from hatchling.builders.wheel import WheelBuilder

from idv_provider.template_files import templates_dir

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


SANDBOX_ONLY = ("fastapi", "uvicorn", "aiosmtpd", "python-multipart", "jsonschema", "pyyaml")


def test_the_sandbox_stack_is_an_extra(tmp_path: Path):
    (wheel,) = WheelBuilder(str(REPO)).build(directory=str(tmp_path), versions=["standard"])
    with zipfile.ZipFile(wheel) as archive:
        [metadata] = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        requires = [
            line.removeprefix("Requires-Dist: ")
            for line in archive.read(metadata).decode().splitlines()
            if line.startswith("Requires-Dist: ")
        ]
    plain = [r for r in requires if "extra ==" not in r]
    sandbox = [r for r in requires if "extra == 'sandbox'" in r or 'extra == "sandbox"' in r]
    for name in SANDBOX_ONLY:
        assert not any(r.lower().startswith(name) for r in plain), name
        assert any(r.lower().startswith(name) for r in sandbox), name


#: the events plugin's app runs on Airflow's API server, whose FastAPI it uses (the plugin
#: itself, loaded by every Airflow process, builds it only when the API server first calls it)
API_SERVER_MODULES = ("idv_provider.events.app",)


def imported_in_a_fresh_interpreter(code: str, watched: tuple[str, ...]) -> list[str]:
    """Which of ``watched`` are imported once ``code`` has run in a new interpreter (Airflow
    reads the provider info while it starts: an import cycle shows only there)."""
    probe = (
        f"import json, sys\n{code}\n"
        f"print(json.dumps(sorted(k for k in {watched!r} if k in sys.modules)))\n"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    found: list[str] = json.loads(run.stdout)
    return found


def test_the_provider_imports_nothing_of_the_sandbox():
    code = (
        "import importlib, pkgutil\n"
        "import idv_provider\n"
        "for m in pkgutil.walk_packages(idv_provider.__path__, 'idv_provider.'):\n"
        f"    if m.name not in {API_SERVER_MODULES!r}:\n"
        "        importlib.import_module(m.name)\n"
    )
    watched = ("idv_sandbox", "fastapi", "uvicorn", "aiosmtpd")
    assert imported_in_a_fresh_interpreter(code, watched) == []


def test_the_api_server_modules_use_only_what_airflow_core_brings():
    core = [r.split(";")[0].replace(" ", "").lower() for r in requires("apache-airflow-core") or []]
    assert any(r.startswith("fastapi") for r in core)
    code = (
        f"import importlib\nfor name in {API_SERVER_MODULES!r}:\n    importlib.import_module(name)"
    )
    assert imported_in_a_fresh_interpreter(code, ("idv_sandbox", "uvicorn", "aiosmtpd")) == []


def test_templates_are_found_in_the_source_tree():
    assert templates_dir() == REPO / "templates"
    assert (templates_dir() / "invites" / "en" / "email.html").is_file()
