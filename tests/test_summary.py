"""Page kinds: how a page copied, from the shares of it made from its sources.

The figures are those of real pages in benchmarks/real (a spun copy of AP on the Hamas attack
rewritten in plain English; a Blackpool Gazette page lifting AP paragraphs on Matthew Perry).
"""

from __future__ import annotations

import pytest

from unspin import compare
from unspin.model import Article, Finding, Summary
from unspin.segmentation import segment
from unspin.summary import copied_part, copied_share, page_kind, unquoted_copied_share


def summary(reuse: float, verbatim: float, copied: float) -> Summary:
    return Summary(
        reuse_share=reuse,
        verbatim_share=verbatim,
        paraphrase_share=reuse - verbatim,
        unsourced_share=1 - reuse,
        copied_share=copied,
        source_coverage=0.5,
        fidelity=1.0,
        counts={},
        verdict="",
    )


NEGATION = Finding("negation_flipped", "low", (0, 3), 0, (0, 3), "the copy drops “not”")
# Low (no accusation: right in fewer than half of real cases), but a change of wording.
SWAP = Finding("entity_changed", "low", (0, 3), 0, (0, 5), "the copy names “Ohio” ...")
# A quotation reworded in a word's form (a spun page on burzak.com): low, but no word-for-word copy.
REFORMED = Finding("quote_altered", "low", (0, 9), 0, (0, 10), "the quotation changes the form")
# A verb of saying charged ("claimed" for "said"): low, as often a synonym, but a word swapped.
CLAIMED = Finding("loaded_wording", "low", (0, 7), 0, (0, 4), "the copy says “claimed” ...")


@pytest.mark.parametrize(
    ("reuse", "verbatim", "copied", "findings", "kind"),
    [
        (0.03, 0.0, 0.02, [], "not a copy"),
        (0.90, 0.74, 0.74, [], "verbatim copy"),
        (0.90, 0.74, 0.74, [NEGATION], "spun copy"),
        (0.90, 0.74, 0.74, [SWAP], "spun copy"),
        (0.90, 0.74, 0.74, [REFORMED], "spun copy"),
        (0.90, 0.74, 0.74, [CLAIMED], "spun copy"),
        # Lifts a few paragraphs word for word and adds its own.
        (0.24, 0.19, 0.18, [], "partial copy"),
        # Reworded throughout: little of it provably made from the source, none word for word.
        (0.27, 0.0, 0.05, [], "spun copy"),
        (0.70, 0.04, 0.26, [], "spun copy"),
    ],
)
def test_page_kind(
    reuse: float, verbatim: float, copied: float, findings: list[Finding], kind: str
) -> None:
    assert page_kind(summary(reuse, verbatim, copied), findings, [reuse]) == kind


# Reuters on Peru's president removed (2025), and pages of their own around parts of it.
PERU = (
    "LIMA, Peru (Reuters) - Peru's Congress voted early on Friday to remove President Dina "
    "Boluarte from office. Jose Jeri, the head of Congress, was sworn in as the country's new "
    "president hours later. “We must declare war on crime.” Boluarte had faced a wave of "
    "protests over rising crime and extortion in the capital. Her approval rating had fallen "
    "to single digits in recent polls."
)
PAGE_OF_ITS_OWN = (
    "The Andean nation has had seven presidents in under a decade, a record few democracies "
    "share. Analysts in Lima expect the new leader to face the same fractious legislature that "
    "toppled his predecessor. Markets barely moved on the news, with the sol trading flat "
    "against the dollar. Street vendors in the capital say they pay gangs a weekly fee just to "
    "keep their stalls open. Tourism operators worry that the turmoil will keep foreign "
    "visitors away during the high season. Hotel owners in Cusco reported a wave of "
    "cancellations from European travel agencies this week. Farmers in the south blocked a "
    "highway for several hours on Thursday over fertilizer prices."
)


def test_a_page_that_lifts_a_sentence_of_prose_is_a_partial_copy() -> None:
    lifted = (
        "Jose Jeri, the head of Congress, was sworn in as the country's new president hours "
        f"later. {PAGE_OF_ITS_OWN}"
    )
    assert compare(Article(lifted), Article(PERU)).summary.kind == "partial copy"


def test_a_reworded_page_quoting_the_same_statement_word_for_word_is_spun_not_partial() -> None:
    # Eight spun pages of the real-page set were once called partial copies for a quotation
    # (or a heading) both give word for word: the statement, not the source's prose.
    reworded = (
        "Peru's Congress voted early Friday to oust President Dina Boluarte from her post. "
        "Jose Jeri, head of the Congress, was sworn in as the nation's new president hours "
        f"later. “We must declare war on crime.” {PAGE_OF_ITS_OWN}"
    )
    report = compare(Article(reworded), Article(PERU))
    assert report.summary.verbatim_share > 0
    assert report.summary.reuse_share < 0.3
    assert report.summary.kind == "spun copy"


# The seed's AP story, a sentence of it with a spinner's synonyms, and in another house style.
AID = (
    "Equipment and ammunition from the United States are slated to arrive in Ukraine on "
    "Tuesday as part of a $200 million package of security aid. Some locals are keeping a "
    "close eye on everything, and the U.S. defense officials said two more flights would follow."
)
AID_SWAPPED = (
    AID.replace("slated", "scheduled").replace("package", "bundle").replace("locals", "residents")
)
AID_HOUSE_STYLE = (
    AID.replace("U.S.", "US")
    .replace("defense", "defence")
    .replace("two", "2")
    .replace("the United States", "the US")
    .replace("Tuesday", "Tues.")
)


def test_a_page_that_swaps_words_for_synonyms_is_spun_not_verbatim() -> None:
    swapped = compare(Article(AID_SWAPPED), Article(AID), encoder=None).summary
    assert swapped.copied_share >= 0.6  # most of its wording is the source's ...
    assert swapped.kind == "spun copy"  # ... but it swapped three words in forty for others
    assert compare(Article(AID_HOUSE_STYLE), Article(AID), encoder=None).summary.kind == (
        "verbatim copy"  # house style is no swap
    )


def test_two_sources_each_explaining_a_good_part_make_a_stitched_copy() -> None:
    assert page_kind(summary(0.8, 0.5, 0.6), [], [0.45, 0.35]) == "stitched copy"


# AFP on Shane Warne, and another outlet's own report that quotes the same statement.
WARNE_AFP = (
    "Australia great Shane Warne has died of a suspected heart attack, according to a statement "
    "from his management company. He was 52. “Shane was found unresponsive in his villa and "
    "despite the best efforts of medical staff, he could not be revived,” it added. “The family "
    "requests privacy at this time and will provide further details in due course.”"
)
WARNE_OWN_REPORT = (
    "Cricket mourns a legend after the spin bowler's sudden death in Thailand on Friday. "
    "“Shane was found unresponsive in his villa and despite the best efforts of medical staff, "
    "he could not be revived,” his managers said. “The family requests privacy at this time and "
    "will provide further details in due course.”"
)


def test_shared_quotations_are_no_copied_wording() -> None:
    copy, source = segment(Article(WARNE_OWN_REPORT)), segment(Article(WARNE_AFP))
    assert copied_share(copy, [source]) > 0.5
    assert unquoted_copied_share(copy, source.text) == 0.0
    assert not copied_part(((0, 3),), unquoted_copied_share(copy, source.text))


def test_prose_lifted_word_for_word_is_copied_wording() -> None:
    lifted = (
        "Shane Warne has died of a suspected heart attack, according to a statement from his "
        "management company. He was 52."
    )
    copy, source = segment(Article(lifted)), segment(Article(WARNE_AFP))
    assert unquoted_copied_share(copy, source.text) == 1.0
    assert copied_part(((0, 1),), unquoted_copied_share(copy, source.text))
