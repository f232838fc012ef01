"""Regenerate the typed API clients from the OpenAPI specs.

Each ``openapi/<vendor>.yaml`` with a ``openapi/codegen-<vendor>.yaml`` becomes the package
``generated_client/<vendor>_client``. Usage::

    python openapi/generate.py                 # regenerate in place
    python openapi/generate.py --output DIR    # generate into DIR (the drift check uses this)
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

OPENAPI_DIR = Path(__file__).resolve().parent
REPO_ROOT = OPENAPI_DIR.parent
GENERATED_DIR = REPO_ROOT / "generated_client"


def vendors() -> list[str]:
    """Vendors that have both a spec and a codegen config."""
    return sorted(
        spec.stem
        for spec in OPENAPI_DIR.glob("*.yaml")
        if (OPENAPI_DIR / f"codegen-{spec.stem}.yaml").exists()
    )


def generate(vendor: str, output_root: Path) -> Path:
    """Generate ``<vendor>_client`` under ``output_root`` and return its path."""
    target = output_root / f"{vendor}_client"
    if target.exists():
        shutil.rmtree(target)  # --overwrite would keep stale files outside models/ and api/
    env = dict(os.environ)
    # The post hooks call ruff: use the one pinned in this environment.
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    subprocess.run(
        [
            sys.executable,
            "-m",
            "openapi_python_client",
            "generate",
            "--path",
            str(OPENAPI_DIR / f"{vendor}.yaml"),
            "--config",
            str(OPENAPI_DIR / f"codegen-{vendor}.yaml"),
            "--meta",
            "none",
            "--output-path",
            str(target),
            "--fail-on-warning",
        ],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    shutil.rmtree(target / ".ruff_cache", ignore_errors=True)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=GENERATED_DIR)
    args = parser.parse_args()
    for vendor in vendors():
        print(f"generated {generate(vendor, args.output)}")


if __name__ == "__main__":
    main()
