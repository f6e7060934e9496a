"""Rebuild reuters21578-sample.jsonl from ../shared/data/reuters21578 (see SOURCE.md).

.venv/bin/python examples/corpus/make_sample.py
"""

from __future__ import annotations

import json
from pathlib import Path

from unspin.testing.datasets import is_prose, reuters21578_articles

SIZE = 500
# The sources of the two bundled examples; the later version of the write-through (5265) is
# left out, so that checking it must find its earlier version.
KEEP = {"reuters21578/192", "reuters21578/5163"}
LEAVE_OUT = {"reuters21578/5265"}


def main() -> None:
    stories = [a for a in reuters21578_articles() if is_prose(a) and a.id not in LEAVE_OUT]
    step = len(stories) / (SIZE - len(KEEP))
    sample = {a.id: a for a in (stories[int(k * step)] for k in range(SIZE - len(KEEP)))}
    sample |= {a.id: a for a in stories if a.id in KEEP}
    out = Path(__file__).with_name("reuters21578-sample.jsonl")
    with out.open("w", encoding="utf-8") as f:
        for a in sorted(sample.values(), key=lambda a: int(a.id.split("/")[1])):
            record = {
                "id": a.id,
                "title": a.title,
                "date": a.date,
                "site": "Reuters",
                "text": a.text,
            }
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(sample)} stories -> {out}")


if __name__ == "__main__":
    main()
