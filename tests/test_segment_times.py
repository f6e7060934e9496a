"""Time expressions and their normalised values."""

import pytest

from segment_texts import REUTERS_COCOA, SEED
from unspin.model import Article
from unspin.segmentation import segment


def times(text: str) -> list[tuple[str, str]]:
    d = segment(Article(text))
    return [(d.span_text(t), t.value) for t in d.times]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He spoke on Tuesday.", [("Tuesday", "tuesday")]),
        ("He spoke last Tuesday.", [("Tuesday", "tuesday")]),
        ("and this week tensions rose", [("this week", "this week")]),
        ("since last week", [("last week", "last week")]),
        ("due next month", [("next month", "next month")]),
        ("earlier this month", [("earlier this month", "earlier this month")]),
        ("It happened yesterday, not today.", [("yesterday", "yesterday"), ("today", "today")]),
        ("two weeks ago", [("two weeks ago", "2 weeks ago")]),
        # "several", "some" and "a few" are one vague count
        ("several years ago", [("several years ago", "a few years ago")]),
        ("some months ago", [("some months ago", "a few months ago")]),
        ("two decades ago", [("two decades ago", "20 years ago")]),
        ("a decade ago", [("a decade ago", "10 years ago")]),
        ("on Jan. 24", [("Jan. 24", "01-24")]),
        ("on January 24", [("January 24", "01-24")]),
        ("on 24 January", [("24 January", "01-24")]),
        ("on January 24, 2022", [("January 24, 2022", "2022-01-24")]),
        ("after Oct 6, 1981 for", [("Oct 6, 1981", "1981-10-06")]),
        ("Jan. 21-22", [("Jan. 21-22", "01-21/01-22")]),
        ("from January 21 to 22", [("January 21 to 22", "01-21/01-22")]),
        ("21-22 January", [("21-22 January", "01-21/01-22")]),
        ("in January 2022", [("January 2022", "2022-01")]),
        ("since early January", [("January", "january")]),
        ("in 2014", [("2014", "2014")]),
        ("the 2014 elections", [("2014", "2014")]),
        ("in the 1990s", [("1990s", "1990s")]),
        ("at 5 p.m. sharp", [("5 p.m.", "17:00")]),
        ("at 9:30 a.m. sharp", [("9:30 a.m.", "09:30")]),
        # British house style (Scroll, of AP's "1:56 p.m."): a point between hour and minutes.
        ("at 1.56pm and 2.40 pm", [("1.56pm", "13:56"), ("2.40 pm", "14:40")]),
        ("grew 1.5 per cent by 5pm", [("5pm", "17:00")]),
        # Reuters on the Rhodes fires (2023), a tourist's words: an hour and a part of the day.
        ("at 2 o'clock in the morning and", [("2 o'clock in the morning", "02:00")]),
        ("by six o’clock in the evening", [("six o’clock in the evening", "18:00")]),
        ("at 12 o'clock in the afternoon", [("12 o'clock in the afternoon", "12:00")]),
        # Without a part of the day the hour could be either; a review's counter-examples:
        # minutes before the hour, and twelve in the evening (midnight, or noon?).
        ("at 2 o'clock and", []),
        ("at quarter past two o'clock in the morning", []),
        ("at twelve o'clock in the evening", []),
        ("at 12 o'clock in the morning", [("12 o'clock in the morning", "00:00")]),
        # A price per month is no time.
        ("rent of £4.50pm, or $4.50 pm", []),
        ("since May, and in May 2020", [("May", "may"), ("May 2020", "2020-05")]),
        ("Theresa May said they may go.", []),
        ("sent 2000 troops and $2014", []),
        ("a monday meeting", []),
        # A short month name inside a person's name (Reuters: "IG market strategist Yeap Jun
        # Rong said"), not after "in".
        ("strategist Yeap Jun Rong said", []),
        ("Prices rose in Jun and fell in Jul", [("Jun", "june"), ("Jul", "july")]),
    ],
)
def test_time(text: str, expected: list[tuple[str, str]]) -> None:
    assert times(text) == expected


def test_same_time_written_two_ways_compares_equal() -> None:
    assert times("Jan. 21-22")[0][1] == times("from January 21 to 22")[0][1]
    assert times("on Tuesday")[0][1] == times("Tuesday")[0][1]
    # AP on OSIRIS-REx's samples ("last fall") and a spun copy in British English.
    assert times("landed last autumn")[0][1] == times("landed last fall")[0][1]


def test_seed_times() -> None:
    assert times(SEED) == [
        ("this week", "this week"),
        ("Tuesday", "tuesday"),
        ("today", "today"),
        ("Tuesday", "tuesday"),
        ("2014", "2014"),
        ("January 21 to 22", "01-21/01-22"),
        ("Monday", "monday"),
        ("Tuesday", "tuesday"),
    ]


def test_wire_copy_times() -> None:
    assert times(REUTERS_COCOA) == [
        ("January", "january"),
        ("late this year", "late this year"),
        ("February 22", "02-22"),
        ("last year", "last year"),
        ("March", "march"),
    ]
