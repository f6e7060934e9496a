"""`unspin serve`: the web app and its REST API, over the same Python API as the command line.

Pages: `/` (paste a link, upload a page or paste text, with or without its source), `/jobs/{id}`
(the progress of that work), `/reports/{id}` (the side-by-side report, a permanent link) and
`/corpus` (counts, search, uploads). The API under `/api` is described by `/openapi.json`.

The server reads attacker-controlled pages, so: URLs are fetched through
`unspin.fetch.PublicOnlyTransport` (no loopback, private or other non-public address, checked
at connect time, after every redirect); every page is rendered with escaping and served under a
Content-Security-Policy that allows scripts and styles from this server only; request bodies
have size limits (`_Guarded`); reports and jobs are addressed by 128-bit random ids; and with
a token set (required off loopback) every request must carry it.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import shutil
import tempfile
import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

import httpx
from fastapi import FastAPI, File, HTTPException, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field, ValidationError, model_validator
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile as StarletteUpload
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import Message, Receive, Scope, Send

from unspin.corpus import Corpus, CorpusStats, shared_corpus
from unspin.errors import FetchError, InputError
from unspin.limits import MAX_BYTES, describe_size
from unspin.model import Article
from unspin.read import CLAIM_WORDS, MIN_WORDS, refuse_unfetchable
from unspin.report.html import SCRIPT, STYLE
from unspin.web.analysis import GivenArticle, start_worker
from unspin.web.jobs import Busy, Job, Jobs
from unspin.web.reports import ReportStore
from unspin.web.workers import DEFAULT_BUDGET, Budget

MAX_BODY = 2 * MAX_BYTES + 1_000_000  # a copy and a source at the size limit, in JSON or a form
MAX_UPLOAD = 200_000_000  # a corpus upload (JSON Lines, CSV, WARC...)
MAX_SOURCES = 4
TOKEN_COOKIE = "unspin_token"
SEARCH_LIMIT = 50

# Scripts and styles from this server only: article text that slips through as markup still
# cannot run. form-action keeps a injected form from posting elsewhere.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}

_HERE = files("unspin.web")
_TEMPLATES = Jinja2Templates(directory=str(_HERE.joinpath("templates")))  # autoescapes .html


@dataclass(frozen=True)
class Settings:
    corpus: Path  # the corpus database (created empty if absent)
    reports: Path | str  # where reports are saved; ":memory:" keeps them for the run only
    token: str | None = None  # every request must carry it when set
    workers: int = max(1, min(4, os.cpu_count() or 1))  # analyses at a time
    max_body: int = MAX_BODY
    max_upload: int = MAX_UPLOAD
    budget: Budget = DEFAULT_BUDGET  # the time and memory one analysis may take in its worker
    # What fetches URLs: public addresses only. Tests swap in their own transport.
    transport: Callable[[], httpx.BaseTransport] = field(default=lambda: _public_transport())


def _public_transport() -> httpx.BaseTransport:
    from unspin.fetch import PublicOnlyTransport

    return PublicOnlyTransport()


def reports_path_for(corpus: Path) -> Path:
    """Where `unspin serve` keeps reports by default: beside the corpus."""
    return corpus.with_name(corpus.stem + "-reports.db")


# --- request bodies ------------------------------------------------------------------------------


TITLE_CHARS = 1_000  # the longest title an article input may give
_REDIRECTED = re.compile(r" \(redirected to [^)]*\)")


class ArticleInput(BaseModel):
    """One article: a URL to fetch, the page's HTML, or its text. Exactly one of the three."""

    url: str | None = Field(None, max_length=2_000, examples=["https://example.com/story"])
    html: str | None = Field(None, max_length=MAX_BYTES)
    text: str | None = Field(None, max_length=MAX_BYTES)
    title: str | None = Field(None, max_length=TITLE_CHARS, description="For text: its title.")

    @model_validator(mode="after")
    def _exactly_one(self) -> ArticleInput:
        given = [k for k in ("url", "html", "text") if getattr(self, k)]
        if len(given) != 1:
            raise ValueError('give exactly one of "url", "html" and "text"')
        return self


class CompareRequest(BaseModel):
    copy_: ArticleInput = Field(alias="copy", description="The page suspected of rewriting.")
    sources: list[ArticleInput] = Field(min_length=1, max_length=MAX_SOURCES)


class CheckRequest(BaseModel):
    copy_: ArticleInput = Field(alias="copy", description="The page whose source to find.")


class JobState(BaseModel):
    id: str
    kind: str
    state: Literal["queued", "running", "done", "failed"]
    stage: str
    done: int
    total: int | None
    result: dict[str, Any] | None
    error: str | None


class Problem(BaseModel):
    """What every refused request gets: a kind of error, and one line of what was wrong (never
    the input itself echoed back)."""

    type: str = Field(examples=["invalid_request"])
    detail: str = Field(examples=["copy.text: String should have at most 5000000 characters"])


ERROR_TYPES = {
    400: "bad_request",
    401: "unauthorised",
    403: "cross_site",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    422: "invalid_request",
    500: "internal",
    503: "busy",
}
TITLES = {
    401: "A token is needed",
    403: "Refused",
    404: "Not found",
    413: "Too large",
    503: "Busy",
}


def problem(scope: Scope, status: int, detail: str, kind: str | None = None) -> Response:
    """A refused request's answer: a short JSON error for the API and for scripts, an HTML page
    for a browser asking for a page (by its Accept header)."""
    kind = kind or ERROR_TYPES.get(status, "error")
    path: str = scope.get("path", "")
    if not path.startswith("/api/") and "text/html" in _header(scope, b"accept"):
        page = _TEMPLATES.env.get_template("error.html").render(
            title=TITLES.get(status, "That did not work"), message=detail
        )
        return HTMLResponse(page, status_code=status)
    return JSONResponse({"type": kind, "detail": detail}, status_code=status)


def _validation_detail(error: RequestValidationError) -> str:
    """The first few problems, each where it is and what is wrong, without the input: a 6 MB
    text in an error would be a 6 MB error."""
    parts = []
    for e in error.errors()[:3]:
        if e.get("type") == "json_invalid":
            parts.append("body: not valid JSON")
            continue
        where = ".".join(str(p) for p in e.get("loc", ()) if p != "body") or "body"
        parts.append(f"{where}: {e.get('msg', 'not valid')}"[:200])
    return "; ".join(parts) or "the request is not valid"


# --- the app ------------------------------------------------------------------------------------


class Server:
    """What the routes share: settings, saved reports, jobs, and one corpus per worker thread
    (a SQLite connection belongs to the thread that opened it)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.reports = ReportStore(settings.reports)
        self.jobs = Jobs(settings.workers, process_initializer=start_worker, budget=settings.budget)
        Corpus(settings.corpus).close()  # create it now, so a bad path fails at start-up
        # Uploads wait in a folder of their own for their job, which removes it; those of jobs
        # cancelled before they ran are removed when the server stops.
        self._waiting: set[Path] = set()
        self._lock = threading.Lock()

    def upload_folder(self) -> Path:
        """A new private folder (mkdtemp) for one upload's files, until its job starts."""
        folder = Path(tempfile.mkdtemp(prefix="unspin-upload-"))
        with self._lock:
            self._waiting.add(folder)
        return folder

    def drop_upload(self, folder: Path) -> None:
        """Remove an upload whose job will not run."""
        with self._lock:
            self._waiting.discard(folder)
        shutil.rmtree(folder, ignore_errors=True)

    def close(self) -> None:
        """Cancel queued jobs and remove the uploads they were to read (a job under way keeps
        its own and finishes in the background)."""
        self.jobs.shutdown()
        with self._lock:
            waiting, self._waiting = self._waiting, set()
        for folder in waiting:
            shutil.rmtree(folder, ignore_errors=True)

    def corpus(self) -> Corpus:
        return shared_corpus(self.settings.corpus)

    def gather(self, given: ArticleInput, name: str, min_words: int = MIN_WORDS) -> GivenArticle:
        """What a worker reads for one input: a URL fetched here (waiting on the network), HTML
        or text as given. Extracting waits for the worker, under the job's budget."""
        from unspin.fetch import fetch

        if not given.url:
            html, text = given.html or "", given.text or ""
            return GivenArticle(name, html=html, text=text, title=given.title, min_words=min_words)
        refuse_unfetchable(given.url)
        try:
            page = fetch(given.url, max_bytes=MAX_BYTES, transport=self.settings.transport())
        except FetchError as error:
            # The link named as the client named it ("the copy"), not repeated (2,000
            # characters of a client's input, or a redirect's address, back in the answer).
            message = _REDIRECTED.sub(" (after a redirect)", str(error).replace(given.url, name))
            raise FetchError(message) from None
        return GivenArticle(name, page=page, min_words=min_words)

    def analyse(self, job: Job, copy: ArticleInput, sources: list[ArticleInput]) -> dict[str, Any]:
        """A compare job (with sources) or a check job (without): fetch the links here,
        extract and compare in a worker process, save."""
        from unspin.web.analysis import make_report

        job.progress("reading the copy")
        # Compared with a given source, the copy may be one claim; a search needs an article.
        given_copy = self.gather(copy, "the copy", CLAIM_WORDS if sources else MIN_WORDS)
        given_sources = []
        for k, given in enumerate(sources, 1):
            job.progress(f"reading source {k} of {len(sources)}", k - 1, len(sources))
            given_sources.append(self.gather(given, f"source {k}"))
        job.progress("comparing" if sources else "finding the source in the corpus")
        report_id = self.reports.new_id()
        made = self.jobs.in_process(
            job, make_report, report_id, given_copy, given_sources, str(self.settings.corpus)
        )
        self.reports.save(report_id, job.kind, made.title, made.verdict, made.json, made.html)
        return {"report": report_id}

    def add_documents(self, job: Job, folder: Path) -> dict[str, Any]:
        """Add every story in the uploaded files in `folder` (then removed) to the corpus."""

        def progress(done: int, total: int, _stories: int) -> None:
            job.progress("adding stories", done, total)

        with self._lock:
            self._waiting.discard(folder)  # this job's now, to remove when done
        try:
            # Read in this thread: the upload is small, and a job must not spawn processes.
            result = self.corpus().add_files([folder], progress=progress, in_parallel=False)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        inside = str(folder) + os.sep  # the client knows its files, not the server's folder
        return {
            "added": result.added,
            "duplicates": result.duplicates,
            "skipped": len(result.skipped),
            "errors": [
                {"record": s.record.replace(inside, ""), "reason": s.reason}
                for s in result.skipped[:100]
            ],
        }


def create_app(settings: Settings) -> FastAPI:
    server = Server(settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        server.close()

    app = FastAPI(
        title="unspin",
        summary="Find the wire story a page was rewritten from and what the rewrite changed.",
        version="1",
        docs_url=None,  # Swagger UI and ReDoc load scripts from a CDN: not under this CSP
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.server = server

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> Response:
        return problem(request.scope, 422, _validation_detail(error))

    @app.exception_handler(StarletteHTTPException)
    async def refused(request: Request, error: StarletteHTTPException) -> Response:
        return problem(request.scope, error.status_code, str(error.detail))

    @app.exception_handler(Busy)
    async def busy(request: Request, error: Busy) -> Response:
        answer = problem(request.scope, 503, str(error))
        answer.headers["Retry-After"] = "60"
        return answer

    # The report page's script and style are the HTML report's own, served as files for the CSP.
    @app.get("/static/report.js", include_in_schema=False)
    async def report_script() -> Response:
        return Response(SCRIPT, media_type="text/javascript")

    @app.get("/static/report.css", include_in_schema=False)
    async def report_style() -> Response:
        return Response(STYLE, media_type="text/css")

    app.mount("/static", StaticFiles(directory=str(_HERE.joinpath("static"))), name="static")
    _api_routes(app, server)
    _page_routes(app, server)
    return _Guarded(app, settings)


# --- API ------------------------------------------------------------------------------------------

_REPORT = {
    "description": "The report (schema unspin.report/1, docs/report-schema.md); its permanent "
    "address is in the Location header.",
    "content": {"application/json": {"schema": {"type": "object"}}},
}
_FAILED = {
    422: {
        "model": Problem,
        "description": "An input could not be read, or its job went over its time or memory "
        "budget (type over_budget); one line says why.",
    },
    413: {"model": Problem, "description": "The request body is over the size limit."},
}


def _api_routes(app: FastAPI, server: Server) -> None:
    async def run_analysis(
        request: Request, kind: str, copy: ArticleInput, sources: list[ArticleInput]
    ) -> Response:
        job = server.jobs.submit(kind, lambda job: server.analyse(job, copy, sources))
        await server.jobs.wait(job, gone=request.is_disconnected)  # a client gone: cancelled
        if job.state == "failed":
            status = 500 if job.error_type == "internal" else 422
            return problem(request.scope, status, job.error or "", job.error_type)
        report_id = (job.result or {})["report"]
        saved = server.reports.get(report_id)
        assert saved is not None
        return Response(
            saved.json,
            status_code=201,
            media_type="application/json",
            headers={"Location": f"/api/reports/{report_id}", "X-Report-Id": report_id},
        )

    @app.post("/api/compare", status_code=201, responses={201: _REPORT, **_FAILED}, tags=["api"])
    async def api_compare(body: CompareRequest, request: Request) -> Response:
        """Compare a copy with its known source(s) and save the report."""
        return await run_analysis(request, "compare", body.copy_, body.sources)

    @app.post("/api/check", status_code=201, responses={201: _REPORT, **_FAILED}, tags=["api"])
    async def api_check(body: CheckRequest, request: Request) -> Response:
        """Find the copy's source(s) in the corpus, compare, and save the report."""
        return await run_analysis(request, "check", body.copy_, [])

    @app.get(
        "/api/reports/{report_id}",
        responses={200: _REPORT, 404: {"model": Problem}},
        tags=["api"],
    )
    async def api_report(report_id: str) -> Response:
        """A saved report, as JSON."""
        saved = server.reports.get(report_id)
        if saved is None:
            raise HTTPException(404, "no such report")
        return Response(saved.json, media_type="application/json")

    @app.get("/api/jobs/{job_id}", responses={404: {"model": Problem}}, tags=["api"])
    async def api_job(job_id: str) -> JobState:
        """How far a job (a corpus upload, an analysis) has got, and its result."""
        job = server.jobs.get(job_id)
        if job is None:
            raise HTTPException(404, "no such job")
        return JobState(**job.to_dict())

    @app.get("/api/corpus/stats", tags=["api"])
    async def api_corpus_stats() -> CorpusStats:
        """How many stories the corpus holds, their dates, sites and size on disk."""
        return await server.jobs.call(lambda: server.corpus().stats())

    @app.post(
        "/api/corpus/documents",
        status_code=202,
        responses={202: {"description": "The upload's job; follow its Location."}, **_FAILED},
        tags=["api"],
    )
    async def api_corpus_documents(
        files: Annotated[list[UploadFile], File(description="JSON Lines, CSV, WARC, HTML, text")],
    ) -> JSONResponse:
        """Add the stories in the uploaded files to the corpus (adding one twice is a no-op).
        Answers at once with a job to follow: `GET /api/jobs/{id}`."""
        job = await _start_upload(server, files)
        return JSONResponse(
            JobState(**job.to_dict()).model_dump(),
            status_code=202,
            headers={"Location": f"/api/jobs/{job.id}"},
        )


async def _start_upload(server: Server, uploads: list[UploadFile]) -> Job:
    """Copy the uploads (spooled by the form parser) into a folder of their own, by safe names,
    and start the job that adds them."""
    folder = server.upload_folder()
    try:
        for n, upload in enumerate(uploads):
            name = re.sub(r"[^\w.-]", "_", Path(upload.filename or "").name)[-100:] or "upload"
            with open(folder / f"{n:04d}-{name.lstrip('.')}", "wb") as out:
                while chunk := await upload.read(1 << 20):
                    out.write(chunk)
        if not any(p.stat().st_size for p in folder.iterdir()):
            raise HTTPException(422, "no files, or only empty ones")
        return server.jobs.submit(
            "corpus", lambda job: server.add_documents(job, folder), pool="upload"
        )
    except BaseException:  # refused (empty, busy) or cut short: its files go now
        server.drop_upload(folder)
        raise


# --- pages ----------------------------------------------------------------------------------------


def _page_routes(app: FastAPI, server: Server) -> None:
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def start(request: Request) -> Response:
        return _TEMPLATES.TemplateResponse(request, "index.html", {"error": None})

    @app.post("/analyse", include_in_schema=False)
    async def analyse(request: Request) -> Response:
        form = await request.form(max_files=MAX_SOURCES + 1, max_part_size=MAX_BYTES)
        try:
            given = [await _form_input(form, prefix) for prefix in ("copy", "source")]
            # Decoding and reading an uploaded JSON file (its "html" extracted) off the event
            # loop: 5 MB of it held up every other request for minutes.
            copy, source = [await run_in_threadpool(_article_input, g) for g in given]
            if copy is None:
                raise InputError("give the page to check: a link, a file or its text")
        except InputError as error:
            context = {"error": str(error)}
            return _TEMPLATES.TemplateResponse(request, "index.html", context, status_code=422)
        sources = [source] if source else []
        kind = "compare" if sources else "check"
        job = server.jobs.submit(kind, lambda job: server.analyse(job, copy, sources))
        return RedirectResponse(f"/jobs/{job.id}", status_code=303)

    @app.get("/jobs/{job_id}", response_class=HTMLResponse, include_in_schema=False)
    async def job_page(request: Request, job_id: str) -> Response:
        job = server.jobs.get(job_id)
        if job is None:
            raise HTTPException(404, "no such job (jobs are forgotten when the server restarts)")
        seen = job.to_dict()  # one snapshot: the worker may finish while the page renders
        if seen["state"] == "done" and seen["kind"] != "corpus":
            return RedirectResponse(f"/reports/{seen['result']['report']}", status_code=303)
        return _TEMPLATES.TemplateResponse(request, "job.html", {"job": seen})

    @app.get("/reports/{report_id}", response_class=HTMLResponse, include_in_schema=False)
    async def report_page(report_id: str) -> Response:
        saved = server.reports.get(report_id)
        if saved is None:
            raise HTTPException(404, "no such report")
        return HTMLResponse(saved.html)

    @app.get("/corpus", response_class=HTMLResponse, include_in_schema=False)
    async def corpus_page(request: Request, q: str = "") -> Response:
        query = q[:500]

        def look() -> tuple[Any, list[Article]]:
            corpus = server.corpus()
            return corpus.stats(), corpus.search_text(query, SEARCH_LIMIT) if query else []

        stats, found = await server.jobs.call(look)
        context = {"stats": stats, "q": query, "found": found, "limit": SEARCH_LIMIT}
        return _TEMPLATES.TemplateResponse(request, "corpus.html", context)

    @app.post("/corpus/documents", include_in_schema=False)
    async def corpus_upload(request: Request) -> Response:
        form = await request.form(max_files=1_000)
        uploads = [v for v in form.getlist("files") if isinstance(v, StarletteUpload)]
        job = await _start_upload(server, uploads)  # type: ignore[arg-type]
        return RedirectResponse(f"/jobs/{job.id}", status_code=303)

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    async def login_page(request: Request) -> Response:
        return _TEMPLATES.TemplateResponse(request, "login.html", {"error": None})

    @app.post("/login", include_in_schema=False)
    async def login(request: Request) -> Response:
        form = await request.form(max_files=0, max_fields=2)
        token = str(form.get("token", ""))
        if not _token_matches(server.settings.token, token):
            context = {"error": "That is not the token."}
            return _TEMPLATES.TemplateResponse(request, "login.html", context, status_code=401)
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(TOKEN_COOKIE, _cookie_value(token), httponly=True, samesite="strict")
        return response


@dataclass(frozen=True)
class _FormInput:
    """What a form gives for one article, as sent: a link, pasted text or a file's bytes."""

    prefix: str
    url: str = ""
    text: str = ""
    data: bytes = b""
    name: str = "upload"


async def _form_input(form: Any, prefix: str) -> _FormInput:
    """What the form gives under `prefix` (a link, an uploaded file or pasted text)."""
    url = str(form.get(f"{prefix}_url") or "").strip()
    text = str(form.get(f"{prefix}_text") or "").strip()
    upload = form.get(f"{prefix}_file")
    data, name = b"", "upload"
    if isinstance(upload, StarletteUpload) and upload.filename:
        data, name = await upload.read(MAX_BYTES + 1), upload.filename
        if len(data) > MAX_BYTES:
            raise InputError(f"{name}: larger than the {describe_size(MAX_BYTES)} limit")
    if sum([bool(url), bool(text), bool(data)]) > 1:
        raise InputError(f"the {prefix}: give a link, a file or text, only one of them")
    return _FormInput(prefix, url, text, data, name)


def _article_input(given: _FormInput) -> ArticleInput | None:
    """The article of a form's input, or None if it gives none; InputError, in one line, for
    what cannot be one (not a 500: the API's limits hold here too)."""
    from unspin.read import article_from_json, decode

    name = given.name
    try:
        if given.url:
            return ArticleInput(url=given.url)
        if given.text:
            return ArticleInput(text=given.text)
        if not given.data:
            return None
        if name.lower().endswith(".json"):  # one article as `unspin compare` reads it
            article = article_from_json(decode(given.data, name), name)
            # A title past the API's limit is cut, not refused: the story is what counts.
            return ArticleInput(text=article.text, title=article.title[:TITLE_CHARS] or None)
        if name.lower().endswith((".html", ".htm", ".xhtml")) or b"<" in given.data[:1024]:
            return ArticleInput(html=decode(given.data, name, html=True))
        return ArticleInput(text=decode(given.data, name))
    except ValidationError as error:
        problem = error.errors()[0]
        field = ".".join(str(part) for part in problem["loc"]) or "input"
        raise InputError(f"the {given.prefix}: {field}: {problem['msg']}") from None


# --- the guards around every request ------------------------------------------------------------


def _cookie_value(token: str) -> str:
    """What the login cookie holds for a token: a digest of it in hex, which a cookie carries
    as it is (a token with a space, comma, quote or accent was stored quoted and never matched
    again), and which does not give the token itself to whoever reads the cookie."""
    return hmac.new(token.encode(), b"unspin login cookie", hashlib.sha256).hexdigest()


def _token_matches(expected: str | None, given: str) -> bool:
    return expected is None or secrets.compare_digest(expected.encode(), given.encode())


class _Guarded:
    """ASGI middleware: the token, the body size limits and the security headers, for every
    request (pure ASGI, so it sees the body as it streams and can refuse it part way)."""

    def __init__(self, app: FastAPI, settings: Settings) -> None:
        self.app, self.settings = app, settings
        self.state = app.state  # tests reach the server through app.state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = _with_headers(send)
        path: str = scope["path"]
        if _cross_site(scope):
            await _refuse(
                scope, send, 403, "a request from another web site may not change anything here"
            )
            return
        if not self._authorised(scope):
            await _refuse(scope, send, 401, "a token is needed: see `unspin serve --help`")
            return
        limit = self.settings.max_upload if path.endswith("/documents") else self.settings.max_body
        declared = _header(scope, b"content-length")
        if declared.isdigit() and int(declared) > limit:
            await _refuse(scope, send, 413, f"the body is over the {describe_size(limit)} limit")
            return
        received = 0
        too_big = refused = False

        async def counted() -> Message:
            nonlocal received, too_big
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:  # a body sent without (or beyond) its declared length
                    too_big = True
                    raise _TooBig
            return message

        async def answering(message: Message) -> None:
            nonlocal refused
            if not too_big:
                await send(message)
            elif not refused:  # the app's own answer to a cut-off body (a 400) becomes a 413
                refused = True
                await _refuse(
                    scope, send, 413, f"the body is over the {describe_size(limit)} limit"
                )

        try:
            await self.app(scope, counted, answering)
        except Exception:
            if not too_big:
                raise
            if not refused:  # _TooBig itself, or a body parser's exception wrapping it
                refused = True
                await _refuse(
                    scope, send, 413, f"the body is over the {describe_size(limit)} limit"
                )

    def _authorised(self, scope: Scope) -> bool:
        token = self.settings.token
        path: str = scope["path"]
        if token is None or path.startswith("/static/") or path == "/login":
            return True
        bearer = _header(scope, b"authorization")
        if bearer.lower().startswith("bearer ") and _token_matches(token, bearer[7:].strip()):
            return True
        cookies = _header(scope, b"cookie")
        for part in cookies.split(";"):
            name, _, value = part.strip().partition("=")
            if name == TOKEN_COOKIE and _token_matches(_cookie_value(token), value):
                return True
        return False


SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def _cross_site(scope: Scope) -> bool:
    """A state-changing request a browser sent from another site's page (a form or script
    there posting here): refused whether or not a token is set, since a browser sends this
    server's cookie along. Browsers say where a request comes from (Sec-Fetch-Site, else
    Origin); a request saying neither comes from a script or curl, which no page controls."""
    if scope.get("method", "GET") in SAFE_METHODS:
        return False
    fetch_site = _header(scope, b"sec-fetch-site")
    if fetch_site:
        return fetch_site not in ("same-origin", "none")
    origin = _header(scope, b"origin")
    if not origin:
        return False
    host = _header(scope, b"host")
    return origin == "null" or urlsplit(origin).netloc.lower() != host.lower()


class _TooBig(Exception):
    pass


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return value.decode("latin-1")
    return ""


def _with_headers(send: Send) -> Callable[[Message], Awaitable[None]]:
    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            present = {k.lower() for k, _ in headers}
            for key, value in SECURITY_HEADERS.items():
                if key.lower().encode() not in present:
                    headers.append((key.lower().encode(), value.encode()))
            message = {**message, "headers": headers}
        await send(message)

    return sending


async def _refuse(scope: Scope, send: Send, status: int, detail: str) -> None:
    wants_page = not scope["path"].startswith("/api/") and "text/html" in _header(scope, b"accept")
    if status == 401 and wants_page:
        page = _TEMPLATES.env.get_template("login.html").render(error=None)
        response: Response = HTMLResponse(page, status_code=401)
    else:
        response = problem(scope, status, detail)

    async def nothing() -> Message:
        return {"type": "http.disconnect"}

    await response(scope, nothing, send)
