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

from bot.store.schema import NAME_LANGS

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
    """Make a year's rows exactly ``rows``.  Rows that would not change are left alone, so
    the history of the change (:mod:`bot.store.history`) keeps only what differs."""
    stored = year_results(conn, year)
    wanted = {str(row["code"]): row for row in rows}
    conn.executemany("DELETE FROM results WHERE year = ? AND code = ?",
                     [(year, code) for code, row in stored.items() if wanted.get(code) != row])
    _table(conn, "results").insert_all(
        row for code, row in wanted.items() if stored.get(code) != row)


def remove_year(conn: sqlite3.Connection, year: int) -> int:
    """Delete an index year's results; returns how many rows there were."""
    return conn.execute("DELETE FROM results WHERE year = ?", [year]).rowcount


def years(conn: sqlite3.Connection) -> list[int]:
    return [int(row[0]) for row in conn.execute("SELECT DISTINCT year FROM results ORDER BY 1")]


def latest_rows(conn: sqlite3.Connection) -> list[Row]:
    """Each country's row of the latest index that lists it (what the countries table
    says of it), by code."""
    return _rows(
        conn,
        "SELECT r.* FROM results AS r JOIN (SELECT code, max(year) AS year FROM results "
        "GROUP BY code) AS latest USING (code, year) ORDER BY code",
    )


def printed_names(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """Every (name, code, lang) an index row prints, each once."""
    union = " UNION ".join(
        f"SELECT name_{lang}, code, '{lang}' FROM results WHERE name_{lang} IS NOT NULL"
        for lang in NAME_LANGS
    )
    return [(str(n), str(c), str(lang)) for n, c, lang in conn.execute(union)]


def codes_without_names(conn: sqlite3.Connection) -> set[str]:
    """Countries with rows stored before results kept RSF's names (an older database)."""
    return {row[0] for row in conn.execute(
        "SELECT DISTINCT code FROM results WHERE name_en IS NULL")}


def replace_countries(conn: sqlite3.Connection, countries: list[Row]) -> list[str]:
    """Make the countries table exactly ``countries``: rows that would not change are not
    written (so importing a file again changes nothing, not even the data version), codes
    no longer listed are deleted.  Returns the deleted codes."""
    stored = {row["code"]: row for row in _rows(conn, "SELECT * FROM countries")}
    wanted = {str(row["code"]): row for row in countries}
    gone = sorted(set(stored) - set(wanted))
    conn.executemany("DELETE FROM countries WHERE code = ?", [(code,) for code in gone])
    table = _table(conn, "countries")
    for code, row in wanted.items():
        if stored.get(code) != row:
            table.upsert(row, pk="code")
    return gone


def aliases_of(conn: sqlite3.Connection, source: str) -> list[Row]:
    return _rows(conn, "SELECT * FROM aliases WHERE source = ?", [source])


def remove_orphans(conn: sqlite3.Connection) -> int:
    """Delete the profiles and aliases of countries the countries table no longer has."""
    removed = 0
    for table in ("profiles", "aliases"):
        removed += conn.execute(
            f'DELETE FROM "{table}" WHERE code NOT IN (SELECT code FROM countries)'
        ).rowcount
    return removed


#: Generated aliases (CLDR names, variants, ISO codes, flags) give way to a name from RSF
#: or the operator's list with the same alias, code and language.
GENERATED_SOURCES = frozenset({"cldr", "variant", "iso", "flag"})


def replace_aliases(conn: sqlite3.Connection, sources: Iterable[str], rows: Iterable[Row]) -> None:
    """Make the aliases of the given sources exactly ``rows``: what is gone is deleted, what
    is new inserted, what stays untouched (so an unchanged list writes nothing).

    The table holds one row per alias, code and language.  A new row takes the place of a
    generated one; any other row already there (RSF's name, the operator's) stays first.
    """
    wanted_sources = sorted(set(sources))
    placeholders = ", ".join("?" for _ in wanted_sources)
    stored = {
        tuple(row)
        for row in conn.execute(
            f"SELECT alias, code, lang, source FROM aliases WHERE source IN ({placeholders})",
            wanted_sources,
        )
    }
    wanted = {(row["alias"], row["code"], row["lang"], row["source"]): row for row in rows}
    conn.executemany(
        "DELETE FROM aliases WHERE alias = ? AND code = ? AND lang = ? AND source = ?",
        sorted(stored - set(wanted)),
    )
    new = [row for key, row in wanted.items() if key not in stored]
    if not GENERATED_SOURCES.issuperset(wanted_sources):
        generated = ", ".join(f"'{s}'" for s in sorted(GENERATED_SOURCES))
        conn.executemany(
            f"DELETE FROM aliases WHERE alias = ? AND code = ? AND lang = ? "
            f"AND source IN ({generated})",
            [(row["alias"], row["code"], row["lang"]) for row in new],
        )
    _table(conn, "aliases").insert_all(new, ignore=True)


def all_countries(conn: sqlite3.Connection) -> list[Row]:
    return _rows(conn, "SELECT * FROM countries")


def country_names(conn: sqlite3.Connection) -> dict[str, str]:
    """Each country's English name, by code."""
    return {str(code): str(name or code)
            for code, name in conn.execute("SELECT code, name_en FROM countries")}


def country_codes(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT code FROM countries")}


def remove_aliases(conn: sqlite3.Connection, source: str) -> int:
    return conn.execute("DELETE FROM aliases WHERE source = ?", [source]).rowcount


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


def remove_profile(conn: sqlite3.Connection, code: str, year: int) -> int:
    """Delete a country's profile for one index year; returns how many sections it had."""
    return conn.execute(
        "DELETE FROM profiles WHERE code = ? AND year = ?", [code, year]
    ).rowcount


def replace_profile(
    conn: sqlite3.Connection, code: str, year: int, sections: Mapping[str, str]
) -> None:
    """Make a country's profile for one year exactly ``sections``; sections that would not
    change are left alone."""
    stored = profile_sections(conn, code, year)
    conn.executemany(
        "DELETE FROM profiles WHERE code = ? AND year = ? AND section = ?",
        [(code, year, section) for section, text in stored.items()
         if sections.get(section) != text])
    _table(conn, "profiles").insert_all(
        {"code": code, "year": year, "section": section, "text": text}
        for section, text in sections.items() if stored.get(section) != text
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


def clear_vdem(conn: sqlite3.Connection) -> None:
    """Empty the ``vdem`` table.  Called on a table already empty, it is a write that fails
    at once on a read-only file, before anything is read for an import."""
    conn.execute('DELETE FROM "vdem"')


# --- the imports log --------------------------------------------------------------------


def record_import(conn: sqlite3.Connection, row: Row) -> int:
    """Add a row to the ``imports`` table; returns its id."""
    table = _table(conn, "imports")
    table.insert(row)
    return int(table.last_pk)
