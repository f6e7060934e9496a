"""Quotations reworded, invented or given to someone else.

Words inside quote marks promise the speaker's exact words, so any change to them is a finding;
a copy may still quote a shorter run of the same words, leave words out where it prints an
ellipsis, open or close its marks a few words off the source's, or lose a closing mark at a
paragraph end. House style is not the speaker's wording: quote marks and apostrophes straight
or curly, dashes and hyphens, British or American spelling, "per cent" / "percent" / "%", and
numbers in words or digits compare equal. A word inflected otherwise ("act unsafely" for "act
unsafe") is a low finding: a grammar fix, not a reworded statement. A statement the source gives
in the first person without quote marks, closed by "..., X said" (a page's text stripped of its
marks), is X's quotation all the same: the copy's quote of it is compared with it, not called
invented. A quotation in a sentence that only says what a source sentence says (same_fact: not
shown to be made from it) is checked too, for rewording alone and at medium severity.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet

from unspin.detect.base import Comparison, Group, detector, is_title, quoted
from unspin.detect.lexicon import BE_FORMS, HEDGES, MODALS, NEGATORS
from unspin.detect.names import glued, name_key, name_words, same_name
from unspin.detect.times import date_parts
from unspin.model import Attribution, Doc, Finding, Quote, Severity, Span, SpanIndex
from unspin.segmentation.lexicon import (
    AMBIGUOUS_OUTLET_FORMS,
    SUBJECT_PRONOUNS,
    TITLES,
    demonyms,
    outlet_of,
)
from unspin.segmentation.quotes import opening_mark
from unspin.text import (
    STOPWORDS,
    Token,
    american,
    capitalised_mid_sentence,
    content_stems,
    stem,
    without_accents,
)

# A copy quote and a source quote are the same statement when they share this share of the
# copy quote's content words (or when they are the only quote on each side of a group).
SAME_STATEMENT = 0.5
# A title longer than a few words must be the source's words too, in a row: a song's ("Courtesy
# of the Red, White and Blue (The Angry American)", 7 capitalised words) or a film's.
LONG_TITLE_WORDS = 12
SOURCE_PHRASE_WORDS = 5  # words of the source's prose a copy may quote as a phrase, not a statement
BLOCK_QUOTE_WORDS = 8  # a statement the source sets off without marks: this many words or more
SET_OFF_SHARE = 0.9  # ... and this share of a source sentence
# Quote marks may open or close this many words off the source's and quote the same words.
MARKS_MOVED_WORDS = 5
# A quote of OWN_STATEMENT content words or more that matches no source quote is the source's
# words put in quote marks only if more than BORROWED of them are in its aligned source
# sentences; otherwise it came from elsewhere (the speaker's own statement, another
# report): added, not fabricated. A shorter one ("in case of necessity" for if necessary) is a
# spinner's rewording of the source's words in new quote marks.
OWN_STATEMENT = 4
BORROWED = 0.5

_ELLIPSIS = re.compile(r"\.\s?\.\s?\.|…|\[\.\.\.\]")
# Words a writer puts inside a quotation in brackets ("hanged in public in (the holy Shi'ite
# city of) Mashhad") are the writer's, not the speaker's: left out of the quotation's words
# (which stay one run, as if the insertion stood for none of the speaker's words; `_renders`
# also reads it as standing for a few, `_substituted`).
_INSERTION = re.compile(r"\[[^\]\n]{1,80}\]|\([^)\n]{1,80}\)")
# A writer's insertion in brackets stands for at most this many of the speaker's words: a
# clarification ("50 (% tariffs) from us" for "50% tariffs from us") or the usual substitution
# of a name for a pronoun ("[Trump] is" for "He is").
INSERTED_FOR = 3
INSERTIONS = 4  # a quotation with more is no speaker's words with a writer's clarifications
# ... and the words it may stand for without giving them: those a name or a noun replaces
# ("the" and "that" are no words of a quotation as compared: `_DROPPED`).
STAND_INS = frozenset(
    "he she it they him her them his its their we us our this these those a an".split()
)
_NUMBERS = {
    w: str(n)
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_PERCENT = {"pct": "percent", "%": "percent"}
# A figure's currency by its sign or by name: "£750 million" and "750 million pounds" are
# house style. Not "¥" (yen or yuan), nor a sign after letters ("A$", "HK$": another dollar).
_CURRENCY_SIGNS = {"£": "pound", "$": "dollar", "€": "euro"}
_CURRENCY_WORDS = {"pounds": "pound", "dollars": "dollar", "euros": "euro"}
CURRENCIES = frozenset(_CURRENCY_SIGNS.values())
_SCALES = frozenset("thousand million billion trillion".split())
# Contractions spelled out ("We're" / "We are"), and the "that" papers drop or keep at will.
_CONTRACTIONS = {
    "we're": "we are",
    "you're": "you are",
    "they're": "they are",
    "i'm": "i am",
    "it's": "it is",
    "that's": "that is",
    "there's": "there is",
    "he's": "he is",
    "she's": "she is",
    "what's": "what is",
    "let's": "let us",
    "we've": "we have",
    "i've": "i have",
    "they've": "they have",
    "you've": "you have",
    "we'll": "we will",
    "i'll": "i will",
    "they'll": "they will",
    "it'll": "it will",
    "we'd": "we would",
    "i'd": "i would",
    "they'd": "they would",
    "don't": "do not",
    "doesn't": "does not",
    "didn't": "did not",
    "isn't": "is not",
    "aren't": "are not",
    "wasn't": "was not",
    "weren't": "were not",
    "won't": "will not",
    "can't": "can not",
    "cannot": "can not",
    "couldn't": "could not",
    "wouldn't": "would not",
    "shouldn't": "should not",
    "haven't": "have not",
    "hasn't": "has not",
    "hadn't": "had not",
}
# Words a quotation may gain or lose without being reworded: the optional "that", "the", and
# the "and" of a quoted sentence split in two ("We are just praying and that's all that I can
# say" -> "We're just praying. That's all I can say").
_DROPPED = frozenset({"that", "the", "and"})
# A verb's number after an organisation: British writers give a collective noun a plural verb
# ("Just Stop Oil are pathetic", PA), American ones a singular. Only right after a name or a
# collective noun: elsewhere the verb may be all that tells one from many ("The aircraft were
# shot down") or whom a clause is about ("the leader of the gang, who was armed").
_AGREEMENT = {"are": "is", "were": "was", "have": "has"}
_COLLECTIVES = frozenset(
    """government team club party council committee company police crew staff family board
    jury army navy union parliament cabinet""".split()
)


def _agreement(doc: Doc, before: Token | None, word: str) -> str:
    """The verb `word` in its singular after an organisation's name ("Oil are") or a collective
    noun ("the government were"); the word itself elsewhere."""
    if before is None or word not in _AGREEMENT:
        return word
    # A capital that opens a quotation ("“People are ...", "“We are ...") names no one.
    opening = doc.text[max(0, before.start - 3) : before.start].rstrip()[-1:] in _OPENING
    named = (
        capitalised_mid_sentence(doc.text, before.start)
        and not opening
        and before.lower not in SUBJECT_PRONOUNS
    )
    return _AGREEMENT[word] if named or before.lower in _COLLECTIVES else word


_OPENING = frozenset("“\"‘'«")


def _spelled_out(word: str) -> str:
    """ "how's" -> "how is", "okay" -> "ok"; "" when there is nothing to spell out."""
    if word == "okay":
        return "ok"
    stem, _, tail = word.partition("'")
    if tail == "s" and stem in ("how", "who", "what", "where", "when", "why", "here", "there"):
        return f"{stem} is"
    return ""


def style_free(
    doc: Doc, start: int, end: int, *, dates: bool = False
) -> list[tuple[str, int, int]]:
    """The words of doc.text[start:end] as a quotation is compared, each with its span: lower
    case, American spelling, hyphenated words split, "per cent" and "%" as "percent", a
    figure's currency by name after it ("£750 million", "750 million pounds": "750 million
    pound", spanning the figure), number
    words as digits, contractions spelled out, abbreviations without their periods, without
    the words of `_DROPPED`, a verb's plural after an organisation as its singular; with
    `dates`, a date or clock time as its value ("20 January 2024" and "January 20, 2024":
    "2024-01-20"; "2am" and "2 o'clock in the morning": "02:00")."""
    out: list[tuple[str, int, int]] = []
    previous: Token | None = None
    read_as = {
        t.start: t
        for t in (doc.within(doc.times, start, end) if dates else ())
        if date_parts(t.value) is not None or t.is_clock
    }
    date_end = -1  # the end of the date being read
    currency: tuple[str, int] | None = None  # a sign's name and where the sign is
    for t in doc.tokens(start, end):
        if currency is not None and t.lower not in _SCALES:
            out.append((currency[0], currency[1], out[-1][2]))  # after the figure's words
            currency = None
        prior, previous = previous, t
        if t.start < date_end:
            continue
        if (date := read_as.get(t.start)) is not None:
            out.append((date.value, date.start, date.end))
            date_end = date.end
            continue
        if t.lower in _DROPPED:
            continue
        spelled = _CONTRACTIONS.get(t.lower) or _spelled_out(t.lower)
        if spelled:
            out += [(_agreement(doc, prior, w), t.start, t.end) for w in spelled.split()]
            continue
        # "p.m." and "pm", "U.S." and "US": an abbreviation's periods are house style, and so
        # are accents ("Rodríguez", "Rodriguez").
        lower = without_accents(t.lower)
        lower = lower.replace(".", "") if _ABBREVIATION.fullmatch(lower) else lower
        parts = lower.split("-")
        at = t.start
        for part in parts:
            if part:
                out.append(
                    (
                        _NUMBERS.get(part)
                        or _PERCENT.get(part)
                        or (_CURRENCY_WORDS.get(part) if _after_figure(out) else None)
                        or american(_agreement(doc, prior, part)),
                        at,
                        at + len(part),
                    )
                )
            at += len(part) + 1
        if doc.text[t.end : t.end + 1] == "%" or doc.text[t.end : t.end + 2] == " %":
            out.append(("percent", t.end, t.end + 1))
        sign = doc.text[max(0, t.start - 2) : t.start]
        if sign[-1:] in _CURRENCY_SIGNS and not sign[:-1].isalpha() and t.lower[:1].isdigit():
            currency = (_CURRENCY_SIGNS[sign[-1]], t.start - 1)
        if len(out) >= 2 and out[-2][0] == "per" and out[-1][0] == "cent":
            out[-2:] = [("percent", out[-2][1], out[-1][2])]
    if currency is not None:
        out.append((currency[0], currency[1], out[-1][2]))
    return out


def _after_figure(words: list[tuple[str, int, int]]) -> bool:
    """Does the last word read stand for a figure ("750", "million")?"""
    return bool(words) and (words[-1][0][:1].isdigit() or words[-1][0] in _SCALES)


_ABBREVIATION = re.compile(r"(?:[a-z]\.)+[a-z]\.?")  # "p.m", "u.s", "a.m" as tokens have them

COMMON_IN_QUOTES = 50  # a word in more quotes than this does not pick candidates by itself


class _Words:
    """A quote's words, each quote read once per comparison (every copy quote is scored
    against every source quote), in runs split at ellipses ("[...]" stands for omitted words),
    without a writer's insertions in brackets."""

    def __init__(self) -> None:
        self._seen: dict[tuple[int, int, int], list[list[str]]] = {}
        self._by_word: dict[int, dict[str, list[Quote]]] = {}  # doc -> word -> its quotes
        # a group's prose tokens -> (those tokens, their style-free words, the words joined)
        self._prose: dict[int, tuple[list[Token], list[tuple[str, int, int]], str]] = {}

    def run_in(self, doc: Doc, toks: list[Token], words: list[str]) -> tuple[int, int] | None:
        """The span of the first place `words` (as `style_free` gives them) occur in a row
        among the tokens `toks` of `doc` (a group's prose), read the same way. Found as a
        substring of the words joined, so a long quotation against a long text costs their
        length, not its square; each group's prose is read once per comparison."""
        forms, hay = self._prose_words(doc, toks)
        if not words or len(words) > len(forms):
            return None
        at = hay.find("\0" + "\0".join(words) + "\0")
        if at < 0:
            return None
        first = hay.count("\0", 0, at + 1) - 1  # words before the match
        return (forms[first][1], forms[first + len(words) - 1][2])

    def _prose_words(self, doc: Doc, toks: list[Token]) -> tuple[list[tuple[str, int, int]], str]:
        """`style_free`'s words of the stretch of `doc` the tokens cover, less those in quote
        marks (read over the whole stretch, so "per cent" is one word), and them joined."""
        kept = self._prose.get(id(toks))
        if kept is not None and kept[0] is toks:  # the same list, not another at its address
            return kept[1], kept[2]
        forms: list[tuple[str, int, int]] = []
        if toks:
            quoted = SpanIndex(doc.within(doc.quotes, toks[0].start, toks[-1].end))
            forms = [
                f for f in style_free(doc, toks[0].start, toks[-1].end) if not quoted.inside(f[1])
            ]
        hay = "\0" + "\0".join(w for w, _, _ in forms) + "\0"
        self._prose[id(toks)] = (toks, forms, hay)
        return forms, hay

    def runs(self, doc: Doc, quote: Quote) -> list[list[str]]:
        key = (id(doc), quote.start, quote.end)
        if key not in self._seen:
            cuts = [quote.start]
            for m in _ELLIPSIS.finditer(doc.text, quote.start, quote.end):
                cuts += [m.start(), m.end()]
            cuts.append(quote.end)
            inserted = SpanIndex(
                [Span(*m.span()) for m in _INSERTION.finditer(doc.text, quote.start, quote.end)]
            )
            runs = [
                [w for w, start, _ in style_free(doc, a, b) if not inserted.inside(start)]
                for a, b in zip(cuts[::2], cuts[1::2], strict=True)
            ]
            self._seen[key] = [r for r in runs if r]
        return self._seen[key]

    def __call__(self, doc: Doc, quote: Quote) -> list[str]:
        return [w for run in self.runs(doc, quote) for w in run]

    def quotes_sharing(self, doc: Doc, words: list[str], local: list[Quote]) -> list[Quote]:
        """The doc's quotes that share a word with `words`, and the local ones, in order. A
        word in more than COMMON_IN_QUOTES quotes picks none (a hostile page repeating one
        quote thousands of times would otherwise cost the square of its length)."""
        by_word = self._by_word.get(id(doc))
        if by_word is None:
            by_word = self._by_word[id(doc)] = {}
            for q in doc.quotes:
                quoted = self(doc, q)
                for w in _content(quoted) or set(quoted):
                    by_word.setdefault(w, []).append(q)
        found = set(local)
        for w in _content(words) or set(words):
            if len(by_word.get(w, ())) <= COMMON_IN_QUOTES:
                found.update(by_word.get(w, ()))
        return sorted(found, key=lambda q: (q.start, q.end))


def _content(words: list[str]) -> set[str]:
    return {w for w in words if w not in STOPWORDS}


def _is_run(short: list[str], long: list[str]) -> bool:
    """`short` is a contiguous run of `long` (the copy quotes part of the statement verbatim)."""
    n = len(short)
    return n > 0 and any(long[i : i + n] == short for i in range(len(long) - n + 1))


def _in_order(
    runs: list[list[str]], long: list[str], same: Callable[[str, str], bool] | None = None
) -> bool:
    """Each run stands in `long` as a contiguous run, in order (words left out at ellipses),
    word by word equal, or the same by `same`."""
    at = 0
    for run in runs:
        n = len(run)
        found = next(
            (
                i
                for i in range(at, len(long) - n + 1)
                if (
                    long[i : i + n] == run
                    if same is None
                    else all(same(a, b) for a, b in zip(run, long[i : i + n], strict=True))
                )
            ),
            None,
        )
        if found is None:
            return False
        at = found + n
    return bool(runs)


def _forms_only(runs: list[list[str]], long: list[str]) -> bool:
    """Do the runs stand in `long` word for word but for inflections ("act unsafely" for "act
    unsafe", "officer" for "officers")? A grammar fix or a slip, not a reworded statement: low,
    so a reader still sees it (on real pages, a Tesla recall notice quoted with "unsafely" was
    labelled clean). Not another word of the same root, a spinner's favourite ("economical" for
    "economic", "environs" for "environment", "provocative" for "provocation")."""
    return _in_order(runs, long, _one_word)


# Words a quotation may lose, gain or swap without saying something else: articles and
# demonstratives ("picking up pieces of flesh" for "picking up those pieces", a spin of the
# New York Times, 2024), conjunctions, prepositions, "it is" (never "not", a modal, a tense or
# a number).
SMALL_WORDS = frozenset(
    "a an the this that these those as of to in on at for with by from and or so it is".split()
)


def _small_words_only(runs: list[list[str]], long: list[str]) -> bool:
    """Is the quotation the source's whole quotation but for small words ("or a store of
    value" for "or as a store of value", "and not a competitor to" for "it's not a competitor
    for")? A slip of the copy, not another statement: low (on real pages, a Reuters quote of
    the kind was labelled clean). A part of it ("to resist" of "I think they will resist it")
    is no slip."""
    ours = [w for run in runs for w in run if w not in SMALL_WORDS]
    return bool(ours) and ours == [w for w in long if w not in SMALL_WORDS]


def _currency_on_one_side(runs: list[list[str]], long: list[str]) -> bool:
    """Is the quotation the source's whole quotation but for a figure's currency, given on one
    side only ("$750 million" for "750 million")? Another currency is a rewording."""
    ours = [w for run in runs for w in run]
    if any(w in CURRENCIES for w in ours) == any(w in CURRENCIES for w in long):
        return False
    return [w for w in ours if w not in CURRENCIES] == [w for w in long if w not in CURRENCIES]


_INFLECTIONS = ("ing", "ed", "es", "ly", "s")
_NO_BASES = NEGATORS | SMALL_WORDS  # "not" is no base of "notes"


def _bases(word: str) -> set[str]:
    """The word, and the word without each inflectional ending it has ("treasures":
    "treasur", "treasure"; "moved": "mov"), of three letters or more and neither a negation
    nor a small word ("notes" and "noted" are no forms of "not")."""
    bases = {word[: -len(e)] for e in _INFLECTIONS if word.endswith(e)}
    return {word} | {b for b in bases if len(b) >= 3 and b not in _NO_BASES}


def _one_word(a: str, b: str) -> bool:
    """Are the two words forms of one ("treasures" and "treasure", "unsafely" and "unsafe")?"""
    return a == b or bool(_bases(a) & _bases(b))


def _closed_up(runs: list[list[str]], words: list[str]) -> tuple[list[list[str]], list[str]]:
    """Both sides with two neighbouring words joined where the other side writes them as one
    ("over-aggressive" or "over aggressive" for "overaggressive"): house style."""
    theirs = set(words)
    ours = {w for run in runs for w in run}
    return [_join_where(run, theirs) for run in runs], _join_where(words, ours)


def _join_where(words: list[str], vocabulary: set[str]) -> list[str]:
    out: list[str] = []
    for w in words:
        if out and out[-1] + w in vocabulary:
            out[-1] += w
        else:
            out.append(w)
    return out


def _marks_moved(group: Group, copy_words: list[str], quotes: list[Quote]) -> Quote | None:
    """The source quote whose words the copy quotes with its marks opened or closed a few words
    off: the copy's quoted words are a run of the source's sentences that overlaps the quote,
    with at most MARKS_MOVED_WORDS of them outside it."""
    source = style_free(group.source, *group.source_range)
    n = len(copy_words)
    lowers = [w for w, _, _ in source]
    for i in range(len(source) - n + 1):
        if lowers[i : i + n] == copy_words:
            run = source[i : i + n]
            for q in quotes:
                outside = sum(1 for _, a, _ in run if not q.start <= a < q.end)
                if outside < n and outside <= MARKS_MOVED_WORDS:
                    return q
    return None


# Speakers named by a common noun, capitalised only where they open a sentence ("Officials
# said", "Authorities said"): a kind of speaker, not a name another could be put for.
_GROUPS = frozenset(
    """officials authorities police experts sources analysts witnesses residents investigators
    prosecutors doctors officers lawmakers critics diplomats scientists researchers organizers
    organisers rescuers spokesperson spokesman spokeswoman""".split()
)
_NOT_NAMES = SUBJECT_PRONOUNS | _GROUPS | {"the", "a", "an"}


def _surname(name: str) -> str | None:
    """The last capitalised word of a speaker, or None when the speaker is not a name: "he",
    "The Russian president", "a Kremlin spokesman", "The Dallas-based airline" describe a
    speaker without naming one (their last word, the head, is a common noun)."""
    words = name.replace("’s", "").split()
    if words and words[-1].islower():  # "airline", not "al-Sadr"
        return None
    parts = [
        p for p in words if p[:1].isupper() and p.lower() not in TITLES and p not in demonyms()
    ]
    last = parts[-1].lower() if parts else ""
    return None if not last or last in _NOT_NAMES else last


@detector("quote_altered", "quote_fabricated", "quote_misattributed")
def quotes(comparison: Comparison) -> Iterator[Finding]:
    # Each quotation once, against every group it overlaps: a quote may run across sentences
    # that were aligned separately.
    words = _Words()
    for quote in comparison.copy.quotes:
        groups = comparison.groups_overlapping(quote.start, quote.end)
        if not groups:
            facts = comparison.fact_groups_overlapping(quote.start, quote.end)
            if facts:
                yield from _reworded(facts, quote, words)
            continue  # in unsourced sentences: reported as such
        group = groups[0]
        local = [
            q
            for g in groups
            if g.source_index == group.source_index
            for q in g.source_items(g.source.quotes)
        ]
        local = sorted(set(local), key=lambda q: q.start)
        only_one = all(len(g.copy_items(g.copy.quotes)) == 1 for g in groups)
        yield from _check(group, quote, local, only_one, words)


def _check(
    group: Group, quote: Quote, local: list[Quote], only_one: bool, words: _Words
) -> Iterator[Finding]:
    copy_words = words(group.copy, quote)
    if not copy_words:
        return
    match, match_words = _same_statement(group, copy_words, local, only_one, words)
    if (
        _broken_off(group.copy, quote)
        and len(copy_words) < CUT_OVERLAP
        and (match is None or copy_words[:1] != match_words[:1])
    ):
        # The copy's page breaks off a few words into a quotation that does not open as the
        # source's does ("“Imran Khan’s lawyer"): too little to judge. One that does ("“We will
        # negotiate" for "We will not negotiate with Moscow") shows what it changed.
        return
    statement = _unmarked(group, quote) if match is None else None
    if statement is not None:
        theirs = [w for w, _, _ in style_free(group.source, *statement)]
        if not _in_order(words.runs(group.copy, quote), theirs):
            yield group.finding(
                "quote_altered",
                "high",
                (quote.start, quote.end),
                statement,
                f"the quotation is reworded; the source gives {quote.speaker}'s words without "
                f"quote marks: {quoted(group.source.span_text(statement))}",
            )
        return
    if match is None and only_one and len(local) > 1:
        # One quotation across the copy's sentences where the source's run in several (the
        # source breaks it with "said X"): the statement is those quotations read as one. One
        # holding them all, and more of the statement, rewords none of them.
        joined = _joined(group, local, words)
        ours, said = content_stems(" ".join(copy_words)), content_stems(" ".join(joined))
        if ours and len(ours & said) >= SAME_STATEMENT * len(ours):
            if not _in_order(words.runs(group.copy, quote), joined) and not _in_order(
                [words(group.source, q) for q in local], copy_words
            ):
                yield _graded(group, quote, (local[0].start, local[-1].end), joined, words)
            return
    if match is None:
        moved = _marks_moved(group, copy_words, group.source_items(group.source.quotes))
        # Quote marks around a few capitalised words mark a title, a name or a term ("The
        # Wire", "OPEC+"), not someone's statement; around more, only words the source gives
        # in a row ("Kiss Kiss Bang Bang", where the source's page lost its marks).
        # A whole sentence of the source quoted word for word: the source sets the statement
        # off as a block quote, without marks ("It is with great sadness ...").
        text = group.copy.span_text(quote)
        title = is_title(text) or (
            is_title(text, LONG_TITLE_WORDS)
            and not text.isupper()  # a post in capitals is a statement, not a title
            and _is_run(
                copy_words, [w for w, _, _ in style_free(group.source, *group.source_range)]
            )
        )
        block = len(copy_words) >= BLOCK_QUOTE_WORDS and _set_off(group, copy_words)
        if moved is not None or title or block or _a_name_given(group.copy, quote, copy_words):
            return
        if _borrowed(group, quote) and not _past_the_page(group, copy_words, words):
            # A phrase of the source's own in quote marks ("the bill is in the “homestretch”",
            # "blamed “outlaw groups”", "“critically endangered”") is a term, irony or the
            # words of reported speech, not a statement made up: on real pages none of three
            # such phrases was labelled a made-up quotation, so they are leads (low); so is a
            # longer run of them set off after "described as" (a description). So is a
            # quotation never closed whose opening mark is glued to the word before it: a stray
            # mark ('accused“outlaw groups in Sweida of violating the ceasefire, ...').
            said = words.run_in(group.source, group.source_prose, copy_words)
            phrase = (
                said is not None
                and (len(copy_words) <= SOURCE_PHRASE_WORDS or _a_description(group, quote, said))
                and not _given_another(group, quote, said)
            )
            stray = (
                not quote.closed and group.copy.text[quote.start - 2 : quote.start - 1].isalpha()
            )
            twin = None if phrase or stray or said else _in_its_place(group, quote, local, words)
            if twin is not None:
                yield _graded(
                    group, quote, (twin.start, twin.end), words(group.source, twin), words
                )
            else:
                yield _fabricated(group, quote, said, "low" if phrase or stray else "high")
        elif only_one and len(local) == 1 and _quoted_elsewhere(group, copy_words, local[0], words):
            # The one quotation of the source's sentences is another quotation of the copy's:
            # this one quotes what the source does not (medium: perhaps from another report).
            yield _fabricated(group, quote, None, "medium")
        return
    if not _renders(group, quote, match, match_words, local, words) and not _bridged(
        group, local, words.runs(group.copy, quote)
    ):
        # With one quotation in the source's sentences, words the copy quotes beyond it are
        # no rewording of another (with two, the copy may join them, one reworded).
        if len(local) <= 1 and _other_cut(copy_words, match_words):
            why = "the quotation holds words of the statement that the source does not quote"
            yield _altered(group, quote, (match.start, match.end), "low", why)
        else:
            yield _graded(group, quote, (match.start, match.end), match_words, words)
    yield from _misattributed(group, quote, match, copy_words, "high")


def _bridged(group: Group, local: list[Quote], runs: list[list[str]]) -> bool:
    """Does the copy quote, word for word and in order, the source's quotations (two or more)
    together with the words between them ("... passing. The family said in a statement. And
    although ...", where the source closes its marks before "the family said" and opens them
    again)? Its marks are misplaced; it rewords nothing."""
    if len(local) < 2:
        return False
    span = [w for w, _, _ in style_free(group.source, local[0].start, local[-1].end)]
    return sum(map(len, runs)) >= len(span) - BRIDGE_SLACK and _in_order(runs, span)


BRIDGE_SLACK = 2  # words of the source's span the copy's runs may leave out (an "and")


def _misattributed(
    group: Group, quote: Quote, match: Quote, copy_words: list[str], severity: Severity
) -> Iterator[Finding]:
    """The copy gives the source's quotation to another named speaker."""
    ours, theirs = _surname(quote.speaker), _surname(match.speaker)
    # Another spelling ("Zelenskyy") is the same speaker, as is an abbreviation ("the NHTSA"
    # for "The National Highway Traffic Safety Administration"); so is one the source's
    # sentences also name ("a ChemLawn spokeswoman" for "Debra Strohmaier, a ChemLawn
    # spokeswoman").
    whole = same_name(name_key(quote.speaker), name_key(match.speaker))
    if (
        ours
        and theirs
        and len(copy_words) > 1  # one word in quote marks (“illegal”) is a term, no statement
        and not whole
        and not same_name(ours, theirs)
        and not glued(
            quote.speaker, theirs, name_words(group.source, group.source_items(group.source.names))
        )
        and not _named_in_source(group, ours, quote.speaker)
        and not quote.by_pronoun
        and not _an_outlet(group.copy, quote, theirs)
    ):
        yield group.finding(
            "quote_misattributed",
            severity,
            _speaker_span(quote),
            _speaker_span(match),
            f"the copy gives these words to {quoted(quote.speaker)}; "
            f"the source quotes {quoted(match.speaker)}",
        )


def _an_outlet(doc: Doc, quote: Quote, speaker: str) -> bool:
    """Is the quotation credited to a news outlet that carried it ("..., according to
    Reuters"), or one that reported it with the source's `speaker` (a surname) still named in
    its sentence ("According to Dr. Kiran Musunuru, “...,” US News reported"): a credit for the
    report, not someone the words are given to? "..., CNN reported" for a minister's words is
    his words given to CNN. Not an outlet's name that is also a person's ("Hill said")."""
    span = quote.speaker_span
    if span is None or quote.speaker in AMBIGUOUS_OUTLET_FORMS:
        return False
    name = quote.speaker.lower().removeprefix("the ")
    if name not in outlet_of():
        return False
    before = doc.text[max(0, span.start - 20) : span.start].lower()
    if before.rstrip().endswith("according to"):
        return True
    # "US News reported": a credit the segmenter read (segmentation/credits.py).
    if not any(c.start <= span.start and span.end <= c.end for c in doc.credits):
        return False
    sentence = doc.sentences[max(0, doc.sentence_at(quote.start))]
    return any(t.lower == speaker for t in doc.tokens(sentence.start, sentence.end))


def _renders(
    group: Group,
    quote: Quote,
    match: Quote,
    match_words: list[str],
    local: list[Quote],
    words: _Words,
) -> bool:
    """Does the copy's quotation give the words of the source's, as quotations may (a shorter
    run, an ellipsis for words left out, marks a few words off, two quotes joined)?"""
    copy_words = words(group.copy, quote)
    joined = _joined(group, local, words)  # "..., he said. "...": one quote in the copy
    runs = words.runs(group.copy, quote)
    return (
        _in_order(runs, match_words)
        or _in_order(runs, joined)
        or _in_order(*_closed_up(runs, match_words))
        or (not quote.closed and _is_run(match_words, copy_words[: len(match_words)]))
        or (
            _cut(group.source, match)
            and _broken_off_run(match_words, copy_words, _broken_off(group.source, match))
        )
        or (
            _cut(group.copy, quote)
            and _broken_off_run(copy_words, match_words, _broken_off(group.copy, quote))
        )
        or _fills_ellipsis(words.runs(group.source, match), copy_words, _cut(group.source, match))
        or _marks_moved(group, copy_words, [match]) is not None
        or _in_order(_respelled(runs, match_words), match_words)
        or _same_with_dates(group, quote, match)
        or _with_insertions(group, _around_insertions(group.copy, quote), match_words, joined)
        or _in_order(runs, _insertions_kept(group.source, match))
    )


def _insertions_kept(doc: Doc, quote: Quote) -> list[str]:
    """The quotation's words with the words of its insertions in brackets kept in their
    place: a copy that drops the brackets and keeps the word ("we call them" for AP's "(we)
    call them") gives the quotation as printed (none for a quotation without insertions)."""
    inserted = list(_INSERTION.finditer(doc.text, quote.start, quote.end))
    if not 0 < len(inserted) <= INSERTIONS:
        return []
    out: list[str] = []
    at = quote.start
    for m in inserted:
        out += [w for w, _, _ in style_free(doc, at, m.start())]
        out += [w for w, _, _ in style_free(doc, m.start() + 1, m.end() - 1)]
        at = m.end()
    return out + [w for w, _, _ in style_free(doc, at, quote.end)]


def _around_insertions(doc: Doc, quote: Quote) -> list[tuple[list[str], set[str]]]:
    """The quotation's words in pieces split at the writer's insertions in brackets, each
    with the words of the insertion before it, from the first word after any insertion it
    opens with; none for a quotation with no insertion, with an ellipsis, or with more
    than INSERTIONS of them."""
    inserted = list(_INSERTION.finditer(doc.text, quote.start, quote.end))
    if not 0 < len(inserted) <= INSERTIONS or _ELLIPSIS.search(doc.text, quote.start, quote.end):
        return []
    pieces: list[tuple[list[str], set[str]]] = []
    at, before = quote.start, set()
    for m in [*inserted, None]:
        end = m.start() if m else quote.end
        piece = [w for w, _, _ in style_free(doc, at, end)]
        if piece or pieces:  # "[Trump] is ...": the insertion's stand-in opens the quote
            pieces.append((piece, before))
        if m:
            at = m.end()
            before = {_PERCENT.get(w, w) for w in re.findall(r"%|\w+", m.group().lower())}
    return pieces


def _with_insertions(
    group: Group, pieces: list[tuple[list[str], set[str]]], *longs: list[str]
) -> bool:
    """Does the quotation give one of `longs` (the source's quotation words) once its
    insertions are read as standing for the words they clarify or name (`_substituted`)?"""
    if not pieces:
        return False
    named = content_stems(group.source.text)  # the names an insertion may put for a pronoun
    return any(_substituted(pieces, long, named) for long in longs)


def _substituted(
    pieces: list[tuple[list[str], set[str]]], long: list[str], named: AbstractSet[str]
) -> bool:
    """Do the pieces of a quotation around its insertions (`_around_insertions`) stand
    in `long` in order, each contiguous, with at most INSERTED_FOR words between two that the
    insertion between them stands for (`_stands_for`)?"""
    if not pieces:
        return False
    first, rest = pieces[0][0], pieces[1:]
    for at in range(len(long) - len(first) + 1):
        if long[at : at + len(first)] != first:
            continue
        end = at + len(first)
        for piece, inserted in rest:
            n = len(piece)
            start = next(
                (
                    i
                    for i in range(end, min(end + INSERTED_FOR, len(long) - n) + 1)
                    if long[i : i + n] == piece and _stands_for(long[end:i], inserted, named)
                ),
                None,
            )
            if start is None:
                break
            end = start + n
        else:
            return True
    return False


def _stands_for(gap: list[str], inserted: set[str], named: AbstractSet[str]) -> bool:
    """May an insertion of the words `inserted` stand for the speaker's words `gap`: each a word
    of it ("50 (% tariffs)" for "50% tariffs"), or a pronoun it names with a name the sources
    give ("[Trump] is" for "He is"; not "[Israel]" for "us" where no source names Israel, nor
    "[him]" for "her"), never a word it drops ("We will (definitely) raise" for "not")?"""
    if any(w not in inserted and w not in STAND_INS for w in gap):
        return False
    if all(w in inserted for w in gap):
        return True
    names = [w for w in inserted if w not in STAND_INS]
    return bool(names) and all(stem(w) in named for w in names)


def _same_with_dates(group: Group, quote: Quote, match: Quote) -> bool:
    """Are the two quotations the same words once each date or clock time in them is read as
    its value ("20 January 2024" and "January 20, 2024"; "2am" and "2 o'clock in the morning")?
    Only ever a reason to find nothing: "In March, 40 people" and "In March 40 people" are the
    same words, though one side reads "March 40"."""
    if not group.copy.within(group.copy.times, quote.start, quote.end):
        return False
    ours = [w for w, _, _ in style_free(group.copy, quote.start, quote.end, dates=True)]
    theirs = [w for w, _, _ in style_free(group.source, match.start, match.end, dates=True)]
    return _in_order(*_closed_up([ours], theirs))


# A word this long written with a letter doubled or undoubled against a word of the source's
# quotation is that word misspelt or put right ("accomodate", "occured"); not another letter
# added or taken: "asymptomatic" and "symptomatic", "promised" and "promise" are other words.
RESPELL_LENGTH = 8
RESPELL_WORDS = 3  # ... for at most this many words of a quotation (each is a search)


def _respelled(runs: list[list[str]], long: list[str]) -> list[list[str]]:
    """The runs with each word that is a word of `long` with one letter doubled or undoubled
    written as that word: a misspelling put right or made rewords nothing."""
    vocabulary = set(long)
    odd = {
        w
        for run in runs
        for w in run
        if w not in vocabulary and len(w) >= RESPELL_LENGTH and w.isalpha()
    }
    if not odd or len(odd) > RESPELL_WORDS:
        return runs
    # The first such word of the source's, not of the set (whose order changes between runs).
    spelled = {w: next((v for v in long if _doubling(w, v)), w) for w in odd}
    return [[spelled.get(w, w) for w in run] for run in runs]


def _doubling(a: str, b: str) -> bool:
    """Is one word the other with one letter doubled ("accommodate", "accomodate")?"""
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    if len(longer) != len(shorter) + 1 or not shorter.isalpha():
        return False
    at = next((k for k in range(len(shorter)) if longer[k] != shorter[k]), len(shorter))
    return longer[:at] + longer[at + 1 :] == shorter and at > 0 and longer[at] == longer[at - 1]


CUT_OVERLAP = 5  # words two cuts of one statement must share, end to start
CUT_PLACES = 8


def _other_cut(copy_words: list[str], source_words: list[str]) -> bool:
    """Are the two quotations cuts of one statement, sharing its words where they overlap:
    the copy's holding all of the source's and more ("Today's recommendation offers a
    glimmer of hope ..." for "offers a glimmer of hope ..."), or one starting where the other
    ends ("Congratulations to Javier Milei ... I am very proud of you." beside "I am very proud
    of you. You will turn your country around")? What one quotes and the other does not is no
    rewording of the other's words, but the words the copy adds may change what the shared
    ones say ("It is a lie that we will raise taxes"): low, a lead to check."""
    if len(source_words) >= CUT_OVERLAP and _is_run(source_words, copy_words):
        return True
    return _ends_where_starts(copy_words, source_words) or _ends_where_starts(
        source_words, copy_words
    )


def _ends_where_starts(first: list[str], second: list[str]) -> bool:
    """Does `first` end with CUT_OVERLAP or more words that `second` starts with? Tried only
    where `first` has `second`'s first word, at most CUT_PLACES of them (a word repeated
    throughout a hostile quotation would make it quadratic)."""
    if len(first) < CUT_OVERLAP or len(second) < CUT_OVERLAP:
        return False
    places = [i for i, w in enumerate(first) if w == second[0]][-CUT_PLACES:]
    return any(
        len(first) - i >= CUT_OVERLAP and first[i:] == second[: len(first) - i] for i in places
    )


FRAGMENT = 2  # letters of a word a page may break off in too short to read ("t")


def _broken_off_run(cut: list[str], other: list[str], mid_sentence: bool) -> bool:
    """Do the words of a quotation that its page breaks off in, the last perhaps cut short
    ("... like you our syst"), stand together in the other text's quotation? A page that
    breaks off mid-sentence after CUT_OVERLAP whole words may end in a fragment too short to
    read ("team t" for "team in order to"): of FRAGMENT letters at most, no word of the other
    quotation. It is no rewording to report; a whole last word is read ("units forward" for
    "units back")."""
    if not cut:
        return False
    whole, last = cut[:-1], cut[-1]
    n = len(whole)
    fragment = mid_sentence and n >= CUT_OVERLAP and len(last) <= FRAGMENT and last not in other
    return any(
        other[i : i + n] == whole
        and (fragment or (i + n < len(other) and other[i + n].startswith(last)))
        for i in range(len(other) - n + 1)
    )


CUT_CHARACTERS = 5  # of a quotation's opening words, to know it again past a page's end


def _past_the_page(group: Group, copy_words: list[str], words: _Words) -> bool:
    """Does the copy's quotation open with the words of the quotation the source's page breaks
    off in (`unspecified "securit` for `unspecified “security reasons.”`), at least
    CUT_CHARACTERS of them, in a sentence aligned with the sentence cut or the one before it?
    The source stops where the statement goes on: what the copy quotes past it is beyond the
    source, not made up. (Not a page cut at `the presidency said: "We`: too little to know.)"""
    source = group.source
    last = source.quotes[-1] if source.quotes else None
    if last is None or not _cut(source, last):
        return False
    at = source.sentence_at(last.start)
    near = {source.sentences[k].start for k in (at - 1, at) if 0 <= k < len(source.sentences)}
    if not any(s.start in near for s in group.source_sentences):
        return False
    theirs = words(source, last)
    n = len(theirs) - 1
    return (
        sum(map(len, theirs)) >= CUT_CHARACTERS
        and copy_words[:n] == theirs[:n]
        and (len(copy_words) > n and copy_words[n].startswith(theirs[-1]))
    )


def _fills_ellipsis(source_runs: list[list[str]], copy_words: list[str], cut: bool) -> bool:
    """Does the copy's quotation give, in order, the runs the source's quotation breaks at an
    ellipsis ("... joining our club... The next"), with words between them? Those are the
    words the ellipsis stood for, not a rewording. The run the source's page breaks off in
    need not be there."""
    if len(source_runs) < 2:
        return False
    return _in_order(source_runs[:-1] if cut else source_runs, copy_words)


PLACED_WORDS = 3  # words of a quotation taken for the one in its place: a word or a phrase
PLACED_QUOTES = 6  # quotations a side, at most, to go by place (each is compared with its own)


# Words that give a thing a name: a few words in quote marks after them name it ("a
# demonstration dubbed the 'Gen Z protest'"); nobody is quoted.
_NAMING = re.compile(
    r"\b(?:dubbed|called|so-called|nicknamed|termed|branded|known\s+as|billed\s+as)"
    r"\s+(?:(?:the|a|an|its|their)\s+)?$",
    re.IGNORECASE,
)
GIVEN_NAME_WORDS = 5  # words a name given in quote marks may have


def _a_name_given(doc: Doc, quote: Quote, words: list[str]) -> bool:
    """Is the quotation a name given to something: a few words, capitalised as a name is,
    after "dubbed", "called", "known as" ("waving national flags in a demonstration dubbed
    the 'Gen Z protest'", a rewrite of AP on Nepal's protests, 2025)? A name, not a statement
    someone made; "what the minister called “a shameful betrayal”" quotes the minister."""
    mark = opening_mark(doc.text, quote.start)
    named = _NAMING.search(doc.text, max(0, mark - 30), mark)
    capitalised = doc.text[quote.start : quote.start + 1].isupper()
    return len(words) <= GIVEN_NAME_WORDS and capitalised and named is not None


# Words that set a description off as one ("was described as 'Australia's most famous and
# distinguished living soldier'"): what is said of someone, by nobody in particular.
_DESCRIBED_AS = re.compile(
    r"\b(?:described|hailed|labell?ed|regarded|seen|portrayed|characteri[sz]ed|dubbed|called|"
    r"termed|branded|known)\s+as\s+$",
    re.IGNORECASE,
)
_BY_SOMEONE = re.compile(r"[\W_]*by\b", re.IGNORECASE)
# Before the source's words, what makes them no plain description of its own: a negation, a
# modal, a denial or a claim reported ("rejected claims that the suspect was ...").
_NOT_ITS_OWN = frozenset(
    """not no never n't could may might would should must denied denies deny rejected rejects
    dismissed disputed claims claimed claim alleged allegations false""".split()
)


def _a_description(group: Group, quote: Quote, said: tuple[int, int]) -> bool:
    """Does the copy set off, after "described as", "hailed as" ..., a description the source
    gives as its own ("Roberts-Smith had been Australia's most famous and distinguished living
    soldier", AFP, rewritten as "was described as '...'")? Not when the copy names who described
    it ("... by the prime minister"), nor when the source's words are not its plain statement
    (after no "was", "is", "had been"; or after a negation, a modal or a denial)."""
    copy = group.copy
    mark = opening_mark(copy.text, quote.start)
    if _DESCRIBED_AS.search(copy.text, max(0, mark - 30), mark) is None:
        return False
    if _BY_SOMEONE.match(copy.text, quote.end):
        return False
    before = group.source.tokens(group.source_range[0], said[0])[-6:]
    return (
        bool(before)
        and before[-1].lower in BE_FORMS
        and not any(t.lower in _NOT_ITS_OWN for t in before)
    )


def _in_its_place(group: Group, quote: Quote, local: list[Quote], words: _Words) -> Quote | None:
    """The source quotation standing where this one stands, when the aligned sentences quote
    as many times on each side and each other quotation renders the source's in its place: this
    one rewords the one left, however few words they share (“sad” ... “amazing team of people
    on a mission” for "disappointing" ... "amazing team of mission-driven people", a spun copy
    of Fortune, 2023), and is no quotation made up. Only a word or a phrase for one (at most
    PLACED_WORDS on each side): a statement of its own in that place ("a fraud I was forced
    into") is made up."""
    ours = group.copy_items(group.copy.quotes)
    if not 2 <= len(ours) <= PLACED_QUOTES or len(ours) != len(local) or quote not in ours:
        return None
    at = ours.index(quote)
    if max(len(words(group.copy, quote)), len(words(group.source, local[at]))) > PLACED_WORDS:
        return None
    for i, (q, theirs) in enumerate(zip(ours, local, strict=True)):
        if (
            i != at
            and _same_statement(group, words(group.copy, q), [theirs], False, words)[0] != theirs
        ):
            return None
    return local[at]


def _reworded(groups: list[Group], quote: Quote, words: _Words) -> Iterator[Finding]:
    """A quotation in a sentence that only says what a source sentence says (same_fact, not
    shown to be made from it): quote marks still promise the speaker's words, so a quotation
    of the same statement in other words is altered, however the sentence around it came to
    be. Only where it clearly renders the source's quotation of those sentences (or their
    quotations read as one: SAME_STATEMENT of the words of each in the other) with a word of
    its own, not another form of one ("unsafely" for "unsafe") or a dropped "has"; and medium,
    since the copy may have had the statement from elsewhere: a quotation holding the source's
    whole quotation and more of the statement is no rewording of it."""
    group = groups[0]
    copy_words = words(group.copy, quote)
    if not copy_words:
        return
    local = sorted(
        {
            q
            for g in groups
            if g.source_index == group.source_index
            for q in g.source_items(g.source.quotes)
        },
        key=lambda q: q.start,
    )
    match, match_words = _same_statement(group, copy_words, local, False, words)
    if match is not None:
        theirs = [match]
    elif len(local) > 1:
        # A quotation running across copy sentences that each say what one of the source's
        # quotations says: the statement is those quotations read as one.
        theirs, match_words = local, _joined(group, local, words)
    else:
        return
    ours, said = content_stems(" ".join(copy_words)), content_stems(" ".join(match_words))
    if (
        ours - said
        # The same statement both ways: "prepared to act as needed" is another cut of words a
        # speaker uses often, not the source's "act as needed to limit the adverse effects ...".
        and len(ours & said) >= SAME_STATEMENT * len(ours)
        and len(ours & said) >= SAME_STATEMENT * len(said)
        and not any(_renders(group, quote, q, words(group.source, q), local, words) for q in theirs)
        and not _in_order([w for q in theirs for w in words.runs(group.source, q)], copy_words)
    ):
        span = (theirs[0].start, theirs[-1].end)
        if _names_both(group.copy.span_text(quote), group.source.text[slice(*span)]):
            yield _altered(group, quote, span, "low", NAME_REWORDED)
        else:
            yield _altered(group, quote, span, "medium")
    elif match is not None and _renders(group, quote, match, match_words, local, words):
        # The same words, quoted by both: given to another speaker all the same (medium: the
        # sentence is not shown to be made from the source's).
        yield from _misattributed(group, quote, match, copy_words, "medium")


def _graded(
    group: Group, quote: Quote, source_span: Span, match_words: list[str], words: _Words
) -> Finding:
    """A quotation that does not give the source's words: low if it only changes a word's
    form or a small word, high otherwise."""
    runs = words.runs(group.copy, quote)
    if _forms_only(runs, match_words):
        why = "the quotation changes the form of a word"
    elif _small_words_only(runs, match_words):
        why = "the quotation leaves out, adds or swaps a small word"
    elif _currency_on_one_side(runs, match_words):
        why = "the quotation gives a figure's currency that the other leaves out"
    elif _phrase_widened(runs, match_words):
        why = "the quote marks take in a word beside the phrase the source quotes"
    elif _names_both(group.copy.span_text(quote), group.source.text[slice(*source_span)]):
        why = NAME_REWORDED
    else:
        return _altered(group, quote, source_span, "high")
    return _altered(group, quote, source_span, "low", why)


NAME_WORDS = 2  # capitalised words of a name in quote marks ("Women for Trump"): not "Yes"
NAME_REWORDED = "a name in quote marks is worded otherwise (a name changed, not a statement)"
# A quotation with one of these words says something ("“We Will Rebuild”", "“Not Needed”",
# "“Ten Soldiers”"): a pronoun, a verb that states, a negation or a count is no name.
_NOT_A_NAME = SUBJECT_PRONOUNS | frozenset(
    """me my us our your him his her them their will would shall must can could should may
    might is are was were be been has have had do does did stop not no never none one two
    three four five six seven eight nine ten hundred hundreds thousand thousands million
    millions billion billions dozen dozens""".split()
)


def _names_both(ours: str, theirs: str) -> bool:
    """Are both quotations one name or title of a few capitalised words, worded otherwise
    around the same last word ("Fox Information Sunday" for "Fox News Sunday", "Ladies for
    Trump" for "Women for Trump"), not someone's statement? A spinner's synonym inside a name
    changes the name: low, as a swapped name (detect/entities.py) is. Not a headline's
    quotation ("“We Will Rebuild”", "“Ukraine Will Lose”"), a chant ("“Stop the Count”"), a
    post in capitals ("“MUST UNITE”") or a figure ("“Ten Soldiers”"): statements."""
    texts = (ours, theirs)
    if any(
        not is_title(text)
        or text.isupper()
        or sum(w[:1].isupper() for w in text.split()) < NAME_WORDS
        for text in texts
    ):
        return False
    words = [[w.strip(",.!?:;’'\"“”").lower() for w in text.split()] for text in texts]
    return words[0][-1] == words[1][-1] and not any(
        w in _NOT_A_NAME or w[:1].isdigit() for ws in words for w in ws
    )


PHRASE_WORDS = 3  # a quoted phrase this short ("sadistic", "working royal") is a term


def _phrase_widened(runs: list[list[str]], match_words: list[str]) -> bool:
    """Does the copy quote the source's short phrase whole with one word after it, the thing
    the phrase describes ("a “sadistic attack”" for "the “sadistic” murders")? The marks moved
    over a word; no statement changed. Not a word before it ("not acceptable" for
    "acceptable"), nor a negation, a hedge or a number."""
    words = [w for run in runs for w in run]
    extra = words[-1] if words else ""
    return (
        0 < len(match_words) <= PHRASE_WORDS
        and words[:-1] == match_words
        and extra.isalpha()
        and extra not in NEGATORS
        and extra not in HEDGES
        and extra not in MODALS
    )


def _altered(
    group: Group,
    quote: Quote,
    source_span: tuple[int, int],
    severity: Severity,
    why: str = "the quotation is reworded",
) -> Finding:
    return group.finding(
        "quote_altered",
        severity,
        (quote.start, quote.end),
        source_span,
        f"{why}; the source quotes {quoted(group.source.text[source_span[0] : source_span[1]])}",
    )


def _same_statement(
    group: Group, copy_words: list[str], local: list[Quote], only_one: bool, words: _Words
) -> tuple[Quote | None, list[str]]:
    """The source quote the copy quote renders, if any: one it quotes a verbatim run of, else
    the one sharing most of its content words. A quote outside the aligned sentences must
    share at least two of them (one shared word, "resist", does not make two statements one),
    and a nearby quote wins a tie."""
    candidates = [
        (q, words(group.source, q), q in local)
        for q in words.quotes_sharing(group.source, copy_words, local)
    ]
    for q, quoted_words, _ in sorted(candidates, key=lambda c: not c[2]):
        if _is_run(copy_words, quoted_words):
            return q, quoted_words
    content = _content(copy_words) or set(copy_words)
    best: tuple[float, bool, Quote | None, list[str]] = (0.0, False, None, [])
    for q, quoted_words, is_local in candidates:
        shared = len(content & (_content(quoted_words) or set(quoted_words)))
        if not is_local and shared < min(2, len(content)):
            continue
        best = max(best, (shared / len(content), is_local, q, quoted_words), key=lambda b: b[:2])
    score, _, match, match_words = best
    if score >= SAME_STATEMENT:
        return match, match_words
    if (
        only_one
        and len(local) == 1
        and words.run_in(group.source, group.source_prose, copy_words) is None
        and not _kept_unquoted(group, local[0], words)
        and not _quoted_elsewhere(group, copy_words, local[0], words)
    ):
        # One quote on each side of aligned sentences: the same statement, however reworded
        # (unless the copy quotes words the source says unquoted: quote marks moved; or says
        # the source's quoted words unquoted, and quotes something else; or gives the
        # source's quotation in another quotation of its own).
        return local[0], words(group.source, local[0])
    return None, []


def _quoted_elsewhere(
    group: Group, copy_words: list[str], source_quote: Quote, words: _Words
) -> bool:
    """Does another quotation of the copy open its run of the source quotation's first words
    (CUT_OVERLAP of them, in a row)? That one renders it; this one, in a sentence aligned with
    it too, is another statement ("We were called on the pitch ..." beside the copy's "When I
    get to him, he's on his side ...", the source's words)."""
    theirs = words(group.source, source_quote)[:CUT_OVERLAP]
    if len(theirs) < CUT_OVERLAP:
        return False
    return any(
        (ours := words(group.copy, q)) != copy_words and _is_run(theirs, ours)
        for q in group.copy.quotes
    )


def _kept_unquoted(group: Group, source_quote: Quote, words: _Words) -> bool:
    """Does the copy give a term the source puts in quote marks, credited to no one, as a run
    of its own prose ("after he stopped being a working royal", where the source quotes
    "working royal")? Then the words the copy does quote ("neither unlawful nor irrational")
    are another statement, not the term reworded. A speaker's quotation is a statement: words
    of it kept unquoted do not make the copy's quotation another one."""
    if source_quote.speaker:
        return False
    theirs = words(group.source, source_quote)
    return words.run_in(group.copy, group.copy_prose, theirs) is not None


def _joined(group: Group, local: list[Quote], words: _Words) -> list[str]:
    """The source's quotes in the quote's aligned sentences read as one, in order: a copy may
    join two of them, dropping the "he said" between."""
    return [w for q in local for w in words(group.source, q)]


def _cut(doc: Doc, quote: Quote) -> bool:
    """A quote that its text breaks off in (its page ends inside it, or a character after
    it). Read from the quote's end only: this runs for every quotation."""
    return not quote.closed and _AT_THE_END.fullmatch(doc.text, quote.end) is not None


_AT_THE_END = re.compile(r"\S?\s*")


def _broken_off(doc: Doc, quote: Quote) -> bool:
    """A quote its page breaks off in mid-sentence ("“Imran Khan’s lawyer"), not one whose
    closing mark alone is missing at the page's end ("“in case of necessity.")."""
    return _cut(doc, quote) and not doc.text[quote.start : quote.end].rstrip().endswith(
        (".", "!", "?", "…", ",")
    )


FIRST_PERSON = frozenset("i me my we us our".split())
UNMARKED_REACH = 3  # source sentences from the aligned one to its closing "X said"


def _unmarked(group: Group, quote: Quote) -> Span | None:
    """The source's span of the quote's statement given without quote marks: from its aligned
    sentence to a closing attribution to the same speaker in the paragraph, in the first
    person ("... ease rates. We expect gold prices to touch over 2,660, IG market strategist
    Yeap Jun Rong said."). Reported speech speaks of the speaker in the third person; a
    first-person passage is the speaker's own words, its marks lost (a page's text stripped
    of them) or left off. None if there is none."""
    ours = _surname(quote.speaker)
    if ours is None:
        return None
    source = group.source
    first = bisect_left(source.sentences, group.source_sentences[0].start, key=lambda s: s.start)
    paragraph = source.sentences[first].paragraph
    for k in range(first, min(len(source.sentences), first + UNMARKED_REACH)):
        sentence = source.sentences[k]
        if sentence.paragraph != paragraph:
            return None
        for a in source.within(source.attributions, sentence.start, sentence.end):
            theirs = _surname(a.speaker)
            if theirs is None or not same_name(ours, theirs):
                continue
            span = Span(source.sentences[first].start, a.start)
            if source.within(source.quotes, *span):
                return None  # the source quotes it: its marks are there
            said = {t.lower for t in source.tokens(*span)}
            return span if said & FIRST_PERSON else None
    return None


def _borrowed(group: Group, quote: Quote) -> bool:
    content = content_stems(group.copy.span_text(quote))
    if len(content) < OWN_STATEMENT:
        return True
    return len(content & group.source_stems) > BORROWED * len(content)


def _given_another(group: Group, quote: Quote, said: tuple[int, int]) -> bool:
    """Does the copy give the source's words to a speaker other than the one the source's
    sentence credits ("Hale said he had “lied to parliament”" from "They say Hale lied to
    parliament, which he denies")?"""
    if not quote.speaker or quote.by_pronoun:
        return False
    source = group.source
    at = source.sentence_at(said[0])
    sentence = source.sentences[max(at, 0)]
    # Who the sentence credits with its words (a denial credits no one with them).
    theirs = [
        a
        for a in source.within(source.attributions, sentence.start, sentence.end)
        if a.cue != "deny"
    ]
    ours = name_key(quote.speaker)
    return bool(theirs) and not any(_may_be(ours, a) for a in theirs)


def _may_be(ours: str, a: Attribution) -> bool:
    """May the attribution's speaker be the copy's (a name key)? Its name, "he" or "she", or
    one person described ("the prime minister"); not another name, nor a group ("They say",
    "Critics warned", "officials said")."""
    speaker = a.speaker.lower()
    if speaker in ("he", "she"):
        return True
    if speaker.startswith("the ") or not a.speaker[:1].isupper():
        return not speaker.split()[-1].endswith("s")
    return same_name(ours, name_key(a.speaker))


def _fabricated(
    group: Group, quote: Quote, said: tuple[int, int] | None, severity: Severity
) -> Finding:
    """A quote matching no source quote: words the source says unquoted (at `said`, if it
    does), put in quote marks, or words the source does not have at all."""
    if said is not None:
        source_span = said
        reason = "the source says these words without quoting anyone"
    else:
        source_span = group.source_range
        reason = "the source quotes no such words"
    return group.finding(
        "quote_fabricated",
        severity,
        (quote.start, quote.end),
        source_span,
        f"the copy puts {quoted(group.copy.span_text(quote))} in quote marks; {reason}",
    )


def _set_off(group: Group, words: list[str]) -> bool:
    """Are `words` (as `style_free` gives them) a whole sentence of the source, from its first
    word, a statement it sets off without quote marks? Quoting part of a sentence ("It said on
    October 2 that ...") is quoting the reporter."""
    for sentence in group.source_sentences:
        if group.source.within(group.source.attributions, sentence.start, sentence.end):
            continue  # "..., Johnson said.": the reporter's sentence, not a set-off statement
        theirs = [w for w, _, _ in style_free(group.source, sentence.start, sentence.end)]
        if theirs[: len(words)] == words and len(words) >= SET_OFF_SHARE * len(theirs):
            return True
    return False


def _named_in_source(group: Group, surname: str, speaker: str) -> bool:
    """Do the source's sentences name the copy's speaker: its surname, or an organisation by
    another form of its name ("The World Health Organization" for "Dr. Mohamed Janabi, WHO
    regional director": the body the speaker speaks for)? A person named only in the
    possessive ("defending Sunak's budget") is no speaker the source names."""
    if any(t.lower == surname for t in group.source_tokens):
        return True
    key = name_key(speaker)
    bodies = [n for n in group.source_items(group.source.names) if n.kind == "organisation"]
    return any(same_name(key, name_key(group.source.span_text(n))) for n in bodies)


def _speaker_span(quote: Quote) -> tuple[int, int]:
    """Where the quotation's speaker is named, or the quotation itself if nowhere."""
    return quote.speaker_span if quote.speaker_span is not None else (quote.start, quote.end)
