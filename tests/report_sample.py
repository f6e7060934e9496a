"""A small hand-built Report (an AP-style story, a Reuters one, and a spun copy of both).

Shared by the report tests; built by hand so they do not depend on the segmenter or aligner.
Every span is found with `_at`, which insists the quoted words occur exactly once.
"""

from __future__ import annotations

import os
from collections import Counter

from repo_paths import GOLDEN
from unspin.model import (
    Alignment,
    Article,
    Doc,
    Finding,
    Report,
    Sentence,
    SentenceMatch,
    Source,
    SourceRef,
    Summary,
)

AP = (
    "KYIV, Ukraine (AP) — The United States has put 8,500 troops on heightened alert for "
    "potential deployment to Eastern Europe, the Pentagon said Monday. Russia has denied it is "
    "planning an assault. “We are not going to invade anyone,” Deputy Foreign Minister Sergei "
    "Ryabkov told reporters.\n\n"
    "NATO said it was sending additional ships and fighter jets to the region. The Pentagon said "
    "no decision on deployment had been made."
)
REUTERS = (
    "LONDON (Reuters) — Britain said on Monday it was withdrawing some staff and dependants "
    "from its embassy in Kyiv."
)
COPY = (
    "The US has placed up to 50,000 soldiers on high alert for a possible deployment to Eastern "
    "Europe, the Pentagon revealed on Tuesday. Russia has denied it is planning an assault. "
    "“We will never invade anyone,” Ryabkov told reporters.\n\n"
    "Experts warn the crisis could spiral into the worst war in Europe since 1945. NATO is "
    "sending extra ships and jets, and Britain is pulling staff out of its Kyiv embassy."
)


def _at(text: str, words: str, after: str = "") -> tuple[int, int]:
    """The span of `words` in `text` (searched from the end of `after`, if given)."""
    start = text.index(after) + len(after) if after else 0
    i = text.index(words, start)
    assert after or text.count(words) == 1, f"{words!r} is not unique"
    return i, i + len(words)


def _sentences(text: str, firsts: list[str]) -> tuple[Sentence, ...]:
    """Sentences starting at each of `firsts` and ending at the next sentence-final mark."""
    out = []
    for words in firsts:
        start = text.index(words)
        end = min(text.index(mark, start) for mark in (".", "?") if mark in text[start:]) + 1
        out.append(Sentence(start, end, text.count("\n\n", 0, start)))
    return tuple(out)


def sample_report(
    copy_text: str = COPY,
    title: str = "US puts 50,000 troops on alert",
    url: str = "https://spun.example/us-troops",
) -> Report:
    """The sample report; `copy_text` may replace the copy if it keeps COPY's sentences' words."""
    ap = Doc(
        Article(
            AP,
            title="US puts 8,500 troops on alert as Russia denies invasion plans",
            url="https://apnews.com/article/russia-ukraine",
            date="2022-01-24",
            author="Lolita C. Baldor",
            site="AP News",
        ),
        _sentences(AP, ["KYIV", "Russia has", "“We are", "NATO said", "The Pentagon said no"]),
    )
    reuters = Doc(
        Article(
            REUTERS,
            title="UK withdraws some embassy staff from Ukraine",
            url="https://www.reuters.com/world/uk-embassy",
            date="2022-01-24",
            site="Reuters",
        ),
        # "Kyiv." is the only sentence end: "(Reuters)" has no full stop.
        (Sentence(0, len(REUTERS), 0),),
    )
    copy = Doc(
        Article(copy_text, title=title, url=url, date="2022-01-25", site="Daily Spin", id="copy-1"),
        _sentences(copy_text, ["The US", "Russia has", "“We will", "Experts", "NATO is"]),
    )
    alignment = Alignment(
        matches=(
            SentenceMatch(0, "paraphrase", (SourceRef(0, 0),), 0.712),
            SentenceMatch(1, "verbatim", (SourceRef(0, 1),), 1.0),
            SentenceMatch(2, "paraphrase", (SourceRef(0, 2),), 0.78049),
            SentenceMatch(3, "unsourced", (), 0.21),
            SentenceMatch(4, "paraphrase", (SourceRef(0, 3), SourceRef(1, 0)), 0.6),
        ),
        omitted=(SourceRef(0, 4),),
    )
    c, a = copy_text, AP
    quote_c = _at(c, "We will never invade anyone")
    quote_a = _at(a, "We are not going to invade anyone")
    findings = (
        Finding(
            "number_changed",
            "high",
            _at(c, "50,000"),
            0,
            _at(a, "8,500"),
            "The copy says 50,000 soldiers where the source says 8,500 troops.",
        ),
        Finding(
            "loaded_wording",
            "low",
            _at(c, "revealed"),
            0,
            _at(a, "said", "Pentagon "),
            "“said” became “revealed”, which suggests a secret was exposed.",
        ),
        Finding(
            "time_changed",
            "medium",
            _at(c, "Tuesday"),
            0,
            _at(a, "Monday"),
            "The day moved from Monday to Tuesday.",
        ),
        Finding(
            "quote_altered",
            "high",
            quote_c,
            0,
            quote_a,
            "The quotation's words differ from the source's.",
        ),
        # Overlaps the quote_altered span: the renderers must nest, not break, the markup.
        Finding(
            "certainty_shifted",
            "medium",
            _at(c, "will never invade"),
            0,
            _at(a, "are not going to invade"),
            "“not going to” hardened into “never”.",
        ),
        Finding(
            "attribution_changed",
            "low",
            _at(c, "Ryabkov told"),
            0,
            _at(a, "Deputy Foreign Minister Sergei Ryabkov told"),
            "The speaker lost his title, Deputy Foreign Minister.",
        ),
        Finding(
            "unsourced_sentence",
            "medium",
            (copy.sentences[3].start, copy.sentences[3].end),
            None,
            None,
            "No source sentence says this.",
        ),
        Finding(
            "omitted_sentence",
            "medium",
            None,
            0,
            (ap.sentences[4].start, ap.sentences[4].end),
            "The copy leaves out that no deployment decision had been made.",
        ),
    )
    return Report(
        copy=copy,
        sources=(
            Source(ap, "ap", 0.93, 0.8, parts=((0, 1),)),
            Source(reuters, "reuters", 0.61234, 0.2, parts=((2, 2),)),
        ),
        alignment=alignment,
        findings=findings,
        summary=Summary(
            reuse_share=0.7712,
            verbatim_share=0.1634,
            paraphrase_share=0.6078,
            unsourced_share=0.22881,
            copied_share=0.41,
            source_coverage=0.70125,
            fidelity=0.25,
            counts=dict(Counter(f.type for f in findings)),
            verdict="Rewritten from AP with a changed number, an altered quote and a shifted date.",
            kind="stitched copy",
        ),
    )


def check_golden(name: str, actual: str) -> None:
    """Compare with tests/golden/<name>; UNSPIN_REGEN_GOLDEN=1 rewrites the file instead."""
    path = GOLDEN / name
    if os.environ.get("UNSPIN_REGEN_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == actual, f"{name} changed (see UNSPIN_REGEN_GOLDEN)"
