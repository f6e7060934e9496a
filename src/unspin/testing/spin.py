"""Make labelled spun copies of a news article, the way a content farm's article spinner does.

`spin` rewrites an article with meaning-preserving edits (clumsy thesaurus synonyms, clauses
moved, sentences split and merged, a clickbait title) at a chosen intensity, and injects a
chosen number of meaning-changing distortions, each recorded with its exact spans in the copy
and the source. Omitted source sentences and unrelated sentences from other stories are also
labelled. The result is a gold case for scoring `unspin`: its alignment and its findings.

Everything is drawn from `random.Random(seed)`, so the same article, seed and intensity always
give the same case, byte for byte.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from unspin.model import Article, Doc, Label, Sentence
from unspin.segmentation import segment
from unspin.testing import thesaurus
from unspin.testing.distort import (
    AUX,
    CITIES,
    COUNTRIES,
    DISTORTIONS,
    Context,
    attributions,
    entity_names,
    people,
    speaker_names,
)
from unspin.testing.edit import (
    QUOTE_MARKS,
    Sent,
    Span,
    Tok,
    capitalize,
    decapitalize,
    fix_article,
    new_toks,
    render,
    tokenize,
)

Intensity = Literal["light", "medium", "heavy"]
# The finding types the spinner labels: its distortions, and the sentences it adds or drops.
SPUN_TYPES = (*DISTORTIONS, "unsourced_sentence", "omitted_sentence")


@dataclass(frozen=True, slots=True)
class Rates:
    """How hard the spinner works. Shares are per eligible word, sentence or pair."""

    synonym: float  # words with a thesaurus entry that get swapped
    reorder: float  # sentences with a movable clause that get it moved
    split: float  # sentences with a "; " / ", and " / ", but " that get split there
    merge: float  # adjacent short sentence pairs that get joined
    omit: float  # source sentences dropped (each labelled omitted_sentence)
    omit_paragraph: float  # chance a whole paragraph is dropped (articles of 4+ paragraphs)
    filler: int  # sentences from other stories added (each labelled unsourced_sentence)
    distortions: float  # default number of distortions per source sentence


RATES: dict[str, Rates] = {
    "light": Rates(0.25, 0.15, 0.05, 0.0, 0.0, 0.0, 0, 0.05),
    "medium": Rates(0.5, 0.3, 0.15, 0.1, 0.04, 0.0, 1, 0.1),
    "heavy": Rates(0.8, 0.5, 0.3, 0.2, 0.06, 0.5, 2, 0.2),
}
CLICKBAIT = (
    "{}. Latest News!",
    "{} – You Won't Believe What Happened Next",
    "BREAKING: {}",
    "{} (Must Read)",
    "{}: Here's What We Know",
    "{} | Top Stories Today",
    "Shocking: {}",
)
_SMALL_WORDS = frozenset("a an the on for in of to at by and or as vs its is".split())
_TRAILING_SUBORDINATORS = frozenset("because although though while unless after before".split())
_SUBORDINATORS = frozenset(
    "when while although though after before since because if as despite even once unless".split()
)


@dataclass(frozen=True, slots=True)
class GoldPair:
    """One copy sentence and the source sentences it was made from."""

    copy_span: Span
    source_spans: tuple[Span, ...]  # () for an added sentence; several for a merge
    label: Label


@dataclass(frozen=True, slots=True)
class GoldFinding:
    type: str  # one of SPUN_TYPES
    copy_span: Span | None  # None only for omitted_sentence
    source_span: Span | None  # None only for unsourced_sentence
    note: str


@dataclass(frozen=True, slots=True)
class SpunCase:
    copy: Article
    source: Article
    alignment: tuple[GoldPair, ...]  # in copy order
    findings: tuple[GoldFinding, ...]  # in copy order, then omissions in source order
    seed: int
    intensity: Intensity


def spin(
    article: Article,
    *,
    seed: int,
    intensity: Intensity,
    distortions: int | None = None,
    filler: Sequence[str] = (),
) -> SpunCase:
    """A spun copy of `article` with gold labels.

    distortions: how many meaning-changing edits to inject (one per sentence, as many as the
    article offers up to this number); None takes the intensity's default. 0 makes a
    "faithful paraphrase": no distortion, omission or added sentence, so no gold finding.
    filler: texts of other stories to draw unrelated sentences from.
    """
    rates, rng, text = RATES[intensity], random.Random(seed), article.text
    sents = [
        Sent(toks, [(s.start, s.end)], s.paragraph)
        for s, toks in zip(*_tokenized(segment(article)), strict=True)
    ]
    ctx = _context(sents, filler)
    names = {t.text for s in sents for t in s.toks[1:] if t.text[:1].isupper()}
    faithful = distortions == 0
    omitted = [] if faithful else _omit(sents, rates, rng)
    wanted = distortions if distortions is not None else round(rates.distortions * len(sents))
    _distort(sents, max(wanted, 0 if faithful else 1), ctx, rng)
    sents = _restructure(sents, rates, rng, names, ctx.people)
    for s in sents:
        _synonyms(s.toks, rates.synonym, rng)
    if not faithful:
        _add_filler(sents, filler, rates.filler, rng)
    copy_text, pairs, findings = _render(sents, text)
    findings += [GoldFinding("omitted_sentence", None, s.sources[0], "dropped") for s in omitted]
    copy = Article(
        text=copy_text,
        title=_title(article.title or " ".join(text.split()[:10]), rates.synonym, rng),
        date=article.date,
    )
    return SpunCase(copy, article, tuple(pairs), tuple(findings), seed, intensity)


def _context(sents: list[Sent], filler: Sequence[str]) -> Context:
    """Names to swap in: the article's own first, then other stories', then the gazetteer."""
    other = [toks for story in filler for toks in _tokenized(segment(Article(story)))[1]]
    article = [s.toks for s in sents]
    ctx = Context(thesaurus.load(), people(article))
    for tier, token_lists in ((0, article), (1, other)):
        known = ctx.people if tier == 0 else people(token_lists)
        ctx.add("person", sorted(n for n in known if " " in n), tier)
        for toks in token_lists:
            for kind, name in speaker_names(toks, known):
                if kind != "person":
                    ctx.add(kind, [name], tier)
            for _, _, kind, name in entity_names(toks, known):
                if kind != "person":
                    ctx.add(kind, [name], tier)
    ctx.add("country", COUNTRIES, 2)
    ctx.add("city", CITIES, 2)
    return ctx


def _tokenized(doc: Doc) -> tuple[tuple[Sentence, ...], list[list[Tok]]]:
    """The sentences of `doc` and their tokens, those inside quotations (marks included)
    flagged. The gold labels use `unspin.segment`'s sentence boundaries, as the tool does."""
    regions = [(q.start - 1, q.end + 1 if q.closed else q.end) for q in doc.quotes]
    toks = [tokenize(doc.text, s.start, s.end, regions) for s in doc.sentences]
    return doc.sentences, toks


def _omit(sents: list[Sent], rates: Rates, rng: random.Random) -> list[Sent]:
    """Drop source sentences (never the lead), keeping at least 60% of them."""
    keep_at_least = max(3, int(len(sents) * 0.6) + 1)
    paragraphs = sorted({s.paragraph for s in sents})
    doomed: set[int] = set()
    if len(paragraphs) >= 4 and rng.random() < rates.omit_paragraph:
        p = rng.choice(paragraphs[1:])
        doomed = {i for i, s in enumerate(sents) if s.paragraph == p}
    doomed |= {i for i in range(1, len(sents)) if rng.random() < rates.omit}
    if len(sents) - len(doomed) < keep_at_least:
        return []
    omitted = [sents[i] for i in sorted(doomed)]
    sents[:] = [s for i, s in enumerate(sents) if i not in doomed]
    return omitted


def _distort(sents: list[Sent], wanted: int, ctx: Context, rng: random.Random) -> None:
    """Inject `wanted` distortions, cycling through the types so each case mixes them."""
    kinds = list(DISTORTIONS)
    rng.shuffle(kinds)
    exhausted: set[str] = set()
    turn = 0
    while wanted > 0 and len(exhausted) < len(kinds):
        kind = kinds[turn % len(kinds)]
        turn += 1
        if kind in exhausted:
            continue
        free = [s for s in sents if s.mark is None]
        rng.shuffle(free)
        for s in free:
            mark = DISTORTIONS[kind](s, ctx, rng)
            if mark:
                s.mark = mark
                wanted -= 1
                break
        else:
            exhausted.add(kind)


# --- meaning-preserving edits ------------------------------------------------------------------


def _restructure(
    sents: list[Sent], rates: Rates, rng: random.Random, names: set[str], known: frozenset[str]
) -> list[Sent]:
    """Move clauses, split and merge sentences; a distorted sentence is left whole."""
    out: list[Sent] = []
    for s in sents:
        if s.mark is None and rng.random() < rates.reorder:
            s.restructured = _reorder(s, names, known)
        if s.mark is None and not s.restructured and rng.random() < rates.split:
            parts = _split(s)
            if parts:
                out += parts
                continue
        out.append(s)
    merged: list[Sent] = []
    for s in out:
        if merged and _mergeable(merged[-1], s) and rng.random() < rates.merge:
            _merge(merged[-1], s, names)
        else:
            merged.append(s)
    return merged


def _reorder(s: Sent, names: set[str], known: frozenset[str]) -> bool:
    """Move a clause within the sentence; True if one of the patterns applied."""
    toks = s.toks
    if len(toks) < 6 or toks[-1].text not in ".!?":
        return False
    return (
        _attribution_to_front(s, names, known)
        or _attribution_to_back(s, names, known)
        or _leading_clause_to_back(s, names)
        or _trailing_clause_to_front(s, names, known)
    )


def _attribution_to_front(s: Sent, names: set[str], known: frozenset[str]) -> bool:
    """ "X, Y said." -> "Y said X."; "“Q,” Y said." -> "Y said, “Q.”" """
    toks, final = s.toks, s.toks[-1]
    for a in attributions(toks, known):
        i, j = a.speaker
        if a.verb != len(toks) - 2 or j != a.verb or i < 3:
            continue
        speaker = toks[i : a.verb + 1]
        marks = [t for t in toks if t.is_mark]
        if not marks and toks[i - 1].text == ",":
            body = toks[: i - 1]
            decapitalize(body, names)
            body[0].space = True
            s.toks[:] = [*speaker, *body, final]
        elif marks == [toks[0], toks[i - 1]] and toks[i - 2].text == "," and toks[0].text != "”":
            opening, body, comma, closing = toks[0], toks[1 : i - 2], toks[i - 2], toks[i - 1]
            opening.space, final.space, closing.space = True, False, False
            s.toks[:] = [*speaker, comma, opening, *body, final, closing]
        else:
            continue
        capitalize(speaker[0])
        speaker[-1].space = True
        return True
    return False


def _attribution_to_back(s: Sent, names: set[str], known: frozenset[str]) -> bool:
    """ "Y said (that) X." -> "X, Y said." """
    toks, final = s.toks, s.toks[-1]
    if s.quoted:
        return False
    for a in attributions(toks, known):
        i, j = a.speaker
        if i != 0 or j != a.verb or toks[a.verb].lower not in ("said", "says"):
            continue
        body = a.verb + 2 if toks[a.verb + 1].lower == "that" else a.verb + 1
        if len(toks) - body < 6:
            continue
        speaker, clause = toks[: a.verb + 1], toks[body:-1]
        decapitalize(speaker, names)
        capitalize(clause[0])
        speaker[0].space = True
        s.toks[:] = [*clause, Tok(",", None, False), *speaker, final]
        return True
    return False


def _leading_clause_to_back(s: Sent, names: set[str]) -> bool:
    """ "Even as A, B." -> "B, even as A." """
    toks, final = s.toks, s.toks[-1]
    if toks[0].lower not in _SUBORDINATORS or s.quoted:
        return False
    commas = [k for k, t in enumerate(toks) if t.text == ","]
    if not commas or commas[0] < 3 or len(toks) - commas[0] < 6:
        return False
    c = commas[0]
    clause, comma, rest = toks[:c], toks[c], toks[c + 1 : -1]
    decapitalize(clause, names)
    capitalize(rest[0])
    clause[0].space = True
    s.toks[:] = [*rest, comma, *clause, final]
    return True


def _trailing_clause_to_front(s: Sent, names: set[str], known: frozenset[str]) -> bool:
    """ "B because A." -> "Because A, B." (not after "X said", where it could attach to the
    saying rather than to what was said)."""
    toks, final = s.toks, s.toks[-1]
    if s.quoted or attributions(toks, known):
        return False
    for k in range(4, len(toks) - 5):
        if toks[k].lower in _TRAILING_SUBORDINATORS and "," not in (t.text for t in toks[k:]):
            head = toks[: k - 1] if toks[k - 1].text == "," else toks[:k]
            clause = toks[k:-1]
            decapitalize(head, names)
            capitalize(clause[0])
            head[0].space = True
            s.toks[:] = [*clause, Tok(",", None, False), *head, final]
            return True
    return False


def _split(s: Sent) -> list[Sent] | None:
    """ "A; B." -> "A. B."; "A, but B." -> "A. But B."; "A, and B." -> "A. And B." """
    toks = s.toks
    if s.quoted or toks[-1].text not in ".!?":
        return None
    commas = [k for k, t in enumerate(toks) if t.text == ","]
    for k in range(5, len(toks) - 6):
        nxt, after = toks[k + 1].lower, toks[k + 2].lower
        # A new clause, not a list item or a verb sharing the subject ("..., but was delayed").
        verb = after in AUX or after.endswith(("ed", "ing"))
        clause = commas == [k] and not verb and nxt in ("and", "but")
        if toks[k].text == ";" or clause:
            left, right = toks[:k], toks[k + 1 :]
            capitalize(right[0])
            stop = Tok(".", None, False)
            return [
                Sent([*left, stop], s.sources, s.paragraph, restructured=True),
                Sent(right, s.sources, s.paragraph, restructured=True),
            ]
    return None


def _mergeable(a: Sent, b: Sent) -> bool:
    return (
        a.mark is None is b.mark
        and not (a.restructured or b.restructured or a.quoted or b.quoted)
        and len(a.sources) == 1 == len(b.sources)
        and a.toks[-1].text == "."
        and sum(t.is_word for t in a.toks) <= 20 >= sum(t.is_word for t in b.toks)
    )


def _merge(a: Sent, b: Sent, names: set[str]) -> None:
    """ "A. B." -> "A, and b." """
    decapitalize(b.toks, names)
    b.toks[0].space = True
    a.toks[-1:] = [Tok(",", None, False), Tok("and", None, True), *b.toks]
    a.sources += b.sources
    a.restructured = True


def _synonyms(toks: list[Tok], rate: float, rng: random.Random) -> None:
    """Thesaurus swaps outside quotes and distortions; protected words have no entry."""
    table = thesaurus.load()
    for i, t in enumerate(toks):
        if not (t.locked or t.quoted) and t.text in table and rng.random() < rate:
            t.text = rng.choice(table[t.text])
            fix_article(toks, i)


def _add_filler(sents: list[Sent], filler: Sequence[str], count: int, rng: random.Random) -> None:
    """Add sentences from other stories, each as a paragraph of its own."""
    texts = [story[s.start : s.end] for story in filler for s in segment(Article(story)).sentences]
    pool = [
        " ".join(t.split())
        for t in texts
        if 8 <= len(t.split()) <= 40 and not QUOTE_MARKS & set(t) and t[0].isupper()
    ]
    for _ in range(count):
        if not pool:
            return
        sentence = pool.pop(rng.randrange(len(pool)))
        keys = sorted({s.paragraph for s in sents})
        k = rng.randrange(1, len(keys) + 1)  # after paragraph k-1: never before the lead
        key = (keys[k - 1] + keys[k]) / 2 if k < len(keys) else keys[-1] + 1
        at = max(i for i, s in enumerate(sents) if s.paragraph == keys[k - 1]) + 1
        sents.insert(at, Sent(new_toks(sentence, False), [], key))


def _render(sents: list[Sent], source: str) -> tuple[str, list[GoldPair], list[GoldFinding]]:
    parts: list[str] = []
    pairs, findings = [], []
    at = 0
    for n, s in enumerate(sents):
        if n:
            gap = "\n\n" if s.paragraph != sents[n - 1].paragraph else " "
            parts.append(gap)
            at += len(gap)
        sentence = render(s.toks, at)
        parts.append(sentence)
        span = (at, at + len(sentence))
        at = span[1]
        if not s.sources:
            label: Label = "unsourced"
            findings.append(GoldFinding("unsourced_sentence", span, None, "from another story"))
        elif len(s.sources) == 1 and sentence == " ".join(source[slice(*s.sources[0])].split()):
            label = "verbatim"
        else:
            label = "paraphrase"
        pairs.append(GoldPair(span, tuple(s.sources), label))
        if s.mark:
            m = s.mark
            findings.append(GoldFinding(m.type, (m.first.start, m.last.end), m.source, m.note))
    return "".join(parts), pairs, findings


def _title(title: str, rate: float, rng: random.Random) -> str:
    if title.isupper():  # Reuters-21578 headlines are in capitals: make them title case
        words = [
            w.lower() if w.lower() in _SMALL_WORDS else w.capitalize() if w.isalpha() else w
            for w in title.split()
        ]
        title = " ".join([words[0].capitalize(), *words[1:]])
    toks = new_toks(title, False, locked=False)
    _synonyms(toks, rate, rng)
    return rng.choice(CLICKBAIT).format(render(toks).rstrip("."))
