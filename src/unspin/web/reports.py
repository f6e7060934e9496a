"""Saved reports: every report the server makes gets a permanent, unguessable address.

One SQLite table (WAL) beside the corpus: the report as JSON (schema unspin.report/1) and as
the rendered page, so showing one is a lookup. Ids are 128 random bits: knowing one report's
address tells nothing of another's.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from unspin.errors import InputError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS reports (
    id TEXT PRIMARY KEY,
    created TEXT NOT NULL,
    kind TEXT NOT NULL,      -- "compare" or "check"
    title TEXT NOT NULL,     -- the copy's
    verdict TEXT NOT NULL,
    json TEXT NOT NULL,
    html TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS reports_created ON reports (created);
"""


@dataclass(frozen=True, slots=True)
class SavedReport:
    id: str
    created: str
    kind: str
    title: str
    verdict: str
    json: str
    html: str


class ReportStore:
    """Reports at `path` (":memory:" for tests); safe to use from several threads."""

    def __init__(self, path: str | os.PathLike[str] = ":memory:") -> None:
        try:
            if str(path) != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        except (OSError, sqlite3.OperationalError) as error:  # a folder, no permission
            raise InputError(f"{path}: cannot open a reports database there ({error})") from None
        self._lock = threading.Lock()  # one connection, used by one thread at a time
        with self._lock:
            try:
                if str(path) != ":memory:":
                    self._db.execute("PRAGMA journal_mode=WAL")
                self._db.executescript(_SCHEMA)
            except sqlite3.DatabaseError as error:
                raise InputError(f"{path}: not a reports database ({error})") from None

    def new_id(self) -> str:
        """An id for a report about to be saved (its page links to itself)."""
        return secrets.token_urlsafe(16)

    def save(
        self, report_id: str, kind: str, title: str, verdict: str, json: str, html: str
    ) -> None:
        created = datetime.now(UTC).isoformat(timespec="seconds")
        with self._lock:
            self._db.execute(
                "INSERT INTO reports VALUES (?,?,?,?,?,?,?)",
                (report_id, created, kind, title, verdict, json, html),
            )

    def get(self, report_id: str) -> SavedReport | None:
        with self._lock:
            row = self._db.execute(
                "SELECT id, created, kind, title, verdict, json, html FROM reports WHERE id = ?",
                (report_id,),
            ).fetchone()
        return SavedReport(*row) if row else None

    def close(self) -> None:
        with self._lock:
            self._db.close()
