"""Align a copy with its source(s) sentence by sentence.

Every copy sentence maps to 0..n source sentences (a merge maps to several; a split maps two
copy sentences to one source sentence; order is free, so reordering costs nothing). Sentences
with no counterpart are unsourced (copy side) or omitted (source side).

Similarity mixes two signals that fail in different ways:
- lexical: IDF-weighted overlap of content-word stems. Spinners keep names, numbers and rare
  words, so this is sharp, but synonyms defeat it;
- embedding cosine (all-MiniLM-L6-v2): survives synonyms and voice changes, but scores every
  sentence of the same story fairly high.
The first pass scores every pair with the fast static model (model2vec distilled from MiniLM:
~5 ms for two 800-word articles); the few copy sentences it leaves unsourced get a second
opinion from MiniLM itself (ONNX int8, ~3 ms a sentence) against their best candidates. The two
models' scores live on different scales, so each pass has its own thresholds, set by measurement
on labelled spun copies (docs/alignment.md).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Protocol, TypeVar

import numpy as np
from scipy import sparse

from unspin.model import Alignment, Doc, SentenceMatch, SourceRef, SpanIndex
from unspin.text import STOPWORDS, Token, word_matcher


class Encoder(Protocol):
    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


@dataclass(frozen=True, slots=True)
class AlignConfig:
    embedding_weight: float = 0.5  # share of the embedding cosine in the combined score
    match_threshold: float = 0.55  # combined score a copy sentence needs to count as sourced
    # Without an embedding model the score is word overlap alone, which runs lower:
    lexical_threshold: float = 0.45  # ... in place of match_threshold
    lexical_second_chance: float = 0.3  # ... in place of mutual_threshold and context_threshold
    merge_threshold: float = 0.35  # combined score a second source sentence needs to join a merge
    merge_gain: float = 0.15  # share of the copy sentence's words the extra sentence must add
    merge_distance: int = 2  # merged source sentences lie this close to the best one
    mutual_threshold: float = 0.4  # a weaker score suffices when both sentences prefer each other
    context_threshold: float = 0.4  # ... or when the neighbours are aligned in the same order
    # The second opinion (the accurate model) on a copy sentence still unsourced:
    second_candidates: int = 5  # source sentences it re-scores, the best of the first pass
    second_threshold: float = 0.45  # combined score it needs (the accurate model's scale)
    second_chance: float = 0.3  # ... or this, with mutual preference or neighbours in order
    # ... or its cosine alone, for a sentence that says what a source sentence says in other
    # words ("Bragg described the killing as calculated" for Bragg's quoted "well-planned,
    # targeted murder"): same_fact, not unsourced (on real pages, 13 labelled clean
    # sentences reach it against 4 added ones; docs/alignment.md)
    same_fact_cosine: float = 0.65
    fragment_words: int = 4  # a sentence this short ("Reznikov said.") may join its neighbour
    verbatim_ratio: float = 0.9  # word-sequence similarity above which a match is verbatim
    max_merge: int = 3
    # Evidence that a matched sentence was made from its source sentence, not written apart
    # about the same fact (docs/alignment.md, "Derivation"):
    derived_order: float = 0.35  # share of its content words found in the same order ...
    derived_sequence: float = 0.2  # ... and share in runs the two whole texts share in order
    derived_alone: float = 0.6  # an ordered share that is evidence by itself
    derived_gap: int = 3  # other evidence needs a derived neighbour this near (matched sentences)
    derived_min_sentences: int = 3  # a shorter copy (a claim) is taken as made from its source
    derived_between: float = 0.2  # ordered share of a loose rewrite between derived neighbours
    derived_step: int = 2  # ... each this close in both texts
    # A sentence that is a quotation both texts give ("“...,” he said.") shows that both quote
    # one statement, not that one copied the other: made from the source only on a page with
    # this many other sentences derived (by their words, or between derived neighbours), or
    # all of those it matched (a short page) (docs/alignment.md, "Shared quotations").
    quote_support: int = 2


DEFAULT = AlignConfig()


@dataclass(frozen=True, slots=True)
class _Sentences:
    texts: list[str]
    words: list[list[str]]  # lowercased words, for the verbatim test
    stems: list[set[str]]  # content stems, for the lexical score


def _sentences(doc: Doc) -> _Sentences:
    texts, words, stems = [], [], []
    for sentence in doc.sentences:
        toks = doc.tokens(sentence.start, sentence.end)
        texts.append(doc.span_text(sentence))
        words.append([t.lower for t in toks])
        stems.append(_content_stems(doc, sentence.start, sentence.end, toks))
    return _Sentences(texts, words, stems)


def _content_stems(doc: Doc, start: int, end: int, toks: Sequence[Token]) -> set[str]:
    """A sentence's content stems, with a clock time one stem of its value: house styles write
    one time apart ("7am", "7:00 a.m.", British "7.00am"), and on real pages a sentence split
    off a longer one fell short of its match by that."""
    clocks = [x for x in doc.within(doc.times, start, end) if x.is_clock]
    stems = {f"time:{x.value}" for x in clocks}
    at = iter(clocks)
    clock = next(at, None)
    for t in toks:
        while clock is not None and clock.end <= t.start:
            clock = next(at, None)
        if t.lower not in STOPWORDS and not (clock is not None and clock.start <= t.start):
            stems.add(t.stem)
    return stems


def _vocabulary(sets: Sequence[AbstractSet[str]]) -> dict[str, int]:
    """Each stem of the sentences -> its column, in sorted order. Not in the order the sets
    give them: a set of strings iterates in an order that changes from one process to the
    next (Python randomises string hashes), float32 sums follow the columns' order, and the
    same page then scored a hair differently in two runs, enough to reorder tied stories."""
    return {s: k for k, s in enumerate(sorted({s for stems in sets for s in stems}))}


def _weighted_sets(
    sets: Sequence[AbstractSet[str]], vocabulary: dict[str, int], idf: np.ndarray
) -> sparse.csr_matrix:
    """Sentences x vocabulary, each stem weighted by its idf: sparse, since a long text's
    vocabulary times its sentences would not fit in memory as a dense matrix (its columns in
    order in each row, so that products sum in the same order in every process)."""
    rows = [row for row, stems in enumerate(sets) for _ in stems]
    columns = [vocabulary[s] for stems in sets for s in stems]
    values = idf[columns] if columns else np.zeros(0, dtype=np.float32)
    shape = (len(sets), len(vocabulary))
    matrix = sparse.csr_matrix((values, (rows, columns)), shape=shape, dtype=np.float32)
    matrix.sort_indices()
    return matrix


def _small_dice(copy: Sequence[AbstractSet[str]], source: Sequence[AbstractSet[str]]) -> np.ndarray:
    """`_Lexical.of(copy, source).all()` for texts of a few dozen sentences, from one dense
    matrix filled in one step: source finding scores a dozen stories per page, and building
    scipy's sparse matrices (or filling rows one by one) cost more than the arithmetic."""
    vocabulary = _vocabulary((*copy, *source))
    rows: list[int] = []
    columns: list[int] = []
    for row, stems in enumerate((*copy, *source)):
        columns.extend(vocabulary[s] for s in stems)
        rows.extend([row] * len(stems))
    both = np.zeros((len(copy) + len(source), len(vocabulary)), dtype=np.float32)
    both[rows, columns] = 1.0
    frequency = np.bincount(columns, minlength=len(vocabulary)).astype(np.float32)
    idf = np.log((len(copy) + len(source) + 1) / (frequency + 0.5)).astype(np.float32)
    both *= idf
    squares = (both * both).sum(1)
    a, b = both[: len(copy)], both[len(copy) :]
    a_sq, b_sq = squares[: len(copy)], squares[len(copy) :]
    return 2 * (a @ b.T) / np.maximum(a_sq[:, None] + b_sq[None, :], 1e-9)


BLOCK = 1024  # copy sentences scored at a time, to bound the memory a long text needs


@dataclass(frozen=True)
class _Lexical:
    """IDF-weighted Dice overlap of copy/source sentence pairs, computed a block of copy
    sentences at a time from sparse sentence x word matrices (a row is the same however it
    is computed), and each stem's weight (idf², since the overlap of two idf-weighted
    indicator vectors sums idf² over shared stems)."""

    a: sparse.csr_matrix
    b_t: sparse.csc_matrix
    a_sq: np.ndarray
    b_sq: np.ndarray
    weight: dict[str, float]

    @classmethod
    def of(cls, copy: Sequence[AbstractSet[str]], source: Sequence[AbstractSet[str]]) -> _Lexical:
        vocabulary = _vocabulary((*copy, *source))
        document_frequency = [0] * len(vocabulary)
        for stems in (*copy, *source):
            for s in stems:
                document_frequency[vocabulary[s]] += 1
        n = len(copy) + len(source)
        idf = np.log((n + 1) / (np.asarray(document_frequency, dtype=np.float32) + 0.5))
        a, b = _weighted_sets(copy, vocabulary, idf), _weighted_sets(source, vocabulary, idf)
        a_sq = np.asarray(a.multiply(a).sum(1), dtype=np.float32).ravel()
        b_sq = np.asarray(b.multiply(b).sum(1), dtype=np.float32).ravel()
        weight = {s: float(idf[k]) ** 2 for s, k in vocabulary.items()}
        return cls(a, b.T.tocsc(), a_sq, b_sq, weight)

    def rows(self, rows: slice) -> np.ndarray:
        overlap = (self.a[rows] @ self.b_t).toarray()
        return 2 * overlap / np.maximum(self.a_sq[rows, None] + self.b_sq[None, :], 1e-9)

    def all(self) -> np.ndarray:
        dice = np.empty((self.a.shape[0], self.b_t.shape[1]), dtype=np.float32)
        for at in range(0, dice.shape[0], BLOCK):
            dice[at : at + BLOCK] = self.rows(slice(at, at + BLOCK))
        return dice


SMALL = 200_000  # sentences x distinct stems up to which dense matrices are the faster way


def dice_scores(copy: Sequence[AbstractSet[str]], source: Sequence[AbstractSet[str]]) -> np.ndarray:
    """IDF-weighted Dice overlap of every copy/source sentence pair (of their content stems)."""
    stems = len(set().union(*copy, *source))
    if (len(copy) + len(source)) * stems <= SMALL:
        return _small_dice(copy, source)
    return _Lexical.of(copy, source).all()


PairScore = TypeVar("PairScore", float, np.ndarray)


def pair_score(cosine: PairScore, dice: PairScore, config: AlignConfig = DEFAULT) -> PairScore:
    """The score of a sentence pair (or arrays of them): the embedding cosine and the words'
    Dice overlap, mixed by `config.embedding_weight`. Source finding (find.py) names a story
    a source with this same score, so that what it counts as explained the aligner matches."""
    w = config.embedding_weight
    return w * cosine + (1 - w) * dice


def _scores(
    encoder: Encoder | None,
    copy: list[str],
    source: list[str],
    lexical: _Lexical,
    config: AlignConfig,
) -> np.ndarray:
    """`pair_score` of every pair (dice alone without an encoder), in one matrix built a
    block of rows at a time: a long text's pairs fill memory fast."""
    score = lexical.all()
    if encoder is None or not copy or not source:
        return score
    vectors = encoder.encode([*copy, *source])
    ours, theirs = vectors[: len(copy)], vectors[len(copy) :]
    for at in range(0, len(copy), BLOCK):
        rows = slice(at, at + BLOCK)
        cosine = np.clip(ours[rows] @ theirs.T, 0.0, 1.0)
        score[rows] = pair_score(cosine, score[rows], config)
    return score


def align(
    copy: Doc,
    sources: Sequence[Doc],
    encoder: Encoder | None = None,
    config: AlignConfig = DEFAULT,
    second_opinion: Encoder | None = None,
) -> Alignment:
    """What each copy sentence was made from: one `SentenceMatch` per copy sentence (labelled
    verbatim, paraphrase, same_fact or unsourced, with its source sentences: several for a
    merge, any order), and the source sentences nothing was made from. `encoder` embeds the
    sentences (None: word overlap alone); `second_opinion` re-scores the sentences left
    unsourced (docs/alignment.md)."""
    copy_sentences = _sentences(copy)
    refs: list[SourceRef] = []
    source_sentences = _Sentences([], [], [])
    for index, doc in enumerate(sources):
        sentences = _sentences(doc)
        refs += [SourceRef(index, j) for j in range(len(doc.sentences))]
        source_sentences.texts.extend(sentences.texts)
        source_sentences.words.extend(sentences.words)
        source_sentences.stems.extend(sentences.stems)

    if not refs or not copy_sentences.texts:
        matches = [SentenceMatch(i, "unsourced") for i in range(len(copy.sentences))]
        return Alignment(tuple(matches), tuple(refs))

    lexical = _Lexical.of(copy_sentences.stems, source_sentences.stems)
    score = _scores(encoder, copy_sentences.texts, source_sentences.texts, lexical, config)
    if encoder is None:  # word overlap alone runs lower than the mixed score
        config = replace(
            config,
            match_threshold=config.lexical_threshold,
            mutual_threshold=config.lexical_second_chance,
            context_threshold=config.lexical_second_chance,
        )
    matcher = _Matcher(copy_sentences, source_sentences, refs, lexical.weight, config)
    matches = [matcher.match(i, score[i]) for i in range(len(copy_sentences.texts))]
    best_copy_for = np.argmax(score, axis=0)  # each source sentence's best copy sentence
    matches = _second_pass(matches, score, best_copy_for, matcher)
    if second_opinion is not None:
        matches = _second_opinion(matches, score, best_copy_for, lexical, matcher, second_opinion)
    matches = derivation(copy, sources, matches, config)
    used = {ref for m in matches for ref in m.sources}
    omitted = tuple(ref for ref in refs if ref not in used)
    return Alignment(tuple(matches), omitted)


@dataclass(frozen=True, slots=True)
class _Matcher:
    copy: _Sentences
    source: _Sentences
    refs: list[SourceRef]
    weight: dict[str, float]
    config: AlignConfig

    def match(self, i: int, score: np.ndarray, best: int | None = None) -> SentenceMatch:
        if best is None:
            best = self.best(i, score)
            if score[best] < self.config.match_threshold:
                return SentenceMatch(i, "unsourced", similarity=round(float(score[best]), 4))
        chosen = [best, *self._merged(i, best, score)]
        chosen.sort()
        words = [w for j in chosen for w in self.source.words[j]]
        verbatim = _in_order_share(self.copy.words[i], words) >= self.config.verbatim_ratio
        return SentenceMatch(
            i,
            "verbatim" if verbatim else "paraphrase",
            tuple(self.refs[j] for j in chosen),
            similarity=round(float(score[best]), 4),
        )

    def best(self, i: int, score: np.ndarray) -> int:
        """The best-scoring source sentence; among equals (a sentence the source repeats), the
        one nearest the copy sentence's relative position, so repeats pair up in order."""
        ties = np.flatnonzero(score >= score.max() - 1e-6)
        if len(ties) == 1:
            return int(ties[0])
        expected = i * len(self.refs) / max(len(self.copy.texts), 1)
        return int(ties[np.argmin(np.abs(ties - expected))])  # in numpy: a page of one repeated
        # sentence ties every pair, and a Python loop over them cost the square of its length

    def _merged(self, i: int, best: int, score: np.ndarray) -> list[int]:
        """Further source sentences a merged copy sentence draws on: each must explain a real
        share of the copy sentence's words that the ones already chosen do not."""
        copy_stems = self.copy.stems[i]
        total = sum(self.weight[s] for s in copy_stems) or 1.0
        explained = copy_stems & self.source.stems[best]
        extra: list[int] = []
        # Only sentences near the best one may join it: the refs of one source lie in order.
        d = self.config.merge_distance
        near = [
            j
            for j in range(max(0, best - d), min(len(self.refs), best + d + 1))
            if j != best and self.refs[j].source == self.refs[best].source
        ]
        for j in sorted(near, key=lambda j: -score[j]):
            if len(extra) + 1 >= self.config.max_merge or score[j] < self.config.merge_threshold:
                break
            new = (copy_stems & self.source.stems[j]) - explained
            if sum(self.weight[s] for s in new) / total >= self.config.merge_gain:
                extra.append(j)
                explained |= new
        return extra


def _second_pass(
    matches: list[SentenceMatch], score: np.ndarray, best_copy_for: np.ndarray, matcher: _Matcher
) -> list[SentenceMatch]:
    """Give a heavily reworded sentence a second chance where other evidence backs a weaker
    score: it and a source sentence prefer each other, its neighbours are aligned in the same
    order, or it is a short fragment of its neighbour's source sentence (a split)."""
    config = matcher.config
    out = list(matches)
    for i, match in enumerate(matches):
        if match.label != "unsourced":
            continue
        j = matcher.best(i, score[i])
        mutual = best_copy_for[j] == i and score[i, j] >= config.mutual_threshold
        in_order = score[i, j] >= config.context_threshold and _neighbours_agree(out, i, j, matcher)
        if mutual or in_order:
            out[i] = matcher.match(i, score[i], best=j)
            continue
        fragment = _fragment_of_neighbour(out, i, matcher)
        if fragment is not None:
            out[i] = matcher.match(i, score[i], best=fragment)
    return out


def _second_opinion(
    matches: list[SentenceMatch],
    score: np.ndarray,
    best_copy_for: np.ndarray,
    lexical: _Lexical,
    matcher: _Matcher,
    encoder: Encoder,
) -> list[SentenceMatch]:
    """Re-score each copy sentence the first pass left unsourced against its best candidates
    with the accurate model, and match it when that score, or its neighbours' order, allows."""
    config = matcher.config
    pending = [i for i, m in enumerate(matches) if m.label == "unsourced"]
    if not pending:
        return matches
    candidates = {i: list(np.argsort(-score[i])[: config.second_candidates]) for i in pending}
    needed = sorted({int(j) for js in candidates.values() for j in js})
    vectors = encoder.encode(
        [matcher.copy.texts[i] for i in pending] + [matcher.source.texts[j] for j in needed]
    )
    copy_vectors = dict(zip(pending, vectors[: len(pending)], strict=True))
    source_vectors = dict(zip(needed, vectors[len(pending) :], strict=True))
    out = list(matches)
    for i in pending:
        dice = lexical.rows(slice(i, i + 1))[0]
        rescored = np.full(score.shape[1], -1.0)
        cosines = np.full(score.shape[1], -1.0)
        for j in candidates[i]:
            cosines[j] = max(0.0, float(copy_vectors[i] @ source_vectors[int(j)]))
            rescored[j] = pair_score(cosines[j], dice[j], config)
        j = int(np.argmax(rescored))
        backed = best_copy_for[j] == i or _neighbours_agree(out, i, j, matcher)
        if rescored[j] >= config.second_threshold or (
            rescored[j] >= config.second_chance and backed
        ):
            match = matcher.match(i, score[i], best=j)
            out[i] = replace(match, similarity=round(float(rescored[j]), 4))
        elif cosines.max() >= config.same_fact_cosine:
            j = int(np.argmax(cosines))
            out[i] = SentenceMatch(
                i, "same_fact", (matcher.refs[j],), similarity=round(float(rescored[j]), 4)
            )
    return out


def _position(matcher: _Matcher, j: int) -> tuple[int, int]:
    ref = matcher.refs[j]
    return (ref.source, ref.sentence)


def _neighbours_agree(matches: list[SentenceMatch], i: int, j: int, matcher: _Matcher) -> bool:
    """Does a neighbour of copy sentence i come from near source sentence j, on the same side:
    the sentence before from j or up to two before it, the sentence after from j or up to two
    after it (the copy tells the source's run of facts in its order)?"""
    source, sentence = _position(matcher, j)
    for step in (-1, 1):
        k = i + step
        if 0 <= k < len(matches) and matches[k].sources:
            ref = matches[k].sources[-1 if step < 0 else 0]  # the end nearest sentence i
            if ref.source == source and 0 <= (ref.sentence - sentence) * step <= 2:
                return True
    return False


def _fragment_of_neighbour(matches: list[SentenceMatch], i: int, matcher: _Matcher) -> int | None:
    stems = matcher.copy.stems[i]
    if not stems or len(stems) > matcher.config.fragment_words:
        return None
    for k in (i - 1, i + 1):
        if 0 <= k < len(matches):
            for ref in matches[k].sources:
                j = matcher.refs.index(ref)
                if stems <= matcher.source.stems[j]:
                    return j
    return None


def _in_order_share(copy_words: list[str], source_words: list[str]) -> float:
    """Share of the copy sentence's words (or stems) that appear, in order, in the source's
    (per sentence; the page's copied wording is summary.copied_share)."""
    if not copy_words:
        return 0.0
    if copy_words == source_words:  # a sentence reprinted as it was: most of a reprint
        return 1.0
    matcher = word_matcher(copy_words, source_words)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(copy_words)


# --- derivation: copied, or only the same fact? ----------------------------------------------


def derivation(
    copy: Doc, sources: Sequence[Doc], matches: list[SentenceMatch], config: AlignConfig = DEFAULT
) -> list[SentenceMatch]:
    """Keep "paraphrase" for matches with evidence that the copy sentence was made from its
    source sentence; call the rest "same_fact": two outlets reporting one fact share names,
    numbers and key words, but not the order of their words across sentences.

    The evidence, measured on content words outside quotation marks (outlets quote the same
    statements; unless the source sentence quotes nothing): the share of the copy sentence's
    words found in the same order in its source sentences (`derived_order`), and the share
    lying in runs of two or more words that the two whole texts share in the same order
    (`derived_sequence`: the sequence of facts across neighbouring sentences). Both, with a
    derived neighbour within `derived_gap` sentences made from a source (the page's own
    sentences between do not count); or an ordered share of `derived_alone` by itself.
    Verbatim matches are evidence enough, but for a quotation both texts give (a sentence of
    fewer than three words of its own outside it): that counts only on a page with
    `quote_support` sentences derived otherwise, or all of them (docs/alignment.md)."""
    if len(copy.sentences) < config.derived_min_sentences:
        return matches  # a claim or a snippet has no sequence to judge: taken as made from it
    words = [_content(copy, s.start, s.end) for s in copy.sentences]
    in_sequence = _in_sequence(copy, sources)
    source_quotes = [SpanIndex(doc.quotes) for doc in sources]
    copy_quotes = SpanIndex(copy.quotes)

    def quotes_nothing(m: SentenceMatch) -> bool:
        return not any(source_quotes[r.source].overlapping(*_span(sources, r)) for r in m.sources)

    # Sentences that are a quotation the source gives too, with fewer than three words of
    # their own outside it.
    quoted_both = {
        m.copy_sentence
        for m in matches
        if m.label in ("verbatim", "paraphrase")
        and len(words[m.copy_sentence]) < 3
        and copy_quotes.overlapping(*_span_of(copy, m.copy_sentence))
        and not quotes_nothing(m)
    }
    evidence: dict[int, float] = {}
    orders: dict[int, float] = {}
    for m in matches:
        if m.label != "paraphrase":
            continue
        # A sentence that is mostly a quotation is judged on all its words, on both sides; so
        # is one whose source sentences quote nothing: words the copy put in quote marks that
        # its source wrote as its own are the source's wording, not a statement both quote.
        quoted = len(words[m.copy_sentence]) < 3 or quotes_nothing(m)
        content = _all_content if quoted else _content
        ours = content(copy, *_span_of(copy, m.copy_sentence))
        theirs = [w for r in m.sources for w in content(sources[r.source], *_span(sources, r))]
        order = _in_order_share([t.stem for t in ours], [t.stem for t in theirs])
        orders[m.copy_sentence] = order
        sequence = sum(t.start in in_sequence[m.sources[0].source] for t in ours) / max(
            len(ours), 1
        )
        if order >= config.derived_alone or (
            order >= config.derived_order and sequence >= config.derived_sequence
        ):
            evidence[m.copy_sentence] = order
    verbatim = {m.copy_sentence for m in matches if m.label == "verbatim"}
    # The shared quotations given word for word, or nearly: evidence only with support.
    quoted_alike = {
        i for i in quoted_both if i in verbatim or evidence.get(i, 0.0) >= config.derived_alone
    }
    verbatim -= quoted_both
    for i in quoted_both:
        evidence.pop(i, None)
    # Sentences apart are counted among those made from a source: a page's own sentences
    # between two copied ones do not break the run it copied.
    made = [m.copy_sentence for m in matches if m.label != "unsourced"]
    rank = {i: k for k, i in enumerate(made)}
    derived = verbatim | {
        i
        for i, order in evidence.items()
        if order >= config.derived_alone
        or any(0 < abs(rank[i] - rank[j]) <= config.derived_gap for j in evidence.keys() | verbatim)
    }
    derived |= _between(matches, derived, orders, config)
    # Two outlets quote one statement alike; a page that copied its source's account as
    # well copied the quotations with it: enough of it, or all of it that a short page has.
    told = {
        m.copy_sentence
        for m in matches
        if m.label in ("verbatim", "paraphrase") and m.copy_sentence not in quoted_both
    }
    if len(derived) >= config.quote_support or (derived and told <= derived):
        derived |= quoted_alike
    return [
        replace(m, label="same_fact")
        if m.label in ("paraphrase", "verbatim") and m.copy_sentence not in derived
        else m
        for m in matches
    ]


def _between(
    matches: list[SentenceMatch], derived: set[int], orders: dict[int, float], config: AlignConfig
) -> set[int]:
    """Rewrites too loose to show by their words, made from the source sentences that fall
    between those of their derived neighbours: the copy follows the source's run of facts
    ("Diplomatic efforts have been fruitless" between the two sentences around AP's "Several
    rounds of high stakes diplomacy have failed"). Each needs some words in order
    (`derived_between`), and on each side a derived neighbour within `derived_step` sentences
    in both texts continuing it in order, or no sentence made from a source on that side.

    Such rewrites in a row, each made from a later source sentence than the one before (at
    most `derived_step` later), count together when a derived neighbour closes the run on
    both sides: a statement of four sentences, each reworded, told between two sentences the
    page plainly took, where the source tells it. A run at the page's edge does not count:
    an outlet's own account before or after what it copied follows the event's order too."""
    by_sentence = {m.copy_sentence: m for m in matches}
    made = [m.copy_sentence for m in matches if m.label != "unsourced" and m.sources]
    first, last = (min(made), max(made)) if made else (0, -1)
    runs: list[list[int]] = []
    for i in sorted(orders):
        if i in derived or orders[i] < config.derived_between:
            continue
        if runs and runs[-1][-1] == i - 1 and _continues(by_sentence, runs[-1][-1], i, config):
            runs[-1].append(i)
        else:
            runs.append([i])
    found: set[int] = set()
    for run in runs:
        sides = [
            _side(run[0], -1, by_sentence, derived, first, last, config),
            _side(run[-1], 1, by_sentence, derived, first, last, config),
        ]
        if sides == ["follows", "follows"] or (
            len(run) == 1 and "apart" not in sides and "follows" in sides
        ):
            found.update(run)
    return found


def _continues(by_sentence: dict[int, SentenceMatch], i: int, j: int, config: AlignConfig) -> bool:
    """Is copy sentence j made from a source sentence after i's, at most `derived_step` on?"""
    a, b = by_sentence[i].sources[0], by_sentence[j].sources[0]
    return a.source == b.source and 0 < b.sentence - a.sentence <= config.derived_step


def _side(
    i: int,
    step: int,
    by_sentence: dict[int, SentenceMatch],
    derived: set[int],
    first: int,
    last: int,
    config: AlignConfig,
) -> str:
    """ "follows": the nearest derived sentence on that side continues i's source in order;
    "edge": nothing made from a source lies on that side (`first` and `last` are the first
    and last sentences made from one); "apart" otherwise."""
    ref = by_sentence[i].sources[0]
    for k in range(1, config.derived_step + 1):
        j = i + step * k
        if j in derived:
            theirs = by_sentence[j].sources[0]
            gap = (theirs.sentence - ref.sentence) * step
            same = theirs.source == ref.source and 0 <= gap <= config.derived_step
            return "follows" if same else "apart"
    made = first < i if step < 0 else last > i
    return "apart" if made else "edge"


def _span(sources: Sequence[Doc], ref: SourceRef) -> tuple[int, int]:
    s = sources[ref.source].sentences[ref.sentence]
    return s.start, s.end


def _content(doc: Doc, start: int, end: int) -> list[Token]:
    """Content words of doc.text[start:end] outside quotation marks."""
    quoted = SpanIndex(doc.within(doc.quotes, start, end))
    return [
        t for t in doc.tokens(start, end) if t.lower not in STOPWORDS and not quoted.inside(t.start)
    ]


def _all_content(doc: Doc, start: int, end: int) -> list[Token]:
    """Content words of doc.text[start:end], quoted or not."""
    return [t for t in doc.tokens(start, end) if t.lower not in STOPWORDS]


def _span_of(doc: Doc, i: int) -> tuple[int, int]:
    return doc.sentences[i].start, doc.sentences[i].end


MAX_PLACES = 8  # places in the source a shared word pair is looked for (a common pair: 8)


def _in_sequence(copy: Doc, sources: Sequence[Doc]) -> list[set[int]]:
    """For each source, the start offsets of the copy's content words in the longest chain of
    word pairs (two content words in a row) that the two texts share in the same order.

    The chain is a longest increasing subsequence over the places each of the copy's pairs
    stands in the source, found in O(n log n) (patience sorting), so whole articles are
    compared in near-linear time; difflib over the two texts would be quadratic."""
    ours = _content(copy, 0, len(copy.text))
    stems = [t.stem for t in ours]
    out = []
    for doc in sources:
        theirs = [t.stem for t in _content(doc, 0, len(doc.text))]
        places: dict[tuple[str, str], list[int]] = {}
        for j, pair in enumerate(pairwise(theirs)):
            places.setdefault(pair, []).append(j)
        # (copy place, source place), source places falling within one copy place, so that
        # a chain takes at most one source place for each copy place.
        candidates = [
            (i, j)
            for i, pair in enumerate(pairwise(stems))
            for j in reversed(places.get(pair, [])[:MAX_PLACES])
        ]
        chain = _longest_increasing(candidates)
        out.append({ours[k].start for i in chain for k in (i, i + 1)})
    return out


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[int]:
    """The copy places of a longest chain of (copy place, source place) pairs increasing in
    both (pairs come sorted by copy place)."""
    tails: list[int] = []  # smallest source place ending a chain of each length
    ends: list[int] = []  # index in pairs of that chain's last pair
    back = [-1] * len(pairs)
    for k, (_i, j) in enumerate(pairs):
        n = bisect_left(tails, j)
        if n == len(tails):
            tails.append(j)
            ends.append(k)
        else:
            tails[n], ends[n] = j, k
        back[k] = ends[n - 1] if n else -1
    chain = []
    k = ends[-1] if ends else -1
    while k >= 0:
        chain.append(pairs[k][0])
        k = back[k]
    return chain[::-1]
