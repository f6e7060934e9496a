"""Every finding type unspin reports, in one table: what the suppression order, the report
schema, the site report and the detector registry read. Adding a type is one row here, one
detector module and its test. The docs' table is made from this one (`python -m
unspin.finding_types` prints it for docs/report-schema.md; a test holds the two equal).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FindingType:
    name: str
    description: str  # one line, for people (the report's legend, the schema's docs)
    # Where findings of two types point at the same words in both texts, only the more
    # specific stays (a swapped speaker is a misattributed quote, not also a changed
    # attribution and a changed entity): lower is more specific.
    specificity: int
    # About a whole sentence added or left out, not a change inside one: never suppressed,
    # and not a distortion of what the source said.
    sentence_level: bool = False


# In the order reports and docs show them.
TABLE = (
    FindingType("quote_altered", "A quotation's words differ from the source's.", 1),
    FindingType("quote_fabricated", "A quotation that appears nowhere in the source.", 2),
    FindingType(
        "quote_misattributed",
        "A quotation credited to someone other than the source's speaker.",
        0,
    ),
    FindingType(
        "attribution_dropped",
        "A statement the source credits to someone is stated as plain fact.",
        4,
    ),
    FindingType(
        "attribution_changed",
        "A statement is credited to a different speaker, or with another verb.",
        3,
    ),
    FindingType(
        "number_changed", "A number differs from the source's number for the same thing.", 5
    ),
    FindingType("number_added", "A number that the source does not give.", 11),
    FindingType(
        "number_dropped", "A number the source gives that the copy's sentence leaves out.", 12
    ),
    FindingType(
        "entity_changed",
        "A person, organisation or place differs from the source's, or a person's office is"
        " made former or current.",
        10,
    ),
    FindingType("negation_flipped", "A statement negated in one text and not in the other.", 7),
    FindingType(
        "certainty_shifted",
        "A hedge removed or added (may, could, reportedly; will, certainly).",
        9,
    ),
    FindingType("loaded_wording", "Neutral wording replaced by loaded or sensational words.", 8),
    FindingType("time_changed", "A day, date or time differs from the source's.", 6),
    FindingType(
        "unsourced_sentence",
        "A copy sentence no source sentence supports.",
        13,
        sentence_level=True,
    ),
    FindingType(
        "omitted_sentence",
        "A source sentence the copy leaves out (a caveat, a denial, context).",
        13,
        sentence_level=True,
    ),
)

BY_NAME = {t.name: t for t in TABLE}
NAMES = tuple(t.name for t in TABLE)
SENTENCE_LEVEL = frozenset(t.name for t in TABLE if t.sentence_level)
# Changes to what the source said (the rest add or leave out whole sentences).
DISTORTIONS = tuple(t.name for t in TABLE if not t.sentence_level)
DESCRIPTIONS = {t.name: t.description for t in TABLE}


def markdown_table() -> str:
    """The table as docs/report-schema.md shows it."""
    rows = [f"| `{t.name}` | {t.description} |" for t in TABLE]
    return "\n".join(["| type | meaning |", "|---|---|", *rows]) + "\n"


if __name__ == "__main__":
    print(markdown_table(), end="")
