"""The JSONL case format and the builders that make cases from the shared corpora."""

from __future__ import annotations

import json
import lzma
from pathlib import Path

import pytest

from repo_paths import TESTING_FIXTURES
from unspin.evaluate import read_cases
from unspin.model import Article
from unspin.testing import case_to_json, spin, write_cases
from unspin.testing.datasets import (
    clough_stevenson_cases,
    data_dir,
    spun_reuters21578_cases,
    spun_reuters_cases,
    summedits_cases,
)

STORY = Article(
    id="demo/1",
    title="Acme to open new stores",
    date="2020-03-02",
    text="Acme Corp said on Monday it would open 40 stores in Canada, chief executive Jane Doyle "
    "said.\n\nShares in Acme rose 3 percent after the announcement.\n\n“We expect strong "
    "demand,” Doyle said. The company may hire 2,000 workers, according to a statement.",
)


def test_a_case_survives_the_round_trip(tmp_path: Path):
    case = case_to_json(spin(STORY, seed=2, intensity="heavy", distortions=3), "demo/1/heavy/2")
    path = tmp_path / "cases.jsonl"
    other = case | {"id": "demo/1/heavy/3"}  # ids are unique in a file (docs/eval-format.md)
    assert write_cases(path, [case, other]) == 2
    assert list(read_cases(path)) == [case, other]
    source = case["sources"][0]
    assert source["id"] == "demo/1" and source["text"] == STORY.text
    assert case["spin"] == {"seed": 2, "intensity": "heavy"}
    for pair in case["gold"]["alignment"]:
        start, end = pair["copy_span"]
        assert case["copy"]["text"][start:end].strip()
        assert pair["source_id"] == ("demo/1" if pair["source_spans"] else None)
    for finding in case["gold"]["findings"]:
        assert set(finding) == {"type", "copy_span", "source_id", "source_span", "note"}
        assert (finding["source_id"] is None) == (finding["source_span"] is None)


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("{not json", "not valid JSON"),
        ('["a list"]', "JSON object"),
        ('{"copy": {"text": "x"}, "sources": [], "gold": {}}', '"id"'),
        ('{"id": "a", "copy": {"text": "x"}, "gold": {}}', '"sources" and "corpus_refs"'),
    ],
)
def test_a_malformed_line_is_reported_with_its_number(tmp_path: Path, line: str, problem: str):
    path = tmp_path / "cases.jsonl"
    good = json.dumps({"id": "a", "copy": {"text": "x"}, "corpus_refs": ["s1"], "gold": {}})
    path.write_text(f"{good}\n\n{line}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=rf"cases.jsonl:3: .*{problem}"):
        list(read_cases(path))


def test_spun_reuters21578_cases_use_prose_stories_only():
    cases = list(spun_reuters21578_cases(5, "medium", seed=1, directory=TESTING_FIXTURES))
    assert cases == list(spun_reuters21578_cases(5, "medium", seed=1, directory=TESTING_FIXTURES))
    assert sorted(c["sources"][0]["id"] for c in cases) == ["reuters21578/192", "reuters21578/45"]
    for case in cases:
        source = case["sources"][0]
        assert source["date"] == "1987-02-26" and "Reuter\n" not in source["text"]
        assert "\n\n" in source["text"] and "\n\n\n" not in source["text"]
        assert case["gold"]["findings"]


def test_clough_stevenson_cases_carry_level_and_task():
    cases = list(clough_stevenson_cases(TESTING_FIXTURES))
    assert {c["gold"]["reuse_level"] for c in cases} == {"non", "cut", "light", "heavy"}
    for case in cases:
        assert case["gold"]["task"] == "a"
        assert [s["id"] for s in case["sources"]] == ["orig_taska"]
        assert "\r" not in case["sources"][0]["text"] and case["copy"]["text"]
        assert "alignment" not in case["gold"]  # only document-level labels exist


def test_summedits_cases(tmp_path: Path):
    edits = ["negation_insertion_removal"]
    records = [
        {"id": "x1", "doc": "A doc.", "summary": "A summary.", "label": 1, "edit_types": []},
        {"id": "x2", "doc": "A doc.", "summary": "No summary.", "label": 0, "edit_types": edits},
    ]
    (tmp_path / "summedits").mkdir()
    (tmp_path / "summedits" / "summedits_news.json").write_text(json.dumps(records))
    cases = list(summedits_cases(tmp_path))
    assert [c["gold"]["consistent"] for c in cases] == [True, False]
    assert cases[1]["gold"]["edit_types"] == ["negation_insertion_removal"]
    assert cases[0]["copy"]["text"] == "A summary." and cases[0]["sources"][0]["text"] == "A doc."


def _wire_record(n: int, title: str, body: str) -> dict:
    return {
        "id": f"20100517/story-{n}",
        "day": "20100517",
        "title": title,
        "author": "",
        "date": "Mon May 17, 2010 9:22pm EDT",
        "url": f"http://example.com/{n}",
        "body": body,
    }


def test_spun_reuters_cases_skip_empty_bodies_and_updates(tmp_path: Path):
    # Synthetic stand-ins: the real corpus is copyrighted and stays out of the repository.
    paragraph = (
        "The company said on Monday that sales of its product line rose in the first quarter, "
        "helped by strong demand in Europe and Asia, and it expects further growth this year."
    )
    body = " \n\n BRISBANE  (Reuters) - " + " \n\n ".join([paragraph] * 6)
    records = [
        _wire_record(1, "Empty", " \n"),
        _wire_record(2, "UPDATE 1-Acme sales rise", body),
        *(_wire_record(n, f"Acme sales rise {n}", body) for n in range(3, 7)),
    ]
    folder = tmp_path / "reuters_ding2014"
    folder.mkdir()
    with lzma.open(folder / "reuters_ding2014.jsonl.xz", "wt", encoding="utf-8") as f:
        f.writelines(json.dumps(r) + "\n" for r in records)
    cases = list(spun_reuters_cases(3, "light", seed=4, directory=tmp_path))
    assert len(cases) == 3
    for case in cases:
        source = case["sources"][0]
        assert source["id"].split("-")[-1] in {"3", "4", "5", "6"}
        assert source["text"].startswith("The company said") and source["date"] == "2010-05-17"


def test_data_dir_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.delenv("UNSPIN_SHARED_DATA", raising=False)
    assert data_dir().parts[-2:] == ("shared", "data")
    monkeypatch.setenv("UNSPIN_SHARED_DATA", str(tmp_path))
    assert data_dir() == tmp_path
    assert data_dir("elsewhere") == Path("elsewhere")
