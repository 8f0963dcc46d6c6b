# Two commands: `make demo` and `make test`. Both set everything up themselves.
SHELL := /bin/bash

# The first Python >= 3.12 found: PATH first, then pyenv's installs (whose shims may refuse).
PYTHON ?= $(shell for p in python3.13 python3.12 $$HOME/.pyenv/versions/3.1[2-9]*/bin/python3 /usr/bin/python3.1[2-9] python3; do \
	"$$p" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { command -v "$$p" || echo "$$p"; } && break; done)
UV_VERSION := 0.13.9
UV := .tools/bin/uv
VENV := .venv
PYTEST_ARGS ?=

.PHONY: venv test lint demo demo-cli serve bench clean

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

# The whole suite on SQLite, then the web suite again on PostgreSQL at 127.0.0.1:5432 (each
# run creates and drops its own test databases). Without the server that pass is skipped
# with a note; MICROCRED_REQUIRE_POSTGRES=1 (CI) makes it an error. Browser tests need
# Debian's /usr/bin/chromium likewise (MICROCRED_REQUIRE_BROWSER=1).
test: venv lint
	@test -x /usr/bin/chromium || echo "note: /usr/bin/chromium is missing: the browser tests are skipped (apt-get install chromium)"
	$(VENV)/bin/pytest -n 2 $(PYTEST_ARGS)
	MICROCRED_TEST_DATABASE=postgres $(VENV)/bin/pytest -n 2 tests/web $(PYTEST_ARGS)

serve: venv
	$(VENV)/bin/microcred serve --migrate

# The web workspace on SQLite with a demo organization, designed badges and issued
# credentials; prints the URL and a login, then serves. `make demo-cli` walks a badge's life
# with the command line instead.
demo: venv
	$(VENV)/bin/microcred demo-web

demo-cli: venv
	$(VENV)/bin/microcred demo

bench: venv
	cd benchmarks && ../$(VENV)/bin/python bench_proofs.py && ../$(VENV)/bin/python bench_verify.py

clean:
	rm -rf .tools $(VENV) .pytest_cache .ruff_cache .hypothesis
