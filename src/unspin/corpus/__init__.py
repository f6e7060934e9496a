"""The corpus of original stories unspin searches: `Corpus` (store.py) and its inputs (ingest.py).

The default corpus lives at $UNSPIN_DB, else $XDG_DATA_HOME/unspin/corpus.db, else
~/.local/share/unspin/corpus.db.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from unspin.corpus.ingest import ID_TAKEN, AddedFiles, Skipped
from unspin.corpus.store import AddStats, Corpus, CorpusError, CorpusStats, StoredArticle

_SHARED: dict[tuple[str, int], Corpus] = {}
_SHARED_LOCK = threading.Lock()


def shared_corpus(path: str | os.PathLike[str]) -> Corpus:
    """The corpus at `path`, opened once per process and thread and kept open: a server's
    worker or a Dask worker checks many pages, and opening loads the vector index (memory-
    mapped, so every process on a host shares its pages). Per thread, because a SQLite
    connection belongs to the thread that opened it."""
    key = (os.fspath(path), threading.get_ident())
    with _SHARED_LOCK:
        if key not in _SHARED:
            _SHARED[key] = Corpus(path)
        return _SHARED[key]


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
    "shared_corpus",
]
