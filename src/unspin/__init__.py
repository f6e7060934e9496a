"""unspin: find what a rewritten news article changed from its source, with evidence.

>>> import unspin
>>> report = unspin.compare("copy.html", "source.html")
>>> report.to_dict()["summary"]["verdict"]
"""

from unspin.compare import check, compare, compare_docs
from unspin.corpus import Corpus
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
from unspin.read import read_article

__all__ = [
    "Alignment",
    "Article",
    "Corpus",
    "Doc",
    "FetchError",
    "Finding",
    "InputError",
    "Report",
    "SentenceMatch",
    "Source",
    "SourceRef",
    "Summary",
    "UnspinError",
    "check",
    "compare",
    "compare_docs",
    "read_article",
]
