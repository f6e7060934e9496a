"""What benchmarks/retrieval.py compares: retrieval systems behind one small interface, and a
one-pass reader of the Reuters 2006-2013 corpus (stories and write-through pairs together).

`read_ding2014` pairs a story with its write-through: among the versions of one title (titles
compared without "UPDATE n-" / "CORRECTED" / "REFILE" and case; bodies of 120+ words, compared
after unwrapping lines), the latest version issued at most 2 days after the first whose body
differs from the first's and shares at least 20% of the shorter body's word trigrams with it
(`containment`). A title recurs: "Toll Brothers quarterly profit falls sharply" in February and
in August is two stories, as are two factboxes of one summit two days apart; the date window
and the shared trigrams keep such pairs out. The old rule (the last version against the first,
benchmarks/write_throughs.py's) is counted for comparison.
"""

from __future__ import annotations

import json
import lzma
import pickle
import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from unspin.model import Article
from unspin.testing.datasets import _DATELINE, _DING_BREAKS, _DING_FILE, data_dir, reflow
from unspin.text import word_trigrams

_UPDATE = re.compile(r"^(?:UPDATE|CORRECTED|REFILE)\s*\d*\s*-\s*", re.IGNORECASE)
WINDOW_DAYS = 2  # a write-through is issued at most this many days after the first version
SAME_STORY = 0.2  # ... and shares at least this share of the shorter body's word trigrams


# --- the systems ---------------------------------------------------------------------------------


class Retriever(Protocol):
    """A corpus of stories that finds the ones a query was made from.

    A retriever may also have `info` (a dict reported with its build) and `stages` (seconds
    spent in named parts of its last search, reported as latencies of their own)."""

    name: str

    def build(self, articles: Sequence[Article], workdir: Path) -> None: ...

    def search(self, query: Article, k: int) -> list[str]:
        """Ids of the k best stories, best first."""
        ...


@dataclass(frozen=True, slots=True)
class Answer:
    named: str | None  # the id of the story named as the source, None: "no source in this corpus"
    weighed: tuple[tuple[str, float], ...]  # (id, score) of every candidate weighed, best first


@runtime_checkable
class Answerer(Retriever, Protocol):
    """A retriever that can also answer "no source in this corpus"."""

    def answer(self, query: Article) -> Answer: ...


def _text(article: Article) -> str:
    return f"{article.title}\n{article.text}"


class BM25:
    """bm25s over title + text, English stopwords, PyStemmer's English stemmer if installed."""

    name = "bm25s"

    def __init__(self) -> None:
        try:
            import Stemmer

            self.stemmer = Stemmer.Stemmer("english")
        except ImportError:
            self.stemmer = None
        self.info: dict[str, object] = {"stemmer": "PyStemmer" if self.stemmer else "none"}

    def build(self, articles: Sequence[Article], workdir: Path) -> None:
        import bm25s

        self.ids: list[str] = []

        def texts() -> Iterator[str]:  # a generator: bm25s keeps token ids, not the texts
            for article in articles:
                self.ids.append(article.id)
                yield _text(article)

        tokens = bm25s.tokenize(texts(), stopwords="en", stemmer=self.stemmer, show_progress=False)
        self.index = bm25s.BM25()
        self.index.index(tokens, show_progress=False)
        self.index.save(workdir, show_progress=False)

    def search(self, query: Article, k: int) -> list[str]:
        import bm25s

        tokens = bm25s.tokenize(
            [_text(query)], stopwords="en", stemmer=self.stemmer, show_progress=False
        )
        docs, _ = self.index.retrieve(tokens, k=k, show_progress=False)
        return [self.ids[i] for i in docs[0]]


class MinHashLSH:
    """datasketch MinHash (128 permutations) of lower-cased word 5-shingles of title + text, in
    a MinHashLSH; its candidates ranked by estimated Jaccard (MinHash.jaccard's estimate, the
    share of equal hash values, computed on a matrix of all signatures at once).

    Threshold 0.05 (datasketch picks 32 bands of 1 row). Recall@1 on light / medium / heavy
    spins / updates, 200 queries each (benchmarks/retrieval.py, seed 2014), 10k stories:
    threshold 0.3 gave 1.000 / 0.995 / 0.920 / 0.790, 0.2 1.000 / 1.000 / 0.980 / 0.855,
    0.1 1.000 / 1.000 / 0.995 / 0.890 and 0.05 1.000 / 1.000 / 1.000 / 0.930. At 100k, 0.1 gave
    1.000 / 0.995 / 0.995 / 0.860, 0.05 1.000 / 0.995 / 1.000 / 0.885 at p95 <= 1.9 ms, and 0.02
    1.000 / 1.000 / 1.000 / 0.885 at p95 4-5 ms: 0.05 is one medium query short of the best
    recall, at a third of 0.02's tail latency. Spinning swaps a word in many 5-word windows, so a
    copy and its source share few shingles.
    """

    name = "minhash-lsh"
    threshold = 0.05
    num_perm = 128

    def __init__(self) -> None:
        self.stages: dict[str, float] = {}
        self.info: dict[str, object] = {"threshold": self.threshold}

    def build(self, articles: Sequence[Article], workdir: Path) -> None:
        from datasketch import MinHash
        from datasketch import MinHashLSH as LSH

        self.ids: list[str] = []
        self.lsh = LSH(threshold=self.threshold, num_perm=self.num_perm)
        self.info.update(bands=self.lsh.b, rows=self.lsh.r)

        def shingles() -> Iterator[list[bytes]]:
            for article in articles:
                self.ids.append(article.id)
                yield _shingles(article)

        signatures = []
        with self.lsh.insertion_session() as session:
            for key, minhash in enumerate(MinHash.generator(shingles(), num_perm=self.num_perm)):
                session.insert(key, minhash, check_duplication=False)
                signatures.append(minhash.hashvalues)
        self.signatures = np.vstack(signatures)
        np.save(workdir / "signatures.npy", self.signatures)
        with open(workdir / "lsh.pickle", "wb") as f:
            pickle.dump((self.lsh, self.ids), f, protocol=pickle.HIGHEST_PROTOCOL)

    def search(self, query: Article, k: int) -> list[str]:
        from datasketch import MinHash

        minhash = MinHash(num_perm=self.num_perm)
        minhash.update_batch(_shingles(query))
        start = time.perf_counter()
        keys = np.asarray(self.lsh.query(minhash), dtype=np.int64)
        self.stages = {"LSH query": time.perf_counter() - start}
        estimate = (self.signatures[keys] == minhash.hashvalues).mean(axis=1)
        order = np.argsort(-estimate, kind="stable")[:k]
        return [self.ids[keys[i]] for i in order]


def _shingles(article: Article) -> list[bytes]:
    words = re.findall(r"\w+", _text(article).lower())
    return [" ".join(words[i : i + 5]).encode() for i in range(max(1, len(words) - 4))]


class Unspin:
    """unspin.corpus.Corpus: ranked candidates from unspin.find.rank, the answer from
    unspin.check (its first source, or none, and the candidates it weighed)."""

    name = "unspin"

    def __init__(self) -> None:
        self.info: dict[str, object] = {}

    def build(self, articles: Sequence[Article], workdir: Path) -> None:
        from unspin.corpus import Corpus

        path = workdir / "corpus.sqlite"
        with Corpus(path) as corpus:
            stats = corpus.add(articles)
        self.info = {
            "added": stats.added,
            "duplicates": stats.duplicates,
            "refused": len(stats.refused),
        }
        # Reopened as a user would, so the build also covers writing everything to disk.
        self.corpus = Corpus(path)

    def search(self, query: Article, k: int) -> list[str]:
        from unspin.find import rank

        return [candidate.id for candidate in rank(query, self.corpus, k=k)]

    def answer(self, query: Article) -> Answer:
        from unspin import check

        report = check(query, self.corpus)
        weighed = report.search.candidates if report.search else ()
        return Answer(
            report.sources[0].id if report.sources else None,
            tuple((c.article.id, c.score) for c in weighed),
        )


SYSTEMS: dict[str, Callable[[], Retriever]] = {s.name: s for s in (BM25, MinHashLSH, Unspin)}


# --- the Reuters 2006-2013 corpus, read once ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WriteThrough:
    later: Article
    first: Article
    others: tuple[str, ...]  # ids of the title's other versions (any length), kept out of the index


@dataclass(frozen=True, slots=True)
class Ding2014:
    stories: list[Article]  # what unspin.testing.datasets.reuters_ding2014_articles yields
    pairs: list[WriteThrough]  # by the rule of the module docstring
    pairs_by_old_rule: int  # titles issued more than once whose last body differs from the first
    reissued: frozenset[str]  # ids of every story whose title was issued more than once


def read_ding2014(directory: str | Path | None = None) -> Ding2014:
    """Stories and write-through pairs of ../shared/data/reuters_ding2014 in one pass."""
    stories: list[Article] = []
    by_title: dict[str, list[Article]] = defaultdict(list)  # bodies of 120+ words
    ids_by_title: dict[str, list[str]] = defaultdict(list)
    for record in _records(directory):
        if not record["body"].strip():
            continue
        article = _article(record)
        title = _UPDATE.sub("", record["title"]).strip().lower()
        ids_by_title[title].append(article.id)
        if not record["title"].upper().startswith("UPDATE"):
            stories.append(article)
        if len(record["body"].split()) >= 120:
            by_title[title].append(article)
    pairs = []
    for title, versions in by_title.items():  # the file is in date order
        if len(versions) > 1 and (later := _write_through(versions)):
            others = tuple(i for i in ids_by_title[title] if i not in (versions[0].id, later.id))
            pairs.append(WriteThrough(later, versions[0], others))
    old = sum(len(v) > 1 and v[0].text != v[-1].text for v in by_title.values())
    reissued = frozenset(i for ids in ids_by_title.values() if len(ids) > 1 for i in ids)
    return Ding2014(stories, pairs, old, reissued)


def _write_through(versions: list[Article]) -> Article | None:
    """The latest version that rewrites the first (module docstring), if any."""
    first = versions[0]
    if not first.date:
        return None
    last_day = date.fromisoformat(first.date).toordinal() + WINDOW_DAYS
    grams = word_trigrams(first.text)
    for later in reversed(versions[1:]):
        if (
            later.date
            and date.fromisoformat(later.date).toordinal() <= last_day
            and later.text != first.text
            and containment(grams, word_trigrams(later.text)) >= SAME_STORY
        ):
            return later
    return None


def containment(a: set, b: set) -> float:
    """|a & b| / min(|a|, |b|): the share of the smaller set the two share (0 if either is
    empty), as unspin.find._near_identical measures word trigrams."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _records(directory: str | Path | None) -> Iterable[dict]:
    with lzma.open(data_dir(directory) / _DING_FILE, "rt", encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def _article(record: dict) -> Article:
    """As reuters_ding2014_articles makes it."""
    day = record.get("day", "")
    return Article(
        text=reflow(_DATELINE.sub("", record["body"].strip(), count=1), _DING_BREAKS),
        title=record["title"],
        url=record.get("url", ""),
        date=f"{day[:4]}-{day[4:6]}-{day[6:]}" if len(day) == 8 else "",
        author=record.get("author", ""),
        id=f"reuters_ding2014/{record['id']}",
    )
