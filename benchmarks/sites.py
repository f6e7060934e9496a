"""How long the site report takes to render: synthetic scans of 1,000 and 10,000 pages on 50
sites (tables written as `unspin scan` writes them), the report without page reports, and the
side-by-side reports of 1,000 pages (the bundled example's report, stored for each). Run by hand:

    HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/sites.py [--pages 1000 10000] [--page-reports 1000]

Printed as markdown: pages, seconds to render the HTML (load, tables, charts, template), its
size; then seconds for the page reports.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from unspin.batch import sites
from unspin.batch.output import Part, ScanOutput
from unspin.batch.rows import page_rows
from unspin.model import KINDS

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "spun-reuters21578"
SITES = [f"news-{n:02d}.example" for n in range(50)]
TYPES = ("number_changed", "attribution_dropped", "loaded_wording", "omitted_sentence")


def synthetic_scan(folder: Path, n_pages: int, report: str = "") -> None:
    """`n_pages` pages on SITES over 12 weeks, a third of them copies of 300 stories, each copy
    with 0-3 findings; committed in parts of 1,000 as a scan does."""
    rng = random.Random(n_pages)
    output = ScanOutput(folder)
    folder.mkdir(parents=True)
    settings = {"inputs": ["crawl.warc.gz"], "corpus": "wire.db", "completed": True}
    (folder / "scan.json").write_text(json.dumps(settings))
    part = Part()
    for n in range(n_pages):
        pid, site, kind = f"{n:020x}", rng.choice(SITES), rng.choice(KINDS)
        day = 1 + rng.randrange(84)
        part.add(
            "pages",
            [
                {
                    "page_id": pid,
                    "record": f"crawl.warc.gz@{n}",
                    "url": f"https://{site}/story-{n}",
                    "site": site,
                    "title": f"Story {n}",
                    "date": f"2024-{1 + (day - 1) // 28:02d}-{1 + (day - 1) % 28:02d}",
                    "sentences": rng.randint(5, 40),
                    "kind": kind,
                    "credited": rng.random() < 0.2,
                    "report": report,
                }
            ],
        )
        if kind != "not a copy":
            story = rng.randrange(300)
            row = {"page_id": pid, "rank": 0, "source_id": f"wire/{story}", "site": "Reuters"}
            part.add("sources", [row | {"title": f"Wire story {story}", "date": "2024-01-01"}])
            for k in range(rng.randint(0, 3)):
                finding = {"page_id": pid, "finding": k, "type": rng.choice(TYPES)}
                finding |= {"severity": rng.choice(["high", "medium", "low"]), "reason": "r"}
                part.add("findings", [finding | {"copy_text": "a b c", "source_text": "a b d"}])
        if len(part.rows["pages"]) == 1000:
            output.commit(part)
            part = Part()
    output.commit(part)


def example_report() -> str:
    """The bundled spun example's report as the scan stores it."""
    from unspin import compare

    row, _, _ = page_rows(
        "x", "x", compare(str(EXAMPLE / "copy.json"), str(EXAMPLE / "source.json"))
    )
    return row["report"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--page-reports", type=int, default=1000)
    args = parser.parse_args()
    print("| pages | render s (no page reports) | HTML MB |\n|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="unspin-sites-") as tmp:
        for n in args.pages:
            folder = Path(tmp) / f"scan-{n}"
            synthetic_scan(folder, n)
            started = time.perf_counter()
            page = sites.render_sites(folder, Path(tmp) / f"sites-{n}.html", page_reports=False)
            seconds = time.perf_counter() - started
            print(f"| {n:,} | {seconds:.1f} | {len(page.encode()) / 1e6:.1f} |", flush=True)
        if args.page_reports:
            folder = Path(tmp) / "with-reports"
            synthetic_scan(folder, args.page_reports, example_report())
            tables = sites.load(folder)
            started = time.perf_counter()
            written = sites.write_page_reports(tables, Path(tmp) / "pages")
            seconds = time.perf_counter() - started
            print(
                f"\n{len(written):,} page reports (the bundled example's): {seconds:.1f} s, "
                f"{1000 * seconds / max(len(written), 1):.0f} ms each",
                file=sys.stdout,
            )


if __name__ == "__main__":
    main()
