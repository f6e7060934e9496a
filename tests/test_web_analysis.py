"""What the server's worker processes do with an input: read a fetched page, HTML or text as the
client gave it into an article (refusing, in one line naming the input, what is not one), then
compare and render the report; and a worker ends when the server does."""

from __future__ import annotations

import html
import json
import os
import pickle
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest

from repo_paths import SPUN_EXAMPLE
from unspin import pipeline
from unspin.errors import InputError
from unspin.fetch import FetchedPage
from unspin.read import CLAIM_WORDS
from unspin.web import analysis
from unspin.web.analysis import GivenArticle, make_report, start_worker

COPY, SOURCE = (
    json.loads((SPUN_EXAMPLE / f).read_text("utf-8")) for f in ("copy.json", "source.json")
)
PAGE = (
    "<html><head><title>Ignored | Site</title></head><body><nav><a href='/'>Home</a> <a href="
    "'/world'>World</a></nav><article><h1>{}</h1>{}</article><footer>Share this</footer></body>"
)
HTML = PAGE.format(
    html.escape(COPY["title"]),
    "".join(f"<p>{html.escape(p)}</p>" for p in COPY["text"].split("\n\n")),
)
URL = "https://example.com/" + "a" * 1_900  # a client's long link: never repeated in an error
ID = "Zq3xN0bY-_kL2mWc9Hd7Tg"
NOT_ENGLISH = "the article is in French (fr); unspin reads English only"
FRENCH = " ".join(
    ["Le gouvernement a annoncé mardi une hausse des impôts sur le carburant pour financer de"]
    + ["nouvelles routes et des lignes de chemin de fer dans tout le pays, selon le ministre."] * 4
)


def page(content: bytes, content_type: str = "text/html", encoding: str = "") -> FetchedPage:
    return FetchedPage(URL, 200, content_type, content, encoding)


def test_text_is_read_with_its_title_given_or_a_first_line_that_looks_like_one() -> None:
    given = GivenArticle("the copy", text=COPY["text"], title=COPY["title"]).read()
    assert (given.title, given.text, given.url) == (COPY["title"], COPY["text"], "")
    first_line = GivenArticle("the copy", text=f"{COPY['title']}\n\n{COPY['text']}").read()
    assert first_line == given
    claim = GivenArticle("the copy", text="Biden signs order", min_words=CLAIM_WORDS).read()
    assert (claim.title, claim.text) == ("", "Biden signs order")  # a lone line: a claim


def test_html_is_read_as_a_page_without_its_chrome() -> None:
    article = GivenArticle("the copy", html=HTML).read()
    # The headline, not the <title> with the site's name; paragraphs as the page has them.
    assert (article.title, article.text, article.url) == (COPY["title"], COPY["text"], "")


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (HTML.encode(), "text/html"),
        (HTML.encode(), ""),  # no Content-Type: sniffed as HTML
        (f"{COPY['title']}\n\n{COPY['text']}".encode(), "text/plain"),  # read as text
    ],
)
def test_a_fetched_page_is_read_by_its_type(content: bytes, content_type: str) -> None:
    article = GivenArticle("source 1", page=page(content, content_type)).read()
    # The address it was fetched from: redirects followed, as fetch reports it.
    assert (article.title, article.text, article.url) == (COPY["title"], COPY["text"], URL)


def test_a_fetched_page_is_decoded_by_the_charset_its_server_declared() -> None:
    text = COPY["text"].replace("Dow", "Peña")
    article = GivenArticle("the copy", page=page(text.encode("latin-1"), "text/plain", "latin-1"))
    assert article.read().text == text


def test_a_given_article_crosses_to_a_worker_process_intact() -> None:
    given = GivenArticle("source 1", page=page(HTML.encode()), min_words=CLAIM_WORDS)
    assert pickle.loads(pickle.dumps(given)) == given


ONE = "give exactly one of a URL, HTML or text"
TAGS = "more markup than a news page has (200,002 tags; unspin reads pages of up to 100,000)"


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (GivenArticle("the copy"), f"the copy: {ONE}"),
        (GivenArticle("the copy", html=HTML, text=COPY["text"]), f"the copy: {ONE}"),  # two
        (
            GivenArticle("the copy", text="Too short.", min_words=CLAIM_WORDS),  # even as a claim
            "the copy: too short to compare (2 words; a claim needs 3)",
        ),
        (GivenArticle("the copy", text=FRENCH), f"the copy: {NOT_ENGLISH}"),
        (GivenArticle("source 2", page=page(b"")), "source 2: the input is empty"),
        (
            GivenArticle("source 2", page=page(bytes(range(256)) * 8)),
            "source 2: binary data, not text (expected HTML, text or JSON)",
        ),
        # Past a size limit: refused before the work that grows with it.
        (GivenArticle("the copy", html="<p>x</p>" * 100_001), f"the copy: {TAGS}"),
        (GivenArticle("source 1", page=page(b"<p>x</p>" * 100_001)), f"source 1: {TAGS}"),
        (
            GivenArticle("the copy", text="word " * 70_000),  # 349,999 characters once stripped
            "the copy: too long for a news article (349,999 characters of text; unspin compares "
            "articles up to 300,000)",
        ),
        (
            GivenArticle("the copy", text="Go now. " * 3_001),
            "the copy: too many sentences for a news article (3,001; unspin compares articles of "
            "up to 3,000)",
        ),
    ],
)
def test_what_is_no_article_is_refused_in_one_line(given: GivenArticle, message: str) -> None:
    with pytest.raises(InputError) as refused:
        given.read()
    assert str(refused.value) == message  # the page's long address is never repeated


def test_with_sources_the_copy_is_compared_and_rendered_for_the_site(tmp_path: Path) -> None:
    copy = GivenArticle("the copy", text=COPY["text"], title=COPY["title"], min_words=CLAIM_WORDS)
    source = GivenArticle("source 1", text=SOURCE["text"], title=SOURCE["title"])
    made = make_report(ID, copy, [source], str(tmp_path / "corpus.db"))
    report = json.loads(made.json)
    assert report["schema"] == "unspin.report/1"
    assert (made.title, made.verdict) == (COPY["title"], report["summary"]["verdict"])
    assert report["copy"]["title"] == COPY["title"] and len(report["sources"]) == 1
    assert '<link rel="stylesheet" href="/static/report.css">' in made.html
    assert '<script src="/static/report.js" defer></script>' in made.html
    assert (
        f'<nav class="links"><a href="/">New check</a><a href="/corpus">Corpus</a><a href="/'
        f'reports/{ID}">Permanent link</a><a href="/api/reports/{ID}">JSON</a></nav>'
    ) in made.html
    assert "Dow &lt;DOW&gt; in Birth" in made.html and "<DOW>" not in made.html


def test_without_sources_the_corpus_at_the_path_is_searched(tmp_path: Path) -> None:
    copy = GivenArticle("the copy", text=COPY["text"], title=COPY["title"])
    made = make_report(ID, copy, [], str(tmp_path / "empty.db"))
    assert made.verdict == (
        "No source in this corpus of 0 stories: no story shares its rare words or its topic."
    )
    assert json.loads(made.json)["sources"] == []


def test_a_report_on_an_input_that_is_not_an_article_is_refused_naming_it(tmp_path: Path) -> None:
    corpus, short = str(tmp_path / "corpus.db"), GivenArticle("the copy", text="Too short.")
    with pytest.raises(InputError) as refused:  # the copy is read first, then each source
        make_report(ID, short, [GivenArticle("source 1", text=FRENCH)], corpus)
    assert str(refused.value) == (
        "the copy: not a news article (0 words of running text; unspin needs at least 40)"
    )
    sources = [GivenArticle("source 1", html=HTML), GivenArticle("source 2", text=FRENCH)]
    with pytest.raises(InputError) as refused:
        make_report(ID, GivenArticle("the copy", text=COPY["text"]), sources, corpus)
    assert str(refused.value) == f"source 2: {NOT_ENGLISH}"


def test_a_worker_ends_once_its_server_is_gone(monkeypatch: pytest.MonkeyPatch) -> None:
    # The real parent as the server: should the watcher outlive the test, it waits harmlessly.
    server, loaded, ended = os.getppid(), threading.Event(), threading.Event()
    looks: list[threading.Thread] = []
    loads: list[str] = []
    watched: list[str] = []

    def getppid() -> int:
        looks.append(threading.current_thread())
        if len(looks) < 4:  # start_worker's own look, then the server still there twice
            return server
        loaded.wait(5)  # still watching while the models load
        return server + 1  # reparented: the server is gone

    def load() -> None:
        watching = any(t.name == "unspin-watch-server" for t in threading.enumerate())
        loads.append(f"models, watched: {watching}")
        loaded.set()

    def exit_now(code: int) -> None:
        watched.append(f"exit {code}")
        ended.set()

    monkeypatch.setattr(analysis, "os", SimpleNamespace(getppid=getppid, _exit=exit_now))
    monkeypatch.setattr(analysis, "time", SimpleNamespace(sleep=lambda s: watched.append(f"{s} s")))
    monkeypatch.setattr(pipeline, "use_one_thread", lambda: loads.append("one thread"))
    monkeypatch.setattr(pipeline, "default_encoders", load)
    start_worker()
    assert ended.wait(5)
    assert looks[0] is threading.current_thread()  # the server's pid, taken at start
    watcher = looks[1]
    assert looks[1:] == [watcher] * 3
    assert (watcher.name, watcher.daemon) == ("unspin-watch-server", True)
    assert watched == ["1 s", "1 s", "exit 0"]  # looked again each second until it was gone
    # Loaded at start, not in the first request; a server killed meanwhile still ends it.
    assert loads == ["one thread", "models, watched: True"]
