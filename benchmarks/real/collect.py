"""Keep the real-page set's texts in the local cache and its manifest in git.

The page texts are third-party text: they live in the cache folder (`$UNSPIN_REAL_PAGES`, else
~/.cache/unspin/real-pages), never in the repository. The repository holds what is needed to
collect them again and to check that a re-collected text is the one that was labelled:
benchmarks/real/pages.jsonl (one page a line: id, url, site, title, date, how it was found, the
text's length and sha256) and benchmarks/real/pairs.jsonl (one copy/source pair a line, with
its kind and its same-event distractors).

    python benchmarks/real/collect.py add-page --url URL --text-file F --found-by "QUERY" --by NAME
    python benchmarks/real/collect.py add-pair --copy ID --source ID --kind spun --wire AP \
        --event-date 2022-01-25 --distractors ID,ID --by NAME [--notes "..."]
    python benchmarks/real/collect.py merge        # collectors' part files -> pages/pairs.jsonl
    python benchmarks/real/collect.py missing      # pages whose text is not in the cache
    python benchmarks/real/collect.py restore --url URL --text-file F  # a re-collected text

Texts come from the search tool's `pages` corpus (a stored crawl; its excerpts are a page's
first ~2,000 characters): `missing` prints, for each page lacking, its URL and the query that
found it, for a collector to run again and save with `add-page`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
PAGES = HERE / "pages.jsonl"
PAIRS = HERE / "pairs.jsonl"
KINDS = ("spun", "verbatim", "credited", "stitched", "partial")
# The crawl prefixes some excerpts with " date 2023-03 " (its own metadata, not page text).
_DATE_PREFIX = re.compile(r"^\s*date (\d{4}(?:-\d{2}){0,2})\s+")


def cache() -> Path:
    root = os.environ.get("UNSPIN_REAL_PAGES")
    if root:
        return Path(root)
    base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return base / "unspin" / "real-pages"


def text_path(page_id: str) -> Path:
    return cache() / "texts" / f"{page_id}.txt"


def site_of(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    for prefix in ("www.", "m.", "amp.", "mobile."):
        host = host.removeprefix(prefix)
    return host


def page_id(url: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", site_of(url).rsplit(".", 1)[0])[:24].strip("-")
    return f"{slug}-{hashlib.sha1(url.encode()).hexdigest()[:6]}"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def write_jsonl(path: Path, rows: list[dict]) -> None:
    lines = [json.dumps(row, ensure_ascii=False, sort_keys=True) for row in rows]
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def _part(by: str, kind: str) -> Path:
    path = cache() / "parts" / f"{by}.{kind}.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def _append(path: Path, row: dict) -> None:
    with path.open("a", encoding="utf-8") as f:
        f.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")


def _page_text(text_file: str) -> tuple[str, str]:
    """The excerpt as the cache keeps it, and the date the crawl put before it (or ""). A .json
    file holds the excerpt as the search answer shows it: a JSON string, its escapes kept (a
    transcription that cannot lose a curly quote or a trailing newline)."""
    raw = Path(text_file).read_text(encoding="utf-8")
    if text_file.endswith(".json"):
        raw = json.loads(raw)
    date = ""
    if m := _DATE_PREFIX.match(raw):
        date, raw = m.group(1), raw[m.end() :]
    return raw.strip() + "\n", date


def add_page(args: argparse.Namespace) -> None:
    text, crawl_date = _page_text(args.text_file)
    date = args.date or crawl_date
    pid = page_id(args.url)
    path = text_path(pid)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    row = {
        "id": pid,
        "url": args.url,
        "site": site_of(args.url),
        "title": args.title or text.strip().split("\n", 1)[0][:120],
        "date": date,
        "found_by": args.found_by,
        "chars": len(text),
        "sha256": sha256(text),
        "by": args.by,
    }
    _append(_part(args.by, "pages"), row)
    print(pid)


def add_pair(args: argparse.Namespace) -> None:
    if args.kind not in KINDS:
        sys.exit(f"--kind must be one of {', '.join(KINDS)}")
    sources = [s for s in args.source.split(",") if s]
    distractors = [d for d in (args.distractors or "").split(",") if d]
    for pid in [args.copy, *sources, *distractors]:
        if not text_path(pid).exists():
            sys.exit(f"no text for page {pid}: add it with add-page first")
    row = {
        "pair": f"{args.copy}__{sources[0]}",
        "copy": args.copy,
        "sources": sources,
        "kind": args.kind,
        "wire": args.wire,
        "event_date": args.event_date,
        "distractors": distractors,
        "notes": args.notes or "",
        "by": args.by,
    }
    _append(_part(args.by, "pairs"), row)
    print(row["pair"])


def merge(_: argparse.Namespace) -> None:
    """Fold every collector's part files into pages.jsonl and pairs.jsonl (last row wins)."""
    pages = {p["id"]: p for p in read_jsonl(PAGES)}
    pairs = {p["pair"]: p for p in read_jsonl(PAIRS)}
    for part in sorted((cache() / "parts").glob("*.pages.jsonl")):
        pages.update((p["id"], p) for p in read_jsonl(part))
    for part in sorted((cache() / "parts").glob("*.pairs.jsonl")):
        pairs.update((p["pair"], p) for p in read_jsonl(part))
    write_jsonl(PAGES, sorted(pages.values(), key=lambda p: p["id"]))
    write_jsonl(PAIRS, sorted(pairs.values(), key=lambda p: p["pair"]))
    print(f"{len(pages)} pages, {len(pairs)} pairs")


def restore(args: argparse.Namespace) -> None:
    """Put a re-collected text of a page in the manifest back in the cache, if it is the one
    that was labelled (same sha256); a different text goes to differs/ for a person to look at,
    since the labels' offsets would not fit it."""
    text, _ = _page_text(args.text_file)
    pid = page_id(args.url)
    page = next((p for p in read_jsonl(PAGES) if p["id"] == pid), None)
    if page is None:
        sys.exit(f"{pid}: not in pages.jsonl (a new page goes in with add-page)")
    if sha256(text) != page["sha256"]:
        path = cache() / "differs" / f"{pid}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        sys.exit(f"{pid}: differs from the labelled text ({len(text)} vs {page['chars']} chars)")
    path = text_path(pid)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"{pid}: restored")


def missing(_: argparse.Namespace) -> None:
    """Pages whose text is absent from the cache, or differs from the one that was labelled."""
    lacking = 0
    for page in read_jsonl(PAGES):
        path = text_path(page["id"])
        state = "missing"
        if path.exists():
            if sha256(path.read_text(encoding="utf-8")) == page["sha256"]:
                continue
            state = "differs"
        lacking += 1
        print(f"{state}\t{page['id']}\t{page['url']}\tsearch pages: {page['found_by']}")
    print(f"{lacking} of {len(read_jsonl(PAGES))} page texts missing or different", file=sys.stderr)
    sys.exit(1 if lacking else 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("add-page", help="save a page's text in the cache, note it in a part file")
    p.add_argument("--url", required=True)
    p.add_argument("--text-file", required=True, help="the excerpt exactly as the search gave it")
    p.add_argument("--found-by", required=True, help="the search query that returned it")
    p.add_argument("--by", required=True, help="collector's name (names the part file)")
    p.add_argument("--title", help="default: the text's first line")
    p.add_argument("--date", help="publication date if known (YYYY-MM-DD)")
    p.set_defaults(run=add_page)
    q = sub.add_parser("add-pair", help="note a copy, its source(s) and distractors")
    q.add_argument("--copy", required=True)
    q.add_argument("--source", required=True, help="page id; two, comma-separated, if stitched")
    q.add_argument("--kind", required=True, help="|".join(KINDS))
    q.add_argument("--wire", required=True, help="AP, Reuters, AFP, BBC, ...")
    q.add_argument("--event-date", required=True)
    q.add_argument("--distractors", help="page ids, comma-separated")
    q.add_argument("--notes")
    q.add_argument("--by", required=True)
    q.set_defaults(run=add_pair)
    sub.add_parser(
        "merge", help="fold the part files into pages.jsonl and pairs.jsonl"
    ).set_defaults(run=merge)
    sub.add_parser("missing", help="list pages whose text is not in the cache").set_defaults(
        run=missing
    )
    r = sub.add_parser("restore", help="put a re-collected text back in the cache")
    r.add_argument("--url", required=True)
    r.add_argument(
        "--text-file",
        required=True,
        help="the excerpt exactly as the search gave it (.json: as a JSON string, escapes kept)",
    )
    r.set_defaults(run=restore)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
