"""Claims the source credits to someone that the copy states as fact, or credits to another.

"Russia has accused Kyiv of massing forces" says who claims it; "Kyiv has massed forces" turns
the claim into a fact. Quotes with a named speaker count as attributed. An attribution the copy
moved is not dropped: the speaker may be named in the next or previous sentence of the
paragraph, in the paragraph's opening "X said:", in a lead-in paragraph ending with a colon
("Reznikov told lawmakers:"), or in another copy sentence made from the same source sentence
(a lede that sums up what the page tells again below). A source's "he said" names the person
it refers to. A credit to a news outlet ("..., the BBC reported", "(AP)") attributes the story,
not a claim in it: it is neither a dropped nor a changed attribution (segment/credits.py). A
fact the speaker points to ("..., analysts said, noting the lack of any outcome") is no claim.
A body of people that spoke named as another ("soldiers said" for "troopers said": bodies.py)
is a changed attribution too. So is one named person's words credited to a crowd of their
role ("analysts warned" for "said Tamas Varga, an analyst at PVM"): one voice made a consensus.

A dropped attribution is a low finding, a lead to check by eye: on real pages, readers take
many a dropped "police said" or "according to her manager" on a fact nobody disputes as no
distortion, and of the dropped attributions found at high severity 9 in 21 were labelled
distortions (none of 9 on the blind batches 4-7; benchmarks/real, 2026-12-05).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from unspin.detect.base import Comparison, Group, detector, per_document, quoted, swapped
from unspin.detect.bodies import body_swaps
from unspin.detect.lexicon import DETERMINERS
from unspin.detect.names import full_names, glued, name_key, name_words, same_name
from unspin.model import Attribution, Doc, Finding, Name, Sentence
from unspin.segmentation.attributions import CUE_RE, ROLE_WORDS
from unspin.segmentation.lexicon import SUBJECT_PRONOUNS, TITLES, demonyms
from unspin.text import STOPWORDS, Token, stem

_VAGUE = SUBJECT_PRONOUNS | {"who", "which", "that"}


def _speaker_words(group: Group, a: Attribution, doc_is_copy: bool) -> set[str]:
    doc = group.copy if doc_is_copy else group.source
    words = doc.tokens(*a.speaker_span)
    return {
        t.stem
        for t in words
        if len(t.lower) > 2 and (t.lower not in STOPWORDS | _VAGUE or _capitals(doc, t))
    }


def _title_parts(doc: Doc, a: Attribution) -> set[str]:
    """The stems of the parts of a speaker's hyphenated words ("Director-General": "director",
    "general")."""
    words = (t.lower for t in doc.tokens(*a.speaker_span) if "-" in t.lower)
    return {stem(p) for w in words for p in w.split("-") if len(p) > 2 and p not in STOPWORDS}


def _names_a_person(doc: Doc, a: Attribution) -> bool:
    return any(n.kind == "person" for n in doc.within(doc.names, *a.speaker_span))


def _capitals(doc: Doc, t: Token) -> bool:
    """A word in capitals is a name, whatever word it spells: "WHO" is not "who"."""
    word = doc.text[t.start : t.end]
    return len(word) > 1 and word.isupper()


def _proper(doc: Doc, a: Attribution) -> list[Token]:
    """The capitalised words of a speaker ("Gold Fields", "Morbelli"): what names it. "The
    company", "a spokesman", "The Russian president" (a demonym) or "Analysts" (capitalised
    only as a sentence's first word, an inflected common noun) describe a speaker without
    naming one."""
    names = doc.within(doc.names, *a.speaker_span)
    return [
        t
        for t in doc.tokens(*a.speaker_span)
        if doc.text[t.start].isupper()
        and (t.lower not in _VAGUE | DETERMINERS or _capitals(doc, t))
        and doc.text[t.start : t.end] not in demonyms()
        and (
            not _opens_sentence(doc, t)
            or t.stem == t.lower
            or any(n.start <= t.start < n.end for n in names)
        )
    ]


def _opens_sentence(doc: Doc, t: Token) -> bool:
    start = _sentence_start(doc, t.start)
    return start is not None and not any(c.isalnum() for c in doc.text[start : t.start])


def _sentence_start(doc: Doc, offset: int) -> int | None:
    """Where the sentence holding `offset` starts (None before the first one)."""
    k = doc.sentence_at(offset)
    return doc.sentences[k].start if k >= 0 else None


def _key(doc: Doc, a: Attribution) -> str:
    """The name a speaker gives, as `entities` compares names ("gold fields south africa ltd")."""
    return name_key(" ".join(t.lower for t in _proper(doc, a)))


def _described_by_body(group: Group, a: Attribution, proper: list[Token], bodies: set[str]) -> bool:
    """Is the copy's speaker a description ("a UN official", "the UN official") whose names
    are all among the `bodies` of the source's speakers (`_bodies_of`): the same speaker told
    less precisely, by the body they speak for?"""
    toks = group.copy.tokens(*a.speaker_span)
    if not toks or not proper or not group.copy.text[toks[-1].start].islower():
        return False  # "a UN official", not "UN chief Guterres"
    return all(any(same_name(name_key(t.lower), b) for b in bodies) for t in proper)


def _bodies_of(source: Doc, source_keys: list[str]) -> set[str]:
    """The organisations the source gives as the body its speakers speak for, in a title or
    an apposition where it credits them, in these sentences or another ("said Clementine
    Nkweta-Salami, United Nations resident coordinator", AP on Sudan, 2025): not a body the
    sentence names otherwise ("Hagari said Hamas had fired"), nor one of another speaker of
    the same surname ("Rachel Johnson, a BBC presenter" for Boris Johnson)."""
    by_surname = _bodies_by_speaker(source)
    return {
        body
        for k in set(source_keys) - {""}
        for other, found in by_surname.get(k.split()[-1], {}).items()
        if same_name(other, k)
        for body in found
    }


@per_document
def _bodies_by_speaker(doc: Doc) -> dict[str, dict[str, set[str]]]:
    """By the last word of each speaker's name, the speaker's key and the organisations named
    in their title or apposition where the document credits them ("nkweta-salami": {"clementine
    nkweta-salami": {"united nations"}}). Once per document: asked attribution by attribution,
    it would cost a long text's attributions squared."""
    found: dict[str, dict[str, set[str]]] = {}
    for a in doc.attributions:
        key = _key(doc, a)
        bodies = {
            name_key(doc.span_text(n))
            for n in _described_with(doc, a)
            if n.kind in ("organisation", "other")  # "United Nations" is of no known kind
        }
        if key and bodies:
            found.setdefault(key.split()[-1], {}).setdefault(key, set()).update(bodies)
    return found


TITLE_CHARS = 60  # how far before a speaker's name its title may start ("UN coordinator")
_CLAUSE = re.compile(r"[,.;:!?()\n]")


def _described_with(doc: Doc, a: Attribution) -> list[Name]:
    """The names in the speaker's title, before the name in the same clause ("WHO regional
    director Tedros"), and in an apposition after it ("Nkweta-Salami, United Nations resident
    coordinator in Sudan," up to the next comma or the sentence's end)."""
    start, end = a.speaker_span
    before = max(0, start - TITLE_CHARS)
    opened = [m.end() for m in _CLAUSE.finditer(doc.text, before, start)]
    title = (opened[-1] if opened else before, start)
    spans = [title]
    if doc.text[end : end + 1] == ",":
        close = _CLAUSE.search(doc.text, end + 1, min(len(doc.text), end + 200))
        spans.append((end + 1, close.start() if close else end + 1))
    return [n for lo, hi in spans for n in doc.within(doc.names, lo, hi)]


def _not_credits(doc: Doc, items: list[Attribution]) -> list[Attribution]:
    return [a for a in items if not any(c.start < a.end and a.start < c.end for c in doc.credits)]


# Who counts or records a figure, not who claims it: "according to health ministry data", "a
# Reuters tally", "the oil ministry's news website Shana reported". A copy that states the
# figure plainly misinforms no one about who says so.
_DATA = re.compile(
    r"\b(?:data|figures|statistics|stats|tally|tallies|count|records|estimates?|survey|poll|"
    r"census|filings?|website|agency|media|news|newspaper|outlets?|reports?|documents?|"
    r"court|papers)\b",
    re.IGNORECASE,
)


# "... after Prigozhin declared it Friday": a speech act that dates something, in a clause of
# time, credits no claim of the sentence to its speaker.
_TIME_CLAUSE = re.compile(r"\b(?:after|before|when|since|until|once)\s+$", re.IGNORECASE)


def _claims(doc: Doc, items: list[Attribution]) -> list[Attribution]:
    """The attributions of a claim to someone, less those of data to their record keeper."""
    return [
        a
        for a in items
        if not (a.cue in ("according to", "report", "cite") and _DATA.search(doc.span_text(a)))
    ]


@detector("attribution_dropped", "attribution_changed")
def attributions(comparison: Comparison) -> Iterator[Finding]:
    # "soldiers said" for "troopers said": another body speaks (bodies.py).
    for group in comparison.changed_groups:
        for c, s, speaking in body_swaps(group):
            if speaking:
                yield swapped(group, "attribution_changed", c, s)
    for group in comparison.groups:
        source_attr = _claims(
            group.source, _not_credits(group.source, group.source_items(group.source.attributions))
        )
        if not source_attr:
            continue
        copy_attr = _not_credits(group.copy, group.copy_items(group.copy.attributions))
        copy_speakers = {q.speaker for q in group.copy_items(group.copy.quotes) if q.speaker}
        # "..., according to the Associated Press": the claim is still someone's, not a fact.
        credited = group.copy_items(group.copy.credits)
        if (
            not copy_attr
            and not copy_speakers
            and not credited
            and not _quoted(group)
            and not _unnamed_speech(group)
        ):
            # "despite Russia's denials" still says who denies: a claim stays attributed while
            # the copy names its speaker (or an alias: "Moscow" for "Russia") in these
            # sentences or next to them. Precision first: only a speaker gone from the copy
            # counts.
            gone = [
                a
                for a in source_attr
                if not _TIME_CLAUSE.search(group.source.text, max(0, a.start - 8), a.start)
                and _claim_kept(group, a)
                and not _still_named(comparison, group, a)
            ]
            if not gone:
                continue
            first = gone[0]
            yield group.finding(
                "attribution_dropped",
                "low",
                group.copy_range,
                (first.start, first.end),
                f"the source attributes this ({quoted(group.source.span_text(first))}); "
                "the copy states it as fact",
            )
            continue
        yield from _changed(group, source_attr, copy_attr)


# Where a clause ends: its claim does not run on past "..., and the U.S. ordered ...".
_CLAUSE_BREAK = re.compile(
    r";|\s[—–]\s|,\s+(?:and|but|while|although|though|whereas|even\s+as|as|after|before)\s"
)
# "..., X said on Tuesday.", "..., said Yeap, strategist at IG.": words after the speaker of a
# closing attribution (words, not the commas between them)
TRAILING_WORDS = 4
# "“...,” ING analysts said, noting the lack of any outcome from Blinken's visit": a factive
# verb presents what follows as a fact the speaker points to, so the claim is the quotation.
_FACTIVE = re.compile(
    r"[^,.;]{0,20},\s+(?:noting|pointing\s+out|acknowledging|recalling)\b", re.IGNORECASE
)
CLAIM_KEPT = 0.5  # share of the claim's content words the copy must state


def _claim_kept(group: Group, a: Attribution) -> bool:
    """Does the copy state the claim this attribution governs? "India posted a record rise,
    although several states warned of shortages": "several states warned" governs "of
    shortages", and a copy saying only the record rise drops nothing of theirs. The claim is
    the clause before a closing attribution ("CLAIM, X said."), else the clause after it ("X
    said CLAIM", "According to X, CLAIM"); a closing attribution follows a comma or a quote
    mark. Too short a claim to judge counts as kept."""
    text = group.source.text
    sentence = next(s for s in group.source_sentences if s.start <= a.start < s.end)
    after = max(a.end, a.cue_span.end)
    closing = text[sentence.start : a.start].rstrip().endswith((",", "”", '"', "’"))
    if closing and (
        len(group.source.tokens(after, sentence.end)) <= TRAILING_WORDS
        or _FACTIVE.match(text, after, sentence.end)
    ):
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, sentence.start, a.start)]
        start, end = (breaks[-1] if breaks else sentence.start), a.start
    else:
        m = _CLAUSE_BREAK.search(text, after, sentence.end)
        start, end = after, m.start() if m else sentence.end
    claim = {t.stem for t in group.source.tokens(start, end) if t.lower not in STOPWORDS}
    if len(claim) < 2:
        return True
    return len(claim & group.copy_stems) / len(claim) >= CLAIM_KEPT


# "It was stated that ...", "it's been reported that ...", "it is understood that ...": said by
# someone the copy does not name.
_UNNAMED_SPEECH = re.compile(
    r"\b(?:it|this)(?:\s+|['’])(?:is|was|s|has|had)\s+(?:\w+ly\s+|also\s+)?(?:been\s+)?"
    r"(?:said|stated|reported|claimed|alleged|announced|confirmed|understood|revealed|learned|"
    r"learnt|believed)\s+that\b",
    re.IGNORECASE,
)


def _unnamed_speech(group: Group) -> bool:
    """Copy sentences that say their claim was said, by someone unnamed, keep it a claim."""
    return all(
        _UNNAMED_SPEECH.search(group.copy.text, s.start, s.end) for s in group.copy_sentences
    )


def _quoted(group: Group) -> bool:
    """Copy sentences that open with a quote mark keep the claim someone's words."""
    return all(group.copy.text[s.start] in "“\"‘'«" for s in group.copy_sentences)


def _neighbours(group: Group) -> list[int]:
    """Indexes of the copy sentences where a moved attribution of the group's may stand: the
    sentence before and after in the same paragraph, the paragraph's first sentence, and the
    previous paragraph's last sentence when it ends with a colon (a lead-in)."""
    sentences = group.copy.sentences
    own = {group.copy.sentence_at(s.start) for s in group.copy_sentences}
    found: set[int] = set()
    for i in own:
        paragraph = sentences[i].paragraph
        found |= {
            j
            for j in (i - 1, i + 1)
            if 0 <= j < len(sentences) and sentences[j].paragraph == paragraph
        }
        first = i
        while first > 0 and sentences[first - 1].paragraph == paragraph:
            first -= 1
        found.add(first)
        if first > 0 and group.copy.sentence_text(first - 1).rstrip().endswith(":"):
            found.add(first - 1)
    return sorted(found - own)


@dataclass(frozen=True)
class _Speaker:
    words: frozenset[str]  # stems of the speaker's words
    key: str  # its name as `entities` compares names, "" if it is no name

    def named_in(self, doc: Doc, sentences: list[Sentence], *, one_word: bool = False) -> bool:
        """Named there: by most of its words (any one, with `one_word`: "the ministry" for "the
        Defence Ministry" in the claim's own sentence), or by a name for it ("Reznikov",
        "Moscow" for "Russia"; "U.S." does not name the U.S. Energy Information Administration)."""
        stems = {t.stem for s in sentences for t in doc.tokens(s.start, s.end)}
        shared = len(self.words & stems)
        if shared and (one_word or shared >= len(self.words) / 2):
            return True
        names = [n for s in sentences for n in doc.within(doc.names, s.start, s.end)]
        return bool(self.key) and any(_names(self.key, name_key(doc.span_text(n))) for n in names)


def _speaker(group: Group, a: Attribution) -> _Speaker | None:
    """Who the attribution credits; a source's "he said" credits the person named last before
    it. None when that cannot be told."""
    words = frozenset(_speaker_words(group, a, False))
    key = _key(group.source, a) if _proper(group.source, a) else ""
    if not words and a.speaker.lower() in _VAGUE:
        person = _antecedent(group.source, a)
        if person is None:
            return None
        named = group.source.tokens(person.start, person.end)
        words = frozenset(t.stem for t in named if len(t.lower) > 2)
        key = name_key(group.source.span_text(person))
    return _Speaker(words, key)


def _still_named(comparison: Comparison, group: Group, a: Attribution) -> bool:
    """The copy still says who claims it: in the claim's own sentences, or moved next to them. A
    neighbour counts only if the speaker there is its own addition (its source sentence does
    not name the speaker): after "…, Hattori said.", a bare "The firm is not in talks." has
    lost its "he added"."""
    speaker = _speaker(group, a)
    if speaker is None:
        return False
    if speaker.named_in(group.copy, list(group.copy_sentences), one_word=True):
        return True
    if speaker.named_in(group.copy, _retold(comparison, group)):
        return True
    sources = comparison.sources
    for j in _neighbours(group):
        sentence = group.copy.sentences[j]
        if not speaker.named_in(group.copy, [sentence]):
            continue
        if _lead_in(group.copy, sentence):
            return True  # "Reznikov said: ..." speaks for what follows the colon
        # The neighbour's own source sentences (other than this claim's) do not name the
        # speaker: the name there is the one moved from this claim.
        theirs = [
            sources[r.source].sentences[r.sentence]
            for r in comparison.alignment.matches[j].sources
            if r.source == group.source_index
            and sources[r.source].sentences[r.sentence] not in group.source_sentences
        ]
        if not speaker.named_in(group.source, theirs):
            return True
    return False


def _retold(comparison: Comparison, group: Group) -> list[Sentence]:
    """Other copy sentences made from the claim's own source sentences: a page that sums up
    the story in its lede ("Warne died of a suspected heart attack in Thailand.") and tells it
    again below, with the speaker ("..., according to a statement issued by his management
    company."), has not dropped who says so."""
    claim = {(group.source_index, s) for s in group.source_sentences}
    sources = comparison.sources
    return [
        group.copy.sentences[m.copy_sentence]
        for m in comparison.alignment.matches
        if group.copy.sentences[m.copy_sentence] not in group.copy_sentences
        and any((r.source, sources[r.source].sentences[r.sentence]) in claim for r in m.sources)
    ]


def _lead_in(doc: Doc, sentence: Sentence) -> bool:
    """A sentence that introduces what follows: one ending with a colon ("Reznikov addressed
    lawmakers:") or one whose speech verb a colon follows ("Reznikov said: ...")."""
    text = doc.span_text(sentence).rstrip()
    colon = text.find(":")
    return text.endswith(":") or (colon >= 0 and CUE_RE.search(text, 0, colon) is not None)


def _names(speaker: str, name: str) -> bool:
    """Does this name in the copy name the speaker? "Reznikov" names "Oleksii Reznikov", "Moscow"
    names "Russia"; "U.S." does not name "U.S. Energy Information Administration"."""
    words, of = name.split(), speaker.split()
    part = set(words) < set(of) and len(words) < len(of) / 2
    return same_name(speaker, name) and not part


# Plural groups a copy may credit in place of one person ("analysts warned").
CROWDS = frozenset(
    """analysts experts economists officials traders observers scientists researchers sources
    strategists investors diplomats critics doctors specialists""".split()
)


ROLE_REACH = 8  # words around a named speaker where the source gives their role


def _generalised(group: Group, a: Attribution, source_named: list[Attribution]) -> Finding | None:
    """The copy credits a crowd ("analysts warned") where the source credits one person it
    names with that role ("said Tamas Varga, an analyst at PVM"; "analyst Tamas Varga said")
    and no crowd of them: one voice made a consensus."""
    words = group.copy.tokens(*a.speaker_span)
    if len(source_named) != 1 or not words or words[-1].lower not in CROWDS:
        return None
    crowd = words[-1].lower
    other = source_named[0]
    toks = group.source.tokens(*group.source_range)
    if crowd in {t.lower for t in toks}:
        return None
    span = other.speaker_span
    at = [k for k, t in enumerate(toks) if span.start <= t.start < span.end]
    around = toks[max(0, at[0] - ROLE_REACH) : at[-1] + 1 + ROLE_REACH] if at else []
    one = crowd.removesuffix("s")
    if not any(t.lower == one for t in around):
        return None
    speaker = _speaker(group, other)
    if speaker is None or speaker.named_in(group.copy, list(group.copy_sentences)):
        return None
    return group.finding(
        "attribution_changed",
        "medium",
        a.speaker_span,
        other.speaker_span,
        f"the copy credits {quoted(group.copy.span_text(a.speaker_span))}; the source credits "
        f"one {one}, {quoted(other.speaker)}",
    )


def _role(doc: Doc, a: Attribution) -> set[str]:
    """Stems of the words right before the speaker's name that title it ("Wagner Group chief"
    Yevgeny Prigozhin): up to ROLE_WORDS, joined by spaces alone, in its sentence."""
    start = _sentence_start(doc, a.speaker_span[0]) or 0
    before = doc.tokens(start, a.speaker_span[0])[-ROLE_WORDS:]
    role: list[Token] = []
    end = a.speaker_span[0]
    for t in reversed(before):
        if doc.text[t.end : end].strip():
            break
        role.append(t)
        end = t.start
    return {t.stem for t in role if len(t.lower) > 2 and t.lower not in STOPWORDS}


INTRODUCED_WITHIN = 2  # sentences before a described speaker where the source names them


def _described(doc: Doc, a: Attribution) -> bool:
    """Is the speaker a description whose capitals are only places and organisations ("the
    former Mexico City mayor"), or a title of a place ("The Duke of Sussex", "the Emir of
    Qatar"), naming no one ("former senator Xochitl Galvez", "Secretary of State Antony
    Blinken" name someone)?"""
    within = doc.within(doc.names, *a.speaker_span)
    title = _TITLE_OF.match(doc.span_text(a.speaker_span))
    if title and title[1].lower() in _TITLES_OF_PLACES:
        return not any(n.kind == "person" for n in within)
    places = [n for n in within if n.kind in _NOT_PEOPLE]
    return all(any(n.start <= t.start < n.end for n in places) for t in _proper(doc, a))


_NOT_PEOPLE = ("place", "organisation")
# "[the] [former] Title of Place": a title held of a place or an office, not a name.
_TITLE_OF = re.compile(r"(?:[Tt]he\s+)?(?:[\w-]+\s+)?(\w+)\s+of\s+[A-Z]")
_TITLES_OF_PLACES = TITLES | frozenset(
    "duke duchess earl countess baron baroness marquess viscount archbishop bishop cardinal".split()
)


def _introduced(doc: Doc, a: Attribution, names: set[str]) -> bool:
    """Does the source name the copy's speaker (`names`: stems) in the INTRODUCED_WITHIN
    sentences before crediting a description ("Mexico's projected winner, Claudia Sheinbaum,
    ... The climate scientist and former Mexico City mayor said")? Then the copy that credits
    "Sheinbaum" names whom the source describes."""
    k = doc.sentence_at(a.speaker_span.start)
    start = doc.sentences[max(0, k - INTRODUCED_WITHIN)].start if k >= 0 else 0
    return names <= {t.stem for t in doc.tokens(start, a.speaker_span.start)}


def _one_person(group: Group, ours: str, theirs: str) -> bool:
    """Do two speakers' names stand for one name the texts give in full ("Kittiratanapaibool"
    for "Adinun", where both name "Adinun Kittiratanapaibool" first: a spun copy of Reuters,
    2024, calling a Thai doctor by his surname where Reuters uses his given name)?"""
    copy_full, source_full = full_names(group.copy), full_names(group.source)
    return any(same_name(a, b) for a in copy_full.expand(ours) for b in source_full.expand(theirs))


def _antecedent(doc: Doc, a: Attribution) -> Name | None:
    before = [n for n in doc.names if n.kind == "person" and n.end <= a.speaker_span.start]
    return before[-1] if before else None


def _changed(
    group: Group, source_attr: list[Attribution], copy_attr: list[Attribution]
) -> Iterator[Finding]:
    source_named = [a for a in source_attr if _proper(group.source, a)]
    if not source_named:
        return
    source_words = set().union(*(_speaker_words(group, a, False) for a in source_named))
    # The copy may credit the same speaker by another form of the name ("Baghdad" for "Iraq").
    source_keys = [_key(group.source, a) for a in source_named]
    distinct_keys = list(dict.fromkeys(source_keys))  # one speaker credited many times, once
    named = name_words(group.source, group.source_items(group.source.names))
    bodies: set[str] | None = None  # the source speakers' bodies, found when first needed
    for a in copy_attr:
        proper = _proper(group.copy, a)
        if not proper:
            # "the company said": a description, not another speaker; but "analysts warned"
            # for one named analyst's words makes one voice a consensus.
            finding = _generalised(group, a, source_named)
            if finding is not None:
                yield finding
            continue
        words = _speaker_words(group, a, True)
        if not words or words & source_words or words & group.source_stems:
            continue
        # "WHO Director-General Tedros" for "the UN agency's director": a title the source's
        # description names no one by. Not for a named speaker ("Secretary-General Guterres" for
        # "Secretary of State Antony Blinken" is another person).
        if _title_parts(group.copy, a) & source_words and not any(
            _names_a_person(group.source, other) for other in source_named
        ):
            continue
        if _role(group.copy, a) & source_words:
            continue  # "Wagner Group chief Yevgeny Prigozhin" is "the head of the Wagner group"
        if bodies is None:
            bodies = _bodies_of(group.source, source_keys)
        if _described_by_body(group, a, proper, bodies):
            continue
        key = _key(group.copy, a)
        if any(
            same_name(key, k) or _one_person(group, key, k) or glued(a.speaker, k, named)
            for k in distinct_keys
        ):
            continue
        other = source_named[0]
        credits = (
            f"the copy credits {quoted(a.speaker)}; the source credits {quoted(other.speaker)}"
        )
        if _described(group.source, other) and _introduced(group.source, other, words):
            # "Claudia Sheinbaum ... The former Mexico City mayor said": likely one person, but
            # the name before a description may be another's ("Police arrested John Smith.
            # The Dallas police chief said"): a lead, no accusation.
            yield group.finding(
                "attribution_changed",
                "low",
                a.speaker_span,
                other.speaker_span,
                f"{credits}, a description of someone the source names just before, perhaps "
                "the same person",
            )
            continue
        yield group.finding(
            "attribution_changed", "high", a.speaker_span, other.speaker_span, credits
        )
