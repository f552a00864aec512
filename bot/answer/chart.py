"""A chart of one country's history, or of up to five compared: the same countries and
year rule as every other answer, the picture itself drawn later from plain data."""

from __future__ import annotations

from bot.answer.kinds import ChartAnswer, MessageAnswer, MessageKind
from bot.answer.years import pick_year
from bot.charts.data import MAX_COUNTRIES, chart_data, first_year
from bot.i18n import picture_lang
from bot.query import Query
from bot.store import Country, Snapshot


def chart(
    query: Query, snapshot: Snapshot, countries: list[Country]
) -> ChartAnswer | MessageAnswer:
    shown = list({c.code: c for c in countries}.values())
    if len(shown) > MAX_COUNTRIES:
        return MessageAnswer(query, MessageKind.NO_CHART, latest=snapshot.latest_year,
                             reason="chart_limit", values=(("n", MAX_COUNTRIES),))
    codes = tuple(c.code for c in shown)
    start = first_year(codes)
    for country in shown:
        if not any(r.year >= start for r in snapshot.history(country.code)):
            return MessageAnswer(
                query, MessageKind.NO_CHART, (country,), snapshot.latest_year,
                reason="chart_no_score", values=(("year", start),),
            )
    year, note = pick_year(query, snapshot)
    data = chart_data(snapshot, codes, year, picture_lang(query.lang))
    return ChartAnswer(query, data, note)
