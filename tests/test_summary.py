"""Page kinds: how a page copied, from the shares of it made from its sources.

The figures are those of real pages in benchmarks/real (a spun copy of AP on the Hamas attack
rewritten in plain English; a Blackpool Gazette page lifting AP paragraphs on Matthew Perry).
"""

from __future__ import annotations

import pytest

from unspin.model import Finding, Summary
from unspin.summary import page_kind


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


NEGATION = Finding("negation_flipped", "high", (0, 3), 0, (0, 3), "the copy drops “not”")


@pytest.mark.parametrize(
    ("reuse", "verbatim", "copied", "findings", "kind"),
    [
        (0.03, 0.0, 0.02, [], "not a copy"),
        (0.90, 0.74, 0.74, [], "verbatim copy"),
        (0.90, 0.74, 0.74, [NEGATION], "spun copy"),
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


def test_two_sources_each_explaining_a_good_part_make_a_stitched_copy() -> None:
    assert page_kind(summary(0.8, 0.5, 0.6), [], [0.45, 0.35]) == "stitched copy"
