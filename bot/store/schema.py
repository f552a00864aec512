"""Every table of the database, in one place.

Operators read and edit the file with the ``sqlite3`` and ``sqlite-utils`` command-line
tools, so this schema is part of the product and README.md documents each table.  It is
written as plain DDL so that opening a database never needs more than :mod:`sqlite3`.

:func:`ensure_schema` only ever adds: missing tables, indexes and columns.  It never
drops or rewrites data, so a database made by any earlier version opens unchanged.
"""

from __future__ import annotations

import sqlite3

from bot.domain import INDICATORS, VDEM_MEASURES
from bot.store.connection import WRITE_DEADLINE, begin_immediate

_INDICATOR_COLUMNS = "".join(
    f',\n   "{name}" REAL,\n   "{name}_rank" INTEGER' for name in INDICATORS
)
_VDEM_COLUMNS = "".join(f',\n   "{name}" REAL' for name in VDEM_MEASURES)

#: The country names an index row prints, in RSF's column languages: the countries table and
#: RSF's names among the aliases are derived from them (bot.importer.derived).
NAME_LANGS = ("en", "fr", "es", "pt", "ar", "fa")
_NAME_COLUMNS = "".join(f'\n           "name_{lang}" TEXT,' for lang in NAME_LANGS).rstrip(",")

#: The data answers are computed from: replaced by imports.  A change to any of them is a
#: new data version (see VERSION_TRIGGERS), so every cache of data is emptied.
DATA_TABLES = ("countries", "results", "profiles", "aliases", "vdem")

TABLES: dict[str, str] = {
    # RSF's data -------------------------------------------------------------------------
    "countries": """
        CREATE TABLE IF NOT EXISTS "countries" (
           "code" TEXT PRIMARY KEY,
           "name_en" TEXT,
           "name_fr" TEXT,
           "name_es" TEXT,
           "name_pt" TEXT,
           "region" TEXT,
           "zone" TEXT,
           "last_year" INTEGER
        )""",
    "results": f"""
        CREATE TABLE IF NOT EXISTS "results" (
           "year" INTEGER NOT NULL,
           "code" TEXT NOT NULL,
           "rsf_code" TEXT,
           "rank" INTEGER NOT NULL,
           "total" INTEGER NOT NULL,
           "score" REAL NOT NULL,
           "scale" TEXT NOT NULL,
           "situation" TEXT{_INDICATOR_COLUMNS},
           "zone" TEXT,
           "score_change" REAL,{_NAME_COLUMNS},
           PRIMARY KEY ("year", "code")
        )""",
    "profiles": """
        CREATE TABLE IF NOT EXISTS "profiles" (
           "code" TEXT NOT NULL,
           "year" INTEGER NOT NULL,
           "section" TEXT NOT NULL,
           "text" TEXT NOT NULL,
           PRIMARY KEY ("code", "year", "section")
        )""",
    "aliases": """
        CREATE TABLE IF NOT EXISTS "aliases" (
           "alias" TEXT NOT NULL,
           "code" TEXT NOT NULL,
           "lang" TEXT NOT NULL,
           "source" TEXT NOT NULL,
           PRIMARY KEY ("alias", "code", "lang")
        )""",
    # V-Dem's media indicators, on V-Dem's own scales: never mixed into ``results``.
    "vdem": f"""
        CREATE TABLE IF NOT EXISTS "vdem" (
           "code" TEXT NOT NULL,
           "year" INTEGER NOT NULL,
           "name" TEXT{_VDEM_COLUMNS},
           PRIMARY KEY ("code", "year")
        )""",
    "imports": """
        CREATE TABLE IF NOT EXISTS "imports" (
           "id" INTEGER PRIMARY KEY,
           "at" TEXT,
           "file" TEXT,
           "sha256" TEXT,
           "kind" TEXT,
           "year" INTEGER,
           "code" TEXT,
           "summary" TEXT,
           "change_id" INTEGER
        )""",
    # Who changed the data and how to take it back (bot.store.history) --------------------
    "changes": """
        CREATE TABLE IF NOT EXISTS "changes" (
           "id" INTEGER PRIMARY KEY,
           "at" TEXT,
           "kind" TEXT,
           "who" TEXT,
           "via" TEXT,
           "summary" TEXT,
           "rows" INTEGER,
           "kept" INTEGER NOT NULL DEFAULT 0,
           "undone_by" INTEGER
        )""",
    "history": """
        CREATE TABLE IF NOT EXISTS "history" (
           "change_id" INTEGER NOT NULL,
           "data_table" TEXT NOT NULL,
           "row_id" INTEGER NOT NULL,
           "row" TEXT,
           PRIMARY KEY ("change_id", "data_table", "row_id")
        )""",
    # The bot's own state: imports never touch these -------------------------------------
    "subscriptions": """
        CREATE TABLE IF NOT EXISTS "subscriptions" (
           "chat_id" INTEGER,
           "code" TEXT,
           "lang" TEXT,
           "created" TEXT,
           PRIMARY KEY ("chat_id", "code")
        )""",
    "alerts": """
        CREATE TABLE IF NOT EXISTS "alerts" (
           "chat_id" INTEGER,
           "year" INTEGER,
           "status" TEXT,
           "attempts" INTEGER,
           "updated" TEXT,
           PRIMARY KEY ("chat_id", "year")
        )""",
    # A chat's own settings: its interface language (/language; none: follow each question).
    "chat_settings": """
        CREATE TABLE IF NOT EXISTS "chat_settings" (
           "chat_id" INTEGER PRIMARY KEY,
           "lang" TEXT,
           "updated" TEXT
        )""",
    "bot_state": """
        CREATE TABLE IF NOT EXISTS "bot_state" (
           "key" TEXT PRIMARY KEY,
           "value" TEXT
        )""",
}

#: Columns added after a table first shipped: (table, column, type).  A database made
#: before them gets them on open, empty.
ADDED_COLUMNS: tuple[tuple[str, str, str], ...] = (
    # RSF's own "Score evolution" (2023+ files): shown as published, not recomputed.
    ("results", "score_change", "REAL"),
    # The names RSF printed each year: the countries table is rebuilt from them.
    *(("results", f"name_{lang}", "TEXT") for lang in NAME_LANGS),
    # The change (bot.store.history) each file was part of.
    ("imports", "change_id", "INTEGER"),
)

INDEXES = (
    'CREATE INDEX IF NOT EXISTS "idx_results_code_year" ON "results" ("code", "year")',
    # V-Dem is read a year at a time (a ranking, the card's context) as well as a country
    # at a time (the primary key).
    'CREATE INDEX IF NOT EXISTS "idx_vdem_year" ON "vdem" ("year")',
)

#: Full-text search over profile texts (FTS5, kept in step with ``profiles`` by triggers:
#: the same table and triggers sqlite-utils' ``enable_fts`` makes, so either tool reads it).
FTS = (
    """CREATE VIRTUAL TABLE IF NOT EXISTS "profiles_fts" USING FTS5 (
        "text", tokenize='unicode61', content="profiles")""",
    """CREATE TRIGGER IF NOT EXISTS "profiles_ai" AFTER INSERT ON "profiles" BEGIN
        INSERT INTO "profiles_fts" (rowid, "text") VALUES (new.rowid, new."text");
    END""",
    """CREATE TRIGGER IF NOT EXISTS "profiles_ad" AFTER DELETE ON "profiles" BEGIN
        INSERT INTO "profiles_fts" ("profiles_fts", rowid, "text")
        VALUES('delete', old.rowid, old."text");
    END""",
    """CREATE TRIGGER IF NOT EXISTS "profiles_au" AFTER UPDATE ON "profiles" BEGIN
        INSERT INTO "profiles_fts" ("profiles_fts", rowid, "text")
        VALUES('delete', old.rowid, old."text");
        INSERT INTO "profiles_fts" (rowid, "text") VALUES (new.rowid, new."text");
    END""",
)


#: ``bot_state.data_version`` counts changes to the index data, whoever makes them (an
#: import, an undo, an operator with the sqlite3 tool): every cache of data compares it.
#: SQLite's own ``PRAGMA data_version`` changes on any commit, subscriptions included.
_VERSION_TRIGGER_NAMES = tuple(
    f"data_version_{table}_{op.lower()}"
    for table in DATA_TABLES
    for op in ("INSERT", "UPDATE", "DELETE")
)
VERSION_TRIGGERS = tuple(
    f"""CREATE TRIGGER IF NOT EXISTS "data_version_{table}_{op.lower()}"
    AFTER {op} ON "{table}" BEGIN
        INSERT INTO bot_state (key, value) VALUES ('data_version', 1)
        ON CONFLICT (key) DO UPDATE SET value = value + 1;
    END"""
    for table in DATA_TABLES
    for op in ("INSERT", "UPDATE", "DELETE")
)


def _missing(conn: sqlite3.Connection) -> list[str]:
    """The statements that would bring this database up to the schema."""
    have = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    statements = [ddl for name, ddl in TABLES.items() if name not in have]
    for table, column, kind in ADDED_COLUMNS:
        if table in have:
            columns = {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}
            if column not in columns:
                statements.append(f'ALTER TABLE "{table}" ADD COLUMN "{column}" {kind}')
    if not {"profiles_fts", "idx_results_code_year", "idx_vdem_year"} <= have:
        statements += [*INDEXES, *FTS]
    # Every data table's triggers: a database made before a table existed gets its
    # triggers with the table, so a change to it empties the caches like any other.
    if not set(_VERSION_TRIGGER_NAMES) <= have:
        statements += VERSION_TRIGGERS
    return statements


def data_version(conn: sqlite3.Connection) -> int:
    """The data tables' change count (0 for a database never written to)."""
    row = conn.execute("SELECT value FROM bot_state WHERE key = 'data_version'").fetchone()
    return int(row[0]) if row else 0


def ensure_schema(conn: sqlite3.Connection, deadline: float = WRITE_DEADLINE) -> None:
    """Create what is missing; leave everything that exists as it is.  ``deadline``:
    seconds to wait for another process's write lock."""
    if not _missing(conn):
        return  # the usual case: one SELECT, no write lock taken
    begin_immediate(conn, deadline)
    try:
        # Again under the lock: another process may have just done it.
        for statement in _missing(conn):
            conn.execute(statement)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
