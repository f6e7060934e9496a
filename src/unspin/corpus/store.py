"""The corpus of original stories: one SQLite file, with a faiss index file beside it.

SQLite holds the truth: every article (text and metadata, a content hash, its story vector as
float16), its sentences, and an FTS5 full-text index. The faiss index is a cache of the story
vectors for fast search: it is rebuilt from SQLite whenever it is missing or older than the
database (an interrupted `add`), so a crash can cost time, never data.

Why one vector per story and not per sentence: at a million stories, sentence vectors (17 per
story) would take 17 GB of RAM; a story vector takes 1 KB, exact search over 1M of them takes
~40 ms (docs/vector-index.md), and sentence-level evidence is recomputed for the few
candidates that reach the re-ranking (see unspin.find).
"""

from __future__ import annotations

import hashlib
import itertools
import math
import os
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from unspin.corpus.ingest import (
    ID_TAKEN,
    AddedFiles,
    AddProgress,
    Skipped,
    input_files,
    read_ahead,
    read_records,
)
from unspin.errors import InputError, UnspinError
from unspin.model import Article, Sentence
from unspin.read import composed_article
from unspin.segmentation.sentences import paragraphs, sentences
from unspin.text import STEMS_VERSION, content_stems

SCHEMA_VERSION = 1
BATCH = 256  # articles per transaction: an interrupted add loses at most one batch of work
# The story-vector index: exact below IVF_MIN stories (1 ms a query at 10k); IVF above,
# since exact search grows with the corpus (~40 ms at 1M). NPROBE of the 4 sqrt(n) lists are
# searched; TRAIN_PER_LIST vectors per list train them (faiss asks for 39 or more).
IVF_MIN = 50_000
NPROBE = 128
TRAIN_PER_LIST = 40
FREQUENCY_CACHE = 500_000  # terms whose story counts are kept (about 50 MB at most)
_NO_KEYS = np.zeros(0, dtype=np.int64)  # the posting list of a term no story holds

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,       -- the id it was added with, or one derived from its hash
    hash TEXT NOT NULL UNIQUE,     -- of the whitespace-normalised text: adding twice is a no-op
    title TEXT NOT NULL, url TEXT NOT NULL, date TEXT NOT NULL,
    author TEXT NOT NULL, site TEXT NOT NULL, text TEXT NOT NULL,
    added TEXT NOT NULL,
    vector BLOB NOT NULL           -- the story vector, float16 (the faiss index is built from it)
);
CREATE INDEX IF NOT EXISTS articles_date ON articles(date);
CREATE TABLE IF NOT EXISTS sentences (
    article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    n INTEGER NOT NULL,            -- its position in the article
    start INTEGER NOT NULL, end INTEGER NOT NULL, paragraph INTEGER NOT NULL,
    PRIMARY KEY (article, n)
) WITHOUT ROWID;
-- Each sentence's content stems, space-separated, as `text.content_stems` of the version in
-- meta 'stems' made them. A table of its own, not a column of `sentences`: an older unspin
-- that adds to the corpus writes sentences as it always did, and its stories have none.
CREATE TABLE IF NOT EXISTS stems (
    article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    stems TEXT NOT NULL,
    PRIMARY KEY (article, n)
) WITHOUT ROWID;
-- External content: the text is stored once, in articles. Porter stemming, no positions
-- (detail=column): unspin asks for terms, never phrases, and the index stays a third smaller.
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
    title, text, content='articles', content_rowid='rowid',
    tokenize='porter unicode61', detail=column
);
CREATE VIRTUAL TABLE IF NOT EXISTS fts_terms USING fts5vocab(fts, 'row');
"""


@dataclass(frozen=True, slots=True)
class AddStats:
    added: int = 0
    duplicates: int = 0  # same text as a stored article (also: added before an interruption)
    refused: tuple[str, ...] = ()  # ids already used by a different text: not added


@dataclass(frozen=True, slots=True)
class CorpusStats:
    articles: int
    sentences: int
    first_date: str
    last_date: str
    sites: int
    bytes_on_disk: int
    model: str


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as the corpus holds it: `key` is its row, for the index; `article.id` its id."""

    key: int
    article: Article
    sentence_spans: tuple[tuple[int, int, int], ...]  # (start, end, paragraph)
    # Each sentence's `content_stems`, as stored when it was added (None: not stored, in a
    # corpus built before they were, or by another STEMS_VERSION).
    sentence_stems: tuple[frozenset[str], ...] | None = None


class CorpusError(UnspinError):
    """The corpus file cannot be used: not an unspin corpus, or built with another schema or
    embedding model."""


class Corpus:
    """Open (or create) the corpus at `path`; ":memory:" keeps everything in memory (tests)."""

    def __init__(self, path: str | os.PathLike[str] = ":memory:") -> None:
        from unspin.embed import get_embedder

        self.path = ":memory:" if str(path) == ":memory:" else Path(path)
        if isinstance(self.path, Path):
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(str(self.path), isolation_level=None)
            self._refuse_other_databases()
            self._db.execute("PRAGMA foreign_keys=ON")
            if isinstance(self.path, Path):
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=NORMAL")  # durable at WAL checkpoints
            self._db.executescript(_SCHEMA)  # its own transaction
            with self._transaction():
                self._check_schema()
        except sqlite3.DatabaseError as error:
            raise CorpusError(f"{path}: not an unspin corpus ({error})") from None
        self._embedder = get_embedder("fast")
        # Counts kept until the corpus changes (`_follow_changes`): a scan asks for them on
        # every page, and count(*) walks the whole table (2.4 ms at 100k stories).
        self._frequencies: dict[str, int] = {}  # term -> stories holding it
        self._size: int | None = None  # stories
        self._counts_generation = self._generation()
        self._index = self._load_index()

    # --- life cycle ----------------------------------------------------------------------

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __len__(self) -> int:
        self._follow_changes()
        if self._size is None:
            self._size = int(self._db.execute("SELECT count(*) FROM articles").fetchone()[0])
        return self._size

    # --- writing -------------------------------------------------------------------------

    def add(self, articles: Iterable[Article]) -> AddStats:
        """Store the articles not stored yet, in transactions of BATCH, their texts composed
        (NFC) as unspin reads every text: a story whose accents are spelled apart would share
        no word trigram with a copy of it ("château" against "cha", "teau"). The vector index
        file is saved once, at the end."""
        totals = AddStats()
        try:
            for batch in _batches(articles, BATCH):
                done = self._add_batch(batch)
                totals = AddStats(
                    totals.added + done.added,
                    totals.duplicates + done.duplicates,
                    totals.refused + done.refused,
                )
        finally:
            self._fit_index()
            self._save_index()
        return totals

    def add_files(
        self,
        paths: Sequence[str | os.PathLike[str]],
        *,
        progress: AddProgress | None = None,
        in_parallel: bool = True,
    ) -> AddedFiles:
        """Add the stories in `paths` (JSON Lines, CSV, WARC crawls, .html / .txt / .json
        files, or folders of them): what was added, what was already there, and what was
        skipped and why. Unreadable records are skipped, never raised (InputError only for a
        path that is missing or holds no input). `progress` is called as records are read;
        `in_parallel` reads them in a second process, so reading and embedding share two
        cores (`ingest.read_ahead`)."""
        started = time.perf_counter()
        files = input_files(paths)
        total = sum(f.size for f in files)
        before = [0, *itertools.accumulate(f.size for f in files)]  # bytes before each file
        skipped: list[Skipped] = []
        read = 0

        def articles() -> Iterator[Article]:
            nonlocal read
            records = (
                read_ahead(files)
                if in_parallel
                else ((k, r) for k, file in enumerate(files) for r in read_records(file))
            )
            for index, record in records:
                if progress is not None:
                    progress(before[index] + record.position, total, read)
                if record.article is None:
                    skipped.append(Skipped(record.location, record.error or "unreadable"))
                    continue
                read += 1
                yield record.article

        stats = self.add(articles())
        skipped += [Skipped(i, ID_TAKEN) for i in stats.refused]
        if progress is not None:
            progress(total, total, read)
        seconds = time.perf_counter() - started
        return AddedFiles(stats.added, stats.duplicates, read, tuple(skipped), seconds)

    def _add_batch(self, batch: list[Article]) -> AddStats:
        # A story an older unspin stored as given (uncomposed) is known by that text's hash.
        given = [content_hash(a.text) for a in batch]
        batch = [composed_article(a) for a in batch]
        hashes = [content_hash(a.text) for a in batch]
        known = self._known_hashes(list(dict.fromkeys(hashes + given)))
        fresh: dict[str, Article] = {}
        for article, digest, as_given in zip(batch, hashes, given, strict=True):
            if digest not in known and as_given not in known and digest not in fresh:
                fresh[digest] = article
        duplicates = len(batch) - len(fresh)
        if not fresh:
            return AddStats(0, duplicates)
        items = list(fresh.items())
        self._writable()  # before this batch moves the generation on
        vectors = self._embedder.encode([a.text for _, a in items])
        added, refused, keys, rows = 0, [], [], []
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._transaction():
            for (digest, article), vector in zip(items, vectors, strict=True):
                article_id = article.id or f"sha256:{digest[:16]}"
                try:
                    cursor = self._db.execute(
                        "INSERT INTO articles (id, hash, title, url, date, author, site, text,"
                        " added, vector) VALUES (?,?,?,?,?,?,?,?,?,?)",
                        (
                            article_id,
                            digest,
                            article.title,
                            article.url,
                            article.date,
                            article.author,
                            article.site,
                            article.text,
                            now,
                            vector.astype(np.float16).tobytes(),
                        ),
                    )
                except sqlite3.IntegrityError:  # the id is taken by a different text
                    refused.append(article_id)
                    continue
                key = int(cursor.lastrowid or 0)
                self._db.execute(
                    "INSERT INTO fts (rowid, title, text) VALUES (?,?,?)",
                    (key, article.title, article.text),
                )
                spans = sentences(article.text, paragraphs(article.text))
                self._db.executemany(
                    # Columns named: a corpus a development build gave a sixth (stems) works too.
                    "INSERT INTO sentences (article, n, start, end, paragraph) VALUES (?,?,?,?,?)",
                    [(key, n, s.start, s.end, s.paragraph) for n, s in enumerate(spans)],
                )
                if self._stems_current:
                    self._db.executemany(
                        "INSERT INTO stems VALUES (?,?,?)",
                        [(key, n, _stems_of(article.text, s)) for n, s in enumerate(spans)],
                    )
                keys.append(key)
                rows.append(vector)
                added += 1
            self._bump_generation()
        if keys:
            self._index.add_with_ids(np.asarray(rows, dtype=np.float32), np.asarray(keys))
        return AddStats(added, duplicates, tuple(refused))

    def remove(self, ids: Iterable[str]) -> int:
        """Remove the articles with these ids; returns how many there were."""
        removed: list[int] = []
        self._writable()
        with self._transaction():
            for article_id in ids:
                row = self._db.execute(
                    "SELECT rowid, title, text FROM articles WHERE id = ?", (article_id,)
                ).fetchone()
                if row is None:
                    continue
                key, title, text = row
                # External-content FTS5 forgets a row only when told its old values.
                self._db.execute(
                    "INSERT INTO fts (fts, rowid, title, text) VALUES ('delete', ?, ?, ?)",
                    (key, title, text),
                )
                self._db.execute("DELETE FROM articles WHERE rowid = ?", (key,))
                removed.append(key)
            if removed:
                self._bump_generation()
        if removed:
            self._index.remove_ids(np.asarray(removed, dtype=np.int64))
            self._save_index()
        return len(removed)

    # --- reading -------------------------------------------------------------------------

    def stats(self) -> CorpusStats:
        articles, first, last, sites = self._db.execute(
            "SELECT count(*), min(nullif(date, '')), max(nullif(date, '')),"
            " count(DISTINCT nullif(site, '')) FROM articles"
        ).fetchone()
        n_sentences = self._db.execute("SELECT count(*) FROM sentences").fetchone()[0]
        size = 0
        if isinstance(self.path, Path):
            for file in (self.path, *self._sidecars()):
                with suppress(OSError):
                    size += file.stat().st_size
        return CorpusStats(
            articles, n_sentences, first or "", last or "", sites, size, self._model_tag()
        )

    def get(self, article_id: str) -> Article | None:
        row = self._db.execute("SELECT rowid FROM articles WHERE id = ?", (article_id,)).fetchone()
        return self.load([row[0]])[0].article if row else None

    def load(self, keys: Sequence[int]) -> list[StoredArticle]:
        """The stored articles with these keys, in the order asked (missing keys left out)."""
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        found: dict[int, StoredArticle] = {}
        spans: dict[int, list[tuple[int, int, int]]] = {k: [] for k in keys}
        stems: dict[int, list[frozenset[str]] | None] = {k: [] for k in keys}
        for key, start, end, paragraph, words in self._db.execute(
            f"SELECT s.article, s.start, s.end, s.paragraph, t.stems FROM sentences s"
            f" LEFT JOIN stems t ON t.article = s.article AND t.n = s.n"
            f" WHERE s.article IN ({marks}) ORDER BY s.article, s.n",
            list(keys),
        ):
            spans[key].append((start, end, paragraph))
            if words is None:
                stems[key] = None  # a story added before stems were stored: computed by need
            elif (held := stems[key]) is not None:
                held.append(frozenset(words.split()))
        for key, *fields in self._db.execute(
            f"SELECT rowid, text, title, url, date, author, site, id FROM articles"
            f" WHERE rowid IN ({marks})",
            list(keys),
        ):
            held = stems[key] if self._stems_current else None
            found[key] = StoredArticle(
                key, Article(*fields), tuple(spans[key]), tuple(held) if held else None
            )
        return [found[k] for k in keys if k in found]

    def search_vectors(self, queries: np.ndarray, k: int) -> list[list[tuple[int, float]]]:
        """For each query vector (unit length, the fast model's), the k nearest stories as
        (key, cosine), best first."""
        self._follow_changes()
        if self._index.ntotal == 0 or len(queries) == 0:
            return [[] for _ in range(len(queries))]
        import faiss

        # OpenMP threads spin between calls and starve the tokenizer's threads: a handful of
        # queries runs 10x faster on one thread (1 ms against 12 at 10k stories).
        threads = faiss.omp_get_max_threads()
        faiss.omp_set_num_threads(1 if len(queries) < 64 else threads)
        try:
            scores, keys = self._index.search(np.ascontiguousarray(queries, np.float32), k)
        finally:
            faiss.omp_set_num_threads(threads)
        return [
            [(int(key), float(s)) for key, s in zip(row_keys, row_scores, strict=True) if key >= 0]
            for row_keys, row_scores in zip(keys, scores, strict=True)
        ]

    def document_frequencies(self, terms: Sequence[str]) -> dict[str, int]:
        """How many stories hold each term (terms as the full-text index stems them; terms
        no story holds are left out).

        FTS5 counts a term's stories by walking its posting list (~0.02 ms per 1,000 stories),
        so counts are kept until the corpus changes: a server or a batch scan asks about the
        same common words again and again.
        """
        self._follow_changes()
        unknown = [t for t in terms if t not in self._frequencies]
        if unknown:
            if len(self._frequencies) > FREQUENCY_CACHE:
                self._frequencies.clear()
            marks = ",".join("?" * len(unknown))
            rows = self._db.execute(
                f"SELECT term, doc FROM fts_terms WHERE term IN ({marks})", unknown
            )
            self._frequencies.update(dict.fromkeys(unknown, 0) | dict(rows.fetchall()))
        return {t: self._frequencies[t] for t in terms if self._frequencies[t]}

    def search_terms(self, terms: Sequence[str], k: int) -> list[tuple[int, float]]:
        """The k stories holding the most of these (already stemmed, preferably rare) terms,
        weighted by IDF, as (key, score), best first.

        Scored here from each term's posting list rather than by FTS5's bm25() over an OR
        query: that scores every story holding any term and took 250 ms for 24 terms over
        10k stories, the postings of rare terms take 4 ms.
        """
        n = len(self) or 1
        postings, weights = [], []
        for term in terms:
            # One string of the posting list, split in C: a Python row per posting cost ~0.9 µs
            # (a sixth of a scan's candidate searches), the joined string ~0.3.
            (joined,) = self._db.execute(
                "SELECT group_concat(rowid) FROM fts WHERE fts MATCH ?", (_quoted(term),)
            ).fetchone()
            keys = np.array(joined.split(","), dtype=np.int64) if joined else _NO_KEYS
            postings.append(keys)
            weights.append(np.full(len(keys), math.log(1 + n / max(len(keys), 1))))
        if not postings or not sum(map(len, postings)):
            return []
        # Summed per story in numpy, in the order a loop over the terms would add them (so
        # the same floats), and ties ranked by where a story first appears, as a stable sort
        # of that loop's dict would: a Python loop over ~20k postings was 2 ms a page.
        every = np.concatenate(postings)
        totals = np.bincount(every, weights=np.concatenate(weights))
        keys, first = np.unique(every, return_index=True)
        order = np.lexsort((first, -totals[keys]))[:k]
        return [(int(key), float(totals[key])) for key in keys[order]]

    def dates(self, keys: Sequence[int]) -> dict[int, str]:
        marks = ",".join("?" * len(keys))
        rows = self._db.execute(
            f"SELECT rowid, date FROM articles WHERE rowid IN ({marks})", list(keys)
        )
        return dict(rows.fetchall())

    def search_text(self, query: str, limit: int = 20) -> list[Article]:
        """Articles whose title or text matches the words of `query` (all of them), best first."""
        words = re.findall(r"\w+", query)
        if not words:
            return []
        rows = self._db.execute(
            "SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY bm25(fts) LIMIT ?",
            (" AND ".join(_quoted(w) for w in words), limit),
        )
        return [s.article for s in self.load([r[0] for r in rows])]

    # --- the vector index ----------------------------------------------------------------

    def _index_path(self, generation: int) -> Path | None:
        if not isinstance(self.path, Path):
            return None
        return self.path.with_name(f"{self.path.name}.vectors-{generation}.faiss")

    def _sidecars(self) -> list[Path]:
        if not isinstance(self.path, Path):
            return []
        wal = [self.path.with_name(self.path.name + s) for s in ("-wal", "-shm")]
        return [*self.path.parent.glob(f"{self.path.name}.vectors-*.faiss"), *wal]

    def _generation(self) -> int:
        row = self._db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return int(row[0]) if row else 0

    def _bump_generation(self) -> None:
        """Mark a change this instance makes, to its in-memory index as well as to SQLite."""
        self._db.execute(
            "INSERT INTO meta VALUES ('generation', '1') ON CONFLICT(key) DO UPDATE"
            " SET value = CAST(value AS INTEGER) + 1"
        )
        self._forget_counts()
        self._index_generation = self._counts_generation = self._generation()

    def _forget_counts(self) -> None:
        self._frequencies.clear()
        self._size = None

    def _follow_changes(self) -> None:
        """Catch up with changes made through another connection (a server's upload, another
        process): term counts at once; the index once its writer has saved it (until then the
        one loaded serves: it lacks the new stories, and `load` skips removed ones)."""
        generation = self._generation()
        if generation != self._counts_generation:
            self._forget_counts()
            self._counts_generation = generation
        if generation != self._index_generation:
            path = self._index_path(generation)
            if path is not None and path.is_file():
                self._index = self._load_index()

    def _load_index(self, *, mapped: bool = True):  # type: ignore[no-untyped-def]
        """The saved index of the current generation, memory-mapped read-only by default (it
        opens at once, and processes searching one corpus share its pages); rebuilt from SQLite
        if it is missing or stale (an add was interrupted before saving it)."""
        import faiss

        self._index_generation = self._generation()
        path = self._index_path(self._index_generation)
        self._mapped = False
        if path is None or not path.is_file():
            return self._build_index()
        if mapped:
            with suppress(RuntimeError):  # only some index kinds can be mapped
                index = faiss.read_index(
                    str(path), faiss.IO_FLAG_MMAP_IFC | faiss.IO_FLAG_READ_ONLY
                )
                self._mapped = True
                return index
        try:
            return faiss.read_index(str(path))
        except RuntimeError:  # faiss's own error text is a C++ stack line
            raise InputError(
                f"{path}: the corpus's vector index is damaged; delete it, and unspin rebuilds"
                " it from the stories"
            ) from None

    def _writable(self) -> None:
        """Read the index into memory before changing it (a mapped one is read-only)."""
        if self._mapped:
            self._index = self._load_index(mapped=False)

    def _build_index(self):  # type: ignore[no-untyped-def]
        """A new index of every story vector in SQLite, of the kind its size calls for: exact
        below IVF_MIN stories, IVF (nlist = 4 sqrt(n), docs/vector-index.md) above."""
        import faiss

        n, dim = len(self), int(self._embedder.dim)
        if n < IVF_MIN:
            index = faiss.IndexIDMap2(faiss.IndexFlatIP(dim))
        else:
            nlist = int(4 * math.sqrt(n))
            # Vectors in float16, as SQLite stores them: half the memory of IVF-Flat, no loss.
            index = faiss.IndexIVFScalarQuantizer(
                faiss.IndexFlatIP(dim),
                dim,
                nlist,
                faiss.ScalarQuantizer.QT_fp16,
                faiss.METRIC_INNER_PRODUCT,
            )
            index.train(self._vectors_sample(TRAIN_PER_LIST * nlist))
            index.nprobe = NPROBE
        for keys, rows in self._vector_chunks():
            index.add_with_ids(rows, keys)
        return index

    def _fit_index(self) -> None:
        """Rebuild the index if the corpus outgrew its kind: past IVF_MIN stories, or four
        times the size its IVF lists were trained for."""
        import faiss

        n = len(self)
        if isinstance(self._index, faiss.IndexIVF):
            stale = n > 4 * (self._index.nlist / 4) ** 2
        else:
            stale = n >= IVF_MIN
        if stale:
            self._index = self._build_index()
            with self._transaction():
                self._bump_generation()  # so that the new index is saved, under a new name

    def _vector_chunks(self, size: int = 65536) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        keys, rows = [], []
        for key, blob in self._db.execute("SELECT rowid, vector FROM articles ORDER BY rowid"):
            keys.append(key)
            rows.append(np.frombuffer(blob, dtype=np.float16))
            if len(keys) == size:
                yield np.asarray(keys, np.int64), np.asarray(rows, np.float32)
                keys, rows = [], []
        if keys:
            yield np.asarray(keys, np.int64), np.asarray(rows, np.float32)

    def _vectors_sample(self, size: int) -> np.ndarray:
        rows = self._db.execute(
            "SELECT vector FROM articles WHERE rowid IN"
            " (SELECT rowid FROM articles ORDER BY random() LIMIT ?)",
            (size,),
        )
        return np.asarray([np.frombuffer(r[0], dtype=np.float16) for r in rows], np.float32)

    def _save_index(self) -> None:
        """Write the index for the current generation (atomically) and drop older ones."""
        import faiss

        path = self._index_path(self._generation())
        if path is None or path.is_file():
            return
        tmp = path.with_name(path.name + ".tmp")
        faiss.write_index(self._index, str(tmp))
        tmp.replace(path)
        for old in self.path.parent.glob(f"{self.path.name}.vectors-*.faiss"):  # type: ignore[union-attr]
            if old != path:
                with suppress(OSError):
                    old.unlink()

    # --- helpers -------------------------------------------------------------------------

    def _known_hashes(self, hashes: Sequence[str]) -> set[str]:
        marks = ",".join("?" * len(hashes))
        rows = self._db.execute(f"SELECT hash FROM articles WHERE hash IN ({marks})", hashes)
        return {r[0] for r in rows}

    def _model_tag(self) -> str:
        row = self._db.execute("SELECT value FROM meta WHERE key = 'model'").fetchone()
        return row[0] if row else ""

    def _refuse_other_databases(self) -> None:
        """Another program's SQLite file (tables, none of them unspin's `meta`) is left as it
        is: adding unspin's tables to it would change a file the user did not mean to give."""
        tables = sorted(
            name
            for (name,) in self._db.execute("SELECT name FROM sqlite_master WHERE type='table'")
        )
        if tables and "meta" not in tables:
            self._db.close()
            shown = ", ".join(tables[:3]) + (", ..." if len(tables) > 3 else "")
            raise CorpusError(f"{self.path}: not an unspin corpus (another database: {shown})")

    def _check_schema(self) -> None:
        from unspin.embed import MODEL_TAG

        stored = dict(self._db.execute("SELECT key, value FROM meta").fetchall())
        expected = {"schema": str(SCHEMA_VERSION), "model": f"{MODEL_TAG}/fast"}
        for key, value in expected.items():
            if key not in stored:
                self._db.execute("INSERT INTO meta VALUES (?, ?)", (key, value))
            elif stored[key] != value:
                raise CorpusError(
                    f"{self.path}: built with {key} {stored[key]}, this unspin uses {value};"
                    " build the corpus again"
                )
        self._stems_current = self._check_stems(stored.get("stems"))

    def _check_stems(self, version: str | None) -> bool:
        """Can the stored sentence stems be used (and stems be stored with new stories)? A
        corpus built before they were stored has an empty `stems` table: its stories' stems
        are computed when needed, as they always were, and new stories' are stored. Stems of
        another STEMS_VERSION are never used: a check's scores must not depend on when its
        corpus was built."""
        if version is None:
            self._db.execute("INSERT INTO meta VALUES ('stems', ?)", (str(STEMS_VERSION),))
            return True
        return version == str(STEMS_VERSION)

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception (including KeyboardInterrupt)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        self._db.execute("COMMIT" if kind is None else "ROLLBACK")


def _stems_of(text: str, sentence: Sentence) -> str:
    return " ".join(sorted(content_stems(text[sentence.start : sentence.end])))


def content_hash(text: str) -> str:
    """sha256 of the text with runs of whitespace made one space: the same story re-extracted
    with other line breaks is the same story."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def _quoted(term: str) -> str:
    """A term as an FTS5 string: whatever it holds, it is matched as text, never as syntax."""
    return '"' + term.replace('"', '""') + '"'


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
