# Two commands: `make demo` and `make test`. Both set everything up themselves.
SHELL := /bin/bash

# The first Python >= 3.12 found: PATH first, then pyenv's installs (whose shims may refuse).
PYTHON ?= $(shell for p in python3.13 python3.12 $$HOME/.pyenv/versions/3.1[2-9]*/bin/python3 /usr/bin/python3.1[2-9] python3; do \
	"$$p" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { command -v "$$p" || echo "$$p"; } && break; done)
UV_VERSION := 0.13.9
UV := .tools/bin/uv
VENV := .venv
PYTEST_ARGS ?=

.PHONY: venv test lint demo bench clean

$(UV):
	@test -n "$(PYTHON)" || { echo "microcred needs Python >= 3.12 (none found on PATH or in ~/.pyenv)"; exit 1; }
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet uv==$(UV_VERSION)

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --frozen --python $(PYTHON)
	@touch $@

venv: $(VENV)/.synced

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: venv lint
	$(VENV)/bin/pytest -n 2 $(PYTEST_ARGS)

demo: venv
	$(VENV)/bin/microcred demo

bench: venv
	$(VENV)/bin/python benchmarks/bench_proofs.py

clean:
	rm -rf .tools $(VENV) .pytest_cache .ruff_cache .hypothesis
