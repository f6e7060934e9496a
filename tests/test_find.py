"""Finding a copy's sources in a corpus, and `check`: the report over what was found.

The corpus is the bundled demo corpus (500 Reuters-21578 stories of 1987); copies are made
from its stories by the spinner of unspin.testing, by stitching, and by syndication."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import jsonschema
import pytest

from repo_paths import CORPUS_SAMPLE, DOCS, SEED_PAGE
from unspin import check, report_to_dict
from unspin.corpus import Corpus
from unspin.find import (
    CHUNK_FIRSTS,
    FIRST_ROUND,
    RERANKED,
    SOURCE_THRESHOLD,
    find_sources,
    not_made_from,
    rank,
)
from unspin.model import Article
from unspin.testing import spin


def sample() -> dict[str, Article]:
    with CORPUS_SAMPLE.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    return {
        r["id"]: Article(r["text"], title=r["title"], date=r["date"], site=r["site"], id=r["id"])
        for r in rows
    }


STORIES = sample()
JURY = STORIES["reuters21578/192"]  # "JURY FINDS FOR DOW IN BIRTH DEFECT CASE", 1987-02-26
MARCOS = STORIES["reuters21578/5163"]  # "PANEL HEAD SAYS MARCOS STILL CONTROLS LARGE FUNDS"
JOBS = STORIES["reuters21578/2618"]  # "FEBRUARY U.S. JOBS GAINS SHOW STRONGER ECONOMY"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    corpus = Corpus()
    corpus.add(STORIES.values())
    return corpus


def stitched(first: Article, second: Article) -> Article:
    """The first half of one story's paragraphs, then the first half of another's."""
    a, b = first.text.split("\n\n"), second.text.split("\n\n")
    text = "\n\n".join(a[: len(a) // 2] + b[: len(b) // 2])
    return Article(text, title="Two stories in one", date="1987-04-30")


@pytest.mark.parametrize("intensity", ["light", "medium", "heavy"])
def test_a_spun_copy_finds_its_story_first(corpus: Corpus, intensity: str) -> None:
    for seed, story in enumerate((JURY, MARCOS, JOBS)):
        copy = spin(story, seed=seed, intensity=intensity).copy
        best, *_ = rank(copy, corpus, k=5)
        assert best.id == story.id
        assert best.score >= SOURCE_THRESHOLD


def test_stories_stored_with_their_stems_rank_as_stories_read_afresh(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The corpus stores each sentence's stems when a story is added; a corpus built before
    # (sentence_stems None) reads them at check time. Both must judge every candidate alike.
    copies = [spin(story, seed=7, intensity="heavy").copy for story in (JURY, MARCOS, JOBS)]
    copies.append(spin(stitched(MARCOS, JOBS), seed=4, intensity="medium").copy)
    stored = [rank(copy, corpus, k=8) for copy in copies]
    assert all(s.sentence_stems is not None for s in corpus.load([1, 2, 3]))
    load = corpus.load
    monkeypatch.setattr(
        corpus, "load", lambda keys: [replace(s, sentence_stems=None) for s in load(keys)]
    )
    afresh = [rank(copy, corpus, k=8) for copy in copies]
    assert stored == afresh


def test_a_stitched_copy_finds_both_stories_with_their_shares(corpus: Corpus) -> None:
    copy = spin(stitched(MARCOS, JOBS), seed=4, intensity="medium", distortions=0).copy
    report = check(copy, corpus)
    assert [s.id for s in report.sources] == [MARCOS.id, JOBS.id]
    shares = [s.share for s in report.sources]
    assert all(share > 0.3 for share in shares)
    assert sum(shares) == pytest.approx(report.summary.reuse_share, abs=0.01)


@pytest.fixture
def judged(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The keys of the stories source finding judges (it loads each to judge it)."""
    keys: list[int] = []
    load = Corpus.load

    def counted(self: Corpus, wanted: list[int]) -> list:
        keys.extend(wanted)
        return load(self, wanted)

    monkeypatch.setattr(Corpus, "load", counted)
    return keys


def test_a_copy_its_first_candidates_settle_is_not_judged_against_the_rest(
    corpus: Corpus, judged: list[int]
) -> None:
    """Judging stops after FIRST_ROUND candidates when one explains the copy so fully that no
    other story could be named beside it; a stitched copy, which no one story settles, has
    every candidate judged."""
    search = find_sources(replace(JURY, id=""), corpus)
    assert [c.id for c in search.sources] == [JURY.id]
    assert len(judged) == len(search.candidates) == FIRST_ROUND

    judged.clear()
    copy = spin(stitched(MARCOS, JOBS), seed=4, intensity="medium", distortions=0).copy
    search = find_sources(copy, corpus)
    assert [c.id for c in search.sources] == [MARCOS.id, JOBS.id]
    assert len(judged) == len(search.candidates) == RERANKED + CHUNK_FIRSTS


def test_a_first_round_story_that_cannot_be_the_origin_leaves_the_copy_unsettled(
    corpus: Corpus, judged: list[int]
) -> None:
    """An earlier version or the earliest of syndicated copies may stand further down."""
    every = RERANKED + CHUNK_FIRSTS
    find_sources(replace(JURY, id="", date="1987-02-20"), corpus)  # JURY is dated after it
    assert len(judged) == every

    judged.clear()
    carrier = replace(
        JURY, text=JURY.text + "\n\nEditing by the desk.", date="1987-02-27", id="carrier/2"
    )
    with_carrier = Corpus()
    with_carrier.add([carrier, *STORIES.values()])
    search = find_sources(replace(JURY, id=""), with_carrier)
    assert [c.id for c in search.sources] == [JURY.id]
    assert len(judged) == every


def test_a_story_dated_after_the_copy_is_not_its_origin(corpus: Corpus) -> None:
    copy = replace(spin(JURY, seed=1, intensity="medium").copy, date="1987-02-20")
    search = find_sources(copy, corpus)
    assert search.sources == ()
    note = dict((c.id, n) for c, n in search.candidates)[JURY.id]
    assert note.endswith("is dated 1987-02-26, after the copy (1987-02-20)")
    assert "explains" in note


def test_a_crawled_page_with_no_date_was_published_by_the_day_it_was_captured(
    corpus: Corpus,
) -> None:
    copy = replace(spin(JURY, seed=1, intensity="medium").copy, date="", crawled="1987-02-20")
    search = find_sources(copy, corpus)
    assert search.sources == ()
    note = dict((c.id, n) for c, n in search.candidates)[JURY.id]
    assert note.endswith("is dated 1987-02-26, after the copy (1987-02-20)")
    # Its own date, where it gives one, is the day it was published.
    dated = find_sources(replace(copy, date="1987-02-26"), corpus)
    assert [c.id for c in dated.sources] == [JURY.id]


def test_a_story_dated_the_day_after_the_copy_may_be_its_origin(corpus: Corpus) -> None:
    """Pages carry their own day and wires theirs (time zone, last update): a reprint dated
    2022-08-08 of an AP story dated 2022-08-09 was seen on real pages. Two days is too late."""
    copy = spin(JURY, seed=1, intensity="medium").copy  # JURY is dated 1987-02-26
    day_before = find_sources(replace(copy, date="1987-02-25"), corpus)
    assert [c.id for c in day_before.sources] == [JURY.id]
    two_days_before = find_sources(replace(copy, date="1987-02-24T23:00:00"), corpus)
    assert two_days_before.sources == ()


def test_among_syndicated_copies_the_earliest_is_the_origin() -> None:
    syndicated = replace(
        JURY,
        text=JURY.text + "\n\nReporting by our correspondent; editing by the desk.",
        date="1987-02-27",
        site="The Daily Carrier",
        id="carrier/1",
    )
    corpus = Corpus()
    corpus.add([syndicated, *STORIES.values()])  # the carrier stored first, to be sure
    report = check(spin(JURY, seed=2, intensity="heavy").copy, corpus)
    (source,) = report.sources
    assert source.id == JURY.id
    assert [a.id for a in source.carriers] == ["carrier/1"]
    notes = {c.article.id: c.note for c in report.search.candidates}
    assert notes["carrier/1"].startswith(f"a near-identical copy of {JURY.id}")


def test_an_article_with_no_source_in_the_corpus_says_so_with_the_score(corpus: Corpus) -> None:
    report = check(SEED_PAGE, corpus)
    assert report.sources == () and report.findings == ()
    assert {m.label for m in report.alignment.matches} == {"unsourced"}
    verdict = report.summary.verdict
    assert verdict.startswith("No source in this corpus of 500 stories: the closest story, ")
    assert verdict.endswith(f"of the copy; a source must explain {SOURCE_THRESHOLD:.0%}.")
    assert report.search is not None and report.search.threshold == SOURCE_THRESHOLD


def test_an_empty_corpus_has_no_source() -> None:
    report = check(spin(JURY, seed=1, intensity="light").copy, Corpus())
    assert report.sources == ()
    assert report.summary.verdict == (
        "No source in this corpus of 0 stories: no story shares its rare words or its topic."
    )


def test_the_check_report_follows_the_json_schema(corpus: Corpus) -> None:
    schema = json.loads((DOCS / "report-schema.json").read_text())
    for copy in (spin(JURY, seed=1, intensity="heavy").copy, SEED_PAGE):
        data = report_to_dict(check(copy, corpus))
        jsonschema.validate(data, schema)
        assert data["search"]["corpus_size"] == 500
    found = report_to_dict(check(spin(JURY, seed=1, intensity="heavy").copy, corpus))
    assert found["sources"][0]["id"] == JURY.id
    assert found["search"]["candidates"][0]["note"] == "source"


def test_a_page_that_lifts_a_few_paragraphs_names_their_story_as_a_partial_source(
    corpus: Corpus,
) -> None:
    # Six paragraphs of a Reuters story, then a long unrelated page: too little of the copy for
    # the similarity threshold, but a run of sentences made from it.
    lifted = "\n\n".join(MARCOS.text.split("\n\n")[:6])
    copy = Article(f"{lifted}\n\n{SEED_PAGE.read_text(encoding='utf-8')}", date="1987-05-01")
    report = check(copy, corpus)
    assert [(s.id, s.parts) for s in report.sources] == [("reuters21578/5163", ((0, 11),))]
    assert report.summary.kind == "partial copy"
    assert report.search is not None
    best = report.search.candidates[0]
    assert best.score < SOURCE_THRESHOLD
    assert best.note == (
        "source of part of the copy (sentences 1-12 of 53), with evidence it was copied"
    )


def next_month(story: Article) -> Article:
    """The story's sentences with other figures in each: the next report of a series (a wire
    rewrites last month's jobs report around this month's numbers)."""
    text = re.sub(r"\d+", lambda m: str(int(m[0]) + 3), story.text)
    return Article(text, title="MARCH U.S. JOBS REPORT", date="1987-04-03")


def test_another_report_of_a_series_is_not_the_source(corpus: Corpus) -> None:
    report = check(next_month(JOBS), corpus)
    assert report.sources == ()
    assert report.search is not None
    notes = {c.article.id: c.note for c in report.search.candidates}
    assert notes[JOBS.id] == (
        "words the copy's sentences the same way with other figures in each:"
        " another report of a series, not its source"
    )


def test_a_spun_copy_of_a_report_full_of_figures_keeps_its_source(corpus: Corpus) -> None:
    report = check(spin(JOBS, seed=2, intensity="medium").copy, corpus)
    assert [s.id for s in report.sources] == [JOBS.id]


def test_a_source_no_copy_sentence_was_made_from_is_dropped_with_a_note(corpus: Corpus) -> None:
    copy = spin(JURY, seed=1, intensity="light").copy
    search = find_sources(copy, corpus)
    (found,) = search.sources
    dropped = not_made_from(search, [found])
    assert dropped.sources == ()
    notes = {c.id: note for c, note in dropped.candidates}
    assert notes[JURY.id] == (
        "says what the copy says, but no sentence of the copy was made from it"
    )


def test_a_two_sentence_report_in_its_own_words_is_given_no_source(corpus: Corpus) -> None:
    # Too short for the order of its sentences to show copying: only shared wording can (real
    # same-event reports of two sentences, Reuters' against AP's, were named so).
    own_words = Article(
        "Merrell Dow Pharmaceuticals, a unit of Dow Chemical, said jurors decided its drug"
        " Bendectin was not responsible for a seven-year-old boy's birth defects after his"
        " mother used it while pregnant. The morning sickness medicine was withdrawn in 1983"
        " over claims it caused birth defects.",
        date="1987-02-27",
    )
    report = check(own_words, corpus)
    assert report.sources == ()
    assert report.search is not None
    best = report.search.candidates[0]
    assert (best.article.id, best.score) == (JURY.id, 1.0)
    assert best.note == (
        "says what this short copy says in other words: too little to tell a copy from"
        " another report of the same facts"
    )


def test_a_two_sentence_copy_that_shares_the_wording_keeps_its_source(corpus: Corpus) -> None:
    lifted = Article(
        "Dow Chemical Co's Merrell Dow Pharmaceuticals Inc unit said a jury found that Bendectin"
        " did not cause the birth defects of a seven-year old boy whose mother took the drug"
        " during pregnancy. He said about 300 lawsuits are pending.",
        date="1987-02-27",
    )
    assert [s.id for s in check(lifted, corpus).sources] == [JURY.id]


def test_a_claim_that_is_a_quotation_word_for_word_keeps_its_source(corpus: Corpus) -> None:
    # Nothing outside its quotation marks to judge: the quotation is its wording.
    quoted = Article(
        "“Bendectin did not cause the birth defects of a seven-year old boy whose mother took"
        " the drug during pregnancy,” Merrell said.",
        date="1987-02-27",
    )
    assert [s.id for s in check(quoted, corpus).sources] == [JURY.id]
