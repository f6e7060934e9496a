"""Hand labels of the real-page set: worksheets for labellers, and the labels kept in git.

    python benchmarks/real/labels.py worksheets [PAIR...]   # cache/worksheets/<pair>.md
    python benchmarks/real/labels.py check PAIR...          # validate cache/labels-raw/<pair>.json
    python benchmarks/real/labels.py build                  # new raw labels -> real/labels/

A worksheet numbers the copy's sentences C1, C2, ... and each source's A1, A2, ... (a second
source of a stitched copy: B1, B2, ...), as unspin's segmenter splits the page text; a labeller
writes cache/labels-raw/<pair>.json (format: benchmarks/real/README.md) naming sentences by
number and changed words by their exact text. `build` turns that into spans of the cached page
texts, with excerpts of at most a dozen words, in benchmarks/real/labels/<pair>.json: the
labels are committed, the texts are not. Labellers never see unspin's findings.
"""

from __future__ import annotations

import argparse
import json
import re
import sys

from collect import HERE, PAIRS, cache, read_jsonl, text_path

from unspin.detect import finding_types
from unspin.model import Article
from unspin.segmentation import segment

LABELS = HERE / "labels"
# The types a labeller may use: every finding type but omissions (listed apart).
FINDING_TYPES = tuple(t for t in finding_types() if t != "omitted_sentence")
# What a copy sentence is, as a careful reader sees it next to the source excerpt.
STATUSES = {
    "clean": "made from the source sentences named in 'from', with no change of meaning",
    "distorted": "made from the source sentences in 'from', with the distortions listed",
    "added": "the copy's own words, in no source sentence: an unsourced addition",
    "beyond": "likely from the source's text past the excerpt's end: cannot be judged",
    "update": "differs from the source because the wire updated its own story: uncertain",
    "boilerplate": "page furniture: headline lists, links, captions, bylines, credit lines",
}
EXCERPT_WORDS = 12


def letters(n_sources: int) -> list[str]:
    return ["A", "B", "C"][:n_sources] if n_sources < 3 else [chr(65 + k) for k in range(n_sources)]


def sentences(page_id: str) -> tuple[str, list[tuple[int, int]]]:
    text = text_path(page_id).read_text(encoding="utf-8")
    doc = segment(Article(text))
    return text, [(s.start, s.end) for s in doc.sentences]


def excerpt(text: str) -> str:
    words = text.split()
    return " ".join(words[:EXCERPT_WORDS]) + (" …" if len(words) > EXCERPT_WORDS else "")


_QUOTED = re.compile(r"([“\"‘'])([^“”\"‘’\n]{1,600}?)([”\"’'])")


def short_quotes(note: str) -> str:
    """A labeller's note with every quotation of a page cut to a dozen words."""
    return _QUOTED.sub(lambda m: m[1] + excerpt(m[2]) + m[3], note)


def pairs() -> dict[str, dict]:
    return {p["pair"]: p for p in read_jsonl(PAIRS)}


def worksheets(args: argparse.Namespace) -> None:
    folder = cache() / "worksheets"
    folder.mkdir(parents=True, exist_ok=True)
    chosen = args.pairs or sorted(pairs())
    for name in chosen:
        pair = pairs()[name]
        lines = [
            f"# {name}",
            "",
            f"kind: {pair['kind']}; wire: {pair['wire']}; notes: {pair['notes']}",
            "",
        ]
        text, spans = sentences(pair["copy"])
        lines += ["## COPY", ""]
        lines += [f"[C{k}] {text[a:b]}" for k, (a, b) in enumerate(spans, 1)]
        for letter, source in zip(letters(len(pair["sources"])), pair["sources"], strict=True):
            text, spans = sentences(source)
            lines += ["", f"## SOURCE {letter} ({source})", ""]
            lines += [f"[{letter}{k}] {text[a:b]}" for k, (a, b) in enumerate(spans, 1)]
        (folder / f"{name}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(chosen)} worksheets in {folder}")


class LabelError(Exception):
    pass


def _locate(text: str, spans: list[tuple[int, int]], sentence: str, words: str) -> tuple[int, int]:
    """The span of `words` inside the numbered sentence (a labeller names both)."""
    a, b = spans[int(sentence[1:]) - 1]
    at = text.find(words, a, b)
    if at < 0:
        raise LabelError(f"{words!r} is not in {sentence}: {text[a:b]!r}")
    return at, at + len(words)


def convert(name: str) -> dict:
    """A labeller's raw file -> the committed form, checking every reference."""
    pair = pairs()[name]
    raw = json.loads((cache() / "labels-raw" / f"{name}.json").read_text(encoding="utf-8"))
    copy_text, copy_spans = sentences(pair["copy"])
    sources = [sentences(s) for s in pair["sources"]]
    by_letter = dict(zip(letters(len(sources)), range(len(sources)), strict=True))

    def source_ref(ref: str) -> tuple[int, tuple[int, int]]:
        k = by_letter.get(ref[:1])
        n = int(ref[1:]) if ref[1:].isdigit() else 0
        if k is None or not 1 <= n <= len(sources[k][1]):
            raise LabelError(f"no source sentence {ref}")
        return k, sources[k][1][n - 1]

    out_sentences = []
    declared = raw.get("copy_sentences", {})
    for k, (a, b) in enumerate(copy_spans, 1):
        entry = declared.get(f"C{k}")
        if entry is None:
            raise LabelError(f"C{k} has no status")
        status = entry.get("status")
        if status not in STATUSES:
            raise LabelError(f"C{k}: status {status!r} is not one of {', '.join(STATUSES)}")
        refs = [source_ref(r) for r in entry.get("from", [])]
        if status in ("clean", "distorted") and not refs:
            raise LabelError(f"C{k} is {status} but names no source sentence in 'from'")
        out_sentences.append(
            {
                "span": [a, b],
                "status": status,
                "from": [{"source": s, "span": list(span)} for s, span in refs],
                "excerpt": excerpt(copy_text[a:b]),
            }
        )
    distortions = []
    for d in raw.get("distortions", []):
        if d.get("type") not in FINDING_TYPES:
            raise LabelError(f"distortion type {d.get('type')!r} is not a finding type")
        copy_span = _locate(copy_text, copy_spans, d["copy"], d["copy_text"])
        item = {
            "type": d["type"],
            "copy_span": list(copy_span),
            "copy_excerpt": excerpt(d["copy_text"]),
            "note": short_quotes(d.get("note", "")),
        }
        if d.get("source"):
            k, _ = source_ref(d["source"])
            text, spans = sources[k]
            words = d.get("source_text") or text[slice(*spans[int(d["source"][1:]) - 1])]
            span = _locate(text, spans, d["source"], words)
            item |= {"source": k, "source_span": list(span), "source_excerpt": excerpt(words)}
        index = int(d["copy"][1:]) - 1
        if out_sentences[index]["status"] not in ("distorted", "added"):
            raise LabelError(
                f"{d['copy']} has a distortion but status {out_sentences[index]['status']}"
            )
        distortions.append(item)
    for k, entry in enumerate(out_sentences, 1):
        if entry["status"] == "distorted" and not any(
            entry["span"][0] <= d["copy_span"][0] < entry["span"][1] for d in distortions
        ):
            raise LabelError(f"C{k} is distorted but no distortion points into it")
    omitted = []
    for ref in raw.get("omitted", []):
        k, span = source_ref(ref)
        omitted.append(
            {"source": k, "span": list(span), "excerpt": excerpt(sources[k][0][slice(*span)])}
        )
    return {
        "pair": name,
        "copy": pair["copy"],
        "sources": pair["sources"],
        "labeller": raw.get("labeller", ""),
        "sentences": out_sentences,
        "distortions": distortions,
        "omitted": omitted,
        "notes": short_quotes(raw.get("notes", "")),
    }


def check(args: argparse.Namespace) -> None:
    failed = 0
    for name in args.pairs:
        try:
            label = convert(name)
        except (LabelError, KeyError, ValueError, FileNotFoundError) as error:
            failed += 1
            print(f"{name}: {type(error).__name__}: {error}")
            continue
        statuses = [s["status"] for s in label["sentences"]]
        counts = {s: statuses.count(s) for s in STATUSES if statuses.count(s)}
        print(f"{name}: ok, {counts}, {len(label['distortions'])} distortions")
    sys.exit(1 if failed else 0)


def build(args: argparse.Namespace) -> None:
    """Raw labels -> committed labels, only for pairs not yet committed (with --again, all):
    a committed label's spans were read with the segmenter of its day, and its raw file's
    sentence numbers may not fit a later segmenter's sentences."""
    LABELS.mkdir(exist_ok=True)
    built = 0
    for path in sorted((cache() / "labels-raw").glob("*.json")):
        if (LABELS / path.name).exists() and not args.again:
            continue
        label = convert(path.stem)
        (LABELS / path.name).write_text(
            json.dumps(label, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        built += 1
    print(f"{built} labelled pairs in {LABELS}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("worksheets", help="number the sentences of pairs for labellers")
    w.add_argument("pairs", nargs="*")
    w.set_defaults(run=worksheets)
    c = sub.add_parser("check", help="validate raw labels")
    c.add_argument("pairs", nargs="+")
    c.set_defaults(run=check)
    b = sub.add_parser("build", help="raw labels -> committed labels (new pairs only)")
    b.add_argument("--again", action="store_true", help="rebuild committed labels too")
    b.set_defaults(run=build)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
