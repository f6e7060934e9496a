"""The web app in a real browser: Debian's chromium, headless, driven by Playwright.

Skipped where chromium is missing, except under `.ci/run` (see tests/chromium.py).
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from chromium import launched, sync_api
from repo_paths import SPUN_EXAMPLE
from unspin.web import Settings, create_app


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("serve")
    app = create_app(Settings(corpus=folder / "corpus.db", reports=folder / "reports.db"))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[sync_api.Browser]:
    yield from launched()


@pytest.fixture
def page(browser: sync_api.Browser) -> Iterator[sync_api.Page]:
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(60_000)  # a first comparison loads the embedding models
    yield page
    context.close()


def _example(name: str) -> dict[str, str]:
    return json.loads((SPUN_EXAMPLE / name).read_text(encoding="utf-8"))


def test_the_bundled_example_shows_highlights_and_linked_sentences(
    base_url: str, page: sync_api.Page
) -> None:
    copy, source = _example("copy.json"), _example("source.json")
    page.goto(base_url)
    page.fill("textarea[name=copy_text]", f"{copy['title']}\n\n{copy['text']}")
    page.fill("textarea[name=source_text]", source["text"])
    page.click("button[type=submit]")
    page.wait_for_url("**/reports/*")
    assert "Jury Finds for Dow" in page.title()
    marks = page.locator("mark.f")
    assert marks.count() >= 5  # the example's five labelled distortions, at least
    # Hovering a copy sentence lights it and its source sentence up.
    sentence = page.locator(".pane.copy .s[data-links]").first
    linked = sentence.get_attribute("data-links")
    assert linked
    sentence.hover()
    assert "hl" in (sentence.get_attribute("class") or "")
    counterpart = page.locator(f"#{linked.split()[0]}")
    assert "hl" in (counterpart.get_attribute("class") or "")
    # Unticking a finding type in the legend turns its highlights off.
    box = page.locator("input[data-type]").first
    kind = box.get_attribute("data-type")
    box.uncheck()
    of_kind = page.locator(f"mark[data-type='{kind}']")
    assert of_kind.count() > 0
    assert all("off" in (c or "") for c in of_kind.evaluate_all("ms => ms.map(m => m.className)"))


HOSTILE_PAGE = """<!DOCTYPE html><html><head><title>Markets rally</title>
<script>window.__pwned = 'head'; alert('head')</script></head>
<body onload="window.__pwned = 'onload'"><article><h1>Markets rally on rate hopes</h1>
{paragraphs}
<p>Analysts said &lt;script&gt;window.__pwned='text'&lt;/script&gt; the rally
<img src=x onerror="window.__pwned='img'"> could last, <a href="javascript:window.__pwned='link'">
the report</a> said, and <svg onload="window.__pwned='svg'"></svg> traders agreed.</p>
<script>window.__pwned = 'body'</script></article></body></html>"""


def test_a_hostile_page_runs_nothing(base_url: str, page: sync_api.Page, tmp_path: Path) -> None:
    source = _example("source.json")
    paragraphs = "".join(f"<p>{p}</p>" for p in source["text"].split("\n\n"))
    hostile = tmp_path / "hostile.html"
    hostile.write_text(HOSTILE_PAGE.format(paragraphs=paragraphs), encoding="utf-8")
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(base_url)
    page.set_input_files("input[name=copy_file]", str(hostile))
    page.fill("textarea[name=source_text]", source["text"])
    page.click("button[type=submit]")
    page.wait_for_url("**/reports/*")
    page.locator("mark.f, .s").first.wait_for()
    for link in page.locator("a").all():  # click every link the page shows, then come back
        href = link.get_attribute("href") or ""
        assert not href.lower().startswith("javascript:")
    page.locator(".pane.copy .s").last.click()
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    assert "window.__pwned" in page.content()  # the text is there, shown as text
