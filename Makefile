# The two commands: `make start` (run the site with demo content) and `make test`.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BUILDOUT_CFG ?= buildout.cfg

.DEFAULT_GOAL := help
.PHONY: help install start test bench lint format constraints system-deps clean

help:  ## Show the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(VENV)/bin/buildout: constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --constraint constraints.txt pip
	$(VENV)/bin/pip install --quiet --constraint constraints.txt setuptools wheel zc.buildout
	touch $@

bin/instance: $(VENV)/bin/buildout $(BUILDOUT_CFG) profiles/*.cfg setup.py src/*/setup.py
	$(VENV)/bin/buildout -c $(BUILDOUT_CFG)
	touch $@

install: bin/instance  ## Install everything (Python packages through buildout)

start: install  ## Create the site with demo content if absent and serve it on http://localhost:8080/coop
	bin/coop-dev-server

# Browser tests drive Debian's chromium with Playwright (never a downloaded browser).
system-deps:  ## Debian packages the tests need (installed as root when missing)
	@test -x /usr/bin/chromium || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

test: install system-deps  ## Run the whole test suite, one worker per core
	bin/pytest -n auto --dist loadfile

bench: install  ## Measure the directory search (1 000 and 10 000 cooperatives), consultation sending and the intranet home, on throwaway sites
	bin/coop-bench-search
	bin/coop-bench-consultations
	bin/coop-bench-intranet

constraints: constraints.txt  ## Derive pip constraints from profiles/versions.cfg

constraints.txt: profiles/versions.cfg scripts/versions_to_constraints.py
	$(PYTHON) scripts/versions_to_constraints.py profiles/versions.cfg > $@

$(VENV)/bin/ruff: $(VENV)/bin/buildout
	$(VENV)/bin/pip install --quiet --constraint constraints.txt ruff zpretty
	touch $@

XML_FILES = find src -name '*.zcml' -o -name '*.xml'

lint: $(VENV)/bin/ruff  ## Check Python style (ruff) and XML/ZCML formatting (zpretty)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(XML_FILES) | xargs $(VENV)/bin/zpretty --check

format: $(VENV)/bin/ruff  ## Format Python and XML/ZCML
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .
	$(XML_FILES) | xargs $(VENV)/bin/zpretty -i

clean:  ## Remove what install built (keeps var/, the site's data)
	rm -rf $(VENV) bin develop-eggs eggs parts .installed.cfg
