"""What an import reads and writes, inside the one transaction :class:`~bot.store.Store`
opens for it.

The importer parses files into plain rows and decides nothing about SQL; these functions
are the only place index data is written.  Rows are written with sqlite-utils (imported
here only: reading the database never needs it).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

Row = dict[str, Any]


def _table(conn: sqlite3.Connection, name: str) -> Any:
    import sqlite_utils

    return sqlite_utils.Database(conn).table(name)


def _rows(conn: sqlite3.Connection, sql: str, params: Iterable[Any] = ()) -> list[Row]:
    cursor = conn.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor]


# --- index years ------------------------------------------------------------------------


def year_results(conn: sqlite3.Connection, year: int) -> dict[str, Row]:
    """A year's stored results by country code (what a new file for that year replaces)."""
    return {row["code"]: row for row in _rows(conn, "SELECT * FROM results WHERE year = ?",
                                                [year])}


def replace_year(conn: sqlite3.Connection, year: int, rows: list[Row]) -> None:
    conn.execute("DELETE FROM results WHERE year = ?", [year])
    _table(conn, "results").insert_all(rows)


def upsert_countries(conn: sqlite3.Connection, year: int, countries: list[Row]) -> None:
    """Names and zone come from the most recent index that lists a country; ``last_year``
    is the latest index holding it.  Rows that would not change are not written, so
    importing a file again changes nothing, not even the data version."""
    table = _table(conn, "countries")
    stored = {row["code"]: row for row in _rows(conn, "SELECT * FROM countries")}
    for country in countries:
        existing = stored.get(country["code"])
        if existing is None or existing["last_year"] is None or existing["last_year"] <= year:
            new = {**country, "last_year": year}
            if existing is None or any(existing.get(k) != v for k, v in new.items()):
                table.upsert(new, pk="code")
    latest = "(SELECT max(year) FROM results WHERE results.code = countries.code)"
    conn.execute(f"UPDATE countries SET last_year = {latest} WHERE last_year IS NOT {latest}")


def add_aliases(conn: sqlite3.Connection, rows: Iterable[Row]) -> None:
    """Add names (an existing alias, code and language is kept as it is)."""
    _table(conn, "aliases").insert_all(rows, ignore=True)


def replace_aliases(conn: sqlite3.Connection, sources: Iterable[str], rows: Iterable[Row]) -> None:
    """Make the aliases of the given sources exactly ``rows``: what is gone is deleted, what
    is new inserted, what stays untouched (so an unchanged list writes nothing)."""
    wanted = sorted(set(sources))
    placeholders = ", ".join("?" for _ in wanted)
    key = ("alias", "code", "lang", "source")
    old = {
        tuple(row)
        for row in conn.execute(
            f"SELECT alias, code, lang, source FROM aliases WHERE source IN ({placeholders})",
            wanted,
        )
    }
    new_rows = {tuple(row[k] for k in key): row for row in rows}
    conn.executemany(
        "DELETE FROM aliases WHERE alias = ? AND code = ? AND lang = ? AND source = ?",
        sorted(old - set(new_rows)),
    )
    add_aliases(conn, (row for k, row in new_rows.items() if k not in old))


def all_countries(conn: sqlite3.Connection) -> list[Row]:
    return _rows(conn, "SELECT * FROM countries")


def country_codes(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT code FROM countries")}


def has_year(conn: sqlite3.Connection, year: int) -> bool:
    found = conn.execute("SELECT 1 FROM results WHERE year = ? LIMIT 1", [year]).fetchone()
    return found is not None


def codes_with_figures(
    conn: sqlite3.Connection, year: int, rank: int, total: int, score: float
) -> list[str]:
    """Countries ranked ``rank`` of ``total`` with ``score`` in ``year`` (a profile page's
    figures, to tell whose profile it is)."""
    return [
        row[0]
        for row in conn.execute(
            "SELECT code FROM results WHERE year = ? AND rank = ? AND total = ? "
            "AND abs(score - ?) < 0.006",
            [year, rank, total, score],
        )
    ]


# --- profiles ---------------------------------------------------------------------------


def profile_sections(conn: sqlite3.Connection, code: str, year: int) -> dict[str, str]:
    return {
        section: text
        for section, text in conn.execute(
            "SELECT section, text FROM profiles WHERE code = ? AND year = ?", [code, year]
        )
    }


def replace_profile(
    conn: sqlite3.Connection, code: str, year: int, sections: Mapping[str, str]
) -> None:
    conn.execute("DELETE FROM profiles WHERE code = ? AND year = ?", [code, year])
    _table(conn, "profiles").insert_all(
        {"code": code, "year": year, "section": section, "text": text}
        for section, text in sections.items()
    )


# --- V-Dem -------------------------------------------------------------------------------


def vdem_rows(conn: sqlite3.Connection) -> dict[tuple[str, int], Row]:
    """The stored V-Dem values by (code, year): what a new V-Dem file replaces."""
    return {(row["code"], row["year"]): row for row in _rows(conn, 'SELECT * FROM "vdem"')}


def replace_vdem(conn: sqlite3.Connection, rows: list[Row]) -> None:
    """Make the ``vdem`` table exactly ``rows`` (a V-Dem file is the whole dataset)."""
    conn.execute('DELETE FROM "vdem"')
    if not rows:
        return
    columns = list(rows[0])
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    # Plain executemany: ten thousand rows, a fifth of the time sqlite-utils takes.
    conn.executemany(f'INSERT INTO "vdem" ({names}) VALUES ({marks})',
                     [[row[c] for c in columns] for row in rows])


# --- the imports log --------------------------------------------------------------------


def record_import(conn: sqlite3.Connection, row: Row) -> int:
    """Add a row to the ``imports`` table; returns its id."""
    table = _table(conn, "imports")
    table.insert(row)
    return int(table.last_pk)
