"""evaluate() and `unspin eval`: scoring found alignments and findings against gold labels."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from unspin.cli import main
from unspin.evaluate import evaluate

# Two sentences of the seed page (a spun AP story), as the "source"; the copy changes a number.
FIRST = (
    "Equipment and ammunition from the United States are slated to arrive in Ukraine on "
    "Tuesday as part of a $200 million package of security aid."
)
SECOND = "Some locals are keeping a close eye on everything."
SOURCE = f"{FIRST}\n\n{SECOND}"
COPY = SOURCE.replace("$200 million", "$900 million")


def case(copy: str, gold: dict, id: str = "c1") -> dict:
    return {
        "id": id,
        "copy": {"text": copy},
        "sources": [{"id": "s", "text": SOURCE}],
        "gold": gold,
    }


def spans(text: str, part: str) -> list[int]:
    start = text.index(part)
    return [start, start + len(part)]


ALIGNMENT = [
    {
        "copy_span": spans(COPY, COPY.split("\n\n")[0]),
        "source_id": "s",
        "source_spans": [spans(SOURCE, FIRST)],
        "label": "paraphrase",
    },
    {
        "copy_span": spans(COPY, SECOND),
        "source_id": "s",
        "source_spans": [spans(SOURCE, SECOND)],
        "label": "verbatim",
    },
]
NUMBER = {
    "type": "number_changed",
    "copy_span": spans(COPY, "$900 million"),
    "source_id": "s",
    "source_span": spans(SOURCE, "$200 million"),
}


def test_a_found_finding_of_the_gold_type_and_place_is_a_hit() -> None:
    result = evaluate([case(COPY, {"alignment": ALIGNMENT, "findings": [NUMBER]})], None)
    assert (result.alignment.tp, result.alignment.fp, result.alignment.fn) == (2, 0, 0)
    hits = result.findings["number_changed"]
    assert (hits.tp, hits.fp, hits.fn) == (1, 0, 0)
    assert result.worst() == []


def test_a_finding_of_another_type_is_both_false_and_missed() -> None:
    wrong = dict(NUMBER, type="time_changed")
    result = evaluate([case(COPY, {"findings": [wrong]})], None)
    assert (result.findings["number_changed"].fp, result.findings["time_changed"].fn) == (1, 1)
    [worst] = result.worst()
    assert [f.type for f in worst.false_findings] == ["number_changed"]
    assert [m["type"] for m in worst.missed] == ["time_changed"]


def test_findings_on_a_faithful_case_count_as_false_per_1000_sentences() -> None:
    result = evaluate([case(COPY, {"findings": []}), case(SOURCE, {"findings": []}, "c2")], None)
    assert result.faithful_sentences == 4
    assert dict(result.faithful_false) == {"number_changed": 1}
    assert result.false_per_1000 == 250.0


def test_the_page_kind_of_each_case_with_labelled_findings_is_counted() -> None:
    # The copy with its number changed is spun; the source compared with itself is verbatim.
    result = evaluate(
        [case(COPY, {"findings": [NUMBER]}), case(SOURCE, {"findings": []}, "c2")], None
    )
    assert result.kinds == {"spun copy": 1, "verbatim copy": 1}
    assert result.to_dict()["kinds"] == {"spun copy": 1, "verbatim copy": 1}


def test_missing_gold_keys_are_not_scored() -> None:
    result = evaluate([case(COPY, {})], None)
    assert (result.alignment.tp, result.alignment.fp, result.alignment.fn) == (0, 0, 0)
    assert dict(result.findings) == {}
    assert result.false_per_1000 is None


def test_consistency_is_scored_by_balanced_accuracy_with_recall_per_edit_type() -> None:
    result = evaluate(
        [
            case(SOURCE, {"consistent": True}, "same"),
            case(COPY, {"consistent": False, "edit_types": ["entity_modification"]}, "edited"),
        ],
        None,
    )
    assert result.balanced_accuracy() == 1.0
    assert result.edit_recall() == {"entity_modification": 1.0}


def test_a_summary_whose_only_change_is_a_low_finding_of_a_reworded_kind_is_inconsistent() -> None:
    # A swapped place is a low finding (no accusation), but the summary no longer says what its
    # document says.
    swapped = SOURCE.replace("arrive in Ukraine", "arrive in Poland")
    result = evaluate(
        [case(swapped, {"consistent": False, "edit_types": ["entity_modification"]})], None
    )
    assert result.edit_recall() == {"entity_modification": 1.0}


def test_eval_command_prints_scores_as_json(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_text(json.dumps(case(COPY, {"findings": [NUMBER]})) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(path), "--json", "--lexical"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["cases"] == 1
    assert scores["findings"]["number_changed"]["precision"] == 1.0


def test_eval_command_names_a_malformed_line(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_text(json.dumps(case(COPY, {})) + "\n{not json\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(path), "--lexical"])
    assert result.exit_code == 2
    assert "cases.jsonl:2:" in result.output


@pytest.mark.parametrize(
    ("lines", "said"),
    [
        # The same id twice would count its scores twice.
        (
            [json.dumps(case(COPY, {})), json.dumps(case(COPY, {}))],
            "the id 'c1' again (first on line 1)",
        ),
        # A type no detector reports could never be found: a typo in the gold.
        (
            [json.dumps(case(COPY, {"findings": [NUMBER | {"type": "number_chnaged"}]}))],
            "unknown finding type 'number_chnaged' (docs/report-schema.md lists them)",
        ),
    ],
)
def test_eval_refuses_cases_that_would_score_wrongly(
    tmp_path: Path, lines: list[str], said: str
) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(path), "--lexical"])
    assert result.exit_code == 2
    assert result.output.strip().endswith(f"cases.jsonl:{len(lines)}: {said}")


def test_eval_of_a_binary_file_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_bytes(bytes(range(128, 256)) * 4)
    result = CliRunner().invoke(main, ["eval", str(path), "--lexical"])
    assert result.exit_code == 2
    assert result.output.strip().endswith("cases.jsonl:1: not UTF-8 text")


CORPUS_CASE = {"id": "k", "copy": {"text": COPY}, "corpus_refs": ["s"], "gold": {}}


def test_cases_of_corpus_refs_are_counted_as_not_scored(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_text(f"{json.dumps(case(COPY, {}))}\n{json.dumps(CORPUS_CASE)}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(path), "--json", "--lexical"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert (scores["cases"], scores["corpus_cases_not_scored"]) == (1, 1)


def test_a_file_of_corpus_refs_alone_is_refused_not_scored_as_empty(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_text(json.dumps(CORPUS_CASE) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(path), "--lexical"])
    assert result.exit_code == 2
    assert result.output.strip().endswith(
        "cases.jsonl: no case to score: `unspin eval` compares each copy with the sources its "
        "case gives, and its cases of corpus_refs (1) give none"
    )


def test_an_empty_file_of_cases_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(path), "--lexical"])
    assert result.exit_code == 2
    assert result.output.strip().endswith(
        "cases.jsonl: no case in it (one JSON object a line: docs/eval-format.md)"
    )
