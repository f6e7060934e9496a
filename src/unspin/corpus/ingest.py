"""Read the inputs of `unspin corpus add`: paths become a stream of `Record`s, one per article.

Inputs are JSON lines, CSV, WARC crawls (plain or gzip), and single HTML, text or JSON files;
JSON lines and CSV may be gzip or xz compressed. Reading streams (a crawl can be gigabytes)
and never raises on a bad record: each becomes a `Record` with an error saying why, located
by line or byte offset, so one broken page cannot stop an import of millions.

Every article passes `check_article` (English news prose of `MIN_WORDS`+ words). Its id is
the record's own "id", else "" (the store derives one from the text); its site is the
record's "site", else the URL's host name without "www.", else the site name the page gives.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import itertools
import json
import logging
import lzma
import mimetypes
import multiprocessing
import os
import re
import zlib
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from queue import Empty
from typing import Literal

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeadersParserException

from unspin.errors import InputError
from unspin.limits import MAX_BYTES, describe_size
from unspin.model import Article
from unspin.read import (
    _HTML_START,
    _MEDIA_KINDS,
    _SUFFIX_KINDS,
    _metadata,
    _mostly_not_text,
    _text,
    article_from_fields,
    article_from_html,
    check_article,
    decode,
    host_of,
    iso_date,
    read_article,
)
from unspin.text import one_line

Kind = Literal["jsonl", "csv", "warc", "html", "text", "json"]

_PACKED = ("", ".gz", ".xz")

# Names that say what a file holds; JSON lines and CSV may also be packed (gzip, xz).
_NAME_KINDS: dict[str, Kind] = {
    **{f"{stem}{packed}": "jsonl" for stem in (".jsonl", ".ndjson") for packed in _PACKED},
    **{f".csv{packed}": "csv" for packed in _PACKED},
    ".warc": "warc",
    ".warc.gz": "warc",
    **_SUFFIX_KINDS,  # a single article's names, as `read_article` reads them
}
# Python's own table of file types (not the system's, so the answer is the same everywhere):
# a name it knows (.css, .js, .png, .pdf, .xml...) is not an article. Names it does not know
# (none, .php?id=3 from a mirrored site) and packed files (.gz, .xz) are sniffed.
_KNOWN_TYPES = mimetypes.MimeTypes(filenames=())
_SNIFF_BYTES = 64 * 1024
_GZIP_MAGIC = b"\x1f\x8b"
_XZ_MAGIC = b"\xfd7zXZ\x00"
_WARC_START = re.compile(rb"WARC/\d\.\d+\r?\n")
_BLANK = b" \t\r\n"

_HTML_TYPES = frozenset(media for media, kind in _MEDIA_KINDS.items() if kind == "html")
# WARC records that can hold a page; the others (request, warcinfo, metadata, revisit...) hold
# none and are skipped without a word.
_PAGE_RECORDS = ("response", "resource")
_CHARSET = re.compile(r"""charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)

log = logging.getLogger(__name__)

# What a damaged file raises: the decompressors (EOFError when cut short), and warcio's parser
# besides. Other OSErrors are the disk's, and `read_records` reports them as such.
_BROKEN_PACKING = (EOFError, gzip.BadGzipFile, zlib.error, lzma.LZMAError)
# warcio reads a response record without its WARC-Target-URI into an AttributeError.
_BROKEN_WARC = (
    *_BROKEN_PACKING,
    ArchiveLoadFailed,
    StatusAndHeadersParserException,
    ValueError,
    AttributeError,
)


@dataclass(frozen=True, slots=True)
class Record:
    """One article candidate of an input: the article, or why it was skipped."""

    location: str  # "feed.jsonl:12", "crawl.warc.gz@1834", "pages/a.html", "table.csv:7"
    article: Article | None  # None when the record is bad
    error: str = ""  # one line, why it was skipped; "" when article is set
    position: int = 0  # bytes of the input file consumed so far (compressed bytes if packed)
    url: str = ""  # the page's address, where the input gives one (a WARC record's target)


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A record found but not yet extracted: `read_records` extracts it (`make`) only if the
    caller does not skip its location (a resumed scan skips what it has already checked)."""

    location: str
    make: Callable[[], Article]
    position: int
    url: str = ""


# The error of a record the caller asked to skip (`read_records(skip=...)`): not extracted.
SKIPPED = "skipped as asked (already done)"


@dataclass(frozen=True, slots=True)
class InputFile:
    """A file to read and what it holds."""

    path: Path
    kind: Kind
    size: int  # bytes on disk


# --- finding the files -----------------------------------------------------------------------


def input_files(paths: Sequence[str | os.PathLike[str]]) -> list[InputFile]:
    """The files under `paths`, folders expanded recursively (sorted, hidden entries skipped).

    Raises InputError for a path that does not exist, a folder that cannot be listed and a
    file named explicitly whose kind is unknown; unknown files inside a folder (images, style
    sheets) are skipped.
    """
    files: list[InputFile] = []
    seen: set[str] = set()
    for given in paths:
        path = Path(given)
        name = os.fspath(given)
        if path.is_dir():
            found = [(file, _kind(file)) for file in _walk(path)]
            candidates = [(file, kind) for file, kind in found if kind]
        elif path.exists():
            kind = _kind(path, name=name)
            if kind is None:
                raise InputError(
                    f"{name}: not a file unspin reads (JSON lines, CSV, WARC, HTML, text or JSON)"
                )
            candidates = [(path, kind)]
        else:
            raise InputError(f"{name}: no such file or folder")
        for file, kind in candidates:
            key = os.path.realpath(file)
            if kind and key not in seen:  # a file named twice, or also inside a named folder
                seen.add(key)
                files.append(InputFile(file, kind, _size(file)))
    return files


def _walk(folder: Path) -> list[Path]:
    found: list[Path] = []
    for directory, subdirectories, names in os.walk(folder, onerror=_unreadable):
        subdirectories[:] = sorted(name for name in subdirectories if not name.startswith("."))
        paths = (Path(directory, name) for name in names if not name.startswith("."))
        found += (path for path in paths if path.is_file())  # not sockets, pipes or devices
    return sorted(found, key=lambda path: path.parts)


def _unreadable(error: OSError) -> None:
    """A folder os.walk cannot list: said, not skipped (it would read as an empty folder)."""
    raise InputError(f"{error.filename}: cannot read the folder ({error.strerror or error})")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # reading it will say what is wrong


def _kind(path: Path, *, name: str = "") -> Kind | None:
    """What the file holds, by its name, else by its first bytes. With `name` (a file named
    explicitly), a file that cannot be read raises InputError instead of counting as unknown."""
    lowered = path.name.lower()
    for suffix, kind in _NAME_KINDS.items():
        if lowered.endswith(suffix):
            return kind
    known, packing = _KNOWN_TYPES.guess_type(lowered, strict=False)
    if known and not packing:  # packed, it may be anything: "feed.json.gz" is often JSON lines
        return None
    try:
        with path.open("rb") as file:
            head = file.read(_SNIFF_BYTES)
    except OSError as error:
        if name:
            raise InputError(f"{name}: cannot read it ({error.strerror or error})") from None
        return None
    if name and not head.strip():
        raise InputError(f"{name}: the file is empty")
    return _sniff(head)


def _sniff(head: bytes) -> Kind | None:
    if head.startswith(_GZIP_MAGIC):
        inner = _unpack_head(zlib.decompressobj(16 + zlib.MAX_WBITS).decompress, head)
        return _sniff_packed(inner, warc=True)
    if head.startswith(_XZ_MAGIC):
        # warcio reads gzip only, so an xz-packed WARC stays unknown
        return _sniff_packed(_unpack_head(lzma.LZMADecompressor().decompress, head), warc=False)
    if _WARC_START.match(head):
        return "warc"
    start = head.removeprefix(codecs.BOM_UTF8).lstrip(_BLANK)
    if start.startswith(b"{"):
        first_line = start.split(b"\n", 1)[0].rstrip(_BLANK)
        # an object closed on its first line starts JSON lines; pretty-printed JSON does not
        return "jsonl" if first_line.endswith(b"}") else "json"
    if _HTML_START.search(start[:1024]) and (
        not start.startswith(b"<?xml") or b"<html" in start.lower()  # not RSS, SVG or sitemaps
    ):
        return "html"
    if not start or start.startswith(b"<") or b"\x00" in head:
        return None  # nothing, or markup that is not HTML (RSS, SVG, sitemaps), or binary
    looks_binary = _mostly_not_text(head.decode("utf-8", errors="replace"))
    if looks_binary and _mostly_not_text(head.decode("cp1252", errors="replace")):
        return None
    return "text"


def _unpack_head(decompress: Callable[[bytes, int], bytes], head: bytes) -> bytes:
    try:
        return decompress(head, _SNIFF_BYTES)
    except (zlib.error, lzma.LZMAError, EOFError):
        return b""


def _sniff_packed(inner: bytes, *, warc: bool) -> Kind | None:
    if warc and _WARC_START.match(inner):
        return "warc"
    return "jsonl" if inner.lstrip(_BLANK).startswith(b"{") else None


# --- reading records -------------------------------------------------------------------------


def iter_records(paths: Sequence[str | os.PathLike[str]]) -> Iterator[Record]:
    """Every record of every input under `paths` (raises InputError only for the paths)."""
    for file in input_files(paths):
        yield from read_records(file)


def read_ahead(
    files: Sequence[InputFile], chunk: int = 64, skip: Callable[[str], bool] | None = None
) -> Iterator[tuple[int, Record]]:
    """(index of its file, record) for every record of `files`, read in a child process.

    Extraction and checking cost about as much as embedding and storing a story; reading in
    another process lets the two run on two cores. At most 8 chunks wait in the queue, so a
    slow consumer holds the reader back instead of filling memory.
    """
    context = multiprocessing.get_context("spawn")  # fork would copy the tokenizer's threads
    queue = context.Queue(maxsize=8)
    # `skip` goes to the child process: it must pickle (a module-level class, not a lambda).
    args = (list(files), queue, chunk, skip)
    reader = context.Process(target=_read_into, args=args, daemon=True)
    reader.start()
    try:
        while (batch := _next_batch(queue, reader)) is not None:
            if isinstance(batch, str):
                raise InputError(batch)
            yield from batch
    finally:
        reader.kill()
        reader.join()


def _next_batch(
    queue: multiprocessing.Queue, reader: multiprocessing.process.BaseProcess
) -> list[tuple[int, Record]] | str | None:
    """The reader's next message, or InputError if it died without sending its last (killed
    for memory, or its start-up failed: a script without `if __name__ == "__main__":`
    re-runs itself in a spawned child); waiting on the queue alone would wait forever."""
    while True:
        try:
            return queue.get(timeout=1.0)
        except Empty:
            if reader.exitcode is not None:
                raise InputError(
                    f"the reading process stopped (exit code {reader.exitcode}) before the "
                    "end of the input; from a script, call this under "
                    '`if __name__ == "__main__":`'
                ) from None


@dataclass(frozen=True, slots=True)
class Skipped:
    """A record not added, and why."""

    record: str  # where it is: a file, "file:line", "file@offset (url)"...
    reason: str


@dataclass(frozen=True, slots=True)
class AddedFiles:
    """What `Corpus.add_files` did."""

    added: int
    duplicates: int  # the same text as a stored story (also: added before an interruption)
    read: int  # articles read from the files
    skipped: tuple[Skipped, ...]  # unreadable records, and ids already used by another text
    seconds: float

    @property
    def rate(self) -> float:
        """Articles read per second."""
        return self.read / max(self.seconds, 1e-9)


# Called as records are read: (bytes read, bytes in all the files, articles read so far).
AddProgress = Callable[[int, int, int], None]
ID_TAKEN = "the id is already used by a different text"


def _read_into(
    files: list[InputFile],
    queue: multiprocessing.Queue,
    chunk: int,
    skip: Callable[[str], bool] | None,
) -> None:
    try:
        batch: list[tuple[int, Record]] = []
        for index, file in enumerate(files):
            for record in read_records(file, skip):
                batch.append((index, record))
                if len(batch) == chunk:
                    queue.put(batch)
                    batch = []
        queue.put(batch)
        queue.put(None)
    except Exception as error:  # never expected: read_records turns bad input into Records
        queue.put(f"reading stopped: {_one_line(error)}")
    except KeyboardInterrupt:  # the parent sees it too and stops
        pass


def read_records(file: InputFile, skip: Callable[[str], bool] | None = None) -> Iterator[Record]:
    """One Record per article candidate in the file, in file order; never raises.

    `position` never decreases and the last record's is the file's size. A record whose
    location `skip` accepts is not extracted: its Record has no article and the error SKIPPED.
    """
    readers: dict[Kind, Callable[[InputFile], Iterator[Record | _Candidate]]] = {
        "jsonl": _jsonl_records,
        "csv": _csv_records,
        "warc": _warc_records,
    }
    reader = readers.get(file.kind, _single_file_record)
    pending: Record | None = None
    reached = 0
    try:
        for found in reader(file):
            record = _record(found, skip)
            # a file that grew while being read still draws a bar that ends at 100%
            reached = min(max(record.position, reached), file.size)
            if pending is not None:
                yield pending
            pending = replace(record, position=reached)
    except OSError as error:  # the disk or the file system failed mid-way
        if pending is not None:
            yield pending
        pending = Record(str(file.path), None, f"cannot read it ({error.strerror or error})")
    if pending is not None:
        # held back one record so the last can say "all of it" even when skipped records follow
        yield replace(pending, position=file.size)


def _record(found: Record | _Candidate, skip: Callable[[str], bool] | None) -> Record:
    if isinstance(found, Record):
        return found
    if skip is not None and skip(found.location):
        return Record(found.location, None, SKIPPED, found.position, found.url)
    return replace(_build(found.location, found.make, found.position), url=found.url)


# What `_open` gives: each can peek ahead without consuming.
_Unpacked = gzip.GzipFile | lzma.LZMAFile | io.BufferedReader

# A packed file that unpacks to more than this many times its size (past the first UNPACKED_FREE
# bytes) is a decompression bomb: news text packs 3 to 10 times, pages with their site's HTML
# template a few hundred times in xz; a few kB of gzip can hold millions of copies of one
# record, each as much work as a real one.
PACKED_RATIO = 1_000
UNPACKED_FREE = 10_000_000


def _bomb(stream: _Unpacked, raw: io.BufferedReader) -> bool:
    return stream is not raw and stream.tell() > PACKED_RATIO * raw.tell() + UNPACKED_FREE


def _bomb_message() -> str:
    return f"unpacks to over {PACKED_RATIO} times its size: a decompression bomb, stopped reading"


@contextmanager
def _open(path: Path) -> Iterator[tuple[_Unpacked, io.BufferedReader]]:
    """The file's content, unpacked if gzip or xz (by its first bytes, not its name), and the
    raw file, whose tell() is the progress."""
    with path.open("rb") as raw:
        magic = raw.peek(len(_XZ_MAGIC))[: len(_XZ_MAGIC)]
        if magic.startswith(_GZIP_MAGIC):
            with gzip.GzipFile(fileobj=raw, mode="rb") as unpacked:
                yield unpacked, raw
        elif magic.startswith(_XZ_MAGIC):
            with lzma.LZMAFile(raw) as unpacked:
                yield unpacked, raw
        else:
            yield raw, raw


def _build(location: str, make: Callable[[], Article], position: int) -> Record:
    """The record of one candidate: `make()` checked by `check_article`, or the reason not."""
    try:
        article = check_article(make(), location)
    except InputError as error:
        return _bad(location, str(error), position)
    except Exception as error:  # a parser's failure on one hostile record must not stop the rest
        log.exception("reading %s failed", location)
        return _bad(location, f"cannot read the record ({_one_line(error)})", position)
    return Record(location, article, "", position)


def _bad(location: str, message: str, position: int) -> Record:
    # location already says where: "a.jsonl:3: not valid JSON" would say it twice
    return Record(location, None, message.removeprefix(f"{location}: "), position)


def _from_html(html: str, url: str) -> Article:
    """article_from_html, with any failure of the parsers on a malformed page as InputError."""
    try:
        return article_from_html(html, url=url, name=url or "the page")
    except InputError:
        raise
    except Exception as error:  # lxml and trafilatura on hostile markup: skip the page, go on
        raise InputError(f"cannot extract the page ({_one_line(error)})") from None


def _one_line(error: BaseException) -> str:
    return one_line(" ".join(str(error).split()), 100) or type(error).__name__


def _too_big() -> str:
    return f"larger than the {describe_size(MAX_BYTES)} limit"


def _article_from_fields(fields: Mapping[str, object]) -> Article:
    """An article from one JSON object or CSV row: the semantics of a JSON input in read.py."""
    article = article_from_fields(fields, _from_html)
    return replace(article, site=article.site or host_of(article.url))


# --- JSON lines ------------------------------------------------------------------------------


# Lines in a row that are no JSON object, past which a file is no feed of articles: a small
# packed file of "0" lines unpacks to hundreds of millions, each an error record otherwise.
NOT_OBJECTS = 10_000


def _jsonl_records(file: InputFile) -> Iterator[Record | _Candidate]:
    name = str(file.path)
    lines: _Lines | None = None
    not_objects = 0  # lines in a row that were no JSON object
    try:
        with _open(file.path) as (stream, raw):
            lines = _Lines(stream)
            for number, line in lines:
                location = f"{name}:{number}"
                if line is None:
                    yield _bad(location, f"the line is {_too_big()}", raw.tell())
                    continue
                text = _decode_line(line.removeprefix(codecs.BOM_UTF8) if number == 1 else line)
                text = text.rstrip("\r\n")  # an unclosed string ends at the line's end, not past it
                if _bomb(stream, raw):
                    yield _bad(location, _bomb_message(), raw.tell())
                    return
                if not text.strip(_JSON_SPACE):
                    continue  # JSON's own whitespace; any other ("\x0c") is no JSON object
                found = _jsonl_record(location, text, raw.tell())
                not_objects = not_objects + 1 if isinstance(found, Record) else 0
                if not_objects == NOT_OBJECTS:
                    message = f"{NOT_OBJECTS:,} lines in a row are no JSON object: no feed of "
                    yield _bad(location, message + "articles, stopped reading", raw.tell())
                    return
                yield found
    except _BROKEN_PACKING as error:
        yield _broken(f"{name}:{lines.number if lines else 1}", error)


_SPACING = b" \t\r\n"
_JSON_SPACE = _SPACING.decode()


class _Lines:
    """The file's lines with more than spacing in them, as (number from 1, bytes); None for
    one over MAX_BYTES (read past, never held whole). Blank lines are spacing, not records,
    and a run of them is passed a buffer at a time: a packed file of half a megabyte can hold
    500 million newlines, which one readline each would take minutes to pass. A line's indent
    is passed the same way (JSON ignores it), so it does not count towards MAX_BYTES."""

    def __init__(self, stream: _Unpacked) -> None:
        self.stream = stream
        self.number = 1  # the line being read: where a file that breaks off broke

    def __iter__(self) -> Iterator[tuple[int, bytes | None]]:
        stream = self.stream
        while True:
            ahead = stream.peek(_SNIFF_BYTES)
            spacing = len(ahead) - len(ahead.lstrip(_SPACING))
            if spacing:
                self.number += ahead.count(b"\n", 0, spacing)
                stream.read(spacing)
                continue
            line = stream.readline(MAX_BYTES + 1)
            if not line:
                return
            if len(line) > MAX_BYTES and not line.endswith(b"\n"):
                while (rest := stream.readline(_SNIFF_BYTES)) and not rest.endswith(b"\n"):
                    pass
                yield self.number, None
            else:
                yield self.number, line
            self.number += 1


def _decode_line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        # JSON must be UTF-8, but exports from Windows tools are often Windows-1252
        return line.decode("cp1252", errors="replace")


def _jsonl_record(location: str, text: str, position: int) -> Record | _Candidate:
    try:
        fields = json.loads(text)
    except json.JSONDecodeError as error:
        return _bad(location, f"not valid JSON (column {error.colno}: {error.msg})", position)
    except RecursionError:  # thousands of nested brackets: the parser gives up
        return _bad(location, "JSON nested too deeply to be an article", position)
    except ValueError:  # a number of over 4,300 digits, which Python will not read
        return _bad(location, "not valid JSON (a number too long to read)", position)
    if not isinstance(fields, dict):
        return _bad(location, f"not a JSON object (a {type(fields).__name__})", position)
    # The record's own URL, for its error row if it is refused: which site's page was skipped.
    url = _metadata(fields.get("url"))
    return _Candidate(location, lambda: _article_from_fields(fields), position, url)


def _broken(location: str, error: BaseException | None = None) -> Record:
    """The record where a file stops making sense; nothing after it can be trusted."""
    message = "truncated or corrupt, stopped reading the file"
    if isinstance(error, ArchiveLoadFailed):
        # its message quotes the bad bytes, binary garbage in a corrupt file
        message += f" ({str(error).strip().split(chr(10))[0].split(', first line')[0]})"
    elif isinstance(error, AttributeError):  # warcio's, reading a record with no address
        message += " (a record without its WARC-Target-URI)"
    elif error is not None:
        message += f" ({_one_line(error)})"
    return Record(location, None, message)


# --- CSV -------------------------------------------------------------------------------------

_TEXT_COLUMNS = ("text", "content", "body", "html")
# Rows in a row with no cell of TEXT_CHARS (empty, or short cells only), past which a file is
# no table of articles: csv reads rows one at a time, and half a megabyte of gzip unpacks to
# 500 million empty or one-letter rows (minutes, and a skipped record each). A row with a long
# title or URL but no text (a paywalled page) is a row of a table, and does not count.
ROWS_WITHOUT_TEXT = 10_000
TEXT_CHARS = 40  # fewer characters than an article's fewest words (read.MIN_WORDS)


def _too_many_without_text() -> str:
    return (
        f"{ROWS_WITHOUT_TEXT:,} rows in a row with no cell of {TEXT_CHARS} characters: no table "
        "of articles, stopped reading"
    )


def _csv_records(file: InputFile) -> Iterator[Record | _Candidate]:
    name = str(file.path)
    # a story in one cell easily passes csv's 128 KB default
    csv.field_size_limit(max(csv.field_size_limit(), MAX_BYTES))
    line = 0
    try:
        with _open(file.path) as (stream, raw):
            # surrogateescape: a byte that is not UTF-8 fails only its own cell (`_cell`)
            text = io.TextIOWrapper(
                stream, encoding="utf-8-sig", errors="surrogateescape", newline=""
            )
            reader = csv.reader(text)
            columns: dict[str, int] = {}
            textless = 0  # rows in a row with no cell of TEXT_CHARS (the header resets it)
            while not columns:
                line = reader.line_num + 1
                header = next(reader, None)
                if header is None:
                    return  # empty file
                for index, column in enumerate(header):
                    columns.setdefault(_cell(column).strip().lower(), index)  # first of twins
                if not any(columns):
                    columns = {}  # blank lines before the header
                    textless += 1
                    if textless == ROWS_WITHOUT_TEXT:
                        yield _bad(f"{name}:{line}", _too_many_without_text(), raw.tell())
                        return
            textless = 0
            if not any(column in columns for column in _TEXT_COLUMNS):
                listed = ", ".join(column for column in columns if column)
                message = f"no text, content, body or html column in the header (columns: {listed})"
                yield Record(f"{name}:{line}", None, message, raw.tell())
                return
            while True:
                line = reader.line_num + 1  # where the next row starts
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except csv.Error as error:
                    yield _bad(f"{name}:{line}", f"not valid CSV ({error})", raw.tell())
                    continue
                blank = not any(cell.strip() for cell in row)
                textless = 0 if any(len(cell) >= TEXT_CHARS for cell in row) else textless + 1
                if textless == ROWS_WITHOUT_TEXT:
                    yield _bad(f"{name}:{line}", _too_many_without_text(), raw.tell())
                    return
                if blank:
                    continue  # blank lines are spacing, not rows
                if _bomb(stream, raw):
                    yield _bad(f"{name}:{line}", _bomb_message(), raw.tell())
                    return
                fields = {
                    column: _cell(row[index])
                    for column, index in columns.items()
                    if index < len(row)
                }
                if not _text(fields.get("text")):
                    fields["text"] = fields.get("content", "")
                url = _metadata(fields.get("url"))
                yield _Candidate(f"{name}:{line}", _bound(fields), raw.tell(), url)
    except _BROKEN_PACKING as error:
        yield _broken(f"{name}:{line}", error)


def _bound(fields: Mapping[str, object]) -> Callable[[], Article]:
    return lambda: _article_from_fields(fields)


def _cell(value: str) -> str:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        # a cell that is not UTF-8: most likely Windows-1252, as spreadsheets save it
        return value.encode("utf-8", errors="surrogateescape").decode("cp1252", errors="replace")
    return value


# --- WARC ------------------------------------------------------------------------------------


class _Archive(ArchiveIterator):
    # warcio prints a warning on stderr for a record with a wrong length; the record is read
    # anyway, and the command line's own output is the place to report problems
    INC_RECORD = ""


def _warc_records(file: InputFile) -> Iterator[Record | _Candidate]:
    name = str(file.path)
    with file.path.open("rb") as raw:
        read_before = yield from _archive_records(name, _Archive(raw), raw, file.size)
        if read_before is not None:
            # gzip run over a whole WARC, not once per record (`gzip crawl.warc` does that):
            # warcio refuses it, so unpack it here and read on past the records already seen;
            # offsets are then into the unpacked data, the only place records have one
            raw.seek(0)
            with gzip.GzipFile(fileobj=raw, mode="rb") as unpacked:
                archive = _Archive(unpacked)
                yield from _archive_records(name, archive, raw, file.size, skip=read_before)


def _archive_records(
    name: str, archive: _Archive, raw: io.BufferedReader, size: int, *, skip: int | None = None
) -> Generator[Record | _Candidate, None, int | None]:
    """The records of a WARC, but the first `skip`, given when reading it unpacked. Returns
    None, or if the WARC turns out to be gzipped as one stream, how many records were read."""
    records = iter(archive)
    for seen in itertools.count():
        start = archive.offset  # where the next record begins
        try:
            record = next(records)
        except StopIteration:
            break
        except _BROKEN_WARC as error:
            if skip is None and "non-chunked gzip" in str(error):
                return seen
            yield _broken(f"{name}@{start}", error)
            return None
        location = f"{name}@{start}"
        if record.format != "warc" or not record.rec_type:
            # warcio falls back to ARC for whatever it cannot read as WARC
            yield Record(location, None, "not a WARC file") if start == 0 else _broken(location)
            return None
        try:
            outcome = _warc_page(record) if seen >= (skip or 0) else None
            archive.get_record_offset()  # reads the rest of the record
        except _BROKEN_WARC as error:
            yield _broken(location, error)
            return None
        if getattr(record.raw_stream, "limit", 0) > 0:  # the file ends inside the record
            yield _broken(location)
            return None
        if outcome is not None:
            yield _warc_record(location, outcome, record, raw.tell())
    if skip is None and _unread(raw, archive.offset, size):
        # warcio stops without a word at a gzip member cut short
        yield _broken(f"{name}@{archive.offset}")
    return None


def _warc_page(record: ArcWarcRecord) -> tuple[bytes, str] | str | None:
    """A record's HTML and declared charset; a string saying why it is not a page; or None
    for a record that holds no page at all (requests, metadata, DNS lookups)."""
    if record.rec_type not in _PAGE_RECORDS:
        return None
    if record.rec_type == "response" and not _target(record).lower().startswith("http"):
        return None
    headers = record.http_headers if record.rec_type == "response" else None
    if headers is not None and headers.get_statuscode() != "200":
        return f"HTTP status {headers.get_statuscode() or 'missing'}, not 200"
    declared = (headers.get_header("Content-Type") if headers else record.content_type) or ""
    media_type = declared.split(";", 1)[0].strip().lower()
    if media_type and media_type not in _HTML_TYPES:
        return f"not HTML ({media_type})"
    try:
        content = record.content_stream().read(MAX_BYTES + 1)
    except (zlib.error, ValueError) as error:  # the page's own Content-Encoding is broken
        return f"cannot decode the page ({_one_line(error)})"
    if len(content) > MAX_BYTES:
        return f"the page is {_too_big()}"
    if not media_type and not _HTML_START.search(content[:1024]):
        return "not HTML (no content type)"
    charset = _CHARSET.search(declared)
    return content, charset.group(1) if charset else ""


def _target(record: ArcWarcRecord) -> str:
    # WARC 1.0 files written by some crawlers wrap the URI in angle brackets
    return (record.rec_headers.get_header("WARC-Target-URI") or "").strip().strip("<>")


def _warc_record(
    location: str, outcome: tuple[bytes, str] | str, record: ArcWarcRecord, position: int
) -> Record | _Candidate:
    url = _target(record)
    if isinstance(outcome, str):
        return Record(location, None, outcome, position, url)
    content, charset = outcome
    crawled = iso_date(record.rec_headers.get_header("WARC-Date") or "")

    def make() -> Article:
        page = _from_html(decode(content, location, declared=charset, html=True), url)
        return replace(
            page,
            crawled=crawled,  # not the page's date (a chart by week would put it there)
            site=host_of(page.url) or page.site,
            id="",
        )

    return _Candidate(location, make, position, url)


def _unread(raw: io.BufferedReader, offset: int, size: int) -> bool:
    """Whether the file goes on, past `offset`, with more than blank padding."""
    if offset >= size:
        return False
    raw.seek(offset)
    return bool(raw.read(_SNIFF_BYTES).strip(_BLANK + b"\x00")) or size - offset > _SNIFF_BYTES


# --- single files ----------------------------------------------------------------------------


def _single_file_record(file: InputFile) -> Iterator[Record | _Candidate]:
    name = str(file.path)

    def make() -> Article:
        try:
            article = read_article(file.path)
        except InputError:
            raise
        except Exception as error:  # lxml and trafilatura on hostile markup: skip the page
            raise InputError(f"cannot extract the page ({_one_line(error)})") from None
        if file.kind != "json":  # the site a page names itself comes after the URL's host
            return replace(article, id="", site=host_of(article.url) or article.site)
        # read_article names an article without an id after its file; here the store does
        # (the id a JSON file gives itself is kept, unless it is exactly the file's name)
        own_id = "" if article.id == file.path.name else article.id
        return replace(article, id=own_id, site=article.site or host_of(article.url))

    yield _Candidate(name, make, file.size)
