"""How unspin reads the wire's own rewrites: Reuters 2006-2013 stories issued again later under the
same title ("UPDATE 2-...", or re-issued), compared with their first version.

    HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/write_throughs.py [--pairs 300]

There is no gold here: a write-through legitimately adds facts (unsourced sentences), drops
paragraphs and updates figures. The table shows what unspin reports on real rewrites by a
newsroom, per reuse level: how many pairs, mean shares, and findings per 1,000 copy sentences
by type. Pairs come from ../shared/data/reuters_ding2014 (benchmarks only; never copied).
"""

from __future__ import annotations

import argparse
import json
import lzma
import os
import re
import statistics
import time
from collections import Counter, defaultdict

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from unspin import compare_docs, default_encoders
from unspin.model import Article
from unspin.segmentation import segment
from unspin.summary import reuse_level
from unspin.testing.datasets import _DATELINE, _DING_BREAKS, _DING_FILE, data_dir, reflow

_UPDATE = re.compile(r"^(?:UPDATE|CORRECTED|REFILE)\s*\d*\s*-\s*", re.IGNORECASE)


def _article(record: dict) -> Article:
    text = reflow(_DATELINE.sub("", record["body"].strip(), count=1), _DING_BREAKS)
    return Article(text=text, title=record["title"], id=record["id"])


def write_through_pairs(limit: int) -> list[tuple[Article, Article, bool]]:
    """(later version, first version, is an "UPDATE n-") for titles issued more than once."""
    by_title: dict[str, list[dict]] = defaultdict(list)
    with lzma.open(data_dir() / _DING_FILE, "rt", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if len(record["body"].split()) >= 120:
                by_title[_UPDATE.sub("", record["title"]).strip().lower()].append(record)
    pairs = []
    for versions in by_title.values():
        first, last = versions[0], versions[-1]  # the file is in date order
        if len(versions) > 1 and first["body"] != last["body"]:
            is_update = bool(_UPDATE.match(last["title"]) or _UPDATE.match(first["title"]))
            pairs.append((_article(last), _article(first), is_update))
    # Spread the sample over the whole period rather than taking the first stories.
    step = max(1, len(pairs) // limit)
    return pairs[::step][:limit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=int, default=300)
    args = parser.parse_args()
    pairs = write_through_pairs(args.pairs)
    fast, accurate = default_encoders()
    rows: dict[str, list] = defaultdict(list)
    findings: dict[str, Counter] = defaultdict(Counter)
    sentences: Counter = Counter()
    seconds = []
    for later, first, _ in pairs:
        start = time.perf_counter()
        copy, source = segment(later), segment(first)
        report = compare_docs(copy, [source], encoder=fast, second_opinion=accurate)
        seconds.append(time.perf_counter() - start)
        level = reuse_level(report.summary)
        rows[level].append(report.summary)
        sentences[level] += len(copy.sentences)
        findings[level].update(f.type for f in report.findings)
    updates = sum(1 for *_, is_update in pairs if is_update)
    print(
        f"{len(pairs)} pairs ({updates} marked UPDATE/CORRECTED/REFILE), "
        f"compare p50 {statistics.median(seconds) * 1000:.0f} ms\n"
    )
    print(
        "| reuse level | pairs | copied | verbatim | paraphrase | unsourced | coverage | fidelity |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for level in ("cut", "light", "heavy", "non"):
        s = rows.get(level, [])
        if not s:
            continue

        def mean(name: str, s: list = s) -> str:
            return f"{statistics.mean(getattr(x, name) for x in s):.2f}"

        print(
            f"| {level} | {len(s)} | {mean('copied_share')} | {mean('verbatim_share')} | "
            f"{mean('paraphrase_share')} | {mean('unsourced_share')} | "
            f"{mean('source_coverage')} | {mean('fidelity')} |"
        )
    print("\nFindings per 1,000 copy sentences, by reuse level:\n")
    types = sorted({t for c in findings.values() for t in c})
    levels = [lv for lv in ("cut", "light", "heavy", "non") if rows.get(lv)]
    print("| finding type | " + " | ".join(levels) + " |")
    print("|---" * (len(levels) + 1) + "|")
    for t in types:
        cells = [f"{1000 * findings[lv][t] / max(sentences[lv], 1):.1f}" for lv in levels]
        print(f"| {t} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
