"""Quantities: value, unit and hedge, and what is not a quantity."""

import pytest

from segment_texts import REUTERS_BANKAMERICA, REUTERS_COCOA, SEED
from unspin.model import Article, Quantity
from unspin.segmentation import segment


def quantities(text: str) -> list[tuple[str, float, str, bool]]:
    d = segment(Article(text))
    return [(d.span_text(q), q.value, q.unit, q.approximate) for q in d.quantities]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ordering 8,500 troops to", ("8,500", 8500, "", False)),
        ("48 percent of Ukrainians", ("48 percent", 48, "percent", False)),
        ("39% of respondents", ("39%", 39, "percent", False)),
        ("48 per cent of them", ("48 per cent", 48, "percent", False)),
        ("up 48 pct from", ("48 pct", 48, "percent", False)),
        ("a survey of 1,205 participants", ("1,205", 1205, "", False)),
        (
            "no greater than 3.2 percentage points.",
            ("3.2 percentage points", 3.2, "percentage point", True),
        ),
        ("part of a $200 million package", ("$200 million", 200_000_000, "usd", False)),
        ("a judgment of $US450 million", ("$US450 million", 450_000_000, "usd", False)),
        ("a grant of $A100 million", ("$A100 million", 100_000_000, "aud", False)),
        ("since then, more than 14,000 people", ("14,000", 14000, "", True)),
        ("about 2.70 billion\ndlrs in loans", ("2.70 billion\ndlrs", 2_700_000_000, "usd", True)),
        ("a 1.5 mln dlrs loss", ("1.5 mln dlrs", 1_500_000, "usd", False)),
        ("its up to one-billion-dlr offering", ("one-billion-dlr", 1_000_000_000, "usd", True)),
        ("paid €3.5bn for it", ("€3.5bn", 3_500_000_000, "eur", False)),
        ("a £40 fine", ("£40", 40, "gbp", False)),
        ("10 mln Canadian dlrs", ("10 mln Canadian dlrs", 10_000_000, "cad", False)),
        ("25 basis points", ("25 basis points", 25, "basis point", False)),
        ("A 46-year-old construction worker", ("46-year-old", 46, "year", False)),
        ("a man aged 46 said", ("46", 46, "year", False)),
        ("just half of the population believes", ("half", 50, "percent", False)),
        ("a third of voters", ("a third", 100 / 3, "percent", False)),
        ("a two-thirds majority", ("two-thirds", 200 / 3, "percent", False)),
        ("four fighter jets", ("four", 4, "", False)),
        ("twenty-one thousand people", ("twenty-one thousand", 21000, "", False)),
        ("a dozen eggs", ("a dozen", 12, "", False)),
        ("two and a half years", ("two and a half", 2.5, "", False)),
        ("only one country", ("one", 1, "", False)),
        ("five percent", ("five percent", 5, "percent", False)),
        ("roughly 100,000 people", ("100,000", 100_000, "", True)),
        ("sent 2000 troops", ("2000", 2000, "", False)),
        # AP on Serena Williams; Reuters prices and a translated page's decimal comma.
        ("a half-dozen of her titles", ("half-dozen", 6, "", False)),
        ("half a dozen of her titles", ("half a dozen", 6, "", False)),
        # AFP on Slovenia's floods (2023) and its spun copy's "500 million euros".
        ("to exceed half a billion euros", ("half a billion euros", 500_000_000, "eur", False)),
        ("a half-million people", ("half-million", 500_000, "", False)),
        # A review's counter-examples: "and a half" after a scale is half of that scale.
        ("a million and a half people", ("a million and a half", 1_500_000, "", False)),
        ("a dozen and a half eggs", ("a dozen and a half", 18, "", False)),
        ("a portion of 40 acres", ("40", 40, "", False)),
        ("a 2-1/2-year high", ("2-1/2", 2.5, "", False)),
        ("falling to 11-1/2 earlier", ("11-1/2", 11.5, "", False)),
        ("cases rose to 7,18 million", ("7,18 million", 7_180_000, "", False)),
        # Indian scales and a currency's code before the figure (republicworld.com on the
        # Hyundai and Kia recall, Borneo Bulletin on BP's profit).
        ("recalling 33.7 lakh vehicles", ("33.7 lakh", 3_370_000, "", False)),
        ("set aside Rs 500 crore for it", ("Rs 500 crore", 5_000_000_000, "inr", False)),
        ("beat the USD26.8 billion BP earned", ("USD26.8 billion", 26_800_000_000, "usd", False)),
        ("costs EUR 25 a head", ("EUR 25", 25, "eur", False)),
        # A review's counter-examples: a scale of scales, the short forms after a currency,
        # and a currency pair's rate.
        ("allocated Rs 1.5 lakh crore for it", ("Rs 1.5 lakh crore", 1.5e12, "inr", False)),
        ("spent Rs 20 thousand crore on it", ("Rs 20 thousand crore", 2e11, "inr", False)),
        ("raised Rs 500 cr from them", ("Rs 500 cr", 5_000_000_000, "inr", False)),
        ("earns Rs 5 lac a year", ("Rs 5 lac", 500_000, "inr", False)),
        ("the EUR/USD 1.08 rate held", ("1.08", 1.08, "", False)),
    ],
)
def test_quantity(text: str, expected: tuple[str, float, str, bool]) -> None:
    (got,) = quantities(text)
    assert got[0] == expected[0]
    assert got[1] == pytest.approx(expected[1])
    assert got[2:] == expected[2:]


def test_a_leading_digit_spun_into_a_word_keeps_its_thousands() -> None:
    # A synonym spinner's copy of AP on the Myanmar earthquake (2025): "3,408 injured".
    assert quantities("1,644 folks have been reported killed and three,408 injured") == [
        ("1,644", 1644, "", False),
        ("three,408", 3408, "", False),
    ]
    assert quantities("a bill of two,500,000 dollars") == [
        ("two,500,000 dollars", 2_500_000, "usd", False)
    ]
    # A hostile run of groups is no figure past what a float holds.
    assert quantities("one" + ",000" * 300)[0] == ("one", 1, "", False)


def test_a_race_time_or_a_date_with_points_is_one_figure_as_written() -> None:
    # AP on Bobby Finke's 1,500m record (2024): no number 14.31 and another 02.
    assert quantities("to break the record of 14.31.02 set by China's Sun Yang") == [
        ("14.31.02", 143102, "dotted", False)
    ]
    assert quantities("the vote held on 28.05.2023") == [("28.05.2023", 28052023, "dotted", False)]
    # A long dotted run is no figure at all.
    assert quantities("version 1.2.3.4.5.6 of the code") == []


def test_percent_written_three_ways_and_half_compare_equal() -> None:
    texts = ["48 percent", "48%", "48 per cent", "48 pct"]
    assert {quantities(t)[0][1:] for t in texts} == {(48, "percent", False)}
    assert quantities("half of them")[0][1:] == quantities("50 percent of them")[0][1:]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("rose to 340 to 350\ncruzados", [("340", 340, ""), ("350", 350, "")]),
        (
            "at 1,750 to\n1,780 dlrs per tonne",
            [("1,750", 1750, "usd"), ("1,780 dlrs", 1780, "usd")],
        ),
        ("21-22 percent", [("21", 21, "percent"), ("22 percent", 22, "percent")]),
        ("$1 to 2 billion", [("$1", 1e9, "usd"), ("2 billion", 2e9, "usd")]),
        ("lose 15-20 mln dlrs", [("15", 15e6, "usd"), ("20 mln dlrs", 20e6, "usd")]),
        ("between 5 and 10 percent", [("5", 5, "percent"), ("10 percent", 10, "percent")]),
        (
            "27.7 pct and 138,543 contracts",
            [("27.7 pct", 27.7, "percent"), ("138,543", 138543, "")],
        ),
        # Two units: a change and the level it reached, not a range.
        (
            "revenue rose 12 percent to $4 billion",
            [("12 percent", 12, "percent"), ("$4 billion", 4e9, "usd")],
        ),
        (
            "sales grew 5% to 2 billion euros",
            [("5%", 5, "percent"), ("2 billion euros", 2e9, "eur")],
        ),
        (
            "output rose 3.5 percent to 1.2 million barrels",
            [("3.5 percent", 3.5, "percent"), ("1.2 million", 1.2e6, "")],
        ),
        # A change as large as the level's base: 12,000, not 12 billion.
        (
            "jobless claims fell 12,000 to 1.3 million",
            [("12,000", 12000, ""), ("1.3 million", 1.3e6, "")],
        ),
        ("between 1 and 2 million people", [("1", 1e6, ""), ("2 million", 2e6, "")]),
        # In words too (AP's measles story as the Guernsey Press ran it): "and" joins number
        # words into one number only after a scale word ("two hundred and fifty").
        (
            "the second given between four and six-years-old",
            [("four", 4, "year"), ("six-years-old", 6, "year")],
        ),
        ("two hundred and fifty people", [("two hundred and fifty", 250, "")]),
        # ... and before a number below the scale (a review's counter-example).
        (
            "between a hundred and two hundred people",
            [("a hundred", 100, ""), ("two hundred", 200, "")],
        ),
    ],
)
def test_a_range_gives_two_quantities_sharing_unit_and_scale(
    text: str, expected: list[tuple[str, float, str]]
) -> None:
    assert [q[:3] for q in quantities(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "No one can deny it.",
        "It was one of the major factors.",
        "They help one another.",
        "A frigate and F-16 aeroplanes are being sent.",
        "COVID-19 and the G7 summit.",
        "When he was toppled in 2014, Moscow seized Crimea.",
        "The survey, conducted from January 21 to 22, was done.",
        "on Jan. 21-22 and at 5 p.m.",
        "the 21st century and the first half of the year",
        "It is No. 1 in the charts.",
        "down 1/8, after 5/14/82",
        "Nadal won 6-3, 6-3, 6-0; the court's 5-4 ruling.",  # scores and votes
        "a few hundred thousand bags",
        # Numbers that are part of a name, a model or a document.
        "the airline's Boeing 737 jets, its Form 10-K filing and Article 5 of the treaty",
        "new cases of COVID-19 among G7 leaders",
        "in the third quarter",
        "half an hour later, at 9:30",
        # A share of a figure is not the figure (a spun copy of Reuters, 2020, for "almost
        # half a million people").
        "killed practically a large portion of a million people",
        # Not half a million: more than this reader reads (a review's counter-example).
        "About one and a half million people fled",
        "one-and-a-half million people",
    ],
)
def test_not_quantities(text: str) -> None:
    assert quantities(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tens of thousands of people were killed", ("Tens of thousands", 10_000)),
        ("killing five, with thousands more injured", ("thousands", 1_000)),
        ("Dozens of protesters were arrested", ("Dozens", 12)),
        ("scores of people fled", ("scores", 12)),
        ("hundreds of thousands of refugees", ("hundreds of thousands", 100_000)),
        ("Millions of Americans voted", ("Millions", 1_000_000)),
    ],
)
def test_orders_of_magnitude_are_vague_quantities(text: str, expected: tuple) -> None:
    d = segment(Article(text))
    vague = [(d.span_text(q), q.value) for q in d.quantities if q.vague]
    assert vague == [expected]
    assert all(q.approximate for q in d.quantities if q.vague)


def test_test_scores_are_not_a_quantity() -> None:
    assert quantities("Test scores rose in the state.") == []


def test_an_age_after_a_name_is_in_years() -> None:
    # "Joe Biden, 79, told reporters": the appositive age of AP and Reuters style.
    assert quantities("Joe Biden, 79, told reporters on Friday.") == [("79", 79, "year", False)]


def test_seed_quantities() -> None:
    d = segment(Article(SEED))
    got = [(d.span_text(q), q.value, q.unit, q.approximate) for q in d.quantities]
    assert got == [
        ("8,500", 8500, "", False),
        ("half", 50, "percent", False),
        ("14,000", 14000, "", True),
        ("48 percent", 48, "percent", False),
        ("39%", 39, "percent", False),
        ("1,205", 1205, "", False),
        ("3.2 percentage points", 3.2, "percentage point", True),
        ("46-year-old", 46, "year", False),
        ("$200 million", 200_000_000, "usd", False),
        ("four", 4, "", False),
        ("three", 3, "", False),
    ]
    q = d.quantities[0]
    assert isinstance(q, Quantity) and (q.start, q.end) == (
        SEED.index("8,500"),
        SEED.index("8,500") + 5,
    )


def test_wire_copy_quantities() -> None:
    assert [q[:3] for q in quantities(REUTERS_COCOA)][:4] == [
        ("155,221", 155221, ""),
        ("60", 60, ""),
        ("5.93\nmln", 5_930_000, ""),
        ("5.81", 5.81, ""),
    ]
    assert quantities(REUTERS_BANKAMERICA)[0] == ("one-billion-dlr", 1e9, "usd", True)


def test_a_hostile_run_of_number_words_is_one_bounded_number() -> None:
    # "hundred" multiplies: four hundred of them once overflowed a float (a traceback).
    [(_, value, _, _)] = quantities("two " + "hundred " * 400 + "people.")
    assert value == 10**15


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("About 1\u202f250\u202f000 euros.", [("1\u202f250\u202f000 euros", 1_250_000.0)]),
        ("It cost 12\u00a0000.50 dollars.", [("12\u00a0000.50 dollars", 12_000.5)]),
        # A plain space groups nothing: a year and a count side by side stay two.
        ("In 2019 100 people died.", [("100", 100.0)]),
    ],
)
def test_thousands_grouped_by_a_no_break_or_thin_space(
    text: str, figures: list[tuple[str, float]]
) -> None:
    doc = segment(Article(text))
    assert [(doc.span_text(q), q.value) for q in doc.quantities] == figures
