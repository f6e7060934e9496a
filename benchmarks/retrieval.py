"""Find the source in a corpus: unspin against bm25s and MinHash-LSH on the same stories and
queries, in one run. Run by hand:

    HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/retrieval.py [--sizes 10000,100000] [--queries 200]
    ... --sizes 2000 --queries 30 --systems bm25s,minhash-lsh      # a quick run of the peers
    ... --sizes 10000,100000,1000000 --json out/retrieval.json     # 1M: see "synthetic filler"

Data: ../shared/data/reuters_ding2014 (Reuters 2006-2013, copyrighted: read here at run time,
written only to the work directory under /tmp, never into the repository), read once.

The index of size N holds N stories. Query sets (--queries each, fixed by --seed):
  light / medium / heavy  spun copies (unspin.testing.spin, that intensity, 3 filler stories)
                          of prose stories in the index whose title was issued only once;
  update                  a write-through of a story (benchmarks/peers.py's pairs: a later
                          version of a title issued at most 2 days after the first and sharing at
                          least 20% of the shorter body's word trigrams with it); the first
                          version is in the index, the write-through and the title's other
                          versions are not;
  negative                heavy spun copies of prose stories that are not in the index (nor any
                          story with their title), for the answer "no source in this corpus".
Filler sentences of the spun copies come from stories kept out of the index. Every source is in
every index size; the rest of an index is a seeded random sample of the other stories (exact
duplicate texts dropped).

Versions. The wire issued one story under several ids (a CORRECTED or REFILE re-issue, the same
story filed again the next day, under the same title or another), and unspin names the earliest
of near-identical stories as the origin. So a version of the true source counts as the true
source, for every system and every measure: a returned id is a hit if it is the true source's or
that of an indexed story near-identical to it (unspin.find._near_identical: word trigrams,
unspin.text.word_trigrams, shared by at least 80% of the smaller set). Versions are looked for
among bm25s's top 20 for the true source's own title and text, over every real story that an
index of any size may hold (an index is a prefix of that order), and written with each query
("accept_ids": the true id and its versions). A negative is kept only if no story an index may
hold shares 25% or more of its story's word trigrams (same containment, top 20 of the same
search): its story has no version under another title in any index size. The other negatives are
dropped, not replaced; how many is printed with the counts of pairs under the old rule (the last
version against the first) and the new.

Synthetic filler: past the ~100k real stories left after the held-out ones, an index is filled
with stories made on the fly, deterministically from --seed and their position: a run of
paragraphs making at most half of one real story (by characters; so never a one-paragraph
story whole), then paragraphs of others until they are at least as long as the run, digits
1-9 permuted (so every number changes), the other story's title, a random 2006-2013 date, id
"synthetic/<n>" (about 8,000 a second). At most half of a story, and at most half of the
filler story, so that no filler story is a near-copy of a real one (unspin.find._near_identical
measures the share of the smaller story's trigrams: a filler story holding a real story whole
would count as a version of it, dated at random, and be named as its origin). The query sets
stay the real ones.

Each system builds and answers in a process of its own, so its peak RSS is its own. Printed per
index size, as markdown:
  build:   seconds to build the index from the stories and write it to disk, stories per second,
           disk MB of what it wrote, peak RSS (VmHWM of its process: reading stories, building,
           every query) and RSS after the queries;
  queries: recall@1 / recall@5 (share of queries whose true source or a version of it is ranked
           first / in the top 5), MRR (mean of 1/rank of the first of them in the top 10, 0 when
           absent), p50 / p95 warm latency of one search (after 5 unscored warm-up queries:
           held-out stories as they are), plus the LSH query alone for minhash-lsh;
  unspin's answer (unspin.check): share of queries where the first source it names is
           the true source, a version of it, another story, or it says "no source in this corpus"
           (on the positives, missed; on the negatives, the rest is the false source rate), and
           check's p50 / p95 latency;
  unspin's threshold: for thresholds t from 0.30 to 0.60, from the candidates check weighed
           (report.search.candidates, best first, each with its score: the share of the copy it
           explains). best = the first candidate's score (0 if none); source = the highest score
           of the true source or a version of it among them (0 if none). False source rate: the
           share of negatives with best >= t. Missed: the share of all positives (light, medium,
           heavy, update together) with source < t, or with best >= t from a first candidate
           that is neither the source nor a version of it. This leaves out check's date rule
           and its grouping of near-identical candidates, so the row of SOURCE_THRESHOLD may
           differ slightly from the answer table. Then quantiles: min / 1% / 5% / 50% of source
           on heavy and update, 50% / 95% / 99% / max of best on negatives;
  unspin vs each peer: build rate ratio, p50 latency ratio (unspin / peer), recall@1 and MRR
           differences (unspin - peer).
Latencies are of one query at a time with each library's default threads. --json also lists,
per query set, every query whose source was not ranked first or not named (with the top 3), and
unspin's best and source scores of every query.
Peers are skipped above --peers-max-size (default 100,000): bm25s and MinHash-LSH keep their
whole index in memory and 1M stories could exhaust it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import date
from pathlib import Path

import numpy as np
import psutil

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from peers import BM25, SYSTEMS, Answer, Answerer, WriteThrough, containment, read_ding2014

from unspin.find import SOURCE_THRESHOLD, _near_identical
from unspin.model import Article
from unspin.testing.datasets import is_prose
from unspin.testing.spin import spin
from unspin.text import word_trigrams

K = 10
WARM_UP = 5
VERSION_HITS = 20  # bm25s hits for a story's own text among which its versions are looked for
NEGATIVE_OVERLAP = 0.25  # a negative's story shares less than this with every indexed story
OUTCOMES = ("true", "version", "other", "none")  # what unspin's answer named (_outcome)
THRESHOLDS = (0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60)  # of the calibration table
FILLER_PER_COPY = 3
SPUN = ("light", "medium", "heavy")
SETS = (*SPUN, "update", "negative")
_FIRST_DAY, _LAST_DAY = date(2006, 10, 20).toordinal(), date(2013, 11, 20).toordinal()


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass(frozen=True, slots=True)
class Query:
    set: str
    true_id: str | None  # None: no source in the index
    accept: frozenset[str]  # the true id and the ids of its versions in the index: all hits
    article: Article


# --- the stories and queries, prepared once per run ----------------------------------------------


def prepare(workdir: Path, n_queries: int, seed: int, sizes: list[int]) -> dict:
    """Write stories.jsonl (index order), offsets.npy and queries.jsonl; return counts."""
    started = time.perf_counter()
    data = read_ding2014()
    say(f"read {len(data.stories):,} stories in {time.perf_counter() - started:.0f} s")
    rng = random.Random(seed)
    pairs = rng.sample(data.pairs, min(n_queries, len(data.pairs)))
    single = [a for a in data.stories if a.id not in data.reissued and is_prose(a)]
    picked = rng.sample(single, n_queries * 3 + WARM_UP)
    sources, negatives = picked[:n_queries], picked[n_queries : 2 * n_queries]
    held_out = picked[2 * n_queries :]  # warm-up queries, then filler of the spun copies
    out = [p.later for p in pairs] + negatives + held_out
    out_ids = {a.id for a in out} | {i for p in pairs for i in p.others}
    forced = [p.first for p in pairs] + sources
    if sizes[0] < len(forced):
        sys.exit(f"the smallest index ({sizes[0]}) must hold the {len(forced)} sources")
    index = _index_order(data.stories, forced, out, out_ids, sizes[0], rng)
    _write_stories(workdir, index)
    versions = Versions(index, workdir / "versions")
    kept = [a for a in negatives if versions.overlap(a) < NEGATIVE_OVERLAP]
    accept = {a.id: versions.of(a) | {a.id} for a in forced}
    queries = _queries(sources, pairs, kept, held_out, accept, seed)
    with open(workdir / "queries.jsonl", "w", encoding="utf-8") as f:
        for q in queries:
            record = {"set": q.set, "true_id": q.true_id, "accept_ids": sorted(q.accept)}
            f.write(json.dumps(record | asdict(q.article)) + "\n")
    position = {a.id: k for k, a in enumerate(index)}
    return {
        "real_stories": len(index),
        "write_through_pairs": {"old rule": data.pairs_by_old_rule, "new rule": len(data.pairs)},
        "negatives_dropped": len(negatives) - len(kept),
        "queries_per_set": {s: sum(q.set == s for q in queries) for s in SETS},
        "sources_with_versions": {
            size: {
                kind: sum(any(position[i] < size for i in accept[a.id] - {a.id}) for a in group)
                for kind, group in (("spun", sources), ("update", [p.first for p in pairs]))
            }
            for size in sizes
        },
    }


class Versions:
    """The stories of the index like a given story: among bm25s's top VERSION_HITS for its own
    title and text (any version of a story is among them), over every real story an index of
    any size may hold, so what it finds holds for every index size (an index is a prefix)."""

    def __init__(self, index: list[Article], folder: Path) -> None:
        started = time.perf_counter()
        folder.mkdir(parents=True, exist_ok=True)
        self.bm25 = BM25()
        self.bm25.build(index, folder)
        shutil.rmtree(folder)
        self.by_id = {a.id: a for a in index}
        say(f"indexed {len(index):,} stories with bm25s in {time.perf_counter() - started:.0f} s")

    def of(self, article: Article) -> frozenset[str]:
        """Ids of the other versions of the story: near-identical texts (unspin.find's rule)."""
        grams = word_trigrams(article.text)
        return frozenset(i for i, theirs in self._hits(article) if _near_identical(grams, theirs))

    def overlap(self, article: Article) -> float:
        """The largest share of word trigrams the story shares with another (`containment`)."""
        grams = word_trigrams(article.text)
        return max((containment(grams, theirs) for _, theirs in self._hits(article)), default=0.0)

    def _hits(self, article: Article) -> Iterator[tuple[str, set[tuple[str, str, str]]]]:
        for i in self.bm25.search(article, VERSION_HITS):
            if i != article.id:
                yield i, word_trigrams(self.by_id[i].text)


def _queries(
    sources: list[Article],
    pairs: list[WriteThrough],
    negatives: list[Article],
    held_out: list[Article],
    accept: dict[str, frozenset[str]],
    seed: int,
) -> list[Query]:
    rng = random.Random(seed + 1)
    filler = [a.text for a in held_out[WARM_UP:]]
    queries = [Query("warm-up", None, frozenset(), a) for a in held_out[:WARM_UP]]
    jobs = [Query(s, a.id, accept[a.id], a) for s in SPUN for a in sources]
    jobs += [Query("negative", None, frozenset(), a) for a in negatives]
    started = time.perf_counter()
    for k, job in enumerate(jobs):  # each query's article is, until spun, its source
        copy = spin(
            job.article,
            seed=seed * 1_000_003 + k,
            intensity="heavy" if job.set == "negative" else job.set,
            filler=rng.sample(filler, FILLER_PER_COPY),
        ).copy
        queries.append(replace(job, article=copy))
        if (k + 1) % 100 == 0:
            rate = (k + 1) / (time.perf_counter() - started)
            say(f"spun {k + 1}/{len(jobs)} copies ({rate:.0f}/s)")
    # Like the spun copies, an update comes with no id or address that names it.
    queries += [
        Query("update", p.first.id, accept[p.first.id], replace(p.later, id="", url=""))
        for p in pairs
    ]
    return queries


def _index_order(
    stories: list[Article],
    forced: list[Article],
    out: list[Article],
    out_ids: set[str],
    smallest: int,
    rng: random.Random,
) -> list[Article]:
    """Every story that may be indexed, once per distinct text, so that the first N of them are
    the index of size N: the sources and a random sample first, shuffled together."""
    seen = {hash(a.text) for a in out}
    kept = []
    for article in forced + stories:  # a forced story comes again in `stories`: seen by then
        if article.id not in out_ids and hash(article.text) not in seen:
            seen.add(hash(article.text))
            kept.append(article)
    head, rest = kept[: len(forced)], kept[len(forced) :]
    if [a.id for a in head] != [a.id for a in forced]:
        sys.exit("a source has the text of another source or a held-out story: try another --seed")
    rng.shuffle(rest)
    head += rest[: smallest - len(head)]
    rng.shuffle(head)
    return head + rest[smallest - len(forced) :]


def _write_stories(workdir: Path, stories: list[Article]) -> None:
    offsets = []
    with open(workdir / "stories.jsonl", "wb") as f:
        for a in stories:
            offsets.append(f.tell())
            f.write(json.dumps(asdict(a)).encode() + b"\n")
    np.save(workdir / "offsets.npy", np.asarray(offsets, dtype=np.int64))


class Stories(Sequence[Article]):
    """The first n stories of the index, read from stories.jsonl as they are needed, then
    synthetic filler (module docstring). Read lazily so a process's RSS is its system's."""

    def __init__(self, workdir: Path, n: int, seed: int) -> None:
        self.offsets = np.load(workdir / "offsets.npy")
        self.file = open(workdir / "stories.jsonl", "rb")  # noqa: SIM115 (kept open while used)
        self.n, self.seed = n, seed

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, i: int) -> Article:  # type: ignore[override]  (no slices needed)
        if not 0 <= i < self.n:
            raise IndexError(i)
        return self._real(i) if i < len(self.offsets) else self._synthetic(i - len(self.offsets))

    def __iter__(self) -> Iterator[Article]:
        self.file.seek(0)
        for i in range(self.n):
            if i < len(self.offsets):
                yield Article(**json.loads(self.file.readline()))
            else:
                yield self._synthetic(i - len(self.offsets))
            if (i + 1) % 25_000 == 0:
                say(f"  {i + 1:,} stories read")

    def _real(self, i: int) -> Article:
        here = self.file.tell()
        self.file.seek(int(self.offsets[i]))
        article = Article(**json.loads(self.file.readline()))
        self.file.seek(here)  # an iteration in progress goes on where it was
        return article

    def _synthetic(self, j: int) -> Article:
        rng = random.Random(self.seed * 1_000_003 + j)
        while True:  # a story of which some paragraphs make at most half: not a one-paragraph one
            a = self._real(rng.randrange(len(self.offsets)))
            ours = a.text.split("\n\n")
            run = rng.randint(1, max(1, len(ours) // 2))
            start = rng.randrange(len(ours) - run + 1)
            paragraphs = ours[start : start + run]
            if 2 * sum(map(len, paragraphs)) <= len(a.text):
                break
        b = self._real(rng.randrange(len(self.offsets)))
        theirs = b.text.split("\n\n")
        borrowed = sum(map(len, paragraphs))
        while borrowed > 0:  # other stories' paragraphs, until as long as the run
            for paragraph in rng.sample(theirs, len(theirs)):
                if borrowed <= 0:
                    break
                paragraphs.append(paragraph)
                borrowed -= len(paragraph)
            theirs = self._real(rng.randrange(len(self.offsets))).text.split("\n\n")
        # Digits 1-9 permuted (0 kept, so no number gains a leading zero): a C-speed translate,
        # where drawing each number anew took most of the time.
        digits = list("123456789")
        rng.shuffle(digits)
        text = "\n\n".join(paragraphs).translate(str.maketrans("123456789", "".join(digits)))
        day = date.fromordinal(rng.randint(_FIRST_DAY, _LAST_DAY)).isoformat()
        return Article(text=text, title=b.title, date=day, id=f"synthetic/{j}")


def load_queries(workdir: Path) -> list[Query]:
    with open(workdir / "queries.jsonl", encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    return [
        Query(r.pop("set"), r.pop("true_id"), frozenset(r.pop("accept_ids")), Article(**r))
        for r in records
    ]


# --- one system at one size, in a process of its own ---------------------------------------------


def run_system(name: str, size: int, workdir: Path, seed: int) -> dict:
    queries = load_queries(workdir)
    stories = Stories(workdir, size, seed)
    system = SYSTEMS[name]()
    folder = workdir / str(size) / name
    shutil.rmtree(folder, ignore_errors=True)  # a kept work directory: build from scratch
    folder.mkdir(parents=True)
    say(f"[{name} @ {size:,}] building")
    started = time.perf_counter()
    system.build(stories, folder)
    build_s = time.perf_counter() - started
    say(f"[{name} @ {size:,}] built in {build_s:.1f} s; querying")
    answerer = system if isinstance(system, Answerer) else None
    for q in (q for q in queries if q.set == "warm-up"):
        system.search(q.article, K)
        if answerer:
            answerer.answer(q.article)
    results = {s: {"ranks": [], "search_s": [], "stages": {}, "misses": []} for s in SETS}
    scored = [q for q in queries if q.set in SETS]
    for n, q in enumerate(scored, 1):
        r = results[q.set]
        t = time.perf_counter()
        ids = system.search(q.article, K)
        r["search_s"].append(time.perf_counter() - t)
        rank = next((k for k, i in enumerate(ids[:K], 1) if i in q.accept), 0)
        r["ranks"].append(rank)
        for stage, seconds in getattr(system, "stages", {}).items():
            r["stages"].setdefault(stage, []).append(seconds)
        named: dict[str, str | None] = {}  # what unspin named, in the list of misses
        right = True
        if answerer:
            t = time.perf_counter()
            answer = answerer.answer(q.article)
            r.setdefault("answer_s", []).append(time.perf_counter() - t)
            outcome = _outcome(answer.named, q)
            r.setdefault("named", []).append(outcome)
            r.setdefault("scores", []).append(_scores(answer, q))
            named = {"named": answer.named}
            right = outcome == "none" if q.true_id is None else outcome in ("true", "version")
        if not right or (q.true_id is not None and rank != 1):
            # Kept in --json to look at: a miss may be a near-copy of the source in the corpus.
            r["misses"].append(
                {"true": q.true_id, "title": q.article.title, "top 3": ids[:3]} | named
            )
        if n % 100 == 0:
            say(f"[{name} @ {size:,}] {n}/{len(scored)} queries")
    return {
        "stories": size,
        "synthetic": max(0, size - len(stories.offsets)),
        "build_s": build_s,
        "disk_mb": sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20,
        "peak_rss_mb": peak_rss_mb(),
        "rss_mb": psutil.Process().memory_info().rss / 2**20,
        "info": getattr(system, "info", {}),
        "sets": {s: summarize(r) for s, r in results.items() if r["search_s"]},
    }


def _outcome(named: str | None, q: Query) -> str:
    """What an answer named: "true" (the true source), "version" (of it), "other" or "none"."""
    if named is None:
        return "none"
    return "true" if named == q.true_id else "version" if named in q.accept else "other"


def _scores(answer: Answer, q: Query) -> dict:
    """The calibration table's scores of one query (print_calibration)."""
    first_id, best = answer.weighed[0] if answer.weighed else ("", 0.0)
    return {
        "best": best,
        "source": max((score for i, score in answer.weighed if i in q.accept), default=0.0),
        "first_is_source": first_id in q.accept,
    }


def peak_rss_mb() -> float:
    """VmHWM: unlike getrusage's ru_maxrss, which Linux carries over exec from the parent."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


def summarize(r: dict) -> dict:
    ranks = np.asarray(r["ranks"])
    out = {
        "queries": len(ranks),
        "recall@1": float(np.mean(ranks == 1)),
        "recall@5": float(np.mean((ranks >= 1) & (ranks <= 5))),
        "mrr": float(np.mean(np.where(ranks > 0, 1 / np.maximum(ranks, 1), 0))),
        **_latency("search", r["search_s"]),
        "misses": r["misses"],
    }
    for stage, seconds in r["stages"].items():
        out.update(_latency(stage, seconds))
    if "named" in r:
        out.update(_latency("answer", r["answer_s"]))
        out.update({f"named_{k}": r["named"].count(k) / len(r["named"]) for k in OUTCOMES})
        out["scores"] = r["scores"]
    return out


def _latency(what: str, seconds: list[float]) -> dict:
    return {
        f"{what}_p50_ms": float(np.percentile(seconds, 50) * 1e3),
        f"{what}_p95_ms": float(np.percentile(seconds, 95) * 1e3),
    }


def run_child(name: str, size: int, workdir: Path, seed: int) -> dict:
    args = ["--_child", name, str(size), "--workdir", str(workdir), "--seed", str(seed)]
    done = subprocess.run([sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True)
    if done.returncode != 0:
        return {"error": f"exit status {done.returncode} (traceback above)"}
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- the tables ----------------------------------------------------------------------------------


def table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])


def print_data(data: dict) -> None:
    pairs = data["write_through_pairs"]
    versions = "; ".join(
        f"{size:,} stories: {n['spun']} spun, {n['update']} update"
        for size, n in data["sources_with_versions"].items()
    )
    print(
        f"Write-through pairs: {pairs['new rule']:,} (old rule {pairs['old rule']:,}). Negatives"
        f" dropped (a version of their story may be indexed): {data['negatives_dropped']}."
        f" Queries per set: {', '.join(f'{s} {n}' for s, n in data['queries_per_set'].items())}."
        f" Sources with another version in the index: {versions}."
    )


def print_size(size: int, results: dict[str, dict], skipped: list[str]) -> None:
    print(f"\n## {size:,} stories\n")
    if skipped:
        print(f"Skipped above --peers-max-size: {', '.join(skipped)}.\n")
    ok = {name: r for name, r in results.items() if "error" not in r}
    for name, r in results.items():
        if "error" in r:
            print(f"{name}: failed, {r['error']}\n")
    if not ok:
        return
    rows = []
    for name, r in ok.items():
        synthetic = f" ({r['synthetic']:,} synthetic)" if r["synthetic"] else ""
        info = ", ".join(f"{k} {v}" for k, v in r["info"].items())
        rows.append(
            [
                name,
                f"{r['stories']:,}{synthetic}",
                f"{r['build_s']:.1f}",
                f"{r['stories'] / r['build_s']:,.0f}",
                f"{r['disk_mb']:.1f}",
                f"{r['peak_rss_mb']:,.0f}",
                f"{r['rss_mb']:,.0f}",
                info,
            ]
        )
    print("Build:\n")
    headers = ["system", "stories", "build s", "stories/s", "disk MB", "peak RSS MB"]
    print(table([*headers, "RSS after queries MB", "notes"], rows))
    print("\nQueries (negatives have no source to rank: latency only):\n")
    rows = []
    for name, r in ok.items():
        for s, m in r["sets"].items():
            positive = s != "negative"
            scores = [
                f"{m[key]:.3f}" if positive else "n/a" for key in ("recall@1", "recall@5", "mrr")
            ]
            rows.append(
                [name, s, *scores, f"{m['search_p50_ms']:.1f}", f"{m['search_p95_ms']:.1f}"]
            )
            for stage in (k[: -len("_p50_ms")] for k in m if k.endswith("_p50_ms")):
                if stage not in ("search", "answer"):
                    p50, p95 = m[f"{stage}_p50_ms"], m[f"{stage}_p95_ms"]
                    rows.append([f"{name}: {stage}", s, "", "", "", f"{p50:.1f}", f"{p95:.1f}"])
    print(table(["system", "query set", "recall@1", "recall@5", "MRR", "p50 ms", "p95 ms"], rows))
    if "unspin" in ok:
        print_answers(ok["unspin"])
        print_calibration(ok["unspin"])
        print_ratios(ok)


def print_answers(r: dict) -> None:
    print("\nunspin's answer (check): share of queries\n")
    rows = []
    for s, m in r["sets"].items():
        named = [
            "n/a" if s == "negative" and k in ("true", "version") else f"{m[f'named_{k}']:.3f}"
            for k in OUTCOMES
        ]
        rows.append([s, *named, f"{m['answer_p50_ms']:.1f}", f"{m['answer_p95_ms']:.1f}"])
    headers = ["query set", "names the source", "names a version of it", "names another"]
    print(table([*headers, "no source", "p50 ms", "p95 ms"], rows))
    positives = [m for s, m in r["sets"].items() if s != "negative"]
    missed = sum(m["named_none"] * m["queries"] for m in positives) / sum(
        m["queries"] for m in positives
    )
    negative = r["sets"].get("negative")
    false_source = f"{1 - negative['named_none']:.3f}" if negative else "n/a"
    print(f"\nfalse source rate (negatives): {false_source}; missed (all positives): {missed:.3f}")


def print_calibration(r: dict) -> None:
    """The "no source" threshold's trade-off, from the scores of the candidates check weighed
    (module docstring): a row per threshold t, then quantiles of the scores."""
    sets = r["sets"]
    negatives = _column(sets.get("negative"), "best")
    positives = [m["scores"] for s, m in sets.items() if s != "negative"]
    source = np.asarray([q["source"] for qs in positives for q in qs])
    best = np.asarray([q["best"] for qs in positives for q in qs])
    first_is_source = np.asarray([q["first_is_source"] for qs in positives for q in qs])
    rows = []
    for t in THRESHOLDS:
        false_source = f"{np.mean(negatives >= t):.3f}" if negatives.size else "n/a"
        missed = np.mean((source < t) | (~first_is_source & (best >= t)))
        mark = " (SOURCE_THRESHOLD)" if abs(t - SOURCE_THRESHOLD) < 1e-9 else ""
        rows.append([f"{t:.2f}{mark}", false_source, f"{missed:.3f}"])
    print("\nunspin's threshold: false source rate (negatives) and missed (all positives)\n")
    print(table(["threshold", "false source rate", "missed"], rows))
    rows = [
        [s, "the source's", _quantiles(_column(sets.get(s), "source"), (0, 1, 5, 50))]
        for s in ("heavy", "update")
    ]
    rows.append(["negative", "the best", _quantiles(negatives, (50, 95, 99, 100))])
    print("\nunspin's scores (share of the copy a candidate explains), quantiles:\n")
    print(table(["query set", "score", "quantiles"], rows))


def _column(m: dict | None, key: str) -> np.ndarray:
    return np.asarray([q[key] for q in m["scores"]] if m else [])


def _quantiles(x: np.ndarray, percents: tuple[int, ...]) -> str:
    if not x.size:
        return "n/a"
    names = {0: "min", 100: "max"}
    values = np.percentile(x, percents)
    return ", ".join(
        f"{names.get(p, f'{p}%')} {v:.3f}" for p, v in zip(percents, values, strict=True)
    )


def print_ratios(ok: dict[str, dict]) -> None:
    ours = ok["unspin"]
    peers = [name for name in ok if name != "unspin"]
    if not peers:
        return
    print("\nunspin vs each peer (p50 ratio: unspin / peer; differences: unspin - peer):\n")
    rows = []
    for peer in peers:
        theirs = ok[peer]
        build = (ours["stories"] / ours["build_s"]) / (theirs["stories"] / theirs["build_s"])
        rows.append([peer, "build", f"{build:.2f}x stories/s", "", ""])
        for s, m in ours["sets"].items():
            t = theirs["sets"][s]
            ratio = f"{m['search_p50_ms'] / t['search_p50_ms']:.2f}x"
            if s == "negative":
                rows.append([peer, s, ratio, "n/a", "n/a"])
            else:
                r1, mrr = m["recall@1"] - t["recall@1"], m["mrr"] - t["mrr"]
                rows.append([peer, s, ratio, f"{r1:+.3f}", f"{mrr:+.3f}"])
    print(table(["peer", "query set", "p50 latency ratio", "recall@1 diff", "MRR diff"], rows))


# --- driver --------------------------------------------------------------------------------------


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="10000,100000", help="comma list of index sizes")
    p.add_argument("--queries", type=int, default=200, help="queries per query set")
    p.add_argument("--seed", type=int, default=2014)
    p.add_argument(
        "--systems", default=",".join(SYSTEMS), help="comma list of " + ", ".join(SYSTEMS)
    )
    p.add_argument("--peers-max-size", type=int, default=100_000, help="skip peers above this size")
    p.add_argument("--workdir", type=Path, help="default: a new temporary folder under /tmp")
    p.add_argument("--keep", action="store_true", help="keep the work directory")
    p.add_argument("--json", type=Path, help="also write every number here")
    p.add_argument("--_child", nargs=2, metavar=("SYSTEM", "SIZE"), help=argparse.SUPPRESS)
    a = p.parse_args()
    if a._child:
        print(json.dumps(run_system(a._child[0], int(a._child[1]), a.workdir, a.seed)))
        return
    if a.queries < FILLER_PER_COPY:
        p.error(f"--queries must be at least {FILLER_PER_COPY}")
    sizes = sorted(int(s) for s in a.sizes.split(","))
    systems = a.systems.split(",")
    if unknown := set(systems) - set(SYSTEMS):
        p.error(f"unknown systems: {', '.join(sorted(unknown))}")
    created = a.workdir is None or not a.workdir.exists()
    workdir = a.workdir or Path(tempfile.mkdtemp(prefix="unspin_retrieval_", dir="/tmp"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        report = {"args": {k: str(v) for k, v in vars(a).items() if k != "_child"}}
        report["data"] = prepare(workdir, a.queries, a.seed, sizes)
        say(f"prepared in {workdir}: {report['data']}")
        print_data(report["data"])
        report["sizes"] = {}
        for size in sizes:
            run = [s for s in systems if s == "unspin" or size <= a.peers_max_size]
            results = {name: run_child(name, size, workdir, a.seed) for name in run}
            skipped = [s for s in systems if s not in run]
            report["sizes"][str(size)] = {"skipped": skipped, "systems": results}
            print_size(size, results, skipped)
            sys.stdout.flush()
            if a.json:  # after each size, so a long run that fails later keeps what it measured
                a.json.parent.mkdir(parents=True, exist_ok=True)
                a.json.write_text(json.dumps(report, indent=2))
            if not a.keep:
                shutil.rmtree(workdir / str(size), ignore_errors=True)
    finally:
        if created and not a.keep:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
