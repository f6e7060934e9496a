"""The JSON report (schema unspin.report/1): field names, offsets, excerpts, a golden file, and
the way back (a stored report renders again without being re-analysed).

Golden files live in tests/golden/; after an intended change, regenerate them with
    UNSPIN_REGEN_GOLDEN=1 pytest tests/test_report_schema.py tests/test_report_terminal.py
and review the diff.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import replace

import pytest

from repo_paths import DOCS
from report_sample import check_golden, sample_report
from unspin import Article, InputError, compare
from unspin.finding_types import DESCRIPTIONS
from unspin.report.html import render_html
from unspin.report.schema import (
    SCHEMA,
    report_from_dict,
    report_to_dict,
    report_to_json,
)

ARTICLE_KEYS = {"text", "title", "url", "date", "author", "site", "id", "crawled"}
KEYS = {
    "": {"schema", "copy", "sources", "sentences", "findings", "omitted", "summary", "search"},
    "copy": ARTICLE_KEYS,
    "sources": ARTICLE_KEYS | {"score", "share", "carriers", "parts"},
    "sentences": {"span", "label", "source_id", "source_spans", "similarity", "refs"},
    "refs": {"source_id", "span"},
    "findings": {
        "type",
        "severity",
        "copy_span",
        "source_id",
        "source_span",
        "copy_excerpt",
        "source_excerpt",
        "reason",
    },
    "omitted": {"source_id", "span"},
    "summary": {
        "reuse_share",
        "verbatim_share",
        "paraphrase_share",
        "unsourced_share",
        "same_fact_share",
        "copied_share",
        "source_coverage",
        "fidelity",
        "counts",
        "verdict",
        "kind",
        "credited",
        "credits",
    },
}


@pytest.fixture
def data() -> dict:
    return report_to_dict(sample_report())


def test_field_names_at_every_level(data: dict) -> None:
    assert data["schema"] == SCHEMA == "unspin.report/1"
    assert set(data) == KEYS[""]
    assert set(data["copy"]) == KEYS["copy"]
    assert set(data["summary"]) == KEYS["summary"]
    for name in ("sources", "sentences", "findings", "omitted"):
        assert data[name], name
        for item in data[name]:
            assert set(item) == KEYS[name], name
    for sentence in data["sentences"]:
        for ref in sentence["refs"]:
            assert set(ref) == KEYS["refs"]


def test_every_excerpt_is_its_span_of_text(data: dict) -> None:
    copy = data["copy"]["text"]
    sources = {s["id"]: s["text"] for s in data["sources"]}
    for f in data["findings"]:
        if f["copy_span"] is None:
            assert f["copy_excerpt"] == ""
        else:
            start, end = f["copy_span"]
            assert f["copy_excerpt"] == copy[start:end] != ""
        if f["source_span"] is None:
            assert f["source_excerpt"] == ""
        else:
            start, end = f["source_span"]
            assert f["source_excerpt"] == sources[f["source_id"]][start:end] != ""


def test_sentences_follow_the_alignment(data: dict) -> None:
    report = sample_report()
    copy, sources = report.copy, {s.id: s.doc for s in report.sources}
    assert len(data["sentences"]) == len(copy.sentences)
    for out, match in zip(data["sentences"], report.alignment.matches, strict=True):
        start, end = out["span"]
        assert copy.text[start:end] == copy.sentence_text(match.copy_sentence)
        assert out["label"] == match.label
        texts = [sources[r["source_id"]].text[r["span"][0] : r["span"][1]] for r in out["refs"]]
        assert texts == [
            report.sources[r.source].doc.sentence_text(r.sentence) for r in match.sources
        ]
        if match.label == "unsourced":
            assert (out["source_id"], out["source_spans"], out["refs"]) == (None, [], [])
        else:
            assert out["source_spans"] == [
                r["span"] for r in out["refs"] if r["source_id"] == out["source_id"]
            ]
    # The merge from two sources is credited to the first; refs keep both.
    assert data["sentences"][4]["source_id"] == "ap"
    assert [r["source_id"] for r in data["sentences"][4]["refs"]] == ["ap", "reuters"]


def test_nulls_and_rounding(data: dict) -> None:
    unsourced = next(f for f in data["findings"] if f["type"] == "unsourced_sentence")
    assert (unsourced["source_id"], unsourced["source_span"]) == (None, None)
    omitted = next(f for f in data["findings"] if f["type"] == "omitted_sentence")
    assert (omitted["copy_span"], omitted["source_id"]) == (None, "ap")
    assert data["omitted"] == [{"source_id": "ap", "span": omitted["source_span"]}]
    assert data["sentences"][2]["similarity"] == 0.78
    assert data["sources"][1]["score"] == 0.6123
    assert data["summary"]["unsourced_share"] == 0.2288


def test_offsets_are_code_points() -> None:
    # An emoji is one code point (two UTF-16 units): offsets after it must not shift.
    report = sample_report(copy_text="🇺🇦 " + sample_report().copy.text)
    data = report_to_dict(report)
    f = data["findings"][0]
    assert f["copy_excerpt"] == "50,000"
    assert data["copy"]["text"][f["copy_span"][0] : f["copy_span"][1]] == "50,000"


def test_json_is_unicode_and_matches_to_dict() -> None:
    report = sample_report()
    text = report_to_json(report)
    assert "“We will never invade anyone,”" in text  # ensure_ascii=False
    assert json.loads(text) == report_to_dict(report)


def test_counts_are_sorted_for_stable_output() -> None:
    report = sample_report()
    shuffled = replace(
        report,
        summary=replace(report.summary, counts=dict(reversed(report.summary.counts.items()))),
    )
    assert list(report_to_dict(shuffled)["summary"]["counts"]) == sorted(report.summary.counts)


def test_golden_json() -> None:
    check_golden("report.json", report_to_json(sample_report()) + "\n")


def test_validates_against_json_schema(data: dict) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((DOCS / "report-schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data | {"schema": "unspin.report/2"}, schema)


def test_docs_describe_every_field_and_finding_type() -> None:
    doc = (DOCS / "report-schema.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`([a-z_]+)`", doc))
    assert set().union(*KEYS.values()) <= documented
    assert set(DESCRIPTIONS) <= documented
    assert {"high", "medium", "low", "verbatim", "paraphrase", "unsourced"} <= documented


def test_a_stored_report_reads_back_to_the_same_report() -> None:
    data = report_to_dict(sample_report())
    back = report_from_dict(json.loads(json.dumps(data)))
    assert report_to_dict(back) == data
    assert render_html(back) == render_html(sample_report())


def test_a_compared_pair_with_omissions_and_a_search_free_report_reads_back() -> None:
    source = Article(
        text="Russia massed 100,000 troops near Ukraine. Kyiv asked for help. "
        "NATO put forces on standby. The talks in Geneva ended without a deal.",
        id="wire",
    )
    copy = Article(text="Russia massed 200,000 troops near Ukraine. NATO put forces on standby.")
    report = compare(copy, source, encoder=None)
    assert report.alignment.omitted and report.findings  # the read-back has things to restore
    data = report_to_dict(report)
    assert report_to_dict(report_from_dict(data)) == data


def test_a_report_of_another_schema_or_version_is_refused_in_one_line() -> None:
    data = report_to_dict(sample_report())
    with pytest.raises(InputError, match=r"not an unspin\.report/1 report"):
        report_from_dict(data | {"schema": "unspin.report/2"})
    moved = json.loads(json.dumps(data))
    moved["omitted"] = [{"source_id": data["sources"][0]["id"], "span": [1, 2]}]
    with pytest.raises(InputError, match=r"no sentence at \[1, 2\]"):
        report_from_dict(moved)


@pytest.mark.parametrize(
    ("damage", "reads_back"),
    [
        (lambda d: d["summary"].pop("kind"), True),  # written before the field: its default
        (lambda d: d.pop("search"), True),
        (lambda d: d["findings"][0].update(source_id="nowhere"), False),
        (lambda d: d["findings"][0].update(copy_span=["a", "b"]), False),
        (lambda d: d["findings"][0].update(copy_span=[3]), False),
        (lambda d: d.update(summary=None), False),
        # The copy's text changed after the report was written (an offsets review: a step
        # that composed its accents put every mark one character off, and nothing said so).
        (lambda d: d["copy"].update(text="Breaking: " + d["copy"]["text"]), False),
        (lambda d: d["findings"][0].update(copy_span=[0, 10**6]), False),
        (lambda d: d["sentences"][-1].update(span=[0, 10**6]), False),
    ],
)
def test_an_older_or_damaged_report_reads_back_or_fails_in_one_line(
    damage: Callable[[dict], object], reads_back: bool
) -> None:
    data = json.loads(json.dumps(report_to_dict(sample_report())))
    damage(data)
    if reads_back:
        assert render_html(report_from_dict(data))
    else:
        with pytest.raises(InputError, match=r"^a damaged unspin\.report/1 report \("):
            report_from_dict(data)


def test_what_is_not_a_report_is_refused() -> None:
    with pytest.raises(InputError, match="not an unspin"):
        report_from_dict(["not", "a", "report"])  # type: ignore[arg-type]
