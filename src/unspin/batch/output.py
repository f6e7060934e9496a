"""The scan's output folder: Parquet tables written part by part, each part committed at once.

    DIR/scan.json              what was scanned (inputs, corpus, unspin version, when, and
                               whether the last run completed), for `--resume`
    DIR/.lock                  held by the scan writing the folder (one writer at a time)
    DIR/pages/part-000017.parquet       one row per page checked
    DIR/sources/part-000017.parquet     one row per source found
    DIR/findings/part-000017.parquet    one row per finding
    DIR/errors/part-000017.parquet      one row per record skipped (record, url, site, reason)
    DIR/errors.jsonl           every skipped record, rewritten at the end of each run

A part is written to a hidden temporary folder, its four files moved into place, errors,
findings and sources first and pages last: a part exists once its pages file does. A run
killed at any moment leaves committed parts whole and, at worst, files of one part without
its pages file, which the next run deletes. The records a run skips are those in the pages
and errors of committed parts, so no record is lost or counted twice.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.parquet as pq

from unspin.batch.rows import Row
from unspin.errors import InputError

if TYPE_CHECKING:
    from unspin.corpus import CorpusStats

_STRING, _FLOAT, _INT, _BOOL = pa.string(), pa.float64(), pa.int64(), pa.bool_()

SCHEMAS = {
    "pages": pa.schema(
        [
            ("page_id", _STRING),
            ("record", _STRING),
            ("url", _STRING),
            ("site", _STRING),
            ("title", _STRING),
            ("date", _STRING),
            ("crawled", _STRING),
            ("sentences", _INT),
            ("kind", _STRING),
            ("credited", _BOOL),
            ("reuse_level", _STRING),
            ("reuse_share", _FLOAT),
            ("verbatim_share", _FLOAT),
            ("paraphrase_share", _FLOAT),
            ("unsourced_share", _FLOAT),
            ("copied_share", _FLOAT),
            ("fidelity", _FLOAT),
            ("findings", _INT),
            ("verdict", _STRING),
            ("report", _STRING),
            ("content_hash", _STRING),  # of its URL and text: finds exact duplicate captures
        ]
    ),
    "sources": pa.schema(
        [
            ("page_id", _STRING),
            ("rank", _INT),
            ("source_id", _STRING),
            ("title", _STRING),
            ("site", _STRING),
            ("date", _STRING),
            ("score", _FLOAT),
            ("share", _FLOAT),
            ("carriers", pa.list_(_STRING)),
        ]
    ),
    "findings": pa.schema(
        [
            ("page_id", _STRING),
            ("finding", _INT),
            ("type", _STRING),
            ("severity", _STRING),
            ("reason", _STRING),
            ("copy_start", _INT),
            ("copy_end", _INT),
            ("source_rank", _INT),
            ("source_start", _INT),
            ("source_end", _INT),
            ("copy_text", _STRING),
            ("source_text", _STRING),
        ]
    ),
    "errors": pa.schema(
        [
            ("page_id", _STRING),
            ("record", _STRING),
            ("url", _STRING),  # "" where the input gives none (a WARC record cut short)
            ("site", _STRING),  # the URL's host
            ("reason", _STRING),
        ]
    ),
}
TABLES = ("errors", "findings", "sources", "pages")  # the order of commit: pages last


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _version() -> str:
    from importlib.metadata import version

    return version("unspin")


class Part:
    """The rows of one part of a scan, table by table."""

    def __init__(self) -> None:
        self.rows: dict[str, list[Row]] = {table: [] for table in TABLES}

    def add(self, table: str, rows: Iterable[Row]) -> None:
        self.rows[table].extend(rows)

    def extend(self, other: Part) -> None:
        for table in TABLES:
            self.rows[table].extend(other.rows[table])

    @property
    def records(self) -> int:
        return len(self.rows["pages"]) + len(self.rows["errors"])


class ScanOutput:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    # --- what was scanned ------------------------------------------------------------------------

    def start(
        self,
        inputs: Sequence[str],
        corpus: str,
        *,
        resume: bool,
        corpus_stats: CorpusStats | None = None,
    ) -> None:
        """Create the folder for a new scan, or check it can be resumed; record the run as
        started and not completed, and the corpus's size and dates as they are now. Call with
        the folder locked."""
        settings = self.folder / "scan.json"
        if settings.exists() and not resume:
            raise InputError(
                f"{self.folder}: holds a scan already; add --resume to go on with it, or pick "
                "another --out"
            )
        self.folder.mkdir(parents=True, exist_ok=True)
        recorded = self.settings() if settings.exists() else {}
        if corpus_stats is not None:
            recorded |= {
                "corpus_stories": corpus_stats.articles,
                "corpus_first_date": corpus_stats.first_date,
                "corpus_last_date": corpus_stats.last_date,
            }
        self._write_settings(
            recorded
            | {
                "inputs": list(inputs),
                "corpus": corpus,
                "unspin": _version(),
                "started": _now(),
                "finished": None,
                "completed": False,
            }
        )
        self._clean()

    def finish(self) -> None:
        """Record that the run went through every record of its inputs."""
        self._write_settings(self.settings() | {"finished": _now(), "completed": True})

    def settings(self) -> dict:
        path = self.folder / "scan.json"
        if not path.is_file():
            raise InputError(f"{self.folder}: no scan to resume there (no scan.json)")
        try:
            return json.loads(path.read_text())
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise InputError(f"{path}: damaged (not JSON); the scan cannot be read") from None

    def _write_settings(self, settings: dict) -> None:
        tmp = self.folder / "scan.json.tmp"
        tmp.write_text(json.dumps(settings, indent=2))
        os.replace(tmp, self.folder / "scan.json")

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the folder's lock for a run: a second scan writing the same folder would
        commit the same records twice and delete the first one's staged parts."""
        import fcntl

        self.folder.mkdir(parents=True, exist_ok=True)
        with (self.folder / ".lock").open("a+") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                lock.seek(0)
                holder = lock.read().strip() or "another process"
                raise InputError(
                    f"{self.folder}: another scan is writing to this folder ({holder}); wait "
                    "for it to end, or pick another --out"
                ) from None
            lock.seek(0)
            lock.truncate()
            lock.write(f"pid {os.getpid()}")
            lock.flush()
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    # --- committed parts ---------------------------------------------------------------------

    def done(self) -> dict[str, tuple[str, str]]:
        """Every committed part's records (checked or skipped): page id -> (record, hash of its
        text, "" for a record skipped)."""
        found: dict[str, tuple[str, str]] = {}
        for table in ("errors", "pages"):
            for path in self._parts(table):
                names = pq.read_schema(path).names
                hashed = "content_hash" in names  # not in parts of older versions
                columns = ["page_id", "record"] + (["content_hash"] if hashed else [])
                rows = pq.read_table(path, columns=columns).to_pylist()
                found.update(
                    (r["page_id"], (r["record"], r.get("content_hash") or "")) for r in rows
                )
        return found

    def commit(self, part: Part) -> None:
        if not part.records:
            return
        name = f"part-{uuid.uuid4().hex}.parquet"  # unique: parts may come from several workers
        staging = self.folder / f".part-{uuid.uuid4().hex}"
        staging.mkdir()
        for table in TABLES:
            data = pa.Table.from_pylist(part.rows[table], schema=SCHEMAS[table])
            pq.write_table(data, staging / f"{table}.parquet")
        for table in TABLES:  # pages last: the part exists once its pages file does
            (self.folder / table).mkdir(exist_ok=True)
            os.replace(staging / f"{table}.parquet", self.folder / table / name)
        staging.rmdir()

    def write_errors_jsonl(self) -> int:
        """errors.jsonl: every skipped record of every part, for reading without Parquet."""
        n = 0
        tmp = self.folder / "errors.jsonl.tmp"
        with tmp.open("w", encoding="utf-8") as out:
            for row in self.table("errors").select(["record", "url", "site", "reason"]).to_pylist():
                out.write(json.dumps({k: v or "" for k, v in row.items()}) + "\n")
                n += 1
        os.replace(tmp, self.folder / "errors.jsonl")
        return n

    def table(self, name: str) -> pa.Table:
        """One table over every committed part (a column that older parts lack is null)."""
        parts = [_conformed(_read_part(p), SCHEMAS[name]) for p in self._parts(name)]
        return pa.concat_tables(parts) if parts else SCHEMAS[name].empty_table()

    def _parts(self, table: str) -> list[Path]:
        """Committed parts only: a part's files count once its pages file exists."""
        committed = {p.name for p in (self.folder / "pages").glob("part-*.parquet")}
        folder = self.folder / table
        return sorted(p for p in folder.glob("part-*.parquet") if p.name in committed)

    def _clean(self) -> None:
        """Remove what a killed run left half done: staging folders, files of parts whose
        pages file was never moved into place."""
        for staging in self.folder.glob(".part-*"):
            shutil.rmtree(staging, ignore_errors=True)
        committed = {p.name for p in (self.folder / "pages").glob("part-*.parquet")}
        for table in ("errors", "findings", "sources"):
            for path in (self.folder / table).glob("part-*.parquet"):
                if path.name not in committed:
                    path.unlink()


def _conformed(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """The table with the schema's columns, in its order; a column it lacks as nulls."""
    columns = [
        table[f.name].cast(f.type) if f.name in table.column_names else pa.nulls(len(table), f.type)
        for f in schema
    ]
    return pa.Table.from_arrays(columns, schema=schema)


def _read_part(path: Path) -> pa.Table:
    try:
        return pq.read_table(path)
    except (pa.ArrowException, OSError):
        raise InputError(f"{path}: damaged (not a Parquet file); the scan cannot be read") from None
