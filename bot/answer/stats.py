"""Statistics of a group of countries in one index year: the world, one of RSF's regions, or
a part of one (Central Asia).

Each group's figures are computed once per snapshot (:meth:`~bot.store.Snapshot.derived`)
and then read from memory: a question about averages costs a dictionary lookup, never SQL.
"""

from __future__ import annotations

from msgspec import Struct

from bot.domain import INDICATORS, REGIONS, SITUATIONS, SUBREGIONS
from bot.store import Result, Snapshot


class Scope(Struct, frozen=True):
    """Which countries a question is about: the world (both None), an RSF region, or a part
    of one (``subregion``; ``region`` is then the RSF region it belongs to)."""

    region: str | None = None
    subregion: str | None = None

    @classmethod
    def of(cls, region: str | None, subregion: str | None) -> Scope:
        """The scope a question names; unknown keys mean the world."""
        if subregion in SUBREGIONS:
            return cls(SUBREGIONS[subregion][0], subregion)
        if region in REGIONS:
            return cls(region, None)
        return cls()

    @property
    def key(self) -> str:
        """One word for the scope ("" for the world): what buttons carry."""
        return self.subregion or self.region or ""

    @classmethod
    def from_key(cls, key: str) -> Scope:
        return cls.of(key if key in REGIONS else None, key if key in SUBREGIONS else None)

    @property
    def world(self) -> bool:
        return self.region is None and self.subregion is None

    def members(self, snapshot: Snapshot, year: int) -> list[Result]:
        """That year's results of the countries in scope, by rank."""
        if self.subregion is not None:
            _, codes = SUBREGIONS[self.subregion]
            return [r for r in snapshot.by_year.get(year, []) if r.code in codes]
        if self.region is not None:
            return snapshot.in_region(year, self.region)
        return snapshot.by_year.get(year, [])


class Measure(Struct, frozen=True):
    """Mean and median of one figure over a group (``n`` countries that have it)."""

    mean: float
    median: float
    n: int
    low: float
    high: float


class GroupStats(Struct, frozen=True):
    year: int
    scope: Scope
    results: tuple[Result, ...]  # by rank
    score: Measure | None  # None for an empty group
    indicators: dict[str, Measure]  # INDICATORS order; empty before 2022
    bands: dict[str, int]  # situation → number of countries, best first; empty before 2022


def measure(values: list[float]) -> Measure | None:
    import statistics  # loaded with the first group's figures, not at start-up

    if not values:
        return None
    return Measure(statistics.fmean(values), statistics.median(values), len(values),
                   min(values), max(values))


def group_stats(snapshot: Snapshot, year: int, scope: Scope) -> GroupStats:
    """The figures of ``scope`` in ``year``, computed on first use and kept with the
    snapshot."""
    return snapshot.derived(("group_stats", year, scope),
                            lambda: compute_group_stats(snapshot, year, scope))


def compute_group_stats(snapshot: Snapshot, year: int, scope: Scope) -> GroupStats:
    results = tuple(scope.members(snapshot, year))
    indicators: dict[str, Measure] = {}
    for name in INDICATORS:
        found = measure([r.indicators[name][0] for r in results if name in r.indicators])
        if found is not None:
            indicators[name] = found
    bands: dict[str, int] = {}
    if any(r.situation for r in results):
        bands = {band: 0 for _, band in SITUATIONS}
        for result in results:
            if result.situation in bands:
                bands[result.situation] += 1
    return GroupStats(year, scope, results, measure([r.score for r in results]), indicators,
                      bands)
