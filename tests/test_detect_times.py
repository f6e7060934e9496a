"""time_changed: a day, date, month, year or relative time differs from the source's (medium).

A copy time counts only when the source gives none like it anywhere and the aligned source
sentence has one of the same kind it dropped. Not findings: the same time written another way
("21 to 22 January"), moved within the sentence or reordered, a time the copy adds or drops.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

import unspin
from detect_pairs import (
    AP_DIPLOMACY,
    AP_REASSURE,
    AP_REZNIKOV,
    BRAZIL,
    ECUADOR,
    JAPAN_CPI,
    KURDISTAN,
    MERRELL,
    SEED_DIPLOMACY,
    SEED_REASSURE,
    SEED_REZNIKOV,
    VENEZUELA,
    edit,
    runner_for,
)
from unspin.model import Article

# The seed page's survey sentence (the AP poll of January 21-22).
MARGIN = (
    "The margin of error for the nationwide survey of 1,205 participants, conducted from "
    "January 21 to 22, was no greater than 3.2 percentage points."
)


times = runner_for("times")


def test_tuesday_made_wednesday_is_time_changed() -> None:
    copy = edit(AP_REASSURE, "equipment Tuesday to", "equipment Wednesday to")
    assert times(copy, AP_REASSURE) == [("time_changed", "medium", "Wednesday", "Tuesday")]


def test_another_weekday_for_the_quake_is_time_changed() -> None:
    copy = edit(ECUADOR, "The quake on Thursday", "The quake on Wednesday")
    assert times(copy, ECUADOR) == [("time_changed", "medium", "Wednesday", "Thursday")]


def test_another_weekday_for_a_statement_is_time_changed() -> None:
    copy = edit(KURDISTAN, "said on Monday fighting", "said on Sunday fighting")
    assert times(copy, KURDISTAN) == [("time_changed", "medium", "Sunday", "Monday")]


def test_another_year_is_time_changed() -> None:
    copy = edit(MERRELL, "discontinued in 1983 amid", "discontinued in 1985 amid")
    assert times(copy, MERRELL) == [("time_changed", "medium", "1985", "1983")]


def test_another_month_is_time_changed() -> None:
    copy = edit(JAPAN_CPI, "99.7 in January from", "99.7 in February from")
    assert times(copy, JAPAN_CPI) == [("time_changed", "medium", "February", "January")]


def test_another_month_after_last_is_time_changed() -> None:
    copy = edit(VENEZUELA, "signed last February", "signed last March")
    assert times(copy, VENEZUELA) == [("time_changed", "medium", "March", "February")]


def test_last_week_for_this_week_is_time_changed() -> None:
    copy = edit(AP_DIPLOMACY, "this week tensions", "last week tensions")
    assert times(copy, AP_DIPLOMACY) == [("time_changed", "medium", "last week", "this week")]


def test_shifted_survey_dates_are_time_changed() -> None:
    copy = edit(MARGIN, "January 21 to 22", "January 20 to 21")
    assert times(copy, MARGIN) == [
        ("time_changed", "medium", "January 20 to 21", "January 21 to 22")
    ]


# --- not findings ------------------------------------------------------------------------------


def test_another_night_for_the_event_is_time_changed_though_the_source_names_that_day() -> None:
    # AP on Kamila Valieva's hearing (2022), spun: the day the court announced it is given to
    # the hearing itself.
    source = (
        "The Court of Arbitration for Sport announced Saturday that the expedited hearing on "
        "Valieva's doping case will be held Sunday night in Beijing."
    )
    copy = "The expedited hearing on Valieva's doping case will be held Saturday night in Beijing."
    assert times(copy, source, embed=True) == [("time_changed", "medium", "Saturday", "Sunday")]
    # The same night, and a night the source does not give, are no change found here.
    assert times(copy.replace("Saturday night", "Sunday night"), source, embed=True) == []
    assert times(copy.replace("Saturday night", "Saturday"), source, embed=True) == []
    # A night the copy gives as well is told, not moved (a review's counter-example).
    source = (
        "Rebels attacked the northern town of Kidal late Saturday, and fighting went on until "
        "Sunday night, the army said."
    )
    copy = (
        "Rebels attacked the northern town of Kidal on Saturday night, and fighting went on "
        "until Sunday night, the army said."
    )
    assert times(copy, source, embed=True) == []


def test_seed_drops_tuesday_without_changing_it() -> None:
    assert times(SEED_REASSURE, AP_REASSURE, embed=True) == []


def test_seed_adds_on_tuesday_to_reznikovs_statement() -> None:
    assert times(SEED_REZNIKOV, AP_REZNIKOV) == []


def test_seed_keeps_this_week() -> None:
    assert times(SEED_DIPLOMACY, AP_DIPLOMACY, embed=True) == []


def test_a_weekday_made_possessive_is_the_same_day() -> None:
    copy = edit(ECUADOR, "The quake on Thursday, which", "Thursday's quake, which")
    assert times(copy, ECUADOR) == []


def test_two_days_in_the_other_order_are_the_same_days() -> None:
    copy = edit(BRAZIL, "on Tuesday and Wednesday", "on Wednesday and Tuesday")
    assert times(copy, BRAZIL) == []


def test_a_year_moved_to_the_front_is_the_same_year() -> None:
    copy = edit(
        MERRELL,
        "The anti-nausea drug has been used to treat morning sickness and was discontinued in "
        "1983 amid allegations",
        "In 1983 the anti-nausea drug, used to treat morning sickness, was discontinued amid "
        "allegations",
    )
    assert times(copy, MERRELL) == []


def test_day_before_month_is_the_same_date() -> None:
    copy = edit(MARGIN, "from January 21 to 22", "from 21 to 22 January")
    assert times(copy, MARGIN) == []


def test_a_weekend_for_friday_and_saturday_is_no_time_change() -> None:
    copy = edit(BRAZIL, "on Friday and Saturday", "this weekend")
    assert times(copy, BRAZIL) == []


# --- real pages: one time said less precisely ------------------------------------------------


@pytest.mark.parametrize(
    ("source", "copy"),
    [
        (
            "The vote took place on February 2, 2021, after weeks of debate.",
            "The vote took place on February 2, after weeks of debate.",
        ),
        (
            "The vote took place on February 2, 2021, after weeks of debate.",
            "The vote took place in February 2021, after weeks of debate.",
        ),
        ("The talks began earlier this month in Geneva.", "The talks began this month in Geneva."),
    ],
)
def test_a_less_precise_time_is_not_changed(source: str, copy: str) -> None:
    assert times(copy, source, embed=True) == []


def test_another_day_of_the_same_month_is_time_changed() -> None:
    source = "The vote took place on February 2, 2021, after weeks of debate."
    copy = "The vote took place on February 3, after weeks of debate."
    assert times(copy, source, embed=True) == [
        ("time_changed", "medium", "February 3", "February 2, 2021")
    ]


def test_a_year_inside_a_name_is_not_a_time() -> None:
    # Euro 2020 was played in 2021.
    source = "Christian Eriksen collapsed during the Euro 2021 match between Denmark and Finland."
    copy = "Christian Eriksen collapsed during the Euro 2020 match between Denmark and Finland."
    assert times(copy, source, embed=True) == []


def test_a_few_years_ago_for_several_years_ago_is_the_same_time() -> None:
    # Real form: Reuters on Haiti's prime minister agreeing to resign, spun.
    source = (
        "Blinken promised another $100 million, bringing the total promised by the United "
        "States to $300 million since the crisis intensified several years ago."
    )
    copy = (
        "Blinken pledged another $100 million, bringing the total amount pledged by the US to "
        "$300 million since the crisis intensified a few years ago."
    )
    assert times(copy, source, embed=True) == []
    assert times(copy.replace("a few", "two"), source, embed=True) == [
        ("time_changed", "medium", "two years ago", "several years ago")
    ]


def test_twenty_years_ago_for_two_decades_ago_is_the_same_time() -> None:
    # Real form: the BBC on Michelle Yeoh's Oscar, rewritten.
    source = (
        "Yeoh is only the second woman of colour to win best leading actress, following Halle "
        "Berry for Monster's Ball more than two decades ago."
    )
    copy = (
        "Yeoh is just the second person of color to be named best leading actress, following "
        "Halle Berry for Monster's Ball more than 20 years ago."
    )
    assert times(copy, source, embed=True) == []


def test_a_year_for_a_season_is_no_changed_time() -> None:
    # AP on the astronauts' return (2025), and a rewrite: the flight of "last spring" (2024)
    # was "last year"; whether it was depends on the page's date, not on the words.
    source = "It all started with a flawed Boeing test flight last spring, officials said."
    copy = "Their stay began with a problematic Boeing test flight last year, officials said."
    assert times(copy, source, embed=True) == []


@pytest.mark.parametrize(
    ("source", "copy"),
    [
        (
            "The company said profits fell sharply last quarter, its chief executive said.",
            "The company said profits fell sharply last year, its chief executive said.",
        ),
        (
            "It all started with a flawed Boeing test flight last spring, officials said.",
            "It all started with a flawed Boeing test flight next year, officials said.",
        ),
    ],
)
def test_a_year_for_a_quarter_or_for_a_season_the_other_way_is_a_changed_time(
    source: str, copy: str
) -> None:
    assert [f[:2] for f in times(copy, source, embed=True)] == [("time_changed", "medium")]


def test_this_week_for_the_past_week_is_no_changed_time() -> None:
    # The New York Times via the Sydney Morning Herald (2024), and a rewrite.
    source = "Trump was convicted on 34 felony counts in the past week, the paper reported."
    copy = "Trump was convicted on 34 felony counts this week, the paper reported."
    assert times(copy, source, embed=True) == []


def test_a_time_said_from_nearby_is_not_paired_with_another_of_the_sentence() -> None:
    # The New York Times via the Sydney Morning Herald (2024), and a spun copy whose "this yr"
    # is no time: its "this week" stands for "this past week", not for "this year".
    source = "His conviction this past week was the third blow dealt in his hometown this year."
    copy = "His conviction this week was the third blow dealt in his hometown this yr."
    assert times(copy, source, embed=True) == []


SOUTHWEST = (
    "Southwest estimated that the job cuts will save the company about $210 million this year"
    " and roughly $300 million in 2026."
)


def test_a_relative_year_told_with_the_years_the_source_gives_is_no_changed_time() -> None:
    # AP on Southwest's layoffs (2025), and a spun copy: "in 2025 ... next year" tells the
    # source's "this year ... in 2026" from the same year.
    copy = (
        "The move is expected to save the company $210 million in 2025 and $300 million next"
        " year, Southwest said."
    )
    assert times(copy, SOUTHWEST, embed=True) == []


def test_a_relative_year_the_years_given_do_not_reconcile_is_a_changed_time() -> None:
    copy = (
        "The move is expected to save the company $210 million next year and $300 million in"
        " 2026, Southwest said."
    )
    assert times(copy, SOUTHWEST, embed=True) == [
        ("time_changed", "medium", "next year", "this year")
    ]


def test_years_swapped_between_two_figures_are_changed_times() -> None:
    # A review's counter-example: the savings of each year swapped, not told from another year.
    copy = (
        "The move is expected to save the company $210 million next year and $300 million in"
        " 2025, Southwest said."
    )
    assert times(copy, SOUTHWEST, embed=True) == [
        ("time_changed", "medium", "next year", "this year"),
        ("time_changed", "medium", "2025", "2026"),
    ]


def test_a_relative_year_read_from_each_pages_date_is_the_same_year() -> None:
    # "next year" on a page of December 2025 is "this year" on one of January 2026.
    source = Article(
        "The company expects to open the new plant next year, officials said.", date="2025-12-20"
    )
    copy = Article(
        "The company expects to open the new plant this year, officials said.", date="2026-01-05"
    )
    found = [f.type for f in unspin.compare(copy, source).findings]
    assert "time_changed" not in found
    copy = replace(copy, date="2025-12-21")  # the same year: another year said
    assert "time_changed" in [f.type for f in unspin.compare(copy, source).findings]


# AFP on Israel's seizure of the Madleen (2025), and a rewrite that tells the time in CET.
MADLEEN = (
    'At around 4.02am (0102 GMT), Israeli forces "forcibly intercepted" the vessel in '
    "international waters as it was approaching Gaza, the Freedom Flotilla Coalition said."
)


def test_one_moment_told_in_another_zone_is_no_change() -> None:
    copy = MADLEEN.replace("4.02am (0102 GMT)", "3:02 am CET (0102 GMT)")
    assert times(copy, MADLEEN, embed=True) == []


@pytest.mark.parametrize(
    ("copy_time", "found"),
    [
        ("3:02 am CET (0202 GMT)", "3:02 am"),  # another moment
        # The same zone, or none, with another hour: the local hour changed (a read-only
        # review's counter-examples).
        ("6.02am (0102 GMT)", "6.02am"),
        ("6.02am local time (0102 GMT)", "6.02am"),
    ],
)
def test_another_hour_in_the_same_zone_is_time_changed(copy_time: str, found: str) -> None:
    copy = MADLEEN.replace("4.02am (0102 GMT)", copy_time)
    assert times(copy, MADLEEN, embed=True) == [("time_changed", "medium", found, "4.02am")]


def test_this_weekend_for_over_the_weekend_is_no_change() -> None:
    # Bloomberg on UBS and Credit Suisse (2023), and a rewrite.
    source = (
        "The plan, negotiated in hastily arranged crisis talks over the weekend, seeks to address "
        "a massive rout in Credit Suisse stock and bonds over the past week."
    )
    copy = (
        "Crisis talks about the plans to rescue Credit Suisse had started in a hurry this weekend."
    )
    assert times(copy, source, embed=True) == []


def test_a_span_told_plainly_excuses_no_span_of_its_length() -> None:
    # A read-only review's counter-example: "over the weekend" is no licence for "this
    # weekend" where the source says "next weekend".
    source = "Protesters clashed with police over the weekend and plan to march again next weekend."
    copy = "Protesters clashed with police over the weekend and plan to march again this weekend."
    assert times(copy, source, embed=True) == [
        ("time_changed", "medium", "this weekend", "next weekend")
    ]


def test_local_time_beside_a_named_zone_is_another_hour() -> None:
    source = "Voting closed at 7 pm CET (1800 GMT) on Sunday, the commission said."
    copy = "Voting closed at 8 pm local time (1800 GMT) on Sunday, the commission said."
    assert times(copy, source, embed=True) == [("time_changed", "medium", "8 pm", "7 pm")]


# Reuters on Musk and the SEC (2022), and Malay Mail's reprint, dated in Kuala Lumpur.
MUSK = (
    "May 11 (Reuters) - The U.S Securities and Exchange Commission is investigating Elon Musk's "
    "delayed disclosure of his stake in Twitter, the Wall Street Journal reported."
)


def test_datelines_a_day_apart_are_no_change() -> None:
    copy = MUSK.replace("May 11 (Reuters) -", "NEW YORK, May 12 —")
    assert times(copy, MUSK, embed=True) == []


@pytest.mark.parametrize(
    ("copy", "source", "change"),
    [
        (
            MUSK.replace("May 11 (Reuters) -", "NEW YORK, May 14 —"),
            MUSK,
            ("May 14", "May 11"),
        ),
        (
            "The vote was held on May 12, the commission said on Monday.",
            "The vote was held on May 11, the commission said on Monday.",
            ("May 12", "May 11"),
        ),
        # A read-only review's counter-examples: a timeline's line, another year, a source
        # dateline with no credit.
        (
            "May 12 — Police arrest the suspect in Dallas.\nMay 14 — He is charged with murder.",
            "May 11 — Police arrest the suspect in Dallas.\nMay 14 — He is charged with murder.",
            ("May 12", "May 11"),
        ),
        (
            "WASHINGTON, May 12, 2023 — The Senate passed the bill.",
            "May 11, 2022 (Reuters) - The Senate passed the bill.",
            ("May 12, 2023", "May 11, 2022"),
        ),
        (
            "NEW YORK, May 12 — The company said its chief executive resigned.",
            "May 11 — The company said its chief executive resigned.",
            ("May 12", "May 11"),
        ),
    ],
)
def test_a_day_changed_outside_a_dateline_or_by_days_is_time_changed(
    copy: str, source: str, change: tuple[str, str]
) -> None:
    assert times(copy, source, embed=True) == [("time_changed", "medium", *change)]
