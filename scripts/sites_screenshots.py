"""Regenerate docs/sites-*.png: each section of the site report of a small realistic scan, in a
real browser (Debian's chromium, driven by Playwright).

    HF_HUB_OFFLINE=1 .venv/bin/python scripts/sites_screenshots.py [--docs docs]

The scan is built here, in a temporary folder, from the repository's own Reuters-21578 sample
(examples/corpus): a corpus of its first 120 stories, and a WARC crawl of seven made-up sites
(spun copies by unspin.testing.spin, some stories spun by four sites at once, verbatim copies,
reprints crediting "(Reuters)", stories the corpus does not hold, an image). No page text is
written into the repository: only the screenshots.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from playwright.sync_api import sync_playwright

from unspin.batch import scan
from unspin.batch.sites import render_sites
from unspin.corpus import Corpus
from unspin.model import Article
from unspin.testing.browser import CHROMIUM, FLAGS
from unspin.testing.crawl import article_page, write_warc
from unspin.testing.spin import spin

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "corpus" / "reuters21578-sample.jsonl"
NETWORK = ["daily-wire-now.example", "truthpatriot.example", "market-insider24.example"]
OTHERS = ["citybeat.example", "reprints.example", "finance-digest.example", "localnews.example"]
SECTIONS = {"overview": "#overview", "site": "#pages", "time": "#time", "stories": "#stories"}


def build_scan(folder: Path) -> Path:
    stories = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    articles = [
        Article(s["text"], title=s["title"], date=s["date"], site="Reuters", id=s["id"])
        for s in stories
        if len(s["text"]) > 1200
    ]
    in_corpus, held_out = articles[:120], articles[120:135]
    with Corpus(folder / "corpus.db") as corpus:
        corpus.add(in_corpus)
    rng = random.Random(5)
    pages: list[tuple[str, bytes, str]] = []

    def page(site: str, article: Article) -> None:
        slug = "-".join(article.title.lower().split()[:5]).strip(".,")
        pages.append((f"https://{site}/{slug}-{len(pages)}", article_page(article), "text/html"))

    for n, story in enumerate(in_corpus[:12]):  # spun by the network, several at once
        for k, site in enumerate(NETWORK):
            if (n + k) % 3:
                case = spin(story, seed=n * 10 + k, intensity=rng.choice(["medium", "heavy"]))
                page(site, replace(case.copy, title=story.title, date=story.date))
    for n, story in enumerate(in_corpus[12:30]):
        site = OTHERS[n % len(OTHERS)]
        if site == "reprints.example":  # credited reprints
            page(site, replace(story, text=f"(Reuters) - {story.text}"))
        elif n % 3 == 0:  # a light rewrite
            case = spin(story, seed=100 + n, intensity="light")
            page(site, replace(case.copy, title=story.title, date=story.date))
        else:
            page(site, story)
    for n, story in enumerate(held_out):  # their own stories
        page(OTHERS[n % len(OTHERS)], story)
    pages.append(
        ("https://citybeat.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")
    )
    crawl = folder / "crawl.warc.gz"
    write_warc(crawl, pages)
    out = folder / "scan"
    scan([str(crawl)], str(folder / "corpus.db"), out)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        sys.exit(f"sites_screenshots.py: no chromium at {CHROMIUM} (apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="unspin-sites-") as tmp:
        folder = Path(tmp)
        report = folder / "report" / "sites.html"
        report.parent.mkdir()
        report.write_text(render_sites(build_scan(folder), report), encoding="utf-8")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=list(FLAGS))
            page = browser.new_page(viewport={"width": 1300, "height": 900})
            page.goto(report.as_uri())
            shots = {**SECTIONS, "about": "#about"}
            for name, selector in shots.items():
                if name == "site":  # the pages table, filtered to one site's spun copies
                    page.select_option("select[data-filter=site]", NETWORK[0])
                    page.select_option("select[data-filter=kind]", "spun copy")
                out = args.docs / f"sites-{name}.png"
                section = page.locator(selector)
                box = section.bounding_box()
                assert box is not None
                clip = {**box, "height": min(box["height"], 1100)}
                page.screenshot(path=str(out), clip=clip, full_page=True)
                print(f"{selector} -> {out} ({out.stat().st_size / 1000:.0f} kB)")
            browser.close()


if __name__ == "__main__":
    main()
