"""`compare(copy, source)`: the one call the CLI, the web app and batch scans build on."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, TypeAlias

from unspin.align import DEFAULT, AlignConfig, Encoder, align
from unspin.detect import detect
from unspin.finding_types import SENTENCE_LEVEL
from unspin.model import (
    Alignment,
    Article,
    Doc,
    Finding,
    Report,
    Search,
    SearchCandidate,
    SentenceMatch,
    Source,
    Summary,
    parts_text,
)
from unspin.read import CLAIM_WORDS, read_article
from unspin.segment import segment
from unspin.text import tokens

if TYPE_CHECKING:
    from unspin.corpus import Corpus
    from unspin.find import Candidate, SourceSearch

Input: TypeAlias = "str | os.PathLike[str] | Article"

_DEFAULT_ENCODER = object()  # sentinel: use the bundled embedding model


def compare(
    copy: Input,
    source: Input | Sequence[Input],
    *,
    encoder: Encoder | object | None = _DEFAULT_ENCODER,
    config: AlignConfig = DEFAULT,
) -> Report:
    """Align `copy` with its source(s) and report every change, with offsets into both texts.

    Each input is a path (.html, .txt, .json), "-" for stdin, an http(s) URL, the article's own
    text, or an `Article`. The copy may be a single claim or headline (`CLAIM_WORDS` words or
    more); sources are articles. Pass `encoder=None` for lexical alignment only (no embedding
    model).
    """
    sources = [source] if isinstance(source, str | os.PathLike | Article) else list(source)
    copy_doc = segment(read_article(copy, min_words=CLAIM_WORDS))
    source_docs = [segment(read_article(s)) for s in sources]
    second_opinion = None
    if encoder is _DEFAULT_ENCODER:
        encoder, second_opinion = default_encoders()
    return compare_docs(
        copy_doc,
        source_docs,
        encoder=encoder,
        config=config,
        second_opinion=second_opinion,  # type: ignore[arg-type]
    )


def compare_docs(
    copy: Doc,
    sources: Sequence[Doc],
    *,
    encoder: Encoder | None,
    config: AlignConfig = DEFAULT,
    ids: Sequence[str] | None = None,
    scores: Sequence[float] | None = None,
    second_opinion: Encoder | None = None,
) -> Report:
    """The same on segmented documents (for callers that already hold `Doc`s, like a corpus).
    `encoder` scores every sentence pair; `second_opinion`, if given, re-scores the copy
    sentences left unsourced (pass the fast and the accurate model: `default_encoders()`)."""
    alignment = align(copy, sources, encoder, config, second_opinion)
    shares = _source_shares(copy, alignment, len(sources))
    alignment = _omitted_from_main(alignment, shares)
    findings = detect(copy, sources, alignment)
    ids = list(ids) if ids else [_source_id(doc, k) for k, doc in enumerate(sources)]
    scores = list(scores) if scores else [1.0] * len(sources)
    report_sources = tuple(
        Source(doc, ids[k], scores[k], shares[k], parts=parts_from(alignment, k))
        for k, doc in enumerate(sources)
    )
    summary = summarise(copy, sources, alignment, findings, shares)
    return Report(copy, report_sources, alignment, tuple(findings), summary)


def check(
    copy: Input,
    corpus: Corpus,
    *,
    encoder: Encoder | object | None = _DEFAULT_ENCODER,
    config: AlignConfig = DEFAULT,
) -> Report:
    """Find the source(s) of `copy` in `corpus` and compare it with them.

    The report lists the sources found, best first, each with its score (the share of the copy
    it explains), its share, its id in the corpus and its carriers (later near-identical
    copies); `report.search` lists every candidate weighed. With no source in the corpus the
    report has no sources, and its verdict says so with the best candidate's score.
    """
    from unspin.find import find_sources, named_partial, not_made_from

    article = read_article(copy)
    search = find_sources(article, corpus)
    second_opinion = None
    if encoder is _DEFAULT_ENCODER:
        encoder, second_opinion = default_encoders()
    copy_doc = segment(article)
    if search.runner_up is not None and _may_be_partial(article, search.runner_up):
        candidate = search.runner_up
        source_doc = segment(candidate.article)
        alignment = align(copy_doc, [source_doc], encoder, config, second_opinion)  # type: ignore[arg-type]
        parts = parts_from(alignment, 0)
        if copied_part(copy_doc, source_doc, parts):
            search = named_partial(search, candidate, parts_text(parts, len(copy_doc.sentences)))
    report = _compare_found(copy_doc, search, encoder, config, second_opinion)  # type: ignore[arg-type]
    # A story similar enough to name, of which no copy sentence was made (an outlet's own
    # report of the same event: same facts, none of the wording), is not a source.
    unmade = [
        c for c, source in zip(search.sources, report.sources, strict=True) if not source.parts
    ]
    if unmade:
        search = not_made_from(search, unmade)
        report = _compare_found(copy_doc, search, encoder, config, second_opinion)  # type: ignore[arg-type]
    sources = tuple(
        replace(source, carriers=tuple(c.article for c in found.carriers))
        for source, found in zip(report.sources, search.sources, strict=True)
    )
    record = Search(
        search.corpus_size,
        search.threshold,
        tuple(SearchCandidate(c.article, c.score, note) for c, note in search.candidates),
    )
    if sources:
        return replace(report, sources=sources, search=record)
    # Nothing to compare with: no findings (an "unsourced" finding would accuse every sentence).
    summary = replace(
        report.summary,
        source_coverage=0.0,
        counts={},
        verdict=_no_source_verdict(record),
    )
    return replace(report, findings=(), summary=summary, search=record)


def _compare_found(
    copy: Doc,
    search: SourceSearch,
    encoder: Encoder | None,
    config: AlignConfig,
    second_opinion: Encoder | None,
) -> Report:
    return compare_docs(
        copy,
        [segment(c.article) for c in search.sources],
        encoder=encoder,
        config=config,
        ids=[c.id for c in search.sources],
        scores=[c.score for c in search.sources],
        second_opinion=second_opinion,
    )


def _no_source_verdict(search: Search) -> str:
    where = f"this corpus of {search.corpus_size:,} stor{'y' if search.corpus_size == 1 else 'ies'}"
    if not search.candidates:
        return f"No source in {where}: no story shares its rare words or its topic."
    best = search.candidates[0]
    name = f'"{best.article.title}"' if best.article.title else best.article.id
    return f"No source in {where}: the closest story, {name}, {best.note}."


def default_encoders() -> tuple[Encoder, Encoder]:
    """The fast model for every pair and the accurate one for second opinions."""
    from unspin.embed import get_embedder

    return get_embedder("fast"), get_embedder("accurate")


def _source_id(doc: Doc, k: int) -> str:
    return doc.article.id or doc.article.url or f"source-{k + 1}"


def _length(doc: Doc, index: int) -> int:
    sentence = doc.sentences[index]
    return sentence.end - sentence.start


def _source_shares(copy: Doc, alignment: Alignment, n: int) -> list[float]:
    total = sum(_length(copy, m.copy_sentence) for m in alignment.matches) or 1
    drawn = [0] * n
    for m in alignment.matches:
        if m.label in ("verbatim", "paraphrase"):
            drawn[m.sources[0].source] += _length(copy, m.copy_sentence)
    return [d / total for d in drawn]


def _omitted_from_main(alignment: Alignment, shares: list[float]) -> Alignment:
    """Leave out only what the main source says: a page that borrows one sentence from a second
    story does not omit the rest of it."""
    if len(shares) < 2:
        return alignment
    main = max(range(len(shares)), key=lambda k: shares[k])
    return replace(alignment, omitted=tuple(r for r in alignment.omitted if r.source == main))


PART_GAP = 2  # copy sentences not made from the source that do not break a run of its part


def parts_from(alignment: Alignment, source: int) -> tuple[tuple[int, int], ...]:
    """The runs of copy sentences made from `source`, as (first, last) indexes; a run goes on
    over up to PART_GAP sentences made from no other source (an added line, a subhead)."""
    made = [m.copy_sentence for m in alignment.matches if _made_from(m, source)]
    others = {
        m.copy_sentence
        for m in alignment.matches
        if m.label in ("verbatim", "paraphrase") and not _made_from(m, source)
    }
    runs: list[list[int]] = []
    for i in made:
        last = runs[-1][-1] if runs else None
        if last is not None and i - last <= PART_GAP + 1 and not others & set(range(last, i)):
            runs[-1].append(i)
        else:
            runs.append([i])
    return tuple((run[0], run[-1]) for run in runs)


def _made_from(m: SentenceMatch, source: int) -> bool:
    return m.label in ("verbatim", "paraphrase") and m.sources[0].source == source


def summarise(
    copy: Doc,
    sources: Sequence[Doc],
    alignment: Alignment,
    findings: Sequence[Finding],
    shares: Sequence[float],
) -> Summary:
    by_label = {"verbatim": 0, "paraphrase": 0, "same_fact": 0, "unsourced": 0}
    for m in alignment.matches:
        by_label[m.label] += _length(copy, m.copy_sentence)
    total = sum(by_label.values()) or 1
    source_total = sum(_length(doc, j) for doc in sources for j in range(len(doc.sentences))) or 1
    omitted = sum(_length(sources[r.source], r.sentence) for r in alignment.omitted)
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.type] = counts.get(f.type, 0) + 1
    derived = ("verbatim", "paraphrase")
    aligned = [copy.sentences[m.copy_sentence] for m in alignment.matches if m.label in derived]
    serious = [f.copy_span for f in findings if f.severity != "low" and f.copy_span is not None]
    faithful = [s for s in aligned if not any(a < s.end and s.start < b for a, b in serious)]
    summary = Summary(
        reuse_share=(by_label["verbatim"] + by_label["paraphrase"]) / total,
        verbatim_share=by_label["verbatim"] / total,
        paraphrase_share=by_label["paraphrase"] / total,
        unsourced_share=by_label["unsourced"] / total,
        copied_share=copied_share(copy, sources),
        source_coverage=1 - omitted / source_total,
        fidelity=len(faithful) / len(aligned) if aligned else 0.0,
        counts=dict(sorted(counts.items())),
        verdict="",
        credits=copy.credits,
        same_fact_share=by_label["same_fact"] / total,
        credited=bool(copy.credits),
    )
    summary = replace(summary, kind=page_kind(summary, findings, shares))
    return _with_verdict(summary, findings)


def copied_share(copy: Doc, sources: Sequence[Doc]) -> float:
    """Share of the copy's word trigrams that also stand in a source: copied wording, measured
    apart from the sentence alignment (which also pairs sentences that only say the same)."""
    return _shared_trigrams(copy.text, [doc.text for doc in sources])


def _shared_trigrams(copy: str, sources: Sequence[str]) -> float:
    copy_grams = _trigrams(copy)
    if not copy_grams:
        return 0.0
    source_grams = set().union(*(_trigrams(text) for text in sources))
    return len(copy_grams & source_grams) / len(copy_grams)


def _trigrams(text: str) -> set[tuple[str, str, str]]:
    words = [t.lower for t in tokens(text)]
    return set(zip(words, words[1:], words[2:], strict=False))


# A story that explains too little of the copy to be named by similarity (find.SOURCE_THRESHOLD)
# is still its source when the copy took part of it: a run of PARTIAL_RUN sentences made from
# it (with evidence of derivation: align.derivation) in a copy sharing PARTIAL_COPIED of its
# word trigrams with it, or COPIED_ALONE of them however spread. Calibrated on the real-page
# set: true sources against same-event reports by other outlets (docs/retrieval.md).
PARTIAL_RUN = 5
PARTIAL_COPIED = 0.1
COPIED_ALONE = 0.2


def _may_be_partial(copy: Article, candidate: Candidate) -> bool:
    """Worth aligning to test for a partial copy (most copies with no source are not)? Only
    if they share the word trigrams `copied_part` needs in any case."""
    return _shared_trigrams(copy.text, [candidate.article.text]) >= PARTIAL_COPIED


def copied_part(copy: Doc, source: Doc, parts: Sequence[tuple[int, int]]) -> bool:
    """Did the copy take part of `source` (its runs of sentences made from it: `parts_from`)?"""
    run = max((last - first + 1 for first, last in parts), default=0)
    copied = copied_share(copy, [source])
    return (run >= PARTIAL_RUN and copied >= PARTIAL_COPIED) or copied >= COPIED_ALONE


# Page kinds, set on the real-page set's labelled kinds (benchmarks/real_pages.py):
NOT_A_COPY = 0.05  # below this share of the copy made from a source, it copied nothing
PARTIAL = 0.3  # a copy with less of itself made from its sources is a partial copy
STITCH_SHARE = 0.15  # each of two sources explains at least this share: a stitched copy
# A verbatim copy: this share of its word trigrams copied (pages carry captions and links no
# sentence alignment calls verbatim), or this share of what it copied copied word for word.
VERBATIM_COPIED = 0.6
VERBATIM_OF_REUSE = 0.8


def page_kind(summary: Summary, findings: Sequence[Finding], shares: Sequence[float]) -> str:
    """How the page copied (model.KINDS). "not a copy" made nothing from a source; a "stitched
    copy" drew on two or more, each for STITCH_SHARE of it; a "verbatim copy" copied word for
    word (VERBATIM_COPIED, VERBATIM_OF_REUSE) and changed nothing (no high or medium finding
    but added sentences: a page with a flipped negation is spun, however few its changed
    words); a "partial copy" made less than PARTIAL of itself from its sources; the rest are
    "spun copies"."""
    if not shares or summary.reuse_share < NOT_A_COPY:
        return "not a copy"
    if sum(share >= STITCH_SHARE for share in shares) >= 2:
        return "stitched copy"
    changed = any(
        f.severity in ("high", "medium") and f.type not in SENTENCE_LEVEL for f in findings
    )
    word_for_word = (
        summary.copied_share >= VERBATIM_COPIED
        or summary.verbatim_share >= VERBATIM_OF_REUSE * summary.reuse_share
    )
    if summary.reuse_share < PARTIAL:
        return "partial copy"
    return "verbatim copy" if word_for_word and not changed else "spun copy"


# The reuse levels of the Clough-Stevenson corpus (cut / light / heavy / non), decided by copied
# wording; cut-offs chosen on that corpus's 95 answers (0.74 accuracy; docs/alignment.md).
COPIED_CUT, COPIED_LIGHT, COPIED_HEAVY = 0.8, 0.45, 0.08


def reuse_level(summary: Summary) -> str:
    if summary.copied_share < COPIED_HEAVY:
        return "non"
    if summary.copied_share < COPIED_LIGHT:
        return "heavy"
    if summary.copied_share < COPIED_CUT:
        return "light"
    return "cut"


_LEVEL_WORDS = {
    "cut": "a near-verbatim copy",
    "light": "a light rewrite",
    "heavy": "a heavy paraphrase",
    "non": "not drawn from the source",
}


def _with_verdict(summary: Summary, findings: Sequence[Finding]) -> Summary:
    level = reuse_level(summary)
    if level == "non" and summary.kind != "not a copy":
        level = "heavy"  # little wording copied, but sentences made from the source
    words = _LEVEL_WORDS[level]
    serious: dict[str, int] = {}
    for f in findings:
        if f.severity == "high" or (f.severity == "medium" and f.type not in SENTENCE_LEVEL):
            serious[f.type] = serious.get(f.type, 0) + 1
    reuse = f"{summary.reuse_share:.0%} of the copy comes from the source"
    if summary.kind == "not a copy":
        verdict = (
            f"Not a copy: only {summary.copied_share:.0%} of its wording (word trigrams) "
            "stands in the source."
        )
    elif serious:
        kinds = ", ".join(
            t.replace("_", " ") for t, _ in sorted(serious.items(), key=lambda x: -x[1])[:3]
        )
        n = sum(serious.values())
        verdict = (
            f"Distorted copy: {words} ({reuse}) with {n} meaning change{'s' * (n != 1)} ({kinds})."
        )
    else:
        verdict = f"Faithful copy: {words} ({reuse}); no change of meaning found."
    outlets = list(dict.fromkeys(c.outlet for c in summary.credits))
    if outlets and summary.kind != "not a copy":
        verdict = f"{verdict[:-1]}; it credits {' and '.join(outlets)}."
    return replace(summary, verdict=verdict)
