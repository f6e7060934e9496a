"""The web app and REST API (`unspin serve`), through the ASGI test client: what it answers, and
every refusal the server owes its users when it reads attacker-controlled pages."""

from __future__ import annotations

import http.server
import ipaddress
import json
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from repo_paths import CORPUS_SAMPLE, SPUN_EXAMPLE
from unspin.cli import main
from unspin.fetch import PublicOnlyTransport
from unspin.web import Settings, create_app
from unspin.web.jobs import Busy


def article(path: Path) -> dict[str, str]:
    """An example as the API takes text: {"text", "title"}."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {"text": data["text"], "title": data["title"]}


COPY, SOURCE = article(SPUN_EXAMPLE / "copy.json"), article(SPUN_EXAMPLE / "source.json")

HOSTILE = (
    "<script>document.title='pwned'</script> The minister said <img src=x "
    "onerror=\"document.title='pwned'\"> talks would go on. "
    "<a href=\"javascript:document.title='pwned'\">Read more</a>"
)


def client(tmp_path: Path, **settings: object) -> TestClient:
    defaults: dict[str, object] = {
        "corpus": tmp_path / "corpus.db",
        "reports": ":memory:",
        "workers": 1,  # one worker process to start per test
    }
    return TestClient(create_app(Settings(**(defaults | settings))))  # type: ignore[arg-type]


@pytest.fixture
def web(tmp_path: Path) -> Iterator[TestClient]:
    with client(tmp_path) as c:
        yield c


def report_of(web: TestClient, posted: httpx.Response) -> str:
    """The report a form's job ends on: posted, redirected to the job page, which refreshes
    itself until it redirects to the report."""
    assert posted.status_code == 303, posted.text
    job_page = posted.headers["location"]
    assert re.fullmatch(r"/jobs/[\w-]{22}", job_page)
    for _ in range(600):
        page = web.get(job_page, follow_redirects=False)
        if page.status_code == 303:
            return page.headers["location"]
        assert 'http-equiv="refresh"' in page.text  # still working: the page refreshes itself
        time.sleep(0.1)
    raise AssertionError(f"{job_page} did not finish")


def wait_for(web: TestClient, job_url: str) -> dict:
    for _ in range(600):
        job = web.get(job_url).json()
        if job["state"] in ("done", "failed"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"{job_url} did not finish: {job}")


# --- pages ------------------------------------------------------------------------------------


def test_every_page_forbids_inline_script_and_framing(web: TestClient) -> None:
    for path in ("/", "/corpus", "/static/app.css", "/api/corpus/stats", "/no-such-page"):
        headers = web.get(path).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'none'" in csp, path
        assert "frame-ancestors 'none'" in csp
        assert headers["x-content-type-options"] == "nosniff"
    start = web.get("/").text
    assert "<script" not in start  # the start page needs no script at all
    assert 'action="/analyse"' in start


def test_the_form_leads_through_a_job_page_to_a_permanent_report(web: TestClient) -> None:
    form = {"copy_text": f"{COPY['title']}\n\n{COPY['text']}", "source_text": SOURCE["text"]}
    report_url = report_of(web, web.post("/analyse", data=form, follow_redirects=False))
    assert re.fullmatch(r"/reports/[\w-]{22}", report_url)
    report = web.get(report_url)
    assert report.status_code == 200
    assert '<script src="/static/report.js" defer></script>' in report.text
    assert "<script>" not in report.text  # nothing inline: the CSP would block it anyway
    assert 'class="s' in report.text and "data-links=" in report.text  # linked sentences
    assert f'href="{report_url}"' in report.text  # it links to itself
    assert web.get("/static/report.js").headers["content-type"].startswith("text/javascript")


def test_a_form_with_two_inputs_for_the_copy_is_sent_back_with_the_reason(web: TestClient) -> None:
    form = {"copy_text": COPY["text"], "copy_url": "https://example.com/a"}
    answer = web.post("/analyse", data=form)
    assert answer.status_code == 422
    assert "the copy: give a link, a file or text, only one of them" in answer.text


def test_an_uploaded_html_file_is_read_as_a_page(web: TestClient) -> None:
    page = f"<html><body><article><h1>{COPY['title']}</h1>" + "".join(
        f"<p>{p}</p>" for p in COPY["text"].split("\n\n")
    )
    files = {"copy_file": ("copy.html", page.encode(), "text/html")}
    form = {"source_text": SOURCE["text"]}
    posted = web.post("/analyse", data=form, files=files, follow_redirects=False)
    report = web.get(report_of(web, posted)).text
    assert "<h2>Copy: Jury Finds for Dow" in report


def test_an_uploaded_json_file_is_read_as_the_command_line_reads_it(web: TestClient) -> None:
    files = {"copy_file": ("copy.json", (SPUN_EXAMPLE / "copy.json").read_bytes(), "text/plain")}
    form = {"source_text": SOURCE["text"]}
    posted = web.post("/analyse", data=form, files=files, follow_redirects=False)
    report = web.get(report_of(web, posted)).text
    assert "<h2>Copy: Jury Finds for Dow" in report  # the title came from the JSON's field


@pytest.mark.parametrize(
    ("form", "files", "reason"),
    [
        (
            {"copy_url": "https://example.com/" + "a" * 2_100},
            {},
            "the copy: url: String should have at most 2000 characters",
        ),
        (
            {},
            {"copy_file": ("copy.json", b'{"text": "a b c", "id": ' + b"9" * 5_000 + b"}")},
            "copy.json: not valid JSON (a number too long to read)",
        ),
    ],
)
def test_a_form_input_past_a_limit_is_sent_back_with_the_reason(
    web: TestClient, form: dict, files: dict, reason: str
) -> None:
    answer = web.post("/analyse", data={**form, "source_text": SOURCE["text"]}, files=files)
    assert answer.status_code == 422 and reason in answer.text


def test_an_uploaded_json_files_long_title_is_cut_not_refused(web: TestClient) -> None:
    record = {"title": "Jury Finds for Dow " + "x" * 1_500, "text": COPY["text"]}
    files = {"copy_file": ("copy.json", json.dumps(record).encode(), "application/json")}
    posted = web.post(
        "/analyse", data={"source_text": SOURCE["text"]}, files=files, follow_redirects=False
    )
    assert "<h2>Copy: Jury Finds for Dow" in web.get(report_of(web, posted)).text


# --- the API ----------------------------------------------------------------------------------


def test_compare_answers_with_the_report_and_saves_it(web: TestClient) -> None:
    answer = web.post("/api/compare", json={"copy": COPY, "sources": [SOURCE]})
    assert answer.status_code == 201
    report = answer.json()
    assert report["schema"] == "unspin.report/1"
    assert report["copy"]["title"] == COPY["title"]
    assert report["summary"]["counts"]  # the spun example's distortions are found
    location = answer.headers["location"]
    assert re.fullmatch(r"/api/reports/[\w-]{22}", location)
    assert web.get(location).json() == report
    page = web.get(location.replace("/api", ""))
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "Jury Finds for Dow" in page.text


def test_report_ids_are_random_and_unknown_ones_are_404(web: TestClient) -> None:
    ids = {
        web.post("/api/compare", json={"copy": COPY, "sources": [SOURCE]}).headers["x-report-id"]
        for _ in range(2)
    }
    assert len(ids) == 2
    assert all(len(i) == 22 for i in ids)  # 128 random bits, base64url
    assert web.get("/api/reports/AAAAAAAAAAAAAAAAAAAAAA").status_code == 404
    assert web.get("/reports/AAAAAAAAAAAAAAAAAAAAAA").status_code == 404


def test_the_corpus_takes_uploads_as_a_job_then_check_finds_the_source(web: TestClient) -> None:
    # The first 60 stories hold the spun example's source too.
    lines = CORPUS_SAMPLE.read_text(encoding="utf-8").splitlines()[:60]
    source = json.loads((SPUN_EXAMPLE / "source.json").read_text())
    feed = "\n".join([*lines, json.dumps(source), "{not json"]) + "\n"  # its source again
    upload = web.post(
        "/api/corpus/documents", files=[("files", ("feed.jsonl", feed.encode(), "text/plain"))]
    )
    assert upload.status_code == 202
    job = wait_for(web, upload.headers["location"])
    assert job["state"] == "done" and job["kind"] == "corpus"
    assert job["result"]["added"] == 60
    assert job["result"]["duplicates"] == 1
    assert job["result"]["skipped"] == 1
    assert job["result"]["errors"] == [
        {
            "record": "0000-feed.jsonl:62",
            "reason": "not valid JSON (column 2: Expecting property name enclosed in double "
            "quotes)",
        }
    ]
    stats = web.get("/api/corpus/stats").json()
    assert stats["articles"] == 60
    found = web.post("/api/check", json={"copy": COPY})
    assert found.status_code == 201
    assert [s["id"] for s in found.json()["sources"]] == [source["id"]]
    found_page = web.get("/corpus", params={"q": "birth defect"}).text
    assert "<td>JURY FINDS FOR DOW &lt;DOW&gt; IN BIRTH DEFECT CASE</td>" in found_page


def test_uploads_leave_no_file_behind_once_added_or_when_the_server_stops(tmp_path: Path) -> None:
    feed = CORPUS_SAMPLE.read_text(encoding="utf-8").splitlines()[:5]
    files = [("files", ("feed.jsonl", "\n".join(feed).encode(), "text/plain"))]
    with client(tmp_path) as web:
        server = web.app.state.server
        made: list[Path] = []
        upload_folder = server.upload_folder
        server.upload_folder = lambda: made.append(upload_folder()) or made[-1]
        done = web.post("/api/corpus/documents", files=files)
        assert wait_for(web, done.headers["location"])["state"] == "done"
        assert not made[0].exists()  # the job removed what it read
        # Jobs that have not run when the server stops are cancelled: their files go too.
        for _ in range(3):
            web.post("/api/corpus/documents", files=files)
    # One under way when it stops finishes in the background and removes its own files.
    deadline = time.monotonic() + 30
    while any(folder.exists() for folder in made) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(made) == 4 and not any(folder.exists() for folder in made)


def test_check_against_an_empty_corpus_says_no_source(web: TestClient) -> None:
    answer = web.post("/api/check", json={"copy": COPY})
    assert answer.status_code == 201
    assert answer.json()["summary"]["verdict"].startswith("No source in this corpus of 0 stories")


@pytest.mark.parametrize(
    "body",
    [
        {"copy": {"text": COPY["text"], "url": "https://example.com/"}, "sources": [SOURCE]},
        {"copy": {}, "sources": [SOURCE]},
        {"copy": COPY, "sources": []},
        {"copy": COPY, "sources": [SOURCE] * 5},
    ],
    ids=["two inputs", "no input", "no source", "too many sources"],
)
def test_malformed_requests_are_422(web: TestClient, body: dict) -> None:
    assert web.post("/api/compare", json=body).status_code == 422


def test_an_input_that_is_not_an_article_is_422_in_one_line(web: TestClient) -> None:
    answer = web.post("/api/compare", json={"copy": COPY, "sources": [{"text": "Too short."}]})
    assert answer.status_code == 422
    assert answer.json() == {
        "type": "invalid_request",
        "detail": "source 1: not a news article "
        "(0 words of running text; unspin needs at least 40)",
    }
    answer = web.post("/api/compare", json={"copy": {"text": "Too short."}, "sources": [SOURCE]})
    assert answer.status_code == 422
    assert answer.json() == {
        "type": "invalid_request",
        "detail": "the copy: too short to compare (2 words; a claim needs 3)",
    }


# --- safety -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://127.0.0.1:8000/admin", "127.0.0.1 is a loopback address"),
        ("http://[::1]/", "::1 is a loopback address"),
        ("http://10.1.2.3/story", "10.1.2.3 is a private address"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
        ("file:///etc/passwd", "only http and https URLs can be fetched"),
        ("/etc/passwd", "/etc/passwd: only http and https URLs can be fetched"),
        ("README.md", "README.md: only http and https URLs can be fetched"),
    ],
)
def test_urls_on_non_public_addresses_are_refused(web: TestClient, url: str, why: str) -> None:
    answer = web.post("/api/compare", json={"copy": {"url": url}, "sources": [SOURCE]})
    assert answer.status_code == 422
    assert why in answer.json()["detail"]
    if url.startswith("http"):  # the link is named, not repeated back
        assert answer.json()["detail"].startswith("the copy: refused: ")
        assert url not in answer.json()["detail"]


class _Redirector(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(302)
        self.send_header("Location", "http://10.0.0.1/internal")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_a_redirect_to_a_private_address_is_refused(tmp_path: Path) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Redirector)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    loopback = [ipaddress.ip_network("127.0.0.1/32")]  # so the first hop may reach the test server

    def transport() -> PublicOnlyTransport:
        return PublicOnlyTransport(allowed_networks=loopback)

    try:
        with client(tmp_path, transport=transport) as web:
            url = f"http://127.0.0.1:{server.server_port}/story"
            answer = web.post("/api/compare", json={"copy": {"url": url}, "sources": [SOURCE]})
    finally:
        server.shutdown()
    assert answer.status_code == 422
    assert answer.json()["detail"] == (
        "the copy: refused: 10.0.0.1 is a private address (after a redirect)"
    )


def test_a_server_with_too_many_jobs_waiting_answers_503_with_when_to_retry(
    web: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def busy(*args: object, **kwargs: object) -> None:
        raise Busy("64 jobs are waiting already; try again in a minute")

    monkeypatch.setattr(web.app.state.server.jobs, "submit", busy)  # type: ignore[attr-defined]
    answer = web.post("/api/compare", json={"copy": COPY, "sources": [SOURCE]})
    assert (answer.status_code, answer.headers["retry-after"]) == (503, "60")
    assert answer.json() == {
        "type": "busy",
        "detail": "64 jobs are waiting already; try again in a minute",
    }


def test_an_upload_refused_as_busy_leaves_no_files(
    web: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def busy(*args: object, **kwargs: object) -> None:
        raise Busy("64 jobs are waiting already; try again in a minute")

    server = web.app.state.server  # type: ignore[attr-defined]
    monkeypatch.setattr(server.jobs, "submit", busy)
    made: list[Path] = []
    upload_folder = server.upload_folder
    monkeypatch.setattr(server, "upload_folder", lambda: made.append(upload_folder()) or made[-1])
    files = [("files", ("feed.jsonl", b'{"text": "a story"}\n', "text/plain"))]
    assert web.post("/api/corpus/documents", files=files).status_code == 503
    assert len(made) == 1 and not made[0].exists() and not server._waiting


def test_bodies_over_the_limit_are_413_declared_or_not(tmp_path: Path) -> None:
    with client(tmp_path, max_body=10_000) as web:
        big = {"copy": {"text": "word " * 5_000}, "sources": [SOURCE]}
        assert web.post("/api/compare", json=big).status_code == 413

        def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it streams
            yield b'{"copy": {"text": "'
            for _ in range(100):
                yield b"word " * 100
            yield b'"}, "sources": []}'

        answer = web.post(
            "/api/compare", content=chunks(), headers={"content-type": "application/json"}
        )
        assert answer.status_code == 413
        assert answer.json() == {
            "type": "too_large",
            "detail": "the body is over the 10,000 bytes limit",
        }


def test_hostile_article_text_is_escaped_in_the_report(web: TestClient) -> None:
    copy = {"text": COPY["text"] + "\n\n" + HOSTILE, "title": "<script>x()</script> headline"}
    answer = web.post("/api/compare", json={"copy": copy, "sources": [SOURCE]})
    assert answer.status_code == 201
    page = web.get(f"/reports/{answer.headers['x-report-id']}").text
    assert "&lt;script&gt;document.title" in page
    assert "<script>" not in page and "<img" not in page
    assert 'href="javascript:' not in page
    assert re.findall(r"<script[^>]*>", page) == ['<script src="/static/report.js" defer>']


def test_with_a_token_every_request_needs_it(tmp_path: Path) -> None:
    with client(tmp_path, token="s3cret-token") as web:
        assert web.get("/api/corpus/stats").status_code == 401
        assert web.get("/", headers={"accept": "text/html"}).status_code == 401
        assert web.post("/api/compare", json={"copy": COPY, "sources": [SOURCE]}).status_code == 401
        wrong = {"authorization": "Bearer not-it"}
        assert web.get("/api/corpus/stats", headers=wrong).status_code == 401
        right = {"authorization": "Bearer s3cret-token"}
        assert web.get("/api/corpus/stats", headers=right).status_code == 200
        assert web.get("/static/app.css").status_code == 200  # no secrets in a style sheet
        assert web.post("/login", data={"token": "nope"}).status_code == 401
        web.post("/login", data={"token": "s3cret-token"})  # sets the cookie the pages use
        assert web.get("/corpus").status_code == 200


@pytest.mark.parametrize("token", ["pass word", "a,b", 'x"y', "é1-secret"])
def test_a_token_a_cookie_would_quote_still_logs_in(tmp_path: Path, token: str) -> None:
    with client(tmp_path, token=token) as web:
        assert web.post("/login", data={"token": token}, follow_redirects=False).status_code == 303
        assert web.get("/corpus").status_code == 200
        assert token not in str(web.cookies.get("unspin_token"))  # the cookie is no copy of it


def test_serve_refuses_to_listen_off_loopback_without_a_token(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["serve", "--host", "0.0.0.0", "--db", str(tmp_path / "c.db")],
        env={"UNSPIN_TOKEN": ""},
    )
    assert result.exit_code == 2
    assert "listening on 0.0.0.0 (not loopback) needs a token: --token or UNSPIN_TOKEN" in (
        result.output
    )


# --- bad requests and other sites' pages ------------------------------------------------------


@pytest.mark.parametrize("path", ["/api/compare", "/api/check"])
def test_a_binary_body_is_a_short_json_4xx_not_a_500(web: TestClient, path: str) -> None:
    answer = web.post(
        path, content=b"\x00\xff\xfe\x89PNG", headers={"content-type": "application/json"}
    )
    assert answer.status_code == 400
    assert answer.json() == {"type": "bad_request", "detail": "There was an error parsing the body"}


def test_a_validation_error_says_where_and_what_without_echoing_the_input(web: TestClient) -> None:
    huge = "spin " * 1_100_000  # over the 5 MB limit of one text
    answer = web.post("/api/compare", json={"copy": {"text": huge}, "sources": [SOURCE]})
    assert answer.status_code == 422
    assert answer.json() == {
        "type": "invalid_request",
        "detail": "copy.text: String should have at most 5000000 characters",
    }
    answer = web.post(
        "/api/compare", content=b"[1, 2", headers={"content-type": "application/json"}
    )
    assert answer.json() == {"type": "invalid_request", "detail": "body: not valid JSON"}


def test_a_browser_asking_for_a_page_gets_an_html_error_page(web: TestClient) -> None:
    answer = web.get("/reports/nothing-here", headers={"accept": "text/html"})
    assert answer.status_code == 404
    assert answer.headers["content-type"].startswith("text/html")
    assert "no such report" in answer.text
    assert web.get("/api/reports/nothing-here").json() == {
        "type": "not_found",
        "detail": "no such report",
    }


@pytest.mark.parametrize(
    "headers",
    [
        {"sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "same-site"},  # another port of localhost is another origin
        {"origin": "https://attacker.example"},
        {"origin": "null"},  # a sandboxed frame or a file:// page
    ],
    ids=["cross-site", "same-site", "other origin", "null origin"],
)
def test_a_post_from_another_sites_page_is_refused_and_changes_nothing(
    web: TestClient, headers: dict[str, str]
) -> None:
    story = {"files": ("story.jsonl", json.dumps({"text": SOURCE["text"]}).encode())}
    answer = web.post("/api/corpus/documents", files=story, headers=headers)
    assert answer.status_code == 403
    assert answer.json() == {
        "type": "cross_site",
        "detail": "a request from another web site may not change anything here",
    }
    assert web.get("/api/corpus/stats").json()["articles"] == 0
    # The server's own pages, and scripts that are no browser page, still post.
    same = {"sec-fetch-site": "same-origin", "origin": "http://testserver"}
    assert (
        web.post("/api/compare", json={"copy": COPY, "sources": [SOURCE]}, headers=same).status_code
        == 201
    )
    assert web.post("/api/compare", json={"copy": COPY, "sources": [SOURCE]}).status_code == 201


def test_extracting_a_page_counts_against_the_jobs_budget(tmp_path: Path) -> None:
    # 60,000 tags take trafilatura seconds (its cost grows faster than the page): under the
    # budget, in the worker, not on a server thread that no budget bounds.
    from unspin.web.workers import Budget

    page = "<html><body><article>" + "<p>x</p>" * 30_000 + "</article></body></html>"
    with client(tmp_path, budget=Budget(seconds=0.5)) as web:
        answer = web.post("/api/compare", json={"copy": {"html": page}, "sources": [SOURCE]})
    assert answer.status_code == 422 and answer.json()["type"] == "over_budget"


def test_a_job_over_its_budget_is_a_clear_422_and_the_server_goes_on(tmp_path: Path) -> None:
    from unspin.web.workers import Budget

    with client(tmp_path, budget=Budget(seconds=0.05)) as web:
        for _ in range(2):  # the stopped job's worker is replaced: the next is judged alike
            answer = web.post("/api/compare", json={"copy": COPY, "sources": [SOURCE]})
            assert answer.status_code == 422
            assert answer.json() == {
                "type": "over_budget",
                "detail": "stopped after 0.05 s, the time one job may take (shorter texts "
                "compare faster)",
            }
        assert web.get("/").status_code == 200
