"""What a change to the data did, as plain data: who made it, what each file added, changed
and removed, which countries came or went, and what an undo put back.

The importer fills these in (a dry run and a real import alike), the command line and the
Telegram operators' replies render them (:mod:`bot.render.changes`); nothing here reads
the database or knows a language.
"""

from __future__ import annotations

import getpass
import os
from typing import Any

from msgspec import Struct, field


class Actor(Struct, frozen=True):
    """Who made a change, and from where: the shell user on the command line, a Telegram
    user id from the bot, ``pressbot`` for the first build from the shipped data and for
    the shipped V-Dem file brought into a database built before V-Dem."""

    who: str
    via: str  # "cli", "telegram", "build" or "upgrade"

    @classmethod
    def shell(cls) -> Actor:
        """The user running the command line."""
        try:
            who = getpass.getuser()
        except (KeyError, OSError):  # a container user with no name (no passwd entry)
            who = f"uid {os.getuid()}"
        return cls(who, "cli")

    @classmethod
    def telegram(cls, user_id: int) -> Actor:
        return cls(str(user_id), "telegram")


BUILD = Actor("pressbot", "build")
#: The shipped V-Dem file brought into a database built before V-Dem support
#: (bot.importer.shipped.add_shipped_vdem): unlike the first build, it can be undone.
UPGRADE = Actor("pressbot", "upgrade")


class RowChange(Struct, frozen=True):
    """One country's index row that differs: its rank and score before and after (None
    where the row is not there), and which columns differ."""

    code: str
    name: str
    year: int
    rank: tuple[int | None, int | None]
    score: tuple[float | None, float | None]
    columns: tuple[str, ...]


def row_change(old: dict[str, Any] | None, new: dict[str, Any] | None) -> RowChange:
    """How an index row ``old`` became ``new`` (one of them may be missing)."""
    either = new or old
    assert either is not None, "a change needs a row before or after it"
    names = sorted(set(old or {}) | set(new or {}))
    differ = tuple(n for n in names if (old or {}).get(n) != (new or {}).get(n))
    return RowChange(
        str(either["code"]), str(either.get("name_en") or either["code"]), int(either["year"]),
        (old["rank"] if old else None, new["rank"] if new else None),
        (old["score"] if old else None, new["score"] if new else None),
        differ,
    )


class ImportReport(Struct):
    """What one imported file changed: counts of rows (index rows, profile sections or
    aliases) added, changed, unchanged and removed, and which."""

    file: str
    kind: str  # "csv" | "vdem" | "profile" | "aliases"
    year: int | None = None
    code: str | None = None
    rows: int = 0
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    added_keys: list[str] = field(default_factory=list)
    changed_keys: list[str] = field(default_factory=list)  # countries or sections changed
    removed_keys: list[str] = field(default_factory=list)
    row_changes: list[RowChange] = field(default_factory=list)  # an index CSV's rows

    def tally(self, old: dict[str, Any], new: dict[str, Any]) -> bool:
        """Count what ``new`` (key → row) adds, changes and removes against ``old``;
        True when anything differs, i.e. the rows must be written."""
        for key, value in new.items():
            if key not in old:
                self.added += 1
                self.added_keys.append(key)
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

    @property
    def changes_anything(self) -> bool:
        return bool(self.added or self.changed or self.removed)


#: A summary names the changed rows when there are at most this many.
_LIST_AT_MOST = 12


class Country(Struct, frozen=True):
    code: str
    name: str


class AlertOutlook(Struct, frozen=True):
    """A release alert the change makes due: for which index year, to how many chats."""

    year: int
    chats: int


class DataChange(Struct):
    """What one import (one or more files, one transaction) did, or would do."""

    reports: list[ImportReport]
    actor: Actor
    countries_added: list[Country] = field(default_factory=list)
    countries_gone: list[Country] = field(default_factory=list)
    alert: AlertOutlook | None = None
    change_id: int | None = None  # None for a dry run: nothing was written

    @property
    def changes_anything(self) -> bool:
        return any(report.changes_anything for report in self.reports)


class UndoReport(Struct):
    """What an undo took back (or, in a dry run, would take back)."""

    target: int  # the change undone
    target_kind: str
    target_at: str
    target_actor: Actor
    target_summary: str
    rows: int  # data rows put back
    years_back: list[int] = field(default_factory=list)  # index years restored
    years_gone: list[int] = field(default_factory=list)  # index years taken out
    row_changes: list[RowChange] = field(default_factory=list)  # index rows: now → restored
    sections: int = 0  # profile sections put back or taken out
    aliases: int = 0  # curated aliases put back or taken out
    countries_added: list[Country] = field(default_factory=list)
    countries_gone: list[Country] = field(default_factory=list)
    announced: tuple[int | None, int | None] | None = None  # before → after, when changed
    change_id: int | None = None  # the undo's own change; None for a dry run
    by: Actor | None = None  # who undid it
