"""The JSON form of a Report: schema "unspin.report/1" (documented in docs/report-schema.md).

Other tools read this; additive changes keep /1, renames or removals bump it to /2.
"""

from __future__ import annotations

import json
from typing import Any

from unspin.finding_types import DESCRIPTIONS
from unspin.model import Article, Finding, Report, Search, parts_text

SCHEMA = "unspin.report/1"

# Every finding type the detectors emit, with what it means (shown as help in the HTML report).
FINDING_TYPES = DESCRIPTIONS  # type -> one line for people (unspin.finding_types)


def _span(span: tuple[int, int] | None) -> list[int] | None:
    return None if span is None else [span[0], span[1]]


def kind_line(report: Report) -> str:
    """ "Spun copy; credits Associated Press": how the page copied, and whom it credits."""
    s = report.summary
    outlets = list(dict.fromkeys(c.outlet for c in s.credits))
    credit = f"credits {' and '.join(outlets)}" if outlets else "credits no outlet"
    return f"{s.kind[:1].upper()}{s.kind[1:]}; {credit}"


def parts_line(report: Report, source: int) -> str:
    """ "Sentences 1-5, 9 of 17": the parts of the copy made from one source (1-based)."""
    return parts_text(report.sources[source].parts, len(report.copy.sentences))


def excerpts(report: Report, f: Finding) -> tuple[str, str]:
    """The finding's evidence: the copy's and the source's text of its spans ("" when absent)."""
    copy = report.copy.text[f.copy_span[0] : f.copy_span[1]] if f.copy_span else ""
    source = ""
    if f.source is not None and f.source_span:
        source = report.sources[f.source].doc.text[f.source_span[0] : f.source_span[1]]
    return copy, source


def copy_order(f: Finding) -> tuple[int, int, int]:
    """Sort key putting findings in copy order, then omissions in source order."""
    if f.copy_span:
        return 0, f.copy_span[0], f.copy_span[1]
    return 1, f.source or 0, f.source_span[0] if f.source_span else 0


def _article(article: Article) -> dict[str, Any]:
    return {
        "text": article.text,
        "title": article.title,
        "url": article.url,
        "date": article.date,
        "author": article.author,
        "site": article.site,
        "id": article.id,
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    copy = report.copy
    sources = report.sources

    def source_span(source: int, sentence: int) -> list[int]:
        s = sources[source].doc.sentences[sentence]
        return [s.start, s.end]

    sentences = []
    for match in report.alignment.matches:
        sentence = copy.sentences[match.copy_sentence]
        # Credited to the first ref's source; "refs" lists all of them.
        first = match.sources[0].source if match.sources else None
        sentences.append(
            {
                "span": [sentence.start, sentence.end],
                "label": match.label,
                "source_id": None if first is None else sources[first].id,
                "source_spans": [
                    source_span(ref.source, ref.sentence)
                    for ref in match.sources
                    if ref.source == first
                ],
                "similarity": round(match.similarity, 3),
                # Every source sentence, whichever source it is in (a merge may span two).
                "refs": [
                    {"source_id": sources[r.source].id, "span": source_span(r.source, r.sentence)}
                    for r in match.sources
                ],
            }
        )

    findings = []
    for f in report.findings:
        copy_excerpt, source_excerpt = excerpts(report, f)
        findings.append(
            {
                "type": f.type,
                "severity": f.severity,
                "copy_span": _span(f.copy_span),
                "source_id": None if f.source is None else sources[f.source].id,
                "source_span": _span(f.source_span),
                "copy_excerpt": copy_excerpt,
                "source_excerpt": source_excerpt,
                "reason": f.reason,
            }
        )

    s = report.summary
    return {
        "schema": SCHEMA,
        "copy": _article(copy.article),
        "sources": [
            _article(src.doc.article)
            | {
                "id": src.id,
                "score": round(src.score, 4),
                "share": round(src.share, 4),
                "carriers": [_reference(a) for a in src.carriers],
                "parts": [list(part) for part in src.parts],
            }
            for src in sources
        ],
        "sentences": sentences,
        "findings": findings,
        "omitted": [
            {"source_id": sources[ref.source].id, "span": source_span(ref.source, ref.sentence)}
            for ref in report.alignment.omitted
        ],
        "summary": {
            "reuse_share": round(s.reuse_share, 4),
            "verbatim_share": round(s.verbatim_share, 4),
            "paraphrase_share": round(s.paraphrase_share, 4),
            "unsourced_share": round(s.unsourced_share, 4),
            "same_fact_share": round(s.same_fact_share, 4),
            "copied_share": round(s.copied_share, 4),
            "source_coverage": round(s.source_coverage, 4),
            "fidelity": round(s.fidelity, 4),
            "counts": dict(sorted(s.counts.items())),
            "verdict": s.verdict,
            "kind": s.kind,
            "credited": s.credited,
            "credits": [{"outlet": c.outlet, "span": [c.start, c.end]} for c in s.credits],
        },
        "search": None if report.search is None else _search(report.search),
    }


def _reference(article: Article) -> dict[str, Any]:
    """A story named without its text (a carrier, a candidate)."""
    return {k: v for k, v in _article(article).items() if k != "text"}


def _search(search: Search) -> dict[str, Any]:
    return {
        "corpus_size": search.corpus_size,
        "threshold": search.threshold,
        "candidates": [
            _reference(c.article) | {"score": round(c.score, 4), "note": c.note}
            for c in search.candidates
        ],
    }


def report_to_json(report: Report, indent: int | None = 2) -> str:
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=indent)
