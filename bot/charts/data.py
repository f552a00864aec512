"""What a chart shows, read from one snapshot into plain frozen values.

Reading is cheap and happens where the snapshot is (the answer layer); drawing
(:mod:`bot.charts.draw`) is slow and happens in a worker thread, so only immutable data
crosses between them.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Final, NamedTuple

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


@dataclass(frozen=True, slots=True)
class CountrySeries:
    code: str
    name: str  # in the chart's language
    history: tuple[tuple[int, float], ...]  # (year, score), FIRST_YEAR or NEW_METHOD onwards
    rank: int | None  # in the chart's year
    total: int | None
    score: float | None
    indicators: tuple[float, ...] | None  # INDICATORS order, in the indicator year


@dataclass(frozen=True, slots=True)
class ChartData:
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
        return NEW_METHOD if self.compare else FIRST_YEAR


def first_year(codes: tuple[str, ...]) -> int:
    """Where a chart starts: 2013 (the first 0–100 score) for one country's history, 2022
    (the first scores that compare) for several."""
    return NEW_METHOD if len(codes) > 1 else FIRST_YEAR


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
        history = tuple(
            (y, r.score) for y in shown_years if (r := snapshot.result(code, y)) is not None
        )
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
            values,
        ))
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
