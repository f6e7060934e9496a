"""The quality table in the README: build every labelled set from ../shared/data and score it.

    HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/quality.py [--n 100] [--json out.json]

Sets (generated at run time, never committed: the Reuters 2006-2013 text may not ship):
- spun Reuters 2006-2013 stories at light / medium / heavy intensity (labelled distortions),
- faithful heavy paraphrases of other stories (no distortion: every finding is false),
- Clough-Stevenson short answers (which of 5 sources; reuse level cut / light / heavy / non),
- SummEdits news (is the summary still consistent with its document; recall per edit type).
Prints markdown tables and the worst cases, so the README's "Quality" section can be pasted.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from unspin import default_encoders
from unspin.evaluate import Evaluation, evaluate
from unspin.testing.datasets import (
    clough_stevenson_cases,
    spun_reuters_cases,
    summedits_cases,
)

TARGETS = {
    "alignment_f1": 0.95,
    "precision": 0.90,
    "recall": 0.80,
    "false_per_1000": 2.0,
    "summedits": 0.80,
    "attribution": 1.0,
    "reuse_level": 0.85,
}


def _run(name: str, cases, encoders) -> tuple[str, Evaluation, float]:
    start = time.perf_counter()
    result = evaluate(cases, encoders[0], second_opinion=encoders[1])
    seconds = time.perf_counter() - start
    print(f"{name}: {result.cases} cases in {seconds:.0f} s", file=sys.stderr)
    return name, result, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100, help="spun stories per intensity")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", help="also write every score to this file")
    args = parser.parse_args()
    encoder = default_encoders()
    runs = [
        _run(f"spun {level}", spun_reuters_cases(args.n, level, args.seed), encoder)
        for level in ("light", "medium", "heavy")
    ]
    runs.append(
        _run(
            "faithful heavy",
            spun_reuters_cases(args.n, "heavy", args.seed + 1000, distortions=0),
            encoder,
        )
    )
    runs.append(_run("clough-stevenson", clough_stevenson_cases(), encoder))
    runs.append(_run("summedits", summedits_cases(), encoder))
    results = {name: result for name, result, _ in runs}

    # Every synthetic page rewords its source (the spinner swaps words at every intensity), so
    # its page kind should be "spun copy": never a verbatim copy (benchmarks/real_pages.py
    # measures kinds on real pages).
    print("\n| set | cases | alignment P / R / F1 | page kind spun copy | kinds found |")
    print("|---|---|---|---|---|")
    for name in ("spun light", "spun medium", "spun heavy", "faithful heavy"):
        r = results[name]
        a, found = r.alignment, ", ".join(f"{k} {v}" for k, v in r.kinds.most_common())
        print(
            f"| {name} | {r.cases} | {a.precision:.3f} / {a.recall:.3f} / {a.f1:.3f} "
            f"| {r.kinds['spun copy'] / max(r.cases, 1):.2f} | {found} |"
        )

    heavy = results["spun heavy"]
    print("\n| finding type (spun heavy) | precision | recall | tp | fp | fn |")
    print("|---|---|---|---|---|---|")
    for name, t in sorted(heavy.findings.items()):
        flag = "" if t.precision >= TARGETS["precision"] and t.recall >= TARGETS["recall"] else " ✗"
        print(f"| {name}{flag} | {t.precision:.2f} | {t.recall:.2f} | {t.tp} | {t.fp} | {t.fn} |")

    faithful = results["faithful heavy"]
    kinds = ", ".join(f"{k} {v}" for k, v in faithful.faithful_false.most_common()) or "none"
    cs, se = results["clough-stevenson"], results["summedits"]
    print("\n| measure | value | target |")
    print("|---|---|---|")
    print(f"| alignment F1, spun heavy | {heavy.alignment.f1:.3f} | >= {TARGETS['alignment_f1']} |")
    print(
        f"| false findings per 1,000 sentences, faithful heavy paraphrase | "
        f"{faithful.false_per_1000:.1f} ({kinds}) | <= {TARGETS['false_per_1000']} |"
    )
    print(
        f"| SummEdits news balanced accuracy | {se.balanced_accuracy():.3f} "
        f"| >= {TARGETS['summedits']} |"
    )
    recall = ", ".join(f"{k} {v:.2f}" for k, v in se.edit_recall().items())
    print(f"| SummEdits recall per edit type | {recall} | |")
    print(
        f"| Clough-Stevenson source attribution (reused answers) | "
        f"{cs.attribution_accuracy():.3f} | {TARGETS['attribution']:.0%} |"
    )
    print(
        f"| Clough-Stevenson source attribution (all answers) | "
        f"{cs.attribution_accuracy(reused_only=False):.3f} | |"
    )
    print(
        f"| Clough-Stevenson reuse level accuracy | {cs.reuse_accuracy():.3f} "
        f"| >= {TARGETS['reuse_level']} |"
    )

    print("\nClough-Stevenson reuse level, gold (rows) vs found (columns), and the copied share:")
    levels = ("cut", "light", "heavy", "non")
    print("| gold \\ found | " + " | ".join(levels) + " | copied share, mean (min-max) |")
    print("|---" * (len(levels) + 2) + "|")
    for g in levels:
        row = [sum(1 for gg, f, _ in cs.reuse if gg == g and f == found) for found in levels]
        shares = [c for gg, _, c in cs.reuse if gg == g]
        spread = f"{sum(shares) / len(shares):.2f} ({min(shares):.2f}-{max(shares):.2f})"
        print(f"| {g} | " + " | ".join(map(str, row)) + f" | {spread} |")

    print("\nWorst cases (spun heavy, then faithful):")
    for result in (heavy, faithful):
        for c in result.worst(5):
            false = ", ".join(f.type for f in c.false_findings) or "-"
            missed = ", ".join(m["type"] for m in c.missed) or "-"
            print(
                f"- {c.id}: false {false}; missed {missed}; alignment errors {c.alignment_errors}"
            )

    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({name: r.to_dict() for name, r in results.items()}, f, indent=2)


if __name__ == "__main__":
    main()
