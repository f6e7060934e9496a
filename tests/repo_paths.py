"""The repository's files the tests read, each path defined here once.

All of them are in a clone of the repository: no test reads ../shared/ or a user's cache.
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TESTS = REPO / "tests"
FIXTURES = TESTS / "fixtures"  # inputs made for the tests, with their SOURCE.md
READ_FIXTURES = FIXTURES / "read"  # web pages for unspin.read
TESTING_FIXTURES = FIXTURES / "testing"  # corpus excerpts for unspin.testing's builders
GOLDEN = TESTS / "golden"  # expected renderings (see report_sample.check_golden)
DOCS = REPO / "docs"
README = REPO / "README.md"
EXAMPLES = REPO / "examples"
BENCHMARKS = REPO / "benchmarks"

# The bundled examples the README's commands run on.
SEED_PAGE = EXAMPLES / "seed-spun-ap-ukraine.txt"  # a content farm's spun copy of an AP story
CORPUS_SAMPLE = EXAMPLES / "corpus" / "reuters21578-sample.jsonl"  # 500 Reuters-21578 stories
SPUN_EXAMPLE = EXAMPLES / "spun-reuters21578"  # copy.json, its source.json and case.jsonl
WRITE_THROUGH = EXAMPLES / "reuters21578-write-through"  # earlier.json and its later.json
