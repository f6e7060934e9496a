# ruff: noqa: E501 (news sentences, whole, as the pages have them)
"""loaded_wording: a neutral word replaced by a charged one ("killed" -> "murdered", medium), or
a charged word softened (low). A verb of saying that casts doubt ("claimed" for "said") is low:
on real pages it is as often a spinner's synonym as a framing. The charged word must take the neutral
word's place: a copy that keeps the neutral word and adds another verb ("left behind as they
fled") replaced nothing. Neutral synonyms ("told", "added", "declined") are not findings.
"""

from __future__ import annotations

import pytest

from detect_pairs import (
    AP_DENIED,
    CHEMLAWN,
    ECUADOR,
    JAPAN_CPI,
    KURDISTAN,
    ZINCOR,
    edit,
    report,
    runner_for,
    same_fact,
)

# A seed page sentence, and the same sentence with the neutral "killed".
SEED_MURDERED = (
    "Since then, more than 14,000 people have been murdered in clashes between Ukrainian forces "
    "and insurgents backed by Russia, and efforts to find a diplomatic solution to the crisis "
    "have stagnated."
)
KILLED = edit(SEED_MURDERED, "have been murdered", "have been killed")


loaded = runner_for("loaded_wording")


def test_seed_sentences_murdered_for_killed_is_loaded_wording() -> None:
    assert loaded(SEED_MURDERED, KILLED) == [("loaded_wording", "medium", "murdered", "killed")]


def test_killed_made_murdered_is_loaded_wording() -> None:
    copy = edit(ZINCOR, "Three black workers were killed", "Three black workers were murdered")
    assert loaded(copy, ZINCOR) == [("loaded_wording", "medium", "murdered", "killed")]


def test_killed_made_slaughtered_is_loaded_wording() -> None:
    copy = edit(KURDISTAN, "Iranians were killed", "Iranians were slaughtered")
    assert loaded(copy, KURDISTAN) == [("loaded_wording", "medium", "slaughtered", "killed")]


def test_said_made_admitted_is_loaded_wording() -> None:
    copy = edit(CHEMLAWN, "Schlang said ChemLawn could", "Schlang admitted ChemLawn could")
    assert loaded(copy, CHEMLAWN) == [("loaded_wording", "medium", "admitted", "said")]


def test_a_charged_verb_of_saying_is_a_lead_not_an_accusation() -> None:
    # AP on the Anthropic settlement (2025), spun (a blind real-page batch labelled it clean):
    # the finding stays, low, and says why.
    source = (
        "Anthropic and the authors say the settlement would be the largest publicly reported "
        "copyright recovery in history."
    )
    copy = (
        "Anthropic and the authors claim the settlement would be the largest publicly reported "
        "copyright recovery in history."
    )
    found = [f for f in report(copy, source).findings if f.type == "loaded_wording"]
    assert [(f.severity, f.reason) for f in found] == [
        (
            "low",
            "the copy says “claim” where the source says “say” (a verb of saying: as often a "
            "synonym as a framing)",
        )
    ]


@pytest.mark.parametrize("charged", ["confessed", "boasted", "admitted"])
def test_a_verb_of_saying_that_tells_more_than_doubt_is_still_an_accusation(charged: str) -> None:
    # A review's counter-examples: a confession or a boast is no spinner's synonym for "said".
    source = "The suspect said he was at the warehouse on the night of the fire, police said."
    copy = source.replace("suspect said", f"suspect {charged}")
    assert loaded(copy, source, embed=True) == [("loaded_wording", "medium", charged, "said")]


def test_fell_made_plunged_is_loaded_wording() -> None:
    copy = edit(JAPAN_CPI, "(base 1985) fell 0.4 pct", "(base 1985) plunged 0.4 pct")
    assert loaded(copy, JAPAN_CPI) == [("loaded_wording", "medium", "plunged", "fell")]


def test_a_rise_or_fall_told_more_strongly_without_a_figure_is_a_matter_of_degree() -> None:
    # Reuters on gold (2025) and a CNN live blog on Kamila Valieva (2022), each with a copy that
    # strengthened the verb: labelled clean on the real pages, so a lead (low), not an accusation.
    gold = "Gold prices rose to hit a new record high on Wednesday, supported by safe-haven demand."
    copy = (
        "Gold prices soared to hit a new record high on Wednesday, supported by safe-haven demand."
    )
    assert loaded(copy, gold) == [("loaded_wording", "low", "soared", "rose")]
    skater = "Valieva was tipped for gold in the event but fell numerous times during her free skate routine."
    copy = "Valieva was tipped for gold in the event, but crashed several times during her free skate routine."
    assert loaded(copy, skater, embed=True) == [("loaded_wording", "low", "crashed", "fell")]
    # With the figure it sizes, the stronger word misstates the change (a review's forms:
    # in words, a few words on); a year or a count of falls sizes nothing.
    for rise, severity in (
        ("0.2%", "medium"),
        ("two percent", "medium"),
        ("by as much as 0.2%", "medium"),
        ("in 2024", "low"),
    ):
        source = (
            f"Gold prices rose {rise} to hit a new record high, supported by safe-haven demand."
        )
        copy = source.replace("rose", "soared")
        assert loaded(copy, source) == [("loaded_wording", severity, "soared", "rose")], rise
    copy = skater.replace("but fell numerous times", "but crashed 3 times")
    assert loaded(copy, skater, embed=True) == [("loaded_wording", "low", "crashed", "fell")]


def test_a_body_that_fell_into_something_plunged_into_it() -> None:
    # BBC on Typhoon Yagi (2024) and a spun copy: cars falling into a river is no figure's fall.
    source = (
        "Ten cars and two scooters fell into the Red River following the collapse of the "
        "Phong Chau bridge, Deputy Prime Minister Ho Duc Phoc said."
    )
    copy = (
        "The bridge collapsed, resulting in the plunge of 10 cars and two scooters into the Red "
        "River, according to Deputy Prime Minister Ho Duc Phoc."
    )
    assert loaded(copy, source, embed=True) == []
    # A figure's fall told as a plunge is still charged (a review's forms), into a figure's
    # place as well as by a figure.
    source = "Shares of the bank fell 12% into the close after the report, traders said."
    copy = "Shares of the bank plunged 12% into the close after the report, traders said."
    assert loaded(copy, source, embed=True) == [("loaded_wording", "medium", "plunged", "fell")]
    source = "Oil prices fell into negative territory on Monday for the first time in history as storage ran out."
    copy = source.replace("fell", "crashed")
    assert loaded(copy, source, embed=True) == [("loaded_wording", "low", "crashed", "fell")]
    source = (
        "Retail sales fell off 5% in March as shoppers stayed home, the Commerce Department said."
    )
    copy = source.replace("fell off", "plunged")
    assert loaded(copy, source, embed=True) == [("loaded_wording", "medium", "plunged", "fell")]


def test_demands_as_a_noun_is_no_request_told_more_strongly() -> None:
    # AP on deportations to South Sudan (2025) and a spun copy: "the court's demands" is what
    # the source calls the court's requirements, beside its "appeal asking".
    source = (
        "Finding countries willing to take them is a delicate diplomatic endeavor and the court "
        "requirements are a major setback, Solicitor General D. John Sauer wrote in an emergency "
        "appeal asking the court to immediately halt his order."
    )
    copy = (
        "Finding countries that agree to accept them is a delicate diplomatic endeavor, and the "
        "court’s demands have made things more difficult, Solicitor General D. John Sauer said "
        "in an emergency request for the Supreme Court to block the order right away."
    )
    assert loaded(copy, source, embed=True) == []
    # A noun that renders the asking itself hardens it (a review's forms).
    source = "Ukrainian President Volodymyr Zelenskyy again asked Western allies for more air defense systems on Tuesday."
    copy = "Ukrainian President Volodymyr Zelenskyy renewed his demands to Western allies for more air defense systems on Tuesday."
    assert loaded(copy, source, embed=True) == [("loaded_wording", "medium", "demands", "asked")]
    # The verb is a request told as a demand.
    source = "The minister asked the court to halt the order, his office said."
    copy = "The minister demanded the court halt the order, his office said."
    assert loaded(copy, source, embed=True) == [("loaded_wording", "medium", "demanded", "asked")]


def test_fled_for_left_where_the_source_tells_of_a_danger_is_no_charge() -> None:
    # AP on Madagascar's coup (2025) and a spun copy: he left claiming his life was in danger.
    source = (
        "President Andry Rajoelina's whereabouts are unknown after he left the country claiming "
        "his life was in danger following the rebellion."
    )
    copy = (
        "He reportedly fled Madagascar on a French military plane, claiming his life was in "
        "danger following the rebellion led by the CAPSAT unit."
    )
    assert same_fact(copy, source, "loaded_wording") == []
    # Leaving for talks is no flight, nor leaving where a danger is no reason to leave (a
    # review's counter-examples).
    for source in (
        "The president left the country on Sunday for talks in Paris, his office said.",
        "The minister left for Brussels on Thursday to discuss the threat of U.S. tariffs on European steel.",
        "The opposition leader left the country on Sunday for medical treatment in Germany, his party said, dismissing fears that he was in danger.",
    ):
        copy = source.replace("left", "fled", 1)
        assert same_fact(copy, source, "loaded_wording") == [
            ("loaded_wording", "medium", "fled", "left")
        ], source


def test_the_noun_of_a_charged_verb_of_speech_frames_no_statement() -> None:
    # Reuters on the pager blasts in Lebanon (2024), spun: "the allegations" are what the
    # military would not answer, not a statement the copy calls an allegation.
    source = (
        "The Israeli military declined to respond to questions about the detonations, the "
        "health ministry said."
    )
    copy = (
        "The Israeli military declined to comment on the allegations, the health ministry "
        "confirmed."
    )
    assert loaded(copy, source, embed=True) == []
    # The noun does not hide the verb beside it (a review's counter-example).
    source = "Tom Reyes, who is under investigation himself, said on Monday that the mayor lied."
    copy = "Tom Reyes, who faces allegations himself, alleged on Monday that the mayor lied."
    assert loaded(copy, source, embed=True) == [("loaded_wording", "low", "alleged", "said")]
    # Nor does the adverb.
    source = "The mayor, who reportedly took bribes, lied, Tom Reyes said on Monday."
    copy = "The mayor, who allegedly took bribes, lied, Tom Reyes alleged on Monday."
    found = loaded(copy, source, embed=True)
    assert ("loaded_wording", "low", "alleged", "said") in found
    # Nor is a participle describing a noun, nor "confession" (a review's counter-examples).
    source = (
        "The mayor faces accusations of fraud over the suspected misuse of city funds, officials "
        "said on Monday."
    )
    copy = (
        "The mayor faces allegations of fraud over the alleged misuse of city funds, according "
        "to officials on Monday."
    )
    assert loaded(copy, source, embed=True) == []
    # "it's" is no possessive: "it's alleged" frames a statement.
    source = "In court on Monday, it's said, the mayor took bribes from the builder."
    copy = "In court on Monday, it's alleged, the mayor took bribes from the builder."
    assert loaded(copy, source, embed=True) == [("loaded_wording", "low", "alleged", "said")]


def test_troops_made_invaders_is_loaded_wording() -> None:
    copy = edit(AP_DENIED, "an estimated 100,000 troops", "an estimated 100,000 invaders")
    assert loaded(copy, AP_DENIED) == [("loaded_wording", "medium", "invaders", "troops")]


def test_a_charged_word_the_source_quotes_is_not_the_copys_charge() -> None:
    # Whoever the source quotes calling militants "terrorists" charged them; a copy that drops
    # the quote marks misquotes (quotes.py's business) but does not charge anyone itself.
    source = (
        'The army called the militants "terrorists backed by foreign powers" after the attack '
        "on the base."
    )
    copy = (
        "The army called the fighters terrorists backed by foreign powers after the attack on "
        "the base."
    )
    assert loaded(copy, source, embed=True) == []
    # Where the source gives the word to no one, it is the copy's.
    plain = "The army called the militants a threat after the attack on the base."
    charged = "The army called the terrorists a threat after the attack on the base."
    assert loaded(charged, plain, embed=True) == [
        ("loaded_wording", "medium", "terrorists", "militants")
    ]


# AP on Erin Patterson's sentence (2025), which reports her conviction of murder.
PATTERSON = (
    "An Australian judge on Monday sentenced Erin Patterson to life in prison for killing three "
    "people with toxic mushrooms, following a weekslong trial that gripped the country.\n\n"
    "Patterson was convicted in July of triple murder for serving a poisonous meal to her "
    "estranged husband's parents, aunt and uncle."
)


def test_a_murderer_the_source_reports_convicted_is_no_loaded_wording() -> None:
    # A spun copy (en.ckhq.net): the copy's "murderer" is the verdict's word.
    copy = PATTERSON.replace(
        "An Australian judge on Monday sentenced Erin Patterson",
        "An Australian judge on Monday sentenced a triple murderer, Erin Patterson,",
    ).replace("for killing three people", "for poisoning three people")
    assert loaded(copy, PATTERSON, embed=True) == []


@pytest.mark.parametrize(
    "verdict",
    [
        # Charged is not convicted (a spun copy of the Arkansas Democrat-Gazette).
        "Both men faced at least one count each of murder and attempted murder.",
        # A read-only review's counter-examples: a lesser verdict, a verdict denied, an old
        # conviction, and someone else's.
        "Jones was convicted of manslaughter rather than murder in a separate case in 2009.",
        "Jones pleaded guilty on Tuesday to attempted murder of a prison guard.",
        "Jones was not found guilty of murder by the first jury, which deadlocked.",
        "Jones was convicted of murder in 1995 and released on parole in 2015.",
        "His victim, Carl Grant, had been convicted of murder in a robbery years before.",
        # A second review's: another of the surname.
        "His brother Paul Jones was convicted of murder in March.",
    ],
)
def test_murder_without_the_doers_conviction_is_loaded_wording(verdict: str) -> None:
    source = f"Police say Mark Jones killed Carl Grant at his home on Sunday.\n\n{verdict}"
    copy = source.replace("Jones killed", "Jones murdered")
    assert loaded(copy, source, embed=True) == [("loaded_wording", "medium", "murdered", "killed")]


@pytest.mark.parametrize(
    "verdict",
    [
        "Jones was convicted Tuesday of murder.",
        "Jones, 42, was found guilty of murdering Grant.",
        "A jury convicted Jones of murder in March.",
        "Jones pleaded guilty on Monday to two counts of murder.",
    ],
)
def test_murder_by_one_the_source_reports_convicted_is_no_loaded_wording(verdict: str) -> None:
    source = f"Police say Mark Jones killed Carl Grant at his home on Sunday.\n\n{verdict}"
    copy = source.replace("Jones killed", "Jones murdered")
    assert loaded(copy, source, embed=True) == []


def test_one_murdered_who_was_convicted_is_still_framed() -> None:
    # A second review's counter-example: the passive's subject is the victim.
    source = (
        "Jones was killed in his cell by another inmate, officials said.\n\n"
        "Jones was convicted of murder in March."
    )
    copy = source.replace("was killed", "was murdered")
    assert loaded(copy, source, embed=True) == [("loaded_wording", "medium", "murdered", "killed")]


@pytest.mark.parametrize(
    ("copy", "source", "found"),
    [
        # A second review's counter-examples: doubt for a confession, a confession for a
        # denial, and a charged word put where the source had a neutral one.
        (
            "Smith claimed he had taken the bribes, prosecutors told the court.",
            "Smith admitted he had taken the bribes, prosecutors said.",
            [("loaded_wording", "low", "claimed", "said")],
        ),
        (
            "Gunmen murdered two guards and killed the governor, police reported.",
            "Gunmen killed two guards and assassinated the governor, police said.",
            [("loaded_wording", "medium", "murdered", "killed")],
        ),
    ],
)
def test_a_charged_word_of_another_frame_or_place_is_still_loaded(
    copy: str, source: str, found: list[tuple[str, str, str, str]]
) -> None:
    assert loaded(copy, source, embed=True)[:1] == found


@pytest.mark.parametrize(
    ("copy", "source"),
    [
        # Spun copies of AP on Sebastián Piñera (2024) and of the NYT on Germany's AfD (2025).
        (
            "The civil unrest ultimately resulted in two unsuccessful attempts to reform the "
            "constitution passed down from the military regime.",
            "The social unrest ultimately led to two attempts to update the constitution that was "
            "inherited from the military government, but both have failed.",
        ),
        (
            "The agency was set up to prevent a takeover like the Nazi regime's rise to power in "
            "1933.",
            "It was an attempt to prevent the kind of takeover that took place in 1933, when the "
            "Nazis seized control of Parliament and government in short order.",
        ),
    ],
)
def test_the_regime_of_a_kind_it_plainly_names_is_no_charge(copy: str, source: str) -> None:
    assert loaded(copy, source, embed=True) == []


@pytest.mark.parametrize(
    "copy",
    [
        "The regime said on Monday it would hold elections next year.",
        # A review's counter-examples: a kind of regime the source does not name.
        "The military regime said on Monday it would hold elections next year.",
        "The apartheid regime said on Monday it would hold elections next year.",
    ],
)
def test_a_government_called_a_regime_is_still_loaded_wording(copy: str) -> None:
    source = "The government said on Monday it would hold elections next year."
    assert loaded(copy, source, embed=True) == [
        ("loaded_wording", "medium", "regime", "government")
    ]


def test_a_charged_word_for_another_is_no_new_framing() -> None:
    # The Moscow Times on Igor Girkin (2024), and a spun copy: "confess" took the place of
    # "admit", not of "said".
    source = (
        "Following reports that he might seek a pardon, Strelkov said in September he had no "
        "plans to admit guilt or request a pardon from Putin."
    )
    copy = (
        "Following reports that he may seek a pardon, Strelkov stated in September he had no "
        "plans to confess regret or request a pardon from Putin."
    )
    assert loaded(copy, source, embed=True) == []


def test_murdered_softened_to_killed_is_low_loaded_wording() -> None:
    assert loaded(KILLED, SEED_MURDERED) == [("loaded_wording", "low", "killed", "murdered")]


# --- not findings ------------------------------------------------------------------------------


def test_told_reuters_for_said_is_neutral() -> None:
    copy = edit(CHEMLAWN, "Schlang said ChemLawn could", "Schlang told Reuters ChemLawn could")
    assert loaded(copy, CHEMLAWN) == []


def test_added_for_said_is_neutral() -> None:
    copy = edit(CHEMLAWN, "Schlang said ChemLawn could", "Schlang added that ChemLawn could")
    assert loaded(copy, CHEMLAWN) == []


def test_according_to_for_said_is_neutral() -> None:
    copy = edit(
        CHEMLAWN, "Wall Street arbitrageurs said.", "according to Wall Street arbitrageurs."
    )
    assert loaded(copy, CHEMLAWN) == []


def test_left_dead_for_killed_is_neutral() -> None:
    copy = edit(ECUADOR, "killed at least six people", "left at least six people dead")
    assert loaded(copy, ECUADOR) == []


def test_perished_for_died_is_neutral() -> None:
    # AP on the Tenerife nightclub fire, and a spun copy (voiceofasia, 2023): "perished" says
    # how they died, not that anyone killed them.
    source = "At least 13 people died in the fire at the nightclub, officials said."
    copy = "At least 13 people perished in the blaze at the nightclub, officials said."
    assert loaded(copy, source, embed=True) == []


def test_declined_for_fell_is_neutral() -> None:
    copy = edit(JAPAN_CPI, "(base 1985) fell 0.4 pct", "(base 1985) declined 0.4 pct")
    assert loaded(copy, JAPAN_CPI) == []


def test_abandoned_for_left_behind_is_neutral() -> None:
    copy = edit(KURDISTAN, "weapons were left behind", "weapons were abandoned")
    assert loaded(copy, KURDISTAN) == []


def test_a_charged_word_added_beside_the_kept_neutral_word_replaces_nothing() -> None:
    copy = edit(KURDISTAN, "weapons were left behind.", "weapons were left behind as they fled.")
    assert loaded(copy, KURDISTAN) == []


def test_the_attribution_moved_keeps_killed_and_said() -> None:
    copy = edit(
        KURDISTAN,
        "INA said hundreds of Iranians were killed",
        "According to INA, hundreds of Iranians were killed",
    )
    assert loaded(copy, KURDISTAN) == []


def test_the_active_voice_keeps_killed() -> None:
    copy = edit(
        ZINCOR,
        "Three black workers were killed and seven injured in fighting",
        "Fighting killed three black workers and injured seven",
    )
    assert loaded(copy, ZINCOR) == []


def test_a_name_spelling_a_neutral_verb_is_not_replaced_by_a_charged_one() -> None:
    # AP on Hunter Biden's verdict: "States" of "United States" is no "states" made "claimed".
    source = (
        "Prosecutors argued United States President Joe Biden's son lied on a mandatory "
        "gun-purchase form."
    )
    copy = "Prosecutors claimed President Joe Biden's son lied on a mandatory gun-purchase form."
    assert [f for f in loaded(copy, source, embed=True) if "States" in f] == []


def test_claimed_for_a_statement_the_source_says_was_argued_is_not_loaded() -> None:
    # AP on Hunter Biden's verdict: the source already says prosecutors argued it.
    source = (
        "Prosecutors argued that Biden lied on a mandatory gun-purchase form by saying he was "
        "not using drugs."
    )
    copy = (
        "Prosecutors claimed that Biden provided false information on a mandatory gun-purchase "
        "form by denying any drug use."
    )
    assert loaded(copy, source, embed=True) == []


def test_allegedly_hedges_a_claim_it_does_not_charge_it() -> None:
    # Fox 32 Chicago on the Springfield shooting.
    source = "Police said Grayson shot Massey in the face inside her home in Springfield."
    copy = "Grayson allegedly shot Massey in the face inside her home in Springfield."
    assert loaded(copy, source, embed=True) == []


def test_a_charged_word_opening_a_sentence_is_still_loaded() -> None:
    source = "Protesters gathered outside the parliament on Tuesday, police said."
    copy = "Rioters gathered outside the parliament on Tuesday, police said."
    assert loaded(copy, source, embed=True) == [
        ("loaded_wording", "medium", "Rioters", "Protesters")
    ]


def test_admitted_for_said_in_a_story_about_jobless_claims_is_loaded() -> None:
    # Reuters 2008: "claims" is a noun here; it frames no statement as contested.
    source = (
        "Initial claims for jobless benefits fell to 425,000 in the week ended Aug 23, the "
        "Labor Department said."
    )
    copy = (
        "Initial claims for jobless benefits fell to 425,000 in the week ended Aug 23, the "
        "Labor Department admitted."
    )
    assert loaded(copy, source) == [("loaded_wording", "medium", "admitted", "said")]


def test_a_political_label_pushed_to_the_fringe_is_loaded_wording() -> None:
    source = (
        "Right-wing politician Geert Wilders won the most votes in the Dutch election on Wednesday."
    )
    copy = (
        "Far-right politician Geert Wilders won the most votes in the Dutch election on Wednesday."
    )
    assert loaded(copy, source) == [("loaded_wording", "medium", "Far-right", "Right-wing")]


def test_far_right_softened_and_an_invasion_called_an_offensive_are_low_loaded_wording() -> None:
    source = "Far-right politician Geert Wilders won the most votes. Russia abandoned the only regional capital it had captured since its invasion began in February."
    copy = "Right-wing politician Geert Wilders won the most votes. Russia abandoned the only regional capital it had captured since its offensive began in February."
    assert loaded(copy, source) == [
        ("loaded_wording", "low", "Right-wing", "Far-right"),
        ("loaded_wording", "low", "offensive", "invasion"),
    ]


# --- a sentence that only says the same fact (same_fact) ----------------------------------------


@pytest.mark.parametrize(
    ("copy", "source", "charged"),
    [
        # Not shown to be made from the source's sentence, but its framing of the statement.
        (
            "A man claimed he was in a neighboring flat building when plates and wall hangings started falling, throwing people off their chairs and their feet.",
            "A man said he was visiting a nearby apartment when dishes and wall hangings began raining down, and people were knocked off their feet and chairs.",
            "claimed",
        ),
        # Closing its clause, the verb frames the claim before it.
        (
            "All institutions had been shut down, the soldiers claimed, and security forces were in charge of the situation.",
            "The soldiers said all institutions had been suspended and security forces were managing the situation.",
            "claimed",
        ),
        # A long claim: the words the source shares come late in it.
        (
            "Authorities claim that the ex-deputy, Sean Grayson, also tried to prevent his colleague from providing medical assistance to the victim.",
            "Grayson also discouraged the other deputy from getting his medical kit, prosecutors said.",
            "claim",
        ),
    ],
)
def test_said_made_claimed_in_a_same_fact_sentence_is_loaded_wording(
    copy: str, source: str, charged: str
) -> None:
    assert same_fact(copy, source, "loaded_wording") == [("loaded_wording", "low", charged, "said")]


@pytest.mark.parametrize(
    ("copy", "source"),
    [
        # Softened: only the charged direction is read in a same_fact sentence.
        (
            "Mangione is accused of having killed the executive in front of a hotel in Midtown.",
            "Mangione is accused of having murdered Thompson outside a Midtown hotel.",
        ),
        # The copy's claim (a cheaper technology) is not the statement the source's "said"
        # reports.
        (
            "Rival HD DVD, developed by Toshiba, offers slightly less storage capacity than Blu-ray but claimed it had a cheaper technology.",
            "Toshiba Corp is planning to give up on its HD DVD format, conceding defeat to the competing Blu-Ray technology backed by Sony Corp, a company source said.",
        ),
    ],
)
def test_a_same_fact_sentence_softened_or_claiming_another_statement_is_no_finding(
    copy: str, source: str
) -> None:
    assert same_fact(copy, source, "loaded_wording") == []


@pytest.mark.parametrize(
    ("source", "copy"),
    [
        (  # AP on a Russian barrage, and a spun copy (2024): a strike "claimed the lives"
            "Strikes in Kryvyi Rih killed 10 people and injured 47 in what the head of city "
            "administration, Oleksandr Vilkul, said was a massive missile attack.",
            "In Kryvyi Rih, a massive missile strike claimed the lives of 10 people and injured "
            "47, according to city administration head Oleksandr Vilkul.",
        ),
        (
            "The floods killed three people in the valley, officials said on Monday.",
            "The floods claimed three lives in the valley on Monday, according to officials.",
        ),
    ],
)
def test_claimed_lives_for_killed_is_no_claim(source: str, copy: str) -> None:
    assert loaded(copy, source, embed=True) == []


def test_livestock_slaughtered_for_killed_is_neutral() -> None:
    # Reuters on Eid al-Adha in Asia (2020), and a spun copy: the word for livestock.
    source = (
        "Instead the donated sheep, goats and cows will be killed in abattoirs to mark the feast."
    )
    copy = (
        "Instead the donated sheep, goats and cows will be slaughtered in abattoirs for the feast."
    )
    assert loaded(copy, source, embed=True) == []


@pytest.mark.parametrize(
    ("source", "copy", "charged"),
    [
        (
            "The mayor said that lives were lost because the police waited outside the school.",
            "The mayor claimed that lives were lost because the police waited outside the school.",
            "claimed",
        ),
        (
            "Trump said the win was stolen from him by officials in several states.",
            "Trump claimed the win was stolen from him by officials in several states.",
            "claimed",
        ),
        (
            "The opposition leader said the victory was the result of widespread fraud.",
            "The opposition leader claimed the victory was the result of widespread fraud.",
            "claimed",
        ),
    ],
)
def test_claimed_with_a_statement_after_it_is_still_loaded(
    source: str, copy: str, charged: str
) -> None:
    assert loaded(copy, source, embed=True) == [("loaded_wording", "low", charged, "said")]


@pytest.mark.parametrize(
    ("source", "copy"),
    [
        (
            "The gunman killed 10 people at a supermarket in Buffalo, police said.",
            "The gunman slaughtered 10 people at a supermarket in Buffalo, police said.",
        ),
        (
            "Soldiers killed dozens of villagers and burned their cattle sheds, witnesses said.",
            "Soldiers slaughtered dozens of villagers and burned their cattle sheds, witnesses said.",
        ),
    ],
)
def test_people_slaughtered_near_a_word_for_animals_is_still_loaded(source: str, copy: str) -> None:
    assert loaded(copy, source, embed=True) == [
        ("loaded_wording", "medium", "slaughtered", "killed")
    ]


def test_admitted_to_hospital_for_said_is_no_admission() -> None:
    # AP on the Texas measles death (2025), and a spun copy: the child was admitted to the
    # hospital; no statement is called an admission.
    source = (
        "The child was not vaccinated and had been hospitalized last week, the Texas Department "
        "of State Health Services said in a statement."
    )
    copy = (
        "The unvaccinated child was admitted to the hospital last week, according to the Texas "
        "Department of State Health Services."
    )
    assert loaded(copy, source, embed=True) == []
    # An admission of a statement is still charged.
    source = "The minister said the plan had failed, the ministry said in a statement."
    copy = "The minister admitted the plan had failed, the ministry said in a statement."
    assert loaded(copy, source, embed=True) == [("loaded_wording", "medium", "admitted", "said")]


# A summary closing a real page (Briefly, of AP's Bolivian runoff story, 2025).
QUIROGA_URGED = "But Quiroga urged calm, saying that a refusal to recognize the results would “leave the country hanging.”"


@pytest.mark.parametrize(
    "conceded",
    [
        "Quiroga conceded and urged calm",
        "Quiroga conceded defeat and urged calm",
        "Quiroga conceded the runoff and urged calm",
    ],
)
def test_conceding_a_contest_is_not_a_verb_of_saying(conceded: str) -> None:
    copy = f"{conceded} despite jeers and accusations of fraud from some supporters, warning that refusing to recognize results would worsen the crisis."
    assert loaded(copy, QUIROGA_URGED, embed=True) == []


def test_conceding_a_statement_is_still_charged() -> None:
    copy = "But Quiroga conceded that a refusal to recognize the results would “leave the country hanging.”"
    assert loaded(copy, QUIROGA_URGED, embed=True) == [
        ("loaded_wording", "medium", "conceded", "saying")
    ]
    # Closing the statement, or told to reporters: said made conceded.
    said = "The refusal to recognize the results would leave the country hanging, Quiroga said."
    for conceded in (
        "The refusal to recognize the results would leave the country hanging, Quiroga conceded.",
        "Quiroga conceded to reporters the refusal to recognize the results would leave the country hanging.",
    ):
        assert loaded(conceded, said, embed=True) == [
            ("loaded_wording", "medium", "conceded", "said")
        ]
