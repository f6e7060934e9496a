"""Coverage: unsourced_sentence (a copy sentence no source sentence supports, no source span;
medium, or low when it brings no name, figure or quotation of its own) and omitted_sentence (a
source sentence the copy leaves out, low, no copy span).

Not findings: sentences paraphrased, reordered, split in two or merged into one.
"""

from __future__ import annotations

import pytest

from detect_pairs import (
    AP_DENIED,
    AP_DIPLOMACY,
    AP_REASSURE,
    AP_REZNIKOV,
    SEED_DENIED,
    SEED_DIPLOMACY,
    SEED_REASSURE,
    SEED_REZNIKOV,
    ZINCOR,
    Found,
    edit,
    report,
    run,
    runner_for,
    same_fact,
)
from unspin.detect.base import Comparison
from unspin.detect.coverage import unsourced_sentences
from unspin.model import Alignment, Article, SentenceMatch, SourceRef
from unspin.segmentation import segment

AP_STORY = f"{AP_REASSURE}\n\n{AP_DENIED}\n\n{AP_DIPLOMACY}\n"
SEED_STORY = f"{SEED_REASSURE}\n\n{SEED_DENIED}\n\n{SEED_DIPLOMACY}\n"
# Sentences of the seed page with no AP original: a filler line and the page's boilerplate.
LOCALS = "Some locals are keeping a close eye on everything."
REPLY = "Leave A Reply"


coverage = runner_for("unsourced_sentences", "omitted_sentences")


def test_seed_filler_with_no_source_is_unsourced() -> None:
    copy = f"{SEED_REASSURE}\n\n{LOCALS}\n\n{SEED_DENIED}\n\n{SEED_DIPLOMACY}\n"
    assert coverage(copy, AP_STORY, embed=True) == [("unsourced_sentence", "medium", LOCALS, None)]


def test_seed_page_boilerplate_and_headings_add_no_claim() -> None:
    # "Leave A Reply", a subhead, a summary bullet: page furniture, not an unsourced claim.
    for line in (REPLY, "Investors Eye Fed Decision", "- Oil prices rise as the storm nears"):
        copy = f"{SEED_STORY}\n{line}\n"
        assert coverage(copy, AP_STORY, embed=True) == [], line


def test_an_unsourced_finding_names_no_source() -> None:
    copy = f"{SEED_STORY}\n\n{LOCALS}\n"
    findings = report(copy, AP_STORY, embed=True).findings
    (finding,) = [f for f in findings if f.type == "unsourced_sentence"]
    assert (finding.source, finding.source_span) == (None, None)


def test_a_paragraph_the_copy_leaves_out_is_omitted() -> None:
    copy = f"{SEED_REASSURE}\n\n{SEED_DIPLOMACY}\n"
    assert coverage(copy, AP_STORY, embed=True) == [("omitted_sentence", "low", None, AP_DENIED)]


def test_a_sentence_cut_from_a_wire_story_is_omitted() -> None:
    police = "Police were called but the fighting had ended by the time they arrived."
    copy = edit(ZINCOR, f" {police}", "")
    assert coverage(copy, ZINCOR) == [("omitted_sentence", "low", None, police)]


# --- not findings ------------------------------------------------------------------------------


def test_seed_paraphrases_are_all_sourced_and_cover_the_source() -> None:
    assert coverage(SEED_STORY, AP_STORY, embed=True) == []


def test_sentences_in_another_order_are_sourced() -> None:
    copy = f"{SEED_DIPLOMACY}\n\n{SEED_REASSURE}\n\n{SEED_DENIED}\n"
    assert coverage(copy, AP_STORY, embed=True) == []


def test_a_fragment_split_off_a_sentence_is_sourced() -> None:
    # The seed's Reznikov paragraph ends with a stray "Reznikov said."
    assert coverage(SEED_REZNIKOV, AP_REZNIKOV) == []


def test_two_sentences_merged_into_one_leave_nothing_out() -> None:
    copy = edit(
        ZINCOR,
        "Police were called but the fighting had ended by the time they arrived.\n\n"
        "A company spokesman said he had no idea of the cause of the fighting.",
        "Police were called but the fighting had ended by the time they arrived, and a company "
        "spokesman said he had no idea of the cause of the fighting.",
    )
    assert coverage(copy, ZINCOR) == []


def test_a_left_out_fragment_of_one_or_two_words_is_not_an_omission() -> None:
    # Wire factboxes break into debris like "3." or "RELIEF?": leaving it out omits no claim.
    source = f"{ZINCOR}\n\nRELIEF?"
    assert coverage(ZINCOR, source) == []


def unaligned(copy: str, source: str) -> list[Found]:
    """The coverage findings when the aligner matched no copy sentence (as on real pages whose
    rewrite is too loose for it), so the detector alone decides."""
    copy_doc, source_doc = segment(Article(copy)), segment(Article(source))
    alignment = Alignment(
        tuple(SentenceMatch(i, "unsourced") for i in range(len(copy_doc.sentences)))
    )
    findings = unsourced_sentences(Comparison(copy_doc, [source_doc], alignment))
    return [
        (f.type, f.severity, copy_doc.text[slice(*f.copy_span)], None)
        for f in findings
        if f.copy_span
    ]


def test_a_sentence_in_the_sources_words_is_not_unsourced() -> None:
    # Real copies sum up what the story says in its own words, spread over several of its
    # sentences ("In Israeli towns, there were dead Israeli civilians and Hamas fighters on the
    # streets."): nothing the source lacks, so nothing added, even when nothing aligns.
    source = (
        "Hamas militants stormed Israeli towns on Saturday, killing civilians. Israel declared "
        "war on Hamas. The bodies of Hamas fighters still lay in the streets of Sderot."
    )
    summary = (
        "In Israeli towns, there were dead Israeli civilians and Hamas fighters on the streets."
    )
    added = "Oil prices in Asia rose sharply on Tuesday as traders weighed the risks."
    assert unaligned(f"{summary} {added}", source) == [
        ("unsourced_sentence", "medium", added, None)
    ]


# From a real copy of Reuters' report of the 2023 Morocco earthquake, which split the toll of
# injured off the wire's long lede in words too few to align.
MOROCCO_LEDE = (
    "At least 820 people died, mostly in Marrakech and five provinces near the quake's "
    "epicentre, and another 672 people were injured, Morocco's Interior Ministry reported "
    "Saturday morning."
)


def test_a_sentence_giving_one_source_sentences_figures_is_not_unsourced() -> None:
    assert unaligned("There were also 672 injuries.", MOROCCO_LEDE) == []
    # Two figures tie a sentence however much of it is in its own words (5 of 7 here).
    assert unaligned("Moroccan authorities counted 820 dead and 672 wounded.", MOROCCO_LEDE) == []
    # Two figures tie it as well as one large one: "three hours over two days".
    source = (
        "Hunter stared straight ahead as the verdict was read after jury deliberations that "
        "lasted only three hours over two days in Wilmington, Delaware."
    )
    copy = "During the three-hour deliberation over two days, Hunter Biden kept a stoic look."
    assert unaligned(copy, source) == []


def test_a_sentence_with_a_figure_of_its_own_or_one_small_one_is_unsourced() -> None:
    missing = "Rescuers said 300 people were still missing in the Atlas Mountains."
    assert unaligned(missing, MOROCCO_LEDE) == [("unsourced_sentence", "medium", missing, None)]
    # "five" is in the source too, but a lone small figure ties a sentence to nothing.
    teams = "The Atlas region took part in five rescue drills."
    assert unaligned(teams, MOROCCO_LEDE) == [("unsourced_sentence", "medium", teams, None)]
    # 672 is the source's, 3,000 is not: the sentence brings a figure of its own.
    both = "Of the 672 people injured, 3,000 needed treatment in Agadir hospitals."
    assert unaligned(both, MOROCCO_LEDE) == [("unsourced_sentence", "medium", both, None)]
    # The source's figure, with a claim of its own around it (5 of its 6 words are new).
    soldiers = "Rescuers said 672 soldiers had been sent to the Atlas Mountains."
    assert unaligned(soldiers, MOROCCO_LEDE) == [("unsourced_sentence", "medium", soldiers, None)]
    # The same number is another figure in another unit.
    shares = "Shares of the company fell 15% after the announcement."
    jobs = "The company said it would cut 15 jobs at its Ohio plant on Monday."
    assert unaligned(shares, jobs) == [("unsourced_sentence", "medium", shares, None)]


def test_a_compound_of_the_sources_words_is_not_a_word_of_the_copys_own() -> None:
    # AFP on a landslide in Ethiopia (2024), and a spun copy that split the drive off the
    # sentence and joined its words with a hyphen: few words of its own, and the source
    # sentence's figure ties it there.
    source = (
        "Gofa zone is roughly 450 kilometres (270 miles) from the capital Addis Ababa, a drive "
        "of about 10 hours, and located north of the Maze National Park."
    )
    trip = "A 10-hour trip will get you there."
    assert unaligned(trip, source) == []
    # A compound with a part of its own is the copy's own word.
    flight = "A 10-minute flight will get you there."
    assert unaligned(flight, source) == [("unsourced_sentence", "medium", flight, None)]


def test_a_compound_joining_the_sources_words_anew_brings_what_they_lack() -> None:
    # A review's counter-examples: a date the source lacks, and a figure joined to a unit the
    # source has apart ("10 a.m.", "an hour"), are the copy's own.
    source = (
        "Police said the long standoff with the gunman ended after an hour. Officers arrived "
        "at 10 a.m. and evacuated families from nearby homes on Thursday."
    )
    for added in ("The hour-long standoff ended on Friday.", "It was a 10-hour standoff."):
        assert unaligned(added, source) == [("unsourced_sentence", "medium", added, None)]


# Modelled on a real spun copy of CNN's report of a Turkish earthquake survivor's phone call,
# which retold a sentence of the source in its own words, past what the aligner matches.
AVCI = (
    "Crying in disbelief, his friend replies on the phone: “Everyone is well, they are all "
    "waiting for you.” Mustafa Avci, 33, was pulled from the rubble of a collapsed hospital in "
    "Hatay province."
)


def test_a_sentence_with_nothing_of_its_own_to_check_is_a_low_finding() -> None:
    # No name, figure or quotation the source lacks, and most of its words the source's: as
    # often a loose retelling as an addition, so no medium-severity accusation.
    retold = (
        "The unnamed friend of the survivor is distraught as he reassures Avci that everyone "
        "is well."
    )
    assert unaligned(retold, AVCI) == [("unsourced_sentence", "low", retold, None)]


def test_a_sentence_bringing_a_name_figure_date_or_quotation_of_its_own_stays_medium() -> None:
    name = "His friend Mehmet said the survivor's family was waiting for him at the hospital."
    # One word of the name is the source's, the other is not: another person.
    surname = "His friend Ali Avci said the survivor's family was waiting at the hospital."
    figure = "His friend said the survivor's 12 relatives were waiting for him at the hospital."
    date = "His friend said on Tuesday that the survivor's family was waiting at the hospital."
    quotation = "“All of the family is waiting for you,” his friend tells the survivor."
    for added in (name, surname, figure, date, quotation):
        assert unaligned(added, AVCI) == [("unsourced_sentence", "medium", added, None)], added


def test_a_sentence_inside_a_longer_quotation_is_a_quotation() -> None:
    # Its words are put in the speaker's mouth though it has no quote mark of its own.
    copy = (
        "His friend replies: “Everyone is well. Your friend is with the family and safe. "
        "They are all waiting for you.”"
    )
    middle = "Your friend is with the family and safe."
    assert ("unsourced_sentence", "medium", middle, None) in unaligned(copy, AVCI)


# --- a retold fact carrying a quotation from elsewhere ----------------------------------------

# A sheriff's office statement (AP) and a page's sentence retelling it with a search
# warrant's words in quote marks (signalscv.com, 2025): the fact is the source's, the quotation
# is not.
SHERIFF = "Investigators said the deaths of the couple were suspicious."
WARRANT = (
    "A search warrant said the deaths were “suspicious enough in nature to require a thorough "
    "search and investigation.”"
)


def test_a_retold_fact_quoting_words_no_source_has_is_unsourced_at_the_quotation() -> None:
    assert same_fact(WARRANT, SHERIFF, "unsourced_sentences") == [
        (
            "unsourced_sentence",
            "medium",
            "suspicious enough in nature to require a thorough search and investigation.",
            None,
        )
    ]


def test_a_retold_fact_quoting_the_sources_own_words_adds_no_quotation() -> None:
    # Putin on the Crimea bridge blast (Reuters): the page puts in quote marks what the wire
    # reported him saying; whether those are his words is the quotes detector's question.
    source = (
        "Putin said the Ukrainian secret services were the authors, perpetrators and sponsors "
        "of the blast on the bridge."
    )
    copy = '"The authors, perpetrators and sponsors are the Ukrainian secret services," Putin said.'
    assert same_fact(copy, source, "unsourced_sentences") == []


@pytest.mark.parametrize(
    ("source", "copy"),
    [
        (
            "Kristofferson wrote some of the best-known songs of his time.",
            'Kristofferson wrote "Help Me Make It Through the Night" and other standards.',
        ),
        (  # AP on the TikTok law, retold with the law's name in quote marks
            "Congress passed a law forcing ByteDance to sell TikTok or see it banned.",
            "Congress passed the “Protecting Americans from Foreign Adversary Controlled "
            "Applications Act,” forcing a sale of TikTok.",
        ),
    ],
)
def test_a_title_in_quote_marks_is_no_added_quotation(source: str, copy: str) -> None:
    assert same_fact(copy, source, "unsourced_sentences") == []


def test_a_spinners_rewording_of_the_sources_quotation_is_no_added_quotation() -> None:
    # An analyst's words (AP) through an article spinner (xnews, 2024): most words swapped, but
    # the quotation is the source's, reworded; the quotes detector judges it.
    source = (
        "“You got to make sure you know you’re doing well enough with all of them so that it "
        "adds up to a winning coalition,” Kondik said."
    )
    copy = (
        "“You wish to be sure you know that you’re doing nicely sufficient with all of them in "
        "order that it provides as much as a profitable coalition,” Kondik mentioned."
    )
    assert same_fact(copy, source, "unsourced_sentences") == []


def test_a_short_form_of_a_name_the_source_gives_in_full_is_not_the_copys_own() -> None:
    # Reuters on OPEC+ cuts and a spun copy (deltaseefor.org, 2023) that splits the sentence:
    # "the US" is the source's "the United States", no name of the copy's own.
    source = (
        "Saudi Arabia and other OPEC+ oil producers announced further oil output cuts of around "
        "1.16 million barrels per day, in a surprise move that analysts said would cause an "
        "immediate rise in prices and the United States called inadvisable."
    )
    added = (
        "Analysts predicted an immediate increase in prices, and the US deemed the action unwise."
    )
    copy = (
        "Saudi Arabia and other OPEC+ oil producers, on Sunday, unexpectedly announced additional "
        f"cuts to oil production of around 1.16 million barrels per day. {added}"
    )
    assert coverage(copy, source, embed=True) == [("unsourced_sentence", "low", added, None)]


# AFP on Giorgia Meloni a year after her election (2023), and a spun copy: a statement of two
# sentences reworded past aligning the second.
MELONI_SOURCE = (
    "Italian Prime Minister Giorgia Meloni has admitted she had hoped to do better on "
    "controlling irregular migration.\n\n"
    '"The results are not what we hoped to see. It is certainly a very complex problem, but '
    "I'm sure we'll get to the bottom of it,\" she said in an interview broadcast late Saturday."
)
MELONI_COPY = (
    "Italian Prime Minister Giorgia Meloni has admitted she had hoped to do better on "
    "controlling irregular migration.\n\n"
    "“The results are not what we hoped to see in the end. Undoubtedly, it is an exceedingly "
    "intricate issue, but I am confident that we will delve deeper into it,” Meloni added."
)


def test_the_rest_of_a_sourced_quotation_is_not_an_added_sentence() -> None:
    found = coverage(MELONI_COPY, MELONI_SOURCE, embed=True)
    assert [f for f in found if f[0] == "unsourced_sentence"] == []
    altered = run(MELONI_COPY, MELONI_SOURCE, ["quote_altered"], embed=True)
    assert [(f[0], f[1]) for f in altered] == [("quote_altered", "high")]
    assert "delve deeper" in (altered[0][2] or "")


# AP on the 2025 nightclub fire in North Macedonia: a father's statement of two sentences, and a
# spun copy that merged the first with the sentence's photograph and moved the second out.
STOJANOV_SOURCE = (
    "“Thank you for your condolences, but my pain is incurable. The wound is incurable,” "
    "Stojanov said, holding up a photograph of his son, clean-shaven and wearing a suit jacket."
)
STOJANOV_COPY = (
    "Holding a photo of his son in a suit jacket, Stojanov said sorrowfully, “Thank you for "
    "your condolences, but my pain is incurable. This wound cannot be healed.”"
)


def test_the_rest_of_a_quotation_moved_out_of_a_merged_sentence_is_not_added() -> None:
    # The aligner says the opening sentence retells both source sentences (same_fact), and
    # leaves the quotation's second sentence unsourced.
    def unsourced(copy: str) -> list[str]:
        copy_doc, source_doc = segment(Article(copy)), segment(Article(STOJANOV_SOURCE))
        assert len(source_doc.sentences) == 2
        retold = SentenceMatch(0, "same_fact", (SourceRef(0, 0), SourceRef(0, 1)), 0.7)
        rest = (SentenceMatch(i, "unsourced") for i in range(1, len(copy_doc.sentences)))
        comparison = Comparison(copy_doc, [source_doc], Alignment((retold, *rest)))
        return [copy[slice(*f.copy_span)] for f in unsourced_sentences(comparison)]

    assert unsourced(STOJANOV_COPY) == []
    # A third sentence runs the statement on past the source's two: added.
    longer = STOJANOV_COPY.replace("healed.”", "healed. We will never forget him.”")
    assert unsourced(longer) == ["We will never forget him.”"]
    # The opening retold both sentences; one sharing no word with them is the copy's own (a
    # review's counter-example).
    threat = STOJANOV_COPY.replace(
        "but my pain is incurable. This wound cannot be healed.”",
        "but my pain is incurable, the wound is incurable. The club's owners will pay for this "
        "with their lives.”",
    )
    assert unsourced(threat) == ["The club's owners will pay for this with their lives.”"]


def test_an_added_sentence_after_a_retold_quotation_is_added() -> None:
    # A review's counter-example: the opening retells (same_fact) the first sentence of a
    # statement of two; the copy's second shares no word with the source's second.
    source = (
        "“We have done everything we could to find them. The search will resume at first "
        "light,” police chief Marko Petrovic said on Sunday."
    )
    copy = (
        "Police chief Marko Petrovic said on Sunday: “We did all we possibly could to find "
        "them. Those responsible for this massacre will be hunted down and shot.”"
    )
    copy_doc, source_doc = segment(Article(copy)), segment(Article(source))
    matches = (
        SentenceMatch(0, "same_fact", (SourceRef(0, 0),), 0.7),
        SentenceMatch(1, "unsourced"),
    )
    comparison = Comparison(copy_doc, [source_doc], Alignment(matches, (SourceRef(0, 1),)))
    found = [copy[slice(*f.copy_span)] for f in unsourced_sentences(comparison)]
    assert found == ["Those responsible for this massacre will be hunted down and shot.”"]


def test_a_quotation_run_on_past_the_sources_is_added_where_it_runs_on() -> None:
    copy = MELONI_COPY.replace(
        "delve deeper into it,” Meloni added.",
        "delve deeper into it. Ships carrying migrants will be seized at sea by the navy,” "
        "Meloni added.",
    )
    found = coverage(copy, MELONI_SOURCE, embed=True)
    assert [f[:3] for f in found if f[0] == "unsourced_sentence"] == [
        (
            "unsourced_sentence",
            "medium",
            "Ships carrying migrants will be seized at sea by the navy,” Meloni added.",
        )
    ]


def test_a_sentence_after_a_sourced_quotation_is_judged_alone() -> None:
    # Outside the quotation, a sentence the source lacks is still added.
    copy = MELONI_COPY + "\n\nShe plans to visit Tunisia with 300 officials next month."
    found = coverage(copy, MELONI_SOURCE, embed=True)
    unsourced = [f[:2] for f in found if f[0] == "unsourced_sentence"]
    assert unsourced == [("unsourced_sentence", "medium")]


def test_sentences_that_lengthen_a_quotation_past_the_sources_end_are_added() -> None:
    # AP on Lisa Marie Presley's death (2023), and a page that runs her mother's statement on
    # past where AP's quotation of it ends.
    source = (
        "Lisa Marie Presley, Elvis' only daughter, died Thursday after being hospitalized.\n\n"
        "“It is with a heavy heart that I must share the devastating news that my beautiful "
        "daughter Lisa Marie has left us,” Priscilla Presley said in a statement."
    )
    copy = (
        "Lisa Marie Presley, Elvis' only daughter, died Thursday after being hospitalized.\n\n"
        "“It is with a heavy heart that I must share the devastating news that my beautiful "
        "daughter Lisa Marie has left us. We ask for privacy as we try to deal with this "
        "profound loss. Thank you for the love and prayers. At this time there will be no "
        "further comment,” Priscilla said."
    )
    unsourced = [f[:3] for f in coverage(copy, source, embed=True) if f[0] == "unsourced_sentence"]
    assert unsourced == [
        (
            "unsourced_sentence",
            "medium",
            "We ask for privacy as we try to deal with this profound loss.",
        ),
        ("unsourced_sentence", "medium", "Thank you for the love and prayers."),
        (
            "unsourced_sentence",
            "medium",
            "At this time there will be no further comment,” Priscilla said.",
        ),
    ]
