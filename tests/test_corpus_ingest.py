"""corpus.ingest: paths become a stream of records, each an Article or the one-line reason not.

The stories are paragraphs of Reuters-21578 NEWID 5163 (examples/reuters21578-write-through);
every input is built in tmp_path: WARCs with warcio's own writer, so the offsets the tests
expect are the ones the writer reports.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import lzma
import multiprocessing
import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from unspin.corpus import ingest
from unspin.corpus.ingest import InputFile, Record, input_files, iter_records, read_records
from unspin.errors import InputError
from unspin.model import Article

MARCOS_TITLE = "Panel Head Says Marcos Still Controls Large Funds"
MARCOS = [
    "The head of a Philippine panel charged with recovering illegal wealth accumulated by former "
    "President Ferdinand Marcos and his associates said they still controlled large funds "
    "circulating in the country's economy.",
    'Diaz did not give figures, but said: "We believe they still have a lot of funds. These are '
    "the funds that they will use in the coming elections. These are the funds that they used to "
    'stage those coups."',
    "He was referring to congressional elections scheduled for May 11 and to the three coup "
    "attempts faced by President Corazon Aquino since she toppled Marcos a year ago.",
]
FLOIRENDO = [
    "The government last week announced that businessman Antonio Floirendo, an associate of "
    'Marcos known as the "banana king," had turned over 70 mln pesos in cash to the PCGG and '
    "promised to surrender titles to property in New York and Hawaii worth another 180 mln pesos.",
    "Diaz said there were already similar preliminary agreements with another Marcos associate, "
    "Roberto Benedicto. He said Benedicto had surrendered control of several newspapers and "
    "radio and television stations.",
]
MANILA = [
    "Share prices at the two exchanges reacted nervously last Tuesday when news of the probe "
    "leaked. The composite index at the Manila Stock Exchange fell 18.61 points to 451.51.",
    "The presidents of the two exchanges appealed to Diaz to carry out the probe discreetly so "
    'investors were not scared away, saying street certificates did not necessarily indicate "'
    'anomalous transactions."',
]
FRENCH = (
    "Le gouvernement a annoncé mardi une hausse des taux de la banque centrale, afin de freiner "
    "une inflation qui reste supérieure à son objectif depuis six mois. Le ministre des Finances "
    "a déclaré devant le Parlement que d'autres mesures pourraient suivre si les prix "
    "continuaient d'augmenter plus vite que les salaires pendant l'été."
)
NOT_ENOUGH = "not a news article (0 words of running text; unspin needs at least 40)"
SIX_WORDS = "not a news article (6 words of running text; unspin needs at least 40)"
CUT = "truncated or corrupt, stopped reading the file"
IN_FRENCH = "the article is in French (fr); unspin reads English only"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


def page(title: str, paragraphs: list[str], date: str = "") -> str:
    """A news page with the chrome a real one has around the story."""
    published = f'<meta property="article:published_time" content="{date}">' if date else ""
    story = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta property="og:site_name" content="Example News">{published}</head><body>'
        '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
        f"<article><h1>{title}</h1>{story}</article>"
        "<footer><p>Copyright 2024 Example News. All rights reserved.</p></footer></body></html>"
    )


def text(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


def records(path: Path) -> list[Record]:
    [file] = input_files([path])
    return list(read_records(file))


def assert_progress(found: list[Record], size: int) -> None:
    positions = [record.position for record in found]
    assert positions == sorted(positions)
    assert positions[-1] == size


# --- which files, of which kind --------------------------------------------------------------


def test_the_name_says_the_kind(tmp_path: Path) -> None:
    names = {
        "a.jsonl": "jsonl",
        "b.NDJSON": "jsonl",
        "c.jsonl.gz": "jsonl",
        "d.ndjson.xz": "jsonl",
        "e.csv": "csv",
        "f.csv.gz": "csv",
        "g.warc": "warc",
        "h.warc.gz": "warc",
        "i.html": "html",
        "j.htm": "html",
        "k.txt": "text",
        "l.json": "json",
    }
    for name in names:
        (tmp_path / name).write_bytes(b"0123")  # content is not looked at
    found = input_files([tmp_path / name for name in names])
    assert [(file.path.name, file.kind, file.size) for file in found] == [
        (name, kind, 4) for name, kind in names.items()
    ]


def test_a_name_that_says_nothing_is_sniffed(tmp_path: Path) -> None:
    story = [response("https://example.org/a", page(MARCOS_TITLE, MARCOS))]
    write_warc(tmp_path / "crawl", story, gzip=True)
    write_warc(tmp_path / "crawl-plain", story, gzip=False)
    jsonl = b'{"text": "one"}\n{"text": "two"}\n'
    files = {
        "feed": b"\xef\xbb\xbf" + jsonl,
        "feed.gz": gzip.compress(jsonl),
        "feed.json.gz": gzip.compress(jsonl),
        "feed.xz": lzma.compress(jsonl),
        "story": json.dumps({"text": text(MARCOS)}, indent=2).encode(),
        "page": page(MARCOS_TITLE, MARCOS).encode(),
        "article.php?id=3": page(MARCOS_TITLE, MARCOS).encode(),  # a mirrored site's page
        "note": text(MARCOS).encode(),
    }
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    found = input_files([tmp_path / name for name in ["crawl", "crawl-plain", *files]])
    assert [(file.path.name, file.kind) for file in found] == [
        ("crawl", "warc"),
        ("crawl-plain", "warc"),
        ("feed", "jsonl"),
        ("feed.gz", "jsonl"),
        ("feed.json.gz", "jsonl"),
        ("feed.xz", "jsonl"),
        ("story", "json"),
        ("page", "html"),
        ("article.php?id=3", "html"),
        ("note", "text"),
    ]


def test_a_folder_gives_its_readable_files_in_order(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    (folder / ".cache").mkdir()
    (folder / "b.txt").write_text(MARCOS_TITLE + "\n\n" + text(MARCOS))
    (folder / "a.html").write_text(page(MARCOS_TITLE, MARCOS))
    (folder / "sub" / "d.json").write_text(json.dumps({"text": text(MANILA)}))
    (folder / "notes").write_text(text(FLOIRENDO))
    (folder / "logo.png").write_bytes(PNG)
    (folder / "style.css").write_text("body { margin: 0 }")
    (folder / "feed.rss").write_text('<?xml version="1.0"?><rss><channel><title>News</title>')
    (folder / "blob").write_bytes(bytes(range(256)))
    (folder / ".hidden.html").write_text(page(MARCOS_TITLE, MARCOS))
    (folder / ".cache" / "c.html").write_text(page(MARCOS_TITLE, MARCOS))

    found = input_files([folder, folder / "a.html"])  # a.html twice: read once

    assert [(file.path.relative_to(tmp_path).as_posix(), file.kind) for file in found] == [
        ("pages/a.html", "html"),
        ("pages/b.txt", "text"),
        ("pages/notes", "text"),
        ("pages/sub/d.json", "json"),
    ]


def test_a_path_that_cannot_be_read_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(PNG)
    (tmp_path / "blob").write_bytes(bytes(range(256)))
    (tmp_path / "empty").write_bytes(b"")
    expected = {
        "missing.jsonl": "missing.jsonl: no such file or folder",
        "logo.png": "logo.png: not a file unspin reads (JSON lines, CSV, WARC, HTML, text or JSON)",
        "blob": "blob: not a file unspin reads (JSON lines, CSV, WARC, HTML, text or JSON)",
        "empty": "empty: the file is empty",
    }
    for name, message in expected.items():
        with pytest.raises(InputError) as caught:
            input_files([tmp_path / name])
        assert str(caught.value) == f"{tmp_path / message}"


def test_a_folder_that_cannot_be_listed_is_one_line_not_an_empty_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # chmod 000 would do, but not for root: the listing fails as it would for another user.
    locked = tmp_path / "locked"
    locked.mkdir()
    listing = os.scandir

    def scandir(path: str | os.PathLike[str]) -> object:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(locked))
        return listing(path)

    monkeypatch.setattr(os, "scandir", scandir)
    with pytest.raises(InputError) as caught:
        input_files([tmp_path])
    assert str(caught.value) == f"{locked}: cannot read the folder (Permission denied)"


# --- JSON lines ------------------------------------------------------------------------------

FEED = [
    {
        "id": "reuters21578-5163",
        "title": MARCOS_TITLE,
        "url": "https://www.example-news.com/world/marcos-funds",
        "date": "March 15, 1987",
        "author": "Reuters staff",
        "text": text(MARCOS),
    },
    "",
    '{"title": "Broken", "text": "cut off here}',
    {"title": "No story", "url": "https://example.org/empty"},
    {"body": FRENCH, "site": "Le Monde"},
    {"html": page("Marcos Associates Hand Over Assets", FLOIRENDO), "date": "1987-03-16"},
    [1, 2],
    {"body": text(MANILA), "id": 17, "title": ""},
]


def feed_lines() -> list[bytes]:
    return [(line if isinstance(line, str) else json.dumps(line)).encode() + b"\n" for line in FEED]


def test_a_line_nested_too_deeply_for_the_parser_is_one_bad_record(tmp_path: Path) -> None:
    # 100,000 brackets: json.loads raises RecursionError, and the lines after it still count.
    good = json.dumps(FEED[0]).encode()
    path = tmp_path / "feed.jsonl"
    path.write_bytes(good + b"\n" + b"[" * 100_000 + b"]" * 100_000 + b"\n" + good + b"\n")
    assert [(r.location, r.error) for r in records(path)] == [
        (f"{path}:1", ""),
        (f"{path}:2", "JSON nested too deeply to be an article"),
        (f"{path}:3", ""),
    ]


def test_a_line_no_parser_reads_is_one_bad_record_and_the_rest_still_count(
    tmp_path: Path,
) -> None:
    good = json.dumps(FEED[0]).encode()
    markup = json.dumps({"text": "<html></p>"}).encode()  # lxml: "too many bodies"
    number = b'{"text": "a b c d", "id": ' + b"9" * 5_000 + b"}"  # over Python's 4,300 digits
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b"\n".join([good, markup, number, good]) + b"\n")
    assert [(r.location, r.error.split(" (")[0]) for r in records(path)] == [
        (f"{path}:1", ""),
        (f"{path}:2", "not a news article"),
        (f"{path}:3", "not valid JSON"),
        (f"{path}:4", ""),
    ]


def test_a_record_a_parser_fails_on_is_skipped_with_the_reason() -> None:
    def make() -> Article:
        raise AssertionError("too many bodies")  # as lxml raises on some markup

    assert ingest._build("feed.jsonl:7", make, 120) == ingest.Record(
        "feed.jsonl:7", None, "cannot read the record (too many bodies)", 120
    )


def test_json_lines_give_one_record_per_line_and_say_what_is_wrong(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = feed_lines()
    path.write_bytes(b"".join(lines))
    name = str(path)

    found = records(path)

    assert [(r.location, r.error) for r in found] == [
        (f"{name}:1", ""),
        (f"{name}:3", "not valid JSON (column 29: Unterminated string starting at)"),
        (f"{name}:4", 'no "text", "body" or "html" field'),
        (f"{name}:5", IN_FRENCH),
        (f"{name}:6", ""),
        (f"{name}:7", "not a JSON object (a list)"),
        (f"{name}:8", ""),
    ]  # line 2 is blank
    ends = [sum(len(line) for line in lines[:number]) for number in (1, 3, 4, 5, 6, 7, 8)]
    assert [r.position for r in found] == ends
    assert ends[-1] == path.stat().st_size
    assert found[0].article == Article(
        text=text(MARCOS),
        title=MARCOS_TITLE,
        url="https://www.example-news.com/world/marcos-funds",
        date="1987-03-15",
        author="Reuters staff",
        site="example-news.com",  # no "site": the URL's host
        id="reuters21578-5163",
    )
    # an "html" record is read as a page; what the record says wins over what the page says
    assert found[4].article == Article(
        text=text(FLOIRENDO),
        title="Marcos Associates Hand Over Assets",
        date="1987-03-16",
        site="Example News",
    )
    assert found[6].article == Article(text=text(MANILA), id="17")


def test_a_skipped_location_is_not_extracted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b"".join(feed_lines()))
    name = str(path)
    extracted: list[str] = []
    checked = ingest.check_article
    monkeypatch.setattr(
        ingest, "check_article", lambda a, where: extracted.append(where) or checked(a, where)
    )
    found = list(read_records(input_files([path])[0], skip=lambda at: at == f"{name}:6"))
    assert [(r.location, r.error) for r in found if r.location.endswith((":1", ":6", ":8"))] == [
        (f"{name}:1", ""),
        (f"{name}:6", ingest.SKIPPED),
        (f"{name}:8", ""),
    ]
    assert f"{name}:6" not in extracted and f"{name}:8" in extracted


def test_reading_ahead_in_a_child_process_gives_the_same_records_in_order(
    tmp_path: Path,
) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_bytes(b"".join(feed_lines()))
    second.write_bytes(b"".join(reversed(feed_lines())))
    files = input_files([first, second])
    expected = [(k, r) for k, file in enumerate(files) for r in read_records(file)]
    assert list(ingest.read_ahead(files, chunk=3)) == expected


def test_packed_json_lines_read_alike_and_progress_counts_packed_bytes(tmp_path: Path) -> None:
    plain = b"".join(feed_lines())
    for name, content in (
        ("feed.jsonl.gz", gzip.compress(plain)),
        ("f.jsonl.xz", lzma.compress(plain)),
    ):
        path = tmp_path / name
        path.write_bytes(content)
        found = records(path)
        assert [(r.location.removeprefix(str(path)), r.error) for r in found] == [
            (":1", ""),
            (":3", "not valid JSON (column 29: Unterminated string starting at)"),
            (":4", 'no "text", "body" or "html" field'),
            (":5", IN_FRENCH),
            (":6", ""),
            (":7", "not a JSON object (a list)"),
            (":8", ""),
        ]
        assert_progress(found, len(content))


def test_a_line_over_the_limit_is_skipped_and_reading_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ingest, "MAX_BYTES", 1_000)
    path = tmp_path / "feed.jsonl"
    story = json.dumps({"text": text(MARCOS)})
    huge = json.dumps({"text": "word " * 400})
    path.write_text(f"{story}\n{huge}\n{story}")  # the last line has no newline
    found = records(path)
    assert [(r.location, r.error) for r in found] == [
        (f"{path}:1", ""),
        (f"{path}:2", "the line is larger than the 1,000 bytes limit"),
        (f"{path}:3", ""),
    ]


def test_runs_of_blank_lines_are_passed_a_buffer_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Half a megabyte of gzip can unpack to 500 million newlines: read one line at a time,
    # they took minutes. Lines keep their numbers; an indent is spacing too.
    story = json.dumps({"text": text(MARCOS)}).encode()
    plain = b"\n" * 3_000_000 + story + b"\n" + b" \r\n\t\n" * 1_000 + b"   " + story + b"\n"
    path = tmp_path / "feed.jsonl.gz"
    path.write_bytes(gzip.compress(plain))
    lines_read = 0
    readline = gzip.GzipFile.readline

    def counted(self: gzip.GzipFile, size: int = -1) -> bytes:
        nonlocal lines_read
        lines_read += 1
        return readline(self, size)

    monkeypatch.setattr(gzip.GzipFile, "readline", counted)
    found = records(path)
    assert [(r.location.removeprefix(str(path)), r.error) for r in found] == [
        (":3000001", ""),
        (":3002002", ""),
    ]
    assert lines_read == 3  # the two records, and the end of the file
    monkeypatch.undo()
    # Cut inside the run of blank lines: the error names the line the file broke off in.
    path.write_bytes(gzip.compress(story + b"\n" + b"\n" * 200_000 + story)[:-30])
    found = records(path)
    assert [(r.location.removeprefix(str(path)), r.error[:30]) for r in found] == [
        (":1", ""),
        (":200002", CUT[:30]),
    ]
    # The same in xz.
    path = tmp_path / "feed.jsonl.xz"
    path.write_bytes(lzma.compress(b"\n" * 1_000 + story + b"\n"))
    assert [r.location.removeprefix(str(path)) for r in records(path)] == [":1001"]


def test_a_run_of_lines_that_are_no_json_objects_stops_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Half a megabyte of gzip unpacks to hundreds of millions of "0" lines, each an error
    # record: past NOT_OBJECTS in a row the file is no feed of articles.
    monkeypatch.setattr(ingest, "NOT_OBJECTS", 5)
    story = json.dumps({"text": text(MARCOS)})
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(["0"] * 4 + [story] + ["0"] * 4 + [story] + ["0"] * 9 + [story]))
    found = records(path)
    assert [(r.location.removeprefix(str(path)), r.error[:28]) for r in found] == [
        *[(f":{n}", "not a JSON object (a int)") for n in range(1, 5)],
        (":5", ""),  # a good line between runs of four bad ones: reading goes on
        *[(f":{n}", "not a JSON object (a int)") for n in range(6, 10)],
        (":10", ""),
        *[(f":{n}", "not a JSON object (a int)") for n in range(11, 15)],
        (":15", "5 lines in a row are no JSON"),  # the fifth line's record says so
    ]
    # Whitespace JSON does not allow ("\x0c", a no-break space) makes lines of no object.
    path.write_text("\x0c\n" * 3 + "\u00a0\n" * 3 + story + "\n")
    assert [(r.location.removeprefix(str(path)), r.error[:28]) for r in records(path)] == [
        *[(f":{n}", "not valid JSON (column 1: Ex") for n in range(1, 5)],
        (":5", "5 lines in a row are no JSON"),
    ]


@pytest.mark.parametrize(
    ("name", "pack"), [("feed.jsonl.gz", gzip.compress), ("feed.csv.xz", lzma.compress)]
)
def test_a_file_that_unpacks_past_the_ratio_is_a_bomb(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, pack: Callable[[bytes], bytes]
) -> None:
    # A few kB of gzip can hold millions of copies of one article, each as much work as a
    # real one: past PACKED_RATIO times its packed size the file stops, with one record.
    monkeypatch.setattr(ingest, "PACKED_RATIO", 10)
    monkeypatch.setattr(ingest, "UNPACKED_FREE", 0)
    story = " ".join(MARCOS).replace('"', "'")
    line = json.dumps({"text": story}) if name.endswith(".gz") else f'"{story}"'
    head = "" if name.endswith(".gz") else "text\n"
    path = tmp_path / name
    path.write_bytes(pack((head + f"{line}\n" * 20_000).encode()))
    found = records(path)
    *read, last = found
    assert 0 < len(read) < 200 and all(r.article is not None for r in read)
    assert last.error == "unpacks to over 10 times its size: a decompression bomb, stopped reading"


def test_a_truncated_gzip_ends_the_file_with_an_error(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl.gz"
    content = gzip.compress(b"".join(feed_lines()))
    path.write_bytes(content[: len(content) * 2 // 3])  # cut inside line 6
    found = records(path)
    assert [(r.location.removeprefix(str(path)), r.error) for r in found] == [
        (":1", ""),
        (":3", "not valid JSON (column 29: Unterminated string starting at)"),
        (":4", 'no "text", "body" or "html" field'),
        (":5", IN_FRENCH),
        (":6", f"{CUT} (Compressed file ended before the end-of-stream marker was reached)"),
    ]
    assert_progress(found, path.stat().st_size)


def test_a_windows_1252_line_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    story = text(MANILA).replace("Diaz", "Díaz")
    path.write_bytes(json.dumps({"text": story}, ensure_ascii=False).encode("cp1252") + b"\n")
    [record] = records(path)
    assert record.article is not None
    assert record.article.text == story


# --- CSV -------------------------------------------------------------------------------------


def test_csv_rows_with_a_bom_quoted_paragraphs_and_any_case_header(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    story = text(MANILA).replace('"', '""')
    path.write_bytes(
        (
            "\ufeffID,Title,Content,URL,Date\r\n"
            f'manila-1,Manila Shares Fall,"{story}",https://www.example-news.com/m,'
            '"Mar 17, 1987"\r\n'
            "\r\n"
            "manila-2,Nothing Here,,https://example.org/x,\r\n"
            ",,too short to be a story,,\r\n"
            f',,"{FRENCH}",,\r\n'
        ).encode()
    )
    found = records(path)
    assert [(r.location, r.error) for r in found] == [
        (f"{path}:2", ""),  # the story's paragraphs run over lines 2-4
        (f"{path}:6", 'no "text", "body" or "html" field'),  # line 5 is blank
        (f"{path}:7", SIX_WORDS),
        (f"{path}:8", IN_FRENCH),
    ]
    assert found[0].article == Article(
        text=text(MANILA),
        title="Manila Shares Fall",
        url="https://www.example-news.com/m",
        date="1987-03-17",
        site="example-news.com",
        id="manila-1",
    )
    assert_progress(found, path.stat().st_size)


def test_csv_without_a_text_column_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_text("id,Title,url\n1,A,https://example.org/a\n")
    assert [(r.location, r.error) for r in records(path)] == [
        (
            f"{path}:1",
            "no text, content, body or html column in the header (columns: id, title, url)",
        )
    ]


def test_a_csv_of_rows_without_text_stops_with_one_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # csv reads rows one at a time, and a small packed file can unpack to hundreds of millions
    # of empty or one-letter ones: past ROWS_WITHOUT_TEXT in a row, no table of articles.
    monkeypatch.setattr(ingest, "ROWS_WITHOUT_TEXT", 10)
    stop = "10 rows in a row with no cell of 40 characters: no table of articles, stopped reading"
    story = " ".join(MARCOS).replace('"', "'")  # one line
    path = tmp_path / "feed.csv"
    rows = f'text\n"{story}"\n' + "\n" * 9 + f'"{story}"\n' + "x\n" * 4 + ",\n" * 6 + f'"{story}"\n'
    path.write_text(rows)
    found = records(path)
    assert (
        [(r.location.removeprefix(str(path)), r.error[:30]) for r in found]
        == [
            (":2", ""),
            (":12", ""),  # after 9 empty lines
            *[(f":{n}", "not a news article (0 words of") for n in range(13, 17)],
            (":22", stop[:30]),  # 4 one-letter rows and 6 empty ones
        ]
    )
    path.write_text("\n" * 10 + f'text\n"{story}"\n')  # before the header too
    found = records(path)
    assert [(r.location.removeprefix(str(path)), r.error) for r in found] == [(":10", stop)]
    # Rows of a table with no text (paywalled pages) have long cells: they do not count.
    url = "https://paywalled.example/2024/05/01/a-long-address-of-a-story"
    path.write_text("url,text\n" + f"{url},\n" * 12 + f'{url},"{story}"\n')
    found = records(path)
    assert len(found) == 13 and found[-1].article is not None


def test_packed_csv(tmp_path: Path) -> None:
    path = tmp_path / "table.csv.gz"
    table = io.StringIO()
    csv.writer(table).writerows([["text", "site"], [text(MARCOS), "Reuters"]])
    path.write_bytes(gzip.compress(table.getvalue().encode()))
    [record] = records(path)
    assert record.article == Article(text=text(MARCOS), site="Reuters")
    assert record.location == f"{path}:2"


# --- WARC ------------------------------------------------------------------------------------

# (WARC-Type, WARC-Target-URI, payload, headers: HTTP status and Content-Type, WARC-Date)
WarcRecord = tuple[str, str, bytes, dict[str, str]]
CRAWLED = "2024-05-02T08:00:00Z"


def response(
    url: str,
    html: str | bytes,
    content_type: str = "text/html; charset=utf-8",
    status: str = "200 OK",
    crawled: str = CRAWLED,
) -> WarcRecord:
    body = html.encode() if isinstance(html, str) else html
    return ("response", url, body, {"status": status, "type": content_type, "date": crawled})


def other(kind: str, url: str = "", payload: bytes = b"", content_type: str = "") -> WarcRecord:
    return (kind, url, payload, {"type": content_type, "date": CRAWLED})


def write_warc(path: Path, items: list[WarcRecord], *, gzip: bool) -> list[int]:
    """Write the records; return the offset each starts at, as the writer reports it."""
    offsets = []
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        for kind, url, payload, headers in items:
            offsets.append(out.tell())
            dated = {"WARC-Date": headers["date"]}
            content = io.BytesIO(payload)
            if kind == "warcinfo":
                record = writer.create_warcinfo_record(path.name, {"software": "unspin tests"})
            elif kind == "response":
                http = StatusAndHeaders(
                    headers["status"], [("Content-Type", headers["type"])], protocol="HTTP/1.1"
                )
                record = writer.create_warc_record(
                    url, kind, payload=content, http_headers=http, warc_headers_dict=dated
                )
            elif kind == "request":
                http = StatusAndHeaders(
                    "GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True
                )
                record = writer.create_warc_record(url, kind, payload=content, http_headers=http)
            elif kind == "revisit":
                http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
                record = writer.create_revisit_record(
                    url, "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ", url, CRAWLED, http_headers=http
                )
            else:  # resource, metadata: the WARC header gives the type
                record = writer.create_warc_record(
                    url,
                    kind,
                    payload=content,
                    warc_content_type=headers["type"],
                    warc_headers_dict=dated,
                )
            writer.write_record(record)
    return offsets


MARCOS_URL = "https://www.example-news.com/world/marcos-funds"
# Unclosed tags everywhere: browsers (and trafilatura) read it anyway.
BROKEN_PAGE = "<html><body><div class=story><p>" + "<p><b>".join(FLOIRENDO) + "<div><span>"
CRAWL = [
    other("warcinfo"),
    other("request", MARCOS_URL),
    response(MARCOS_URL, page(MARCOS_TITLE, MARCOS, date="1987-03-15")),
    response(MARCOS_URL + "?amp=1", page(MARCOS_TITLE, MARCOS, date="1987-03-15")),  # a duplicate
    response("https://www.example-news.com/logo.png", PNG, content_type="image/png"),
    response("https://www.example-news.com/gone", page("Gone", ["Sorry."]), status="404 Not Found"),
    other("metadata", MARCOS_URL, b"outlinks: 3\n", "application/warc-fields"),
    response("https://example.org/floirendo", BROKEN_PAGE, crawled="2024-05-03T09:30:00Z"),
    response("https://example.org/stub", "<html><body><div><p>Click <b>here"),
    other("revisit", MARCOS_URL),
    other(
        "resource",
        "http://markets.example.org/manila",
        page("Manila", MANILA).encode(),
        "text/html",
    ),
    response("https://www.example.fr/taux", page("Hausse des taux", [FRENCH])),
    other("request", "https://www.example.fr/suite"),  # progress still ends at the file's end
]


def test_a_response_without_its_address_ends_the_file_and_keeps_what_came_before(
    tmp_path: Path,
) -> None:
    # warcio reads a response record without WARC-Target-URI into an AttributeError.
    def raw(uri: str | None) -> bytes:
        body = page("Marcos", MARCOS).encode()
        payload = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
        target = f"WARC-Target-URI: {uri}\r\n" if uri else ""
        head = (
            f"WARC/1.0\r\nWARC-Type: response\r\n{target}Content-Type: application/http; "
            f"msgtype=response\r\nContent-Length: {len(payload)}\r\n\r\n"
        )
        return head.encode() + payload + b"\r\n\r\n"

    path = tmp_path / "crawl.warc"
    first = raw("https://example.org/1")
    path.write_bytes(first + raw(None) + raw("https://example.org/3"))
    found = records(path)
    assert [(r.location, r.error) for r in found] == [
        (f"{path}@0", ""),
        (
            f"{path}@{len(first)}",
            "truncated or corrupt, stopped reading the file (a record without its WARC-Target-URI)",
        ),
    ]


@pytest.mark.parametrize("packed", [True, False], ids=["warc.gz", "warc"])
def test_a_crawl_gives_its_html_pages_and_says_why_others_are_not_articles(
    tmp_path: Path, packed: bool
) -> None:
    path = tmp_path / ("crawl.warc.gz" if packed else "crawl.warc")
    at = write_warc(path, CRAWL, gzip=packed)

    found = records(path)

    # warcinfo, request, metadata and revisit records hold no page: not even an error
    assert [(r.location, r.error) for r in found] == [
        (f"{path}@{at[2]}", ""),
        (f"{path}@{at[3]}", ""),
        (f"{path}@{at[4]}", "not HTML (image/png)"),
        (f"{path}@{at[5]}", "HTTP status 404, not 200"),
        (f"{path}@{at[7]}", ""),
        (f"{path}@{at[8]}", NOT_ENOUGH),
        (f"{path}@{at[10]}", ""),
        (f"{path}@{at[11]}", IN_FRENCH),
    ]
    marcos = Article(
        text=text(MARCOS),
        title=MARCOS_TITLE,
        url=MARCOS_URL,
        date="1987-03-15",  # the page's own date ...
        site="example-news.com",  # the host, not the page's "Example News": one name per site
        crawled="2024-05-02",  # ... beside the day the crawl captured it
    )
    assert found[0].article == marcos
    assert found[1].article == Article(**{**_fields(marcos), "url": MARCOS_URL + "?amp=1"})
    assert found[4].article == Article(
        text=text(FLOIRENDO),
        url="https://example.org/floirendo",
        date="",  # the page gives none: not the crawl's (a chart by week would put it there)
        site="example.org",
        crawled="2024-05-03",
    )
    assert found[6].article == Article(
        text=text(MANILA),
        title="Manila",
        url="http://markets.example.org/manila",
        site="markets.example.org",
        crawled="2024-05-02",
    )
    assert_progress(found, path.stat().st_size)


def _fields(article: Article) -> dict[str, str]:
    return {name: getattr(article, name) for name in Article.__dataclass_fields__}


STORIES = [
    other("warcinfo"),
    response(MARCOS_URL, page(MARCOS_TITLE, MARCOS)),
    response("https://example.org/floirendo", page("Assets", FLOIRENDO)),
    response("https://example.org/manila", page("Manila", MANILA)),
]


@pytest.mark.parametrize("packed", [True, False], ids=["warc.gz", "warc"])
@pytest.mark.parametrize("cut_after", [30, 700], ids=["in-headers", "in-page"])
def test_a_crawl_cut_short_ends_with_an_error_where_it_breaks(
    tmp_path: Path, packed: bool, cut_after: int
) -> None:
    path = tmp_path / ("crawl.warc.gz" if packed else "crawl.warc")
    at = write_warc(path, STORIES, gzip=packed)
    cut = at[2] + cut_after  # inside the Floirendo record
    path.write_bytes(path.read_bytes()[:cut])

    found = records(path)

    assert [(r.location, r.error) for r in found] == [
        (f"{path}@{at[1]}", ""),
        (f"{path}@{at[2]}", CUT),
    ]
    assert_progress(found, cut)


def test_a_warc_gzipped_whole_is_read_with_offsets_into_the_unpacked_data(tmp_path: Path) -> None:
    plain = tmp_path / "crawl.warc"
    at = write_warc(plain, [*STORIES, other("request", MARCOS_URL)], gzip=False)
    path = tmp_path / "crawl.warc.gz"  # as `gzip crawl.warc` makes it: one stream, not per record
    path.write_bytes(gzip.compress(plain.read_bytes()))

    found = records(path)

    assert [(r.location, r.error) for r in found] == [
        (f"{path}@{at[1]}", ""),
        (f"{path}@{at[2]}", ""),
        (f"{path}@{at[3]}", ""),
    ]
    assert_progress(found, path.stat().st_size)


def test_a_corrupt_gzip_member_ends_the_file_with_an_error(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    at = write_warc(path, STORIES, gzip=True)
    data = bytearray(path.read_bytes())
    data[at[2] + 20 : at[3] - 20] = bytes(at[3] - at[2] - 40)  # zeros over compressed bytes
    path.write_bytes(bytes(data))

    found = records(path)

    assert found[0].location == f"{path}@{at[1]}"
    assert found[0].article is not None
    assert found[-1].location == f"{path}@{at[2]}"
    assert found[-1].error.startswith(CUT)
    assert_progress(found, len(data))


def test_a_file_named_warc_that_is_not_one(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_text(text(MARCOS))
    assert [(r.location, r.error) for r in records(path)] == [(f"{path}@0", "not a WARC file")]


def test_a_page_over_the_limit_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_BYTES", 1_000)
    path = tmp_path / "crawl.warc.gz"
    at = write_warc(path, [response(MARCOS_URL, page(MARCOS_TITLE, MARCOS))], gzip=True)
    assert [(r.location, r.error) for r in records(path)] == [
        (f"{path}@{at[0]}", "the page is larger than the 1,000 bytes limit")
    ]


# --- single files ----------------------------------------------------------------------------


def test_single_files_are_one_record_each(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.html").write_text(page(MARCOS_TITLE, MARCOS, date="1987-03-15"))
    (folder / "b.txt").write_text("Breaking news\n\nToo short to be a story.")
    (folder / "c.json").write_text(
        json.dumps(
            {"id": "manila-1", "url": "https://www.example-news.com/m", "text": text(MANILA)}
        )
    )
    (folder / "d.json").write_text(json.dumps({"text": text(FLOIRENDO)}))
    (folder / "e.html").write_bytes(PNG)
    canonical = '<link rel="canonical" href="https://www.example-news.com/manila">'
    (folder / "f.htm").write_text(page("Manila", MANILA).replace("</head>", canonical + "</head>"))

    found = list(iter_records([folder]))

    assert [(r.location, r.error, r.position) for r in found] == [
        (str(folder / name), error, (folder / name).stat().st_size)
        for name, error in [
            ("a.html", ""),
            ("b.txt", SIX_WORDS),
            ("c.json", ""),
            ("d.json", ""),
            ("e.html", "binary data, not text (expected HTML, text or JSON)"),
            ("f.htm", ""),
        ]
    ]
    assert [r.article for r in found if r.article] == [
        Article(text=text(MARCOS), title=MARCOS_TITLE, date="1987-03-15", site="Example News"),
        Article(
            text=text(MANILA),
            url="https://www.example-news.com/m",
            site="example-news.com",
            id="manila-1",
        ),
        Article(text=text(FLOIRENDO)),  # no id: the store gives it one, not the file name
        Article(
            text=text(MANILA),
            title="Manila",
            url="https://www.example-news.com/manila",
            site="example-news.com",  # as in a crawl: the host before the name the page gives
        ),
    ]


def test_an_unreadable_file_is_an_error_record(tmp_path: Path) -> None:
    gone = InputFile(tmp_path / "gone.jsonl", "jsonl", 10)
    assert list(read_records(gone)) == [
        Record(str(tmp_path / "gone.jsonl"), None, "cannot read it (No such file or directory)", 10)
    ]


def test_a_reader_that_dies_is_an_error_not_a_wait_forever() -> None:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    reader = context.Process(target=sys.exit, args=(3,))  # dies before sending anything
    reader.start()
    reader.join()
    with pytest.raises(InputError, match=r"the reading process stopped \(exit code 3\)"):
        ingest._next_batch(queue, reader)
