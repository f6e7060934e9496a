# ruff: noqa: E501 (news sentences, whole, as the pages have them)
"""certainty_shifted: a hedge removed (a possibility stated as fact) or added (doubt invented).

Hedges: may, might, could, possibly, possible, potentially, reportedly, estimated, ...
Boosters: will, certainly, definitely, ... A hedge is kept when the copy hedges the same claim
with another hedge ("might" for "could", "may" for "could possibly"). "May" the month is no
hedge. Quoted words are the quote detectors' business.
"""

from __future__ import annotations

import pytest

from detect_pairs import (
    AP_ALERT,
    AP_DENIED,
    AP_REASSURE,
    BRAZIL,
    CHEMLAWN,
    ECUADOR,
    SEED_ALERT,
    SEED_DENIED,
    SEED_REASSURE,
    VENEZUELA,
    ZINCOR,
    aligned_by_hand,
    edit,
    run,
    runner_for,
)

certainty = runner_for("certainty")


# --- hedge removed -----------------------------------------------------------------------------


def test_could_possibly_take_made_will_take_is_certainty_shifted() -> None:
    copy = edit(
        ECUADOR, "it could possibly take more than a month", "it will take more than a month"
    )
    assert certainty(copy, ECUADOR) == [("certainty_shifted", "low", "will", "could")]


def test_could_put_made_will_put_is_certainty_shifted() -> None:
    copy = edit(VENEZUELA, "and could put its final stamp", "and will put its final stamp")
    assert certainty(copy, VENEZUELA) == [("certainty_shifted", "low", "will", "could")]


def test_could_be_sent_made_will_be_sent_is_certainty_shifted() -> None:
    copy = edit(BRAZIL, "The telex could be sent", "The telex will be sent")
    assert certainty(copy, BRAZIL) == [("certainty_shifted", "low", "will", "could")]


def test_could_attract_made_will_certainly_attract_points_at_the_first_booster() -> None:
    copy = edit(CHEMLAWN, "ChemLawn Corp could attract", "ChemLawn Corp will certainly attract")
    assert certainty(copy, CHEMLAWN) == [("certainty_shifted", "low", "will", "could")]


def test_a_possible_war_made_war_is_certainty_shifted() -> None:
    copy = edit(AP_DENIED, "prepare for a possible war", "prepare for war")
    assert certainty(copy, AP_DENIED) == [("certainty_shifted", "low", copy, "possible")]


def test_potentially_deploy_made_deploy_is_certainty_shifted() -> None:
    copy = edit(AP_ALERT, "to potentially deploy", "to deploy")
    assert certainty(copy, AP_ALERT) == [("certainty_shifted", "low", copy, "potentially")]


def test_an_estimated_figure_stated_as_exact_is_certainty_shifted() -> None:
    copy = edit(AP_DENIED, "massed an estimated 100,000", "massed 100,000")
    assert certainty(copy, AP_DENIED) == [("certainty_shifted", "low", copy, "estimated")]


# --- hedge added -------------------------------------------------------------------------------


def test_may_added_to_a_reported_fact_is_certainty_shifted() -> None:
    copy = edit(ZINCOR, "Police were called but", "Police may have been called but")
    assert certainty(copy, ZINCOR) == [
        (
            "certainty_shifted",
            "low",
            "may",
            "Police were called but the fighting had ended by the time they arrived.",
        )
    ]


def test_reportedly_added_to_a_confirmed_toll_is_certainty_shifted() -> None:
    copy = edit(
        ZINCOR, "Three black workers were killed", "Three black workers were reportedly killed"
    )
    assert certainty(copy, ZINCOR) == [
        (
            "certainty_shifted",
            "low",
            "reportedly",
            "Three black workers were killed and seven injured in fighting at a South African "
            "zinc refinery last night, Gold Fields of South Africa Ltd said.",
        )
    ]


def test_allegedly_added_to_an_act_the_source_reports_as_charged_is_no_shift() -> None:
    # AP on an Illinois deputy, rewritten: "allegedly" is how a report of a charge speaks of
    # the act charged.
    source = (
        "An Illinois sheriff's deputy charged with murder in the death of a Black woman shot her "
        "in the face during a tense moment over a pot of water in her home, authorities said."
    )
    copy = (
        "A former sheriff's deputy from Illinois faces a murder charge after allegedly shooting "
        "a Black woman in the face during a tense moment over a pot of water, authorities said."
    )
    assert certainty(copy, source, embed=True) == []


# --- not findings ------------------------------------------------------------------------------


def test_seed_keeps_a_possible_war_as_a_possible_conflict() -> None:
    assert certainty(SEED_DENIED, AP_DENIED, embed=True) == []


def test_seed_keeps_a_possible_deployment() -> None:
    assert certainty(SEED_ALERT, AP_ALERT, embed=True) == []


def test_seed_reassure_has_no_hedge_to_shift() -> None:
    assert certainty(SEED_REASSURE, AP_REASSURE, embed=True) == []


def test_might_for_could_is_the_same_hedge() -> None:
    assert certainty(edit(BRAZIL, "telex could be sent", "telex might be sent"), BRAZIL) == []


def test_may_for_could_possibly_is_still_hedged() -> None:
    copy = edit(
        ECUADOR, "it could possibly take more than a month", "it may take more than a month"
    )
    assert certainty(copy, ECUADOR) == []


def test_a_potential_war_for_a_possible_war_is_the_same_hedge() -> None:
    copy = edit(AP_DENIED, "a possible war", "a potential war")
    assert certainty(copy, AP_DENIED) == []


def test_the_month_of_may_is_no_hedge() -> None:
    copy = edit(ZINCOR, "zinc refinery last night", "zinc refinery in May")
    assert certainty(copy, ZINCOR) == []


def test_a_hedged_claim_reordered_keeps_its_hedge() -> None:
    copy = edit(
        VENEZUELA,
        "The committee was meeting in New York this afternoon and could put its final stamp of "
        "approval of the deal later today, the bankers said.",
        "The bankers said the committee, meeting in New York this afternoon, could put its final "
        "stamp of approval of the deal later today.",
    )
    assert certainty(copy, VENEZUELA) == []


def test_a_booster_inside_a_quote_is_left_to_the_quote_detectors() -> None:
    copy = edit(CHEMLAWN, '"I think they will resist it,"', '"They will certainly resist it,"')
    assert run(copy, CHEMLAWN, {"certainty_shifted", "quote_altered"}) == [
        ("quote_altered", "high", "They will certainly resist it,", "I think they will resist it,")
    ]


def test_the_passive_voice_keeps_could() -> None:
    copy = edit(
        CHEMLAWN,
        "ChemLawn Corp could attract a higher bid than the 27 dlrs per share offered by Waste "
        "Management Inc, Wall Street arbitrageurs said.",
        "A higher bid than the 27 dlrs per share Waste Management Inc offered could be attracted "
        "by ChemLawn Corp, Wall Street arbitrageurs said.",
    )
    assert certainty(copy, CHEMLAWN) == []


# --- real pages: verbs of knowing, and forecasts made certain ------------------------------------


@pytest.mark.parametrize(
    ("copy", "changed"),
    [
        (
            "Investigators alleged that the pilot had deliberately crashed the plane.",
            ("alleged", "concluded"),
        ),
        (
            "Investigators presumed that the pilot had deliberately crashed the plane.",
            ("presumed", "concluded"),
        ),
        (
            "Investigators believe that the pilot had deliberately crashed the plane.",
            ("believe", "concluded"),
        ),
    ],
)
def test_a_conclusion_made_a_suspicion_is_certainty_shifted(copy: str, changed: tuple) -> None:
    source = "Investigators concluded that the pilot had deliberately crashed the plane."
    assert certainty(copy, source, embed=True) == [("certainty_shifted", "medium", *changed)]


def test_a_suspicion_made_a_finding_is_certainty_shifted() -> None:
    source = "Police suspected that the fire had been set on purpose."
    copy = "Police determined that the fire had been set on purpose."
    assert certainty(copy, source, embed=True) == [
        ("certainty_shifted", "medium", "determined", "suspected")
    ]


def test_a_suspicion_about_another_claim_is_no_confirmation_weakened() -> None:
    # AP on the Mangaf fire in Kuwait (2024) and a spun copy, whose sentence merges two of
    # AP's: the officials' suspicion is of the cause (AP's "appeared to be linked", a hedge
    # kept), the minister's confirmation was of the toll.
    source = (
        "At least 41 people died when a fire swept through a building that housed workers in "
        "Kuwait early Wednesday, and officials said the blaze appeared to be linked to code "
        "violations.\n\n"
        "Interior Minister Sheikh Fahad Al-Yousuf Al-Sabah confirmed the toll and ordered the "
        "arrest of the building's owner during a visit to the site, local media reported."
    )
    copy = (
        "Officials suspect that the deadly blaze is linked to code violations and have ordered "
        "the arrest of the building's owner."
    )
    merged = [("paraphrase", (0, 1))]
    assert aligned_by_hand(copy, source, "certainty", merged) == []
    # Of the toll itself, it is.
    toll = copy.replace("that the deadly blaze is linked to code violations", "the toll")
    assert aligned_by_hand(toll, source, "certainty", merged) == [
        ("certainty_shifted", "medium", "suspect", "confirmed")
    ]
    # A review's counter-examples: a claim told before its verb, the wire's usual order.
    for copy_, source_ in (
        (
            "The gunman acted alone, police believe.",
            "The gunman acted alone, police confirmed on Tuesday.",
        ),
        ("The victim was poisoned, police confirmed.", "The victim was poisoned, police suspect."),
    ):
        assert [f[:2] for f in certainty(copy_, source_, embed=True)] == [
            ("certainty_shifted", "medium")
        ]
    # And the cause stated flat drops AP's hedge.
    flat = copy.replace("Officials suspect that the", "The")
    assert aligned_by_hand(flat, source, "certainty", merged)[0][:2] == (
        "certainty_shifted",
        "medium",
    )


def test_a_verb_of_knowing_denied_strengthens_nothing() -> None:
    # The Guardian on the Jaguar Land Rover hack (2025) and a rewrite: "hasn't confirmed" who
    # is affected establishes nothing that "believed" only suspected.
    source = (
        "However, it warned that it believed some data had been accessed in the hack although "
        "it did not specify who has been affected."
    )
    copy = (
        "While JLR hasn't confirmed exactly who might be affected, it has said that some data "
        "may have been accessed."
    )
    assert aligned_by_hand(copy, source, "certainty", [("paraphrase", (0,))]) == []
    # A negation in the claim before the verb is the claim's (a review's counter-examples).
    for copy_, source_ in (
        ("The man was not armed, police confirmed.", "The man was not armed, police believe."),
        (
            "Police have no suspects but confirmed the shooting was targeted.",
            "Police have no suspects but believe the shooting was targeted.",
        ),
    ):
        assert [f[:2] for f in certainty(copy_, source_, embed=True)] == [
            ("certainty_shifted", "medium")
        ]
    confirmed = "JLR confirmed that some data had been accessed in the hack."
    assert aligned_by_hand(confirmed, source, "certainty", [("paraphrase", (0,))]) == [
        ("certainty_shifted", "medium", "confirmed", "believed")
    ]


def test_expected_to_made_will_is_certainty_shifted() -> None:
    source = "The bill is expected to pass the Senate next week."
    copy = "The bill will pass the Senate next week."
    assert certainty(copy, source, embed=True) == [("certainty_shifted", "low", "will", "expected")]


def test_one_verb_of_knowing_for_another_of_its_kind_is_no_shift() -> None:
    source = "Investigators concluded that the pilot had deliberately crashed the plane."
    copy = "Investigators determined that the pilot had deliberately crashed the plane."
    assert certainty(copy, source, embed=True) == []


# CNN on Ben Roberts-Smith's defamation case (2023), and a spun copy of it.
ROBERTS_SMITH_FOUND = (
    "Besanko also found there was substantial truth to claims that Roberts-Smith shot dead a man "
    "with a prosthetic leg in Afghanistan, then took the leg back to Australia."
)


def test_a_verb_of_knowing_rendered_by_one_of_its_kind_beside_a_noun_is_no_shift() -> None:
    # "discovered" renders "found"; "claims" is the allegations' noun, not a verb of doubt.
    copy = (
        "Besanko also discovered that the allegations that Roberts-Smith shot dead a man with a "
        "prosthetic leg in Afghanistan, then took the leg back to Australia, were true."
    )
    assert certainty(copy, ROBERTS_SMITH_FOUND, embed=True) == []


@pytest.mark.parametrize(
    ("source", "copy"),
    [
        (
            "A judge dismissed multiple claims he had brought against three newspapers.",
            "A judge ruled against him on the case he had brought against three newspapers.",
        ),
        (
            "Police said the suspect had set the fire on purpose.",
            "Police said the man had been proven to set the fire on purpose.",
        ),
    ],
)
def test_a_noun_of_doubt_is_no_verb_of_knowing(source: str, copy: str) -> None:
    assert certainty(copy, source, embed=True) == []


@pytest.mark.parametrize(
    ("source", "copy", "changed"),
    [
        # A review's counter-examples: a participle after an article, "it's" (not a
        # possessive), and one "found" that licenses one verb of its kind, not two.
        (
            "Ukraine said a suspected Russian drone strike hit a power station in Kharkiv.",
            "Ukraine said a confirmed Russian drone strike hit a power station in Kharkiv.",
            ("confirmed", "suspected"),
        ),
        (
            "Investigators concluded that the pilot had deliberately crashed the plane.",
            "It's believed that the pilot had deliberately crashed the plane.",
            ("believed", "concluded"),
        ),
        (
            "The audit office said it found no record of the payment and that investigators "
            "suspect the money was stolen by two officials.",
            "The audit office said it discovered no record of the payment and that "
            "investigators confirmed the money was stolen by two officials.",
            ("confirmed", "suspect"),
        ),
    ],
)
def test_a_verb_of_knowing_beside_a_noun_rule_is_still_compared(
    source: str, copy: str, changed: tuple[str, str]
) -> None:
    assert certainty(copy, source, embed=True) == [("certainty_shifted", "medium", *changed)]


@pytest.mark.parametrize(
    ("source", "copy"),
    [
        # A review's counter-examples: a participle describing a noun is no verb of knowing
        # put in a verb's place, and a later verb of the same kind still pairs with its own.
        (
            "Police believe the gunman acted alone when he opened fire at the school on Tuesday.",
            "Police said the determined gunman acted alone when he opened fire at the school on "
            "Tuesday.",
        ),
        (
            "Investigators suspect the company hid losses from its shareholders for years.",
            "The established company is thought by investigators to have hidden losses from its "
            "shareholders for years.",
        ),
    ],
)
def test_a_participle_describing_a_noun_is_no_verb_of_knowing(source: str, copy: str) -> None:
    assert certainty(copy, source, embed=True) == []


def test_a_verb_of_doubt_after_its_subject_is_still_one() -> None:
    source = "The company claims that the drug is safe for children."
    copy = "The company proved that the drug is safe for children."
    assert certainty(copy, source, embed=True) == [
        ("certainty_shifted", "medium", "proved", "claims")
    ]


def test_a_forecast_in_the_active_voice_is_no_hedge_of_the_sentence() -> None:
    # A Reuters story on Time Warner Cable, and a faithful rewrite of it (unspin.testing.spin).
    source = "Analysts have predicted that the shares could trade two weeks after the approval."
    copy = "Analysts have forecasted that the shares could trade two weeks after the approval."
    assert certainty(copy, source, embed=True) == []


@pytest.mark.parametrize(
    ("source", "copy"),
    [
        (
            "The lawsuit alleged that the company hid the defects from regulators.",
            "The lawsuit accused the company of hiding the defects from regulators.",
        ),
        (
            "The film was projected to the audience in the old cinema.",
            "The film was shown to the audience in the old cinema.",
        ),
    ],
)
def test_alleged_and_projected_in_their_other_senses_hedge_nothing(source: str, copy: str) -> None:
    assert certainty(copy, source, embed=True) == []


def test_more_than_expected_hedges_nothing() -> None:
    source = "Sales rose more than expected in March."
    copy = "Sales rose more than forecast in March."
    assert certainty(copy, source, embed=True) == []


@pytest.mark.parametrize(
    ("source", "copy"),
    [
        (
            "A firmer U.S. currency can hurt demand for oil from buyers abroad.",
            "A firmer U.S. currency could hurt demand for oil from buyers abroad.",
        ),
        (
            "Russia has massed an estimated 100,000 troops near Ukraine.",
            "Russia has massed approximately 100,000 troops near Ukraine.",
        ),
        (
            "A tropical storm threatens production in the Gulf of Mexico.",
            "A tropical storm could disrupt production in the Gulf of Mexico.",
        ),
        (  # AP on water on Mars, the claim reworded (miles first) after another hedge word
            "This water, believed to be 11.5 kilometres to 20 kilometres down in the Martian "
            "crust, would have seeped from the surface billions of years ago.",
            "This water, presumed to be situated 7 to 12 miles (11.5 to 20 kilometers) below "
            "Mars' crust, emanated from the planet's surface billions of years ago.",
        ),
        (  # Reuters on OPEC+ cuts and a spun copy (deltaseefor.org, 2023)
            "The panel had been expected to stick to 2 million bpd of cuts already in place.",
            "The panel had been anticipated to maintain the 2 million bpd oil curbs in place.",
        ),
        (  # AP on Mozambique's election and a spun copy (uslive.com, 2024)
            "The election is likely to see the ruling Frelimo party extend its rule since "
            "independence from Portugal in 1975.",
            "The recent election is anticipated to enable the ruling Frelimo party to extend its "
            "control since independence from Portugal in 1975.",
        ),
    ],
)
def test_a_hedge_in_other_words_is_kept(source: str, copy: str) -> None:
    assert certainty(copy, source, embed=True) == []


def test_a_capitalised_modal_mid_sentence_is_a_garbled_name_not_a_hedge() -> None:
    source = "Madrid hope for another famous fightback at the Bernabeu on May 4."
    copy = "Madrid hope for another famous fightback at the Bernabeu on Could 4."
    assert certainty(copy, source, embed=True) == []


@pytest.mark.parametrize(
    ("source", "copy"),
    [
        # AP on the Memphis officers: a purpose, not a possibility.
        (
            "She too was charged, but her trial was postponed so she could recover from breast "
            "cancer surgery.",
            "Her trial was postponed due to her recovery from breast cancer surgery.",
        ),
        # A possibility ruled out.
        (
            "The parties might agree because it is a felony conviction, with no possible appeal.",
            "The parties might agree because it is a felony conviction, and there is no appeal.",
        ),
        # AP on water on Mars: "appeared in" a journal is published there.
        (
            "The results appeared in the Proceedings of the National Academy of Sciences.",
            "The findings were published in the Proceedings of the National Academy of Sciences.",
        ),
        # Reuters on the crash that killed Iran's president, rewritten: "allegedly" describes
        # who speaks, not what they say.
        (
            "“All the passengers in the helicopter were killed in the crash,” a senior Iranian "
            "official told Reuters, asking not to be named.",
            "“All the passengers in the helicopter were killed in the crash,” a senior Iranian "
            "official who allegedly refused to be named told Reuters.",
        ),
    ],
)
def test_a_hedge_word_used_for_something_else_hedges_nothing(source: str, copy: str) -> None:
    assert certainty(copy, source, embed=True) == []


def test_allegedly_before_the_speech_verb_is_added_doubt() -> None:
    # Unlike "an official who allegedly refused to be named told": "allegedly said" doubts
    # that they said it.
    source = "Investors in the survey said they expect the economy to slow next year."
    copy = "Investors in the survey allegedly said they expect the economy to slow next year."
    assert certainty(copy, source, embed=True) == [
        ("certainty_shifted", "low", "allegedly", source)
    ]


def test_a_hedge_on_a_claim_the_copy_does_not_make_is_not_dropped() -> None:
    # Reuters on gold: the copy keeps "economic", not the claim that the shutdown could weigh on
    # output.
    source = (
        "A failed attempt to pass a spending bill triggered a government shutdown, which could "
        "weigh on economic output, an analyst said."
    )
    copy = (
        "The government shutdown, triggered by failed budget talks, has raised concerns about "
        "economic growth, an analyst said."
    )
    assert certainty(copy, source, embed=True) == []


def test_the_same_hedge_word_on_another_claim_does_not_cancel_a_dropped_hedge() -> None:
    # AP on water on Mars, two sentences merged: the copy's "may" keeps "most likely would have
    # seeped"; the source's other "may" (sloshing) is about a claim the copy drops.
    source = (
        "This water most likely would have seeped from the surface billions of years ago. "
        "Wright said that just because water may be sloshing inside Mars does not mean it "
        "holds life."
    )
    copy = (
        "The water may have seeped from the surface billions of years ago, lead scientist "
        "Vashan Wright said, a finding that does not mean Mars holds life."
    )
    assert certainty(copy, source, embed=True) == []


def test_could_after_do_so_is_a_hedge_the_copy_can_drop() -> None:
    # Reuters on Iran's oil: "so" ends "to do so"; it opens no purpose clause.
    source = "An agreement to do so could allow Tehran to increase exports and improve supplies."
    copy = "A deal to do so would allow Tehran to increase exports and improve supplies."
    assert certainty(copy, source, embed=True) == [("certainty_shifted", "low", copy, "could")]


# AP on the Hamas attack of October 2023.
HAMAS_PARADE = "The attack shocked Israelis, with images of Hamas gunmen bringing seized soldiers and civilians into Gaza on motorbikes and parading what appeared to be captured Israeli military vehicles through the streets."


def test_what_appeared_to_be_dropped_from_the_thing_is_a_shift() -> None:
    copy = "The attack shocked Israelis, with images of Hamas gunmen bringing seized soldiers and civilians into Gaza on motorbikes and parading captured Israeli military vehicles through the streets."
    # A hedge of evidence dropped: what appeared so is now fact (medium).
    assert certainty(copy, HAMAS_PARADE, embed=True) == [
        ("certainty_shifted", "medium", copy, "appeared")
    ]


def test_apparently_dropped_is_a_medium_shift() -> None:
    # Real form: AP on Gene Hackman's death, as the Epoch Times rewrote it.
    source = "Gene Hackman and his wife were found dead in their home, apparently for some time, officials said."
    copy = "Gene Hackman and his wife were found dead in their home for some time, officials said."
    assert [f[:2] for f in certainty(copy, source, embed=True)] == [("certainty_shifted", "medium")]


def test_what_appeared_to_be_a_thing_the_copy_does_not_name_is_not_dropped() -> None:
    # A simplified rewrite: "captured" is said of the soldiers, not of the vehicles.
    copy = "The attack shocked Israelis, with images of Hamas gunmen bringing seized soldiers and civilians into Gaza on motorbikes. Some Israeli soldiers and civilians were captured and taken into Gaza."
    assert certainty(copy, HAMAS_PARADE, embed=True) == []


def test_a_one_word_claim_said_of_something_else_keeps_its_hedge() -> None:
    # AP on the Limpopo bus crash (2024), and a spun copy (Lusaka Times): the victims appeared
    # to be from Botswana; the copy says the bus bore Botswana plates, another claim.
    source = (
        "South African President Cyril Ramaphosa said the victims appeared to be all from"
        " Botswana and had been on their way to the town of Moria in Limpopo for a popular"
        " Easter weekend pilgrimage."
    )
    copy = (
        "The bus, which bore a Botswana license plate, was en route to Moria in Limpopo, South"
        " Africa, for a popular Easter weekend pilgrimage."
    )
    assert [f for f in certainty(copy, source, embed=True) if f[1] != "low"] == []
    stated = (
        "South African President Cyril Ramaphosa said the victims were all from Botswana and"
        " had been on their way to the town of Moria in Limpopo for a popular Easter weekend"
        " pilgrimage."
    )
    assert certainty(stated, source, embed=True) == [
        ("certainty_shifted", "medium", stated, "appeared")
    ]


@pytest.mark.parametrize(
    ("copy", "source"),
    [
        # A review's counter-examples: a subject reworded, and a hedge after a time.
        ("Officials said the aircraft crashed.", "Officials said the plane apparently crashed."),
        ("The minister resigned.", "The minister on Tuesday reportedly resigned."),
        ("Witnesses said the ship sank.", "Witnesses said the vessel reportedly sank."),
    ],
)
def test_a_hedge_of_evidence_dropped_however_the_subject_is_worded_is_a_shift(
    copy: str, source: str
) -> None:
    assert [f[:2] for f in certainty(copy, source, embed=True)] == [("certainty_shifted", "medium")]


def test_there_appeared_to_be_a_thing_made_fact_is_a_shift() -> None:
    # AP on a Philippine ferry capsizing (2025), and a rewrite (Bombo Radyo): the claim is all
    # after the hedge, whoever the survivors told.
    source = (
        "Survivors told rescuers there appeared to be a leak in the engine room of the ferry,"
        " which was carrying 22 vehicles including 14 trucks."
    )
    copy = "Survivors reported a leak in the engine room before the vessel capsized."
    assert certainty(copy, source, embed=True) == [
        ("certainty_shifted", "medium", copy, "appeared")
    ]


# Hedges kept in other words, real forms from pages labelled on 2026-12-05: AFP on the Haneda
# runway collision, AP on Hurricane Otis, CNN on Gotabaya Rajapaksa's flight.
@pytest.mark.parametrize(
    ("source", "copy"),
    [
        (
            "Footage apparently shot by a passenger inside the aircraft showed flames coming "
            "from underneath it.",
            "Footage taken by a passenger inside the plane appears to show flames coming from "
            "underneath it.",
        ),
        (
            "The center of Otis is expected to move farther inland over southern Mexico through "
            "Wednesday night.",
            "It is expected that by Wednesday evening, Otis' center will move further inland "
            "over southern Mexico.",
        ),
        (
            "He had been expected to resign later that day, but Rajapaksa did not wait around.",
            "He was due to retire later that day, but Rajapaksa didn't wait till then.",
        ),
        # AP on fighting in Sudan, and on the approval of Aduhelm.
        (
            "The rival forces are believed to have tens of thousands of fighters in the capital.",
            "The opposing forces are thought to have tens of thousands of fighters in the capital.",
        ),
        # AP on the wildfire at Gounsa temple, and a spun copy: "is said to" reports, as
        # "reportedly" does.
        (
            "The Gounsa temple was reportedly originally built in 681 A.D. during the Shilla"
            " dynasty that ruled more than half of the Korean Peninsula.",
            "The Goonsa Temple is said to have been originally built in 681 AD during the Shilla"
            " dynasty, which ruled more than half of the Korean Peninsula.",
        ),
        (
            "It is the only drug that U.S. regulators say is likely to slow the disease.",
            "It's the only medicine that US regulators say has a good chance to slow the disease.",
        ),
        # Not done, no doubt: "could not be verified" for "was unable to verify".
        ("AFP was unable to verify the footage.", "The clip could not be verified by AFP."),
    ],
)
def test_a_hedge_put_in_other_words_is_no_certainty_shift(source: str, copy: str) -> None:
    assert certainty(copy, source, embed=True) == []


@pytest.mark.parametrize(
    "source",
    [
        # A review's counter-examples: "said to" someone reports a saying, it hedges nothing.
        "Ahmed told police that nothing was said to him about the flooding risk.",
        "The remarks were said to reporters at the White House on Monday.",
    ],
)
def test_said_to_someone_is_no_hedge(source: str) -> None:
    copy = "Ahmed told police he was never warned about the flooding risk."
    assert certainty(copy, source, embed=True) == []


def test_could_not_made_will_not_is_certainty_shifted() -> None:
    # "could not" is no doubt the copy adds for "was unable to", but the source's "could" made
    # "will" is a changed claim: what could not be done becomes what will not be.
    source = "His office could not be reached right away for comment."
    copy = "His office will not be reached right away for comment."
    assert certainty(copy, source) == [("certainty_shifted", "low", "will", "could")]


def test_an_alleged_act_stated_as_done_is_certainty_shifted() -> None:
    # AP on the Rushdie attack, and a spun copy (bookworminginthe21stcentury, 2022).
    source = (
        "Matar was arraigned on Saturday for the alleged stabbing of noted author Salman Rushdie."
    )
    copy = "Matar was arraigned on Saturday for stabbing famed author Salman Rushdie."
    assert certainty(copy, source, embed=True) == [("certainty_shifted", "low", copy, "alleged")]


def test_what_appeared_to_be_one_of_a_kind_made_fact_is_a_shift() -> None:
    # NBC on the Poltava strike (2024), and a spun copy: "appears to be one of the deadliest
    # strikes" made "marks the deadliest strike". The thing is a strike, not "one".
    source = (
        "It appears to be one of the deadliest strikes on Ukraine since the beginning of the war."
    )
    copy = "This attack marks the deadliest strike on Ukraine since the beginning of the war."
    assert certainty(copy, source, embed=True) == [("certainty_shifted", "medium", copy, "appears")]


def test_found_guilty_is_a_verdict_not_a_finding_a_claim_weakens() -> None:
    # Reuters on Boris Becker's sentencing (2022), and a rewrite whose "claimed" is about the
    # judge's remark, not about the verdict.
    source = (
        "Becker was found guilty of hiding assets, and the judge told him he had shown no remorse."
    )
    copy = "Becker was convicted of hiding assets, and the judge claimed he had shown no remorse."
    assert [f for f in certainty(copy, source, embed=True) if f[1] == "medium"] == []


@pytest.mark.parametrize(
    ("source", "copy", "was"),
    [
        (
            "It was confirmed that the drug caused the deaths of four patients, the agency said.",
            "It was claimed that the drug caused the deaths of four patients, the agency said.",
            "confirmed",
        ),
        (
            "He was found to have stolen the money from the charity, the court said.",
            "The police suspected he had stolen the money from the charity, the court said.",
            "found",
        ),
    ],
)
def test_a_verb_of_knowing_in_the_passive_is_still_weakened(
    source: str, copy: str, was: str
) -> None:
    found = certainty(copy, source, embed=True)
    assert [(f[0], f[1], f[3]) for f in found] == [("certainty_shifted", "medium", was)]


# AP's lede on the Guinea-Bissau coup (2025) and a copy that moves the day: soldiers appearing
# on television is no hedge, wherever "Wednesday" stands.
AP_APPEARED = "BISSAU, Guinea-Bissau (AP) — Soldiers in Guinea-Bissau appeared Wednesday on state television saying they have seized power in the country, following reports of gunshots near the presidential palace."
ORVA_APPEARED = "BISSAU, Guinea-Bissau (AP) — Guinea-Bissau soldiers appeared on state television Wednesday and said they had seized power in the country after reports of gunshots near the presidential palace."


def test_appearing_on_television_on_a_day_is_no_hedge() -> None:
    assert certainty(ORVA_APPEARED, AP_APPEARED, embed=True) == []
    # "appeared Wednesday to be" still hedges.
    hedged = "The officials appeared Wednesday to be near a deal on the budget, the minister said."
    plain = "The officials were Wednesday near a deal on the budget, the minister said."
    assert certainty(plain, hedged, embed=True) == [
        ("certainty_shifted", "medium", plain, "appeared")
    ]


def test_failing_to_appear_in_court_is_no_hedge() -> None:
    # AFP on Tommy Robinson's jailing (2024), and a spun copy.
    source = (
        "He had turned himself in to police on Friday, after an arrest warrant was issued "
        "following his failure to appear for a July court hearing on the case."
    )
    copy = (
        "He turned himself in to police on Friday after a warrant was issued due to his failure "
        "to attend a previous hearing in July."
    )
    assert certainty(copy, source, embed=True) == []
