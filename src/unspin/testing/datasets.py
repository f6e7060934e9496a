"""Evaluation cases built from the shared corpora (see each folder's SOURCE.md).

Every builder reads from a data directory: the argument, else $UNSPIN_SHARED_DATA, else
../shared/data beside the repository. Nothing here is copied into the repository: the Reuters
2006-2013 corpus (reuters_ding2014) is copyrighted and is read only at benchmark time.
"""

from __future__ import annotations

import csv
import html
import json
import lzma
import os
import random
import re
import tarfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from unspin.model import Article
from unspin.testing.cases import case_to_json
from unspin.testing.spin import Intensity, spin

_FILLER_PER_CASE = 3


def data_dir(path: str | Path | None = None) -> Path:
    if path is not None:
        return Path(path)
    if os.environ.get("UNSPIN_SHARED_DATA"):
        return Path(os.environ["UNSPIN_SHARED_DATA"])
    return Path(__file__).resolve().parents[4] / "shared" / "data"  # ../shared/data from the repo


def reflow(text: str, breaks: str = r"\n[ \t]*\n") -> str:
    """Unwrap hard-wrapped lines: paragraphs (split at `breaks`) joined by blank lines."""
    paragraphs = (" ".join(p.split()) for p in re.split(breaks, text.replace("\r\n", "\n")))
    return "\n\n".join(p for p in paragraphs if p)


# --- Reuters-21578 (1987; research use, small subsets may ship) --------------------------------

_R21578_TAR = "reuters21578/reuters21578_sgml.tar.xz"


def reuters21578_articles(directory: str | Path | None = None) -> Iterator[Article]:
    """Stories with a body, in file order. Reads the tarball, or *.sgm files in the folder
    reuters21578/ (how test fixtures are stored)."""
    folder = data_dir(directory)
    tarball = folder / _R21578_TAR
    if tarball.exists():
        with tarfile.open(tarball) as tar:
            for member in sorted(tar.getmembers(), key=lambda m: m.name):
                if member.name.endswith(".sgm"):
                    handle = tar.extractfile(member)
                    if handle:
                        yield from _parse_sgml(handle.read().decode("latin-1"))
    else:
        for path in sorted((folder / "reuters21578").glob("*.sgm")):
            yield from _parse_sgml(path.read_text("latin-1"))


def _parse_sgml(sgml: str) -> Iterator[Article]:
    for doc in re.findall(r"<REUTERS .*?</REUTERS>", sgml, re.S):
        body = re.search(r"<BODY>(.*?)</BODY>", doc, re.S)
        if not body:
            continue
        newid = re.search(r'NEWID="(\d+)"', doc)
        title = re.search(r"<TITLE>(.*?)</TITLE>", doc, re.S)
        date = re.search(r"<DATE>\s*(\S+)", doc)
        text = re.sub(r"&#\d+;", "", body.group(1))
        text = re.sub(r"\s*Reuter\s*$", "", html.unescape(text), flags=re.I)
        yield Article(
            text=reflow(text, r"\n\s*\n|\n(?=[ \t]{2,})"),  # a paragraph starts indented
            title=" ".join(html.unescape(title.group(1)).split()) if title else "",
            date=datetime.strptime(date.group(1), "%d-%b-%Y").date().isoformat() if date else "",
            id=f"reuters21578/{newid.group(1) if newid else '?'}",
        )


def is_prose(article: Article, min_words: int = 120) -> bool:
    """A story told in sentences, not a table of earnings figures."""
    words = article.text.split()
    alpha = sum(w.strip(".,;:()\"'").isalpha() for w in words)
    return (
        len(words) >= min_words and alpha >= 0.75 * len(words) and article.text.count("\n\n") >= 2
    )


def spun_reuters21578_cases(
    n: int,
    intensity: Intensity,
    seed: int,
    directory: str | Path | None = None,
    distortions: int | None = None,
) -> Iterator[dict]:
    """`n` spun copies of prose stories from Reuters-21578, each with filler from others."""
    yield from _spun_cases(
        [a for a in reuters21578_articles(directory) if is_prose(a)],
        n,
        intensity,
        seed,
        distortions,
    )


def _spun_cases(
    pool: list[Article], n: int, intensity: Intensity, seed: int, distortions: int | None
) -> Iterator[dict]:
    rng = random.Random(seed)
    chosen = rng.sample(range(len(pool)), min(n, len(pool)))
    for k, index in enumerate(chosen):
        others = [i for i in range(len(pool)) if i != index]
        filler = [pool[i].text for i in rng.sample(others, min(_FILLER_PER_CASE, len(others)))]
        case_seed = seed * 1_000_003 + k
        case = spin(
            pool[index], seed=case_seed, intensity=intensity, distortions=distortions, filler=filler
        )
        yield case_to_json(case, f"{pool[index].id}/{intensity}/{case_seed}")


# --- Reuters 2006-2013 (Ding et al. 2014; copyrighted: benchmarks only) ------------------------

_DING_FILE = "reuters_ding2014/reuters_ding2014.jsonl.xz"
_DATELINE = re.compile(r"^[^()\n]{0,80}?\(Reuters\)\s*-\s*")
# The stored bodies kept only the first paragraph break; later paragraphs are joined by two
# spaces after a sentence's end ("...as promised.  The company's offer...").
_DING_BREAKS = r"\n[ \t]*\n|(?<=[.!?\"'”])  +(?=[A-Z\"“])"


def reuters_ding2014_articles(directory: str | Path | None = None) -> Iterator[Article]:
    """Stories with a body, skipping "UPDATE n-" re-issues; the dateline prefix is cut."""
    with lzma.open(data_dir(directory) / _DING_FILE, "rt", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if not record["body"].strip() or record["title"].upper().startswith("UPDATE"):
                continue
            text = reflow(_DATELINE.sub("", record["body"].strip(), count=1), _DING_BREAKS)
            day = record.get("day", "")
            yield Article(
                text=text,
                title=record["title"],
                url=record.get("url", ""),
                date=f"{day[:4]}-{day[4:6]}-{day[6:]}" if len(day) == 8 else "",
                author=record.get("author", ""),
                id=f"reuters_ding2014/{record['id']}",
            )


def spun_reuters_cases(
    n: int,
    intensity: Intensity,
    seed: int,
    directory: str | Path | None = None,
    distortions: int | None = None,
) -> Iterator[dict]:
    """`n` spun copies of Reuters 2006-2013 stories, sampled in one pass (reservoir)."""
    rng = random.Random(seed)
    size = n + _FILLER_PER_CASE * 4  # extra stories serve as filler
    reservoir: list[Article] = []
    for seen, article in enumerate(a for a in reuters_ding2014_articles(directory) if is_prose(a)):
        if len(reservoir) < size:
            reservoir.append(article)
        elif (j := rng.randrange(seen + 1)) < size:
            reservoir[j] = article
    yield from _spun_cases(reservoir, n, intensity, seed, distortions)


# --- Clough & Stevenson short answers (reuse levels) -------------------------------------------

_CS_DIR = "clough_stevenson_short_answers/data"


def clough_stevenson_cases(directory: str | Path | None = None) -> Iterator[dict]:
    """Each answer as a copy with all the Wikipedia sources (5); gold: reuse level and the task
    letter, which names the source the answer was written from ("orig_task" + letter)."""
    folder = data_dir(directory) / _CS_DIR
    sources = [
        {"id": path.stem, "text": reflow(_read(path)), "title": "", "date": ""}
        for path in sorted(folder.glob("orig_task*.txt"))
    ]
    with open(folder / "file_information.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        if row["Category"] == "orig":
            continue
        yield {
            "id": f"clough_stevenson/{row['File'].removesuffix('.txt')}",
            "copy": {
                "text": reflow(_read(folder / row["File"])),
                "title": "",
                "url": "",
                "date": "",
            },
            "sources": sources,
            "gold": {"reuse_level": row["Category"], "task": row["Task"]},
        }


def _read(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


# --- SummEdits news (consistent / inconsistent summaries; Apache-2.0) --------------------------


def summedits_cases(directory: str | Path | None = None) -> Iterator[dict]:
    """Each edited summary as a copy of its document; gold: consistent and the edit types."""
    with open(data_dir(directory) / "summedits" / "summedits_news.json", encoding="utf-8") as f:
        records = json.load(f)
    for r in records:
        edits = r["edit_types"]
        yield {
            "id": f"summedits/{r['id']}",
            "copy": {"text": r["summary"], "title": "", "url": "", "date": ""},
            "sources": [
                {"id": f"summedits/{r['id']}/doc", "text": r["doc"], "title": "", "date": ""}
            ],
            "gold": {
                "consistent": r["label"] == 1,
                "edit_types": json.loads(edits) if isinstance(edits, str) else list(edits),
            },
        }
