"""What a comparison amounts to: how much of the copy came from each source, in which runs of
sentences, how much wording it copied, what kind of copy it is, and a one-line verdict.

Read by the pipeline (to build a `Report`'s `Summary`), by the evaluation and by the scan's
tables, so that a page's kind and reuse level have one definition.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from difflib import SequenceMatcher
from functools import partial

from unspin.finding_types import SENTENCE_LEVEL
from unspin.model import Alignment, Doc, Finding, SentenceMatch, SpanIndex, Summary
from unspin.text import STOPWORDS, without_accents, word_matcher, word_trigrams


def _length(doc: Doc, index: int) -> int:
    sentence = doc.sentences[index]
    return sentence.end - sentence.start


def source_shares(copy: Doc, alignment: Alignment, n: int) -> list[float]:
    """For each of the `n` sources, the share of the copy (by characters) made from it."""
    total = sum(_length(copy, m.copy_sentence) for m in alignment.matches) or 1
    drawn = [0] * n
    for m in alignment.matches:
        if m.label in ("verbatim", "paraphrase"):
            drawn[m.sources[0].source] += _length(copy, m.copy_sentence)
    return [d / total for d in drawn]


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
    """The report's summary: shares of the copy by label, copied wording, coverage of the
    sources, fidelity, counts of findings, the page's kind and the one-line verdict."""
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
    swapped = partial(swapped_share, copy, sources, alignment)
    lifted = partial(lifts_prose, copy, alignment)
    summary = replace(summary, kind=page_kind(summary, findings, shares, swapped, lifted))
    return with_verdict(summary, findings)


def copied_share(copy: Doc, sources: Sequence[Doc]) -> float:
    """Share of the copy's word trigrams that also stand in a source: copied wording, measured
    apart from the sentence alignment (which also pairs sentences that only say the same)."""
    return shared_trigrams(copy.text, [doc.text for doc in sources])


def shared_trigrams(copy: str, sources: Sequence[str]) -> float:
    """Share of `copy`'s word trigrams found in any of `sources`."""
    copy_grams = word_trigrams(copy)
    if not copy_grams:
        return 0.0
    source_grams = set().union(*(word_trigrams(text) for text in sources))
    return len(copy_grams & source_grams) / len(copy_grams)


# A story that explains too little of the copy to be named by similarity (find.SOURCE_THRESHOLD)
# is still its source when the copy took part of it: a run of PARTIAL_RUN sentences made from
# it (with evidence of derivation: align.derivation) in a copy sharing PARTIAL_COPIED of its
# word trigrams outside quotation marks with it, or COPIED_ALONE of them however spread.
# Calibrated on the real-page set: true sources against same-event reports by other outlets
# (docs/retrieval.md).
PARTIAL_RUN = 5
PARTIAL_COPIED = 0.1
COPIED_ALONE = 0.2


def copied_part(parts: Sequence[tuple[int, int]], copied: float) -> bool:
    """Did the copy take part of a source, given its runs of sentences made from it
    (`parts_from`) and the share of its wording it shares with it (`unquoted_copied_share`:
    outside quotation marks, since outlets reporting one event quote the same statements,
    "The family requests privacy at this time ...", and sharing them is no evidence that one
    copied the other)?"""
    run = max((last - first + 1 for first, last in parts), default=0)
    return (run >= PARTIAL_RUN and copied >= PARTIAL_COPIED) or copied >= COPIED_ALONE


# A wire's series (monthly home sales, jobs, fund flows) reuses last month's sentences with this
# month's figures. At least TEMPLATE_PAIRS sentence pairs made from a story that give figures on
# both sides, under TEMPLATE_SHARED of them sharing one, is that template, not a copy (on the
# real-page set's hard negatives: a July 2011 home-sales report given February's as "the source
# of sentences 1-13", none of 6 such pairs sharing a figure; none of the 188 real copies is
# taken for one against its true source).
TEMPLATE_PAIRS = 3
TEMPLATE_SHARED = 0.25


def other_figures(copy: Doc, source: Doc, alignment: Alignment, index: int) -> bool:
    """Is source `index` only the template of the copy: do TEMPLATE_PAIRS or more of the
    sentence pairs made from it give figures on both sides, and under TEMPLATE_SHARED of them
    the same figure?"""
    with_figures = shared = 0
    for m in alignment.matches:
        if not _made_from(m, index):
            continue
        ours = {q.value for q in copy.within(copy.quantities, *_span(copy, m.copy_sentence))}
        theirs = {
            q.value
            for ref in m.sources
            if ref.source == index
            for q in source.within(source.quantities, *_span(source, ref.sentence))
        }
        if ours and theirs:
            with_figures += 1
            shared += bool(ours & theirs)
    return with_figures >= TEMPLATE_PAIRS and shared < TEMPLATE_SHARED * with_figures


def _span(doc: Doc, index: int) -> tuple[int, int]:
    sentence = doc.sentences[index]
    return sentence.start, sentence.end


def unquoted_copied_share(copy: Doc, source: str) -> float:
    """Share of the copy's word trigrams outside quotation marks (read in the runs of words
    between them) found anywhere in `source`."""
    grams = unquoted_trigrams(copy)
    if not grams:
        return 0.0
    return len(grams & word_trigrams(source)) / len(grams)


def unquoted_trigrams(copy: Doc) -> set[tuple[str, str, str]]:
    """The copy's word trigrams outside quotation marks, read in the runs of words between
    them."""
    quoted = SpanIndex(copy.quotes)
    runs: list[list[str]] = [[]]
    for t in copy.tokens():
        if quoted.inside(t.start):
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(t.lower)
    return {g for run in runs for g in zip(run, run[1:], run[2:], strict=False)}


# Page kinds, set on the real-page set's labelled kinds (benchmarks/real_pages.py):
NOT_A_COPY = 0.05  # below this share of the copy made from a source, it copied nothing
PARTIAL = 0.3  # a copy with less of itself made from its sources is a partial copy
STITCH_SHARE = 0.15  # each of two sources explains at least this share: a stitched copy
# A verbatim copy: this share of its word trigrams copied (pages carry captions and links no
# sentence alignment calls verbatim), or this share of what it copied copied word for word.
VERBATIM_COPIED = 0.6
VERBATIM_OF_REUSE = 0.8


# A page whose sentences made from a source swap words for others ("clients" for "customers")
# this often, per word, is spun however much wording it shares: a synonym swap every 40 words
# leaves most word trigrams whole. Set on real pages and synthetic spins (2026-12-06): none of the
# 67 real verbatim reprints called so swaps more, 2 of the 9 real spun pages called verbatim do
# (benchmarks/real_pages.py), and 84 of 100 faithful synonym spins, once all but one called
# verbatim (benchmarks/quality.py).
SWAPPED_WORDS = 0.025
SWAP_WORDS = 3  # a swap replaces at most this many words with at most this many
SWAP_SENTENCE_WORDS = 200  # longer sentence pairs are not compared (difflib's cost)
SPELLED_ALIKE = 0.75  # a name spelled another way ("kyiv", "kiev"), by difflib's ratio
ABBREVIATION = 5  # letters of an abbreviation that opens the word it stands for ("sept")


# A sentence lifted word for word has this many words of its own outside quotation marks.
LIFTED_WORDS = 6


def lifts_prose(copy: Doc, alignment: Alignment) -> bool:
    """Did the page take a sentence of the source's own prose word for word: a verbatim
    sentence with LIFTED_WORDS words outside quotation marks? A quotation both give word for
    word ("“We must declare war on crime.”", "In a statement, Boeing said: “...”") or a
    heading ("What Is New World Screwworm?") shows that two outlets quote one statement or ask
    one question, not that the page lifted the source's paragraphs."""
    quoted = SpanIndex(copy.quotes)
    for m in alignment.matches:
        if m.label != "verbatim":
            continue
        sentence = copy.sentences[m.copy_sentence]
        own = [t for t in copy.tokens(sentence.start, sentence.end) if not quoted.inside(t.start)]
        if len(own) >= LIFTED_WORDS:
            return True
    return False


def swapped_share(copy: Doc, sources: Sequence[Doc], alignment: Alignment) -> float:
    """Swaps per word of the copy's sentences made from a source (those of up to
    SWAP_SENTENCE_WORDS words): each swap a run of up to SWAP_WORDS words with a content word
    in place of another such run of the source sentences ("customers" -> "clients", "was due"
    for "had been expected"), not house style (`_a_swap`)."""
    words = swaps = 0
    for m in alignment.matches:
        if m.label not in ("verbatim", "paraphrase"):
            continue
        ours = _swap_keys([(copy, m.copy_sentence)])
        theirs = _swap_keys([(sources[r.source], r.sentence) for r in m.sources])
        if max(len(ours), len(theirs)) > SWAP_SENTENCE_WORDS:
            continue
        words += len(ours)
        for tag, i1, i2, j1, j2 in word_matcher(theirs, ours).get_opcodes():
            a, b = theirs[i1:i2], ours[j1:j2]
            if tag == "replace" and _a_swap(a, b):
                swaps += 1
    return swaps / words if words else 0.0


def _swap_keys(sentences: Sequence[tuple[Doc, int]]) -> list[str]:
    """The words of the sentences as a swap is looked for: stems in American spelling without
    accents or full stops ("u.s" is "us")."""
    keys = []
    for doc, index in sentences:
        sentence = doc.sentences[index]
        for t in doc.tokens(sentence.start, sentence.end):
            keys.append(without_accents(t.stem).replace(".", "") or t.stem)
    return keys


def _a_swap(a: list[str], b: list[str]) -> bool:
    """Do the source's words `a` and the copy's `b` in their place say it in other words? Not
    in house style: a figure for a number in words ("2" for "two"), one word written as two or
    hyphenated ("sun-shield", "sunshield"), an abbreviation ("Gov." for "Governor", "US" for
    "United States") or a name spelled another way ("Kiev" for "Kyiv")."""
    content_a = [w for w in a if w not in STOPWORDS and not w[:1].isdigit()]
    content_b = [w for w in b if w not in STOPWORDS and not w[:1].isdigit()]
    if not content_a or not content_b or max(len(a), len(b)) > SWAP_WORDS:
        return False
    one, other = "".join(a).replace("-", ""), "".join(b).replace("-", "")
    short, long = sorted((one, other), key=len)
    words = a if len(a) > 1 else b
    return not (
        one == other
        or (len(a) == len(b) == 1 and 2 <= len(short) <= ABBREVIATION and long.startswith(short))
        or (len(words) > 1 and short == "".join(w[:1] for w in words))
        or SequenceMatcher(None, one, other).ratio() >= SPELLED_ALIKE
    )


# Changes of meaning reported at low severity because on real pages they are as often a
# misreading as a change (detect/entities.py, certainty.py, numbers.py, attribution.py,
# negation.py): no accusation, but a page with one was not copied word for word (a light
# spin's swapped name), and its verdict says there is something to check.
UNCONFIRMED_CHANGES = frozenset(
    {
        "entity_changed",
        "certainty_shifted",
        "number_added",
        "attribution_dropped",
        "negation_flipped",
    }
)


# Findings that, at any severity, show a page did not copy word for word: the unconfirmed
# changes, a quotation reworded even in a word's form ("fell apart" for "falling apart"), and
# a charged word in a neutral one's place, even one only as likely a synonym ("claimed" for
# "said").
REWORDINGS = UNCONFIRMED_CHANGES | {"quote_altered", "loaded_wording"}


def page_kind(
    summary: Summary,
    findings: Sequence[Finding],
    shares: Sequence[float],
    swapped: Callable[[], float] = lambda: 0.0,
    lifted: Callable[[], bool] = lambda: True,
) -> str:
    """How the page copied (model.KINDS). "not a copy" made nothing from a source; a "stitched
    copy" drew on two or more, each for STITCH_SHARE of it; a "verbatim copy" copied word for
    word (VERBATIM_COPIED, VERBATIM_OF_REUSE) with few words swapped for others (`swapped()`,
    under SWAPPED_WORDS: asked only of a page otherwise verbatim, since it aligns the words of
    each sentence pair) and changed nothing (no high or medium finding nor
    one of REWORDINGS, but added sentences: a page with a flipped negation is spun,
    however few its changed words); a "partial copy" lifted part of a story (some of its prose
    word for word: `lifted()`, asked only of a page otherwise partial) and made less than
    PARTIAL of itself from its sources; the rest are "spun copies". A page that made little of
    itself from its source and none of its prose word for word is reworded throughout, not
    borrowing: its sentences that only say the source's facts (same_fact) are the rewrite too
    heavy to prove, and it is spun (on the real-page set, 14 of the 15 spun pages once called
    partial had no sentence word for word, and 2 of the 7 partial pages found so; later, 8 of
    the 10 spun pages called partial had only a quotation or a heading word for word)."""
    if not shares or summary.reuse_share < NOT_A_COPY:
        return "not a copy"
    if sum(share >= STITCH_SHARE for share in shares) >= 2:
        return "stitched copy"
    changed = any(
        f.type not in SENTENCE_LEVEL and (f.severity in ("high", "medium") or f.type in REWORDINGS)
        for f in findings
    )
    word_for_word = (
        summary.copied_share >= VERBATIM_COPIED
        or summary.verbatim_share >= VERBATIM_OF_REUSE * summary.reuse_share
    )
    if summary.reuse_share < PARTIAL and summary.verbatim_share > 0 and lifted():
        return "partial copy"
    verbatim = word_for_word and not changed and swapped() < SWAPPED_WORDS
    return "verbatim copy" if verbatim else "spun copy"


# The reuse levels of the Clough-Stevenson corpus (cut / light / heavy / non), decided by copied
# wording; cut-offs chosen on that corpus's 95 answers (0.74 accuracy; docs/alignment.md).
COPIED_CUT, COPIED_LIGHT, COPIED_HEAVY = 0.8, 0.45, 0.08


def reuse_level(summary: Summary) -> str:
    """The Clough-Stevenson level of reuse (cut, light, heavy, non) by copied wording."""
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


def _most_found(counts: dict[str, int]) -> tuple[str, int]:
    """The three types found most, as words ("number changed, quote altered"), and the count."""
    top = sorted(counts.items(), key=lambda x: -x[1])[:3]
    return ", ".join(t.replace("_", " ") for t, _ in top), sum(counts.values())


def with_verdict(summary: Summary, findings: Sequence[Finding]) -> Summary:
    level = reuse_level(summary)
    if level == "non" and summary.kind != "not a copy":
        level = "heavy"  # little wording copied, but sentences made from the source
    words = _LEVEL_WORDS[level]
    serious: dict[str, int] = {}
    unconfirmed: dict[str, int] = {}
    for f in findings:
        if f.severity == "high" or (f.severity == "medium" and f.type not in SENTENCE_LEVEL):
            serious[f.type] = serious.get(f.type, 0) + 1
        elif f.type in UNCONFIRMED_CHANGES:
            unconfirmed[f.type] = unconfirmed.get(f.type, 0) + 1
    reuse = f"{summary.reuse_share:.0%} of the copy comes from the source"
    if summary.kind == "not a copy":
        verdict = (
            f"Not a copy: only {summary.copied_share:.0%} of its wording (word trigrams) "
            "stands in the source."
        )
    elif serious:
        kinds, n = _most_found(serious)
        verdict = (
            f"Distorted copy: {words} ({reuse}) with {n} meaning change{'s' * (n != 1)} ({kinds})."
        )
    elif unconfirmed:
        kinds, n = _most_found(unconfirmed)
        verdict = (
            f"Copy to check: {words} ({reuse}) with {n} possible meaning "
            f"change{'s' * (n != 1)} ({kinds})."
        )
    else:
        verdict = f"Faithful copy: {words} ({reuse}); no change of meaning found."
    outlets = list(dict.fromkeys(c.outlet for c in summary.credits))
    if outlets and summary.kind != "not a copy":
        verdict = f"{verdict[:-1]}; it credits {' and '.join(outlets)}."
    return replace(summary, verdict=verdict)
