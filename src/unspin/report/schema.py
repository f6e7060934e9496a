"""The JSON form of a Report: schema "unspin.report/1" (documented in docs/report-schema.md),
and back (`report_from_dict`: a stored report renders again without being re-analysed).

Other tools read this; additive changes keep /1, renames or removals bump it to /2.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from unspin.errors import InputError
from unspin.model import (
    Alignment,
    Article,
    Credit,
    Doc,
    Finding,
    Report,
    Search,
    SearchCandidate,
    Sentence,
    SentenceMatch,
    Source,
    SourceRef,
    Summary,
    parts_text,
)
from unspin.segmentation import segment

SCHEMA = "unspin.report/1"


def _span(span: tuple[int, int] | None) -> list[int] | None:
    return None if span is None else [span[0], span[1]]


def percent(share: float) -> str:
    """A share as the reports print it: "42%"."""
    return f"{share:.0%}"


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
        "crawled": article.crawled,
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    """The report as schema unspin.report/1: plain JSON types, every span an offset pair."""
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
    """`report_to_dict` as JSON text, non-ASCII characters written as they are."""
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=indent)


# --- back from JSON ---------------------------------------------------------------------------


def report_from_dict(data: dict[str, Any]) -> Report:
    """The Report that `report_to_dict` wrote, for rendering it again (a scan keeps each page's
    report as JSON). Nothing is re-analysed: the texts are segmented again only to recover
    what the JSON leaves out (quotes, names... and the sentences no match refers to), which
    the segmenter finds the same way every time. Raises InputError for another schema, or a
    report whose sentences this version's segmenter does not find (made by another version),
    or one that is damaged; fields added to the schema after a report was written take their
    defaults.
    """
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        schema = data.get("schema") if isinstance(data, dict) else None
        raise InputError(f"not an {SCHEMA} report (schema {schema!r})")
    try:
        return _report_from(data)
    except (KeyError, TypeError, IndexError, ValueError, AttributeError) as error:
        raise InputError(f"a damaged {SCHEMA} report ({type(error).__name__}: {error})") from None


def _report_from(data: dict[str, Any]) -> Report:
    copy = segment(_article_from(data["copy"]))
    # The copy's sentences are the report's own (one per match), whatever the segmenter says.
    copy = replace(copy, sentences=_copy_sentences(copy, data["sentences"]))
    docs = [segment(_article_from(s)) for s in data["sources"]]
    place = {s["id"]: k for k, s in enumerate(data["sources"])}
    where = [{(x.start, x.end): j for j, x in enumerate(doc.sentences)} for doc in docs]

    def ref(source_id: str, span: list[int]) -> SourceRef:
        k = place[source_id]
        try:
            return SourceRef(k, where[k][span[0], span[1]])
        except KeyError:
            raise InputError(
                f"source {source_id}: no sentence at {span} (a report of another unspin version)"
            ) from None

    matches = tuple(
        SentenceMatch(
            i,
            m["label"],
            tuple(ref(r["source_id"], r["span"]) for r in m.get("refs", [])),
            m["similarity"],
        )
        for i, m in enumerate(data["sentences"])
    )
    omitted = tuple(ref(o["source_id"], o["span"]) for o in data["omitted"])
    findings = tuple(
        Finding(
            f["type"],
            f["severity"],
            _pair(f["copy_span"]),
            None if f["source_id"] is None else place[f["source_id"]],
            _pair(f["source_span"]),
            f["reason"],
        )
        for f in data["findings"]
    )
    sources = tuple(
        Source(
            doc,
            s["id"],
            s["score"],
            s["share"],
            tuple(_article_from(c) for c in s.get("carriers", [])),
            tuple((a, b) for a, b in s.get("parts", [])),
        )
        for doc, s in zip(docs, data["sources"], strict=True)
    )
    report = Report(
        copy,
        sources,
        Alignment(matches, omitted),
        findings,
        _summary_from(data["summary"]),
        None if data.get("search") is None else _search_from(data["search"]),
    )
    _check_evidence(report, data["findings"])
    return report


def _check_evidence(report: Report, stored: list[dict[str, Any]]) -> None:
    """ValueError unless every span lies in its text and each finding's stored excerpts are
    the text at its spans: a text changed after the report was written (a normalising step, an
    edit) would put every mark on other characters, and nothing else would show it."""
    length = len(report.copy.text)
    if any(s.end > length for s in report.copy.sentences):
        raise ValueError("a sentence span runs past the copy's text")
    for k, (finding, fields) in enumerate(zip(report.findings, stored, strict=True)):
        texts = [report.copy.text]
        if finding.source is not None:
            texts.append(report.sources[finding.source].doc.text)
        for span, text in zip((finding.copy_span, finding.source_span), texts, strict=False):
            if span is not None and span[1] > len(text):
                raise ValueError(f"finding {k + 1}'s span {list(span)} runs past its text")
        copy_excerpt, source_excerpt = excerpts(report, finding)
        if (
            fields.get("copy_excerpt", copy_excerpt) != copy_excerpt
            or fields.get("source_excerpt", source_excerpt) != source_excerpt
        ):
            raise ValueError(f"finding {k + 1}'s excerpts are not the text at its spans")


def _article_from(fields: dict[str, Any]) -> Article:
    keys = ("text", "title", "url", "date", "author", "site", "id", "crawled")
    return Article(**{k: fields.get(k) or "" for k in keys})


def _copy_sentences(doc: Doc, stored: list[dict[str, Any]]) -> tuple[Sentence, ...]:
    paragraph = {s.start: s.paragraph for s in doc.sentences}
    spans = [_offsets(m["span"]) for m in stored]
    return tuple(Sentence(a, b, paragraph.get(a, 0)) for a, b in spans)


def _pair(span: list[int] | None) -> tuple[int, int] | None:
    return None if span is None else _offsets(span)


def _offsets(span: list[int]) -> tuple[int, int]:
    """A stored [start, end] as offsets, or ValueError: a damaged report must not reach the
    renderer with offsets that are not numbers."""
    if len(span) != 2 or not all(type(x) is int and x >= 0 for x in span) or span[0] > span[1]:
        raise ValueError(f"not a span: {span!r}")
    return span[0], span[1]


def _summary_from(s: dict[str, Any]) -> Summary:
    return Summary(
        reuse_share=s["reuse_share"],
        verbatim_share=s["verbatim_share"],
        paraphrase_share=s["paraphrase_share"],
        unsourced_share=s["unsourced_share"],
        copied_share=s["copied_share"],
        source_coverage=s["source_coverage"],
        fidelity=s["fidelity"],
        counts=dict(s["counts"]),
        verdict=s["verdict"],
        credits=tuple(
            Credit(c["span"][0], c["span"][1], c["outlet"]) for c in s.get("credits", [])
        ),
        same_fact_share=s.get("same_fact_share", 0.0),
        kind=s.get("kind", "not a copy"),
        credited=s.get("credited", False),
    )


def _search_from(s: dict[str, Any]) -> Search:
    candidates = tuple(
        SearchCandidate(_article_from(c), c["score"], c["note"]) for c in s["candidates"]
    )
    return Search(s["corpus_size"], s["threshold"], candidates)
