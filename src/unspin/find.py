"""Find the stories a copy was made from, in a corpus of originals.

A spinner swaps words for synonyms and moves clauses, but keeps names, numbers, rare words and
the order of facts, and embeddings survive synonyms. So candidates come from two searches:

1. story vectors (the fast model's mean over the story) for the whole copy and for each run of
   a few paragraphs of it (a copy stitched from two stories is near each in its own part);
2. the full-text index, asked for the copy's rarest terms (by document frequency in the
   corpus), stories scored by the IDF of the terms they hold: the names, numbers and words a
   spinner has no synonym for.

The ranked lists are fused (reciprocal rank fusion), each part's nearest story kept in front
(a page that lifts a few paragraphs of a story has it first for one part only), and the best
candidates re-ranked by sentence-level evidence: the share of the copy's sentences each one
explains, scored as the aligner scores pairs (embedding cosine and IDF-weighted word
overlap). That share is the candidate's score: "how much of the copy this story accounts
for". The first FIRST_ROUND are judged first, and the rest only when none of those settles the
copy (`_settled`). A copy is said to have no source in the corpus when no candidate explains
SOURCE_THRESHOLD of it (calibrated on spun copies of stories in and out of the corpus:
benchmarks/retrieval.py, docs/retrieval.md), unless the best of them proves to be copied in
part: `runner_up` is for the caller to align and test (pipeline.check, which also drops a
source no copy sentence was made from).

Sources are then chosen greedily: the best candidate, then any other that explains enough of
what the chosen ones leave (a stitched copy). Near-identical candidates (syndicated copies of
one wire story) form one group; its earliest story is the origin, the rest are carriers. A
story dated after the copy (by more than a day: `_dated_after`) cannot be its origin and is
set aside with that reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

import numpy as np
import snowballstemmer

from unspin.align import DEFAULT, dice_scores, pair_score
from unspin.corpus.store import Corpus, StoredArticle
from unspin.embed import get_embedder
from unspin.limits import kept_per_story
from unspin.model import Article
from unspin.segmentation.sentences import paragraphs, sentences
from unspin.text import (
    STOPWORDS,
    capitalised_mid_sentence,
    content_stems,
    lower_words_at,
    word_trigrams,
)

SOURCE_THRESHOLD = 0.45  # share of the copy a story must explain to be named as a source
EXTRA_SOURCE_SHARE = 0.15  # what a further source must add beyond the chosen ones ...
EXTRA_SOURCE_SENTENCES = 2  # ... and in at least this many sentences
MAX_SOURCES = 4
NEAR_IDENTICAL = 0.8  # share of word trigrams two stories share to be copies of one story

VECTOR_CANDIDATES = 30  # nearest story vectors asked for, per query vector
TERM_CANDIDATES = 30  # full-text hits asked for
QUERY_TERMS = 24  # the copy's rarest terms put to the full-text index ...
RARE_LENGTH = 9  # a lower-case word this long may be rare enough to look up
RARE_SHARE = 0.01  # ... if at most this share of the stories hold them (BM25 over common
# terms cost time in proportion to their postings and add little: the vectors cover topic)
RERANKED = 12  # fused candidates that get the sentence-level re-ranking
RRF_K = 60  # reciprocal rank fusion's damping constant (Cormack et al. 2009)
CHUNK_PARAGRAPHS = 3  # paragraphs per partial query vector
CHUNK_FIRSTS = 4  # re-ranked beyond RERANKED: room for the nearest stories of the parts
FIRST_ROUND = 6  # candidates re-ranked first; the rest only if these leave the copy unsettled
SETTLED = 0.8  # ... by explaining this share of it and leaving less than a further source adds
STORIES_KEPT = 512  # candidate stories whose words are kept between pages (~40 MB)
DATE_SLACK_DAYS = 1  # a story dated this many days after the copy may still be its origin


@dataclass(frozen=True, slots=True)
class Candidate:
    """A story of the corpus, with how much of the copy it explains."""

    key: int
    article: Article
    score: float  # share of the copy's characters in sentences it explains, 0..1
    explained: frozenset[int]  # the copy sentences it explains
    # The same share with each sentence weighted by its pair score: ranks candidates that
    # explain the same sentences (two monthly reports of one template) by how closely.
    evidence: float
    carriers: tuple[Candidate, ...] = ()  # near-identical stories this one stands for

    @property
    def id(self) -> str:
        return self.article.id


@dataclass(frozen=True, slots=True)
class SourceSearch:
    """What the search found: the sources (best first), and every candidate it weighed with a
    note on what became of it."""

    sources: tuple[Candidate, ...]
    candidates: tuple[tuple[Candidate, str], ...]  # re-ranked, best first, with a note
    corpus_size: int
    threshold: float = SOURCE_THRESHOLD
    # With no source named: the best story that fell short of the threshold only (not dated
    # after the copy), for the caller to test for a partial copy (pipeline.check).
    runner_up: Candidate | None = None


def rank(copy: Article, corpus: Corpus, k: int = 10) -> list[Candidate]:
    """The k stories that explain most of the copy, best first (the search without choosing)."""
    return _rerank(copy, _spans(copy), corpus, max(k, RERANKED))[:k]


def find_sources(copy: Article, corpus: Corpus) -> SourceSearch:
    """The copy's sources in `corpus`, best first, with every candidate weighed and why it
    was or was not named (docs/retrieval.md): candidates by rare words and by embeddings,
    re-ranked by the share of the copy they explain, syndicated copies folded into their
    earliest story, and a second source named only for what the first leaves unexplained."""
    spans = _spans(copy)
    ranked = _rerank(copy, spans, corpus, RERANKED)
    lengths = [end - start for start, end, _ in spans]
    total = sum(lengths) or 1
    notes: dict[int, str] = {}
    chosen: list[Candidate] = []
    covered: set[int] = set()
    runner_up: Candidate | None = None
    for c in _origins(ranked):
        for carrier in c.carriers:
            notes[carrier.key] = f"a near-identical copy of {c.id}, the earliest of them"
        extra = c.explained - covered
        if _dated_after(c.article, copy):
            notes[c.key] = (
                f"explains {c.score:.0%} of the copy but is dated {c.article.date[:10]},"
                f" after the copy ({_copy_date(copy)[:10]})"
            )
        elif not chosen and c.score < SOURCE_THRESHOLD:
            notes[c.key] = (
                f"explains {c.score:.0%} of the copy; a source must explain {SOURCE_THRESHOLD:.0%}"
            )
            runner_up = runner_up or c
        elif chosen and (
            len(extra) < EXTRA_SOURCE_SENTENCES
            or sum(lengths[i] for i in extra) / total < EXTRA_SOURCE_SHARE
        ):
            notes[c.key] = "adds too little beyond the sources already found"
        elif len(chosen) < MAX_SOURCES:
            chosen.append(c)
            covered |= c.explained
            notes[c.key] = "source"
    weighed = tuple((c, notes.get(c.key, "")) for c in ranked)
    return SourceSearch(
        tuple(chosen), weighed, len(corpus), runner_up=None if chosen else runner_up
    )


def _dated_after(story: Article, copy: Article) -> bool:
    """Is `story` dated too late to be the origin of `copy`? Pages carry the day where they
    were published and wires the day of their time zone or of their last update: on real pages
    a verbatim reprint of an AP story dated 2022-08-08 met the story dated 2022-08-09. So only
    a story dated more than DATE_SLACK_DAYS after the copy is set aside. A page of a crawl
    with no date of its own was published by the day it was captured."""
    copy_date = _copy_date(copy)
    if not (story.date and copy_date):
        return False
    try:
        gap = date.fromisoformat(story.date[:10]) - date.fromisoformat(copy_date[:10])
    except ValueError:
        return story.date[:10] > copy_date[:10]
    return gap.days > DATE_SLACK_DAYS


def _copy_date(copy: Article) -> str:
    """The day the copy was published, or by which it was: its date, else its capture's."""
    return copy.date or copy.crawled


def not_made_from(
    search: SourceSearch,
    unmade: Sequence[Candidate],
    templates: Sequence[Candidate] = (),
    reworded: Sequence[Candidate] = (),
) -> SourceSearch:
    """The search without the sources that no copy sentence was made from, those whose
    sentences the copy shares only as a template, with other figures in each, and those a
    short copy shares only the facts of, not the wording."""
    notes = {
        c.key: "says what the copy says, but no sentence of the copy was made from it"
        for c in unmade
    }
    notes |= {
        c.key: "says what this short copy says in other words: too little to tell a copy from"
        " another report of the same facts"
        for c in reworded
    }
    notes |= {
        c.key: "words the copy's sentences the same way with other figures in each:"
        " another report of a series, not its source"
        for c in templates
    }
    return replace(
        search,
        sources=tuple(c for c in search.sources if c.key not in notes),
        candidates=tuple((c, notes.get(c.key, n)) for c, n in search.candidates),
    )


def named_partial(search: SourceSearch, candidate: Candidate, parts: str) -> SourceSearch:
    """The search with `candidate` named as the source of part of the copy."""
    note = f"source of part of the copy ({parts}), with evidence it was copied"
    weighed = tuple((c, note if c.key == candidate.key else n) for c, n in search.candidates)
    return replace(search, sources=(candidate,), candidates=weighed, runner_up=None)


# --- candidates ----------------------------------------------------------------------------


def _candidates(copy: Article, spans: list[tuple[int, int, int]], corpus: Corpus) -> list[int]:
    embedder = get_embedder("fast")
    queries = [copy.text, *_chunks(copy.text, spans)]
    vector_lists = corpus.search_vectors(embedder.encode(queries), VECTOR_CANDIDATES)
    term_list = corpus.search_terms(_rare_terms(copy, corpus), TERM_CANDIDATES)
    fused: dict[int, float] = {}
    lists = (*vector_lists, term_list)
    for ranked in lists:
        for position, (key, _score) in enumerate(ranked):
            fused[key] = fused.get(key, 0.0) + 1.0 / (RRF_K + position + 1)
    # Each part's nearest story first: a page that lifts three paragraphs of a story and adds
    # thirty of its own has that story first for one part only, where fusion ranks it low.
    firsts = {ranked[0][0] for ranked in lists if ranked}
    by_fusion = sorted(fused, key=lambda key: -fused[key])
    return [k for k in by_fusion if k in firsts] + [k for k in by_fusion if k not in firsts]


def _chunks(text: str, spans: list[tuple[int, int, int]]) -> list[str]:
    """The copy in runs of CHUNK_PARAGRAPHS paragraphs (none if it is that short)."""
    by_paragraph: dict[int, list[tuple[int, int]]] = {}
    for start, end, paragraph in spans:
        by_paragraph.setdefault(paragraph, []).append((start, end))
    runs = list(by_paragraph.values())
    if len(runs) <= CHUNK_PARAGRAPHS:
        return []
    return [
        text[group[0][0][0] : group[-1][-1][1]]
        for group in (
            runs[at : at + CHUNK_PARAGRAPHS] for at in range(0, len(runs), CHUNK_PARAGRAPHS)
        )
    ]


def _rare_terms(copy: Article, corpus: Corpus) -> list[str]:
    """The copy's QUERY_TERMS rarest terms that the corpus holds, as its index stems them.

    Only words likely to be rare are looked up: capitalised (names), with a digit, or long.
    FTS5 counts a term's stories by walking its whole posting list, so asking about every
    word took 50 ms at 100k stories, most of it on words like "percent" that BM25 would
    not use anyway.
    """
    text = f"{copy.title}\n{copy.text}"
    words = {
        lower
        for start, lower in lower_words_at(text)
        if not lower.isalpha() or len(lower) >= RARE_LENGTH or capitalised_mid_sentence(text, start)
    }
    stems = {_porter(w) for w in words if w not in STOPWORDS and len(w) > 1}
    frequencies = corpus.document_frequencies(sorted(stems))
    most = max(3, RARE_SHARE * len(corpus))
    rare = [term for term, df in frequencies.items() if df <= most]
    return sorted(rare, key=lambda term: (frequencies[term], term))[:QUERY_TERMS]


@lru_cache(maxsize=100_000)
def _porter(word: str) -> str:
    """The term FTS5's porter tokenizer indexes `word` under (it implements Porter's original
    algorithm, not the English snowball stemmer the aligner uses)."""
    return _PORTER.stemWord(word)


_PORTER = snowballstemmer.stemmer("porter")


# --- re-ranking ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Sentences:
    texts: list[str]
    stems: list[AbstractSet[str]]
    lengths: list[int]


def _sentences_of(text: str, spans: Sequence[tuple[int, int, int]]) -> _Sentences:
    texts, stems, lengths = [], [], []
    for start, end, _paragraph in spans:
        texts.append(text[start:end])
        stems.append(content_stems(text[start:end]))
        lengths.append(end - start)
    return _Sentences(texts, stems, lengths)


def _sentences_of_stored(story: StoredArticle) -> _Sentences:
    """A corpus story's sentences as `_sentences_of` reads them: with the stems the corpus
    stored when it was added (reading them afresh was a tenth of a check: a page's dozen
    candidates are mostly stories no page met before), else read and kept for the next page."""
    text, spans = story.article.text, story.sentence_spans
    if story.sentence_stems is None:
        return _sentences_of_story(text, spans)
    return _Sentences(
        [text[start:end] for start, end, _ in spans],
        list(story.sentence_stems),
        [end - start for start, end, _ in spans],
    )


@kept_per_story(STORIES_KEPT)
def _sentences_of_story(text: str, spans: tuple[tuple[int, int, int], ...]) -> _Sentences:
    return _sentences_of(text, spans)


@kept_per_story(STORIES_KEPT)
def _story_trigrams(text: str) -> frozenset[tuple[str, str, str]]:
    return frozenset(word_trigrams(text))


def _spans(copy: Article) -> list[tuple[int, int, int]]:
    return [(s.start, s.end, s.paragraph) for s in sentences(copy.text, paragraphs(copy.text))]


# A pair scores at most w + (1 - w) * dice (cosine <= 1): with less word overlap than this
# with every copy sentence, no cosine lifts a story's sentence to a match, and it is not
# embedded at all (most sentences of most candidates). A hair lower, for float rounding.
DICE_FLOOR = (DEFAULT.match_threshold - DEFAULT.embedding_weight) / (
    1 - DEFAULT.embedding_weight
) - 1e-6


def _rerank(
    copy: Article, spans: list[tuple[int, int, int]], corpus: Corpus, n: int
) -> list[Candidate]:
    copy_sentences = _sentences_of(copy.text, spans)
    keys = _candidates(copy, spans, corpus)[: n + CHUNK_FIRSTS]
    ranked = _judged(copy_sentences, keys[:FIRST_ROUND], corpus)
    if not _settled(copy, ranked, copy_sentences.lengths):
        ranked += _judged(copy_sentences, keys[FIRST_ROUND:], corpus)
    ranked.sort(key=lambda c: -c.evidence)  # stable: equals stay in fusion order
    return ranked


def _settled(copy: Article, ranked: list[Candidate], lengths: list[int]) -> bool:
    """Has the first round found the copy's origin, explaining it so fully that no later
    candidate could be named beside it (it leaves less than a further source must add)?
    Not if that story is dated after the copy (an earlier version may come later), nor if
    a near-identical story stands beside it (syndicated copies: the earliest may come later).
    Most copies are settled by their first candidates; judging the rest was a third of a
    scan's time."""
    best = max(ranked, key=lambda c: c.evidence, default=None)
    if best is None or best.score < SETTLED:
        return False
    if _dated_after(best.article, copy):
        return False
    others = [c for c in ranked if c is not best and c.explained]
    if others:  # a story's trigrams only when there is one to compare it with
        grams = _story_trigrams(best.article.text)
        if any(_near_identical(grams, _story_trigrams(c.article.text)) for c in others):
            return False
    left = [k for k in range(len(lengths)) if k not in best.explained]
    return (
        len(left) < EXTRA_SOURCE_SENTENCES
        or sum(lengths[k] for k in left) / (sum(lengths) or 1) < EXTRA_SOURCE_SHARE
    )


def _judged(copy_sentences: _Sentences, keys: list[int], corpus: Corpus) -> list[Candidate]:
    """The stories with these keys, with the copy sentences each explains (in key order)."""
    stored = corpus.load(keys)
    theirs = [_sentences_of_stored(s) for s in stored]
    dices = [dice_scores(copy_sentences.stems, their.stems) for their in theirs]
    reachable = [np.flatnonzero(dice.max(axis=0, initial=0.0) >= DICE_FLOOR) for dice in dices]
    texts = [their.texts[j] for their, js in zip(theirs, reachable, strict=True) for j in js]
    vectors = get_embedder("fast").encode([*copy_sentences.texts, *texts])
    copy_vectors, at = vectors[: len(copy_sentences.texts)], len(copy_sentences.texts)
    lengths = copy_sentences.lengths
    total = sum(lengths) or 1
    judged = []
    for s, dice, js in zip(stored, dices, reachable, strict=True):
        explained = _explained(dice[:, js], copy_vectors, vectors[at : at + len(js)])
        at += len(js)
        score = sum(lengths[i] for i in explained) / total
        evidence = sum(lengths[i] * pair for i, pair in explained.items()) / total
        judged.append(Candidate(s.key, s.article, score, frozenset(explained), evidence))
    return judged


def _explained(
    dice: np.ndarray, copy_vectors: np.ndarray, source_vectors: np.ndarray
) -> dict[int, float]:
    """The copy sentences whose best pair in the source scores as the aligner's match, with
    that pair's score (of the source sentences given: those a match can reach)."""
    if not dice.size:
        return {}
    cosine = np.clip(copy_vectors @ source_vectors.T, 0.0, 1.0)
    best = pair_score(cosine, dice).max(axis=1)
    return {int(i): float(best[i]) for i in np.flatnonzero(best >= DEFAULT.match_threshold)}


# --- syndicated copies ---------------------------------------------------------------------


def _origins(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per group of near-identical stories, best first: the group's earliest
    story (its best-scoring one among equals), with the others as its carriers. A story that
    explains none of the copy is left alone: a near-identical copy of a source would explain
    what the source does, and reading every candidate's wording was a tenth of a check."""
    # Only a story that explains some of the copy is compared, and only with another such.
    compared = sum(bool(c.explained) for c in candidates) >= 2
    grams = [
        _story_trigrams(c.article.text) if compared and c.explained else None for c in candidates
    ]
    groups: list[list[int]] = []
    for k in range(len(candidates)):
        if grams[k] is None:
            groups.append([k])
            continue
        for group in groups:
            leader = grams[group[0]]
            if leader is not None and _near_identical(leader, grams[k]):
                group.append(k)
                break
        else:
            groups.append([k])
    origins = []
    for group in groups:
        members = [candidates[k] for k in group]
        best = max(members, key=lambda c: c.evidence)
        origin = min(members, key=lambda c: (c.article.date or "9999", -c.evidence))
        carriers = tuple(c for c in members if c is not origin)
        origins.append(
            Candidate(
                origin.key, origin.article, best.score, best.explained, best.evidence, carriers
            )
        )
    return sorted(origins, key=lambda c: -c.evidence)


def _near_identical(a: frozenset[tuple[str, str, str]], b: frozenset[tuple[str, str, str]]) -> bool:
    if not a or not b:
        return False
    return len(a & b) / min(len(a), len(b)) >= NEAR_IDENTICAL
