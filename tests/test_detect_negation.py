# ruff: noqa: E501 (news sentences, whole, as the pages have them)
"""negation_flipped: the copy says the opposite of the source (low: a lead, not an accusation,
until it is right more often than not on real pages).

A negation ("not", "no", "never", "n't") added or dropped on a claim both texts make, or a word
swapped for its antonym ("rose" for "fell"). Not findings: another negated wording ("was not the
cause" for "did not cause", "under no pressure" for "not under pressure"), a contraction, a
synonym ("declined" for "fell"), a claim the copy negates that the source denies another way.
"""

from __future__ import annotations

import pytest

from detect_pairs import (
    AP_REASSURE,
    AP_REZNIKOV,
    BRAZIL,
    CHEMLAWN,
    ECUADOR,
    JAPAN_CPI,
    MERRELL,
    SEED_REASSURE,
    SEED_REZNIKOV,
    ZINCOR,
    edit,
    report,
    runner_for,
)

# Reuters-21578 NEWID 4 (opening sentence).
BANKAMERICA = (
    "BankAmerica Corp is not under pressure to act quickly on its proposed equity offering and "
    "would do well to delay it because of the stock's recent poor performance, banking "
    "analysts said."
)


negations = runner_for("negation")


def sentence_of(text: str, words: str) -> str:
    """The line of `text` holding `words` (used where that paragraph is one sentence)."""
    return next(line for line in text.splitlines() if words in line)


# --- negation dropped or added -----------------------------------------------------------------


def test_a_jury_finding_of_no_cause_turned_into_cause_is_negation_flipped() -> None:
    copy = edit(MERRELL, "Bendectin did not cause the birth", "Bendectin caused the birth")
    assert negations(copy, MERRELL) == [
        ("negation_flipped", "low", sentence_of(copy, "Bendectin caused"), "not")
    ]


def test_not_imminent_made_imminent_is_negation_flipped() -> None:
    copy = edit(AP_REASSURE, "was not imminent", "was imminent")
    assert negations(copy, AP_REASSURE) == [("negation_flipped", "low", copy, "not")]


def test_no_plans_made_plans_is_negation_flipped() -> None:
    copy = edit(BRAZIL, "there are no plans for", "there are plans for")
    assert negations(copy, BRAZIL) == [
        ("negation_flipped", "low", sentence_of(copy, "there are plans"), "no")
    ]


def test_does_not_want_made_wants_is_negation_flipped() -> None:
    copy = edit(CHEMLAWN, "if does not want to be acquired", "if does want to be acquired")
    sentence = (
        "Schlang said ChemLawn could try to find a white knight if does want to be acquired by "
        "Waste Management."
    )
    assert negations(copy, CHEMLAWN) == [("negation_flipped", "low", sentence, "not")]


def test_a_negation_added_to_a_plan_is_negation_flipped() -> None:
    copy = edit(ECUADOR, "would cut domestic fuel sales", "would not cut domestic fuel sales")
    assert negations(copy, ECUADOR) == [
        ("negation_flipped", "low", "not", sentence_of(ECUADOR, "would cut domestic"))
    ]


# --- antonyms ----------------------------------------------------------------------------------


def test_rose_for_fell_is_negation_flipped() -> None:
    copy = edit(JAPAN_CPI, "(base 1985) fell 0.4 pct", "(base 1985) rose 0.4 pct")
    assert negations(copy, JAPAN_CPI) == [("negation_flipped", "low", "rose", "fell")]


def test_fell_for_rose_beside_another_fell_is_negation_flipped_at_the_changed_word() -> None:
    copy = edit(JAPAN_CPI, "Food costs rose in January", "Food costs fell in January")
    found = [f for f in report(copy, JAPAN_CPI).findings if f.type == "negation_flipped"]
    changed = copy.index("Food costs fell") + len("Food costs ")
    assert [(f.copy_span, JAPAN_CPI[slice(*f.source_span)]) for f in found] == [
        ((changed, changed + len("fell")), "rose")
    ]


# From real copies: a tennis report that made the unseeded Kyrgios seeded, and an oil report
# that turned the bullish rhetoric analysts expected into bearish.
WIMBLEDON = "Djokovic beat the unseeded Nick Kyrgios 4-6, 6-3, 6-4, 7-6 (3) in the Wimbledon final on Sunday."
OPEC = "Analysts expect bullish rhetoric from OPEC+ ahead of its meeting on Sunday."


def test_seeded_for_unseeded_is_negation_flipped() -> None:
    copy = edit(WIMBLEDON, "the unseeded", "the seeded")
    assert negations(copy, WIMBLEDON) == [("negation_flipped", "low", "seeded", "unseeded")]
    assert negations(WIMBLEDON, copy) == [("negation_flipped", "low", "unseeded", "seeded")]


def test_bearish_for_bullish_is_negation_flipped() -> None:
    copy = edit(OPEC, "bullish", "bearish")
    assert negations(copy, OPEC) == [("negation_flipped", "low", "bearish", "bullish")]


@pytest.mark.parametrize(
    ("copy", "source"),
    [
        # Words that only begin with "un" ("unrest" is no negated "rest").
        (
            "Protests spread to the rest of the country on Tuesday.",
            "Unrest spread across the country on Tuesday.",
        ),
        ("The flood caused damage, the mayor told reporters.", "The flood caused untold damage."),
        ("The company veiled its plan on Monday.", "The company unveiled its plan on Monday."),
        # A negated word says what its opposite says.
        (
            "Djokovic beat Nick Kyrgios, who was not seeded, in the final on Sunday.",
            "Djokovic beat the unseeded Nick Kyrgios in the final on Sunday.",
        ),
        ("Oil prices did not rise on Tuesday.", "Oil prices fell on Tuesday."),
        (
            "The men stopped at the checkpoint, none of them were armed.",
            "The men stopped at the checkpoint were all unarmed.",
        ),
        # Words whose stems serve others: "officials" is no "official" against "unofficial".
        (
            "Officials released results on Monday showing Ruto ahead.",
            "Unofficial results released on Monday showed Ruto ahead.",
        ),
        # ... nor "figures" against "liters" (the stems of "figuratively" and "literally").
        (
            "The tanker spilled about 20,000 gallons of oil into the bay, according to official figures.",
            "The tanker spilled about 80,000 liters of oil into the bay, officials said.",
        ),
    ],
)
def test_no_flip_where_no_word_says_the_opposite(copy: str, source: str) -> None:
    assert negations(copy, source, embed=True) == []


def test_un_words_kept_as_they_were_are_no_flip() -> None:
    source = "The unseeded Kyrgios beat the seeded Tsitsipas on Saturday."
    copy = "The unseeded Kyrgios defeated the seeded Tsitsipas on Saturday."
    assert negations(copy, source) == []
    # Another word of the same stem says the same: "unexpectedly" is "against expectations".
    source = "U.S. crude stocks rose by 4.3 million barrels last week, against analysts' expectations of a draw."
    copy = "U.S. crude stocks unexpectedly rose by 4.3 million barrels last week."
    assert negations(copy, source) == []


# --- not findings ------------------------------------------------------------------------------


def test_seed_keeps_not_imminent_as_not_near() -> None:
    assert negations(SEED_REASSURE, AP_REASSURE, embed=True) == []


def test_seed_keeps_reznikovs_negations() -> None:
    assert negations(SEED_REZNIKOV, AP_REZNIKOV) == []


def test_not_near_for_not_imminent_is_the_same_negation() -> None:
    assert negations(edit(AP_REASSURE, "not imminent", "not near"), AP_REASSURE) == []


def test_was_not_the_cause_for_did_not_cause_is_the_same_negation() -> None:
    copy = edit(
        MERRELL,
        "Bendectin did not cause the birth defects",
        "Bendectin was not the cause of the birth defects",
    )
    assert negations(copy, MERRELL) == []


def test_a_contraction_is_the_same_negation() -> None:
    copy = edit(MERRELL, "Bendectin did not cause", "Bendectin didn't cause")
    assert negations(copy, MERRELL) == []


def test_not_planning_for_no_plans_is_the_same_negation() -> None:
    copy = edit(
        BRAZIL,
        "there are no plans for Brazilian finance minister Dilson Funaro to meet",
        "Brazilian finance minister Dilson Funaro is not planning to meet",
    )
    assert negations(copy, BRAZIL) == []


def test_under_no_pressure_for_not_under_pressure_is_the_same_negation() -> None:
    copy = edit(BANKAMERICA, "is not under pressure", "is under no pressure")
    assert negations(copy, BANKAMERICA) == []


def test_did_not_know_for_had_no_idea_is_the_same_negation() -> None:
    copy = edit(ZINCOR, "he had no idea of the cause", "he did not know the cause")
    assert negations(copy, ZINCOR) == []


def test_not_preparing_for_no_grounds_to_believe_preparing_is_the_same_claim() -> None:
    # The source's "no grounds to believe" reaches "preparing" and "invade": the copy's "not"
    # denies what the source already denies.
    source = (
        "Reznikov said there are no grounds to believe Russia is preparing to invade imminently."
    )
    copy = (
        "Reznikov said Russia is not preparing to invade imminently, because there are no "
        "grounds to believe it."
    )
    assert negations(copy, source) == []


def test_declined_or_was_down_for_fell_is_no_flip() -> None:
    declined = edit(JAPAN_CPI, "(base 1985) fell 0.4 pct", "(base 1985) declined 0.4 pct")
    down = edit(JAPAN_CPI, "(base 1985) fell 0.4 pct", "(base 1985) was down 0.4 pct")
    assert negations(declined, JAPAN_CPI) == []
    assert negations(down, JAPAN_CPI) == []


def test_the_passive_voice_keeps_the_negation() -> None:
    copy = edit(
        MERRELL,
        "a jury found that Bendectin did not cause the birth defects",
        "a jury found that the birth defects were not caused by Bendectin",
    )
    assert negations(copy, MERRELL) == []


def test_not_pictured_in_a_caption_negates_nothing() -> None:
    source = "Denmark's players gather as paramedics attend to midfielder Christian Eriksen (not seen) during the match."
    copy = "Denmark's players gather as paramedics attend to midfielder Christian Eriksen during the match."
    assert negations(copy, source, embed=True) == []


def test_declined_to_is_would_not() -> None:
    source = "Grayson pleaded not guilty, according to his lawyer, who would not comment further."
    copy = "Grayson pleaded not guilty, according to his lawyer, who declined to comment further."
    assert negations(copy, source, embed=True) == []


def test_failing_to_kept_by_the_copy_still_negates_what_follows() -> None:
    # Real form: the BBC on Imane Khelif, rewritten; the copy keeps "failing to meet" and
    # leaves out the source's other negation ("did not organise").
    source = (
        "Khelif was disqualified from last year's World Championships for failing to meet "
        "eligibility criteria, though the IOC did not organise them."
    )
    copy = (
        "Khelif had been disqualified from last year's World Championships for failing to meet "
        "eligibility requirements."
    )
    assert negations(copy, source, embed=True) == []


def test_a_rank_is_not_a_negation() -> None:
    source = "Alcaraz beat Ruud to win his first Grand Slam title and rise to world No. 1."
    copy = "Alcaraz beat Ruud to win his first Grand Slam title and reach the top of the rankings."
    assert negations(copy, source, embed=True) == []


def test_a_chart_place_without_its_period_is_not_a_negation() -> None:
    # Real form: AP's Coolio obituary in a British-style reprint ("No 3", "No 1 single").
    source = (
        "Its opening track, Fantastic Voyage, would go on to reach the Billboard Hot 100's top 3."
    )
    copy = (
        "Its opening track, Fantastic Voyage, would go on to reach No 3 on the Billboard Hot 100."
    )
    assert negations(copy, source, embed=True) == []


@pytest.mark.parametrize(
    ("source", "copy"),
    [
        # AP on Hunter Biden's conviction, as a page rewrote it.
        (
            "Prosecutors said Hunter Biden lied on a gun-purchase form by saying he was not illegally using or addicted to drugs.",
            "Prosecutors said Hunter Biden lied on a gun-purchase form by denying any illegal drug use or addiction.",
        ),
        (
            "Russia has denied on Tuesday it is planning an assault on Ukraine.",
            "Russia said on Tuesday it is not planning an assault on Ukraine.",
        ),
    ],
)
def test_a_denial_for_a_not_is_no_flip(source: str, copy: str) -> None:
    assert negations(copy, source, embed=True) == []


def test_could_not_for_was_unable_to_is_no_flip() -> None:
    # Real form: a spin of AFP's report on the Haneda runway collision.
    copy, source = "The clip could not be verified by AFP.", "AFP was unable to verify the footage."
    assert negations(copy, source, embed=True) == []


@pytest.mark.parametrize(
    ("source", "copy"),
    [
        # AP on Starliner, rewritten: "Crew" in "Crew Dragon" asserts no crew.
        (
            "If the Crew Dragon is used, the Starliner craft would be returned to Earth without any crew, under computer control.",
            "If Crew Dragon is used, they would return the Starliner to Earth unmanned, under computer control.",
        ),
        # AFP on Lashio, spun: "devoid of" says "with no".
        (
            "A video uploaded to social media claiming to have been shot in Lashio on Thursday morning showed deserted streets with no soldiers in sight.",
            "A video posted on social media, purportedly filmed in Lashio on Thursday morning, depicted empty streets devoid of soldiers.",
        ),
    ],
)
def test_a_negation_said_another_way_is_no_flip(source: str, copy: str) -> None:
    assert negations(copy, source, embed=True) == []


def test_a_names_word_negated_is_asserted_by_the_name() -> None:
    # The bundled spun example: "is not with the Food and Drug Administration".
    source = "The Merrell spokesman said a valid application to market the drug is with the Food and Drug Administration."
    copy = "The Merrell spokesman said a valid application to market the drug is not with the Food and Drug Administration."
    assert [f[:2] for f in negations(copy, source, embed=True)] == [("negation_flipped", "low")]


@pytest.mark.parametrize(
    ("source", "copy"),
    [
        # British house style capitalises the word the negation bears on.
        (
            "The scheme received no Government funding last year, the council said in a statement.",
            "The scheme received government funding last year, the council said in a statement.",
        ),
        # A headline's capitals are emphasis, not a name.
        (
            "The jury found him not guilty of murder on Friday after a two-week trial.",
            "The jury found him GUILTY of murder on Friday after a two-week trial.",
        ),
    ],
)
def test_a_flip_is_found_however_the_negated_word_is_capitalised(source: str, copy: str) -> None:
    assert [f[:2] for f in negations(copy, source, embed=True)] == [("negation_flipped", "low")]
