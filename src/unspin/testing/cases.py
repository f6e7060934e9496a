"""Evaluation cases as JSON Lines (the format is described in docs/eval-format.md)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from unspin.testing.spin import SpunCase


def case_to_json(case: SpunCase, id: str) -> dict:
    source_id = case.source.id or f"{id}/source"
    copy, source = case.copy, case.source
    return {
        "id": id,
        "copy": {"text": copy.text, "title": copy.title, "url": copy.url, "date": copy.date},
        "sources": [
            {"id": source_id, "text": source.text, "title": source.title, "date": source.date}
        ],
        "gold": {
            "alignment": [
                {
                    "copy_span": list(p.copy_span),
                    "source_id": source_id if p.source_spans else None,
                    "source_spans": [list(s) for s in p.source_spans],
                    "label": p.label,
                }
                for p in case.alignment
            ],
            "findings": [
                {
                    "type": f.type,
                    "copy_span": list(f.copy_span) if f.copy_span else None,
                    "source_id": source_id if f.source_span else None,
                    "source_span": list(f.source_span) if f.source_span else None,
                    "note": f.note,
                }
                for f in case.findings
            ],
        },
        "spin": {"seed": case.seed, "intensity": case.intensity},
    }


def read_cases(path: str | Path) -> Iterator[dict]:
    """The cases in a JSONL file; a malformed line raises ValueError naming the line."""
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                case = json.loads(line)
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}:{number}: not valid JSON ({e.msg})") from None
            problem = _problem(case)
            if problem:
                raise ValueError(f"{path}:{number}: {problem}")
            yield case


def write_cases(path: str | Path, cases: Iterable[dict]) -> int:
    """Write cases one per line; returns how many."""
    count = 0
    with open(path, "w", encoding="utf-8") as f:
        for case in cases:
            f.write(json.dumps(case, ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
    return count


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
    return None
