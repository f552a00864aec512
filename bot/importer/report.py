"""What one imported file changed, and its row in the ``imports`` table."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.store import writes

#: A summary names the changed rows when there are at most this many.
_LIST_AT_MOST = 12


@dataclass
class ImportReport:
    file: str
    kind: str  # "csv" | "vdem" | "profile" | "aliases"
    year: int | None = None
    code: str | None = None
    rows: int = 0
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    changed_keys: list[str] = field(default_factory=list)  # countries or sections changed
    removed_keys: list[str] = field(default_factory=list)

    def tally(self, old: dict[str, Any], new: dict[str, Any]) -> bool:
        """Count what ``new`` (key → row) adds, changes and removes against ``old``;
        True when anything differs, i.e. the rows must be written."""
        for key, value in new.items():
            if key not in old:
                self.added += 1
            elif old[key] != value:
                self.changed += 1
                self.changed_keys.append(key)
            else:
                self.unchanged += 1
        self.removed_keys = sorted(set(old) - set(new))
        self.removed = len(self.removed_keys)
        self.rows = len(new)
        return bool(self.added or self.changed or self.removed)

    @property
    def summary(self) -> str:
        """What changed, as recorded in the ``imports`` table: counts, and which rows when
        only a few changed (a correction to a published file)."""
        changed = f"{self.changed} changed"
        if 0 < len(self.changed_keys) <= _LIST_AT_MOST:
            changed += f" ({', '.join(self.changed_keys)})"
        parts = [f"{self.rows} rows", f"{self.added} added", changed]
        parts.append(f"{self.unchanged} unchanged")
        if self.removed:
            removed = f"{self.removed} removed"
            if len(self.removed_keys) <= _LIST_AT_MOST:
                removed += f" ({', '.join(self.removed_keys)})"
            parts.append(removed)
        return ", ".join(parts)


def record(conn: sqlite3.Connection, report: ImportReport, sha256: str,
           stamp: str) -> ImportReport:
    """Add the file's row to the ``imports`` table (its name, checksum and summary)."""
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
        },
    )
    return report
