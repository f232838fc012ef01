# Two entry points for a fresh machine with only Python 3.11+:
#   make demo   start the sandbox and run the onboarding DAG against it
#               (make demo VENDOR=didit or VENDOR=beltic: the same DAG, another vendor)
#   make test   lint, type check, the whole test suite and the end-to-end tier (what CI runs)
PYTHON ?= python3
VENV := .venv
TOX := $(VENV)/bin/tox

.PHONY: demo test lint type generate bench bench-e2e bench-events bench-endpoints e2e clean

$(TOX):
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check "uv>=0.9,<1" "tox>=4.20,<5" "tox-uv>=1.20,<2"

demo: $(TOX)
	DEMO_VENDOR=$(VENDOR) $(TOX) run -e demo

test: $(TOX)
	$(TOX) run -e lint,type,test,e2e

lint type generate bench bench-e2e bench-events bench-endpoints e2e: $(TOX)
	$(TOX) run -e $@

clean:
	rm -rf $(VENV) .tox .demo
