"""The corpus of original stories unspin searches: `Corpus` (store.py) and its inputs (ingest.py).

The default corpus lives at $UNSPIN_DB, else $XDG_DATA_HOME/unspin/corpus.db, else
~/.local/share/unspin/corpus.db.
"""

from __future__ import annotations

import os
from pathlib import Path

from unspin.corpus.ingest import ID_TAKEN, AddedFiles, Skipped
from unspin.corpus.store import AddStats, Corpus, CorpusError, CorpusStats, StoredArticle


def default_path() -> Path:
    if env := os.environ.get("UNSPIN_DB"):
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".local" / "share"
    return base / "unspin" / "corpus.db"


__all__ = [
    "ID_TAKEN",
    "AddStats",
    "AddedFiles",
    "Corpus",
    "CorpusError",
    "CorpusStats",
    "Skipped",
    "StoredArticle",
    "default_path",
]
