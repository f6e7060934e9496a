# ruff: noqa: E501 (news text, one paragraph a line, as the articles have it)
"""A body of people named by a common noun put for another. Real forms: a spun copy (2023) of
AP's story of a polar bear attack in Wales, Alaska, whose thesaurus made the Alaska State
Troopers "soldiers"."""

from __future__ import annotations

import pytest

from detect_pairs import runner_for
from unspin import Article
from unspin.detect import Comparison
from unspin.detect.bodies import body_swaps
from unspin.model import Alignment, SentenceMatch, SourceRef
from unspin.segmentation import segment

# The one rule, read by two detectors: a speaker swapped is a changed attribution, a body that
# acted a changed entity.
bodies = runner_for("entities", "attributions")


def test_troopers_who_said_it_made_soldiers_is_another_speaker() -> None:
    source = (
        "The bear was shot and killed by a local resident as it attacked the pair, troopers said."
    )
    copy = "The bear was shot dead by a local resident as it attacked the couple, soldiers said."
    assert bodies(copy, source, embed=True) == [
        ("attribution_changed", "medium", "soldiers", "troopers")
    ]


def test_troopers_who_act_made_soldiers_is_another_entity() -> None:
    source = "Troopers and the state Department of Fish and Game are planning to travel to Wales once weather allows for it, the dispatch said."
    copy = "The soldiers and the state Department of Fish and Game plan to travel to Wales once the weather permits, the dispatch said."
    assert bodies(copy, source, embed=True) == [
        ("entity_changed", "medium", "soldiers", "Troopers")
    ]


def test_a_synonym_within_one_body_is_no_change() -> None:
    source = "Troopers said they were working to notify family members."
    copy = "Police said they were working to notify family members."
    assert bodies(copy, source, embed=True) == []


def test_a_vague_word_for_the_body_is_no_change() -> None:
    source = "Troopers said they were working to notify family members."
    copy = "Officials said they were working to notify family members."
    assert bodies(copy, source, embed=True) == []


def test_a_body_the_source_names_elsewhere_in_the_sentence_is_no_swap() -> None:
    source = "Troopers said soldiers from a nearby base helped search the village for the bear."
    copy = "Soldiers from a nearby base helped troopers search the village for the bear, officials said."
    assert bodies(copy, source, embed=True) == []


def test_a_word_of_a_name_is_no_body() -> None:
    source = "The Alaska State Troopers said they were working to notify family members."
    copy = "The Alaska National Guard said it was working to notify family members."
    assert bodies(copy, source, embed=True) == []


def test_a_body_noun_that_modifies_the_next_is_no_body() -> None:
    # Real form: AP on the attempted coup in Bolivia (2024), and a copy's summing up.
    source = "After Zúñiga was handcuffed and forced into a police car, a triumphant Arce raised his clenched fist to the huge crowds."
    copy = "After the army general was handcuffed, a triumphant Arce raised his clenched fist to the huge crowds."
    assert bodies(copy, source, embed=True) == []


def merged(copy: str, source: str) -> list[tuple[str, str]]:
    """The body swaps when the copy's one sentence is aligned with all the source's (a
    paraphrase merging them), as (copy word, source word)."""
    copy_doc, source_doc = segment(Article(copy)), segment(Article(source))
    refs = tuple(SourceRef(0, j) for j in range(len(source_doc.sentences)))
    alignment = Alignment((SentenceMatch(0, "paraphrase", refs, 0.7),))
    (group,) = Comparison(copy_doc, [source_doc], alignment).changed_groups
    return [(c.lower, s.lower) for c, s, _ in body_swaps(group)]


def test_a_body_added_and_another_left_out_of_a_merged_sentence_is_no_swap() -> None:
    # Real form: a copy of Reuters on the Tempi train crash in Greece (2023), one sentence of
    # its own made from two of the source's.
    source = "Vehicles from the fire and ambulance services were sent to the scene from several nearby towns. Government officials said the army has been contacted to assist in the rescue."
    copy = "Emergency services arrived at the scene with assistance from police, fire and rescue and ambulance services from nearby towns."
    assert merged(copy, source) == []
    # The control: a body put where the source's stood is a swap.
    beside = "Emergency services arrived, and officials said police were contacted to assist."
    assert merged(beside, source) == [("police", "army")]


@pytest.mark.parametrize(
    ("copy", "source"),
    [
        # One body by two names (a review's pairs).
        (
            "The district attorney said the officer would not face charges.",
            "The prosecutor said the officer would not face charges.",
        ),
        (
            "Government lawyers said Bankman-Fried posed a flight risk and should stay in jail.",
            "Prosecutors said Bankman-Fried posed a flight risk and should stay in jail.",
        ),
        (
            "Paramilitary police patrolled the streets of Urumqi after the riots.",
            "Paramilitary troops patrolled the streets of Urumqi after the riots.",
        ),
        (
            "Two soldiers from the Household Cavalry were injured when their horses bolted in London.",
            "Two troopers from the Household Cavalry were injured when their horses bolted in London.",
        ),
    ],
)
def test_one_body_by_two_names_is_no_swap(copy: str, source: str) -> None:
    assert bodies(copy, source, embed=True) == []
