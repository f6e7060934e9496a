# ruff: noqa: E501 (news sentences, whole, as the pages have them)
"""Quotations: words in quote marks promise the speaker's exact words.

quote_altered: the copy's quoted words differ from the source's quote of the same statement.
quote_fabricated: the copy quotes words the source does not quote (invented, or the source's
own prose put in quote marks). quote_misattributed: the quote is given to another named person.
A shorter verbatim run, other quote marks, a lost closing mark at a paragraph end, the
attribution moved, or the speaker named another way are not findings.
"""

from __future__ import annotations

import pytest

from detect_pairs import (
    AP_ALERT,
    AP_FESENKO,
    AP_REZNIKOV,
    AP_SLEEP,
    BRAZIL,
    CHEMLAWN,
    SEED_ALERT,
    SEED_FESENKO,
    SEED_REZNIKOV,
    SEED_SLEEP,
    VENEZUELA,
    ZINCOR,
    aligned_by_hand,
    edit,
    runner_for,
    same_fact,
)
from unspin.detect.quotes import _respelled

quotes = runner_for("quotes")


# --- quote_altered -----------------------------------------------------------------------------


def test_seed_changes_one_word_of_reznikovs_quote() -> None:
    assert quotes(SEED_REZNIKOV, AP_REZNIKOV) == [
        (
            "quote_altered",
            "high",
            "as of today, there are no grounds to assume",
            "as of today, there are no grounds to believe",
        )
    ]


def test_seed_rewrites_the_bags_packed_quote() -> None:
    # "Don't worry" lost its quote marks (no finding); the second quote is new wording.
    assert quotes(SEED_SLEEP, AP_SLEEP, embed=True) == [
        (
            "quote_altered",
            "high",
            "There’s no need to bring anything.",
            "No need to have your bags packed.",
        )
    ]


def test_seed_renames_the_quoted_response_force() -> None:
    found = quotes(SEED_ALERT, AP_ALERT, embed=True)
    assert found[0] == ("quote_altered", "high", "reaction force", "response force")


def test_seed_rewords_fesenkos_snowball_quote() -> None:
    # The copy's first quote (about "destabilisation") says what this source sentence does
    # not (AP quotes it in another paragraph): a statement from elsewhere, not this sentence's
    # words in new quote marks. The second quote rewords the Kremlin's-plans statement.
    assert quotes(SEED_FESENKO, AP_FESENKO, embed=True) == [
        (
            "quote_altered",
            "high",
            "This snowball is becoming increasingly difficult for the authorities in Kyiv to "
            "control because of the Kremlin’s plans to destabilise Ukraine and instil fear and "
            "frenzy among the Ukrainian people.",
            "The Kremlin’s plans include undermining the situation inside Ukraine, fomenting "
            "hysteria and fear among Ukrainians, and the authorities in Kyiv find it increasingly "
            "difficult to contain this snowball,",
        ),
    ]


def test_a_synonym_inside_a_quote_is_altered() -> None:
    copy = edit(CHEMLAWN, '"I think they will resist it,"', '"I think they will fight it,"')
    assert quotes(copy, CHEMLAWN) == [
        ("quote_altered", "high", "I think they will fight it,", "I think they will resist it,")
    ]


def test_a_stronger_adjective_inside_a_short_quote_is_altered() -> None:
    copy = edit(BRAZIL, '"grave concern"', '"serious concern"')
    assert quotes(copy, BRAZIL) == [("quote_altered", "high", "serious concern", "grave concern")]


def test_another_verb_in_a_one_word_quote_is_altered() -> None:
    copy = edit(ZINCOR, '"quelled"', '"crushed"')
    assert quotes(copy, ZINCOR) == [("quote_altered", "high", "crushed", "quelled")]


def test_a_verbatim_run_that_skips_words_is_altered() -> None:
    # "to resist" is not a run of "I think they will resist it": the words were rearranged.
    copy = edit(CHEMLAWN, '"I think they will resist it," said', 'Expect them "to resist," said')
    assert quotes(copy, CHEMLAWN) == [
        ("quote_altered", "high", "to resist,", "I think they will resist it,")
    ]


def test_another_form_of_a_quoted_word_alone_is_a_low_finding() -> None:
    # mahieducation's copy of the Tesla recall: a grammar fix, still shown, no accusation.
    source = "The recall notice says the FSD Beta system “may allow the vehicle to act unsafe around intersections,” the agency said."
    copy = "The recall notice says the FSD Beta system “may allow the vehicle to act unsafely around intersections,” the agency said."
    assert quotes(copy, source) == [
        (
            "quote_altered",
            "low",
            "may allow the vehicle to act unsafely around intersections,",
            "may allow the vehicle to act unsafe around intersections,",
        )
    ]


@pytest.mark.parametrize(("ours", "theirs"), [("moves", "moved"), ("hopes", "hoped")])
def test_another_tense_of_a_verb_with_a_short_stem_is_a_low_finding(ours: str, theirs: str) -> None:
    # A review's counter-example: "moves" and "moved" are forms of one word.
    said = "“The company {} its headquarters to Texas,” he said."
    assert quotes(said.format(ours), said.format(theirs)) == [
        (
            "quote_altered",
            "low",
            f"The company {ours} its headquarters to Texas,",
            f"The company {theirs} its headquarters to Texas,",
        )
    ]


def test_a_term_in_quote_marks_made_plural_is_a_low_finding() -> None:
    # AP on the Gounsa temple fire and a spun copy: the designation "treasure" is a term.
    source = 'Both were constructed during the Joseon dynasty, the last one on the Korean Peninsula, and were given the government designation of "treasure," a status given to old buildings, paintings and other cultural assets with historic and artistic significance and which receive state-level protection and maintenance.'
    copy = "Both were built during the last dynasty of the Korean Peninsula and are given government designations of “treasures” given to historically and artistically important old buildings, paintings and other cultural assets, and are subject to state-level protection and maintenance."
    assert quotes(copy, source, embed=True) == [("quote_altered", "low", "treasures", "treasure,")]


def test_small_words_changed_in_a_whole_quote_alone_are_a_low_finding() -> None:
    # Real form: a spin of Reuters' bitcoin story quoting a strategist.
    source = (
        "“People are not using it as a form of payment, or as a store of value. It’s highly "
        "volatile, it’s not a competitor for the dollar,” the strategist said."
    )
    copy = (
        "“People aren’t using it as a form of payment or a store of value. It’s highly volatile "
        "and not a competitor to the dollar,” the strategist said."
    )
    (finding,) = quotes(copy, source)
    assert finding[:2] == ("quote_altered", "low")
    # "not" is no small word: leaving it out says the opposite.
    dropped = copy.replace("and not a competitor", "and a competitor")
    assert [f[1] for f in quotes(dropped, source)] == ["high"]


def test_a_form_changed_beside_a_small_word_swapped_is_a_reworded_quote() -> None:
    # A review's counter-example: each alone is a slip (low), both together may change who did
    # what to whom ("supplies weapons from" for "supplied weapons to").
    source = "“Russia supplied weapons to the rebels,” the minister said."
    copy = "“Russia supplies weapons from the rebels,” the minister said."
    assert [f[:2] for f in quotes(copy, source)] == [("quote_altered", "high")]


def test_another_word_of_the_same_root_in_a_quote_is_altered() -> None:
    # A spinner's swap inside a Reuters quote: "economical" is not "economic".
    source = '"So the economic numbers are probably being put on the back burner," said Hogan.'
    copy = '"So the economical numbers are probably being put on the back burner," said Hogan.'
    assert quotes(copy, source) == [
        (
            "quote_altered",
            "high",
            "So the economical numbers are probably being put on the back burner,",
            "So the economic numbers are probably being put on the back burner,",
        )
    ]


def test_provocative_for_provocation_in_a_one_word_quote_is_altered() -> None:
    # treenews' copy of AP's Bucha story: the ministry called it "provocation", not
    # "provocative".
    source = 'Russia’s Defense Ministry rejected the accusations as "provocation."'
    copy = "But the Russian Defense Ministry dismissed the allegations as “provocative.”"
    assert quotes(copy, source, embed=True) == [
        ("quote_altered", "high", "provocative.", "provocation.")
    ]


# --- quote_fabricated --------------------------------------------------------------------------


def test_seed_puts_quote_marks_around_words_no_one_said() -> None:
    # AP wrote 'if necessary' unquoted; the seed quotes "in case of necessity."
    found = quotes(SEED_ALERT, AP_ALERT, embed=True)
    assert found[1:] == [("quote_fabricated", "high", "in case of necessity.", AP_ALERT)]


def test_quote_marks_around_the_sources_own_prose_are_fabricated() -> None:
    copy = edit(CHEMLAWN, "it is difficult to resist tender", 'it is "difficult to resist" tender')
    # The words are the source's, unquoted: the source span is those words, not another quote
    # that happens to share "resist".
    # A phrase of the source's in quote marks is a lead (low), not a statement made up.
    assert quotes(copy, CHEMLAWN) == [
        ("quote_fabricated", "low", "difficult to resist", "difficult to resist")
    ]


def test_quote_marks_moved_to_other_words_are_fabricated() -> None:
    copy = edit(
        ZINCOR, 'fighting was "quelled" after 25 minutes', 'fighting was quelled "after 25 minutes"'
    )
    assert quotes(copy, ZINCOR) == [
        ("quote_fabricated", "low", "after 25 minutes", "after 25 minutes")
    ]


def test_reported_speech_turned_into_a_direct_quote_is_fabricated() -> None:
    copy = edit(ZINCOR, "he had no idea of the cause", 'he had "no idea" of the cause')
    # Two words of reported speech: likely the speaker's, a lead to check (low).
    assert quotes(copy, ZINCOR) == [("quote_fabricated", "low", "no idea", "no idea")]
    # A statement of the source's prose, put in quote marks as someone's, is made up.
    copy = edit(ZINCOR, "he had no idea of the cause", 'he had "no idea of the cause of the fight"')
    source = edit(ZINCOR, "he had no idea of the cause", "he had no idea of the cause of the fight")
    assert [f[:2] for f in quotes(copy, source)] == [("quote_fabricated", "high")]


def test_an_invented_quote_in_an_aligned_sentence_is_fabricated() -> None:
    copy = edit(
        CHEMLAWN,
        "find a white knight if",
        'find a white knight, "a friendly buyer at any price," if',
    )
    assert quotes(copy, CHEMLAWN) == [
        (
            "quote_fabricated",
            "high",
            "a friendly buyer at any price,",
            "Schlang said ChemLawn could try to find a white knight if does not want to be "
            "acquired by Waste Management.",
        )
    ]


# --- quote_misattributed -----------------------------------------------------------------------


def test_a_quote_given_to_another_analyst_in_the_story_is_misattributed() -> None:
    copy = edit(CHEMLAWN, "said Elliott Schlang, analyst", "said Rosemarie Morbelli, analyst")
    assert quotes(copy, CHEMLAWN) == [
        ("quote_misattributed", "high", "Rosemarie Morbelli", "Elliott Schlang")
    ]


def test_a_spokeswomans_quote_given_to_an_analyst_is_misattributed() -> None:
    copy = edit(CHEMLAWN, "said Debra Strohmaier, a ChemLawn", "said Elliott Schlang, a ChemLawn")
    assert quotes(copy, CHEMLAWN) == [
        ("quote_misattributed", "high", "Elliott Schlang", "Debra Strohmaier")
    ]


def test_reznikovs_quote_given_to_the_president_is_misattributed() -> None:
    copy = edit(
        AP_REZNIKOV, "Defense Minister Oleksii Reznikov told", "President Volodymyr Zelensky told"
    )
    assert quotes(copy, AP_REZNIKOV, embed=True) == [
        ("quote_misattributed", "high", "Volodymyr Zelensky", "Oleksii Reznikov")
    ]


def test_fesenkos_quote_given_to_reznikov_is_misattributed() -> None:
    # The source names its speaker after an inverted "said" and a lower-case role.
    copy = edit(
        AP_FESENKO,
        "said political analyst Volodymyr Fesenko",
        "said Defense Minister Oleksii Reznikov",
    )
    assert quotes(copy, AP_FESENKO, embed=True) == [
        ("quote_misattributed", "high", "Oleksii Reznikov", "Volodymyr Fesenko")
    ]


def test_a_quote_the_copy_credits_to_a_he_is_not_misattributed_by_our_guess_of_who() -> None:
    # AP on the 2024 Oscars, and a spun copy (digitalnewsinfo.com): "he" is Murphy, but the
    # last person named before is Oppenheimer; the copy names no one else.
    source = (
        "Cillian Murphy won best actor. “For better or worse, we’re all living in Robert "
        "Oppenheimer’s world,” said Murphy in his acceptance speech."
    )
    copy = (
        "Murphy acknowledged the impact of Oppenheimer’s work on the world. “For better or worse, "
        "we’re all living in Robert Oppenheimer’s world,” he said."
    )
    assert quotes(copy, source) == []


@pytest.mark.parametrize(
    "cited",
    [
        "the regional governor",
        "the regional governor’s statement outlining the evacuation plans",
        "a decision signed by the regional governor",
        "a decision signed on Monday by the regional governor",
        "a threat briefing from the regional governor",
        "the published decision of the regional governor",
    ],
)
def test_a_quote_an_agency_relayed_citing_its_speaker_is_the_speakers(cited: str) -> None:
    # Four reviews' counter-examples (2026-12-06) to rules that read some "citing X" as a
    # reason (each gave one of these a high finding; withdrawn): the words are the
    # governor's, and the agency only relays them.
    lead = (
        "KYIV, Ukraine (AP) — Russian forces pounded the eastern city of Kharkiv overnight with"
        " missiles and drones, killing at least seven people, Ukrainian officials said on"
        " Wednesday."
    )
    tail = (
        "Moscow has repeatedly denied targeting civilians, and it says its forces strike only"
        " military infrastructure in Ukraine."
    )
    quoted = "“preparing a new offensive in the north”"
    source = f"{lead}\n\nInterfax-Ukraine said Russia was {quoted}, citing {cited}.\n\n{tail}"
    copy = f"{lead}\n\nGovernor Oleh Syniehubov said Russia was {quoted}.\n\n{tail}"
    assert quotes(copy, source) == []


def test_a_quote_given_to_a_speaker_whose_surname_is_lower_case_at_the_start_is_misattributed() -> (
    None
):
    source = "On Friday, “we will not leave the streets until the vote,” said Muqtada al-Sadr."
    copy = "On Friday, “we will not leave the streets until the vote,” said Nouri Maliki."
    assert [f[:2] for f in quotes(copy, source, embed=True)] == [("quote_misattributed", "high")]


def test_a_quotation_both_give_alike_credited_to_another_speaker_is_misattributed() -> None:
    # A sentence that only says what the source's says (same_fact: both quote one statement)
    # still gives the words to another: medium.
    source = "“I can understand that it is a shock for a lot of people,” Jurgen Klopp said."
    copy = "“I can understand that it is a shock for a lot of people,” Mohamed Salah said."
    assert same_fact(copy, source, "quotes") == [
        ("quote_misattributed", "medium", "Mohamed Salah", "Jurgen Klopp")
    ]


def test_a_named_speaker_beside_a_he_in_the_sentence_is_still_misattributed() -> None:
    source = "“We will not close the shelter,” Lopez said, and he repeated it twice."
    copy = "“We will not close the shelter,” Garcia said, and he repeated it twice."
    assert [f[:2] for f in quotes(copy, source, embed=True)] == [("quote_misattributed", "high")]


def test_a_speaker_the_source_describes_is_not_another_speaker_than_the_one_named() -> None:
    # AP on Southwest's job cuts, and AVweb's credited rewrite: "The Dallas-based airline" is
    # Southwest, described; a description names no one the copy could be swapping.
    source = (
        "Southwest Airlines is eliminating 1,750 jobs. The Dallas-based airline said Monday that "
        "the job cuts would be focused almost entirely on “corporate overhead and leadership "
        "positions,” including senior leadership and directors."
    )
    copy = (
        "Southwest Airlines is cutting 1,750 jobs. According to Dallas-based Southwest, the "
        "layoffs would focus on senior leadership and directors, so-called “corporate overhead "
        "and leadership positions.”"
    )
    assert quotes(copy, source, embed=True) == []


def test_one_word_in_quote_marks_has_no_speaker_to_misattribute() -> None:
    # Real form: AFP on the Rwanda ruling, reprinted ("Sunak's ruling Conservatives").
    source = (
        "Sunak's ruling Conservatives have insisted the Rwanda scheme is crucial to reduce "
        '"illegal" immigration across the Channel on small boats.'
    )
    copy = (
        "The Conservatives led by Sunak had insisted that the Rwanda scheme is crucial to reduce "
        "“illegal” immigration across the Channel on small boats."
    )
    assert quotes(copy, source, embed=True) == []


def test_a_speaker_the_sources_page_breaks_off_in_is_no_other_speaker() -> None:
    # Real form: AP on Starliner's empty landing, as Metro's page gives it, cut mid-name.
    source = (
        "There were some snags during re-entry, including more thruster issues, but Starliner made "
        "a ‘bull’s-eye landing’, according to Nasa’s commercial cr"
    )
    copy = (
        "Despite some snags during reentry, including further thruster issues, Starliner made a "
        "“bull’s-eye landing,” according to Steve Stich, NASA’s commercial crew program manager."
    )
    assert quotes(copy, source, embed=True) == []


def test_a_quote_given_to_a_speaker_the_source_names_only_in_the_possessive_is_misattributed() -> (
    None
):
    source = "“The economy has turned a corner,” Hunt said on Tuesday, defending Sunak’s budget."
    copy = "“The economy has turned a corner,” Sunak said on Tuesday, defending the budget."
    assert [f[:2] for f in quotes(copy, source, embed=True)] == [("quote_misattributed", "high")]


# --- not findings ------------------------------------------------------------------------------


def test_curly_and_straight_quote_marks_quote_the_same_words() -> None:
    copy = edit(CHEMLAWN, '"This is totally by surprise,"', "“This is totally by surprise,”")
    assert quotes(copy, CHEMLAWN) == []


def test_straight_marks_for_aps_curly_ones_are_faithful() -> None:
    copy = '"Don\'t worry, sleep well," he said. "No need to have your bags packed."'
    assert quotes(copy, AP_SLEEP) == []


def test_the_attribution_moved_to_the_front_keeps_the_quote() -> None:
    copy = edit(
        CHEMLAWN,
        '"This is totally by surprise," said Debra Strohmaier, a ChemLawn spokeswoman.',
        'Debra Strohmaier, a ChemLawn spokeswoman, said: "This is totally by surprise."',
    )
    assert quotes(copy, CHEMLAWN) == []


def test_words_given_to_the_organisation_the_speaker_speaks_for_are_not_misattributed() -> None:
    # AP on the Marburg outbreak in Tanzania (2025), and a rewrite (Mornin News) that gives the
    # regional director's words to the WHO, his organisation, named in full.
    source = (
        "“We’re acting with determination to rapidly halt the spread of the virus and protect"
        " communities,” said Dr. Mohamed Janabi, WHO regional director for Africa."
    )
    copy = (
        "The World Health Organization said it was “acting with determination to rapidly halt"
        " the spread of the virus and protect communities.”"
    )
    assert [f for f in quotes(copy, source, embed=True) if f[0] == "quote_misattributed"] == []
    other = copy.replace("The World Health Organization", "The International Red Cross")
    assert [f[:2] for f in quotes(other, source, embed=True) if f[0] == "quote_misattributed"] == [
        ("quote_misattributed", "high")
    ]


def test_a_speaker_glued_to_the_word_before_is_the_same_speaker() -> None:
    # Global News on Freeland's resignation (2024), and a spun copy (timesmoguls.com) whose
    # page lost the comma and space between "Trudeau" and "Freeland".
    source = (
        "In the letter addressed to Trudeau, Freeland wrote, “On Friday, you informed me that"
        " you no longer want me to serve as your Finance Minister.”"
    )
    copy = (
        "In the letter addressed to TrudeauFreeland wrote: “On Friday, you informed me that"
        " you no longer want me to serve as your Finance Minister.”"
    )
    assert quotes(copy, source, embed=True) == []
    # Another name, or one that only ends in the same letters, is another speaker; so is a
    # company whose name ends in a speaker's (a review's counter-example: BlackRock).
    rock = '"We will sell the whole stake before the summer," Chris Rock said, wearing black.'
    sold = '"We will sell the whole stake before the summer," BlackRock said on Friday.'
    assert [f[0] for f in quotes(sold, rock, embed=True)] == ["quote_misattributed"]
    for other in ("TrudeauMacLeod", "Trudeau, Garland"):
        other_copy = copy.replace("TrudeauFreeland", other)
        assert [f[0] for f in quotes(other_copy, source, embed=True)] == ["quote_misattributed"]


def test_fesenko_named_before_his_quote_is_faithful() -> None:
    copy = (
        "Political analyst Volodymyr Fesenko said: “The Kremlin’s plans include undermining the "
        "situation inside Ukraine, fomenting hysteria and fear among Ukrainians, and the "
        "authorities in Kyiv find it increasingly difficult to contain this snowball.”"
    )
    assert quotes(copy, AP_FESENKO, embed=True) == []


def test_quoting_a_shorter_verbatim_run_is_faithful() -> None:
    copy = edit(
        AP_REZNIKOV,
        "“as of today, there are no grounds to believe”",
        "there are “no grounds to believe”",
    )
    assert quotes(copy, AP_REZNIKOV) == []


def test_quoting_the_end_of_a_long_quote_after_according_to_is_faithful() -> None:
    copy = (
        "According to political analyst Volodymyr Fesenko, “the authorities in Kyiv find it "
        "increasingly difficult to contain this snowball.”"
    )
    assert quotes(copy, AP_FESENKO, embed=True) == []


def test_dropping_the_second_sentence_of_a_quote_is_faithful() -> None:
    copy = edit(CHEMLAWN, ' "Any company that doesn\'t like a surprise attack would."', "")
    assert quotes(copy, CHEMLAWN) == []


def test_a_closing_mark_lost_at_the_paragraph_end_is_faithful() -> None:
    copy = edit(CHEMLAWN, 'a surprise attack would."', "a surprise attack would.")
    assert quotes(copy, CHEMLAWN) == []


def test_a_quote_running_on_to_the_paragraph_end_without_its_closing_mark_is_faithful() -> None:
    copy = (
        "Defense Minister Oleksii Reznikov told parliament: “As of today, there are no grounds "
        "to believe Russia is preparing to invade imminently.\n\n"
        "He noted that its troops have not formed what he called a battle group that could "
        "force its way through the border."
    )
    assert quotes(copy, AP_REZNIKOV, embed=True) == []


def test_british_spelling_inside_a_quote_is_house_style() -> None:
    copy = edit(
        VENEZUELA,
        "finalized, but the broad details of the new amortization",
        "finalised, but the broad details of the new amortisation",
    )
    assert quotes(copy, VENEZUELA) == []


def test_a_quotation_beside_the_one_that_gives_the_sources_is_the_copys_own() -> None:
    # AFP on Christian Eriksen's collapse and a spun copy that adds a quotation of the doctor
    # from elsewhere; on the whole page its sentence aligns with the source's sentence holding
    # the doctor's quotation too ("he told a press conference"), which the copy gives next:
    # the added one quotes what the source does not, it does not reword the source's.
    source = (
        "Denmark's team doctor Martin Boesen described how his team saved Eriksen's life. "
        "\"When I get to him, he's on his side. He is breathing and I can see pulse but suddenly"
        ' that changes, and as everyone saw we started giving him CPR," he told a press conference.'
    )
    copy = (
        "“We were called on the pitch when Christian fell down, I didn’t see myself but it was"
        " pretty clear he was unconscious,” doctor Martin Boesen told a post-match media"
        " conference. “When I get to him, he’s on his side. He is breathing and I can see pulse"
        " but suddenly that changes, and as everyone saw we started giving him CPR,” he added."
    )
    matches = [("paraphrase", (0, 2)), ("verbatim", (1,)), ("verbatim", (2,))]
    assert [f[:3] for f in aligned_by_hand(copy, source, "quotes", matches)] == [
        (
            "quote_fabricated",
            "medium",
            "We were called on the pitch when Christian fell down, I didn’t see myself but it was"
            " pretty clear he was unconscious,",
        )
    ]


def test_a_made_up_quotation_beside_one_that_gives_the_sources_is_fabricated() -> None:
    # A review's counter-example: the first quotation gives the minister's words, the second
    # is made up; the aligner pairs its sentence with the source's quotation.
    source = (
        'The finance minister spoke to reporters in the capital on Monday. "We will not raise'
        ' taxes this year, and public spending will stay at current levels," she said.'
    )
    copy = (
        '"We will not raise taxes this year," the finance minister told reporters in the capital'
        ' on Monday. Public spending will stay at current levels, she said: "We will cut welfare'
        ' payments in half before the general election."'
    )
    assert [f[:3] for f in quotes(copy, source, embed=True)] == [
        (
            "quote_fabricated",
            "medium",
            "We will cut welfare payments in half before the general election.",
        )
    ]


def test_a_few_letters_a_page_breaks_off_in_do_not_excuse_a_made_up_quotation() -> None:
    # A review's counter-example: a page cut at 'the presidency said: "We'.
    source = (
        "Government forces retook the town of Kamina on Sunday after heavy fighting with the"
        " rebels, the army said. The army spokesman said talks with the rebels could resume next"
        ' week. In a statement, the presidency said: "We'
    )
    copy = (
        "Government forces retook the town of Kamina on Sunday after heavy fighting with the"
        " rebels, the army said. “We will never resume talks with the rebels,” the army"
        " spokesman said."
    )
    assert [f[:3] for f in quotes(copy, source, embed=True)] == [
        ("quote_fabricated", "high", "We will never resume talks with the rebels,")
    ]


def test_a_quotation_never_closed_behind_a_stray_glued_mark_is_a_low_finding() -> None:
    # Reuters on Sweida via the Kathmandu Post, and a spun copy with a stray opening mark
    # glued to the word before it.
    source = (
        "Syria's defence ministry, in a statement carried by state news agency SANA, blamed"
        " outlaw groups in Sweida for breaching the truce."
    )
    copy = (
        "In response, Syria’s defence ministry accused“outlaw groups in Sweida of violating the"
        " ceasefire, according to state news agency SANA."
    )
    assert [f[:2] for f in quotes(copy, source, embed=True)] == [("quote_fabricated", "low")]


def test_a_made_up_quotation_that_lost_its_closing_mark_is_still_high() -> None:
    # A review's counter-example: the mark dropped before "police said" hides nothing.
    source = "Police said two people were shot dead near the parliament building."
    copy = "“Two people were shot dead by protesters near the parliament building, police said."
    assert [f[:2] for f in quotes(copy, source, embed=True)] == [("quote_fabricated", "high")]


def test_a_quotation_the_copys_page_breaks_off_in_a_few_words_in_is_not_judged() -> None:
    # A copy of AP's story of Imran Khan's arrest whose page ends three words into a quotation.
    source = (
        'PTI leader Shireen Mazari said the arrest was unlawful. "State terrorism - breaking into'
        ' IHC premises to abduct Imran Khan from court," Mazari said.'
    )
    copy = "PTI leader Shireen Mazari said the arrest was unlawful: “Imran Khan’s lawyer"
    assert quotes(copy, source, embed=True) == []
    # A review's counter-example: one that opens as the source's shows what it changed.
    source = (
        "Zelensky spoke to reporters in Kyiv on Tuesday. “We will not negotiate with Moscow,”"
        " Zelensky said."
    )
    copy = "Zelensky spoke to reporters in Kyiv on Tuesday. Zelensky said: “We will negotiate"
    assert [f[:3] for f in quotes(copy, source, embed=True)] == [
        ("quote_altered", "high", "We will negotiate")
    ]


def test_a_quotation_the_sources_page_breaks_off_in_is_not_made_up() -> None:
    # AP on the Education Department's layoffs, as a page's excerpt has it (cut mid-word),
    # and a spun copy that quotes the whole phrase.
    source = (
        "The department sent an email to employees Tuesday telling them its Washington headquarters"
        " and regional offices would be closed Wednesday, with access forbidden, before reopening"
        ' Thursday. The only reason given for the closures was unspecified "securit'
    )
    copy = (
        "On Tuesday, the department notified employees via email that both its Washington"
        " headquarters and regional offices would be closed on Wednesday, citing unspecified"
        " “security reasons.”"
    )
    assert quotes(copy, source, embed=True) == []


def test_a_date_written_in_the_other_order_inside_a_quote_is_house_style() -> None:
    # AFP on Japan's moon landing (Gulf News) and a reprint in American date order.
    source = (
        'JAXA confirmed that the SLIM "landed on the Moon at 00:20 am on 20 January 2024 (Japan'
        ' Time). Communication has been established since landing," JAXA said.'
    )
    copy = (
        'JAXA confirmed that the SLIM "landed on the Moon at 00:20am on January 20, 2024 (Japan'
        ' Time). Communication has been established since landing."'
    )
    assert quotes(copy, source, embed=True) == []
    changed = copy.replace("January 20", "January 21")
    assert [f[:2] for f in quotes(changed, source, embed=True)] == [("quote_altered", "high")]


def test_a_name_given_in_quote_marks_is_no_made_up_quotation() -> None:
    # AP on Nepal's social media ban protests (2025), and a rewrite (civitas.global) that names
    # the movement after "dubbed".
    source = (
        "“Stop the ban on social media, stop corruption not social media,” the crowds outside"
        " parliament chanted, waving the red and blue national flags."
    )
    copy = (
        "Protesters were heard chanting, “Stop the ban on social media, stop corruption not"
        " social media,” waving national flags in a demonstration dubbed the 'Gen Z protest,' a"
        " movement representing young citizens born between 1995 and 2010."
    )
    assert quotes(copy, source, embed=True) == []
    # Said by someone, the same words are a quotation the source does not have.
    said = copy.replace("dubbed the 'Gen Z protest,'", "where a student said 'we are Gen Z,'")
    assert [f[:2] for f in quotes(said, source, embed=True)] == [("quote_fabricated", "high")]
    # A review's counter-example: what someone "called" in words of no name quotes them.
    called = copy.replace(
        "a demonstration dubbed the 'Gen Z protest,'", "what the minister called 'a betrayal,'"
    )
    assert [f[:2] for f in quotes(called, source, embed=True)] == [("quote_fabricated", "high")]


def test_a_clock_time_written_another_way_inside_a_quote_is_house_style() -> None:
    # Reuters on the Rhodes fires (TODAY) and a copy (worldstockmarket.net) in figures.
    source = (
        "\"We were walking down the road at 2 o'clock in the morning and the fire was catching"
        ' up with us," she told Sky.'
    )
    copy = (
        "“We were walking down the road at 2am and the fire was catching up with us,” she told Sky."
    )
    assert quotes(copy, source, embed=True) == []
    changed = copy.replace("2am", "3am")
    assert [f[:2] for f in quotes(changed, source, embed=True)] == [("quote_altered", "high")]
    evening = copy.replace("2am", "2pm")
    assert [f[:2] for f in quotes(evening, source, embed=True)] == [("quote_altered", "high")]


@pytest.mark.parametrize(
    "said",
    [
        # A review's counter-examples: a comma after a month, read as a date on one side only.
        "“In March, 40 people were arrested and none of them has been charged,” the lawyer said.",
        "“By March, 2 million people had fled the country,” the UN official said.",
        "“We have not been paid since January, 2020, and we are tired,” the nurse said.",
    ],
)
def test_a_comma_after_a_month_inside_a_quote_is_house_style(said: str) -> None:
    assert quotes(said.replace(",", "", 1), said, embed=True) == []
    assert quotes(said, said.replace(",", "", 1), embed=True) == []


def test_judgement_for_judgment_inside_a_quote_is_house_style() -> None:
    # AP on the proclamation barring Harvard's foreign students, and a copy in British spelling.
    source = "“I have determined that the entry of the class of foreign nationals described above is detrimental to the interests of the United States because, in my judgment, Harvard's conduct has rendered it an unsuitable destination for foreign students and researchers,” the proclamation said."
    copy = source.replace("judgment", "judgement")
    assert quotes(copy, source) == []


def test_neighbourhood_for_neighborhood_inside_a_quote_is_house_style() -> None:
    # Real form: the BBC on Cyclone Chido in Mayotte (2024), in a copy's American spelling.
    source = (
        "Mohamed Ishmael told Reuters: “You feel like you are in the aftermath of a nuclear "
        "war… I saw an entire neighbourhood disappear.”"
    )
    copy = (
        "Mohamed Ishmael told Reuters: “You feel like you are in the aftermath of a nuclear "
        "war… I saw an entire neighborhood disappear.”"
    )
    assert quotes(copy, source, embed=True) == []


def test_a_collective_nouns_plural_verb_inside_a_quote_is_house_style() -> None:
    # Real form: PA on Just Stop Oil at Stonehenge (2024), in a copy's American grammar, where
    # an organisation takes a singular verb.
    source = "Rishi Sunak said: “Just Stop Oil are a disgrace.”"
    copy = "Rishi Sunak said: “Just Stop Oil is a disgrace.”"
    assert quotes(copy, source, embed=True) == []


@pytest.mark.parametrize(
    ("source", "copy"),
    [
        # The verb alone tells one from many, or whom the clause is about (a review's pairs).
        (
            "“The aircraft were shot down over the sea,” the minister said.",
            "“The aircraft was shot down over the sea,” the minister said.",
        ),
        (
            "“We have arrested the leader of the gang, who were armed,” police said.",
            "“We have arrested the leader of the gang, who was armed,” police said.",
        ),
    ],
)
def test_a_verbs_number_elsewhere_is_still_altered(source: str, copy: str) -> None:
    assert [f[:2] for f in quotes(copy, source, embed=True)] == [("quote_altered", "high")]


def test_another_verb_beside_the_agreement_is_still_altered() -> None:
    source = "Rishi Sunak said: “Just Stop Oil are a disgrace.”"
    copy = "Rishi Sunak said: “Just Stop Oil was a disgrace.”"
    assert [f[:3] for f in quotes(copy, source, embed=True)] == [
        ("quote_altered", "high", "Just Stop Oil was a disgrace.")
    ]


def test_calibre_for_caliber_inside_a_quote_is_house_style() -> None:
    # Real form: a reprint of AFP's story of Messi joining Inter Miami, in British spelling.
    source = (
        "“I couldn’t be prouder that a player of Leo’s caliber is joining our club,” David "
        "Beckham said."
    )
    copy = source.replace("caliber", "calibre")
    assert quotes(copy, source) == []


def test_a_quote_giving_the_words_the_sources_ellipsis_left_out_is_not_altered() -> None:
    # Real form: AFP's Messi story as one site ran it, its page breaking off inside Beckham's
    # quote; a reprint quotes him in full, in British spelling.
    source = (
        "Beckham said: “I couldn't be prouder that a player of Leo's caliber is joining our "
        "club... The next ph"
    )
    copy = (
        "Beckham said: “I couldn't be prouder that a player of Leo's calibre is joining our "
        "club, but I am also delighted that he is a friend.”"
    )
    assert quotes(copy, source) == []
    # Whole runs on both sides of the ellipsis.
    assert (
        quotes(
            "“We will rebuild the city, every street of it, and we will do it together,” she said.",
            "“We will rebuild the city ... and we will do it together,” she said.",
        )
        == []
    )


@pytest.mark.parametrize(
    ("source", "copy"),
    [
        (  # AP on Trump and Milei, and capitalhillnews.com quoting more of the same post
            "Trump wrote: “I am very proud of you. You will turn your country around.”",
            "Trump wrote: “The whole world was watching! I am very proud of you.”",
        ),
        (  # AP on the malaria vaccine, and Newser quoting the sentence from its start
            "Tedros said the vaccine “offers a glimmer of hope for the continent, which shoulders "
            "the heaviest burden of the disease.”",
            "Tedros said: “Today's recommendation offers a glimmer of hope for the continent, "
            "which shoulders the heaviest burden of the disease.”",
        ),
    ],
)
def test_another_cut_of_the_same_statement_is_only_a_lead(source: str, copy: str) -> None:
    assert [f[:2] for f in quotes(copy, source, embed=True)] == [("quote_altered", "low")]


def test_words_added_around_a_quotation_that_turn_it_around_are_still_a_lead() -> None:
    # What the copy quotes beyond the source may change what the shared words say.
    source = "“We will raise taxes on the rich,” Smith said at the rally on Monday."
    copy = "“It is a lie that we will raise taxes on the rich,” Smith said at the rally on Monday."
    assert [f[:2] for f in quotes(copy, source, embed=True)] == [("quote_altered", "low")]


def test_another_cut_of_a_statement_reworded_where_they_overlap_is_altered() -> None:
    source = "Trump wrote: “I am very proud of you. You will turn your country around.”"
    copy = "Trump wrote: “The whole world was watching! I am so very proud of all of you.”"
    assert [f[:2] for f in quotes(copy, source, embed=True)] == [("quote_altered", "high")]


def test_two_quotations_joined_with_the_second_reworded_are_altered() -> None:
    # A Reuters "Instant View" on Amgen and a synthetic spin: the copy's quotation starts with
    # all of the source's first one, so it is no other cut of that one alone.
    source = (
        "“It is a recognition on the part of Amgen management that the business has changed,” "
        "Funtleyder said. “But to the extent that they understand what the reality is and are "
        "dealing with it, is a positive.”"
    )
    copy = (
        "“It is a recognition on the part of Amgen management that the business has changed. "
        "But to the extent that they understand what the reality is and are handling with it, "
        "is a positive,” Funtleyder said."
    )
    assert [f[:2] for f in quotes(copy, source, embed=True)] == [("quote_altered", "high")]


def test_a_writers_insertion_in_brackets_is_not_the_speakers_words() -> None:
    # Reuters on an execution in Iran, quoting Mizan, and a spun copy (godudunews.pages.dev):
    # the copy rewrites the bracketed insertion and writes "at" for "in".
    source = (
        "“Majid Reza Rahnavard was hanged in public in (the holy Shi'ite city of) Mashhad this "
        "morning,” Mizan reported."
    )
    copy = (
        "“Majid Reza Rahnavard was hanged in public at [the holy Shia city of] Mashhad this "
        "morning,” Mizan reported."
    )
    assert [f[:2] for f in quotes(copy, source)] == [("quote_altered", "low")]
    # The speaker's own words still count, and an insertion stands for none left out.
    executed = copy.replace("hanged in public", "executed openly")
    assert [f[:2] for f in quotes(executed, source, embed=True)] == [("quote_altered", "high")]
    negated = (
        "“We will not raise taxes this year,” the minister said.",
        "“We will (definitely) raise taxes this year,” the minister said.",
    )
    assert [f[:2] for f in quotes(negated[1], negated[0], embed=True)] == [
        ("quote_altered", "high")
    ]


def test_a_copy_that_keeps_an_insertions_word_without_its_brackets_gives_the_quotation() -> None:
    # AP on Netanyahu's interview (2023), reprinted: the copy drops the brackets of AP's "(we)"
    # and keeps the word, with a comma for AP's colon.
    source = (
        "\"So we send leaflets, (we) call them on their cell phones, and we say: 'leave'. And "
        'many have left," Netanyahu said.'
    )
    copy = (
        "\"So we send leaflets, we call them on their cell phones, and we say, 'leave'. And many "
        'have left," Netanyahu said.'
    )
    assert quotes(copy, source, embed=True) == []
    # Other words in the insertion's place reword the quotation.
    they = copy.replace("leaflets, we call", "leaflets, they call")
    assert [f[:2] for f in quotes(they, source, embed=True)] == [("quote_altered", "high")]


def test_a_writers_insertion_may_stand_for_the_words_it_clarifies() -> None:
    # AP on Lula's answer to Trump's tariffs (DNA India's carrier) and a spun copy
    # (metroobserver.com) that writes "50 (% tariffs)" and joins the two quotations.
    source = (
        "Lula has said he could answer Trump with a reciprocity law if negotiations with the U.S. "
        "fail. “If there's no negotiation, the reciprocity law will be put to work. If he charges "
        "50% tariffs from us, we will charge 50 from them,” Mr. Lula told TV Record in excerpts "
        "of an interview. “Respect is good. I like to offer mine and I like to receive it.”"
    )
    copy = (
        "Lula has said he could answer Trump with a reciprocity law if negotiations with the U.S. "
        "fail. In an interview with TV Record, Lula stated, “If there’s no negotiation, the "
        "reciprocity law will be put to work. If he charges 50 (% tariffs) from us, we will "
        "charge 50 from them. Respect is good. I like to offer mine and I like to receive it.”"
    )
    assert quotes(copy, source, embed=True) == []
    # The usual substitution of a name for a pronoun.
    named = copy.replace("If he charges", "If [Trump] charges")
    assert quotes(named, source, embed=True) == []
    # An insertion stands for the words it clarifies or names, not for others it drops.
    dropped = copy.replace("50 (% tariffs) from us", "(tariffs) from us")
    assert [f[:2] for f in quotes(dropped, source, embed=True)] == [("quote_altered", "high")]


def test_an_insertion_names_a_pronoun_only_with_a_name_the_source_gives() -> None:
    # A review's counter-examples: another pronoun, or a name the source never gives, in the
    # brackets is another statement.
    said = "“I love her more than anything,” he said of his wife."
    assert [f[:2] for f in quotes(said.replace("her", "[him]"), said, embed=True)] == [
        ("quote_altered", "high")
    ]
    threat = "Iran spoke on Monday. “They will attack us tomorrow,” the official said."
    named = threat.replace("attack us", "attack [Israel]")
    assert [f[:2] for f in quotes(named, threat, embed=True)] == [("quote_altered", "high")]
    assert quotes(threat.replace("“They", "“[Iran]"), threat, embed=True) == []


def test_a_quote_the_sources_page_breaks_off_in_mid_word_is_not_altered() -> None:
    # Real form: CNN's Kim Potter verdict story, its page ending inside the judge's thanks to
    # the jury; a reprint gives the whole quotation.
    source = (
        "Judge Regina Chu thanked the jurors. “I’m so proud of you. You should be proud of "
        "yourselves. Without civic minded citizens like you our syst"
    )
    copy = (
        "Judge Regina Chu thanked the jurors. “I’m so proud of you. You should be proud of "
        "yourselves. Without civic minded citizens like you our system of justice could not "
        "function. Thank you for your service.”"
    )
    assert quotes(copy, source) == []
    # The words before the break still have to be the source's.
    reworded = copy.replace("civic minded citizens", "public spirited people")
    assert [f[:2] for f in quotes(reworded, source)] == [("quote_altered", "high")]


def test_a_quote_the_copys_page_breaks_off_in_is_not_judged_by_its_last_fragment() -> None:
    # Real form: AFP on the Hermosillo supermarket blast (Dawn), and a spun copy whose page ends
    # inside Sheinbaum's statement: "team t" may be "team to", for "team in order to".
    source = (
        "Sheinbaum spoke on X. “I have been in contact with the Sonora governor, Alfonso Durazo, "
        "to provide support where needed. I’ve instructed Interior Secretary Rosa Icela "
        "Rodriguez to send a support team in order to assist the families and the injured,” she "
        "continued."
    )
    copy = (
        "Sheinbaum spoke on X. She added, “I have been in contact with the Sonora governor, "
        "Alfonso Durazo, to provide support where needed. I’ve instructed Interior Secretary "
        "Rosa Icela Rodríguez to send a support team t"
    )
    assert quotes(copy, source) == []
    # The whole words before the break are still the source's to keep.
    reworded = copy.replace("provide support where needed", "help wherever required")
    assert [f[:2] for f in quotes(reworded, source)] == [("quote_altered", "high")]


SYCAMORE = (
    "Bitcoin rose to a record on Wednesday. “We’re in blue sky territory here,” said Tony "
    "Sycamore, an analyst at IG. “The next figure the market will be looking for is $110,000. The "
    "pullback that a lot of people were waiting for just didn’t happen, because now we’ve got "
    "this news.” Traders cheered the move."
)


def test_one_quotation_rewording_two_of_the_sources_read_as_one_is_altered() -> None:
    # Real form: Reuters on bitcoin's record, spun; the source breaks the analyst's words with
    # "said Tony Sycamore", the copy quotes them in one run, reworded.
    copy = (
        "Bitcoin rose to a record on Wednesday. Tony Sycamore, an analyst at IG, remarked, “We’re "
        "in blue sky territory now. The market’s next target is $110,000. The pullback many "
        "anticipated didn’t materialize, thanks to this new development.” Traders cheered the "
        "move."
    )
    assert [f[:2] for f in quotes(copy, SYCAMORE, embed=True)] == [("quote_altered", "high")]
    # The same words joined, as the source gives them, are faithful.
    joined = copy.replace(
        "now. The market’s next target is $110,000. The pullback many anticipated didn’t "
        "materialize, thanks to this new development.",
        "here. The next figure the market will be looking for is $110,000. The pullback that a "
        "lot of people were waiting for just didn’t happen, because now we’ve got this news.",
    )
    assert quotes(joined, SYCAMORE, embed=True) == []


def test_one_quotation_holding_the_sources_two_and_more_of_the_statement_is_not_altered() -> None:
    # Real form: AP on Lisa Marie Presley's death quotes two sentences of her mother's
    # statement; a rewrite quotes the whole statement in one run.
    source = (
        "“It is with a heavy heart that I must share the devastating news that my beautiful "
        "daughter Lisa Marie has left us,” Priscilla Presley said in a statement. “She was the "
        "most passionate, strong and loving woman I have ever known.”"
    )
    copy = (
        "“It is with a heavy heart that I must share the devastating news that my beautiful "
        "daughter Lisa Marie has left us. She was the most passionate strong and loving woman I "
        "have ever known. We ask for privacy as we try to deal with this profound loss. Thank "
        "you for the love and prayers. At this time there will be no further comment,” Priscilla "
        "said in a statement."
    )
    assert quotes(copy, source, embed=True) == []


def test_a_quote_the_copys_page_breaks_off_in_mid_word_is_not_altered() -> None:
    # Real form: the BBC on Angela Carini's bout, rewritten; the copy's crawled text ends
    # inside her quotation.
    source = (
        "Carini spoke after the match. “It could have been the match of a lifetime, but I had "
        "to preserve my life as well in that moment.”"
    )
    copy = "Carini spoke after the match. “It could have been the match of a lifetime, but I had t"
    assert quotes(copy, source, embed=True) == []
    reworded = copy.replace("match of a lifetime", "fight of my life")
    assert [f[:2] for f in quotes(reworded, source, embed=True)] == [("quote_altered", "high")]


def test_quote_marks_dropped_from_a_phrase_are_no_quote_finding() -> None:
    copy = edit(BRAZIL, '"grave concern"', "grave concern")
    assert quotes(copy, BRAZIL) == []


def test_the_speakers_surname_alone_is_the_same_speaker() -> None:
    copy = edit(CHEMLAWN, "said Debra Strohmaier, a", "said Strohmaier, a")
    assert quotes(copy, CHEMLAWN) == []


def test_the_speakers_role_for_the_speakers_name_is_the_same_speaker() -> None:
    copy = edit(
        CHEMLAWN, "said Debra Strohmaier, a ChemLawn spokeswoman", "a ChemLawn spokeswoman said"
    )
    assert quotes(copy, CHEMLAWN) == []


def test_a_pronoun_speaker_named_in_the_copy_is_the_same_speaker() -> None:
    copy = "“Don’t worry, sleep well,” Reznikov said. “No need to have your bags packed.”"
    assert quotes(copy, AP_SLEEP, embed=True) == []


def test_another_spelling_of_the_speakers_name_is_the_same_speaker() -> None:
    source = "“Don’t worry, sleep well,” Zelensky said. “No need to have your bags packed.”"
    copy = "“Don’t worry, sleep well,” Zelenskyy said. “No need to have your bags packed.”"
    assert quotes(copy, source) == []


# --- house style and moved marks on real pages: not the speaker's wording -----------------------


@pytest.mark.parametrize(
    ("source", "copy"),
    [
        (
            'He said: "Inflation will fall to 2 percent by the end of next year."',
            'He said: "Inflation will fall to 2 per cent by the end of next year."',
        ),
        (
            'He said: "Inflation will fall to 2 percent by the end of next year."',
            'He said: "Inflation will fall to 2% by the end of next year."',
        ),
        (
            '"We will defend our neighbors and our organization," Stoltenberg said.',
            '"We will defend our neighbours and our organisation," Stoltenberg said.',
        ),
        (
            '"We don\'t want war," Putin said on Tuesday.',
            "“We don’t want war,” Putin said on Tuesday.",
        ),
        (
            '"This is a well-known tactic — and it works," the analyst said.',
            '"This is a well known tactic - and it works," the analyst said.',
        ),
        (  # AP at Wimbledon: a compound hyphenated in one text, closed up in the other
            '"Didn’t look like he was playing overaggressive, even though it felt like he was '
            'playing big," Kyrgios said.',
            "\"Didn't look like he was playing over-aggressive, even though it felt like he was "
            'playing big," Kyrgios said.',
        ),
        (
            '"We will cooperate with the inquiry," the company said.',
            '"We will co operate with the inquiry," the company said.',
        ),
        (
            '"We have two options and ten days," the minister said.',
            '"We have 2 options and 10 days," the minister said.',
        ),
        # CNN on the Turkey earthquake, spun: the quoted sentence split in two at its "and".
        (
            "“We are just praying and that’s all that I can say,” Taranci told CNN.",
            "“We’re just praying. That’s all I can say,” Taranci told CNN.",
        ),
        # An ellipsis stands for the words left out.
        (
            '"We are strong enough to keep everything under control and derail any attempts at destabilization," he said.',
            '"We are strong enough to keep everything under control … and derail any attempts at destabilization," he said.',
        ),
        (
            '"We are strong enough to keep everything under control and derail any attempts at destabilization," he said.',
            '"We are strong enough ... derail any attempts at destabilization," he said.',
        ),
        # Reuters on LSEG's buyback (2023) and a copy: a currency's sign for its name.
        (
            '"we are seeking shareholder approval for a directed buyback, expected to be up to 750 million pounds by April 2024," LSEG said.',
            '"we are seeking shareholder approval for a directed buyback, expected to be up to £750 million by April 2024," LSEG said.',
        ),
        # AFP on the Hermosillo blast (Dawn) and a copy: a name's accents are house style.
        (
            "“I’ve instructed Interior Secretary Rosa Icela Rodriguez to send a support team,” she said.",
            "“I’ve instructed Interior Secretary Rosa Icela Rodríguez to send a support team,” she said.",
        ),
    ],
)
def test_house_style_inside_a_quote_is_not_altered(source: str, copy: str) -> None:
    assert quotes(copy, source, embed=True) == []


def test_a_whole_last_word_changed_where_the_copys_page_breaks_off_is_altered() -> None:
    source = '"I have ordered the army to pull every one of its units back," he said.'
    copy = 'He spoke. "I have ordered the army to pull every one of its units forward.'
    assert [f[:2] for f in quotes(copy, source)] == [("quote_altered", "high")]
    assert [f[:2] for f in quotes(copy.replace(" forward.", " and not"), source)] == [
        ("quote_altered", "high")
    ]


def test_a_quoted_figure_with_a_currency_sign_points_at_the_whole_figure_in_the_source() -> None:
    source = "LSEG plans a buyback of up to £750 million by April, it said on Thursday."
    copy = 'LSEG plans a buyback "of up to £750 million" by April, it said on Thursday.'
    (found,) = quotes(copy, source, embed=True)
    assert found[3] == "of up to £750 million"


def test_a_ligature_in_quoted_words_keeps_the_findings_offsets() -> None:
    # NFKD would make "ﬁ" two letters and move every offset after it (the runner checks spans).
    source = "The company said it won approval from lenders to reﬁnance"
    copy = 'The company said it won "approval from lenders to reﬁnance"'
    assert quotes(copy, source, embed=True) == [
        (
            "quote_fabricated",
            "low",
            "approval from lenders to reﬁnance",
            "approval from lenders to reﬁnance",
        )
    ]


def test_another_currency_inside_a_quote_is_altered() -> None:
    source = '"The buyback is expected to be up to 750 million pounds by April," LSEG said.'
    copy = source.replace("750 million pounds", "$750 million")
    assert [f[:2] for f in quotes(copy, source, embed=True)] == [("quote_altered", "high")]
    assert quotes(source.replace("750 million pounds", "£750 million"), source, embed=True) == []
    # Another dollar ("A$"), or yen for a sign that may be yuan, is not house style.
    dollars = source.replace("pounds", "dollars")
    assert [
        f[:2]
        for f in quotes(
            dollars.replace("750 million dollars", "A$750 million"), dollars, embed=True
        )
    ] == [("quote_altered", "high")]
    yen = '"The buyback is expected to be up to 750 million yen by April," Sony said.'
    assert [
        f[:2] for f in quotes(yen.replace("750 million yen", "¥750 million"), yen, embed=True)
    ] == [("quote_altered", "high")]
    # A currency given on one side only is a lead, not an accusation.
    assert [
        f[:2]
        for f in quotes(source.replace("750 million pounds", "750 million"), source, embed=True)
    ] == [("quote_altered", "low")]


@pytest.mark.parametrize(
    ("source", "copy"),
    [
        (
            'Biden said an attack would be "the largest invasion since World War II."',
            'Biden said "an attack would be the largest invasion since World War II."',
        ),
        (
            'Biden said Putin "continues to build forces along Ukraine’s border."',
            'Biden said "Putin continues to build forces along Ukraine’s border."',
        ),
        (
            'Biden said "an attack would be the largest invasion since World War II."',
            'Biden said an attack would be "the largest invasion since World War II."',
        ),
    ],
)
def test_marks_opened_or_closed_a_few_words_off_quote_the_same_words(
    source: str, copy: str
) -> None:
    assert quotes(copy, source, embed=True) == []


def test_an_ellipsis_that_hides_changed_words_is_still_altered() -> None:
    source = '"We are strong enough to keep everything under control," he said.'
    copy = '"We are strong enough … to keep nothing under control," he said.'
    assert [f[:3] for f in quotes(copy, source, embed=True)] == [
        ("quote_altered", "high", "We are strong enough … to keep nothing under control,")
    ]


@pytest.mark.parametrize(
    ("source", "copy"),
    [
        # Contractions, "the" and "that" dropped, "okay" and "OK".
        (
            '"We are just praying and that\'s all that I can say," she said.',
            "\"We're just praying and that's all I can say,\" she said.",
        ),
        ('"How is mother?" he asked.', '"How\'s the mother?" he asked.'),
        # Two quotes of the source, joined without the "he said" between them.
        (
            '"He just looks completely within himself," Roddick said. "Didn\'t look like it was a big deal."',
            '"He just looks completely within himself. Didn\'t look like it was a big deal," Roddick said.',
        ),
    ],
)
def test_the_same_quoted_words_in_other_style_are_not_altered(source: str, copy: str) -> None:
    assert quotes(copy, source, embed=True) == []


def test_a_statement_set_off_without_marks_quoted_word_for_word_is_not_fabricated() -> None:
    source = "His partner said:\n\nIt is with great sadness that I inform you that Paul has passed away unexpectedly."
    copy = 'His partner said: "It is with great sadness that I inform you that Paul has passed away unexpectedly."'
    assert quotes(copy, source, embed=True) == []


# Reuters on gold as a page carried it, its quote marks stripped: the strategist's words in the
# first person, closed by "..., Yeap Jun Rong said."
UNMARKED_SOURCE = (
    "Markets await U.S. inflation data on Wednesday. The inflation data is expected to reflect "
    "further disinflation and offer the go-ahead for the Fed to ease rates. We expect gold "
    "prices to touch over 2,660 in the coming months, IG market strategist Yeap Jun Rong said."
)


def test_a_statement_whose_marks_the_source_lost_reworded_is_altered() -> None:
    copy = (
        "Markets await U.S. inflation data on Wednesday. “The inflation data is expected to "
        "reflect further disinflation, potentially giving the Federal Reserve the green light to "
        "ease rates,” said IG market strategist Yeap Jun Rong."
    )
    assert [f[:2] for f in quotes(copy, UNMARKED_SOURCE, embed=True)] == [("quote_altered", "high")]


def test_a_statement_whose_marks_the_source_lost_quoted_word_for_word_is_faithful() -> None:
    copy = (
        "Markets await U.S. inflation data on Wednesday. “The inflation data is expected to "
        "reflect further disinflation and offer the go-ahead for the Fed to ease rates,” said IG "
        "market strategist Yeap Jun Rong."
    )
    assert quotes(copy, UNMARKED_SOURCE, embed=True) == []


@pytest.mark.parametrize("title", ["The Wire", "OPEC+", "Queen of Rock 'n' Roll"])
def test_a_title_or_term_in_quote_marks_is_not_fabricated(title: str) -> None:
    source = "She starred in the series and was praised by the group on Monday."
    copy = f'She starred in the series "{title}" and was praised by the group on Monday.'
    assert quotes(copy, source, embed=True) == []


def test_a_long_title_the_source_has_too_is_not_fabricated() -> None:
    # Real form: AP's Val Kilmer obituary, whose page lost its quote marks; a rewrite has them.
    source = "Kilmer would later show his comedy chops again in films including MacGruber and Kiss Kiss Bang Bang."
    copy = "Kilmer would later show his comedy chops again in films including “MacGruber” and “Kiss Kiss Bang Bang”."
    assert quotes(copy, source, embed=True) == []
    # BBC on Toby Keith's death (2024), the song's title without marks; a spun copy has them.
    source = "He was criticised most for the song Courtesy of the Red White and Blue (The Angry American), released after the 9/11 attacks."
    copy = "He was criticised most for the track “Courtesy of the Red, White and Blue (The Angry American),” unveiled after the 9/11 attacks."
    assert quotes(copy, source, embed=True) == []
    # Four capitalised words the source does not have are someone's words, made up.
    senator = (
        "The senator said on Tuesday that he would fight the court ruling in every way he could."
    )
    made_up = "The senator said on Tuesday “We Will Fight Back” against the court ruling in every way he could."
    assert [f[:2] for f in quotes(made_up, senator, embed=True)] == [("quote_fabricated", "high")]


def test_a_description_of_the_sources_own_set_off_after_described_as_is_a_low_lead() -> None:
    # AFP on Ben Roberts-Smith's lost appeal (2025), rewritten: the copy sets AFP's own
    # description off in quote marks after "was described as"; nobody is made to say it.
    source = "Perth-born Roberts-Smith had been Australia's most famous and distinguished living soldier."
    copy = (
        "Born in Perth, Ben Roberts-Smith was described as 'Australia's most famous and "
        "distinguished living soldier'."
    )
    phrase = "Australia's most famous and distinguished living soldier"
    assert quotes(copy, source, embed=True) == [("quote_fabricated", "low", phrase, phrase)]
    # A review's counter-examples: a describer named, or words the source does not state as
    # its own (denied, negated, a possibility), stay a statement made up.
    for copy_, source_ in (
        (
            "The rescue was hailed as 'one of the most complex cave operations ever attempted' "
            "by the prime minister.",
            "The rescue was one of the most complex cave operations ever attempted.",
        ),
        (
            "The suspect was described as 'a lone gunman with no known links to terror groups'.",
            "Police rejected claims that the suspect was a lone gunman with no known links to "
            "terror groups.",
        ),
        (
            "The move was seen as 'a sign that the central bank is ready to cut rates'.",
            "The move was not a sign that the central bank is ready to cut rates, economists said.",
        ),
        (
            "The deal was seen as 'a major victory for the prime minister ahead of the "
            "election', analysts said.",
            "Analysts said the deal could be a major victory for the prime minister ahead of the "
            "election.",
        ),
    ):
        assert [f[:2] for f in quotes(copy_, source_, embed=True)] == [("quote_fabricated", "high")]
    # Put in someone's mouth, the same words are a statement made up.
    said = "Born in Perth, Ben Roberts-Smith said he was 'Australia's most famous and distinguished living soldier'."
    assert [f[:2] for f in quotes(said, source, embed=True)] == [("quote_fabricated", "high")]


def test_a_statement_the_source_gives_without_marks_is_a_quotation_it_does_not_give() -> None:
    # IANS on Trump ending trade talks with Canada (2025), and a rewrite that quotes him. The
    # feed may have lost Trump's marks, but a sentence credited without them ("..., said
    # Trump") is, in a wire's style, the reporter's account of what he said: the copy's marks
    # promise his words. (Excusing it, tried on 2026-12-06, hid made-up quotations the
    # synthetic spinner makes out of reported speech.)
    source = (
        "Canada has just announced that they are putting a digital services tax on American "
        "technology companies, which is a direct and blatant attack on the United States, said "
        "Trump in a post on social media."
    )
    copy = (
        "“Canada has just announced that they are putting a digital services tax on American "
        "technology companies, which is a direct and blatant attack on the United States,” "
        "Trump wrote in a post on social media."
    )
    assert [f[:2] for f in quotes(copy, source, embed=True)] == [("quote_fabricated", "high")]


def test_a_phrase_of_the_sources_own_in_quote_marks_is_a_low_fabricated_quote() -> None:
    # Real form: AP on the Senate's vote-a-rama, spun: the copy quotes a word AP used plainly,
    # a term or irony ("the election was “fair”"), not someone's statement.
    source = "Senate Republicans are in the homestretch of passing the tax bill."
    copy = "Senate Republicans are in the “homestretch” of passing the tax bill."
    assert quotes(copy, source, embed=True) == [
        ("quote_fabricated", "low", "homestretch", "homestretch")
    ]
    # So is a phrase of up to five: on real pages "critically endangered", "outlaw groups"
    # and "foreseeable misuse of the system" in quote marks were all labelled faithful.
    assert quotes(
        copy.replace("“homestretch”", "“final homestretch”"),
        source.replace("the homestretch", "the final homestretch"),
        embed=True,
    ) == [("quote_fabricated", "low", "final homestretch", "final homestretch")]
    # Reuters on Syria (2025), spun: the ministry's term, quoted.
    source = (
        "Syria's defence ministry, in a statement carried by state news agency SANA, blamed "
        "outlaw groups in Sweida for breaching the truce."
    )
    copy = (
        "Syria's defence ministry, via state news agency SANA, attributed the collapse of the "
        "truce to “outlaw groups” in Sweida."
    )
    assert quotes(copy, source, embed=True) == [
        ("quote_fabricated", "low", "outlaw groups", "outlaw groups")
    ]
    # Words the source credits to others, put in the mouth of someone else, stay made up (a
    # review's counter-examples).
    for source, copy in (
        (
            "They say Hale lied to parliament about the contract, which he denies.",
            "Hale said he had “lied to parliament” about the contract.",
        ),
        (
            "Regulators said the toy was not safe for young children.",
            "Novex said the toy was “safe for young children”.",
        ),
    ):
        assert [f[:2] for f in quotes(copy, source, embed=True)] == [
            ("quote_fabricated", "high")
        ], copy
    # Given to a speaker the sentence names, or may mean by "he", it stays a lead.
    for source in (
        "Smith said the plan was a disaster for farmers, and Jones said he agreed.",
        "Prime Minister John Smith spoke on Monday. The plan was a disaster for farmers, he said.",
    ):
        copy = "Smith said the plan was “a disaster for farmers”."
        assert [f[:2] for f in quotes(copy, source, embed=True)] == [("quote_fabricated", "low")], (
            source
        )


def test_quote_marks_taking_in_the_sources_attribution_reword_nothing() -> None:
    # AP on Quincy Jones's death (2024), and a credited copy whose marks run over the "said".
    source = (
        '"Tonight, with full but broken hearts, we must share the news of our father and '
        'brother Quincy Jones\' passing," the family said in a statement. "And although this is '
        'an incredible loss for our family, we celebrate the great life that he lived."'
    )
    copy = (
        "“Tonight, with full but broken hearts, we must share the news of our father and "
        "brother Quincy Jones’ passing. The family said in a statement. And although this is an "
        "incredible loss for our family, we celebrate the great life that he lived.”"
    )
    assert quotes(copy, source, embed=True) == []
    reworded = copy.replace("the great life", "the wonderful life")
    assert [f[:2] for f in quotes(reworded, source, embed=True)] == [("quote_altered", "high")]


def test_a_speaker_described_by_title_names_no_other_speaker() -> None:
    source = '"We will not retreat," Putin said on Tuesday.'
    copy = '"We will not retreat," the Russian president said on Tuesday.'
    assert quotes(copy, source, embed=True) == []


def test_a_statement_from_elsewhere_is_not_a_fabricated_quote() -> None:
    # Reuters on Google's layoffs; the copy adds the company's own statement, which the
    # aligned source sentence only sums up: an addition, not the source's words in new marks.
    copy = (
        "Google cut jobs in its recruiting team this week. “Today we had a small number of role "
        "eliminations. Like all companies, we evaluate our business regularly,” a spokesperson "
        "said."
    )
    source = (
        "Google cut jobs in its recruiting team this week, the company said. The company had "
        "said in July that a small number of roles had been eliminated."
    )
    assert [f for f in quotes(copy, source) if f[0] == "quote_fabricated"] == []


def test_a_speaker_by_its_initials_is_the_same_speaker() -> None:
    # CNN on a car recall: "the NHTSA" is the National Highway Traffic Safety Administration.
    source = (
        "“The vehicles may be unsafe to drive,” The National Highway Traffic Safety "
        "Administration said in its recall notice on Tuesday."
    )
    copy = "“The vehicles may be unsafe to drive,” the NHTSA said in its recall notice on Tuesday."
    assert [f for f in quotes(copy, source, embed=True) if f[0] == "quote_misattributed"] == []


# --- quotations in sentences that only say the same fact (same_fact) --------------------------


# Paul O'Grady's husband's statement, as the Daily Mail quoted it.
OGRADY = "'I know that he would want me to thank you for all the love you have shown him over the years.'"


def test_a_quotation_reworded_in_a_same_fact_sentence_is_altered() -> None:
    copy = (
        "“I’m sure he’d want me to thank you for all of the love you’ve shown him over the years.”"
    )
    assert same_fact(copy, OGRADY, "quotes") == [
        (
            "quote_altered",
            "medium",
            "I’m sure he’d want me to thank you for all of the love you’ve shown him over the years.",
            "I know that he would want me to thank you for all the love you have shown him over the years.",
        )
    ]


def test_a_quotation_across_same_fact_sentences_reworded_is_altered() -> None:
    # One quotation in the copy, two in the source, each sentence saying what one of them says.
    source = "“Those heat waves are traveling slower and so slower,” Zhang said. “And the adverse impacts on our human society would be huge and increasing over the years.”"
    copy = "“These heat waves are moving much slower and slower. The negative impacts on our human society will be enormous and increasing over the years,” said Zhang."
    assert same_fact(copy, source, "quotes") == [
        (
            "quote_altered",
            "medium",
            "These heat waves are moving much slower and slower. The negative impacts on our human society will be enormous and increasing over the years,",
            "Those heat waves are traveling slower and so slower,” Zhang said. “And the adverse impacts on our human society would be huge and increasing over the years.",
        )
    ]


@pytest.mark.parametrize(
    ("copy", "source"),
    [
        # Another form of a word ("unsafely" for "unsafe"), an auxiliary dropped ("has").
        (
            "The recall says the system “may allow the vehicle to act unsafely around intersections,” the agency said.",
            "The recall says “the FSD Beta system may allow the vehicle to act unsafe around intersections,” the agency said.",
        ),
        (
            "“It is with great sadness that I inform you that Paul passed away unexpectedly but peacefully,” he said.",
            "“It is with great sadness that I inform you that Paul has passed away unexpectedly but peacefully,” he said.",
        ),
        # Another cut of words the speaker uses often, not the source's statement.
        (
            'Bernanke reiterated on Wednesday the Fed was "prepared to act as needed" to ensure credit market problems do not spread.',
            'Bernanke said the Fed would "act as needed to limit the adverse effects on the broader economy that may arise from the disruptions in financial markets."',
        ),
        # More of the statement than the source quotes, the source's quotation whole inside it.
        (
            "Jassy wrote: “This year's review has been more difficult given the uncertain economy and that we have hired rapidly over the last several years.”",
            "Jassy said annual planning “has been more difficult given the uncertain economy and that we’ve hired rapidly over the last several years.”",
        ),
        # ... and so where the source's page breaks off inside it (AP on Trump and Milei).
        (
            "Trump praised Milei in a post. He wrote: “Congratulations to Javier Milei on a great race for President of Argentina, I am very proud of you. You will turn your Country around!”",
            "Trump is now celebrating Argentina's newly elected president. He wrote: “I am very proud of you. You will turn your country aro",
        ),
    ],
)
def test_a_quotation_in_a_same_fact_sentence_kept_in_substance_is_no_finding(
    copy: str, source: str
) -> None:
    assert same_fact(copy, source, "quotes") == []


def test_another_quotation_beside_the_sources_quoted_words_unquoted_is_no_rewording() -> None:
    # BBC on Prince Harry's security case (2024), and a rewrite that gives the source's quoted
    # "working royal" unquoted and quotes the judge's words from a later version of the story.
    source = (
        "The Duke of Sussex had been trying to overturn a ruling which saw his security status "
        "downgraded after he stopped being a “working royal”."
    )
    copy = (
        "Since his security status was downgraded after he stopped being a working royal, the "
        "Duke of Sussex failed to overturn the ruling, as the court ruled that the decision was "
        "“neither unlawful nor irrational.”"
    )
    assert quotes(copy, source, embed=True) == []


def test_a_speakers_words_kept_unquoted_beside_a_new_quotation_is_still_a_rewording() -> None:
    # A statement is not a term: the copy keeps the minister's words and quotes others.
    source = (
        "Iran's foreign minister said on Sunday that Tehran would “respond decisively” to any "
        "attack on its territory."
    )
    copy = (
        "Iran's foreign minister said on Sunday that Tehran would respond decisively to any "
        "attack on its territory, vowing to “wipe the enemy off the map within days”."
    )
    assert [f[:2] for f in quotes(copy, source, embed=True)] == [("quote_altered", "high")]


def test_a_statement_in_capitals_of_the_sources_words_is_no_title() -> None:
    source = (
        "The president said officials had not stolen the election and urged his supporters to "
        "accept the results."
    )
    copy = (
        "The president wrote online: “THE ELECTION WAS STOLEN BY OFFICIALS, SUPPORTERS SHOULD "
        "NOT ACCEPT THE RESULTS”."
    )
    assert [f[:2] for f in quotes(copy, source, embed=True)] == [("quote_fabricated", "high")]


def test_an_abbreviations_periods_inside_a_quotation_are_house_style() -> None:
    # Reuters on Nayib Bukele's re-election (2024), reprinted: "9 p.m." printed "9 pm".
    source = "“See you at 9 p.m. in front of the National Palace,” Bukele wrote on X on Sunday."
    copy = "“See you at 9 pm in front of the National Palace,” Bukele wrote on X on Sunday."
    assert quotes(copy, source, embed=True) == []


def test_quote_marks_taking_in_a_word_beside_a_quoted_phrase_are_a_low_change() -> None:
    # PA on the Southport sentencing (2025), and a rewrite: the judge's "sadistic" quoted with
    # the noun beside it.
    source = "He was detained for life for the “sadistic” murders of three girls at a dance class."
    copy = "He was detained for life after the “sadistic attack” on three girls at a dance class."
    assert [f[:3] for f in quotes(copy, source, embed=True)] == [
        ("quote_altered", "low", "sadistic attack")
    ]


def test_a_word_respelled_two_ways_in_the_source_is_read_as_its_first() -> None:
    # Whichever comes first in the source's quotation, not the first of a set: the same
    # quotation must read the same in every run.
    for long in (["accommodate", "acomodate"], ["acomodate", "accommodate"]):
        assert _respelled([["to", "accomodate", "them"]], long) == [["to", long[0], "them"]]


def test_a_misspelling_put_right_inside_a_quotation_rewords_nothing() -> None:
    # AFP on the Nuseirat raid (2024), carried with "accomodate"; a rewrite spells it right.
    source = (
        "The ministry said hospitals were “unable to accomodate the number of martyrs and "
        "wounded”, officials said on Sunday."
    )
    copy = (
        "The ministry said hospitals were “unable to accommodate the number of martyrs and "
        "wounded”, officials said on Sunday."
    )
    assert quotes(copy, source, embed=True) == []
    # A letter swapped makes another word: "proscribed" is not "prescribed".
    said = "“The drug was prescribed to thousands of patients,” the regulator said on Monday."
    swapped = "“The drug was proscribed to thousands of patients,” the regulator said on Monday."
    assert [f[:2] for f in quotes(swapped, said, embed=True)] == [("quote_altered", "high")]


def test_a_quotation_credited_to_a_news_agency_is_not_given_to_another_speaker() -> None:
    # Reuters on Namibia's election (2024), and a rewrite that credits the quotation to the
    # agency that reported it.
    source = (
        "After the announcement of her victory, Nandi Ndaitwah said: “The Namibian nation has "
        "voted for peace and stability.”"
    )
    copy = (
        "Speaking after her victory, Nandi-Ndaitwah said, “The Namibian nation has voted for "
        "peace and stability,” according to Reuters."
    )
    assert quotes(copy, source, embed=True) == []


def test_a_quotation_an_outlet_reported_is_not_given_to_the_outlet() -> None:
    # AP on baby KJ Muldoon's gene editing (2025), and a rewrite that credits the expert's
    # words "according to" him and the report to the outlet it read them in.
    source = (
        "“This is the first step towards the use of gene editing therapies to treat a wide "
        "variety of rare genetic disorders,” said Dr. Kiran Musunuru, a University of "
        "Pennsylvania gene editing expert who co-authored the study."
    )
    copy = (
        "According to Dr. Kiran Musunuru, a University of Pennsylvania gene editing expert who "
        "co-authored the study, “This is the first step towards the use of gene editing "
        "therapies to treat a wide variety of rare genetic disorders,” US News reported."
    )
    assert quotes(copy, source, embed=True) == []
    # A person who reported them is another speaker.
    person = copy.replace("US News reported", "Senator Tom Cotton reported")
    assert [f[:2] for f in quotes(person, source, embed=True)] == [("quote_misattributed", "high")]
    # And an outlet that "reported" words whose speaker the copy no longer names took them:
    # a review's counter-example, the expert's words given to CNN.
    unnamed = (
        "“This is the first step towards the use of gene editing therapies to treat a wide "
        "variety of rare genetic disorders,” CNN reported on Thursday."
    )
    assert [f[:2] for f in quotes(unnamed, source, embed=True)] == [("quote_misattributed", "high")]


def test_quote_marks_around_the_sources_words_point_at_those_words() -> None:
    # The run is found with its small words ("of the"), so the source span is the words.
    source = "The probe found the system can lead to foreseeable misuse of the system by drivers."
    copy = "The probe found the system can lead to “foreseeable misuse of the system” by drivers."
    assert quotes(copy, source, embed=True) == [
        (
            "quote_fabricated",
            "low",
            "foreseeable misuse of the system",
            "foreseeable misuse of the system",
        )
    ]


@pytest.mark.parametrize(
    ("said", "written"),
    [("symptomatic", "asymptomatic"), ("promise", "promised"), ("1,000,000", "10,000,000")],
)
def test_a_letter_more_that_makes_another_word_is_a_rewording(said: str, written: str) -> None:
    source = f"“The patient was {said} when tested at the hospital,” the doctor said on Monday."
    copy = f"“The patient was {written} when tested at the hospital,” the doctor said on Monday."
    assert [f[:2] for f in quotes(copy, source, embed=True)] == [("quote_altered", "high")]


def test_a_negation_put_inside_a_quoted_word_is_a_rewording() -> None:
    source = "The minister called the deal “acceptable” in a statement on Monday."
    copy = "The minister called the deal “not acceptable” in a statement on Monday."
    assert [f[:2] for f in quotes(copy, source, embed=True)] == [("quote_altered", "high")]


def test_a_person_who_shares_an_outlets_name_is_another_speaker() -> None:
    source = "“We will not raise taxes this year, whatever happens,” Smith said on Monday."
    copy = "“We will not raise taxes this year, whatever happens,” Hill said on Monday."
    assert [f[:2] for f in quotes(copy, source, embed=True)] == [("quote_misattributed", "high")]


def test_officials_for_authorities_give_the_words_to_no_other_speaker() -> None:
    # AP on Rwanda's Marburg outbreak (2024), and a rewrite.
    source = "Authorities said: “The origin of the infection is still being investigated.”"
    copy = "Officials said: “The origin of the infection is still being investigated.”"
    assert quotes(copy, source, embed=True) == []


def test_per_cent_in_the_sources_prose_is_read_as_one_word() -> None:
    source = "Prices rose 5 per cent in March, the statistics office said on Tuesday."
    copy = "Prices rose “5 per cent in March”, the statistics office said on Tuesday."
    assert quotes(copy, source, embed=True) == [
        ("quote_fabricated", "low", "5 per cent in March", "5 per cent in March")
    ]


@pytest.mark.parametrize(
    ("copy", "source", "ours", "theirs"),
    [
        # AP on the Trump campaign's outreach (2020), spun: an organisation's name garbled.
        (
            "WASHINGTON — Selfies on a “Ladies for Trump” bus tour via Iowa.",
            'WASHINGTON (AP) — Selfies on a "Women for Trump" bus tour through Iowa.',
            "Ladies for Trump",
            "Women for Trump",
        ),
        # NBC on the budget bill (2025), spun: a programme's name.
        (
            "Johnson mentioned in an look on “Fox Information Sunday,” as he burdened the "
            "significance of the bill.",
            'Johnson said in an appearance on "Fox News Sunday," as he stressed the importance '
            "of the bill.",
            "Fox Information Sunday,",
            "Fox News Sunday,",
        ),
    ],
)
def test_a_name_in_quote_marks_worded_otherwise_is_a_changed_name_not_a_statement(
    copy: str, source: str, ours: str, theirs: str
) -> None:
    assert quotes(copy, source, embed=True) == [("quote_altered", "low", ours, theirs)]


@pytest.mark.parametrize(
    ("source", "copy"),
    [
        # A headline's quotation in capitals is someone speaking ...
        (
            "Mayor on the flood: “We Will Rebuild Better” after the storm, she said.",
            "Mayor on the flood: “We Will Rebuild Stronger” after the storm, she said.",
        ),
        # ... and so is a post in capitals, or one word a speaker called something.
        (
            "The president wrote that Republicans “MUST UNITE” behind the bill on Sunday.",
            "The president wrote that Republicans “MUST COME TOGETHER” behind the bill on Sunday.",
        ),
        (
            "The coach called the decision “Disgraceful” after the match on Monday.",
            "The coach called the decision “Shameful” after the match on Monday.",
        ),
        # A review's counter-examples: a claim, a chant, a forecast and a figure in capitals.
        (
            "Officials said that “Ukraine Will Win” the war this year.",
            "Officials said that “Ukraine Will Lose” the war this year.",
        ),
        (
            "Protesters chanted “Stop the Count” outside the election office in Detroit.",
            "Protesters chanted “Count Every Vote” outside the election office in Detroit.",
        ),
        (
            "The minister said the plan would bring “Total Economic Collapse” to the region.",
            "The minister said the plan would bring “Serious Economic Damage” to the region.",
        ),
        (
            "He said the attack killed “Ten Thousand Soldiers” near the city last week.",
            "He said the attack killed “Ten Soldiers” near the city last week.",
        ),
    ],
)
def test_a_statement_in_capitals_reworded_is_still_altered(source: str, copy: str) -> None:
    assert [f[:2] for f in quotes(copy, source, embed=True)] == [("quote_altered", "high")]


# A spin of the New York Times' story of the Nuseirat school strike (2024).
NYT_FLESH = "“The most painful thing I have ever experienced was picking up those pieces of flesh with my hands,” said Mr. Abu Ammar, a 27-year-old construction worker."


def test_a_quotation_that_drops_a_demonstrative_is_a_low_lead() -> None:
    copy = edit(NYT_FLESH, "picking up those pieces", "picking up pieces")
    assert quotes(copy, NYT_FLESH) == [
        (
            "quote_altered",
            "low",
            "The most painful thing I have ever experienced was picking up pieces of flesh with my hands,",
            "The most painful thing I have ever experienced was picking up those pieces of flesh with my hands,",
        )
    ]


def test_a_quotation_in_the_place_of_the_sources_rewords_it_however_few_words_it_shares() -> None:
    # Fortune on WeWork's bankruptcy (2023) and a spun copy: two quotations on each side, the
    # second rendering the source's second, so the first rewords the first ("sad" for
    # "disappointing"); it is not a quotation made up.
    source = (
        "A little over three weeks later, Neumann described WeWork's bankruptcy—filed for its "
        'U.S. and Canada operations—as "disappointing" but paid kudos to the business\'s '
        '"amazing team of mission-driven people."'
    )
    copy = (
        "A little over three weeks later, Neumann called WeWork’s bankruptcy — which included its "
        "US and Canadian operations — “sad” but credited the business with an “amazing team of "
        "people on a mission.”"
    )
    assert quotes(copy, source, embed=True) == [
        ("quote_altered", "high", "sad", "disappointing"),
        (
            "quote_altered",
            "high",
            "amazing team of people on a mission.",
            "amazing team of mission-driven people.",
        ),
    ]
    # With one quotation on the copy's side there is no place to go by: a word the source
    # never quotes, in quote marks, is a quotation made up.
    alone = copy.replace("with an “amazing team of people on a mission.”", "with its team.")
    assert quotes(alone, source, embed=True) == [("quote_fabricated", "high", "sad", source)]
    # Nor does a statement of its own in that place reword the source's word.
    own = copy.replace("“sad”", "“a fraud I was forced into”")
    assert quotes(own, source, embed=True)[0] == (
        "quote_fabricated",
        "high",
        "a fraud I was forced into",
        source,
    )


def test_a_quote_the_source_opens_with_two_apostrophes_keeps_its_speaker() -> None:
    # A review's counter-example: AP's feed quotes with '' ... ''; the second quotation is
    # Zelenskyy's, as the sentence before says, and the copy gives it to another man.
    source = "''We will fight on,'' Zelenskyy said. ''We have no other choice.''"
    copy = "“We will fight on,” Zelenskyy said. “We have no other choice,” said Andriy Yermak."
    assert quotes(copy, source) == [("quote_misattributed", "high", "Andriy Yermak", "Zelenskyy")]
