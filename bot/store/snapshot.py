"""One consistent version of the index data, held in memory and read by every answer.

:func:`load_snapshot` reads RSF's four data tables in one read transaction; nothing in a
:class:`Snapshot` changes afterwards, so any number of threads may read it while an import
builds the next one.  V-Dem's values (:attr:`Snapshot.vdem`) are read when first asked for,
from the same version of the data (:mod:`bot.store.vdem`).
"""

from __future__ import annotations

import sqlite3
from bisect import bisect_left
from collections.abc import Callable, Hashable
from functools import cached_property
from typing import Any, TypeVar

import msgspec
from msgspec import Struct, field

from bot.domain import INDICATORS
from bot.store.vdem import Vdem

T = TypeVar("T")


class Country(Struct, frozen=True):
    code: str
    name_en: str
    name_fr: str | None
    name_es: str | None
    name_pt: str | None
    region: str | None
    zone: str | None
    last_year: int | None


class Result(Struct, frozen=True):
    year: int
    code: str
    rank: int
    total: int
    score: float
    scale: str
    situation: str | None
    indicators: dict[str, tuple[float, int]]  # indicator → (score, rank); empty before 2022
    zone: str | None
    # RSF's published change of the score since the index before ("Score evolution", 2023+
    # files); None where RSF gives none.
    score_change: float | None = None


class Alias(Struct, frozen=True):
    alias: str
    code: str
    lang: str
    source: str


class Snapshot(Struct, frozen=True, eq=False, dict=True):
    """One consistent version of the index data, read in a single transaction.

    ``generation`` counts the versions one store has loaded: every cache keyed on data
    compares it, and it changes exactly when the data did.
    """

    generation: int
    countries: dict[str, Country]
    results: dict[tuple[str, int], Result]
    by_year: dict[int, list[Result]]  # sorted by rank
    profiles: dict[str, dict[int, dict[str, str]]]  # code → year → section → text
    # Every alias as one JSON array of [alias, code, lang, source] rows in the table's own
    # order, made by SQLite, as UTF-8 bytes: all the understander's fingerprint needs, and
    # reading it costs a fraction of making thousands of rows (and of sorting them in SQL)
    # at every start.  :attr:`alias_rows` and :attr:`aliases` are made from it when a new
    # index is built.
    alias_json: bytes
    # V-Dem's media indicators of this version of the data, read on first use.
    vdem: Vdem = field(default_factory=Vdem)
    # Figures the answers compute from this version of the data (statistics per year and
    # group, moves between years): see :meth:`derived`.  Made with the snapshot, so that
    # two threads asking first never each make one.
    _derived: dict[Hashable, Any] = field(default_factory=dict)

    @cached_property
    def years(self) -> list[int]:
        return sorted(self.by_year)

    @cached_property
    def alias_rows(self) -> list[tuple[str, str, str, str]]:
        """Every alias as (alias, code, lang, source), by alias, code and lang (Python
        orders strings by code point as SQLite's binary collation orders their UTF-8)."""
        return sorted(msgspec.json.decode(self.alias_json, type=list[tuple[str, str, str, str]]))

    @cached_property
    def aliases(self) -> list[Alias]:
        return [Alias(*row) for row in self.alias_rows]

    @property
    def latest_year(self) -> int | None:
        return self.years[-1] if self.years else None

    def result(self, code: str, year: int) -> Result | None:
        return self.results.get((code, year))

    def history(self, code: str) -> list[Result]:
        """Every year's result for a country, oldest first."""
        return [r for y in self.years if (r := self.results.get((code, y))) is not None]

    def previous_year(self, year: int) -> int | None:
        """The index before ``year``, or None for the first."""
        # The years are sorted: the one before is just left of where ``year`` would go.
        at = bisect_left(self.years, year)
        return self.years[at - 1] if at else None

    def previous(self, result: Result) -> Result | None:
        """The country's result in the index before ``result``'s year."""
        year = self.previous_year(result.year)
        return self.results.get((result.code, year)) if year is not None else None

    def profile(self, code: str, year: int | None = None) -> tuple[int, dict[str, str]] | None:
        """The profile for ``year``; else the latest one before it; else the earliest after
        it (an older year still gets the only text there is, and the reply names its year)."""
        by_year = self.profiles.get(code)
        if not by_year:
            return None
        before = [y for y in by_year if year is None or y <= year]
        best = max(before) if before else min(by_year)
        return best, by_year[best]

    def derived(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, computed once per snapshot and kept with it: the data never changes
        under a snapshot, and a new version of the data is a new snapshot with none of them.
        (Two threads may both compute a value the first time; the first one kept wins.)"""
        found = self._derived.get(key, _MISSING)
        if found is _MISSING:
            found = self._derived.setdefault(key, compute())
        return found

    def in_region(self, year: int, region: str) -> list[Result]:
        """That year's results of one RSF region, by rank."""
        return self._regions.get((year, region), [])

    @cached_property
    def _regions(self) -> dict[tuple[int, str], list[Result]]:
        grouped: dict[tuple[int, str], list[Result]] = {}
        for year, results in self.by_year.items():
            for result in results:
                country = self.countries.get(result.code)
                if country is not None and country.region is not None:
                    grouped.setdefault((year, country.region), []).append(result)
        return grouped


_MISSING = object()


def _by_rank(result: Result) -> tuple[int, str]:
    return result.rank, result.code


def load_snapshot(conn: sqlite3.Connection, generation: int, vdem: Vdem | None = None) -> Snapshot:
    """Read RSF's data tables into a :class:`Snapshot` (call inside a read transaction);
    ``vdem`` reads V-Dem's values of the same version when they are first asked for."""
    countries = {
        row[0]: Country(*row)
        for row in conn.execute(
            "SELECT code, name_en, name_fr, name_es, name_pt, region, zone, last_year "
            "FROM countries ORDER BY code"
        )
    }
    columns = ", ".join(f"{name}, {name}_rank" for name in INDICATORS)
    results: dict[tuple[str, int], Result] = {}
    by_year: dict[int, list[Result]] = {}
    # In the primary key's order, which SQLite reads without sorting; each year's list is
    # put in rank order below (sorting in SQL costs more than the rest of the read).
    for row in conn.execute(
        f"SELECT year, code, rank, total, score, scale, situation, zone, score_change, "
        f"{columns} FROM results ORDER BY year, code"
    ):
        values = row[9:]
        # Before 2022 a row has no indicators: no dict to fill for two thirds of the rows.
        indicators = {} if values.count(None) == len(values) else {
            name: (score, rank)
            for name, score, rank in zip(INDICATORS, values[::2], values[1::2], strict=True)
            if score is not None and rank is not None
        }
        result = Result(row[0], row[1], row[2], row[3], row[4], row[5], row[6], indicators,
                        row[7], row[8])
        results[(result.code, result.year)] = result
        by_year.setdefault(result.year, []).append(result)
    for ranked in by_year.values():
        ranked.sort(key=_by_rank)
    profiles: dict[str, dict[int, dict[str, str]]] = {}
    for code, year, section, text in conn.execute(
        "SELECT code, year, section, text FROM profiles"
    ):
        profiles.setdefault(code, {}).setdefault(year, {})[section] = text
    alias_json = conn.execute(
        "SELECT CAST(json_group_array(json_array(alias, code, lang, source)) AS BLOB) "
        "FROM aliases"
    ).fetchone()[0]
    return Snapshot(generation, countries, results, by_year, profiles, alias_json,
                    vdem or Vdem())
