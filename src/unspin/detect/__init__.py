"""Change detectors. Each module in this package registers its detectors with `@detector(...)`;
adding a finding type means adding one module (and its test), nothing else.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Sequence

from unspin.detect.base import REGISTRY, Comparison, Group, RegisteredDetector, detector
from unspin.model import Alignment, Doc, Finding

__all__ = ["Comparison", "Group", "detect", "detector", "detectors", "finding_types"]


def detectors() -> list[RegisteredDetector]:
    for module in pkgutil.iter_modules(__path__):
        if module.name != "base":
            importlib.import_module(f"{__name__}.{module.name}")
    return sorted(REGISTRY.values(), key=lambda d: d.name)


def finding_types() -> list[str]:
    return sorted({t for d in detectors() for t in d.types})


# One change, one finding: where findings of two types point at the same words in both texts,
# only the more specific stays (a swapped speaker is a misattributed quote, not also a changed
# attribution and a changed entity). Earlier in this list is more specific.
SPECIFICITY = (
    "quote_misattributed",
    "quote_altered",
    "quote_fabricated",
    "attribution_changed",
    "attribution_dropped",
    "number_changed",
    "time_changed",
    "negation_flipped",
    "loaded_wording",
    "certainty_shifted",
    "entity_changed",
    "number_added",
    "number_dropped",
)


def detect(copy: Doc, sources: Sequence[Doc], alignment: Alignment) -> list[Finding]:
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
    return SPECIFICITY.index(finding.type) if finding.type in SPECIFICITY else len(SPECIFICITY)


def _same_place(a: Finding, b: Finding) -> bool:
    def overlap(x: tuple[int, int] | None, y: tuple[int, int] | None) -> bool:
        return x is not None and y is not None and x[0] < y[1] and y[0] < x[1]

    return (
        a.source == b.source
        and overlap(a.copy_span, b.copy_span)
        and (overlap(a.source_span, b.source_span) or a.type == b.type)
    )


def _most_specific(findings: set[Finding]) -> list[Finding]:
    kept: list[Finding] = []
    for f in sorted(findings, key=lambda f: (_rank(f), _position(f))):
        if f.type in ("unsourced_sentence", "omitted_sentence") or not any(
            _same_place(f, k) for k in kept
        ):
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
