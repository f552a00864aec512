"""``pressbot data remove``: take out what an import put in, in one transaction.

Three things can be removed, each what one kind of file defines: index years (an RSF CSV),
a country's profile for one year (a profile page), and the curated aliases (the alias
list).  Removing a year rebuilds what follows from the years left (:mod:`.derived`: a
country only that year listed goes, with its names) and puts the announced year of release
alerts back to the latest year left, so the next real year alerts subscribers again.

Each ``remove_*_in`` works inside a transaction the caller holds, so the same change can be
made, reported and rolled back (a dry run) or committed; ``remove_*`` commit it, recorded
as a change (:mod:`bot.store.history`) that ``pressbot data undo`` can take back.  Every
removal is logged in the ``imports`` table (kind ``remove``), beside the imports.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

from msgspec import Struct, field

from bot.changes import Actor
from bot.domain import CODE_RENAMES
from bot.errors import OperatorError
from bot.importer import derived
from bot.store import Store, history, writes
from bot.store.subscriptions import settle_after_removal


class NothingToRemove(OperatorError):
    """The database holds nothing of what was named; nothing was changed."""


class RemovalReport(Struct):
    what: str  # "index 2026", "profile KAZ 2024", "the curated aliases"
    rows: int
    unit: str  # "rows", "sections", "aliases"
    year: int | None = None
    code: str | None = None
    countries_gone: list[str] = field(default_factory=list)
    announced: tuple[int | None, int | None] | None = None  # before → after, when changed

    @property
    def summary(self) -> str:
        parts = [f"{self.rows} {self.unit}"]
        if self.countries_gone:
            n = len(self.countries_gone)
            parts.append(f"{n} {'country' if n == 1 else 'countries'} gone "
                         f"({', '.join(self.countries_gone)})")
        if self.announced is not None:
            before, after = self.announced
            parts.append(f"announced year {before} → {after if after is not None else 'none'}")
        return ", ".join(parts)


def _log(conn: sqlite3.Connection, report: RemovalReport, now: datetime | None,
         change_id: int | None) -> None:
    writes.record_import(conn, {
        "at": (now or datetime.now(UTC)).isoformat(timespec="seconds"),
        "file": None,
        "sha256": None,
        "kind": "remove",
        "year": report.year,
        "code": report.code,
        # The year and code say what went; for anything else, the summary says it.
        "summary": report.summary if report.year or report.code
        else f"{report.what}: {report.summary}",
        "change_id": change_id,
    })


def remove_years_in(conn: sqlite3.Connection, years: list[int],
                    now: datetime | None = None, change_id: int | None = None) -> RemovalReport:
    """Remove index years inside the caller's transaction (all of them, or none)."""
    wanted = sorted(set(years))
    stored = set(writes.years(conn))
    for year in wanted:
        if year not in stored:
            raise NothingToRemove(f"there is no {year} index in the database")
    rows = sum(writes.remove_year(conn, year) for year in wanted)
    report = RemovalReport("index " + ", ".join(map(str, wanted)), rows, "rows",
                           year=wanted[0] if len(wanted) == 1 else None)
    report.countries_gone = derived.refresh(conn)
    before, after = settle_after_removal(conn)
    if before != after:
        report.announced = (before, after)
    _log(conn, report, now, change_id)
    return report


def remove_profile_in(conn: sqlite3.Connection, code: str, year: int,
                      now: datetime | None = None,
                      change_id: int | None = None) -> RemovalReport:
    code = CODE_RENAMES.get(code.upper(), code.upper())
    sections = writes.remove_profile(conn, code, year)
    if not sections:
        raise NothingToRemove(f"there is no {code} {year} profile in the database")
    report = RemovalReport(f"profile {code} {year}", sections, "sections", year=year, code=code)
    _log(conn, report, now, change_id)
    return report


def remove_curated_aliases_in(conn: sqlite3.Connection, now: datetime | None = None,
                              change_id: int | None = None) -> RemovalReport:
    removed = writes.remove_aliases(conn, "curated")
    if not removed:
        raise NothingToRemove("there are no curated aliases in the database")
    derived.refresh(conn)  # the generated names the list stood in for come back
    report = RemovalReport("the curated aliases", removed, "aliases")
    _log(conn, report, now, change_id)
    return report


def _recorded(store: Store, actor: Actor | None,
              remove: Callable[[sqlite3.Connection, datetime, int], RemovalReport],
              dry_run: bool) -> RemovalReport:
    """Make a removal in one transaction, recorded as a change an undo can take back
    (``dry_run``: made, reported and rolled back)."""
    actor = actor or Actor.shell()
    now = datetime.now(UTC)
    stamp = now.isoformat(timespec="seconds")
    with (store.write(dry_run=dry_run) as conn,
          history.recorded(conn, "remove", actor.who, actor.via, stamp) as change):
        report = remove(conn, now, change.id)
        change.summary = f"{report.what}: {report.summary}"
    return report


def remove_years(store: Store, years: list[int], actor: Actor | None = None,
                 dry_run: bool = False) -> RemovalReport:
    return _recorded(store, actor, lambda conn, now, change: remove_years_in(
        conn, years, now, change), dry_run)


def remove_profile(store: Store, code: str, year: int, actor: Actor | None = None,
                   dry_run: bool = False) -> RemovalReport:
    return _recorded(store, actor, lambda conn, now, change: remove_profile_in(
        conn, code, year, now, change), dry_run)


def remove_curated_aliases(store: Store, actor: Actor | None = None,
                           dry_run: bool = False) -> RemovalReport:
    return _recorded(store, actor, lambda conn, now, change: remove_curated_aliases_in(
        conn, now, change), dry_run)
