"""What a chart shows, read from one snapshot into plain frozen values.

Reading is cheap and happens where the snapshot is (the answer layer); drawing
(:mod:`bot.charts.draw`) is slow and happens in a worker thread, so only immutable data
crosses between them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, NamedTuple, TypeAlias

from msgspec import Struct

from bot.domain import INDICATORS, MAX_COMPARE, RSF_INDEX_URL, country_url
from bot.i18n import country_name
from bot.store import Snapshot

MAX_COUNTRIES: Final = MAX_COMPARE
FIRST_YEAR: Final = 2013  # the first year on a 0–100 scale
NEW_METHOD: Final = 2022  # the current method; the only scores that compare with each other


class ChartKey(NamedTuple):
    codes: tuple[str, ...]
    year: int
    lang: str
    generation: int


class CountrySeries(Struct, frozen=True):
    code: str
    name: str  # in the chart's language
    history: tuple[tuple[int, float], ...]  # (year, score), FIRST_YEAR onwards
    rank: int | None  # in the chart's year
    total: int | None
    score: float | None
    indicators: tuple[float, ...] | None  # INDICATORS order, in the indicator year
    ranks: tuple[int, ...] = ()  # the rank of each year of ``history``

    @property
    def rank_at_end(self) -> int | None:
        """The rank at the line's last point."""
        return self.ranks[-1] if self.ranks else None


class ChartData(Struct, frozen=True):
    """Everything a chart shows: immutable plain values, safe to hand to another thread."""

    key: ChartKey
    indicator_year: int
    countries: tuple[CountrySeries, ...]
    median_history: tuple[tuple[int, float], ...]
    median_indicators: tuple[float, ...]
    url: str  # RSF's page for the caption's credit

    @property
    def year(self) -> int:
        return self.key.year

    @property
    def lang(self) -> str:
        return self.key.lang

    @property
    def compare(self) -> bool:
        return len(self.countries) > 1

    @property
    def first_year(self) -> int:
        return FIRST_YEAR

    @property
    def file_name(self) -> str:
        """A name for the picture saved as a file (``pressbot chat``)."""
        return "-".join(self.key.codes) + f"-{self.year}-{self.lang}"


def first_year(codes: tuple[str, ...]) -> int:
    """Where a chart starts: 2013, the first 0–100 score (a comparison shows 2013–2021 and
    2022+ in panels of their own: their scores never compare)."""
    return FIRST_YEAR


def chart_data(snapshot: Snapshot, codes: tuple[str, ...], year: int, lang: str) -> ChartData:
    """Read what the chart of ``codes`` (known countries, each with a score since
    :func:`first_year`) shows for index ``year``."""
    key = ChartKey(tuple(dict.fromkeys(codes)), year, lang, snapshot.generation)
    # Indicators exist from 2022; for an earlier year show the latest ones (the title says so).
    indicator_year = key.year if key.year >= NEW_METHOD else max(snapshot.years)
    shown_years = [y for y in snapshot.years if y >= first_year(key.codes)]
    series = []
    for code in key.codes:
        country = snapshot.countries[code]
        found = [r for y in shown_years if (r := snapshot.result(code, y)) is not None]
        history = tuple((r.year, r.score) for r in found)
        now = snapshot.result(code, key.year)
        ind = snapshot.result(code, indicator_year)
        values = (
            tuple(ind.indicators[i][0] for i in INDICATORS)
            if ind is not None and all(i in ind.indicators for i in INDICATORS)
            else None
        )
        series.append(CountrySeries(
            code, country_name(code, country.name_en, lang), history,
            now.rank if now else None, now.total if now else None, now.score if now else None,
            values, tuple(r.rank for r in found),
        ))
    import statistics  # loaded with the first chart, not at start-up

    medians = tuple(
        (y, statistics.median(r.score for r in snapshot.by_year[y])) for y in shown_years
    )
    everyone = [r for r in snapshot.by_year.get(indicator_year, []) if r.indicators]
    median_indicators = tuple(
        statistics.median(r.indicators[i][0] for r in everyone if i in r.indicators)
        for i in INDICATORS
    ) if everyone else ()
    url = (country_url(snapshot.countries[key.codes[0]].name_en) if len(key.codes) == 1
           else RSF_INDEX_URL)
    return ChartData(key, indicator_year, tuple(series), medians, median_indicators, url)


# -- movers: the biggest rises and falls between two indexes, as diverging bars ----------


class MoversKey(NamedTuple):
    """What makes one movers chart differ from another (the cache key)."""

    year: int
    base: int
    by: str  # "rank" or "score"
    indicator: str | None
    scope: str  # a region or subregion key, "" for the world
    direction: str | None  # "rise", "fall" or None for both
    limit: int
    lang: str
    generation: int


class MoverBar(Struct, frozen=True):
    code: str
    name: str  # in the chart's language
    change: float  # > 0 rose; places for ranks, points for scores
    before: float  # the rank or score in the earlier index
    now: float


class MoversChart(Struct, frozen=True):
    """A diverging bar chart of the biggest moves: risers right, fallers left."""

    key: MoversKey
    scope_name: str  # "World", a region's name, in the chart's language
    bars: tuple[MoverBar, ...]  # biggest rise first, biggest fall last
    url: str

    @property
    def lang(self) -> str:
        return self.key.lang

    @property
    def year(self) -> int:
        return self.key.year

    @property
    def file_name(self) -> str:
        k = self.key
        parts = ["movers", str(k.base), str(k.year), k.by, k.indicator, k.scope, k.direction]
        return "-".join(p for p in parts if p) + f"-{k.lang}"


if TYPE_CHECKING:  # V-Dem's pictures load with the first V-Dem answer, not at start-up
    from bot.charts.vdem_data import ScatterChart, ScatterKey, VdemChartKey, VdemHistoryChart

#: Any picture a reply can carry (names for annotations only).
Picture: TypeAlias = "ChartData | MoversChart | VdemHistoryChart | ScatterChart"
PictureKey: TypeAlias = "ChartKey | MoversKey | VdemChartKey | ScatterKey"
