"""A body of people named by a common noun put for another: "soldiers said" where the source
says "troopers said" (a thesaurus's synonym for a state police officer), "doctors" for
"nurses". Who acted or spoke is another institution: a changed attribution when it is the
speaker (attribution.py), a changed entity otherwise (entities.py). Shared machinery, not a
detector.

Nouns of one group stand for one another ("troops" / "soldiers", "police" / "troopers",
"residents" / "locals"); vague ones ("officials", "authorities", "workers") belong to no
group and never count. As with place nouns (entities.py), only words outside the runs both
sentences share, and not said anywhere in the other's sentences, are paired, in order.
"""

from __future__ import annotations

import re

from unspin.detect.base import Group
from unspin.model import Doc
from unspin.text import STOPWORDS, Token, capitalised_mid_sentence

_BODY_NOUNS = [
    "police policeman policemen policewoman policewomen trooper troopers cop cops constable"
    " constables",
    "soldier soldiers troops army military servicemen marines",
    "firefighter firefighters firemen",
    "doctor doctors physician physicians surgeon surgeons",
    "nurse nurses",
    "judge judges",
    # A prosecutor is a government's lawyer: "district attorney", "government lawyers".
    "lawyer lawyers attorney attorneys prosecutor prosecutors",
    "teacher teachers",
    "student students pupils",
    "resident residents villagers locals",
    "journalist journalists reporters",
    "witness witnesses onlookers bystanders",
]
_BODY_KIND = {w: k for k, words in enumerate(_BODY_NOUNS) for w in words.split()}


def body_swaps(group: Group) -> list[tuple[Token, Token, bool]]:
    """The body nouns of the copy put for another body's of the source, in order, each with
    whether both are the speakers of an attribution ("soldiers said" for "troopers said")."""
    copy_changed, source_changed = group.prose_changes
    copy_bodies = [
        t for t in copy_changed if _a_body(group.copy, t) and t.stem not in group.source_stems
    ]
    source_bodies = [
        t for t in source_changed if _a_body(group.source, t) and t.stem not in group.copy_stems
    ]
    return [
        (c, s, _speaker(group.copy, c) and _speaker(group.source, s))
        for c, s in zip(copy_bodies, source_bodies, strict=False)
        if _BODY_KIND[c.lower] != _BODY_KIND[s.lower] and _same_place(group, c, s)
    ]


def _same_place(group: Group, c: Token, s: Token) -> bool:
    """Do the two nouns stand in the same place, next to the same word ("..., soldiers said"
    and "..., troopers said")? In a sentence merged from two, a body the copy adds ("with help
    from police, fire and rescue") and one it leaves out ("the army has been contacted") are
    no swap."""
    return bool(_beside(group.copy, c) & _beside(group.source, s))


def _beside(doc: Doc, t: Token) -> set[tuple[int, str]]:
    """The stems of the words just before and just after `t`, articles passed over."""
    before = [w for w in doc.tokens(max(0, t.start - 40), t.start) if w.lower not in _ARTICLES]
    after = [w for w in doc.tokens(t.end, t.end + 40) if w.lower not in _ARTICLES]
    return {(-1, w.stem) for w in before[-1:]} | {(1, w.stem) for w in after[:1]}


_ARTICLES = frozenset({"the", "a", "an"})
_BETWEEN = frozenset({"paramilitary", "military"})
_REGIMENT = re.compile(r"\b(?:Army|Cavalry|Regiment|Dragoons|Guards|Hussars|Lancers|Squadron)\b")


def _a_body(doc: Doc, t: Token) -> bool:
    """A body noun as a word of prose, not of a name ("the Police Federation", "Army Chief"),
    nor a modifier of the noun after it ("a police car", "the army general"), nor a force
    between two bodies ("paramilitary police", "military police"), nor a British cavalry
    trooper (a soldier: "two troopers of the Household Cavalry")."""
    if t.lower not in _BODY_KIND or capitalised_mid_sentence(doc.text, t.start):
        return False
    previous = doc.tokens(max(0, t.start - 20), t.start)[-1:]
    if previous and previous[0].lower in _BETWEEN:
        return False
    k = doc.sentence_at(t.start)
    if t.lower.startswith("trooper") and k >= 0 and _REGIMENT.search(doc.sentence_text(k)):
        return False
    after = doc.tokens(t.end, t.end + 40)[:1]
    return not (
        after
        and not doc.text[t.end : after[0].start].strip()
        and after[0].lower not in STOPWORDS
        and not _a_verb(after[0].lower)
    )


# Verbs of what a body did or said, told from the noun a body noun may modify without a
# tagger: a regular past ("tried", "arrested") or one of these.
_IRREGULAR_VERBS = frozenset(
    """said say says told tell tells wrote write writes found find finds shot shoot shoots took
    take takes gave give gives came come comes went go goes began fought held hold holds kept
    keep keeps left made make makes met ran run runs saw see sees sent send sends brought
    bring brings caught stood struck fled flee flees""".split()
)


def _a_verb(word: str) -> bool:
    return word.endswith("ed") or word in _IRREGULAR_VERBS


def _speaker(doc: Doc, t: Token) -> bool:
    """Is the word in the speaker of an attribution ("troopers said", "according to police")?"""
    return any(
        a.speaker_span.start <= t.start < a.speaker_span.end
        for a in doc.within(doc.attributions, t.start - 200, t.end + 200)
    )
