"""The test bed: labelled spun copies of news articles and the JSONL case format.

`spin` turns an article into a spun copy with gold alignment and findings; `case_to_json` and
`write_cases` write the case files `unspin eval` reads (docs/eval-format.md);
`unspin.testing.datasets` builds cases from the shared corpora.
"""

from unspin.testing.cases import case_to_json, write_cases
from unspin.testing.spin import (
    RATES,
    SPUN_TYPES,
    GoldFinding,
    GoldPair,
    Intensity,
    Rates,
    SpunCase,
    spin,
)

__all__ = [
    "RATES",
    "SPUN_TYPES",
    "GoldFinding",
    "GoldPair",
    "Intensity",
    "Rates",
    "SpunCase",
    "case_to_json",
    "spin",
    "write_cases",
]
