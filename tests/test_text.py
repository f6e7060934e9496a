"""unspin.text: word tokens with offsets, read once per text and sliced by range, and the
other cuts of a text for the readers that need them."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

import unspin.text
from unspin.text import (
    LONG_SEQUENCE,
    STEMS_VERSION,
    STOPWORDS,
    TextTokens,
    Token,
    _lower_words,
    american,
    chunks,
    composed,
    content_stems,
    edit_pieces,
    lower_words_at,
    next_lower,
    one_line,
    tokens,
    word_matcher,
    word_trigrams,
    words_and_marks,
)

WORDS = st.sampled_from(["Kyiv", "don't", "F-16", "8,500", "U.S.", "—", "“", "said", "’s", " "])


def test_tokens_carry_offsets_lower_case_and_stems() -> None:
    text = "Russia’s troops massed near Ukraine."
    assert tokens(text, 9, 23) == [
        Token(9, 15, "troops", "troop"),
        Token(16, 22, "massed", "mass"),
    ]


@given(
    words=st.lists(WORDS, min_size=1, max_size=30),
    start=st.integers(0, 120),
    length=st.integers(0, 120),
)
def test_a_range_sliced_from_the_whole_text_gives_the_tokens_reading_that_range_gives(
    words: list[str], start: int, length: int
) -> None:
    # Ranges cut words too ("F-1" of "F-16"): those are read as the range has them.
    text = " ".join(words)
    whole = TextTokens(text)
    assert whole.within(start, start + length) == tokens(text, start, start + length)
    assert whole.within() == tokens(text)


@given(st.text(alphabet=st.sampled_from("aZİß’‘`'-., \n1é"), max_size=60))
def test_the_fast_lowercased_words_are_the_tokens_lowercased(text: str) -> None:
    assert _lower_words(text) == [t.lower for t in tokens(text)]
    words = [t.lower for t in tokens(text)]
    assert word_trigrams(text) == set(zip(words, words[1:], words[2:], strict=False))


def test_words_and_marks_adds_each_punctuation_mark_to_the_words() -> None:
    text = "“We won’t,” Reznikov said of 8,500 F-16s."
    assert [m.group() for m in words_and_marks(text)] == [
        "“", "We", "won’t", ",", "”", "Reznikov", "said", "of", "8,500", "F-16s", ".",
    ]  # fmt: skip
    assert [t.lower for t in tokens(text)] == [
        "we",
        "won't",
        "reznikov",
        "said",
        "of",
        "8,500",
        "f-16s",
    ]


def test_chunks_keep_punctuation_on_the_words() -> None:
    text = "“We won’t,” Reznikov said."
    assert [(m.start(), m.group()) for m in chunks(text, 1, len(text))] == [
        (1, "We"),
        (4, "won’t,”"),
        (12, "Reznikov"),
        (21, "said."),
    ]


def test_edit_pieces_keep_times_and_names_with_joiners_whole() -> None:
    text = "AT&T opened 24/7 at 10:30 (snake_case)."
    assert [m.group() for m in edit_pieces(text)] == [
        "AT&T", "opened", "24/7", "at", "10:30", "(", "snake_case", ")", ".",
    ]  # fmt: skip
    assert [m.group() for m in edit_pieces(text, 5, 16)] == ["opened", "24/7"]


@given(words=st.lists(WORDS, max_size=30))
def test_lower_words_at_gives_each_token_s_start_and_lower_form(words: list[str]) -> None:
    text = " ".join(words)
    assert list(lower_words_at(text)) == [(t.start, t.lower) for t in tokens(text)]


def test_words_read_before_are_read_the_same_and_the_cache_of_their_forms_is_bounded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(unspin.text, "FORMS_KEPT", 3)
    monkeypatch.setattr(unspin.text, "_FORMS", {})
    text = "Defences held; the defences’ lines held."
    first = tokens(text)
    assert tokens(text) == first
    assert content_stems(text) == {"defens", "held", "line"}
    tokens("one two three four five")
    assert len(unspin.text._FORMS) <= 3 + 5  # cleared once past the bound, before a text
    tokens("six")
    assert len(unspin.text._FORMS) <= 3 + 1


def test_british_spellings_fold_to_american_in_closed_lists() -> None:
    folded = {
        "calibre": "caliber",
        "centred": "centered",
        "kilometres": "kilometers",
        "travelled": "traveled",
        "cancelling": "canceling",
        "programmes": "programs",
        "grey": "gray",
        "manoeuvre": "maneuver",
        "neighbourhood": "neighborhood",
        "behavioural": "behavioral",
        "judgement": "judgment",
        "acknowledgements": "acknowledgments",
        "ageing": "aging",
        "sceptical": "skeptical",
        "fulfilment": "fulfillment",
        "enrol": "enroll",
        "instalments": "installments",
        "catalogue": "catalog",
        "paediatric": "pediatric",
        "orthopaedic": "orthopedic",
        "anaesthetist": "anesthetist",
        "haemorrhage": "hemorrhage",
        "leukaemia": "leukemia",
        "foetus": "fetus",
        "oestrogen": "estrogen",
        "diarrhoea": "diarrhea",
        "anaemic": "anemic",
        "catalogued": "cataloged",
        "skilful": "skillful",
        "wilfully": "willfully",
        "gynaecologist": "gynecologist",
        "oesophagus": "esophagus",
    }
    assert {word: american(word) for word in folded} == folded
    # Words that are spelt so in American English too stay as they are.
    for word in (
        *("genre", "acre", "massacre", "filled", "controlled", "greyhound", "literature"),
        *("journal", "journals", "tournament", "flourish", "courage"),
        *("page", "manage", "ham", "hamas", "aegis", "caesar", "leukemia", "install", "fulfilled"),
    ):
        assert american(word) == word


def test_a_word_matcher_seeds_matches_with_every_word_in_a_news_length_sentence() -> None:
    # "the" is a seed of a match below LONG_SEQUENCE words; past it, frequent words are not,
    # which bounds the work of a hostile "sentence" of thousands of repeated words.
    short = ["the"] * 10 + ["fire"]
    assert word_matcher(short, short).get_opcodes() == [("equal", 0, 11, 0, 11)]
    assert not word_matcher(short, short).autojunk
    long = [f"w{k % 7}" for k in range(LONG_SEQUENCE)]
    assert word_matcher(long, long).autojunk


def test_content_stems_are_those_of_stems_version_2() -> None:
    # Corpora store their sentences' stems under STEMS_VERSION and use them only while it
    # matches: if this fails, content_stems changed, and STEMS_VERSION must be bumped with it
    # (then update the stems and the stopwords' digest here).
    assert STEMS_VERSION == 2
    probe = (
        "The defence ministry's officers didn't say whether 3,000 troops were mobilised in "
        "U.S.-backed Kyiv; colour, programmes and analysing, in its judgement."
    )
    assert content_stems(probe) == {
        "3,000", "analys", "back", "color", "defens", "didn't", "judgment", "kyiv",
        "ministri", "mobil", "offic", "program", "troop", "u.", "whether",
    }  # fmt: skip
    stopwords = hashlib.sha256(" ".join(sorted(STOPWORDS)).encode()).hexdigest()
    assert stopwords[:16] == "0162654abbd8b732"


def test_next_lower_is_the_word_after_a_token_and_nothing_after_the_last() -> None:
    toks = tokens("Officials did NOT confirm")
    assert [next_lower(toks, i) for i in range(len(toks))] == ["did", "not", "confirm", ""]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("news\x07site", "news?site"),  # a control character shown as "?"
        ("two\nlines", "two?lines"),  # a line break too
        ("x" * 12, "xxxxxxxxx…"),  # cut at the limit, the cut shown
        ("", ""),
    ],
)
def test_one_line_makes_untrusted_text_one_printable_line(text: str, line: str) -> None:
    assert one_line(text, 10) == line


def test_words_and_marks_keep_each_symbol_whole_as_a_reader_sees_it() -> None:
    # A flag is two code points, a thumb with its skin tone two, a family three joined by ZWJ:
    # cut a code point at a time, a word diff bolded half a flag ("🇺" kept, "🇸" changed).
    text = "We stand with 🇺🇦 Ukraine, give 👍🏻 and 👨\u200d👩\u200d👧!"
    assert [m.group() for m in words_and_marks(text)] == [
        "We", "stand", "with", "🇺🇦", "Ukraine", ",", "give", "👍🏻", "and",
        "👨\u200d👩\u200d👧", "!",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pe\u0301rez", "Pérez"),  # "e" and a combining accent: the "é" a source writes
        ("Pérez", "Pérez"),  # already composed
        # A run of marks past Unicode's stream-safe 30 (hostile: composing it sorts the run,
        # in time that grows with the square of its length) is left as written.
        ("e" + "\u0301\u0316" * 16, "e" + "\u0301\u0316" * 16),
        # ... and so is a run of Tibetan vowel signs, which decompose into such marks.
        ("\u0f73" * 31, "\u0f73" * 31),
        # One such run leaves the rest of the text composed all the same.
        ("Pe\u0301rez, h" + "\u0301" * 31 + "i", "Pérez, h" + "\u0301" * 31 + "i"),
    ],
)
def test_composed_gives_a_texts_characters_composed(text: str, expected: str) -> None:
    assert composed(text) == expected
