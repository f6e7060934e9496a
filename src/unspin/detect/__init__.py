"""Change detectors. Each detector module in this package registers its detectors with
`@detector(...)` (bodies, names and lexicon are their shared machinery);
adding a finding type means one row in `unspin.finding_types`, one module here and its test.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Sequence
from functools import cache

from unspin.detect.base import REGISTRY, Comparison, Group, RegisteredDetector, detector
from unspin.finding_types import BY_NAME, SENTENCE_LEVEL
from unspin.model import Alignment, Doc, Finding, spans_overlap

__all__ = ["Comparison", "Group", "detect", "detector", "detectors", "finding_types"]


@cache
def _discover() -> tuple[RegisteredDetector, ...]:
    """Import every detector module of this package once; each registers its detectors."""
    for module in pkgutil.iter_modules(__path__):
        if module.name != "base":
            importlib.import_module(f"{__name__}.{module.name}")
    return tuple(sorted(REGISTRY.values(), key=lambda d: d.name))


def detectors() -> list[RegisteredDetector]:
    return list(_discover())


def finding_types() -> list[str]:
    return sorted({t for d in detectors() for t in d.types})


def detect(copy: Doc, sources: Sequence[Doc], alignment: Alignment) -> list[Finding]:
    """Every registered detector's findings on an aligned pair, in copy order; of findings at
    one place, only the most specific type is kept (unspin.finding_types)."""
    comparison = Comparison(copy, sources, alignment)
    findings = {f for d in detectors() for f in d.run(comparison) if _judged(comparison, f)}
    return sorted(_most_specific(findings), key=_position)


def _judged(comparison: Comparison, finding: Finding) -> bool:
    """False for a finding past where a sentence of its group breaks off (`Group.limits`)."""
    if finding.copy_span is None or finding.source is None:
        return True
    start = finding.copy_span[0]
    return all(
        g.judged(finding)
        for g in comparison.groups_spanning(start)
        if g.source_index == finding.source
    )


def _rank(finding: Finding) -> int:
    """One change, one finding: where findings of two types point at the same words in both
    texts, only the more specific stays (`FindingType.specificity`)."""
    return BY_NAME[finding.type].specificity


def _same_place(a: Finding, b: Finding) -> bool:
    return (
        a.source == b.source
        and spans_overlap(a.copy_span, b.copy_span)
        and (spans_overlap(a.source_span, b.source_span) or a.type == b.type)
    )


def _most_specific(findings: set[Finding]) -> list[Finding]:
    kept: list[Finding] = []
    for f in sorted(findings, key=lambda f: (_rank(f), _position(f))):
        if f.type in SENTENCE_LEVEL or not any(_same_place(f, k) for k in kept):
            kept.append(f)
    return kept


def _position(finding: Finding) -> tuple:
    """Where a finding stands, then everything else about it: a total order, so that which of
    two findings at one place is kept never depends on the order of a set (the hash seed)."""
    rest = (
        finding.type,
        -1 if finding.source is None else finding.source,
        finding.source_span or (-1, -1),
        finding.severity,
        finding.reason,
    )
    if finding.copy_span is not None:
        return (0, *finding.copy_span, *rest)
    return (1, *(finding.source_span or (0, 0)), *rest)
