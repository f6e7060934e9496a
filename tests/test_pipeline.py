"""compare(): the whole flow, its summary and verdict, and the properties it must keep."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from repo_paths import SPUN_EXAMPLE, WRITE_THROUGH
from segment_texts import SEED
from unspin import Article, Corpus, InputError, SourceRef, check, compare, report_to_dict

# Real sentences (the spun seed page; Reuters-21578) to build texts from.
SENTENCES = [
    "Diplomatic efforts have been fruitless, and this week tensions have risen even worse.",
    "Some locals are keeping a close eye on everything.",
    "U.S. diplomats’ families have been told to leave Ukraine, according to a statement "
    "from the State Department.",
    "Dmitry Peskov, a spokesman for the Kremlin, accused the United States on Tuesday of "
    "“fomenting tensions” over Ukraine.",
    "According to a poll conducted by the Kyiv International Institute of Sociology, 48 percent "
    "of Ukrainians believe that an invasion is a serious threat in the near future.",
    "Equipment and ammunition from the United States are slated to arrive in Ukraine on "
    "Tuesday as part of a $200 million package of security aid.",
    'Diaz did not give figures, but said: "We believe they still have a lot of funds."',
    "The PCGG, set up by Aquino in February 1986, has sweeping powers of sequestration, "
    "seizure and inspection of bank accounts.",
    "The composite index at the Manila Stock Exchange fell 18.61 points to 451.51.",
    "Since then, more than 14,000 people have been murdered in clashes between Ukrainian "
    "forces and insurgents backed by Russia.",
]

paragraphs = st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3).map(" ".join)
texts = st.lists(paragraphs, min_size=1, max_size=6).map("\n\n".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_a_text_compared_with_itself_is_all_verbatim_with_no_findings(text: str) -> None:
    report = compare(Article(text=text), Article(text=text), encoder=None)
    assert report.findings == ()
    assert {m.label for m in report.alignment.matches} == {"verbatim"}
    summary = report.summary
    assert (summary.reuse_share, summary.verbatim_share, summary.fidelity) == (1.0, 1.0, 1.0)
    assert (summary.unsourced_share, summary.source_coverage) == (0.0, 1.0)
    assert summary.verdict.startswith("Faithful copy: a near-verbatim copy (100%")
    assert (summary.kind, summary.credited) == ("verbatim copy", False)


def test_a_copy_that_spells_its_accents_decomposed_is_a_verbatim_copy() -> None:
    # "é" as "e" and a combining accent (NFD), as some pages and scrapers write it: read as two
    # words, the sentence was an added one, its source's left out, and "José Pérez" another
    # speaker (a high attribution_changed). The copy's text is composed as it is read.
    source = (
        "President José Pérez said on Monday that talks would resume in Bogotá.\n"
        "The talks could include tariffs on coffee, officials said.\nNo date was set for a vote."
    )
    copy = unicodedata.normalize("NFD", source)
    report = compare(Article(text=copy), Article(text=source), encoder=None)
    assert report.findings == ()
    assert report.copy.text == source
    assert {m.label for m in report.alignment.matches} == {"verbatim"}


def test_a_story_stored_with_its_accents_apart_is_compared_composed() -> None:
    # A corpus built by an older unspin may hold a decomposed story; the copy is composed as
    # it is read, so the story must be too (a review: identical texts got a high
    # attribution_changed, "José Pérez" for "José Pérez").
    story = unicodedata.normalize(
        "NFD",
        "President José Pérez said on Monday that talks with Colombia would resume in Bogotá "
        "next month.\nThe talks could include tariffs on coffee and flowers, officials in Bogotá "
        "said on Tuesday.\nNo date was set for a vote in the Senate, which Pérez's party "
        "controls by two seats.\nPérez told reporters the agreement would be signed before the "
        "end of the year, if the talks go well.",
    )
    with Corpus(":memory:") as corpus:
        with pytest.MonkeyPatch.context() as older_unspin:  # stored as given, not composed
            older_unspin.setattr("unspin.corpus.store.composed_article", lambda a: a)
            corpus.add([Article(text=story, id="wire-1")])
        assert corpus.get("wire-1").text == story  # type: ignore[union-attr]
        report = check(Article(text=story), corpus, encoder=None)
    assert (report.summary.kind, report.findings) == ("verbatim copy", ())


def test_the_seed_page_compared_with_itself_using_embeddings_has_no_findings() -> None:
    seed = Article(text=SEED)
    report = compare(seed, seed)
    assert report.findings == ()
    assert report.summary.verbatim_share == 1.0


def test_the_bundled_write_through_is_a_verbatim_cut_that_leaves_out_half_the_story() -> None:
    report = compare(WRITE_THROUGH / "later.json", WRITE_THROUGH / "earlier.json")
    summary = report.summary
    assert summary.verbatim_share == 1.0
    assert summary.counts == {"omitted_sentence": 18}
    assert round(summary.source_coverage, 2) == 0.51
    assert summary.verdict == (
        "Faithful copy: a near-verbatim copy (100% of the copy comes from the source); "
        "no change of meaning found."
    )
    assert [s.id for s in report.sources] == ["reuters21578-5163"]


def test_a_stitched_copy_credits_each_source_with_its_share() -> None:
    first, second = SENTENCES[7], SENTENCES[8]
    copy = Article(text=f"{first}\n\n{second}")
    report = compare(copy, [Article(text=first, id="a"), Article(text=second, id="b")])
    assert [(s.id, round(s.share, 2)) for s in report.sources] == [
        ("a", round(len(first) / (len(first) + len(second)), 2)),
        ("b", round(len(second) / (len(first) + len(second)), 2)),
    ]
    assert [s.parts for s in report.sources] == [((0, 0),), ((1, 1),)]
    assert report.summary.kind == "stitched copy"


def test_a_page_that_lifts_a_few_sentences_and_adds_its_own_is_a_partial_copy() -> None:
    source = Article(text="\n\n".join(SENTENCES[7:10]), id="wire")
    own = " ".join(SENTENCES[:7])
    copy = Article(text=f"{SENTENCES[7]} {SENTENCES[8]}\n\n{own}")
    report = compare(copy, source, encoder=None)
    assert report.sources[0].parts == ((0, 1),)
    assert report.summary.kind == "partial copy"
    assert report_to_dict(report)["sources"][0]["parts"] == [[0, 1]]


def test_only_the_main_source_has_omitted_sentences() -> None:
    # The page copies three sentences of one story and one of another: it leaves out the rest
    # of the first, not of the second.
    main = Article(text="\n\n".join(SENTENCES[2:6]), id="main")
    other = Article(text="\n\n".join(SENTENCES[7:10]), id="other")
    copy = Article(text="\n\n".join([*SENTENCES[2:5], SENTENCES[9]]))
    report = compare(copy, [main, other], encoder=None)
    omitted = [f for f in report.findings if f.type == "omitted_sentence"]
    assert [(f.source, main.text[slice(*f.source_span)]) for f in omitted] == [(0, SENTENCES[5])]


def test_a_distorted_copy_gets_a_distorted_verdict_naming_the_change() -> None:
    source = Article(text=SENTENCES[5] + "\n\n" + SENTENCES[1])
    changed = SENTENCES[5].replace("$200 million", "$900 million")
    copy = Article(text=changed + "\n\n" + SENTENCES[1])
    report = compare(copy, source)
    assert [(f.type, copy.text[slice(*f.copy_span)]) for f in report.findings] == [
        ("number_changed", "$900 million")
    ]
    assert report.summary.fidelity == 0.5
    # Copied word for word but for one number: a changed meaning makes it no verbatim copy.
    assert report.summary.kind == "spun copy"
    assert report.summary.verdict == (
        "Distorted copy: a near-verbatim copy (100% of the copy comes from the source) "
        "with 1 meaning change (number changed)."
    )


def test_a_copy_whose_only_change_is_unconfirmed_is_a_copy_to_check() -> None:
    # A flipped negation is a low finding (right in fewer than half of real cases): no
    # accusation, but not a faithful copy either.
    source = Article(text=SENTENCES[5] + "\n\n" + SENTENCES[1])
    changed = SENTENCES[5].replace("are slated to arrive", "are not slated to arrive")
    copy = Article(text=changed + "\n\n" + SENTENCES[1])
    report = compare(copy, source)
    assert [(f.type, f.severity) for f in report.findings] == [("negation_flipped", "low")]
    assert report.summary.kind == "spun copy"
    assert report.summary.verdict == (
        "Copy to check: a near-verbatim copy (100% of the copy comes from the source) "
        "with 1 possible meaning change (negation flipped)."
    )


def test_an_unrelated_article_is_not_a_copy() -> None:
    report = compare(Article(text=SENTENCES[8]), Article(text=SENTENCES[1]))
    assert report.summary.reuse_share == 0.0
    assert report.summary.verdict == (
        "Not a copy: only 0% of its wording (word trigrams) stands in the source."
    )


def test_the_report_converts_to_the_documented_schema() -> None:
    report = compare(WRITE_THROUGH / "later.json", WRITE_THROUGH / "earlier.json")
    data = report_to_dict(report)
    assert data == report_to_dict(report)
    assert data["schema"] == "unspin.report/1"
    assert json.loads(json.dumps(data)) == data


def test_compare_reads_paths_and_rejects_bad_input(tmp_path: Path) -> None:
    from unspin.errors import InputError

    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with pytest.raises(InputError, match="empty"):
        compare(empty, WRITE_THROUGH / "earlier.json")


def test_a_single_claim_is_compared_with_its_source() -> None:
    # Fact-checkers check one claim at a time: a sentence (or a headline) is a copy too.
    claim = "Merrell said there have been 12 other trials involving the drug, 10 in Canada."
    report = compare(claim, SPUN_EXAMPLE / "source.json", encoder=None)
    assert [m.sources for m in report.alignment.matches] == [(SourceRef(0, 2),)]
    found = [
        (f.type, f.severity, claim[slice(*f.copy_span)]) for f in report.findings if f.copy_span
    ]
    assert found == [
        ("number_dropped", "low", claim),  # "two in West Germany"
        ("entity_changed", "low", "Canada"),
    ]


def test_a_claim_too_short_to_compare_is_refused_in_one_line() -> None:
    with pytest.raises(
        InputError, match=r"^text: too short to compare \(2 words; a claim needs 3\)$"
    ):
        compare("Merrell lost", SPUN_EXAMPLE / "source.json", encoder=None)


def test_a_copy_that_credits_its_source_says_so() -> None:
    source = json.loads((SPUN_EXAMPLE / "source.json").read_text(encoding="utf-8"))["text"]
    copy = source.replace("birth defects of a seven-year old boy", "birth defects of a boy", 1)
    copy += "\n\nReuters contributed to this report."
    report = compare(Article(text=copy), Article(text=source), encoder=None)
    assert [(c.outlet, copy[c.start : c.end]) for c in report.summary.credits] == [
        ("Reuters", "Reuters contributed to this report.")
    ]
    assert report.summary.verdict.endswith("; it credits Reuters.")
    assert report.summary.credited
    assert report_to_dict(report)["summary"]["credits"] == [
        {"outlet": "Reuters", "span": [len(copy) - 35, len(copy)]}
    ]


# --- the same inputs, the same report ---------------------------------------------------------

SALES = (
    "Carmaker Voltra said on Tuesday it sold 911 cars, 322 trucks and 97 buses in March, as "
    "demand for electric vehicles rose across Europe.\n\n"
    "The company's shares rose 4% in Frankfurt after the figures were published, and analysts "
    "said the results beat forecasts.\n\n"
    "Voltra plans to open two new plants in Poland next year, chief executive Anna Berg told "
    "reporters in Berlin."
)


def test_the_report_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    # Three numbers dropped from one sentence make three findings at one place, of which the
    # report keeps one: which one was decided by the order of a set, so by PYTHONHASHSEED.
    import os
    import subprocess
    import sys

    (tmp_path / "source.txt").write_text(SALES, encoding="utf-8")
    copy = SALES.replace("911 cars, 322 trucks and 97 buses", "cars, trucks and buses")
    (tmp_path / "copy.txt").write_text(copy, encoding="utf-8")
    reports = set()
    for seed in ("1", "2", "3", "5", "6"):
        env = os.environ | {"PYTHONHASHSEED": seed, "HF_HUB_OFFLINE": "1"}
        cli = [sys.executable, "-m", "unspin.cli", "compare", "copy.txt", "source.txt", "--json"]
        answer = subprocess.run(cli, cwd=tmp_path, env=env, capture_output=True, check=True)
        reports.add(answer.stdout)
    assert len(reports) == 1
    findings = json.loads(reports.pop())["findings"]
    assert [(f["type"], f["source_excerpt"]) for f in findings] == [("number_dropped", "911")]


def test_use_one_thread_puts_the_math_libraries_on_one_thread() -> None:
    import subprocess
    import sys

    script = (
        "import os, numpy, threadpoolctl\n"
        "from unspin.pipeline import use_one_thread\n"
        "use_one_thread(); use_one_thread()\n"
        "pools = threadpoolctl.threadpool_info()\n"
        "print(sorted({p['num_threads'] for p in pools}), os.environ['TOKENIZERS_PARALLELISM'])\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["[1]", "false"]
