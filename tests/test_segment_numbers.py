"""Numbers in words as news prints them: a run's value, where a run starts and stops, what only
looks like a number, the vague orders ("hundreds of"), and the cap on a hostile run."""

from __future__ import annotations

import pytest

from unspin.segmentation.numbers import (
    MOST_IN_WORDS,
    VAGUE_ORDERS,
    VAGUE_RUN,
    WORD_RUN,
    word_value,
)


def runs(text: str) -> list[tuple[str, int]]:
    return [(m.group(), word_value(m.group())) for m in WORD_RUN.finditer(text)]


def vague(text: str) -> list[tuple[str, int]]:
    return [
        (m.group(), VAGUE_ORDERS[" ".join(m.group().lower().split())])
        for m in VAGUE_RUN.finditer(text)
    ]


@pytest.mark.parametrize(
    ("run", "value"),
    [
        ("twenty-five", 25),  # a hyphenated compound, as AP and Reuters print them
        ("twenty five", 25),  # the same compound spaced
        ("Forty-Six", 46),  # capitals at a sentence's start or in a headline
        ("two dozen", 24),  # "dozen" multiplies like "hundred"
        ("one-billion", 1_000_000_000),  # Reuters' "one-billion-dlr offering"
        ("two hundred and fifty", 250),  # the British "and" counts nothing
        ("two hundred fifty", 250),  # the American form, without it
        ("one thousand two hundred and thirty-four", 1234),  # scales falling in turn
        ("three million five hundred thousand", 3_500_000),  # a hundred inside a higher scale
        ("eleven hundred", 1100),  # hundreds above ten
    ],
)
def test_a_run_of_number_words_is_worth_what_it_says(run: str, value: int) -> None:
    assert word_value(run) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "and" after a scale joins a number below it: one number.
        ("two hundred and fifty people", [("two hundred and fifty", 250)]),
        # "and" between two numbers without a scale: a range, two numbers.
        ("between four and six people", [("four", 4), ("six", 6)]),
        # "and" before a second scale: two numbers, not "a hundred and two" and a hundred.
        ("a hundred and two hundred", [("a hundred", 100), ("two hundred", 200)]),
        # "a" belongs to the run before a scale word only, and counts as one.
        ("A dozen eggs for an eleven-year-old", [("A dozen", 12), ("eleven", 11)]),
        # "and a half" is left for quantities to read ("a million and a half" is 1.5 million).
        ("a million and a half people", [("a million", 1_000_000)]),
    ],
)
def test_a_sentence_holds_the_runs_it_says(text: str, expected: list[tuple[str, int]]) -> None:
    assert runs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "someone often ate a tone of money in Tennessee, onerous",  # number words inside words
        "the nineteenth of the eighties, a tenth, a hundredth",  # ordinals, decades, fractions
        "twentysomething voters and hundreds of people",  # a plural scale is vague, not a run
    ],
)
def test_words_that_only_look_like_numbers_are_not_runs(text: str) -> None:
    assert runs(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hundreds of people", [("hundreds", 100)]),  # an order: 100 or more
        # "tens of thousands" is one order, not "tens" and "thousands"
        (
            "tens of thousands fled and hundreds of thousands more",
            [("tens of thousands", 10_000), ("hundreds of thousands", 100_000)],
        ),
        # "scores of" people are dozens of them; a match's scores are no number
        ("scores of people, not the scores", [("scores", 12)]),
        ("Millions watched; billions were spent", [("Millions", 1_000_000), ("billions", 10**9)]),
        ("tens of\nmillions", [("tens of\nmillions", 10_000_000)]),  # across a line break
    ],
)
def test_a_vague_order_is_worth_its_least_value(text: str, expected: list[tuple[str, int]]) -> None:
    assert vague(text) == expected


def test_a_hostile_run_stops_at_the_most_a_number_in_words_says() -> None:
    hostile = " ".join(["hundred"] * 40)
    assert WORD_RUN.fullmatch(hostile)  # one run, so its value must be capped
    assert word_value(hostile) == MOST_IN_WORDS == 10**15
    assert word_value(" ".join(["dozen"] * 40)) == MOST_IN_WORDS
    assert word_value("nine hundred ninety-nine trillion") == 999 * 10**12  # below the cap
