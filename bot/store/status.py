"""What the database holds, for operators (``pressbot data status``, ``/status``)."""

from __future__ import annotations

import sqlite3

from msgspec import Struct

from bot.store import history
from bot.store.history import ChangeRecord, HistorySpace


class ImportRecord(Struct, frozen=True):
    at: str
    file: str | None  # None for a removal
    kind: str  # "csv", "profile", "aliases" or "remove"
    year: int | None
    code: str | None
    summary: str
    change_id: int | None = None  # the change it was part of (None: before the history)


class Status(Struct, frozen=True):
    rows_per_year: list[tuple[int, int]]  # (year, countries ranked that year)
    countries: int
    profiles: list[tuple[str, int]]  # (code, year)
    aliases: list[tuple[str, int]]  # (source, count)
    imports: list[ImportRecord]  # newest first: the files of ``changes``, then older ones
    subscribed_chats: int
    alerts: dict[str, int]  # status → how many
    changes: list[ChangeRecord]  # the latest changes, newest first
    undo_target: ChangeRecord | None  # what an undo would take back now
    history: HistorySpace  # what the kept reverse diffs take
    # V-Dem: rows, countries, first and latest year (None, None without V-Dem data)
    vdem: tuple[int, int, int | None, int | None] = (0, 0, None, None)


def _imports(conn: sqlite3.Connection, changes: list[ChangeRecord],
             limit: int) -> list[ImportRecord]:
    """The files of the given changes, and files imported before the history began (a
    database older than it) when fewer than ``limit`` changes are shown."""
    ids = [change.id for change in changes]
    marks = ", ".join("?" for _ in ids)
    rows = conn.execute(
        "SELECT at, file, kind, year, code, summary, change_id FROM imports "
        f"WHERE change_id IN ({marks}) ORDER BY id DESC", ids).fetchall() if ids else []
    if len(changes) < limit:
        rows += conn.execute(
            "SELECT at, file, kind, year, code, summary, change_id FROM imports "
            "WHERE change_id IS NULL ORDER BY id DESC LIMIT ?",
            [limit - len(changes)]).fetchall()
    return [ImportRecord(*row) for row in rows]


def read_status(conn: sqlite3.Connection, imports: int = 5) -> Status:
    """Everything ``data status`` shows, read in one go (call inside a read transaction);
    ``imports``: how many of the latest changes."""
    changes = history.recent(conn, imports)
    return Status(
        rows_per_year=[
            (int(year), int(n))
            for year, n in conn.execute(
                "SELECT year, count(*) FROM results GROUP BY year ORDER BY year"
            )
        ],
        countries=int(conn.execute("SELECT count(*) FROM countries").fetchone()[0]),
        profiles=[
            (str(code), int(year))
            for code, year in conn.execute(
                "SELECT DISTINCT code, year FROM profiles ORDER BY code, year"
            )
        ],
        aliases=[
            (str(source), int(n))
            for source, n in conn.execute(
                "SELECT source, count(*) FROM aliases GROUP BY source ORDER BY source"
            )
        ],
        imports=_imports(conn, changes, imports),
        subscribed_chats=int(
            conn.execute("SELECT count(DISTINCT chat_id) FROM subscriptions").fetchone()[0]
        ),
        alerts={str(status): int(n) for status, n in
                conn.execute("SELECT status, count(*) FROM alerts GROUP BY status")},
        changes=changes,
        undo_target=history.undo_target(conn),
        history=history.space(conn),
        vdem=conn.execute(
            'SELECT count(*), count(DISTINCT "code"), min("year"), max("year") FROM "vdem"'
        ).fetchone(),
    )


def index_years(conn: sqlite3.Connection) -> int:
    """How many index years the database holds (``pressbot health``)."""
    return int(conn.execute("SELECT count(DISTINCT year) FROM results").fetchone()[0])


def has_imports(conn: sqlite3.Connection) -> bool:
    """Whether anything was ever imported (an empty file gets the shipped data)."""
    return conn.execute("SELECT 1 FROM imports LIMIT 1").fetchone() is not None


def vdem_never_imported(conn: sqlite3.Connection) -> bool:
    """Whether this database never held V-Dem's data: its table is empty and no V-Dem file
    is among its imports (a database built before V-Dem support).  A V-Dem import since
    undone, or its rows deleted by hand, is an operator's choice: then this is False.
    One query; on a database holding V-Dem it stops at the table's first row."""
    return bool(conn.execute(
        'SELECT NOT EXISTS (SELECT 1 FROM "vdem") '
        'AND NOT EXISTS (SELECT 1 FROM "imports" WHERE "kind" = \'vdem\')').fetchone()[0])
