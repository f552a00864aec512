"""Lists of countries by rank: the world, a region or part of one, by one indicator, or
whoever holds one rank."""

from __future__ import annotations

from msgspec.structs import replace

from bot.answer.kinds import RankingAnswer
from bot.answer.years import pick_year
from bot.domain import INDICATORS, MAX_RANKING, REGIONS, SCALE_CURRENT, SUBREGIONS
from bot.query import Query
from bot.store import Result, Snapshot


def ranking(query: Query, snapshot: Snapshot) -> RankingAnswer:
    assert query.ranking is not None
    spec = query.ranking
    year, note = pick_year(query, snapshot)
    results = snapshot.by_year[year]
    scope: tuple[str, str | None] | None = None  # the whole world
    if spec.subregion in SUBREGIONS:
        # "Central Asia": the countries of that part of RSF's region, and RSF's region named.
        region, members = SUBREGIONS[spec.subregion]
        spec = replace(spec, region=region)
        results = [r for r in results if r.code in members]
        scope = ("subregion", spec.subregion)
    elif spec.region in REGIONS:
        results = snapshot.in_region(year, spec.region)
        scope = ("region", spec.region)
    indicator = spec.indicator if spec.indicator in INDICATORS else None
    no_indicators = False
    if indicator and snapshot.by_year[year][0].scale != SCALE_CURRENT:
        indicator = None  # no indicators before 2022: rank by the global score, and say so
        no_indicators = True
        spec = replace(spec, indicator=None)

    def rank_of(r: Result) -> int:
        return r.indicators[indicator][1] if indicator and indicator in r.indicators else r.rank

    # The same list for every question on that year, place and indicator: kept with the
    # snapshot (read only).
    ordered: list[Result] = snapshot.derived(
        ("ranking", year, scope, indicator),
        lambda: sorted(results, key=lambda r: (rank_of(r), r.code)))
    if spec.position is not None:
        chosen = [r for r in ordered if rank_of(r) == spec.position]
    else:
        limit = max(1, min(spec.limit, MAX_RANKING))
        line = ordered if spec.order == "top" else ordered[::-1]
        chosen = line[:limit]
        # Countries tied with the last one shown are shown too: cutting a tie would pick
        # among equals by their code.
        while len(chosen) < len(line) and rank_of(line[len(chosen)]) == rank_of(chosen[-1]):
            chosen.append(line[len(chosen)])
    rows = [(snapshot.countries[r.code], r) for r in chosen]
    capped = spec.position is None and spec.limit > MAX_RANKING
    return RankingAnswer(query, year, spec, rows, len(results), note, no_indicators, capped)
