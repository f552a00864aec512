"""The countries in one situation band ("countries in a good situation in 2024"), the world
or a region, all of them: render shows a long list in pages."""

from __future__ import annotations

from bot.answer.aggregates import FIRST_CURRENT
from bot.answer.kinds import BandAnswer
from bot.answer.stats import Scope, group_stats
from bot.answer.years import pick_year
from bot.domain import SCALE_CURRENT, SITUATIONS, scale_of
from bot.query import Analysis, Query
from bot.store import Snapshot

BANDS = tuple(band for _, band in SITUATIONS)


def band(query: Query, snapshot: Snapshot) -> BandAnswer:
    spec = query.analysis or Analysis()
    asked = spec.band if spec.band in BANDS else BANDS[0]
    year, note = pick_year(query, snapshot)
    no_bands = scale_of(year) != SCALE_CURRENT
    if no_bands:  # bands belong to the 2022 method: its first year, said so
        year = next((y for y in snapshot.years if y >= FIRST_CURRENT), snapshot.years[-1])
        note = None
    scope = Scope.of(spec.region, spec.subregion)
    stats = group_stats(snapshot, year, scope)
    rows = tuple(
        (snapshot.countries[r.code], r)
        for r in stats.results
        if r.situation == asked and r.code in snapshot.countries
    )
    return BandAnswer(query, year, asked, scope, rows, stats.bands, max(1, spec.page),
                      note, no_bands)
