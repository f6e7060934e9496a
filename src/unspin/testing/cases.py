"""Writing evaluation cases as JSON Lines (docs/eval-format.md; `unspin.evaluate.read_cases`
reads them)."""

from __future__ import annotations

import json
from collections.abc import Iterable
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


def write_cases(path: str | Path, cases: Iterable[dict]) -> int:
    """Write cases one per line; returns how many."""
    count = 0
    with open(path, "w", encoding="utf-8") as f:
        for case in cases:
            f.write(json.dumps(case, ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
    return count
