"""A group's figures: the mean and median of the score and of each indicator, the number of
countries in each situation band, or where one country stands among the group's."""

from __future__ import annotations

from bot.answer.kinds import AggregateAnswer, MessageAnswer, MessageKind, YearNote
from bot.answer.stats import Scope, group_stats
from bot.answer.years import pick_year
from bot.domain import INDICATORS, SCALE_CURRENT, SUBREGIONS, scale_of
from bot.query import Analysis, Query
from bot.store import Country, Result, Snapshot

#: The first index with situation bands and indicators (RSF's 2022 method).
FIRST_CURRENT = 2022
#: A "place" answer lists a group this size whole; a larger one around the country.
WHOLE_GROUP = 15
AROUND = 3


def aggregate(query: Query, snapshot: Snapshot) -> AggregateAnswer | MessageAnswer:
    spec = query.analysis or Analysis(measure="mean")
    measure = spec.measure or "mean"
    year, note = pick_year(query, snapshot)
    indicator = spec.indicator if spec.indicator in INDICATORS else None
    no_indicators = indicator is not None and scale_of(year) != SCALE_CURRENT
    if no_indicators:
        indicator = None
    no_bands = False
    if measure == "count" and scale_of(year) != SCALE_CURRENT:
        # Bands belong to the 2022 method: show its first year rather than nothing.
        year, note, no_bands = _first_current(snapshot), None, True
    if measure == "place":
        return _place(query, snapshot, year, note, indicator, no_indicators)
    scope = Scope.of(spec.region, spec.subregion)
    stats = group_stats(snapshot, year, scope)
    world = None if scope.world else group_stats(snapshot, year, Scope())
    return AggregateAnswer(query, year, measure, stats, world, indicator, year_note=note,
                           no_bands=no_bands, no_indicators=no_indicators)


def _first_current(snapshot: Snapshot) -> int:
    return next((y for y in snapshot.years if y >= FIRST_CURRENT), snapshot.years[-1])


def _place(query: Query, snapshot: Snapshot, year: int, note: YearNote | None,
           indicator: str | None, no_indicators: bool) -> AggregateAnswer | MessageAnswer:
    """Where a country stands among its region's (or the part of it the question names)."""
    spec = query.analysis or Analysis()
    country = next((snapshot.countries[c] for c in query.countries if c in snapshot.countries),
                   None)
    if country is None:
        kind = MessageKind.CLARIFY if query.candidates else MessageKind.NEED_COUNTRY
        found = tuple(snapshot.countries[c] for c in query.candidates if c in snapshot.countries)
        return MessageAnswer(query, kind, found, snapshot.latest_year)
    if query.year is None and country.last_year and country.last_year < year:
        year, note = country.last_year, None  # a former entity (Yugoslavia): its last index
    scope = Scope.of(spec.region, spec.subregion)
    if scope.world:
        scope = _home(country)
    stats = group_stats(snapshot, year, scope)

    def position(result: Result) -> tuple[int, str]:
        if indicator and indicator in result.indicators:
            return result.indicators[indicator][1], result.code
        return result.rank, result.code

    ordered = sorted(stats.results, key=position)
    index = next((i for i, r in enumerate(ordered) if r.code == country.code), None)
    shown = ordered
    if len(ordered) > WHOLE_GROUP and index is not None:
        start = max(0, min(index - AROUND, len(ordered) - 2 * AROUND - 1))
        shown = ordered[start : start + 2 * AROUND + 1]
    rows = tuple((snapshot.countries[r.code], r) for r in shown if r.code in snapshot.countries)
    world = None if scope.world else group_stats(snapshot, year, Scope())
    return AggregateAnswer(
        query, year, "place", stats, world, indicator, country,
        None if index is None else index + 1, rows,
        year_note=note,
        no_indicators=no_indicators,
    )


def _home(country: Country) -> Scope:
    """A country's own group: the part of a region people name it by (Central Asia), else
    its RSF region."""
    for key, (_, codes) in SUBREGIONS.items():
        if country.code in codes:
            return Scope.of(None, key)
    return Scope.of(country.region, None)
