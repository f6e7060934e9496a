"""unspin on real rewritten pages: findings against hand labels, copy vs same-event reports, and
finding the source in a corpus. Run by hand (needs the page texts in the cache, see
benchmarks/real/README.md, and ../shared/data for the Reuters stories):

    HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/real_pages.py [--reuters 20000] [--json out.json]
    ... --skip-check                # findings and reuse AUC only (no corpus: about a minute)
    ... --show fp                   # every false finding, to read (also: fn, all)
    ... --skip-check --pairs benchmarks/real/blind-2026-12-05-1.txt   # one batch of pairs
    ... --skip-check --available    # only the pairs whose texts are in the cache (restored in part)

Prints, in one run:
1. findings against the labels of benchmarks/real/labels/: precision and recall per finding
   type; over high and medium findings, precision (strict: the labelled type at the labelled
   words; loose: any labelled distortion of that sentence) and recall; false high/medium
   findings per 100 clean sentences; the share of verbatim reprints with no high or medium
   finding. A finding is judged by the copy sentence it points into: on a sentence labelled
   beyond (from the source past its excerpt), update (the wire's own later version) or
   boilerplate it is neither right nor wrong, and left out.
2. reuse_share separating each copy's true source from its same-event distractors (other
   outlets' own reports): ROC AUC over all (source, distractor) pairs of scores, and the share of
   copies whose source beats every distractor; the share of the copy's word trigrams in the
   story (copied_share, "counting shared words") is given beside it. Then the page kinds
   (summary.kind, summary.credited) against the labelled kinds.
3. `check` in a corpus of every source and distractor plus --reuters Reuters 2006-2013 stories:
   how often it names the true source first, how often the true source is its best candidate,
   and bm25s's top hit on the same corpus for comparison. A story near-identical to the true
   source (unspin.find's 80% of word trigrams: another carrier of the same wire text) counts as
   the true source. Then `check` on hard negatives, where any source named is a false one
   (`_hard_negatives`: same-event reports, Clough-Stevenson "non" answers, same-day Reuters).
   Same-event reports that carry a source's own text (CARRIER) are left out, and listed.
The whole run takes about 10 minutes (on 358 pairs).
Pages are read as unspin reads text (`article_from_text`: a leading headline becomes the title);
labelled spans, made on the cached page texts, are found again in what was read.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent / "real"))

from collect import HERE, PAGES, PAIRS, read_jsonl, text_path
from labels import LABELS

import unspin
from unspin import default_encoders
from unspin.find import _near_identical
from unspin.model import Article, Report
from unspin.read import article_from_text, iso_date
from unspin.segmentation import segment
from unspin.segmentation.sentences import paragraphs, sentences
from unspin.summary import PARTIAL
from unspin.text import word_trigrams

UNCERTAIN = ("beyond", "update", "boilerplate")
SERIOUS = ("high", "medium")
Span = tuple[int, int]


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# --- reading pages and labels ---------------------------------------------------------------


def read_page(page: dict) -> tuple[str, Article]:
    raw = text_path(page["id"]).read_text(encoding="utf-8")
    date = iso_date(page["date"]) if len(page.get("date", "")) >= 10 else ""
    article = article_from_text(raw, url=page["url"], site=page["site"], date=date, id=page["id"])
    return raw, article


def locate(raw: str, text: str, span: Span) -> Span | None:
    """Where the raw text's span stands in the text unspin read (nearest occurrence)."""
    words = raw[span[0] : span[1]].strip()
    if not words:
        return None
    expected = span[0] * len(text) / max(len(raw), 1)
    found, at = [], text.find(words)
    while at >= 0:
        found.append(at)
        at = text.find(words, at + 1)
    if not found:
        return None
    start = min(found, key=lambda p: abs(p - expected))
    return start, start + len(words)


def shift(inner: Span, outer_raw: Span, outer_read: Span) -> Span:
    """A span inside a labelled sentence, moved with the sentence into the read text."""
    delta = outer_read[0] - outer_raw[0]
    return inner[0] + delta, inner[1] + delta


@dataclass
class Labelled:
    """One labelled pair, its spans moved into the texts unspin read."""

    pair: dict
    sentences: list[tuple[Span, str]] = field(default_factory=list)  # (span, status)
    distortions: list[tuple[str, Span, int | None, Span | None]] = field(default_factory=list)
    omitted: list[tuple[int, Span]] = field(default_factory=list)
    last_used: dict[int, int] = field(default_factory=dict)  # source -> end of last sentence used
    lost: int = 0  # labelled sentences not in the read text (taken as the title, or dropped)


def move_labels(
    label: dict, copy: tuple[str, Article], sources: list[tuple[str, Article]]
) -> Labelled:
    out = Labelled(pair={})
    raw, article = copy
    placed: list[tuple[Span, Span | None]] = []
    for s in label["sentences"]:
        span = tuple(s["span"])
        read = locate(raw, article.text, span)
        placed.append((span, read))
        if read is None:
            out.lost += 1
            continue
        out.sentences.append((read, s["status"]))
        for ref in s["from"]:
            k = ref["source"]
            src = locate(sources[k][0], sources[k][1].text, tuple(ref["span"]))
            if src is not None:
                out.last_used[k] = max(out.last_used.get(k, 0), src[1])
    for d in label["distortions"]:
        copy_span = tuple(d["copy_span"])
        sentence = next((p for p in placed if p[0][0] <= copy_span[0] < p[0][1]), None)
        if sentence is None or sentence[1] is None:
            continue
        moved = shift(copy_span, sentence[0], sentence[1])
        source_span = None
        if "source" in d:
            raw_s, art_s = sources[d["source"]]
            source_span = locate(raw_s, art_s.text, tuple(d["source_span"]))
        out.distortions.append((d["type"], moved, d.get("source"), source_span))
    for o in label["omitted"]:
        raw_s, art_s = sources[o["source"]]
        span = locate(raw_s, art_s.text, tuple(o["span"]))
        if span is not None:
            out.omitted.append((o["source"], span))
    return out


# --- judging findings -----------------------------------------------------------------------


@dataclass
class Tally:
    findings: Counter = field(default_factory=Counter)  # (type, serious) -> n judged
    right: Counter = field(default_factory=Counter)  # (type, serious) -> n right (strict)
    placed: Counter = field(default_factory=Counter)  # serious findings on a labelled distortion
    labels: Counter = field(default_factory=Counter)  # type -> n labelled
    found: Counter = field(default_factory=Counter)  # type -> n labelled and found (any severity)
    found_serious: Counter = field(default_factory=Counter)  # ... by a high or medium finding
    clean_sentences: int = 0
    false_on_clean: int = 0  # high/medium findings pointing into clean sentences
    ignored: int = 0
    lost_sentences: int = 0
    verbatim: list[bool] = field(default_factory=list)  # verbatim reprint without h/m finding
    cases: list[dict] = field(default_factory=list)


def _missed(lab: Labelled, finding_type: str, text: str, span: Span) -> dict:
    """A labelled distortion (or added sentence) that no finding hit."""
    copy = text[span[0] : span[1]]
    return {"pair": lab.pair["pair"], "type": finding_type, "verdict": "missed", "copy": copy}


def judge(report: Report, lab: Labelled, tally: Tally, kind: str) -> None:
    text = report.copy.text
    tally.clean_sentences += sum(1 for _, status in lab.sentences if status == "clean")
    tally.lost_sentences += lab.lost
    serious_judged = 0  # high/medium findings judged (for verbatim reprints: must be none)
    hits: set[int] = set()
    serious_hits: set[int] = set()
    added_hits: set[Span] = set()
    serious_added_hits: set[Span] = set()
    omitted_hits: set[int] = set()
    for f in report.findings:
        serious = f.severity in SERIOUS
        verdict, why = _verdict(
            f,
            lab,
            hits,
            serious_hits if serious else set(),
            added_hits,
            serious_added_hits if serious else set(),
            omitted_hits,
        )
        case = {
            "pair": lab.pair["pair"],
            "type": f.type,
            "severity": f.severity,
            "verdict": verdict,
            "why": why,
            "copy": text[f.copy_span[0] : f.copy_span[1]] if f.copy_span else "",
            "reason": f.reason,
        }
        tally.cases.append(case)
        if verdict == "ignored":
            tally.ignored += 1
            continue
        tally.findings[f.type, serious] += 1
        serious_judged += serious
        if verdict == "right":
            tally.right[f.type, serious] += 1
        if serious and verdict in ("right", "other type"):
            tally.placed[f.type] += 1
        if serious and verdict != "right" and why == "clean":
            tally.false_on_clean += 1
    for k, (t, span, _, _) in enumerate(lab.distortions):
        tally.labels[t] += 1
        tally.found[t] += k in hits
        tally.found_serious[t] += k in serious_hits
        if k not in hits:
            tally.cases.append(_missed(lab, t, text, span))
    for span, status in lab.sentences:
        if status == "added":
            tally.labels["unsourced_sentence"] += 1
            tally.found["unsourced_sentence"] += span in added_hits
            tally.found_serious["unsourced_sentence"] += span in serious_added_hits
            if span not in added_hits:
                tally.cases.append(_missed(lab, "unsourced_sentence", text, span))
    for k in range(len(lab.omitted)):
        tally.labels["omitted_sentence"] += 1
        tally.found["omitted_sentence"] += k in omitted_hits
    if kind == "verbatim":
        tally.verbatim.append(serious_judged == 0)


def _verdict(
    f,
    lab: Labelled,
    hits: set[int],
    serious_hits: set[int],
    added_hits: set,
    serious_added_hits: set,
    omitted_hits: set,
) -> tuple[str, str]:
    """right / wrong / other type (wrong type at a labelled distortion) / ignored, and the
    status of the sentence it points into."""
    if f.copy_span is None:  # omitted_sentence
        for k, (source, span) in enumerate(lab.omitted):
            if source == f.source and overlaps(span, f.source_span):
                omitted_hits.add(k)
                return "right", "omitted"
        if f.source_span[0] >= lab.last_used.get(f.source, 0):
            return "ignored", "past the copy"
        return "wrong", "not labelled omitted"
    sentence = next(((s, st) for s, st in lab.sentences if s[0] <= f.copy_span[0] < s[1]), None)
    if sentence is None:
        sentence = next(((s, st) for s, st in lab.sentences if overlaps(s, f.copy_span)), None)
    if sentence is None:
        return "ignored", "unlabelled text"
    span, status = sentence
    if status in UNCERTAIN:
        return "ignored", status
    if f.type == "unsourced_sentence" and status == "added":
        added_hits.add(span)
        serious_added_hits.add(span)
        return "right", status
    # Other types, and an unsourced finding at a clause the labeller marked added inside a
    # sentence otherwise made from the source (a distortion of type unsourced_sentence):
    same = [
        k
        for k, (t, s, _, _) in enumerate(lab.distortions)
        if t == f.type and overlaps(s, f.copy_span)
    ]
    if same:
        hits.update(same)
        serious_hits.update(same)
        return "right", status
    if f.type == "unsourced_sentence":
        return "wrong", status  # the sentence is made from the source: no mistyped pointer
    if any(overlaps(s, f.copy_span) for _, s, _, _ in lab.distortions):
        return "other type", status
    return "wrong", status


# --- metrics --------------------------------------------------------------------------------


def auc(positives: list[float], negatives: list[float]) -> float:
    """ROC AUC (Mann-Whitney): the chance a positive outscores a negative, ties half."""
    if not positives or not negatives:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "–"


def table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    return "\n".join(lines + ["| " + " | ".join(map(str, r)) + " |" for r in rows])


# --- the run --------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reuters", type=int, default=20_000, help="Reuters stories in the corpus")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--skip-check", action="store_true", help="no corpus search")
    parser.add_argument("--show", choices=("fp", "fn", "all"), help="print judged findings")
    parser.add_argument("--json", help="write every figure and judged finding here")
    parser.add_argument(
        "--pairs",
        type=Path,
        help="score only the pairs named in this file, one a line (only their pages are read)",
    )
    parser.add_argument(
        "--available",
        action="store_true",
        help="score only the pairs whose copy and sources are in the cache, and only the "
        "distractors that are (a cache restored in part; the figures are of that subset)",
    )
    args = parser.parse_args()

    pages = {p["id"]: p for p in read_jsonl(PAGES)}
    pairs = read_jsonl(PAIRS)
    if args.available:
        pairs = [
            {**p, "distractors": [d for d in p["distractors"] if text_path(d).exists()]}
            for p in pairs
            if all(text_path(pid).exists() for pid in (p["copy"], *p["sources"]))
        ]
        print(f"--available: {len(pairs)} pairs have their copy and sources in the cache")
    if args.pairs:
        chosen = set(args.pairs.read_text(encoding="utf-8").split())
        pairs = [p for p in pairs if p["pair"] in chosen]
        if len(pairs) != len(chosen) and not args.available:
            sys.exit(f"{args.pairs}: {len(chosen) - len(pairs)} names are not pairs of the set")
    if args.pairs or args.available:
        # Only the chosen pairs' pages are read (and make check's corpus): a cache restored in
        # part can still score the pairs whose texts are back.
        used = {pid for p in pairs for pid in (p["copy"], *p["sources"], *p["distractors"])}
        pages = {pid: page for pid, page in pages.items() if pid in used}
    if not pairs:
        sys.exit(
            "no pair to score: none has its page texts in the cache (benchmarks/real/README.md"
            " says how to restore them: benchmarks/real/collect.py missing)"
        )
    missing = [pid for pid in pages if not text_path(pid).exists()]
    if missing:
        sys.exit(
            f"{len(missing)} page texts are not in the cache: benchmarks/real/collect.py missing"
        )
    read = {pid: read_page(p) for pid, p in pages.items()}
    encoder, second = default_encoders()

    def compare(copy: str, sources: list[str]) -> Report:
        return unspin.compare_docs(
            segment(read[copy][1]),
            [segment(read[s][1]) for s in sources],
            encoder=encoder,
            second_opinion=second,
            ids=sources,
        )

    started = time.perf_counter()
    tally = Tally()
    by_name = {p["pair"]: p for p in pairs}
    labelled = {
        p.stem: json.loads(p.read_text(encoding="utf-8"))
        for p in sorted(LABELS.glob("*.json"))
        if p.stem in by_name
    }
    for name, label in labelled.items():
        pair = by_name[name]
        report = compare(pair["copy"], pair["sources"])
        lab = move_labels(label, read[pair["copy"]], [read[s] for s in pair["sources"]])
        lab.pair = pair
        judge(report, lab, tally, pair["kind"])
    findings_seconds = time.perf_counter() - started

    # Reuse share: true source vs same-event distractors.
    started = time.perf_counter()
    true_reuse, false_reuse, true_copied, false_copied = [], [], [], []
    beats = []
    kinds: list[tuple[str, str, bool]] = []  # labelled kind, unspin's kind, credited
    tagged: list[tuple[str, str, bool]] = []  # the same with the collector's kind
    by_pair = []  # each pair's shares, to read which pairs hold the AUC down
    for pair in pairs:
        r = compare(pair["copy"], pair["sources"])
        kind = labelled_kind(pair["kind"], labelled.get(pair["pair"]))
        kinds.append((kind, r.summary.kind, r.summary.credited))
        tagged.append((pair["kind"], r.summary.kind, r.summary.credited))
        ds = [compare(pair["copy"], [d]) for d in pair["distractors"]]
        true_reuse.append(r.summary.reuse_share)
        true_copied.append(r.summary.copied_share)
        false_reuse += [d.summary.reuse_share for d in ds]
        false_copied += [d.summary.copied_share for d in ds]
        beats.append(all(r.summary.reuse_share > d.summary.reuse_share for d in ds))
        by_pair.append(
            {
                "pair": pair["pair"],
                "source": r.summary.reuse_share,
                "distractors": {
                    d: x.summary.reuse_share for d, x in zip(pair["distractors"], ds, strict=True)
                },
            }
        )
    reuse_seconds = time.perf_counter() - started

    results: dict = {
        "pairs": len(pairs),
        "labelled_pairs": len(labelled),
        "copy_sites": len({pages[p["copy"]]["site"] for p in pairs}),
        "labelled_copy_sites": len({pages[by_name[n]["copy"]]["site"] for n in labelled}),
        "kinds": Counter(p["kind"] for p in pairs),
    }
    print_findings(tally, results)
    results["reuse"] = {
        "auc_reuse_share": auc(true_reuse, false_reuse),
        "auc_copied_share": auc(true_copied, false_copied),
        "beats_all_distractors": sum(beats) / len(beats),
        "distractors": len(false_reuse),
        "median_true": sorted(true_reuse)[len(true_reuse) // 2],
        "median_distractor": sorted(false_reuse)[len(false_reuse) // 2],
        "by_pair": by_pair,
    }
    print_reuse(results["reuse"], len(pairs))
    results["kinds_found"] = kind_accuracy(kinds)
    results["kinds_found_as_tagged"] = kind_accuracy(tagged)
    print_kinds(results["kinds_found"], results["kinds_found_as_tagged"])
    if not args.skip_check:
        results["check"] = run_check(pairs, read, args.reuters, args.seed)
        print_check(results["check"])
    print(f"\n(findings: {findings_seconds:.0f} s; reuse: {reuse_seconds:.0f} s)")
    if args.show:
        wanted = {"fp": ("wrong", "other type"), "fn": ("missed",), "all": None}[args.show]
        for c in tally.cases:
            if wanted is None or c["verdict"] in wanted:
                print(
                    f"{c['verdict']:10} {c['type']:20} {c.get('severity', ''):6} "
                    f"{c['pair'][:40]:40} [{c.get('why', '')}] {c['copy'][:70]!r} "
                    f"| {c.get('reason', '')[:110]}"
                )
    if args.json:
        Path(args.json).write_text(
            json.dumps(results | {"cases": tally.cases}, indent=1, default=str)
        )


def print_findings(t: Tally, results: dict) -> None:
    types = sorted({k[0] for k in t.findings} | set(t.labels))
    rows = []
    per_type = {}
    for ty in types:
        n = t.findings[ty, True] + t.findings[ty, False]
        right = t.right[ty, True] + t.right[ty, False]
        serious = t.findings[ty, True]
        per_type[ty] = {
            "labels": t.labels[ty],
            "findings": n,
            "right": right,
            "precision": right / n if n else None,
            "recall": t.found[ty] / t.labels[ty] if t.labels[ty] else None,
            "serious_findings": serious,
            "serious_right": t.right[ty, True],
        }
        rows.append(
            [
                ty,
                t.labels[ty],
                n,
                ratio(right, n),
                ratio(t.found[ty], t.labels[ty]),
                serious,
                ratio(t.right[ty, True], serious),
            ]
        )
    serious_n = sum(v for (ty, s), v in t.findings.items() if s)
    serious_right = sum(v for (ty, s), v in t.right.items() if s)
    placed = sum(t.placed.values())
    labels_serious = sum(
        t.labels[ty] for ty in t.labels if ty not in ("omitted_sentence", "number_dropped")
    )
    found_serious = sum(
        t.found_serious[ty] for ty in t.labels if ty not in ("omitted_sentence", "number_dropped")
    )
    # Low findings are leads a report shows but does not accuse with: counted apart.
    found_any = sum(
        t.found[ty] for ty in t.labels if ty not in ("omitted_sentence", "number_dropped")
    )
    summary = {
        "precision_high_medium": serious_right / serious_n if serious_n else None,
        "precision_high_medium_loose": placed / serious_n if serious_n else None,
        "recall_high_medium": found_serious / labels_serious if labels_serious else None,
        "recall_any_severity": found_any / labels_serious if labels_serious else None,
        "high_medium_findings": serious_n,
        "false_per_100_clean": 100 * t.false_on_clean / max(t.clean_sentences, 1),
        "clean_sentences": t.clean_sentences,
        "verbatim_without_high_medium": sum(t.verbatim) / len(t.verbatim) if t.verbatim else None,
        "verbatim_pairs": len(t.verbatim),
        "ignored_findings": t.ignored,
        "labelled_sentences_not_read": t.lost_sentences,
    }
    results["findings"] = {"per_type": per_type, "summary": summary}
    print(
        f"Real pages: {results['pairs']} pairs ({dict(results['kinds'])}) from "
        f"{results['copy_sites']} copying sites; {results['labelled_pairs']} labelled "
        f"({results['labelled_copy_sites']} sites)\n"
    )
    print(
        table(
            [
                "finding type",
                "labelled",
                "findings",
                "precision",
                "recall",
                "high/medium",
                "precision h/m",
            ],
            rows,
        )
    )
    print()
    print(
        table(
            ["measure", "value"],
            [
                [
                    "precision, high and medium findings (strict: type and words)",
                    f"{summary['precision_high_medium']:.3f} ({serious_right}/{serious_n})"
                    if serious_n
                    else "–",
                ],
                [
                    "precision, high and medium (loose: at a labelled distortion)",
                    f"{summary['precision_high_medium_loose']:.3f}" if serious_n else "–",
                ],
                [
                    "recall of labelled distortions by high/medium findings",
                    f"{summary['recall_high_medium']:.3f} ({found_serious}/{labels_serious})"
                    if labels_serious
                    else "–",
                ],
                [
                    "recall by findings of any severity (low ones are leads, not accusations)",
                    f"{summary['recall_any_severity']:.3f} ({found_any}/{labels_serious})"
                    if labels_serious
                    else "–",
                ],
                [
                    "false high/medium findings per 100 clean sentences",
                    f"{summary['false_per_100_clean']:.2f} "
                    f"({t.false_on_clean} in {t.clean_sentences})",
                ],
                [
                    "verbatim reprints with no high/medium finding",
                    f"{summary['verbatim_without_high_medium']:.3f} (of {len(t.verbatim)})"
                    if t.verbatim
                    else "–",
                ],
                [
                    "findings on beyond / update / boilerplate sentences (not judged)",
                    str(t.ignored),
                ],
            ],
        )
    )


def print_reuse(r: dict, n: int) -> None:
    print(
        f"\nTrue source vs same-event distractors ({n} copies, "
        f"{r['distractors']} distractor comparisons):\n"
    )
    print(
        table(
            ["measure", "reuse_share", "copied_share (word trigrams)"],
            [
                ["ROC AUC", f"{r['auc_reuse_share']:.3f}", f"{r['auc_copied_share']:.3f}"],
                [
                    "median, true source / distractor",
                    f"{r['median_true']:.2f} / {r['median_distractor']:.2f}",
                    "",
                ],
                [
                    "copies whose source beats every distractor",
                    f"{r['beats_all_distractors']:.3f}",
                    "",
                ],
            ],
        )
    )


# The labellers' kinds as unspin names them; a "credited" page is judged on its credit alone
# (how it copied was not labelled apart).
_KIND_OF_LABEL = {
    "verbatim": "verbatim copy",
    "spun": "spun copy",
    "partial": "partial copy",
    "stitched": "stitched copy",
}
# A collector tagged "partial" a page that lifted part of a story (real/BRIEF.md: "partial
# copies that lift a few paragraphs"), most often with little of its own; unspin's "partial
# copy" is a page made mostly of its own text, less than summary.PARTIAL of it from its source
# (docs/report-schema.md). Which of the two a page is, its sentence labels say: its sentences
# made from the source (clean or distorted) against all but boilerplate (added ones, and those
# past the source's excerpt or from a later version of it, are not the given source's). One
# mostly the source's is a copy of part of the story: a spun or a verbatim copy in unspin's
# kinds, spun if a change of meaning that unspin's kinds count was labelled in it. Lenient: the
# labels do not say whether its clean sentences were reworded, so "verbatim copy" is not
# proved wrong for one with no such change.
PART_OF_STORY = "part of a story"
PART_OF_STORY_CHANGED = "part of a story, distorted"
# Labelled changes that make a page a spun copy (summary.page_kind): not an added sentence,
# nor what unspin reports as a low lead (a number dropped or added, an attribution dropped).
_SPINS = frozenset(
    """quote_altered quote_fabricated quote_misattributed loaded_wording negation_flipped
    number_changed entity_changed attribution_changed time_changed certainty_shifted""".split()
)


def labelled_kind(tagged: str, label: dict | None) -> str:
    """The kind a labelled pair is judged against: the collector's, but for a "partial" page
    that its labels show to be mostly made from the source."""
    if tagged != "partial" or label is None:
        return tagged
    chars = Counter()
    for s in label["sentences"]:
        chars[s["status"]] += s["span"][1] - s["span"][0]
    made = chars["clean"] + chars["distorted"]
    if made < PARTIAL * (chars.total() - chars["boilerplate"]):
        return "partial"
    changed = any(d["type"] in _SPINS for d in label["distortions"])
    return PART_OF_STORY_CHANGED if changed else PART_OF_STORY


def kind_accuracy(kinds: list[tuple[str, str, bool]]) -> dict:
    right: dict[str, list[bool]] = defaultdict(list)
    confusion: Counter = Counter()
    for label, found, credited in kinds:
        if label == "credited":
            ok = credited and found != "not a copy"
        elif label == PART_OF_STORY:
            ok = found in ("spun copy", "verbatim copy")
        elif label == PART_OF_STORY_CHANGED:
            ok = found == "spun copy"
        else:
            ok = found == _KIND_OF_LABEL[label]
        right[label].append(ok)
        confusion[(label, found)] += 1
    every = [ok for oks in right.values() for ok in oks]
    return {
        "right": sum(every) / len(every),
        "by_label": {k: sum(v) / len(v) for k, v in sorted(right.items())},
        "confusion": {f"{a} -> {b}": n for (a, b), n in sorted(confusion.items())},
        "verbatim_from_spun": confusion[("spun", "verbatim copy")],
    }


def print_kinds(k: dict, as_tagged: dict) -> None:
    print(
        f"\nPage kinds: right for {k['right']:.3f} of pages ("
        + ", ".join(f"{label} {v:.2f}" for label, v in k["by_label"].items())
        + f"); spun pages called verbatim copies: {k['verbatim_from_spun']}"
    )
    print("labelled -> found: " + ", ".join(f"{p} {n}" for p, n in k["confusion"].items()))
    print(
        f'(against the collectors\' tags, every "partial" page a partial copy: '
        f"{as_tagged['right']:.3f})"
    )


# --- check in a corpus ----------------------------------------------------------------------


def run_check(pairs: list[dict], read: dict, n_reuters: int, seed: int) -> dict:
    from unspin.testing.datasets import reuters_ding2014_articles

    copies = {p["copy"] for p in pairs}
    in_corpus = sorted({pid for p in pairs for pid in [*p["sources"], *p["distractors"]]} - copies)
    rng = random.Random(seed)
    reservoir: list[Article] = []
    for seen, a in enumerate(reuters_ding2014_articles()):
        if len(reservoir) < n_reuters:
            reservoir.append(a)
        elif (j := rng.randrange(seen + 1)) < n_reuters:
            reservoir[j] = a
    stories = [read[pid][1] for pid in in_corpus] + reservoir
    grams = {pid: word_trigrams(read[pid][1].text) for pid in in_corpus}

    def accepted(pair: dict) -> set[str]:
        true = [s for s in pair["sources"] if s in grams]
        return {
            pid for pid in in_corpus if any(_near_identical(grams[s], grams[pid]) for s in true)
        }

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        corpus = unspin.Corpus(Path(tmp) / "real.db")
        corpus.add(stories)
        built = time.perf_counter() - started
        bm25 = _bm25(stories)
        outcomes = []
        seconds = []
        for pair in pairs:
            ok = accepted(pair)
            if not ok:
                continue  # its source is also a copy of another pair: not in the corpus
            started = time.perf_counter()
            report = unspin.check(read[pair["copy"]][1], corpus)
            seconds.append(time.perf_counter() - started)
            named = report.sources[0].id if report.sources else None
            best = report.search.candidates[0].article.id if report.search.candidates else None
            outcomes.append(
                {
                    "pair": pair["pair"],
                    "kind": pair["kind"],
                    "named": named,
                    "best": best,
                    "named_true": named in ok,
                    "best_true": best in ok,
                    "bm25_true": bm25(read[pair["copy"]][1]) in ok,
                    "no_source": named is None,
                    "false_source": named is not None and named not in ok,
                }
            )
        corpus.close()
        same_day, reprints = _same_day_stories(reservoir, seed)
        negatives = _hard_negatives(pairs, read, reservoir, same_day, Path(tmp) / "negatives.db")
        negatives["same_day_reprints"] = reprints
    n = len(outcomes)
    by_kind = defaultdict(list)
    for o in outcomes:
        by_kind[o["kind"]].append(o["named_true"])
    seconds.sort()
    return {
        "corpus": len(stories),
        "queries": n,
        "build_seconds": built,
        "named_true": sum(o["named_true"] for o in outcomes) / n,
        "best_true": sum(o["best_true"] for o in outcomes) / n,
        "bm25_true": sum(o["bm25_true"] for o in outcomes) / n,
        "no_source": sum(o["no_source"] for o in outcomes) / n,
        "false_source": sum(o["false_source"] for o in outcomes) / n,
        "by_kind": {k: sum(v) / len(v) for k, v in sorted(by_kind.items())},
        "p50_ms": 1000 * seconds[n // 2],
        "outcomes": outcomes,
        "negatives": negatives,
    }


SAME_DAY_QUERIES = 150
SAME_STORY = 0.2  # share of word trigrams (of the shorter) above which two stories are versions


# A sentence this long, with this share of its word trigrams in one story of the same day, is
# that story's sentence reprinted: wire stories reuse whole paragraphs of each other (a
# sidebar runs the main story's quotes, a market wrap its sister's closing figures). Credit
# lines ("(Reporting by ...; Editing by ...)") are the desk's, not the story's.
REPRINT_WORDS = 8
REPRINT_SHARE = 0.8
_CREDIT_LINE = re.compile(
    r"\W*(?:(?:[Aa]dditional\s+)?[Rr]eporting|[Ee]diting|[Ww]riting)\s+by\b|\W*By\s+[A-Z][\w.'-]*\s+[A-Z]"
)


def _same_day_stories(reservoir: list[Article], seed: int) -> tuple[list[Article], int]:
    """Reuters stories kept out of the corpus whose closest story in it (BM25 top hit) was
    filed the same day and is a different story (under SAME_STORY of their word trigrams
    shared, another title): same day, same subject, not a write-through. A story that
    reprints a sentence of a story of its day in the corpus copies it (wire reuse), and is
    no negative: left out, and counted (the second value)."""
    from unspin.testing.datasets import reuters_ding2014_articles

    top = _bm25(reservoir)
    by_id = {a.id: a for a in reservoir}
    of_day: dict[str, list[frozenset[tuple[str, str, str]]]] = defaultdict(list)
    for a in reservoir:
        of_day[a.date[:10]].append(frozenset(word_trigrams(a.text)))
    rng = random.Random(seed + 1)
    pool = [a for a in reuters_ding2014_articles() if a.id not in by_id]
    rng.shuffle(pool)
    found: list[Article] = []
    reprints = 0
    for story in pool:
        hit = by_id[top(story)]
        grams, theirs = word_trigrams(story.text), word_trigrams(hit.text)
        shared = len(grams & theirs) / max(1, min(len(grams), len(theirs)))
        if (
            story.date[:10] == hit.date[:10]
            and shared < SAME_STORY
            and story.title.strip().lower() != hit.title.strip().lower()
        ):
            if _reprints(story, of_day[story.date[:10]]):
                reprints += 1
                continue
            found.append(story)
            if len(found) == SAME_DAY_QUERIES:
                break
    return found, reprints


def _reprints(story: Article, day: list[frozenset[tuple[str, str, str]]]) -> bool:
    """Does the story hold a sentence of REPRINT_WORDS words or more, not a credit line, with
    REPRINT_SHARE of its trigrams in one of the day's stories?"""
    for sentence in sentences(story.text, paragraphs(story.text)):
        text = story.text[sentence.start : sentence.end]
        grams = word_trigrams(text)
        if not grams or len(text.split()) < REPRINT_WORDS or _CREDIT_LINE.match(text):
            continue
        if any(len(grams & other) >= REPRINT_SHARE * len(grams) for other in day):
            return True
    return False


def _hard_negatives(
    pairs: list[dict], read: dict, reservoir: list[Article], same_day: list[Article], path: Path
) -> dict:
    """`check` on stories that copy nothing from a corpus holding the story of their own event
    or topic: every other outlet's report of a real-set event, against a corpus of the true
    sources and the Reuters stories (no other distractor); the Clough-Stevenson answers
    labelled "non" (written on the same topic without the source), against their five sources
    added to it; and Reuters stories whose closest story in the corpus is another of the same
    day and subject (`_same_day_stories`). Any source named is a false one. A same-event page
    that carries a source's own text (`_carriers`) is no hard negative, and is left out; so is
    one another pair labels a copy (a collector may give one pair's spun copy as a distractor of
    another event's pair: naming its own source is right)."""
    from unspin.testing.datasets import clough_stevenson_cases

    sources = sorted({s for p in pairs for s in p["sources"]})
    copies = {p["copy"] for p in pairs}
    distractors = sorted({d for p in pairs for d in p["distractors"]} - set(sources) - copies)
    carriers = _carriers(distractors, sources, read)
    distractors = [d for d in distractors if d not in carriers]
    cs = list(clough_stevenson_cases())
    cs_sources = (
        [Article(s["text"], id=f"clough_stevenson/{s['id']}") for s in cs[0]["sources"]]
        if cs
        else []
    )
    queries = (
        [(f"same-event report {d}", read[d][1]) for d in distractors]
        + [
            (c["id"], Article(c["copy"]["text"], id=c["id"]))
            for c in cs
            if c["gold"]["reuse_level"] == "non"
        ]
        + [(f"same-day Reuters {a.id}", a) for a in same_day]
    )
    corpus = unspin.Corpus(path)
    corpus.add([read[s][1] for s in sources] + reservoir + cs_sources)
    named = []
    for name, query in queries:
        report = unspin.check(query, corpus)
        if report.sources:
            first = report.sources[0].id
            note = next(c.note for c in report.search.candidates if c.article.id == first)
            named.append((name, first, note))
    corpus.close()
    groups = Counter(_group(name) for name, _ in queries)
    false = Counter(_group(name) for name, _, _ in named)
    return {
        "queries": len(queries),
        "false_sources": named,
        "by_group": {g: [false[g], n] for g, n in groups.items()},
        "carriers": [[d, *carriers[d]] for d in sorted(carriers)],
    }


# An independent reader's verdicts on hard negatives that `check` named a source for (and on
# some it did not): whether the query copies narrative sentences of the story, or shares only
# quotations, or nothing (docs/alignment.md, "Shared quotations").
AUDIT = HERE / "hard-negative-audit.jsonl"

# A page holding this share of its word trigrams in one story runs that story's text: another
# outlet carrying the same wire copy, not a report written independently. Naming that story is
# right, so such a page is no hard negative. (Same-event reports share 0.01-0.32 with the
# stories unspin named for them; the three carriers found share 0.61-0.94.)
CARRIER = 0.5


def _carriers(pages: list[str], stories: list[str], read: dict) -> dict[str, tuple[str, float]]:
    """The pages that carry one of the stories' text, with the story and the share."""
    grams = {s: word_trigrams(read[s][1].text) for s in stories}
    found = {}
    for page in pages:
        mine = word_trigrams(read[page][1].text)
        if not mine:
            continue
        share, story = max((len(mine & grams[s]) / len(mine), s) for s in stories)
        if share >= CARRIER:
            found[page] = (story, round(share, 2))
    return found


def _group(query: str) -> str:
    return query.split("/")[0] if query.startswith("clough") else query.rsplit(" ", 1)[0]


def _bm25(stories: list[Article]):
    import bm25s
    import Stemmer

    stemmer = Stemmer.Stemmer("english")
    ids = [a.id for a in stories]
    index = bm25s.BM25()
    index.index(
        bm25s.tokenize(
            [f"{a.title}\n{a.text}" for a in stories],
            stopwords="en",
            stemmer=stemmer,
            show_progress=False,
        ),
        show_progress=False,
    )

    def top(query: Article) -> str:
        tokens = bm25s.tokenize(
            [f"{query.title}\n{query.text}"], stopwords="en", stemmer=stemmer, show_progress=False
        )
        docs, _ = index.retrieve(tokens, k=1, show_progress=False)
        return ids[docs[0][0]]

    return top


def print_check(c: dict) -> None:
    print(
        f"\n`check` in a corpus of {c['corpus']:,} stories (sources and distractors of the real "
        f"set, the rest Reuters 2006-2013); {c['queries']} copies:\n"
    )
    print(
        table(
            ["measure", "value"],
            [
                ["names the true source first", f"{c['named_true']:.3f}"],
                ["true source is the best candidate (named or not)", f"{c['best_true']:.3f}"],
                ["bm25s: true source is the top hit", f"{c['bm25_true']:.3f}"],
                ["answers 'no source in this corpus'", f"{c['no_source']:.3f}"],
                ["names another story (false source)", f"{c['false_source']:.3f}"],
                [
                    "named first, by kind",
                    ", ".join(f"{k} {v:.2f}" for k, v in c["by_kind"].items()),
                ],
                ["check p50", f"{c['p50_ms']:.0f} ms"],
            ],
        )
    )
    neg = c["negatives"]
    print(
        f"\nHard negatives (other outlets' reports of the same events; Clough-Stevenson "
        f"'non' answers; same-day same-subject Reuters stories), {neg['queries']} queries: "
        "a source named for "
        f"{len(neg['false_sources'])} ({len(neg['false_sources']) / max(1, neg['queries']):.3f}): "
        + ", ".join(f"{g} {f} of {n}" for g, (f, n) in neg["by_group"].items())
    )
    judged = {(a["query"], a["story"]): a for a in read_jsonl(AUDIT)} if AUDIT.exists() else {}
    verdicts: Counter = Counter()
    for name, source, note in neg["false_sources"]:
        audit = judged.get((name.split(" ")[-1], source))
        verdicts[audit["verdict"] if audit else "not read"] += 1
        read_as = f"; read as {audit['verdict']}" if audit else ""
        print(f"- {name}: {source} ({note}{read_as})")
    if judged:
        print(
            "Read by an independent judge (benchmarks/real/hard-negative-audit.jsonl: "
            "'copied' shares two or more narrative sentences with the story named): "
            + ", ".join(f"{v} {n}" for v, n in verdicts.most_common())
        )
    if neg.get("carriers"):
        print(
            f"Left out of the same-event reports, {len(neg['carriers'])} pages that carry a "
            f"source's text ({CARRIER:.0%} or more of their word trigrams in it): "
            + ", ".join(f"{d} in {s} ({share:.2f})" for d, s, share in neg["carriers"])
        )
    if neg.get("same_day_reprints"):
        print(
            f"Left out of the same-day Reuters stories, {neg['same_day_reprints']} that reprint a "
            f"sentence of a story of their day in the corpus ({REPRINT_WORDS}+ words, "
            f"{REPRINT_SHARE:.0%} of its trigrams): wire reuse, a copy"
        )


if __name__ == "__main__":
    main()
