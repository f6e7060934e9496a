# ruff: noqa: E501 (news sentences, whole, as the pages have them)
"""Numbers: changed, added or dropped between aligned sentences.

number_changed: the copy gives another number for the same thing (high). number_added: a number
the source does not give anywhere (low). number_dropped: a number of the source sentence the
copy's sentence and the rest of the copy leave out (low). Not findings: the same number written
another way (8,500 / 8500, 30 pct / 30% / 30 percent, six / 6, half / 50 percent, 21 billion
dlr / $21 billion), a number rounded with "about", a number moved to another sentence.
"""

from __future__ import annotations

import pytest

from detect_pairs import (
    AP_ALERT,
    AP_DENIED,
    AP_DIPLOMACY,
    CHEMLAWN,
    ECUADOR,
    JAPAN_CPI,
    MERRELL,
    SEED_ALERT,
    SEED_DENIED,
    VENEZUELA,
    ZINCOR,
    edit,
    runner_for,
)
from unspin import Article, compare

# The seed page's poll sentences (they stand for the AP's, which use the same figures).
POLL = (
    "According to a poll conducted by the Kyiv International Institute of Sociology, 48 percent "
    "of Ukrainians believe that an invasion is a serious threat in the near future."
)
MARGIN = (
    "The margin of error for the nationwide survey of 1,205 participants, conducted from "
    "January 21 to 22, was no greater than 3.2 percentage points."
)
HALF = (
    "Even while the Ukrainian government has tried to portray a sense of calm, recent polls "
    "suggest that just half of the population believes an invasion is likely."
)


numbers = runner_for("numbers")


# --- number_changed ----------------------------------------------------------------------------


def test_a_figure_in_lakh_is_the_same_figure_in_millions() -> None:
    # Reuters on the Hyundai and Kia recall (2023), and republicworld.com's rewrite.
    source = (
        "Hyundai and Kia are recalling 3.37 million vehicles in the United States over fire "
        "risks, the automakers said on Wednesday."
    )
    copy = source.replace("3.37 million", "33.7 lakh")
    assert numbers(copy, source) == []
    assert numbers(source.replace("3.37 million", "3.37 lakh"), source) == [
        ("number_changed", "high", "3.37 lakh", "3.37 million")
    ]


def test_thousands_grouped_by_a_no_break_or_thin_space_are_one_figure() -> None:
    # SI style, as South African and European outlets print figures: read at the space, "12 000"
    # was "12" and "000", and "12,000" for it a high number_changed ("000").
    source = (
        "Officials said 12\u00a0000 people were evacuated from the town on Friday.\n"
        "The mayor said more rain is expected next week.\nSchools stay closed, the council said."
    )
    assert numbers(source.replace("12\u00a0000", "12,000"), source) == []
    assert numbers(source.replace("12\u00a0000", "12\u202f000"), source) == []
    assert numbers(source.replace("12\u00a0000", "15\u2009000"), source) == [
        ("number_changed", "high", "15\u2009000", "12\u00a0000")
    ]


def test_of_two_equal_figures_the_source_gives_the_one_in_the_changed_place_is_evidence() -> None:
    # An offsets review: in reading order the copy's unchanged "3 percent" (imports) took the
    # source's first one (exports), and the evidence beside the copy's 7 was the imports' 3.
    tail = (
        "\nThe ministry said the figures were preliminary.\nAnalysts had expected a smaller rise."
    )
    source = "Exports rose 3 percent in January, while imports rose 3 percent." + tail
    copy = source.replace("Exports rose 3", "Exports rose 7")
    report = compare(Article(text=copy), Article(text=source), encoder=None)
    (finding,) = report.findings
    assert (finding.type, finding.copy_span, finding.source_span) == (
        "number_changed",
        (13, 22),
        (13, 22),
    )


def test_equal_figures_pair_by_their_order_not_by_where_the_copys_words_put_them() -> None:
    # A review of the first version, which paired by place in characters: a copy's preamble
    # moved "about 100" nearest the source's 104, for a false high "104" where the source says
    # "100"; and the imports' 3 percent stood beside the copy's changed exports.
    tail = "\nThe fire started in a kitchen, officials said.\nThe cause is under investigation."
    source = (
        "Police said 100 people were evacuated and 104 were hurt in the blaze on Sunday." + tail
    )
    preamble = "In a statement released late on Sunday night after the blaze in the city centre, "
    copy = preamble + source.replace("Police said 100", "police said about 100")
    assert numbers(copy, source) == []
    tail = (
        "\nThe ministry said the figures were preliminary.\nAnalysts had expected a smaller rise."
    )
    source = "Imports rose 3 percent in January, while exports rose 3 percent." + tail
    copy = "In a statement late on Sunday the ministry said imports rose 3 percent in January, "
    copy += "while exports rose 7 percent." + tail
    report = compare(Article(text=copy), Article(text=source), encoder=None)
    (finding,) = report.findings
    assert (finding.type, finding.source_span) == ("number_changed", (54, 63))
    # A third review: "about 100" took the source's exact 100 (the hurt) before its 104 (the
    # evacuated), and the copy's 150 stood against 104; and a greedy pass left a rounded 104
    # and an unchanged 100 crossed, a false high "100" where the source says "104".
    tail = "\nThe fire started in a kitchen, officials said.\nThe cause is under investigation."
    source = "Police said 104 people were evacuated from the tower and 100 were hurt on Sunday."
    copy = "Police said about 100 people were evacuated from the tower and 150 were hurt on Sunday."
    assert numbers(copy + tail, source + tail) == [("number_changed", "high", "150", "100")]
    source = "Police said 100 people were evacuated from the tower and 104 were hurt on Sunday."
    copy = (
        "About 100 people were hurt and 100 were evacuated from the tower on Sunday, police said."
    )
    assert numbers(copy + tail, source + tail) == []


def test_a_currency_code_before_a_figure_is_its_sign() -> None:
    # AP on BP's profit (2023), and Borneo Bulletin's reprint.
    source = "That beat the $26.8 billion BP earned in 2008, when oil prices soared."
    copy = "That beat the USD26.8 billion BP earned in 2008, when oil prices soared."
    assert numbers(copy, source) == []


@pytest.mark.parametrize(
    ("source", "copy"),
    [
        # A review's counter-examples: a code before a figure is no name ("Boeing 737") ...
        (
            "The firm will invest Rs 5 billion in the plant, officials said on Monday.",
            "The firm will invest Rs 500 crore in the plant, officials said on Monday.",
        ),
        (
            "BP earned USD 26,800 million in 2008, the company said on Tuesday.",
            "BP earned USD 26.8 billion in 2008, the company said on Tuesday.",
        ),
        # ... and "lakh crore" is a hundred thousand crore.
        (
            "The Centre has allocated Rs 1.5 trillion for highways, officials said on Monday.",
            "The Centre has allocated Rs 1.5 lakh crore for highways, officials said on Monday.",
        ),
    ],
)
def test_a_price_written_in_another_scale_is_the_same_price(source: str, copy: str) -> None:
    assert numbers(copy, source, embed=True) == []


def test_a_percentage_cut_made_bigger_is_number_changed() -> None:
    copy = edit(ECUADOR, "by 30 pct", "by 40 pct")
    assert numbers(copy, ECUADOR) == [("number_changed", "high", "40 pct", "30 pct")]


def test_a_bound_turned_the_other_way_is_number_changed() -> None:
    # The same 1,000, on the other side of it.
    source = "Microsoft Corp laid off under 1,000 employees across several divisions this week, Axios reported on Tuesday."
    copy = "Microsoft on Tuesday said it has laid off over 1,000 employees across several divisions this week, a report by Axios claimed."
    assert numbers(copy, source) == [("number_changed", "high", "over 1,000", "under 1,000")]


def test_a_strict_bound_put_on_an_exact_figure_is_number_changed() -> None:
    # AP on the Sriwijaya Air crash (2021), and a rewrite (Scroll): 62 on board became more.
    source = (
        "A Sriwijaya Air passenger jet carrying 62 people lost contact with air traffic"
        " controllers after taking off from Indonesia's capital on Saturday, officials said."
    )
    copy = (
        "A Sriwijaya Air plane with more than 62 people on board lost contact with air traffic"
        " controllers after taking off from Indonesian capital Jakarta on Saturday afternoon."
    )
    assert numbers(copy, source, embed=True) == [("number_changed", "medium", "more than 62", "62")]
    # At least 62 may be 62; the source's own bound or rounding is not the copy's to keep.
    assert numbers(copy.replace("more than", "at least"), source, embed=True) == []
    for hedged in ("about 62", "more than 62", "some 62"):
        assert numbers(copy, source.replace("62", hedged), embed=True) == []
    # A review's counter-example: "no fewer than 62" may be 62.
    assert numbers(copy.replace("more than", "no fewer than"), source, embed=True) == []


def test_a_figure_of_more_read_as_more_than_it_is_number_changed() -> None:
    # AP on the La Palma eruption (2021), and a rewrite (California18): "4,000 more people"
    # ordered out, on top of 4,500, became "more than 4,000".
    source = (
        "The regional government for the Canary Islands said that 4,000 more people were ordered"
        " to evacuate on Saturday."
    )
    copy = (
        "The islands' regional government said more than 4,000 people were ordered to evacuate"
        " on Saturday."
    )
    assert numbers(copy, source, embed=True) == [
        ("number_changed", "medium", "more than 4,000", "4,000")
    ]


def test_a_sentence_repeated_with_its_conversion_changes_no_number() -> None:
    # AFP on Cyclone Mocha (2023): a page that gives the sentence twice, once without the
    # conversion in parentheses; the source's conversion is no figure of its own.
    source = (
        "Mocha made landfall packing winds of up to 195 kilometres (120 miles) per hour, in the "
        "biggest storm to hit the Bay of Bengal in over a decade."
    )
    copy = (
        "Mocha made landfall packing winds of up to 195 kilometres per hour in the Bay of "
        "Bengal's largest storm in over a decade. Mocha made landfall packing winds of up to "
        "195 kilometres (120 miles) per hour, in the largest storm to hit the Bay of Bengal in "
        "over a decade."
    )
    assert numbers(copy, source, embed=True) == []


def test_at_least_made_as_many_as_is_number_changed() -> None:
    # AFP on a landslide in Ethiopia (2024), spun: a floor made a ceiling.
    source = "At least 55 people were killed in a landslide in southern Ethiopia on Monday."
    copy = "As many as 55 people were killed in a landslide in southern Ethiopia on Monday."
    assert numbers(copy, source) == [("number_changed", "high", "As many as 55", "At least 55")]
    # Two ceilings are one.
    assert numbers(copy, source.replace("At least", "Up to")) == []


def test_a_bound_denied_is_the_other_bound() -> None:
    # AFP on Slovenia's floods (2023) and a spun copy: "not less than" is "at least".
    source = (
        "So far at least three people — two Dutch citizens and a Slovenian — have died, "
        "Slovenian news agency STA reported."
    )
    copy = (
        "Up to now, not less than three individuals – two Dutch residents and one Slovenian – "
        "have been killed, Slovenian news agency STA reported."
    )
    assert numbers(copy, source, embed=True) == []
    ceiling = copy.replace("not less than", "no more than")
    assert numbers(ceiling, source, embed=True) == [
        ("number_changed", "high", "no more than three", "at least three")
    ]
    # A review's counter-examples: "not below" is a floor, "not over" a ceiling.
    assert numbers(copy.replace("not less than", "not below"), source, embed=True) == []
    assert numbers(copy.replace("not less than", "not over"), source, embed=True) == [
        ("number_changed", "high", "not over three", "at least three")
    ]


def test_half_a_billion_is_500_million() -> None:
    # The same AFP story: the copy's figure is the source's, written another way.
    source = (
        "The scale of the damage from the floods is estimated to exceed half a billion euros, "
        "Golob said."
    )
    copy = "It's estimated that the injury exceeds 500 million euros, Golob said."
    assert numbers(copy, source, embed=True) == []
    assert numbers(copy.replace("500", "600"), source, embed=True) == [
        ("number_changed", "high", "600 million euros", "half a billion euros")
    ]


def test_bounds_kept_in_a_sentence_with_two_of_one_number_are_not_turned() -> None:
    # A review's counter-example: each bound is paired with its own first.
    source = (
        "As many as 100 people were evacuated and more than 100 homes were damaged by the "
        "fire, officials said."
    )
    assert numbers(source.replace("fire", "wildfire"), source) == []


def test_a_figure_in_parentheses_in_the_same_unit_is_no_conversion() -> None:
    # A review's counter-example: "(300 km of it ...)" is a figure of its own, changed.
    source = "The pipeline runs 1,200 km (300 km of it through Poland) and will open next year."
    copy = "The pipeline runs 1,200 km (500 km of it through Poland) and will open next year."
    assert numbers(copy, source) == [("number_changed", "high", "500", "300")]


def test_a_bound_turned_by_its_antonym_is_left_to_negation() -> None:
    # "above" for "below" is negation_flipped's antonym (tests/test_detect_negation.py).
    source = "A reading below 50 represents contraction in the factory sector."
    copy = "A reading above 50 symbolizes contraction in the factory sector."
    assert numbers(copy, source, embed=True) == []


@pytest.mark.parametrize(
    "copy",
    [
        "Microsoft Corp laid off fewer than 1,000 employees this week, Axios reported.",
        "Microsoft Corp laid off about 1,000 employees this week, Axios reported.",
        "Microsoft Corp laid off 1,000 employees this week, Axios reported.",
    ],
)
def test_a_bound_kept_or_dropped_is_no_changed_number(copy: str) -> None:
    source = "Microsoft Corp laid off under 1,000 employees this week, Axios reported."
    assert numbers(copy, source) == []


def test_a_death_toll_written_in_words_raised_is_number_changed() -> None:
    copy = edit(ECUADOR, "killed at least six people", "killed at least 16 people")
    assert numbers(copy, ECUADOR) == [("number_changed", "high", "16", "six")]


def test_a_floor_raised_a_little_is_a_lead_not_a_changed_number() -> None:
    # AP on the Aomori earthquake (2025) and a rewrite from a later version of the story: "at
    # least 23" is more than the source's "more than 20" says, and nothing it denies.
    source = (
        "A powerful 7.5-magnitude earthquake struck off northern Japan late Monday, injuring "
        "more than 20 people and triggering a tsunami of up to 70 centimeters, officials said."
    )
    copy = (
        "Northern Japan was struck late Monday by a powerful 7.5-magnitude earthquake that left "
        "at least 23 people injured and triggered a tsunami of up to 70 centimeters, officials "
        "said."
    )
    assert numbers(copy, source, embed=True) == [("number_changed", "low", "23", "20")]
    # A floor raised far beyond the source's, or a ceiling, or an exact figure, still changes it.
    for changed in ("at least 230", "as many as 23", "23"):
        assert numbers(copy.replace("at least 23", changed), source, embed=True)[0][:2] == (
            "number_changed",
            "high",
        )
    # So does a floor of a sum, a share or a measure raised, or a small toll (a review's
    # counter-examples): only a toll is updated that way.
    for copy_, source_ in (
        (
            "The company lost more than $1.2 billion last year.",
            "The company lost more than $1 billion last year.",
        ),
        ("Turnout was above 60% in the capital.", "Turnout was above 50% in the capital."),
        (
            "Temperatures soared above 45 degrees on Monday.",
            "Temperatures soared above 40 degrees on Monday.",
        ),
        (
            "At least five people were killed in the blast.",
            "At least four people were killed in the blast.",
        ),
    ):
        assert [f[:2] for f in numbers(copy_, source_, embed=True)] == [("number_changed", "high")]


def test_a_count_of_trials_raised_is_number_changed() -> None:
    copy = edit(MERRELL, "there have been 12 other trials", "there have been 14 other trials")
    assert numbers(copy, MERRELL) == [("number_changed", "high", "14", "12")]


def test_a_decimal_percentage_changed_is_number_changed() -> None:
    copy = edit(JAPAN_CPI, "fell 0.4 pct to 99.7", "fell 0.5 pct to 99.7")
    assert numbers(copy, JAPAN_CPI) == [("number_changed", "high", "0.5 pct", "0.4 pct")]


def test_an_index_level_changed_beside_an_unchanged_percentage_is_number_changed() -> None:
    copy = edit(JAPAN_CPI, "fell 0.4 pct to 99.7", "fell 0.4 pct to 97.7")
    assert numbers(copy, JAPAN_CPI) == [("number_changed", "high", "97.7", "99.7")]


def test_percentage_points_turned_into_percent_is_number_changed() -> None:
    copy = edit(MARGIN, "3.2 percentage points", "3.2 percent")
    assert numbers(copy, MARGIN) == [
        ("number_changed", "high", "3.2 percent", "3.2 percentage points")
    ]


def test_an_approximate_figure_inflated_beyond_rounding_is_number_changed() -> None:
    copy = edit(MERRELL, "about 1700 lawsuits", "nearly 2,000 lawsuits")
    assert numbers(copy, MERRELL) == [("number_changed", "high", "2,000", "1700")]


# --- number_added ------------------------------------------------------------------------------


def test_several_made_into_a_count_is_number_added() -> None:
    copy = edit(AP_DIPLOMACY, "Several rounds", "Six rounds")
    assert numbers(copy, AP_DIPLOMACY, embed=True) == [("number_added", "low", "Six", AP_DIPLOMACY)]


def test_a_count_the_source_never_gives_is_number_added() -> None:
    copy = edit(ZINCOR, "Police were called but", "Ten police were called but")
    assert numbers(copy, ZINCOR) == [
        (
            "number_added",
            "low",
            "Ten",
            "Police were called but the fighting had ended by the time they arrived.",
        )
    ]


def test_a_number_for_what_the_source_never_speaks_of_is_low() -> None:
    # Reuters on India's vaccines, rewritten by a UK site: "its 1.4 billion population" is
    # background the copy set beside the source's claim, not a figure put on it.
    source = (
        "The world's biggest producer of Covid-19 vaccines has a limited number of shots "
        "available, worsening a grim second wave of infections."
    )
    copy = (
        "India is the world's largest producer of vaccines but has struggled to get supplies "
        "to its 1.4 billion population, worsening a grim second wave of infections."
    )
    assert numbers(copy, source, embed=True) == [("number_added", "low", "1.4 billion", source)]


def test_a_count_of_what_the_source_names_elsewhere_is_number_added() -> None:
    # Reuters on Raisi's crash: the source speaks of the passengers, only not in this sentence.
    source = (
        "The charred wreckage of the helicopter which crashed on Sunday carrying Raisi and "
        "Foreign Minister Hossein Amirabdollahian was found early on Monday. All the passengers "
        "in the helicopter were killed, an official said."
    )
    copy = (
        "The helicopter, which was carrying Raisi, Foreign Minister Hossein Amirabdollahian and "
        "six other passengers, crashed on Sunday and was found early on Monday. All the "
        "passengers in the helicopter were killed, an official said."
    )
    assert numbers(copy, source, embed=True) == [
        (
            "number_added",
            "low",
            "six",
            "The charred wreckage of the helicopter which crashed on Sunday carrying Raisi and "
            "Foreign Minister Hossein Amirabdollahian was found early on Monday.",
        )
    ]


# --- number_dropped ----------------------------------------------------------------------------


def test_seed_drops_the_100000_troops_russia_massed() -> None:
    assert numbers(SEED_DENIED, AP_DENIED, embed=True) == [
        ("number_dropped", "low", SEED_DENIED, "100,000")
    ]


def test_a_duration_left_out_is_number_dropped() -> None:
    copy = edit(ZINCOR, 'was "quelled" after 25 minutes by', 'was "quelled" by')
    assert numbers(copy, ZINCOR) == [
        (
            "number_dropped",
            "low",
            'It said the fighting was "quelled" by its own security staff.',
            "25",
        )
    ]


def test_a_conversion_left_out_drops_no_number() -> None:
    # The measure is kept in the source's own unit; on real pages every conversion left out
    # that was once reported dropped (15 of them, 2026-12-06) was labelled clean.
    copy = edit(ECUADOR, "about 90 km (50 miles) east", "about 90 km east")
    assert numbers(copy, ECUADOR) == []


@pytest.mark.xfail(
    strict=True,
    reason="segment reads 'a quarter of a million' as 'a quarter' (25 percent) and 'a million' "
    "(1,000,000), not 250,000, so the detector compares the wrong numbers",
)
def test_a_quarter_of_a_million_for_260000_is_a_rounding() -> None:
    copy = edit(ECUADOR, "260,000 barrels", "more than a quarter of a million barrels")
    assert numbers(copy, ECUADOR) == []


# --- not findings ------------------------------------------------------------------------------


def test_seed_keeps_8500_troops() -> None:
    assert numbers(SEED_ALERT, AP_ALERT, embed=True) == []


def test_8500_without_a_separator_is_the_same_number() -> None:
    assert numbers(edit(AP_ALERT, "8,500", "8500"), AP_ALERT) == []


def test_pct_as_a_percent_sign_is_the_same_number() -> None:
    assert numbers(edit(ECUADOR, "by 30 pct", "by 30%"), ECUADOR) == []


def test_pct_as_percent_is_the_same_number() -> None:
    assert numbers(edit(ECUADOR, "by 30 pct", "by 30 percent"), ECUADOR) == []


def test_48_percent_as_48_percent_sign_is_the_same_number() -> None:
    assert numbers(edit(POLL, "48 percent", "48%"), POLL) == []


def test_half_as_50_percent_is_the_same_number() -> None:
    assert numbers(edit(HALF, "just half of", "just 50 percent of"), HALF) == []


def test_a_number_in_words_as_digits_is_the_same_number() -> None:
    assert numbers(edit(ECUADOR, "at least six people", "at least 6 people"), ECUADOR) == []
    assert numbers(edit(ZINCOR, "Three black workers", "3 black workers"), ZINCOR) == []


def test_thousand_written_out_is_the_same_number() -> None:
    assert numbers(edit(ECUADOR, "260,000 barrels", "260 thousand barrels"), ECUADOR) == []


def test_dlrs_as_a_dollar_sign_is_the_same_amount() -> None:
    copy = edit(VENEZUELA, "a 21 billion dlr debt", "a $21 billion debt")
    assert numbers(copy, VENEZUELA) == []


def test_billion_as_bln_is_the_same_amount() -> None:
    assert numbers(edit(VENEZUELA, "21 billion dlr", "21 bln dlr"), VENEZUELA) == []


def test_a_number_rounded_with_about_is_not_changed() -> None:
    assert (
        numbers(edit(MARGIN, "of 1,205 participants", "of about 1,200 participants"), MARGIN) == []
    )


def test_about_1700_written_as_some_1700_is_the_same_number() -> None:
    assert numbers(edit(MERRELL, "about 1700 lawsuits", "some 1,700 lawsuits"), MERRELL) == []


def test_a_number_moved_to_another_sentence_is_not_added() -> None:
    copy = edit(
        ECUADOR,
        "announced on television the country would cut",
        "announced on television the country, which had recently been pumping 260,000 barrels "
        "per day, would cut",
    )
    copy = edit(copy, "\n\nEcuador had recently been pumping 260,000 barrels per day.\n", "\n")
    assert numbers(copy, ECUADOR) == []


def test_the_passive_voice_keeps_the_offer_price() -> None:
    copy = edit(
        CHEMLAWN,
        "ChemLawn Corp could attract a higher bid than the 27 dlrs per share offered by Waste "
        "Management Inc, Wall Street arbitrageurs said.",
        "A higher bid than the 27 dlrs per share Waste Management Inc offered could be attracted "
        "by ChemLawn Corp, Wall Street arbitrageurs said.",
    )
    assert numbers(copy, CHEMLAWN) == []


# --- real pages: numbers in names, ages, orders of magnitude ---------------------------------


@pytest.mark.parametrize(
    ("source", "copy"),
    [
        (
            "The airline grounded its jets after the crash.",
            "The airline grounded its Boeing 737 jets after the crash.",
        ),
        (
            "The company disclosed the loss in its annual filing.",
            "The company disclosed the loss in its Form 10-K filing.",
        ),
        (
            "The country recorded 1,200 new cases of the virus.",
            "The country recorded 1,200 new cases of COVID-19.",
        ),
        (
            "Leaders of the wealthy nations met in Germany.",
            "Leaders of the G7 nations met in Germany.",
        ),
    ],
)
def test_a_number_inside_a_name_is_not_added(source: str, copy: str) -> None:
    assert numbers(copy, source, embed=True) == []


def test_an_age_the_copy_adds_is_low() -> None:
    source = "The president told reporters that the deal was close."
    copy = "The 77-year-old president told reporters that the deal was close."
    assert numbers(copy, source, embed=True) == [("number_added", "low", "77-year-old", source)]


@pytest.mark.parametrize(
    ("source", "copy", "changed"),
    [
        (
            "Tens of thousands of people were killed in the fighting.",
            "Hundreds of people were killed in the fighting.",
            ("Hundreds", "Tens of thousands"),
        ),
        (
            "The attack killed five people, with thousands more injured.",
            "The attack killed five people, injuring hundreds.",
            ("hundreds", "thousands"),
        ),
        (
            "Dozens of protesters were arrested on Sunday.",
            "Hundreds of protesters were arrested on Sunday.",
            ("Hundreds", "Dozens"),
        ),
        (
            "The storm left 8,500 homes without power.",
            "The storm left hundreds of homes without power.",
            ("hundreds", "8,500"),
        ),
    ],
)
def test_another_order_of_magnitude_is_number_changed(
    source: str, copy: str, changed: tuple
) -> None:
    assert numbers(copy, source, embed=True) == [("number_changed", "high", *changed)]


def test_an_order_of_magnitude_that_holds_the_number_is_the_same() -> None:
    source = "More than 300 people were arrested on Sunday."
    copy = "Hundreds of people were arrested on Sunday."
    assert numbers(copy, source, embed=True) == []


def test_another_number_inside_the_same_name_is_number_changed() -> None:
    source = "The carrier emerged from Chapter 11 bankruptcy protection last year."
    copy = "The carrier emerged from Chapter 7 bankruptcy protection last year."
    assert numbers(copy, source, embed=True) == [
        ("number_changed", "high", "Chapter 7", "Chapter 11")
    ]


def test_a_count_after_a_place_is_a_number() -> None:
    source = "Riyadh had given London 10 days to halt the inquiry."
    copy = "Riyadh had given London 4 days to halt the inquiry."
    assert numbers(copy, source, embed=True) == [("number_changed", "high", "4", "10")]


@pytest.mark.parametrize(
    ("source", "copy"),
    [
        # Another unit, or the conversion added in parentheses.
        (
            "The water is believed to be 11.5 kilometres to 20 kilometres down in the crust.",
            "The water is believed to be 7 to 12 miles down in the crust.",
        ),
        (
            "The European team calculated 1.6 degrees Celsius of warming.",
            "The European team calculated 1.6 degrees Celsius (2.89 degrees Fahrenheit) of warming.",
        ),
        # Digits grouped the Indian way, or with points.
        (
            "Microsoft had a total workforce of around 221,000 as of June 30.",
            "Microsoft had a total workforce of around 2,21,000 as of June 30.",
        ),
        (
            "India's tally of infections rose by 63,509 on Wednesday.",
            "India's tally of infections rose by 63.509 on Wednesday.",
        ),
        # One order of magnitude in two words.
        (
            "Dozens of people were killed in the attack.",
            "Scores of people were killed in the attack.",
        ),
        # One span of time in other units (Reuters on Kobe Bryant, and a spun copy).
        (
            "Bryant brought Showtime back to the Los Angeles Lakers for two glittering decades.",
            "Bryant was the face of the Los Angeles Lakers during his 20-year career.",
        ),
        # A span of time rounded to a coarser unit (AP on Mozambique's election, and uslive).
        (
            "The election is likely to see the ruling Frelimo party extend its 49-year rule "
            "since independence from Portugal in 1975.",
            "The election is anticipated to enable the ruling Frelimo party to extend its nearly "
            "five-decade control since independence from Portugal in 1975.",
        ),
    ],
)
def test_one_quantity_written_two_ways_is_the_same(source: str, copy: str) -> None:
    assert numbers(copy, source, embed=True) == []


@pytest.mark.parametrize(
    ("source", "copy"),
    [
        # An area in "sq mi" and "square kilometers" (AP on the Halifax wildfire, 2023, and a
        # spun copy; AP's own conversion says "3 miles").
        (
            "By early afternoon, Nova Scotia's Department of Natural Resources confirmed the "
            "wildfire covered about 8 square kilometers (3 miles).",
            "By the afternoon, the Nova Scotia Department of Natural Resources confirmed that the "
            "wildfire covered approximately 8 square kilometers (3 sq mi).",
        ),
        # The copy adds a measure in front of the source's, which becomes its conversion (AP on
        # Portugal's fires, and the Independent's copy).
        (
            "It has so far scorched around 17,300 acres.",
            "It has so far scorched around 7,000 hectares (17,300 acres).",
        ),
        # Both give the measure in both units, in the other order (AFP on Peru's Pataz).
        (
            "Pataz, located around 560 miles (900 kilometres) from the capital Lima, is in a state "
            "of emergency due to escalating violence caused by a gold rush there.",
            "The region of Pataz, located around 900 kilometres (560 miles) from Lima, has been "
            "under a state of emergency due to growing violence fuelled by a gold rush.",
        ),
        # A unit's abbreviation, and a conversion's decimals the source rounds (AP on Richard
        # Simmons, and a copy that gives his weight in pounds first).
        (
            "Simmons weighed 122 kilograms when he graduated from high school, his website said.",
            "Simmons weighed 268 pounds (121.56 kg) when he graduated from high school, his "
            "website said.",
        ),
        # Plain degrees in the other scale (a second review's counter-example).
        (
            "Temperatures hit 45 degrees Celsius in Phoenix on Monday.",
            "Temperatures hit 113 degrees in Phoenix on Monday.",
        ),
        # A conversion after a scaled measure.
        (
            "Voyager 1 is more than 15 billion miles away in interstellar space.",
            "Voyager 1 is more than 15 billion miles (24 billion kilometres) away in interstellar "
            "space.",
        ),
    ],
)
def test_a_measure_told_with_its_conversion_counts_once(source: str, copy: str) -> None:
    assert numbers(copy, source, embed=True) == []


def test_a_race_time_written_with_points_is_no_changed_figure() -> None:
    # AP on Bobby Finke's 1,500m record (2024), and a spun copy (blind batch 60): the source's
    # "14.31.02" is no number 14.31; the copy's "31.02" seconds is at most a lead.
    source = (
        "He touched in 14 minutes, 30.67 seconds to break the record of 14.31.02 set by China's "
        "Sun Yang at the 2012 London Games."
    )
    copy = (
        "He completed the race in 14 minutes, 30.67 seconds, breaking the record of 14 minutes, "
        "31.02 seconds set by China's Sun Yang at the London 2012 Games."
    )
    assert [f for f in numbers(copy, source, embed=True) if f[1] != "low"] == []


@pytest.mark.parametrize(
    ("copy", "source", "change"),
    [
        # A review's counter-examples: a measure rounded into words, and a dotted figure changed.
        (
            "A magnitude eight earthquake struck off the coast on Tuesday.",
            "A magnitude 7.4 quake shook the coast on Tuesday, the USGS said.",
            ("eight", "7.4"),
        ),
        (
            "The economy grew two percent last quarter, officials said.",
            "Gross domestic product expanded 2.6 percent in the third quarter, the ministry said.",
            ("two percent", "2.6 percent"),
        ),
        (
            "He broke the record of 14.41.02 set by China's Sun Yang at the 2012 London Games.",
            "He broke the record of 14.31.02 set by China's Sun Yang at the 2012 London Games.",
            ("14.41.02", "14.31.02"),
        ),
    ],
)
def test_a_measure_in_words_or_with_points_changed_is_number_changed(
    copy: str, source: str, change: tuple[str, str]
) -> None:
    assert numbers(copy, source, embed=True)[:1] == [("number_changed", "high", *change)]


def test_a_count_in_words_is_no_figure_with_decimals_changed() -> None:
    # AP on Sebastián Piñera's death (2024), and a spun copy (blind batch 62).
    source = (
        "Serving as president from 2010 to 2014 and again from 2018 to 2022, Piñera led the South "
        "American nation during moments of crisis, including the aftermath of an 8.8 magnitude "
        "earthquake."
    )
    copy = "Piñera served two terms, from 2010 to 2014 and then from 2018 to 2022."
    assert [f for f in numbers(copy, source, embed=True) if f[1] != "low"] == []


def test_a_conversion_the_copy_changed_is_number_changed() -> None:
    # The copy keeps only the source's conversion, and changes it.
    source = "Mocha made landfall packing winds of up to 195 kilometres (120 miles) per hour."
    copy = "Mocha made landfall packing winds of up to 150 miles per hour."
    assert numbers(copy, source, embed=True) == [("number_changed", "high", "150", "120")]


@pytest.mark.parametrize(
    ("copy", "source", "change"),
    [
        # A read-only review's counter-examples: a whole figure for decimals that matter (a
        # magnitude, money, a rate, a share), plain degrees beside a scale of them, a measure
        # changed where both texts give both units, a spun compound.
        (
            "The earthquake had a magnitude of 4, the survey said on Monday.",
            "The earthquake had a magnitude of 3.5, the survey said on Monday.",
            ("4", "3.5"),
        ),
        (
            "The new minimum wage of $15 an hour takes effect in January.",
            "The new minimum wage of $15.50 an hour takes effect in January.",
            ("$15", "$15.50"),
        ),
        (
            "The central bank raised its key rate to 10 percent on Thursday.",
            "The central bank raised its key rate to 10.5 percent on Thursday.",
            ("10 percent", "10.5 percent"),
        ),
        (
            "Temperatures hit 45 degrees Celsius in Seville on Sunday.",
            "Temperatures hit 40 degrees in Seville on Sunday.",
            ("45", "40"),
        ),
        (
            "The fire has burned 9,000 hectares (17,300 acres) since Friday, officials said.",
            "The fire has burned 7,000 hectares (17,300 acres) since Friday, officials said.",
            ("9,000", "7,000"),
        ),
        (
            "Temperatures hit 110 degrees Fahrenheit (35 degrees Celsius) in Phoenix on Sunday.",
            "Temperatures hit 95 degrees Fahrenheit (35 degrees Celsius) in Phoenix on Sunday.",
            ("110", "95"),
        ),
        (
            "Some forty-five,000 people attended the rally, organisers said.",
            "Some 5,000 people attended the rally, organisers said.",
            ("forty-five", "5,000"),
        ),
        # A second review's: a conversion changed past rounding, a unitless measure rounded.
        (
            "The fire has burned 9,000 hectares (37,300 acres) since Friday.",
            "The fire has burned 9,000 hectares (17,300 acres) since Friday.",
            ("37,300", "17,300"),
        ),
        (
            "The fire has burned 27,300 acres (9,000 hectares) since Friday.",
            "The fire has burned 9,000 hectares (17,300 acres) since Friday.",
            ("27,300", "17,300"),
        ),
        (
            "Bolt ran the 100 metres in 10 seconds in Berlin.",
            "Bolt ran the 100 metres in 9.58 seconds in Berlin.",
            ("10", "9.58"),
        ),
    ],
)
def test_a_figure_changed_beside_a_rounding_or_a_conversion_is_number_changed(
    copy: str, source: str, change: tuple[str, str]
) -> None:
    assert numbers(copy, source, embed=True)[:1] == [("number_changed", "high", *change)]


def test_a_conversion_rounded_another_way_changes_no_number() -> None:
    # Both give the measure in both units and agree on it: the conversions' rounding is detail.
    source = "The fire has burned 7,000 hectares (17,300 acres) since Friday, officials said."
    copy = "The fire has burned 7,000 hectares (17,000 acres) since Friday, officials said."
    assert numbers(copy, source, embed=True) == []


def test_a_leading_digit_spun_into_a_word_is_the_same_figure() -> None:
    # A synonym spinner's copy of AP on the Myanmar earthquake (2025).
    source = (
        "So far 1,644 people have been reported killed in Myanmar and 3,408 injured, but many "
        "areas have not yet been reached."
    )
    copy = (
        "Up to now 1,644 folks have been reported killed in Myanmar and three,408 injured, "
        "however many areas haven't but been reached."
    )
    assert numbers(copy, source, embed=True) == []


def test_a_changed_unit_of_the_same_measure_is_still_a_change() -> None:
    source = "The water is believed to be 20 kilometres down in the crust."
    copy = "The water is believed to be 30 kilometres down in the crust."
    assert numbers(copy, source, embed=True) == [("number_changed", "high", "30", "20")]


def test_numbers_far_apart_in_size_are_not_one_changed_without_context() -> None:
    source = "India posted a record daily rise of 401,993 new cases on Saturday."
    copy = "India opened its vaccination drive to all people over 18 on Saturday."
    assert [f[0] for f in numbers(copy, source, embed=True)] != ["number_changed"]


def test_a_count_beside_a_toll_the_copy_keeps_elsewhere_is_no_number_changed() -> None:
    # AP on the Paris attacks verdict and a credited rewrite: the 19 men convicted are the
    # copy's own count; the 130 killed is in its lede.
    source = "Salah Abdeslam was the chief suspect in an exceptional trial over the 2015 attacks, which killed 130 people and were claimed by the Islamic State group."
    copy = (
        "The lone surviving Islamic State terrorist who helped carry out the 2015 Paris attack that killed 130 people was sentenced to life in prison without parole on Wednesday. "
        "Chief surviving suspect Salah Abdeslam was found guilty along with 19 other men involved in the attack, The Associated Press reported."
    )
    assert numbers(copy, source, embed=True) == [("number_added", "low", "19", source)]


def test_a_count_the_source_gives_in_another_sentence_is_moved_not_changed() -> None:
    # Reuters on Djokovic's Olympic gold (via Orissa Post) and a spun copy: the 24 titles are
    # the source's, from another sentence, not a stand-in for "all four Grand Slam titles",
    # which the copy gives too.
    source = (
        "Djokovic, already a record-holder with 24 major titles, won in straight sets. This victory"
        " cements his place in tennis history as one of only five players to achieve the Golden"
        " Slam, winning all four Grand Slam titles and the Olympic gold."
    )
    copy = (
        "Djokovic, who has won all four Grand Slam titles, won in straight sets. His triumph adds"
        " to his record of 24 Grand Slam titles, cementing his place in tennis history as one of"
        " only five players to achieve the Golden Slam."
    )
    assert numbers(copy, source, embed=True) == []


def test_a_toll_moved_to_another_place_is_changed() -> None:
    # A review's counter-example: the Texas toll given to Oklahoma, whose own is dropped.
    source = (
        "The storm killed 12 people in Texas on Sunday, officials said. In Oklahoma, 3 people were"
        " killed when a tornado struck the town of Elk City."
    )
    copy = "In Oklahoma, 12 people were killed when a tornado struck the town of Elk City."
    assert numbers(copy, source, embed=True) == [("number_changed", "high", "12", "3")]


def test_a_count_moved_in_from_another_sentence_replaces_no_figure_it_counts_nothing_like() -> None:
    # AP on the Boar's Head recall (GV Wire, 2024) and a spun copy: the deaths come from a later
    # sentence; the 13 states are dropped, not made two. "Thirty" for "three dozen" is changed.
    source = (
        "U.S. health officials Friday announced a recall of some Boar’s Head liverwurst and "
        "other deli meats as they investigate a listeria outbreak that has sickened nearly "
        "three dozen people in 13 states. The sample was from an unopened package. Two people "
        "died."
    )
    copy = (
        "U.S. health officials on Friday announced a recall of some liver sausages and other "
        "meats from Boar’s Head as part of their investigation into the listeria outbreak which "
        "resulted in the injury of nearly thirty people and the death of two people. The "
        "sample was from an unopened package."
    )
    found = [(t, severity, theirs) for t, severity, _, theirs in numbers(copy, source, embed=True)]
    assert found == [("number_dropped", "low", "13"), ("number_changed", "high", "three dozen")]


def test_a_toll_that_says_nothing_of_what_it_counts_changed_to_a_figure_given_elsewhere() -> None:
    # A review's counter-example: "killing three." counts no noun; the copy's 12 is the hurt.
    source = (
        "A tornado struck Elk City on Sunday, killing three. Officials said 12 people were "
        "taken to hospital with injuries."
    )
    copy = "A tornado struck Elk City on Sunday, killing 12 people."
    assert numbers(copy, source, embed=True) == [("number_changed", "high", "12", "three")]


def test_a_figure_the_copy_gives_elsewhere_for_another_thing_is_still_changed() -> None:
    # A review's counter-example: the 40 firefighters are not the 40 homes made 400.
    source = "About 40 firefighters battled the blaze overnight. The fire destroyed 40 homes in the valley, officials said."
    copy = "About 40 firefighters battled the blaze overnight. The flames razed 400 houses in the valley, officials said."
    assert numbers(copy, source, embed=True) == [("number_changed", "high", "400", "40")]


def test_a_percentage_changed_before_an_ordinal_quarter_is_number_changed() -> None:
    # Reuters on US travel spending, spun: "the second quarter" counts no span of time.
    source = "Passenger air travel, after growing a revised 11.6 percent in the second quarter, plunged 11.6 percent in the third quarter."
    copy = "Passenger air trip, after growing a revised 5.8 percent in the second quarter, plunged 11.6 percent in the third quarter."
    assert numbers(copy, source, embed=True) == [
        ("number_changed", "high", "5.8 percent", "11.6 percent")
    ]


@pytest.mark.parametrize(
    ("copy", "ours", "theirs"),
    [
        ("The ruling party extended its three-decade rule since 1975.", "three", "49"),
        ("The ruling party extended its one-year rule since 1975.", "one", "six"),
        ("The ruling party extended its two-decade rule since 1975.", "two", "15"),
    ],
)
def test_a_span_of_time_rounded_past_its_unit_is_changed(copy: str, ours: str, theirs: str) -> None:
    spans = {"49": "49-year", "six": "six-month", "15": "15-year"}
    source = f"The ruling party extended its {spans[theirs]} rule since 1975."
    assert numbers(copy, source, embed=True) == [("number_changed", "high", ours, theirs)]


def test_a_count_of_things_for_a_span_of_time_is_no_number_changed() -> None:
    # A spun copy of Reuters on Kobe Bryant: the rings are the copy's own, not the decades.
    source = "Bryant brought Showtime back to the Los Angeles Lakers for two glittering decades."
    copy = "Bryant won five NBA championship rings with the Los Angeles Lakers."
    assert numbers(copy, source, embed=True) == [("number_added", "low", "five", source)]


def test_two_for_both_is_the_same_number() -> None:
    # AP on the Turkey-Syria earthquake.
    source = "More than 7,000 people in both countries have been killed, says Talanci."
    copy = "More than 7,000 people have been killed in the two countries, Talanci says."
    assert numbers(copy, source) == []


def test_over_18_for_adults_is_no_added_number() -> None:
    # Reuters on India's vaccination drive, as a page rewrote it.
    source = "The country opened up its massive vaccination drive to all adults, although several states warned of acute shortages."
    copy = "India has now opened up its massive vaccination drive to all people over 18, although several states warned of acute shortages."
    assert numbers(copy, source, embed=True) == []


def test_a_year_the_source_gives_as_a_date_is_not_added() -> None:
    # AP on Hunter Biden's verdict.
    source = (
        "Hunter Biden was convicted on Tuesday of all three felony charges related to the "
        "purchase of a revolver in 2018, prosecutors said."
    )
    copy = (
        "Hunter Biden was convicted on Tuesday of all three felony charges tied to his 2018 "
        "gun purchase, prosecutors said."
    )
    assert numbers(copy, source) == []


def test_a_tennis_score_the_copy_adds_is_no_number_changed() -> None:
    # AP on Nadal's 14th French Open: the score is not a count of the days.
    source = "Nadal's victory came two days after his 36th birthday."
    copy = "Nadal's 6-3, 6-3, 6-0 victory came on Sunday, two days after his 36th birthday."
    assert numbers(copy, source) == []


def test_dollars_with_the_country_after_the_sign_are_those_dollars() -> None:
    # The New York Times via the Sydney Morning Herald (2024): "$US450 million ($675 million)",
    # the second figure in Australian dollars; a rewrite gives the first.
    source = (
        "In February, Trump endured another humiliation: a judgment of more than $US450 million "
        "($675 million) in a civil fraud case brought by New York's attorney-general."
    )
    copy = (
        "In February, Mr. Trump endured one other humiliation: a judgment of greater than $450 "
        "million in a civil fraud case introduced by New York's attorney-general."
    )
    # The same figure; the conversion left out is a lead, no change.
    assert numbers(copy, source, embed=True) == [("number_dropped", "low", copy, "$675 million")]


# A real page (Arab News' AP story mirrored on value-cii) gives the same sentence twice: as a
# summary bullet and in the body, each with the wrong figure.
AP_RESCUED = "A fishing boat was the first to respond on Monday after the boat capsized and rescued 12 people, one of whom later died."
AP_IN_VIEW = "The partially submerged boat was still in view, but the commander of the search operation said no bodies were sighted."
AP_SEARCH = "The Italian Coast Guard was searching by sea and from the air on Thursday for dozens of people missing after a sailboat sank."


def test_a_sentence_told_twice_has_its_changed_number_found_in_each() -> None:
    bullet = "- " + edit(AP_RESCUED, "boat was the first", "vessel was the first")
    body = [AP_SEARCH, AP_IN_VIEW, edit(AP_RESCUED, "12", "11")]
    copy = "\n\n".join([edit(bullet, "12", "11"), *body])
    assert numbers(copy, "\n\n".join([AP_SEARCH, AP_IN_VIEW, AP_RESCUED])) == [
        ("number_changed", "high", "11", "12"),
        ("number_changed", "high", "11", "12"),
    ]


def test_a_split_with_a_sentence_of_the_page_between_its_halves_is_one_change() -> None:
    source = "The company said profit rose 12 percent to $4.1 billion in the quarter, while revenue climbed 8 percent to $20.3 billion.\n\nShares rose 3 percent in early trading."
    copy = "The company said profit rose 12 percent to $4.1 billion in the quarter.\n\nShares rose 3 percent in early trading.\n\nRevenue climbed 9 percent to $20.3 billion."
    assert numbers(copy, source, embed=True) == [
        ("number_changed", "high", "9 percent", "8 percent")
    ]


def test_a_vague_count_made_a_figure_the_source_gives_of_another_thing_is_changed() -> None:
    source = "The storm destroyed 300 homes in the province, officials said.\n\nThousands of residents were evacuated to shelters."
    copy = "The storm destroyed 300 homes in the province, officials said.\n\nAbout 300 residents were evacuated to shelters."
    assert numbers(copy, source, embed=True) == [("number_changed", "high", "300", "Thousands")]


# AP's sentence of a judge, "a year and three months", was "15 months" on the pages that
# copied it (Seattle Times, federalcharges, RedState, 2022).
AP_SENTENCED = "A former New York state judge was sentenced Wednesday to a year and three months in prison after her conviction for obstructing a probe."


def test_a_span_of_time_told_in_two_units_is_the_same_span_in_one() -> None:
    assert numbers(edit(AP_SENTENCED, "a year and three months", "15 months"), AP_SENTENCED) == []
    assert numbers(edit(AP_SENTENCED, "a year and three months", "18 months"), AP_SENTENCED) == [
        ("number_changed", "high", "18", "three")
    ]


# A spin of AP's Hurricane Otis story (menafn, 2023): the copy's "39 fatalities" is the toll
# the source gives in another sentence, not a figure put for its vague "Hundreds" of families.
OTIS_TOLL = "Mexican authorities raised Otis' official toll to 39 dead and 10 missing Saturday."
OTIS_WINDS = "Mexican authorities said Otis' winds reached 165 mph when it made landfall Saturday."
OTIS_FAMILIES = "Hundreds of families are still awaiting word from loved ones."
OTIS_COPY = "However, it is widely anticipated that the current count of 39 fatalities will not be the final figure, as numerous families anxiously await news about their missing loved ones."


def test_a_figure_the_source_gives_elsewhere_is_not_put_for_a_vague_count() -> None:
    assert numbers(OTIS_COPY, f"{OTIS_TOLL}\n\n{OTIS_FAMILIES}", embed=True) == [
        ("number_dropped", "low", OTIS_COPY, "Hundreds")
    ]
    # A figure the source has nowhere, for its vague count: changed.
    assert numbers(OTIS_COPY, f"{OTIS_WINDS}\n\n{OTIS_FAMILIES}", embed=True) == [
        ("number_changed", "high", "39", "Hundreds")
    ]


def test_a_count_of_the_years_both_texts_list_is_no_changed_number() -> None:
    # AFP on Raila Odinga (2025) and a copy: he ran five times, in the five years both list;
    # the source's "four" are the elections he says were stolen.
    source = (
        "He entered parliament in 1992 and ran unsuccessfully for the presidency in 1997, 2007, "
        "2013, 2017 and 2022, claiming to have been cheated of victory in the last four elections."
    )
    copy = (
        "Odinga entered parliament in 1992 and went on to contest Kenya’s presidency five times — "
        "in 1997, 2007, 2013, 2017, and 2022."
    )
    assert numbers(copy, source, embed=True) == [("number_added", "low", "five", source)]
    # Six times for the five years listed is a count of its own.
    six = copy.replace("five times", "six times")
    assert numbers(six, source, embed=True) == [("number_changed", "high", "six", "four")]
    # A review's counter-examples: a count of people, not of times, that happens to equal the
    # years listed; a count of times the source gives otherwise, with a year dropped.
    source = "Four journalists were killed in the country in 2022 and 2023, the Committee to Protect Journalists said."
    copy = source.replace("Four", "Two")
    assert numbers(copy, source, embed=True) == [("number_changed", "high", "Two", "Four")]
    source = "The club has won the league title four times, in 2015, 2017, 2019 and 2021."
    copy = "The club has won the league title three times, in 2015, 2017 and 2019."
    assert numbers(copy, source, embed=True) == [("number_changed", "high", "three", "four")]


def test_two_vague_counts_of_two_things_are_no_changed_number() -> None:
    # AP's bird-flu story (2024) and a station's page around it: its "hundreds" count species,
    # which the source tells of uncounted; the source's "scores" count countries.
    source = (
        "Since 2020, the bird flu virus has been spreading among more animal species – including "
        "dogs, cats, skunks, bears and even seals and porpoises – in scores of countries."
    )
    copy = (
        "The bird flu virus has been found in hundreds of mammal species globally in recent years."
    )
    assert numbers(copy, source, embed=True) == [("number_added", "low", "hundreds", source)]
    # Hundreds of countries is another count of the source's thing.
    countries = copy.replace("mammal species globally", "countries")
    assert numbers(countries, source, embed=True) == [
        ("number_changed", "high", "hundreds", "scores")
    ]


def test_a_vague_count_of_what_the_source_tells_of_uncounted_is_no_changed_number() -> None:
    # AP on el-Fasher (2025) and a spun copy: the source's "hundreds" were killed; those who
    # fled it does not count.
    source = (
        "Aid workers worried on Thursday that only a trickle of the people believed to have fled "
        "a paramilitary force that seized a city in Sudan's Darfur region have reached safety, "
        "as hundreds reportedly have been killed in the attack and while making their escape."
    )
    copy = (
        "In the wake of a brutal paramilitary assault on el-Fasher, Sudan's Darfur region, aid "
        "workers have expressed grave concerns over the fate of thousands who fled the violence."
    )
    # What it leaves out is the source's count of the dead: a lead.
    assert numbers(copy, source, embed=True) == [("number_dropped", "low", copy, "hundreds")]
    # The killed made thousands: changed.
    killed = copy.replace("thousands who fled", "thousands who were killed in")
    assert numbers(killed, source, embed=True) == [
        ("number_changed", "high", "thousands", "hundreds")
    ]
    # A review's counter-example: a count given as a noun, for a figure, is compared as ever,
    # though the source words what it counts otherwise there ("confirmed dead").
    source = (
        "At least 120 people were confirmed dead on Sunday after militants killed villagers in "
        "the attack on the village, officials said."
    )
    copy = "Thousands were killed in the attack on the village, officials said."
    assert numbers(copy, source, embed=True) == [("number_changed", "high", "Thousands", "120")]
