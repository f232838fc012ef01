"""Benchmarks against the sandbox: ``python -m bench.run`` (``make bench``).

Airflow reads its configuration at import, so the environment is set here, first.
"""

import os
import tempfile

os.environ.setdefault("AIRFLOW_HOME", tempfile.mkdtemp(prefix="idv-bench-airflow-"))
os.environ.setdefault("AIRFLOW__CORE__LOAD_EXAMPLES", "False")
