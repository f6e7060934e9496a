"""Another person, organisation, place or country in the copy than in the source.

A swap is a name in the copy that the aligned source sentences do not contain, paired with a
name of the same kind in the source that the copy's sentences dropped. Spelling variants
(Zelensky / Zelenskyy) and common metonyms (Moscow for Russia, Washington for the U.S.) are
the same entity.
"""

from __future__ import annotations

from collections.abc import Iterator

from rapidfuzz import fuzz

from unspin.detect.base import Comparison, Group, detector, quoted
from unspin.model import Doc, Finding, Name

# Names that stand for one another in news prose. Hand-written because no package maps
# capitals, abbreviations and institutions to their countries for this purpose.
_ALIASES = [
    {
        "us",
        "u.s",
        "usa",
        "u.s.a",
        "united states",
        "america",
        "washington",
        "white house",
        "american",
        "americans",
    },
    {
        "uk",
        "u.k",
        "britain",
        "great britain",
        "united kingdom",
        "london",
        "downing street",
        "british",
    },
    {"russia", "moscow", "kremlin", "russian federation", "russian", "russians"},
    {"ukraine", "kyiv", "kiev", "ukrainian", "ukrainians"},
    {"china", "beijing", "people's republic of china", "chinese"},
    {"eu", "european union", "brussels"},
    {"un", "u.n", "united nations"},
    {"nato", "north atlantic treaty organization", "alliance"},
    {"france", "paris", "elysee", "french"},
    {"germany", "berlin", "german", "germans"},
    {"japan", "tokyo", "japanese"},
    {"israel", "jerusalem", "israeli", "israelis"},
    {"iran", "tehran", "iranian", "iranians"},
    {"india", "new delhi", "indian", "indians"},
    {"philippines", "manila", "philippine", "filipino", "filipinos"},
    {"iraq", "baghdad", "iraqi", "iraqis"},
    {"syria", "damascus", "syrian", "syrians"},
    {"turkey", "ankara", "turkish"},
    {"egypt", "cairo", "egyptian", "egyptians"},
    {"saudi arabia", "riyadh", "saudi", "saudis"},
    {"pakistan", "islamabad", "pakistani", "pakistanis"},
    {"afghanistan", "kabul", "afghan", "afghans"},
    {"north korea", "pyongyang", "north korean", "north koreans"},
    {"south korea", "seoul", "south korean", "south koreans"},
    {"taiwan", "taipei", "taiwanese"},
    {"belarus", "minsk", "belarusian", "belarusians"},
    {"poland", "warsaw", "polish"},
    {"italy", "rome", "italian", "italians"},
    {"spain", "madrid", "spanish"},
    {"canada", "ottawa", "canadian", "canadians"},
    {"mexico", "mexican", "mexicans"},
    {"brazil", "brasilia", "brazilian", "brazilians"},
    {"argentina", "buenos aires", "argentine", "argentinian", "argentines"},
    {"venezuela", "caracas", "venezuelan", "venezuelans"},
    {"south africa", "pretoria", "south african", "south africans"},
    {"ecuador", "quito", "ecuadorean", "ecuadorian"},
]
_ALIAS_OF = {name: i for i, group in enumerate(_ALIASES) for name in group}
SAME_NAME = 85  # rapidfuzz ratio at or above which two spellings are one word of a name


def _key(doc: Doc, name: Name) -> str:
    return name_key(doc.span_text(name))


def name_key(text: str) -> str:
    """A name as compared: lower case, no possessive, no leading "the"."""
    text = text.lower().replace("’s", "").replace("'s", "")
    return text.removeprefix("the ").strip(" .")


def same_name(a: str, b: str) -> bool:
    """Two name keys stand for one entity: equal, aliases, or spellings of one name."""
    if a == b:
        return True
    ia, ib = _ALIAS_OF.get(a), _ALIAS_OF.get(b)
    if ia is not None and ib is not None:
        return ia == ib  # both known: Iraq and Iran, North and South Korea, stay apart
    words_a, words_b = set(a.split()), set(b.split())
    if words_a <= words_b or words_b <= words_a:
        return True  # "Xi" / "Xi Jinping", "Gold Fields" / "Gold Fields of South Africa Ltd"
    if min(len(a), len(b)) <= 4:
        return False  # short names and acronyms (INA, IRNA) are alike only when equal
    # Every distinctive word of the shorter name stands, perhaps spelled otherwise, in the
    # longer: "Zelensky" / "Volodymyr Zelenskyy" are one person; "Volodymyr Zelensky" /
    # "Volodymyr Fesenko" two; "New York Stock Exchange" / "Beijing Stock Exchange" two.
    short, long = sorted((_distinctive(a), _distinctive(b)), key=len)
    return all(any(fuzz.ratio(w, v) >= SAME_NAME for v in long) for w in short)


# Words that many organisations' names share: they do not tell two entities apart.
_GENERIC = frozenset(
    "the of and & corp corporation inc co company ltd plc group bank banking exchange stock "
    "holdings holding international sa ag nv llc lp association committee".split()
)


def _distinctive(name: str) -> list[str]:
    words = name.split()
    return [w for w in words if w not in _GENERIC] or words


def _kind_compatible(a: Name, b: Name) -> bool:
    return a.kind == b.kind or "other" in (a.kind, b.kind)


@detector("entity_changed")
def entities(comparison: Comparison) -> Iterator[Finding]:
    for group in comparison.groups:
        yield from _group_entities(group)


def _group_entities(group: Group) -> Iterator[Finding]:
    copy_names = [(n, _key(group.copy, n)) for n in group.copy_items(group.copy.names)]
    source_names = [(n, _key(group.source, n)) for n in group.source_items(group.source.names)]
    added = [(n, k) for n, k in copy_names if not any(same_name(k, sk) for _, sk in source_names)]
    dropped = [(n, k) for n, k in source_names if not any(same_name(k, ck) for _, ck in copy_names)]
    for name, _ in added:
        counterpart = next((s for s, _ in dropped if _kind_compatible(name, s)), None)
        if counterpart is None:
            continue
        dropped = [(s, k) for s, k in dropped if s is not counterpart]
        yield group.finding(
            "entity_changed",
            "high",
            (name.start, name.end),
            (counterpart.start, counterpart.end),
            f"the copy names {quoted(group.copy.span_text(name))} "
            f"where the source names {quoted(group.source.span_text(counterpart))}",
        )
