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


def detect(copy: Doc, sources: Sequence[Doc], alignment: Alignment) -> list[Finding]:
    comparison = Comparison(copy, sources, alignment)
    findings = {f for d in detectors() for f in d.run(comparison)}
    return sorted(findings, key=_position)


def _position(finding: Finding) -> tuple[int, int, int, str]:
    if finding.copy_span is not None:
        return (0, *finding.copy_span, finding.type)
    span = finding.source_span or (0, 0)
    return (1, *span, finding.type)
