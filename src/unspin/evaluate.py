"""Score unspin on labelled cases (docs/eval-format.md): how often is it right?

Every gold key is scored only where a case has it. Alignment is scored on (copy sentence,
source sentence) pairs; a finding is a hit when a found finding has the same type and an
overlapping copy span (source span for `omitted_sentence`). Cases whose gold findings are an
empty list are faithful paraphrases: every finding there is a false accusation.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from unspin import finding_types
from unspin.align import Encoder
from unspin.model import Article, Finding, Report, spans_overlap
from unspin.pipeline import compare_docs
from unspin.segmentation import segment
from unspin.summary import UNCONFIRMED_CHANGES, reuse_level

if TYPE_CHECKING:
    from rich.console import Console


def read_cases(path: str | Path) -> Iterator[dict]:
    """The cases in a JSONL file; a malformed line, or an id given twice (its scores would be
    counted twice), raises ValueError naming the line."""
    first_line: dict[str, int] = {}
    with open(path, "rb") as f:
        for number, raw in enumerate(f, 1):
            if not raw.strip():
                continue
            try:
                case = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError:
                raise ValueError(f"{path}:{number}: not UTF-8 text") from None
            except (json.JSONDecodeError, RecursionError) as e:
                reason = e.msg if isinstance(e, json.JSONDecodeError) else "nested too deeply"
                raise ValueError(f"{path}:{number}: not valid JSON ({reason})") from None
            problem = _problem(case)
            if problem:
                raise ValueError(f"{path}:{number}: {problem}")
            if case["id"] in first_line:
                raise ValueError(
                    f"{path}:{number}: the id {case['id']!r} again (first on line "
                    f"{first_line[case['id']]})"
                )
            first_line[case["id"]] = number
            yield case


def _problem(case: object) -> str | None:
    if not isinstance(case, dict):
        return "a case must be a JSON object"
    if not isinstance(case.get("id"), str):
        return 'missing "id"'
    if not isinstance(case.get("copy"), dict) or not isinstance(case["copy"].get("text"), str):
        return 'missing "copy.text"'
    if ("sources" in case) == ("corpus_refs" in case):
        return 'needs exactly one of "sources" and "corpus_refs"'
    if not isinstance(case.get("gold"), dict):
        return 'missing "gold"'
    findings = case["gold"].get("findings", [])
    if not isinstance(findings, list) or not all(isinstance(f, dict) for f in findings):
        return '"gold.findings" must be a list of objects'
    unknown = sorted({str(f.get("type")) for f in findings} - set(finding_types.NAMES))
    if unknown:
        return f"unknown finding type {unknown[0]!r} (docs/report-schema.md lists them)"
    return None


HIGH_OR_MEDIUM = ("high", "medium")
# Findings that say nothing against a summary: it leaves out most of its document by design.
_NOT_EVIDENCE_OF_INCONSISTENCY = {"omitted_sentence", "number_dropped"}


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class CaseResult:
    id: str
    false_findings: list[Finding] = field(default_factory=list)
    missed: list[dict] = field(default_factory=list)
    alignment_errors: int = 0


@dataclass
class Evaluation:
    cases: int = 0
    # Cases of `corpus_refs`: `evaluate` compares a copy with the sources a case gives, and has
    # no corpus to find them in. Counted, so that a file of them does not score as empty.
    corpus_cases: int = 0
    alignment: Tally = field(default_factory=Tally)
    findings: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    faithful_sentences: int = 0
    faithful_false: Counter = field(default_factory=Counter)
    reuse: list[tuple[str, str, float]] = field(default_factory=list)  # (gold, found, copied)
    attribution: list[tuple[str, str, str]] = field(default_factory=list)  # (level, gold, found)
    consistency: list[tuple[bool, bool, tuple[str, ...]]] = field(default_factory=list)
    kinds: Counter = field(default_factory=Counter)  # page kinds of cases with labelled findings
    per_case: list[CaseResult] = field(default_factory=list)

    @property
    def false_per_1000(self) -> float | None:
        if not self.faithful_sentences:
            return None
        return 1000 * sum(self.faithful_false.values()) / self.faithful_sentences

    def reuse_accuracy(self) -> float | None:
        return _share(g == f for g, f, _ in self.reuse) if self.reuse else None

    def attribution_accuracy(self, reused_only: bool = True) -> float | None:
        rows = [(g, f) for level, g, f in self.attribution if level != "non" or not reused_only]
        return _share(g == f for g, f in rows) if rows else None

    def balanced_accuracy(self) -> float | None:
        positives = [found for gold, found, _ in self.consistency if gold]
        negatives = [not found for gold, found, _ in self.consistency if not gold]
        if not positives or not negatives:
            return None
        return (_share(positives) + _share(negatives)) / 2

    def edit_recall(self) -> dict[str, float]:
        by_type: dict[str, list[bool]] = defaultdict(list)
        for gold, found, edits in self.consistency:
            if not gold:
                for edit in edits:
                    by_type[edit].append(not found)
        return {t: _share(v) for t, v in sorted(by_type.items())}

    def worst(self, n: int = 5) -> list[CaseResult]:
        def badness(c: CaseResult) -> int:
            return 3 * len(c.false_findings) + len(c.missed) + c.alignment_errors

        return sorted((c for c in self.per_case if badness(c)), key=badness, reverse=True)[:n]

    def to_dict(self) -> dict:
        return {
            "cases": self.cases,
            "corpus_cases_not_scored": self.corpus_cases,
            "alignment": self.alignment.as_dict(),
            "findings": {t: c.as_dict() for t, c in sorted(self.findings.items())},
            "faithful": {
                "sentences": self.faithful_sentences,
                "false_findings": dict(self.faithful_false),
                "false_per_1000_sentences": _round(self.false_per_1000),
            },
            "reuse_level_accuracy": _round(self.reuse_accuracy()),
            "source_attribution": _round(self.attribution_accuracy()),
            "consistency_balanced_accuracy": _round(self.balanced_accuracy()),
            "edit_recall": {k: round(v, 4) for k, v in self.edit_recall().items()},
            "kinds": dict(self.kinds.most_common()),
            "worst": [
                {
                    "id": c.id,
                    "false": [f"{f.type} {f.copy_span or f.source_span}" for f in c.false_findings],
                    "missed": [
                        f"{m['type']} {m.get('copy_span') or m.get('source_span')}"
                        for m in c.missed
                    ],
                    "alignment_errors": c.alignment_errors,
                }
                for c in self.worst()
            ],
        }


def _share(values: Iterable[bool]) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _article(data: dict) -> Article:
    return Article(
        text=data["text"],
        title=data.get("title", ""),
        url=data.get("url", ""),
        date=data.get("date", ""),
        id=data.get("id", ""),
    )


def evaluate(
    cases: Iterable[dict],
    encoder: Encoder | None,
    progress: Callable[[], None] | None = None,
    second_opinion: Encoder | None = None,
) -> Evaluation:
    result = Evaluation()
    for case in cases:
        if "sources" not in case:
            result.corpus_cases += 1
            continue
        copy = segment(_article(case["copy"]))
        sources = [segment(_article(s)) for s in case["sources"]]
        ids = [s["id"] for s in case["sources"]]
        report = compare_docs(
            copy, sources, encoder=encoder, ids=ids, second_opinion=second_opinion
        )
        _score(result, case, report, ids)
        if progress:
            progress()
    return result


def _score(result: Evaluation, case: dict, report: Report, ids: Sequence[str]) -> None:
    gold = case.get("gold", {})
    result.cases += 1
    outcome = CaseResult(case["id"])
    if "alignment" in gold:
        outcome.alignment_errors = _score_alignment(
            result.alignment, gold["alignment"], report, ids
        )
    if "findings" in gold:
        _score_findings(result, outcome, gold["findings"], report)
        result.kinds[report.summary.kind] += 1
    if "reuse_level" in gold:
        result.reuse.append(
            (gold["reuse_level"], reuse_level(report.summary), report.summary.copied_share)
        )
    if "task" in gold:
        # Which source it draws on: most made from it, else most saying the same facts (a
        # heavy rewrite may show no sign of copying, yet follows one source).
        same = [0] * len(report.sources)
        for m in report.alignment.matches:
            if m.label == "same_fact":
                same[m.sources[0].source] += 1
        k = max(range(len(report.sources)), key=lambda k: (report.sources[k].share, same[k]))
        best = report.sources[k]
        found = best.id.removeprefix("orig_task") if best.share or same[k] else "none"
        result.attribution.append((gold.get("reuse_level", ""), gold["task"], found))
    if "consistent" in gold:
        # A change reported low for want of confidence (a swapped name) is still one: the
        # question here is whether the texts differ in meaning, not whom to accuse.
        serious = [
            f
            for f in report.findings
            if (f.severity in HIGH_OR_MEDIUM or f.type in UNCONFIRMED_CHANGES)
            and f.type not in _NOT_EVIDENCE_OF_INCONSISTENCY
        ]
        result.consistency.append(
            (gold["consistent"], not serious, tuple(gold.get("edit_types", ())))
        )
    result.per_case.append(outcome)


def _score_alignment(tally: Tally, gold: list[dict], report: Report, ids: Sequence[str]) -> int:
    expected = {
        (tuple(g["copy_span"]), g["source_id"], tuple(span))
        for g in gold
        for span in g["source_spans"]
    }
    found = set()
    for m in report.alignment.matches:
        sentence = report.copy.sentences[m.copy_sentence]
        for ref in m.sources:
            s = report.sources[ref.source].doc.sentences[ref.sentence]
            found.add(((sentence.start, sentence.end), ids[ref.source], (s.start, s.end)))
    hits = len(found & expected)
    tally.tp += hits
    tally.fp += len(found) - hits
    tally.fn += len(expected) - hits
    return len(found ^ expected)


def _where(finding_type: str, item: Finding | dict) -> Sequence[int] | None:
    side = "source_span" if finding_type == "omitted_sentence" else "copy_span"
    return getattr(item, side) if isinstance(item, Finding) else item.get(side)


def _score_findings(
    result: Evaluation, outcome: CaseResult, gold: list[dict], report: Report
) -> None:
    faithful = not gold
    if faithful:
        result.faithful_sentences += len(report.copy.sentences)
    unmatched = list(gold)
    for f in report.findings:
        twin = next(
            (
                g
                for g in unmatched
                if g["type"] == f.type and spans_overlap(_where(f.type, f), _where(f.type, g))
            ),
            None,
        )
        if twin is None:
            result.findings[f.type].fp += 1
            outcome.false_findings.append(f)
            if faithful:
                result.faithful_false[f.type] += 1
        else:
            unmatched.remove(twin)
            result.findings[f.type].tp += 1
    for g in unmatched:
        result.findings[g["type"]].fn += 1
        outcome.missed.append(g)


def render_evaluation(result: Evaluation, console: Console) -> None:
    """The scores as tables: alignment, findings per type, faithful paraphrases, the rest."""
    from rich.table import Table

    console.print(f"[bold]{result.cases}[/] cases")
    if result.corpus_cases:
        console.print(f"{result.corpus_cases} cases of corpus_refs not scored (no corpus here)")
    if result.alignment.tp + result.alignment.fn:
        a = result.alignment
        console.print(
            f"Alignment (sentence pairs): precision {a.precision:.3f}  recall {a.recall:.3f}  "
            f"F1 {a.f1:.3f}"
        )
    if result.findings:
        table = Table("finding type", "precision", "recall", "F1", "tp", "fp", "fn")
        for name, t in sorted(result.findings.items()):
            table.add_row(
                name,
                f"{t.precision:.2f}",
                f"{t.recall:.2f}",
                f"{t.f1:.2f}",
                str(t.tp),
                str(t.fp),
                str(t.fn),
            )
        console.print(table)
    if result.false_per_1000 is not None:
        kinds = ", ".join(f"{k} {v}" for k, v in result.faithful_false.most_common()) or "none"
        console.print(
            f"Faithful paraphrases: {result.false_per_1000:.1f} false findings per 1,000 copy "
            f"sentences ({result.faithful_sentences} sentences; {kinds})"
        )
    for label, value in (
        ("Reuse level accuracy", result.reuse_accuracy()),
        ("Source attribution (reused answers)", result.attribution_accuracy()),
        ("Consistency balanced accuracy", result.balanced_accuracy()),
    ):
        if value is not None:
            console.print(f"{label}: {value:.3f}")
    if result.consistency:
        recall = ", ".join(f"{k} {v:.2f}" for k, v in result.edit_recall().items())
        console.print(f"Recall per edit type: {recall}")
    worst = result.worst()
    if worst:
        console.print("Worst cases:")
        for c in worst:
            false = ", ".join(f"{f.type}" for f in c.false_findings) or "-"
            missed = ", ".join(m["type"] for m in c.missed) or "-"
            console.print(
                f"  {c.id}: false {false}; missed {missed}; alignment errors {c.alignment_errors}",
                markup=False,
            )
