# Two commands a newcomer needs: `make run` and `make test`. Both install what is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
BENCH_STAMP := $(VENV)/.bench-stamp
HEAVY_STAMP := $(VENV)/.bench-heavy-stamp
CHROMIUM ?= $(or $(VIGIL_CHROMIUM_PATH),/usr/bin/chromium)
ONLY ?=

.PHONY: run test lint bench system-deps deps clean

run: deps
	$(BIN)/vigil serve

test: deps lint
	$(BIN)/pytest -q

# mypy also checks bench/, whose real-app sites import the `bench` extra's packages.
lint: deps $(BENCH_STAMP)
	$(BIN)/ruff check vigil tests bench
	$(BIN)/ruff format --check vigil tests bench
	$(BIN)/mypy

# The benchmarks also install the `bench` and `bench-heavy` extras: the real apps
# bench/realapps/ measures on.
bench: deps $(BENCH_STAMP) $(HEAVY_STAMP)
	$(BIN)/python -m bench $(ONLY)

deps: system-deps $(STAMP)

# Debian's chromium and redis-server: installed with apt-get when we are root, otherwise we say
# exactly what to install (never Playwright's own browser download: it cannot work offline).
system-deps:
	@missing=""; \
	[ -x "$(CHROMIUM)" ] || missing="$$missing chromium"; \
	command -v redis-server >/dev/null 2>&1 || missing="$$missing redis-server"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "Vigil needs:$$missing. Install with: sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

$(STAMP): pyproject.toml
	@[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -e '.[dev]'
	@touch $(STAMP)

$(BENCH_STAMP): $(STAMP) pyproject.toml
	$(BIN)/pip install -q -e '.[dev,bench]'
	@touch $(BENCH_STAMP)

$(HEAVY_STAMP): $(BENCH_STAMP) pyproject.toml
	$(BIN)/pip install -q -e '.[dev,bench,bench-heavy]'
	@touch $(HEAVY_STAMP)

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
