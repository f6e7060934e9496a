"""The whole flow, read -> segment -> find -> align -> detect -> summary, behind three calls:
`compare(copy, source)` and `check(copy, corpus)` for inputs, `compare_docs` for segmented
documents. The CLI, the web app and batch scans are front ends over these.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Literal, TypeAlias

from unspin.align import DEFAULT, AlignConfig, Encoder, align
from unspin.detect import detect
from unspin.limits import kept_per_story
from unspin.model import (
    Alignment,
    Article,
    Doc,
    Report,
    Search,
    SearchCandidate,
    Source,
    parts_text,
)
from unspin.read import CLAIM_WORDS, composed_article, read_article
from unspin.segmentation import segment
from unspin.summary import (
    COPIED_ALONE,
    PARTIAL_COPIED,
    copied_part,
    other_figures,
    parts_from,
    shared_trigrams,
    source_shares,
    summarise,
    unquoted_copied_share,
    unquoted_trigrams,
)

if TYPE_CHECKING:
    from unspin.corpus import Corpus
    from unspin.find import SourceSearch

Input: TypeAlias = "str | os.PathLike[str] | Article"


class _Default(enum.Enum):
    """The type of `DEFAULT_ENCODERS` (an enum member, so type checkers can narrow it)."""

    ENCODERS = "the bundled embedding models"


# `encoder=` default: the bundled models (`default_encoders()`), loaded only when needed.
DEFAULT_ENCODERS = _Default.ENCODERS
EncoderChoice: TypeAlias = "Encoder | Literal[_Default.ENCODERS] | None"


def _encoders(choice: EncoderChoice) -> tuple[Encoder | None, Encoder | None]:
    """The encoder for every pair and the one for second opinions, for an `encoder=` choice."""
    if choice is DEFAULT_ENCODERS:
        return default_encoders()
    return choice, None


def compare(
    copy: Input,
    source: Input | Sequence[Input],
    *,
    encoder: EncoderChoice = DEFAULT_ENCODERS,
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
    pair_encoder, second_opinion = _encoders(encoder)
    return compare_docs(
        copy_doc, source_docs, encoder=pair_encoder, config=config, second_opinion=second_opinion
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
    return _reported(copy, sources, alignment, ids, scores)


def _reported(
    copy: Doc,
    sources: Sequence[Doc],
    alignment: Alignment,
    ids: Sequence[str] | None = None,
    scores: Sequence[float] | None = None,
) -> Report:
    """The report of `compare_docs`, from the alignment of `copy` with exactly `sources`."""
    shares = source_shares(copy, alignment, len(sources))
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
    encoder: EncoderChoice = DEFAULT_ENCODERS,
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
    pair_encoder, second_opinion = _encoders(encoder)
    copy_doc = segment(article)
    report: Report | None = None
    candidate = search.runner_up
    # Aligned only if they share the wording `copied_part` needs in any case: most copies with
    # no source are no partial copies either.
    copied = unquoted_copied_share(copy_doc, candidate.article.text) if candidate else 0.0
    if candidate is not None and copied >= PARTIAL_COPIED:
        source_doc = _segment_story(candidate.article)
        alignment = align(copy_doc, [source_doc], pair_encoder, config, second_opinion)
        parts = parts_from(alignment, 0)
        if copied_part(parts, copied):
            search = named_partial(search, candidate, parts_text(parts, len(copy_doc.sentences)))
            # The comparison with the one source named is the alignment just made.
            report = _reported(copy_doc, [source_doc], alignment, [candidate.id], [candidate.score])
    if report is None:
        report = _compare_found(copy_doc, search, pair_encoder, config, second_opinion)
    # A story similar enough to name, of which no copy sentence was made (an outlet's own
    # report of the same event: same facts, none of the wording), is not a source; nor is one
    # the copy shares only as a template, with other figures wherever both give one.
    unmade = [
        c for c, source in zip(search.sources, report.sources, strict=True) if not source.parts
    ]
    templates = [
        c
        for k, (c, source) in enumerate(zip(search.sources, report.sources, strict=True))
        if source.parts and other_figures(copy_doc, source.doc, report.alignment, k)
    ]
    # A text too short for the order of its sentences to show copying (a claim, a teaser: the
    # aligner takes its matches as made from their source) is given a source only for wording
    # it shares with it outside quotations: two outlets put the same facts in two sentences
    # each, in their own words (on the real-page set, 5 same-event reports of two sentences were
    # given a source so; no true copy that short was named).
    reworded = [
        c
        for c in search.sources
        if len(copy_doc.sentences) < config.derived_min_sentences
        and _shared_wording(copy_doc, c.article.text) < COPIED_ALONE
    ]
    if unmade or templates or reworded:
        search = not_made_from(search, unmade, templates, reworded)
        report = _compare_found(copy_doc, search, pair_encoder, config, second_opinion)
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


# A short text with fewer word trigrams than this outside quotation marks is its quotation
# ("Jane Holt: “We will not raise taxes ...”"): its wording is the quotation's.
QUOTED_CLAIM = 3


def _shared_wording(copy: Doc, story: str) -> float:
    """Share of the copy's wording in `story`: outside quotation marks (outlets quote the same
    statements alike), but all of it for a text that is little but a quotation."""
    if len(unquoted_trigrams(copy)) < QUOTED_CLAIM:
        return shared_trigrams(copy.text, [story])
    return unquoted_copied_share(copy, story)


def _compare_found(
    copy: Doc,
    search: SourceSearch,
    encoder: Encoder | None,
    config: AlignConfig,
    second_opinion: Encoder | None,
) -> Report:
    return compare_docs(
        copy,
        [_segment_story(c.article) for c in search.sources],
        encoder=encoder,
        config=config,
        ids=[c.id for c in search.sources],
        scores=[c.score for c in search.sources],
        second_opinion=second_opinion,
    )


@kept_per_story(64)
def _segment_story(article: Article) -> Doc:
    """A corpus story segmented once per check (and the last 64 kept): `check` compares with
    its sources again when it sets one aside, and a crawl meets one story on many pages. A Doc
    is immutable, so callers share it. Its text composed (NFC) as the copy's was when read: a
    story stored by an older unspin, or given to `Corpus.add`, may spell its accents apart."""
    return segment(composed_article(article))


def _no_source_verdict(search: Search) -> str:
    where = f"this corpus of {search.corpus_size:,} stor{'y' if search.corpus_size == 1 else 'ies'}"
    if not search.candidates:
        return f"No source in {where}: no story shares its rare words or its topic."
    best = search.candidates[0]
    name = f'"{best.article.title}"' if best.article.title else best.article.id
    return f"No source in {where}: the closest story, {name}, {best.note}."


def use_one_thread() -> None:
    """Run this process's math on one thread (BLAS, OpenMP, the tokenizers' pool). A compare
    multiplies small matrices and tokenizes a few hundred sentences: the libraries' thread
    pools spin more than they help. Measured on 200 scan pages against 100,000 stories: 80 ms
    wall and 101 ms of CPU a page with the pools, 71 and 71 without. The command line, the
    server's analysis workers and the scanner (`unspin.scan`, in this process or on its Dask
    workers) call this; other callers of the library decide for themselves. It limits the
    pools of the libraries loaded when it runs; faiss keeps its own searches of a few
    vectors on one thread (`Corpus.search_vectors`)."""
    global _ONE_THREAD
    if _ONE_THREAD is None:
        from threadpoolctl import threadpool_limits

        os.environ["TOKENIZERS_PARALLELISM"] = "false"
        _ONE_THREAD = threadpool_limits(limits=1)


_ONE_THREAD: object | None = None  # the threadpoolctl limit, kept for the process's life


def default_encoders() -> tuple[Encoder, Encoder]:
    """The fast model for every pair and the accurate one for second opinions."""
    from unspin.embed import get_embedder

    return get_embedder("fast"), get_embedder("accurate")


def _source_id(doc: Doc, k: int) -> str:
    return doc.article.id or doc.article.url or f"source-{k + 1}"


def _omitted_from_main(alignment: Alignment, shares: list[float]) -> Alignment:
    """Leave out only what the main source says: a page that borrows one sentence from a second
    story does not omit the rest of it."""
    if len(shares) < 2:
        return alignment
    main = max(range(len(shares)), key=lambda k: shares[k])
    return replace(alignment, omitted=tuple(r for r in alignment.omitted if r.source == main))
