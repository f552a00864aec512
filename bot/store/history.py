"""The history of changes to the data: who made each, and how to take the last one back.

Every import and removal is a *change*: one row of ``changes`` (when, what, who, from
where).  While a change is being made, temporary triggers on the four data tables copy
every row it deletes or updates (before it goes) and note every row id it inserts; when it
is done, those notes become its reverse diff in ``history``: per row id, the row as it was
(JSON), or NULL where there was none.  Rows a change touched but left as they were (a
delete and an identical insert) are not kept, so a correction of three scores keeps three
rows and a new index year keeps only the ids of its new rows.

Undo deletes the rows of those ids and puts the old ones back under their own row ids, so
the tables are exactly as they were, down to the order ``iterdump`` prints them in (the
profiles' full-text index follows through its own triggers).  Only the last
:data:`KEEP_STEPS` changes keep their reverse diff; an undone change gives its back.

The triggers are TEMP: they live on the one connection, inside the change's transaction,
and a rollback (a refused file, a dry run) takes them away with everything else.  An
operator's own edits with the sqlite3 tool are therefore never recorded; an undo puts back
the rows its change touched, whatever happened to them since.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

from msgspec import Struct

from bot.store.schema import DATA_TABLES

#: How many changes keep their reverse diff (what an undo needs).  Each costs what it
#: changed: a new index year a few kilobytes, a removed year about 200 KB.
KEEP_STEPS = 10

#: The kinds of change that can be undone (an undo itself cannot: import the file again).
UNDOABLE = ("import", "remove")

Row = dict[str, Any]


class ChangeRecord(Struct, frozen=True):
    """One change to the data, as ``changes`` holds it."""

    id: int
    at: str
    kind: str  # "import", "remove" or "undo"
    who: str  # a Telegram user id, or the shell user
    via: str  # "cli", "telegram", "build" (the first build from the shipped data) or
    #           "upgrade" (the shipped V-Dem file brought into an older database)
    summary: str
    rows: int | None  # data rows it changed (None: not counted, e.g. the first build)
    kept: bool  # its reverse diff is kept: it can be undone
    undone_by: int | None  # the undo that took it back

    @property
    def live(self) -> bool:
        """Its effect is in the data (it was not undone)."""
        return self.undone_by is None


class HistorySpace(Struct, frozen=True):
    """What the kept reverse diffs cost: changes that can be undone, rows, bytes on disk."""

    changes: int
    rows: int
    bytes: int


class Recording(Struct):
    """A change being made: its id, and the summary to store when it is done."""

    id: int
    summary: str = ""


def _kept(table: str) -> str:
    return f"history_kept_{table}"


def _watch(conn: sqlite3.Connection) -> None:
    """Create the temporary tables and triggers that note what the change does."""
    _unwatch(conn)
    conn.execute('CREATE TEMP TABLE "history_added" (tbl TEXT, rid INTEGER)')
    # Looked up on every row the change writes: without an index a change of thousands of
    # rows (every year at once) would take quadratic time.
    conn.execute('CREATE INDEX temp."history_added_key" ON "history_added" (tbl, rid)')
    for table in DATA_TABLES:
        kept = _kept(table)
        # The copy has the table's columns as they are now, whatever was added since.
        conn.execute(f'CREATE TEMP TABLE "{kept}" AS '
                     f'SELECT rowid AS kept_rowid, * FROM main."{table}" WHERE 0')
        conn.execute(f'CREATE INDEX temp."{kept}_rowid" ON "{kept}" (kept_rowid)')
        # The first copy of a row is the one from before the change, and a row the change
        # itself inserted was not there before: neither is copied again.  No conflict
        # clause, so the policy of the statement that fires the trigger cannot change that.
        copy = (f'INSERT INTO "{kept}" SELECT rowid, * FROM main."{table}" '
                f'WHERE rowid = old.rowid '
                f'AND NOT EXISTS (SELECT 1 FROM "{kept}" WHERE kept_rowid = old.rowid) '
                f'AND NOT EXISTS (SELECT 1 FROM "history_added" '
                f"WHERE tbl = '{table}' AND rid = old.rowid);")
        for op in ("DELETE", "UPDATE"):
            conn.execute(f'CREATE TEMP TRIGGER "history_{table}_{op.lower()}" '
                         f'BEFORE {op} ON main."{table}" BEGIN {copy} END')
        conn.execute(
            f'CREATE TEMP TRIGGER "history_{table}_insert" AFTER INSERT ON main."{table}" '
            f"BEGIN INSERT INTO \"history_added\" SELECT '{table}', new.rowid WHERE NOT "
            f"EXISTS (SELECT 1 FROM \"history_added\" WHERE tbl = '{table}' "
            f"AND rid = new.rowid); END"
        )


def _unwatch(conn: sqlite3.Connection) -> None:
    for table in DATA_TABLES:
        for op in ("delete", "update", "insert"):
            conn.execute(f'DROP TRIGGER IF EXISTS temp."history_{table}_{op}"')
        conn.execute(f'DROP TABLE IF EXISTS temp."{_kept(table)}"')
    conn.execute('DROP TABLE IF EXISTS temp."history_added"')


def _collect(conn: sqlite3.Connection, change_id: int) -> int:
    """Turn the notes into the change's reverse diff; returns how many rows it holds."""
    import json  # only a change or an undo writes or reads its record

    entries: list[tuple[int, str, int, str | None]] = []
    for table in DATA_TABLES:
        kept = conn.execute(f'SELECT * FROM "{_kept(table)}"')
        names = [d[0] for d in kept.description][1:]
        before = {row[0]: tuple(row[1:]) for row in kept}
        now = {row[0]: tuple(row[1:]) for row in conn.execute(
            f'SELECT rowid, * FROM main."{table}" WHERE rowid IN '
            f'(SELECT kept_rowid FROM "{_kept(table)}")')}
        for rid, values in before.items():
            if now.get(rid) != values:  # touched and left as it was: nothing to undo
                entries.append((change_id, table, rid, json.dumps(
                    dict(zip(names, values, strict=True)), ensure_ascii=False)))
        entries += [
            (change_id, table, int(rid), None)
            for (rid,) in conn.execute(
                'SELECT rid FROM "history_added" WHERE tbl = ? AND rid NOT IN '
                f'(SELECT kept_rowid FROM "{_kept(table)}")', [table])
        ]
    conn.executemany(
        'INSERT INTO "history" (change_id, data_table, row_id, row) VALUES (?, ?, ?, ?)',
        entries)
    return len(entries)


@contextmanager
def recorded(conn: sqlite3.Connection, kind: str, who: str, via: str, at: str,
             keep: bool = True) -> Iterator[Recording]:
    """Record the change made inside the ``with`` (in the caller's transaction) as one row
    of ``changes`` and, with ``keep``, its reverse diff: ``with recorded(...) as change:``
    then ``change.id`` for the files' rows and ``change.summary`` to store."""
    cursor = conn.execute(
        'INSERT INTO "changes" (at, kind, who, via, summary, kept) VALUES (?, ?, ?, ?, ?, ?)',
        [at, kind, who, via, "", 0])
    recording = Recording(int(cursor.lastrowid or 0))
    if keep:
        _watch(conn)
    try:
        yield recording
    except BaseException:
        if keep and conn.in_transaction:  # the caller rolls back; leave nothing behind
            with suppress(sqlite3.Error):
                _unwatch(conn)
        raise
    rows = None
    if keep:
        rows = _collect(conn, recording.id)
        _unwatch(conn)
    conn.execute('UPDATE "changes" SET summary = ?, rows = ?, kept = ? WHERE id = ?',
                 [recording.summary, rows, int(keep), recording.id])
    _prune(conn)


def _prune(conn: sqlite3.Connection, keep: int = KEEP_STEPS) -> None:
    """Only the last ``keep`` changes that changed something keep their reverse diff."""
    old = [row[0] for row in conn.execute(
        'SELECT id FROM "changes" WHERE kept = 1 AND rows > 0 ORDER BY id DESC '
        "LIMIT -1 OFFSET ?", [keep])]
    for change_id in old:
        conn.execute('DELETE FROM "history" WHERE change_id = ?', [change_id])
        conn.execute('UPDATE "changes" SET kept = 0 WHERE id = ?', [change_id])


def note(conn: sqlite3.Connection, kind: str, who: str, via: str, at: str,
         summary: str) -> int:
    """Record a change that keeps no reverse diff (an undo); returns its id."""
    cursor = conn.execute(
        'INSERT INTO "changes" (at, kind, who, via, summary, rows, kept) '
        "VALUES (?, ?, ?, ?, ?, NULL, 0)", [at, kind, who, via, summary])
    return int(cursor.lastrowid or 0)


# --- undo ---------------------------------------------------------------------------------


def _record(row: tuple[Any, ...]) -> ChangeRecord:
    id_, at, kind, who, via, summary, rows, kept, undone_by = row
    return ChangeRecord(int(id_), str(at or ""), str(kind or ""), str(who or ""),
                        str(via or ""), str(summary or ""),
                        None if rows is None else int(rows), bool(kept),
                        None if undone_by is None else int(undone_by))


_COLUMNS = "id, at, kind, who, via, summary, rows, kept, undone_by"


def undo_target(conn: sqlite3.Connection) -> ChangeRecord | None:
    """The change an undo takes back: the latest import or removal still in effect that
    changed something (one that changed nothing is passed over: the data is the same
    before and after it).  None when there is none."""
    kinds = ", ".join(f"'{kind}'" for kind in UNDOABLE)
    row = conn.execute(
        f'SELECT {_COLUMNS} FROM "changes" WHERE kind IN ({kinds}) AND undone_by IS NULL '
        "AND (rows IS NULL OR rows > 0) ORDER BY id DESC LIMIT 1").fetchone()
    return _record(row) if row else None


def reverse_diff(conn: sqlite3.Connection, change_id: int,
                 table: str) -> list[tuple[Row | None, Row | None]]:
    """For each row of ``table`` the change touched: (the row an undo puts back, the row
    there now); None where there is none."""
    import json  # only a change or an undo writes or reads its record

    pairs: list[tuple[Row | None, Row | None]] = []
    for rid, kept in conn.execute(
            'SELECT row_id, row FROM "history" WHERE change_id = ? AND data_table = ? '
            "ORDER BY row_id", [change_id, table]):
        cursor = conn.execute(f'SELECT * FROM main."{table}" WHERE rowid = ?', [rid])
        names = [d[0] for d in cursor.description]
        current = cursor.fetchone()
        pairs.append((json.loads(kept) if kept is not None else None,
                      dict(zip(names, current, strict=True)) if current else None))
    return pairs


def restore(conn: sqlite3.Connection, change_id: int) -> int:
    """Put back every row the change touched, under its own row id, and let go of its
    reverse diff (inside the caller's transaction); returns how many rows were touched."""
    import json  # only a change or an undo writes or reads its record

    entries = conn.execute(
        'SELECT data_table, row_id, row FROM "history" WHERE change_id = ? '
        "ORDER BY data_table, row_id", [change_id]).fetchall()
    for table in DATA_TABLES:  # every row of the change goes first: row ids come free
        conn.executemany(f'DELETE FROM main."{table}" WHERE rowid = ?',
                         [(rid,) for name, rid, _ in entries if name == table])
    for table, rid, kept in entries:
        if kept is None or table not in DATA_TABLES:
            continue
        row: Row = json.loads(kept)
        columns = ", ".join(f'"{name}"' for name in row)
        marks = ", ".join("?" for _ in row)
        conn.execute(f'INSERT INTO main."{table}" (rowid, {columns}) VALUES (?, {marks})',
                     [rid, *row.values()])
    conn.execute('DELETE FROM "history" WHERE change_id = ?', [change_id])
    return len(entries)


def mark_undone(conn: sqlite3.Connection, change_id: int, by: int) -> None:
    conn.execute('UPDATE "changes" SET undone_by = ?, kept = 0 WHERE id = ?', [by, change_id])


# --- what data status shows ---------------------------------------------------------------


def recent(conn: sqlite3.Connection, limit: int = 5) -> list[ChangeRecord]:
    """The latest changes, newest first."""
    return [_record(row) for row in conn.execute(
        f'SELECT {_COLUMNS} FROM "changes" ORDER BY id DESC LIMIT ?', [limit])]


def space(conn: sqlite3.Connection) -> HistorySpace:
    """What the kept reverse diffs take: pages on disk where SQLite can say (its dbstat
    table), else the bytes of the rows themselves."""
    changes, rows, size = conn.execute(
        'SELECT count(DISTINCT change_id), count(*), coalesce(sum(length(row)), 0) '
        'FROM "history"').fetchone()
    try:
        pages = sum(
            int(conn.execute("SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name = ?",
                             [name]).fetchone()[0])
            for name in ("history", "sqlite_autoindex_history_1"))
    except sqlite3.OperationalError:  # SQLite built without dbstat
        pages = int(size)
    return HistorySpace(int(changes), int(rows), pages)
