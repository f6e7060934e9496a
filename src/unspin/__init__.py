"""unspin: find what a rewritten news article changed from its source, with evidence.

>>> import unspin
>>> report = unspin.compare("copy.html", "source.html")
>>> unspin.report_to_dict(report)["summary"]["verdict"]

This module is the public API. The modules behind it follow the flow
read -> segment -> find -> align -> detect -> summary -> report, each importing only the
stages before it; front ends (cli.py, web/, batch/) sit on top and call what is exported here.
"""

import importlib
from typing import TYPE_CHECKING, Any

from unspin.corpus import AddedFiles, Corpus, CorpusError, Skipped
from unspin.detect import detector
from unspin.errors import FetchError, InputError, UnspinError
from unspin.model import (
    Alignment,
    Article,
    Doc,
    Finding,
    Report,
    SentenceMatch,
    Source,
    SourceRef,
    Summary,
)
from unspin.pipeline import DEFAULT_ENCODERS, check, compare, compare_docs, default_encoders
from unspin.read import read_article, read_input
from unspin.report import (
    render_html,
    render_terminal,
    report_from_dict,
    report_to_dict,
    report_to_json,
)
from unspin.segmentation import segment

if TYPE_CHECKING:
    from unspin.batch import ScanStats, scan
    from unspin.fetch import PublicOnlyTransport

# Loaded on first use: scans need the `scan` extra (pyarrow, Dask), and httpx is only needed
# to fetch URLs; `import unspin` stays quick for a command that does neither.
_LAZY = {"scan": "unspin.batch", "ScanStats": "unspin.batch", "PublicOnlyTransport": "unspin.fetch"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'unspin' has no attribute {name!r}")


__all__ = [
    "DEFAULT_ENCODERS",
    "AddedFiles",
    "Alignment",
    "Article",
    "Corpus",
    "CorpusError",
    "Doc",
    "FetchError",
    "Finding",
    "InputError",
    "PublicOnlyTransport",
    "Report",
    "ScanStats",
    "SentenceMatch",
    "Skipped",
    "Source",
    "SourceRef",
    "Summary",
    "UnspinError",
    "check",
    "compare",
    "compare_docs",
    "default_encoders",
    "detector",
    "read_article",
    "read_input",
    "render_html",
    "render_terminal",
    "report_from_dict",
    "report_to_dict",
    "report_to_json",
    "scan",
    "segment",
]
