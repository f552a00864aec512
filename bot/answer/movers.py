"""The biggest risers and fallers between two indexes: by rank or by score, overall or by
one indicator, the world or a region.

Scores are compared only within one method (2013–2021, 2022+); across a change of method,
or among the open-ended scores of 2002–2012, only ranks are, and the answer says so.
Everything comes from the in-memory snapshot: one pass over at most 180 countries.
"""

from __future__ import annotations

from msgspec.structs import replace

from bot.answer.kinds import Move, MoversAnswer, YearNote
from bot.answer.stats import Scope
from bot.charts.data import MoverBar, MoversChart, MoversKey
from bot.domain import INDICATORS, RSF_INDEX_URL, SCALE_CURRENT, SCALE_OLD, index_year, scale_of
from bot.i18n import country_name, picture_lang, region_name, t
from bot.query import Analysis, Intent, Query
from bot.store import Result, Snapshot

#: The most countries one list of risers or fallers shows (ties included).
MAX_MOVERS = 25


def years_compared(query: Query, snapshot: Snapshot
                   ) -> tuple[int, int, YearNote | None, bool]:
    """The later and the earlier index compared: "between 2020 and 2024" (``since`` and
    ``year``), "since 2022" (to the latest), "in 2024" (with the index before), or the latest
    with the one before.  A year without an index is replaced by the nearest, said so; the
    first index is compared with the next (the last value says so)."""
    years = snapshot.years
    note = None

    def nearest(asked: int) -> int:
        nonlocal note
        found = index_year(asked, years)
        if found is None:
            found = min(years, key=lambda y: (abs(y - asked), -y))
            note = note or YearNote(asked, found)
        return found

    year = nearest(query.year) if query.year is not None else years[-1]
    base = nearest(query.since) if query.since is not None else None
    if base is not None and base > year:
        year, base = base, year
    first = False
    if base is None or base == year:
        base = snapshot.previous_year(year)
        if base is None:  # the first index: compare it with the next one
            year, base, first = years[min(1, len(years) - 1)], years[0], True
    return year, base, note, first


def movers(query: Query, snapshot: Snapshot) -> MoversAnswer:
    spec = query.analysis or Analysis()
    year, base, note, first = years_compared(query, snapshot)
    notes: list[str] = ["first_index"] if first else []
    indicator = spec.indicator if spec.indicator in INDICATORS else None
    if indicator and (scale_of(year) != SCALE_CURRENT or scale_of(base) != SCALE_CURRENT):
        indicator = None
        notes.append("no_indicators")
    by = spec.by if spec.by in ("rank", "score") else "rank"
    scores_compare = scale_of(year) == scale_of(base) != SCALE_OLD
    if by == "score" and scale_of(year) != scale_of(base):
        by = "rank"
        notes.append("scores_across_methods")
    elif by == "score" and not scores_compare:
        by = "rank"
        notes.append("scores_old_method")
    scope = Scope.of(spec.region, spec.subregion)
    consecutive = snapshot.previous_year(year) == base
    # Between consecutive indexes the score changes are RSF's own published figures where
    # its file has them (recomputing differs by 0.01 in a few rows).
    use_rsf = by == "score" and indicator is None and consecutive
    moves, rsf_figures = snapshot.derived(
        ("moves", year, base, by, indicator, scope, use_rsf),
        lambda: _moves(snapshot, scope, year, base, by, indicator, use_rsf))
    limit = max(1, min(spec.limit, MAX_MOVERS))
    direction = spec.direction if spec.direction in ("rise", "fall") else None
    risers = _top([m for m in moves if m.change > 0], limit, -1)
    fallers = _top([m for m in moves if m.change < 0], limit, 1)
    answer = MoversAnswer(
        query, year, base, by, indicator, scope, direction,
        risers if direction != "fall" else (),
        fallers if direction != "rise" else (),
        len(moves), limit, note, tuple(notes), None, scores_compare, rsf_figures, consecutive,
    )
    if query.intent == Intent.CHART:
        return _with_chart(answer, snapshot)
    return answer


def _moves(snapshot: Snapshot, scope: Scope, year: int, base: int, by: str,
           indicator: str | None, use_rsf: bool) -> tuple[tuple[Move, ...], bool]:
    """Every move in scope from ``base`` to ``year`` (the same for every question on them,
    so kept with the snapshot), and whether the changes are all RSF's published figures."""
    moves = []
    rsf_figures = use_rsf
    for now in scope.members(snapshot, year):
        before = snapshot.result(now.code, base)
        country = snapshot.countries.get(now.code)
        if before is None or country is None:
            continue
        value_now, value_before = _value(now, by, indicator), _value(before, by, indicator)
        if value_now is None or value_before is None:
            continue
        if by == "rank":
            change = value_before - value_now  # places gained
        elif use_rsf and now.score_change is not None:
            change = now.score_change
        else:
            change = round(value_now - value_before, 9)  # no float noise in ties
            rsf_figures = False
        moves.append(Move(country, now, before, value_now, value_before, change))
    return tuple(moves), rsf_figures


def _value(result: Result, by: str, indicator: str | None) -> float | None:
    if indicator is not None:
        found = result.indicators.get(indicator)
        if found is None:
            return None
        return float(found[1] if by == "rank" else found[0])
    return float(result.rank if by == "rank" else result.score)


def _top(moves: list[Move], limit: int, sign: int) -> tuple[Move, ...]:
    """The ``limit`` largest moves (``sign`` -1: rises, largest first; 1: falls), and any
    tied with the last one shown (cutting a tie would choose among equals by name)."""
    line = sorted(moves, key=lambda m: (sign * m.change, m.now.rank, m.country.code))
    chosen = line[:limit]
    while (len(chosen) < min(len(line), MAX_MOVERS)
           and line[len(chosen)].change == chosen[-1].change):
        chosen.append(line[len(chosen)])
    return tuple(chosen)


def _with_chart(answer: MoversAnswer, snapshot: Snapshot) -> MoversAnswer:
    """The same moves as plain chart data: drawn later, in a worker thread."""
    lang = picture_lang(answer.query.lang)
    scope = answer.scope
    if scope.subregion:
        scope_name = t(lang, scope.subregion)
    elif scope.region:
        scope_name = region_name(lang, scope.region)
    else:
        scope_name = t(lang, "chart_world")
    # Top to bottom: the biggest rise first and the biggest fall last; a chart of fallers
    # only starts with the biggest fall.
    moves = (*answer.risers, *reversed(answer.fallers)) if answer.direction != "fall" \
        else answer.fallers
    bars = tuple(
        MoverBar(m.country.code, country_name(m.country.code, m.country.name_en, lang),
                 m.change, m.value_before, m.value_now)
        for m in moves
    )
    key = MoversKey(answer.year, answer.base, answer.by, answer.indicator, scope.key,
                    answer.direction, answer.limit, lang, snapshot.generation)
    return replace(answer, chart=MoversChart(key, scope_name, bars, RSF_INDEX_URL))
