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
