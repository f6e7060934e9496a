"""How the cost of one comparison grows with the length of the texts: time and peak memory of
`compare_docs` on pairs from 10 kB to 1 MB of text, each pair in a fresh process (so peak
memory is that pair's own). Run by hand (needs ../shared/data for the Reuters stories):

    HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/limits.py [--sizes 10000,100000,1000000]

The copy is the source with its paragraphs in another order and every fifth one dropped: a
real copy's kind of work (reordering, omissions), at any length. Pairs above
unspin.limits.MAX_ARTICLE_CHARS are refused by `read_article`; they are compared here through
the library below that check, to show the cost is bounded well past the limit. Prints a table:
characters, sentences, segment and compare seconds, peak resident memory, and the ratio of
time to the smallest pair's per character (1.0 everywhere means linear).
"""

from __future__ import annotations

import argparse
import json
import lzma
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
STORIES = (
    Path(__file__).resolve().parents[2] / "shared/data/reuters_ding2014/reuters_ding2014.jsonl.xz"
)


def texts(n_chars: int) -> tuple[str, str]:
    """A source of n_chars characters of whole Reuters stories, and its copy."""
    paragraphs: list[str] = []
    total = 0
    with lzma.open(STORIES, "rt", encoding="utf-8") as lines:
        for line in lines:
            for p in json.loads(line)["body"].split("\n\n"):
                if p.strip():
                    paragraphs.append(p.strip())
                    total += len(p) + 2
            if total >= n_chars:
                break
    source = "\n\n".join(paragraphs)[:n_chars]
    kept = [p for k, p in enumerate(paragraphs) if k % 5 != 4]
    copy = "\n\n".join(kept[1::2] + kept[::2])[:n_chars]
    return copy, source


def one(n_chars: int) -> dict:
    from unspin.compare import compare_docs, default_encoders
    from unspin.model import Article
    from unspin.segment import segment

    encoder, second = default_encoders()
    copy_text, source_text = texts(n_chars)
    started = time.perf_counter()
    copy, source = segment(Article(text=copy_text)), segment(Article(text=source_text))
    segmented = time.perf_counter()
    compare_docs(copy, [source], encoder=encoder, second_opinion=second)
    done = time.perf_counter()
    return {
        "chars": len(source_text),
        "sentences": len(source.sentences),
        "segment_s": segmented - started,
        "compare_s": done - segmented,
        "peak_gb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,30000,100000,300000,1000000")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child's single pair
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one)))
        return
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True
        )
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    base = (rows[0]["segment_s"] + rows[0]["compare_s"]) / rows[0]["chars"]
    print(
        "| characters | sentences | segment (s) | compare (s) | peak memory (GB) "
        "| time per char vs smallest |"
    )
    print("|---|---|---|---|---|---|")
    for r in rows:
        per = (r["segment_s"] + r["compare_s"]) / r["chars"] / base
        print(
            f"| {r['chars']:,} | {r['sentences']:,} | {r['segment_s']:.2f} | {r['compare_s']:.2f} "
            f"| {r['peak_gb']:.2f} | {per:.2f} |"
        )


if __name__ == "__main__":
    main()
