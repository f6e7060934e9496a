"""Regenerate docs/report-page.png: the report page of the bundled example, in a real browser.

    HF_HUB_OFFLINE=1 .venv/bin/python scripts/screenshot.py [--out docs/report-page.png]

Serves the app in this process (uvicorn in a thread, an empty corpus and reports in a temporary
folder), opens `/` in Debian's chromium (/usr/bin/chromium, headless, driven by Playwright's
sync API, with the flags tests/test_web_browser.py uses), pastes the bundled example
(examples/spun-reuters21578: copy.json's title and text as the copy, source.json's text as the
source) into the form, submits it, waits for `/reports/*`, hovers the first linked copy sentence
so that it and its source sentence light up, and saves a 1400x1000 screenshot of the viewport.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import uvicorn

from unspin.testing.browser import CHROMIUM, FLAGS
from unspin.web import Settings, create_app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "spun-reuters21578"
VIEWPORT = {"width": 1400, "height": 1000}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def example(name: str) -> dict[str, str]:
    return json.loads((EXAMPLE / name).read_text(encoding="utf-8"))


def shoot(base_url: str, out: Path) -> None:
    from playwright.sync_api import sync_playwright

    copy, source = example("copy.json"), example("source.json")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=list(FLAGS))
        try:
            page = browser.new_page(viewport=VIEWPORT)
            page.set_default_timeout(60_000)  # a first comparison loads the embedding models
            page.goto(base_url)
            page.fill("textarea[name=copy_text]", f"{copy['title']}\n\n{copy['text']}")
            page.fill("textarea[name=source_text]", source["text"])
            page.click("button[type=submit]")
            page.wait_for_url("**/reports/*")
            sentence = page.locator(".pane.copy .s[data-links]").first
            sentence.wait_for()
            sentence.hover()
            page.wait_for_timeout(300)  # let the highlight settle
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out))
            print(f"{page.url} -> {out} ({out.stat().st_size / 1000:.0f} kB)")
        finally:
            browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "report-page.png")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        sys.exit(f"screenshot.py: no chromium at {CHROMIUM} (apt-get install chromium)")

    with tempfile.TemporaryDirectory(prefix="unspin-screenshot-") as tmp:
        folder = Path(tmp)
        app = create_app(Settings(corpus=folder / "corpus.db", reports=folder / "reports.db"))
        port = free_port()
        config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error")
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        try:
            for _ in range(200):
                if server.started:
                    break
                time.sleep(0.05)
            else:
                sys.exit("screenshot.py: the server did not start")
            shoot(f"http://127.0.0.1:{port}", args.out)
        finally:
            server.should_exit = True
            thread.join(10)


if __name__ == "__main__":
    main()
