"""Why a country rose or fell: what moved since the index before (rank, score, the
indicators that moved most) and RSF's own account in the matching profile section, where
the database has the profile.  RSF's reasons are RSF's: the answer points to its page."""

from __future__ import annotations

from bot.answer.changes import score_change
from bot.answer.kinds import IndicatorMove, WhyAnswer
from bot.answer.movers import years_compared
from bot.domain import INDICATORS, country_url
from bot.query import Analysis, Query
from bot.store import Country, Result, Snapshot


def why(query: Query, snapshot: Snapshot, country: Country) -> WhyAnswer:
    """What moved in ``query.year`` (default: the latest index) since the index before, or
    since ``query.since`` ("why did Kazakhstan fall since 2022")."""
    spec = query.analysis or Analysis()
    year, base, note, first = years_compared(query, snapshot)
    if first:  # nothing before RSF's first index: say so rather than show the next
        year = base
    if query.year is None and query.since is None and country.last_year \
            and country.last_year < year:
        year = country.last_year  # a former entity: its last index
        base = snapshot.previous_year(year) or year
    consecutive = snapshot.previous_year(year) == base
    result = snapshot.result(country.code, year)
    previous = snapshot.result(country.code, base) if result and base != year else None
    moves = indicator_moves(result, previous) if result and previous else ()
    section = excerpt = excerpt_year = None
    if moves:
        section = moves[0].indicator  # profile sections are named as the indicators
    found = snapshot.profile(country.code, year)
    if found is not None:
        excerpt_year, sections = found
        section = section or "summary"
        excerpt = sections.get(section)
    return WhyAnswer(
        query, country, year, result, previous,
        score_change(result, previous, consecutive) if result and previous else None,
        moves, section, excerpt, excerpt_year, country_url(country.name_en),
        spec.direction if spec.direction in ("rise", "fall") else None, note,
        snapshot.previous_year(year) is None, consecutive,
    )


def indicator_moves(result: Result, previous: Result) -> tuple[IndicatorMove, ...]:
    """The five indicators' changes, the largest (in points, either way) first; none when
    either year has no indicators (before 2022, or 2022 against 2021)."""
    moves = [
        IndicatorMove(name, result.indicators[name][0], previous.indicators[name][0],
                      result.indicators[name][0] - previous.indicators[name][0],
                      result.indicators[name][1], previous.indicators[name][1])
        for name in INDICATORS
        if name in result.indicators and name in previous.indicators
    ]
    return tuple(sorted(moves, key=lambda m: (-abs(round(m.change, 9)),
                                              INDICATORS.index(m.indicator))))
