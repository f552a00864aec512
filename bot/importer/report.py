"""What each imported file changed (:class:`~bot.changes.ImportReport`), and its row in the
``imports`` table."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.changes import ImportReport
from bot.store import writes

__all__ = ["ImportReport", "record"]


def record(conn: sqlite3.Connection, report: ImportReport, sha256: str,
           stamp: str, change_id: int | None = None) -> ImportReport:
    """Add the file's row to the ``imports`` table (its name, checksum, summary and the
    change it was part of)."""
    writes.record_import(
        conn,
        {
            "at": stamp,
            "file": Path(report.file).name,
            "sha256": sha256,
            "kind": report.kind,
            "year": report.year,
            "code": report.code,
            "summary": report.summary,
            "change_id": change_id,
        },
    )
    return report
