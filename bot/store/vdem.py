"""V-Dem's media indicators of one data version, read from the database when first asked for.

V-Dem has about fifty times as many country-years as a question needs, and most questions
need none: reading all of it with every snapshot would slow every start of the bot.  So a
:class:`Vdem` reads a year (a ranking, the card's context) or a country (a history) when an
answer first asks, and keeps it for the rest of the snapshot's life.

Each read checks that the database still holds the snapshot's version of the data; if an
import changed it meanwhile the read raises :class:`SnapshotStale` rather than mix two
versions into one reply, and the caller answers again from the new snapshot.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from msgspec import Struct

from bot.domain import VDEM_CODES, VDEM_MEASURES

T = TypeVar("T")

#: Runs a query inside a read transaction of the snapshot's data version (or raises
#: SnapshotStale).
Reader = Callable[[Callable[[sqlite3.Connection], Any]], Any]

MEASURES = tuple(VDEM_MEASURES)
_COLUMNS = ", ".join(f'"{m}"' for m in MEASURES)


class SnapshotStale(Exception):
    """The data changed since the snapshot was taken: what it would still read lazily is
    gone.  Answer again from the current snapshot."""


class VdemRow(Struct, frozen=True):
    """One country-year of V-Dem: ``code`` is RSF's code for the country where RSF has one
    (V-Dem's own otherwise), ``name`` V-Dem's English name."""

    code: str
    name: str
    year: int
    values: tuple[float | None, ...]  # in VDEM_MEASURES order; None: V-Dem has no value

    def value(self, measure: str) -> float | None:
        return self.values[MEASURES.index(measure)]


def _row(raw: tuple[Any, ...]) -> VdemRow:
    code, name, year, *values = raw
    return VdemRow(VDEM_CODES.get(code, code), name, year, tuple(values))


class Vdem:
    """The V-Dem values of one snapshot, read on first use and then kept (thread-safe: two
    threads may both read a part the first time; the first one kept wins)."""

    def __init__(self, read: Reader | None = None) -> None:
        self._read = read
        self._kept: dict[object, Any] = {}
        self._lock = threading.Lock()

    def _once(self, key: object, query: Callable[[sqlite3.Connection], T], empty: T) -> T:
        with self._lock:
            if key in self._kept:
                return self._kept[key]
        found: T = empty if self._read is None else self._read(query)
        with self._lock:
            return self._kept.setdefault(key, found)

    def span(self) -> tuple[int, int] | None:
        """V-Dem's first and latest year, or None when no V-Dem data was imported."""
        def query(conn: sqlite3.Connection) -> tuple[int, int] | None:
            first, last = conn.execute('SELECT min("year"), max("year") FROM "vdem"').fetchone()
            return None if first is None else (int(first), int(last))
        return self._once("span", query, None)

    def year(self, year: int) -> dict[str, VdemRow]:
        """Every country V-Dem rates in ``year``, by code."""
        def query(conn: sqlite3.Connection) -> dict[str, VdemRow]:
            rows = conn.execute(
                f'SELECT "code", "name", "year", {_COLUMNS} FROM "vdem" WHERE "year" = ? '
                'ORDER BY "code"', [year])
            return {row.code: row for row in map(_row, rows)}
        return self._once(("year", year), query, {})

    def country(self, code: str) -> tuple[VdemRow, ...]:
        """A country's every year, oldest first (empty: V-Dem does not rate it)."""
        vdem_code = next((v for v, rsf in VDEM_CODES.items() if rsf == code), code)

        def query(conn: sqlite3.Connection) -> tuple[VdemRow, ...]:
            rows = conn.execute(
                f'SELECT "code", "name", "year", {_COLUMNS} FROM "vdem" WHERE "code" = ? '
                'ORDER BY "year"', [vdem_code])
            return tuple(map(_row, rows))
        return self._once(("country", code), query, ())

    def values(self, year: int, measure: str) -> dict[str, float]:
        """Every country's value of ``measure`` in ``year`` (those V-Dem has), by code: from
        the year's rows when they were read, else from the measure's column of every year,
        read in one query (a history places a country in each of fifty years)."""
        with self._lock:
            rows: dict[str, VdemRow] | None = self._kept.get(("year", year))
        if rows is None:
            return self._column(measure).get(year, {})
        column = MEASURES.index(measure)
        return {code: v for code, row in rows.items() if (v := row.values[column]) is not None}

    def _column(self, measure: str) -> dict[int, dict[str, float]]:
        """One measure's values per year and code, as :meth:`year` would give them."""
        if measure not in VDEM_MEASURES:
            return {}

        def query(conn: sqlite3.Connection) -> dict[int, dict[str, float]]:
            by_year: dict[int, dict[str, float | None]] = {}
            renamed = VDEM_CODES
            for code, year, value in conn.execute(
                    f'SELECT "code", "year", "{measure}" FROM "vdem" ORDER BY "code"'):
                # A year's dict is made once, not offered (and dropped) on every row.
                values = by_year.get(year)
                if values is None:
                    values = by_year[year] = {}
                values[renamed.get(code, code)] = value
            return {year: {code: v for code, v in values.items() if v is not None}
                    for year, values in by_year.items()}
        return self._once(("column", measure), query, {})

    def series(self, measure: str) -> dict[int, tuple[float, ...]]:
        """One measure's values of every country, per year (a chart's world median)."""
        if measure not in VDEM_MEASURES:
            return {}

        def query(conn: sqlite3.Connection) -> dict[int, tuple[float, ...]]:
            found: dict[int, list[float]] = {}
            for year, value in conn.execute(
                f'SELECT "year", "{measure}" FROM "vdem" WHERE "{measure}" IS NOT NULL'
            ):
                found.setdefault(year, []).append(value)
            return {year: tuple(values) for year, values in sorted(found.items())}
        return self._once(("series", measure), query, {})
