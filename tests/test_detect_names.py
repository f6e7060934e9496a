"""Names as compared (`name_key`) and matched or told apart (`same_name`), a lost space between
two names (`glued`), one-word short forms (`ShortForms`) and a document's fuller names
(`FullNames`). Spellings of one name, an abbreviation and its full name, a capital for its
country are one name; two people sharing a surname or a given name, and two places spelled
alike, are two.
"""

from __future__ import annotations

import pytest

from unspin.detect.names import ShortForms, full_names, glued, name_key, name_words, same_name
from unspin.model import Article, Doc
from unspin.segmentation import segment

BIDENS = (
    "U.S. President Joe Biden spoke on Monday. His son Hunter Biden was not there. Biden said "
    "the talks would go on, and Hunter declined to comment."
)
CAMPAIGN = "The Trump Vance campaign said on Monday that Donald Trump would speak in Ohio."


def doc(text: str) -> Doc:
    return segment(Article(text))


def same(a: str, b: str) -> bool:
    return same_name(name_key(a), name_key(b))


# --- name_key ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("U.S.", "us"),  # AP's periods in an abbreviation
        ("The U.N.", "un"),  # and a leading "the"
        ("Rodríguez", "rodriguez"),  # accents
        ("Zelenskyy’s", "zelenskyy"),  # a curly possessive
        ("the Joneses'", "joneses"),  # a plural possessive
        ("  Joe   BIDEN ", "joe biden"),  # case and spacing
        ("Second World War", "world war ii"),  # one war, one spelling
    ],
)
def test_name_key_spells_a_name_one_way(text: str, key: str) -> None:
    assert name_key(text) == key


# --- same_name ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("U.S.", "United States"),  # an abbreviation and its full name, by alias
        ("U.S.", "America"),
        ("Washington", "U.S."),  # a capital for its country
        ("Kyiv", "Kiev"),  # a transliteration the alias list knows
        ("Moscow", "Kremlin"),  # an institution for its country
        ("Volodymyr Zelenskyy", "Zelensky"),  # a surname spelled otherwise for the full name
        ("Zelensky", "Zelenskiy"),  # Reuters' and AP's spellings
        ("Rodríguez", "Rodriguez"),  # with and without the accent
        ("Biden", "Joe Biden"),  # a second reference by surname
        ("Joe Biden", "Joseph R. Biden Jr."),  # nickname, middle initial, suffix
        ("North Atlantic Treaty Organization", "NATO"),  # an acronym and its full name
        ("Federal Bureau of Investigation", "FBI"),  # initials without the "of"
        ("Ebrahim Raisi", "Ibrahim Raisi"),  # a first vowel transliterated otherwise
    ],
)
def test_spellings_of_one_name_are_the_same_name(a: str, b: str) -> None:
    assert same(a, b)
    assert same(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Joe Biden", "Hunter Biden"),  # father and son: one surname, two people
        ("Martin Schulz", "Olaf Scholz"),  # surnames alike, given names apart
        ("Donald Trump", "Donald Tusk"),  # one given name, two people
        ("Volodymyr Zelensky", "Volodymyr Fesenko"),
        ("Austria", "Australia"),  # two known places however alike
        ("Niger", "Nigeria"),
        ("Iran", "Iraq"),  # two known aliases' groups stay apart
        ("North Korea", "South Korea"),
        ("New York Stock Exchange", "Beijing Stock Exchange"),  # generic words set aside
        ("Tymoshenko", "Poroshenko"),  # a shared ending is a family of names
        ("INA", "IRNA"),  # acronyms alike only when equal
    ],
)
def test_different_people_places_and_bodies_are_not_the_same_name(a: str, b: str) -> None:
    assert not same(a, b)
    assert not same(b, a)


# --- glued -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("speaker", "surname", "words", "expected"),
    [
        # "addressed to TrudeauFreeland wrote:", a spun copy of Global News, 2024.
        ("addressed to TrudeauFreeland", "chrystia freeland", {"trudeau", "freeland"}, True),
        ("MacDonald", "donald", {"mac", "donald"}, False),  # "Mac" is a prefix, not a name
        ("BlackRock", "rock", {"chris", "rock"}, False),  # "black" is no name of the text
        ("trudeaufreeland", "freeland", {"trudeau", "freeland"}, False),  # no capital to show it
    ],
)
def test_glued_finds_a_name_run_into_the_speakers_surname(
    speaker: str, surname: str, words: set[str], expected: bool
) -> None:
    assert glued(speaker, surname, words) is expected


def test_name_words_are_the_words_of_the_documents_name_keys() -> None:
    d = doc(BIDENS)
    assert name_words(d, d.names) == {"joe", "hunter", "biden"}


# --- ShortForms --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("us", True),  # initials of "united states"
        ("boe", True),  # of "bank of england", its "of" left out
        ("xi", True),  # a word of "xi jinping"
        ("london", True),  # an alias of "britain", its capital
        ("russia", False),  # an alias group no name of the set is in
        ("joe", True),  # a word of "joe biden" as written, not only as "joseph"
        ("joseph", True),  # ... and its given name spelled out, as same_name reads it
        ("jr", False),  # a suffix is no short form of a name
    ],
)
def test_short_forms_hold_initials_words_and_aliases_of_the_names(key: str, expected: bool) -> None:
    names = ["united states", "new york times", "bank of england", "xi jinping", "britain"]
    forms = ShortForms([*names, "joe biden jr"])
    assert forms.holds(key) is expected


# --- FullNames ---------------------------------------------------------------------------------


def test_a_surname_expands_to_every_full_name_the_story_gives_it() -> None:
    names = full_names(doc(BIDENS))
    assert names.expand("biden") == ["biden", "joe biden", "hunter biden"]
    assert names.expand("hunter") == ["hunter", "hunter biden"]


def test_a_full_name_or_a_word_the_story_does_not_name_expands_to_itself() -> None:
    names = full_names(doc(BIDENS))
    assert names.expand("joe biden") == ["joe biden"]
    assert names.expand("zelensky") == ["zelensky"]
    assert names.expand("") == [""]


def test_two_names_after_the_are_no_ones_full_name() -> None:
    names = full_names(doc(CAMPAIGN))
    assert names.expand("vance") == ["vance"]  # "the Trump Vance campaign" names no one
    assert names.expand("trump") == ["trump", "donald trump"]


def test_full_names_are_made_once_per_document() -> None:
    d = doc(BIDENS)
    assert full_names(d) is full_names(d)
