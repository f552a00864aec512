"""A V-Dem history chart: one measure over V-Dem's years for one to five countries, beside
the median of every country V-Dem rates (the picture itself is drawn later from plain
data, in a worker thread)."""

from __future__ import annotations

import statistics

from bot.answer.kinds import MessageAnswer, MessageKind
from bot.answer.vdem_figures import measures_of, places
from bot.answer.vdem_kinds import VdemChartAnswer
from bot.answer.vdem_years import since_year
from bot.charts.vdem_data import VdemChartKey, VdemHistoryChart, VdemLine
from bot.domain import MAX_COMPARE, year_covered
from bot.i18n import country_name, picture_lang
from bot.query import Query, Witness
from bot.store import Country, Snapshot


def history_chart(query: Query, snapshot: Snapshot, countries: list[Country],
                  not_rated: list[Country], witness: Witness, span: tuple[int, int]
                  ) -> VdemChartAnswer | MessageAnswer:
    """The chart of the measure named (else the first of the topic's, else censorship of
    the media) from ``since`` (default: V-Dem's first year)."""
    if len(countries) > MAX_COMPARE:
        return MessageAnswer(query, MessageKind.NO_CHART, latest=snapshot.latest_year,
                             reason="chart_limit", values=(("n", MAX_COMPARE),))
    measure = measures_of(witness, query.topic)[0]
    first, note = since_year(query, span)
    lang = picture_lang(query.lang)
    lines = []
    for country in countries:
        points = tuple((row.year, value) for row in snapshot.vdem.country(country.code)
                       if row.year >= first and (value := row.value(measure)) is not None)
        place = of = None
        if points:
            placed, of = places(snapshot, points[-1][0], measure)
            place = placed.get(country.code)
        lines.append(VdemLine(country.code, country_name(country.code, country.name_en, lang),
                              points, place, of))
    if not any(line.points for line in lines):
        return MessageAnswer(query, MessageKind.NO_CHART, tuple(countries),
                             snapshot.latest_year, reason="vdem_chart_no_value",
                             values=(("year", first),))
    median = tuple((year, statistics.median(values))
                   for year, values in snapshot.vdem.series(measure).items() if year >= first)
    rsf_from = year_covered(snapshot.years[0]) if snapshot.years else None
    key = VdemChartKey(tuple(c.code for c in countries), measure, first, lang,
                       snapshot.generation)
    chart = VdemHistoryChart(key, tuple(lines), median, first, span[1], rsf_from)
    return VdemChartAnswer(query, chart, note, tuple(not_rated))
