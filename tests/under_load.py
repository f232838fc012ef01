"""Run the time-sensitive tests again and again while every core is kept busy, to find flakes.

    .tox/test/bin/python -m tests.under_load --runs 20            # the tests marked `timing`
    .tox/test/bin/python -m tests.under_load --runs 5 -- -k invites

Each run is a fresh pytest process; the summary lists every test that failed in any run.
Exits non-zero if one did.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import re
import subprocess
import sys
import time
from collections import Counter


def burn(stop_at: float) -> None:
    """Keep one core busy until ``stop_at`` (a bounded loop: it ends by itself)."""
    x = 0
    while time.time() < stop_at:
        x = (x * 31 + 7) % 1_000_003


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--burners", type=int, default=2 * (os.cpu_count() or 1))
    parser.add_argument("--max-minutes", type=float, default=30.0)
    parser.add_argument("pytest_args", nargs="*", default=["-m", "timing"])
    args = parser.parse_args(argv)
    stop_at = time.time() + args.max_minutes * 60
    burners = [
        multiprocessing.Process(target=burn, args=(stop_at,), daemon=True)
        for _ in range(args.burners)
    ]
    for process in burners:
        process.start()
    failed: Counter[str] = Counter()
    passed = 0
    try:
        for run in range(1, args.runs + 1):
            result = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pytest",
                    "-q",
                    "-p",
                    "no:cacheprovider",
                    "-rf",
                    *args.pytest_args,
                ],
                capture_output=True,
                text=True,
                check=False,
            )
            names = re.findall(r"^FAILED (\S+)", result.stdout, re.MULTILINE)
            failed.update(names)
            counts = re.search(r"(\d+) passed", result.stdout)
            passed += int(counts.group(1)) if counts else 0
            print(f"run {run}/{args.runs}: {'ok' if not names else ', '.join(names)}", flush=True)
            if result.returncode not in (0, 1):  # 1: tests failed; anything else: no run
                print(result.stdout[-2000:] + result.stderr[-2000:])
                return result.returncode
    finally:
        for process in burners:
            process.terminate()
    print(f"{passed} passed, {sum(failed.values())} failed under {args.burners} busy processes")
    for name, count in failed.most_common():
        print(f"  {count}/{args.runs}  {name}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
