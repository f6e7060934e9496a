"""Proper names and their kinds."""

import pytest

from segment_texts import REUTERS_BANKAMERICA, SEED
from unspin.model import Article
from unspin.segmentation import segment
from unspin.segmentation.names import name_start


def names(text: str) -> list[tuple[str, str]]:
    d = segment(Article(text))
    return [(d.span_text(n), n.kind) for n in d.names]


def test_seed_names_and_kinds() -> None:
    got = set(names(SEED))
    assert {
        ("Oleksii Reznikov", "person"),
        ("Reznikov", "person"),
        ("Dmitry Peskov", "person"),
        ("Volodymyr Fesenko", "person"),
        ("Vladimir Putin", "person"),
        ("Biden", "person"),
        ("NATO", "organisation"),
        ("Kremlin", "organisation"),
        ("State Department", "organisation"),
        ("Kyiv International Institute of Sociology", "organisation"),
        ("United States", "place"),
        ("U.S.", "place"),
        ("Ukraine", "place"),
        ("Kyiv", "place"),
        ("Moscow", "place"),
        ("Baltic Sea", "place"),
        ("Black Sea", "place"),
        ("Crimean Peninsula", "place"),
        ("Eastern Europe", "place"),
        ("Lithuania", "place"),
        ("Ukrainian", "other"),
        ("Ukrainians", "other"),
        ("Soviet", "other"),
        ("West", "other"),
    } <= got


def test_seed_excludes_ordinary_words_titles_and_times() -> None:
    words = {name for name, _ in names(SEED)}
    for word in ["Diplomatic", "Even", "Despite", "Equipment", "Some", "No", "However", "The",
                 "Defense Minister", "President", "Tuesday", "Monday", "January", "Latest News",
                 "Invasion", "Insists", "Imminent", "F-16", "I"]:  # fmt: skip
        assert word not in words


def test_name_spans_point_at_the_words() -> None:
    d = segment(Article(SEED))
    spans = {(n.start, n.end) for n in d.names}
    start = SEED.index("Oleksii Reznikov")
    assert (start, start + len("Oleksii Reznikov")) in spans
    start = SEED.index("NATO-planned")
    assert (start, start + 4) in spans  # "NATO", without "-planned"
    start = SEED.index("Kremlin’s plans")
    assert (start, start + len("Kremlin")) in spans  # without the possessive


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He met John F. Kennedy in Dallas.", [("John F. Kennedy", "person"), ("Dallas", "place")]),
        ("The Bank of England acted.", [("Bank of England", "organisation")]),
        ("Russian Foreign Minister Sergei Lavrov spoke.",
         [("Russian", "other"), ("Sergei Lavrov", "person")]),
        ("Officials in the Russian Federation spoke.", [("Russian Federation", "place")]),
        ("Mr. Smith met Gen. Milley in St. Petersburg.",
         [("Smith", "person"), ("Milley", "person"), ("St. Petersburg", "place")]),
        ("The SEC and NATO met.", [("SEC", "organisation"), ("NATO", "organisation")]),
        # Reuters on the Singapore Airlines turbulence (2024): a hospital a director heads is
        # no person.
        ("Adinun Kittiratanapaibool, Director of Bangkok's Samitivej Srinakarin Hospital, spoke.",
         [("Adinun Kittiratanapaibool", "other"), ("Bangkok", "place"),
          ("Samitivej Srinakarin Hospital", "organisation")]),
    ],
)  # fmt: skip
def test_kinds(text: str, expected: list[tuple[str, str]]) -> None:
    assert names(text) == expected


def test_wire_copy_names() -> None:
    got = names(REUTERS_BANKAMERICA)
    assert ("BankAmerica Corp", "organisation") in got
    assert ("Arthur Miller", "person") in got
    assert ("SEC", "organisation") in got
    assert ("Brazil", "place") in got


@pytest.mark.parametrize(
    ("words", "start"),
    [
        (["Defense", "Minister", "Oleksii", "Reznikov"], 2),
        (["Secretary", "of", "State", "Antony", "Blinken"], 3),
        (["Ukraine’s", "President", "Volodymyr", "Zelensky"], 2),
        (["Manhattan", "District", "Attorney", "Alvin", "Bragg"], 3),
        (["Attorney", "General", "Pam", "Bondi"], 2),
        (["State", "Department"], 0),
        (["Defense", "Minister"], 0),
        (["Vice", "President", "for", "Financial", "Communications"], 0),
    ],
)
def test_name_start_skips_titles(words: list[str], start: int) -> None:
    assert name_start(words) == start


def test_a_time_between_two_names_keeps_them_apart() -> None:
    # Regression: "Thursday" was skipped as a time but left "UAE" and "OPEC" looking adjacent,
    # giving one name "UAE oil minister, said on Thursday OPEC".
    text = "Mohammed al-Hamli, also UAE oil minister, said on Thursday OPEC was deeply concerned."
    names = [text[n.start : n.end] for n in segment(Article(text=text)).names]
    assert "UAE" in names and "OPEC" in names
    assert not any("," in n for n in names)


def test_a_kicker_before_a_colon_is_not_a_name() -> None:
    # AP on Hunter Biden's verdict, as a copy set it out: "Next Steps:" labels a paragraph.
    found = names(
        "Testimony revealed his drug use. Next Steps: Sentencing by U.S. District Judge "
        "Maryellen Noreika has not been scheduled."
    )
    assert [n for n, _ in found] == ["Maryellen Noreika"]
