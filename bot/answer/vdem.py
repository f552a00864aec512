"""The second source: V-Dem's media indicators asked about (intent vdem, or a chart with a
V-Dem measure).  Which answer each view gets, and the plain ones: a history (years before
RSF's index too), one year of one or more countries, a ranking by one measure.

RSF and V-Dem side by side is :mod:`.agree`; the pictures are :mod:`.vdem_chart`.
"""

from __future__ import annotations

from bot.answer.agree import agree, scatter
from bot.answer.kinds import Answer, MessageAnswer, MessageKind
from bot.answer.standing import Standing
from bot.answer.vdem_chart import history_chart
from bot.answer.vdem_figures import (
    entity,
    measures_of,
    places,
    rated,
    row_standing,
    standing,
)
from bot.answer.vdem_kinds import VdemHistoryAnswer, VdemRankingAnswer, VdemYearAnswer
from bot.answer.vdem_years import since_year, vdem_year
from bot.domain import MAX_COMPARE, MAX_RANKING, VDEM_HEADLINE, VDEM_MEASURES
from bot.query import Intent, Query, Witness
from bot.store import Country, Snapshot


def second_source(query: Query, snapshot: Snapshot) -> Answer:
    """The answer to a V-Dem question: intent vdem, or a chart of a V-Dem measure."""
    latest = snapshot.latest_year
    span = snapshot.vdem.span()
    if span is None:
        return MessageAnswer(query, MessageKind.NO_VDEM, latest=latest)
    witness = query.witness or Witness()
    asked = [snapshot.countries[c] for c in dict.fromkeys(query.countries)
             if c in snapshot.countries]
    if query.candidates and not asked:
        found = tuple(snapshot.countries[c] for c in query.candidates if c in snapshot.countries)
        return MessageAnswer(query, MessageKind.CLARIFY, found, latest)
    if witness.view == "ranking":
        return ranking(query, snapshot, witness, span)
    if witness.view == "agree":
        return agree(query, snapshot, asked, witness, span)
    if witness.view == "scatter":
        return scatter(query, snapshot, asked, witness, span)
    if not asked:
        return MessageAnswer(query, MessageKind.NEED_COUNTRY, latest=latest)
    countries, not_rated = rated(snapshot, asked)
    if not countries:
        return MessageAnswer(query, MessageKind.NOT_RATED, tuple(not_rated), latest)
    if query.intent == Intent.CHART:
        return history_chart(query, snapshot, countries, not_rated, witness, span)
    if query.since is None and (query.year is not None or len(countries) > 1):
        return one_year(query, snapshot, countries, not_rated, witness, span)
    return history(query, snapshot, countries, not_rated, witness, span)


def history(query: Query, snapshot: Snapshot, countries: list[Country],
            not_rated: list[Country], witness: Witness, span: tuple[int, int]
            ) -> VdemHistoryAnswer:
    """Every year from ``since`` (default: V-Dem's first) to V-Dem's latest: one country's
    measures (the card's three unless one is named), or one measure of several countries."""
    shown, left_out = countries[:MAX_COMPARE], countries[MAX_COMPARE:]
    measures = measures_of(witness, query.topic)
    if len(shown) > 1:
        measures = measures[:1]
    first, note = since_year(query, span)
    records = {c.code: {row.year: row for row in snapshot.vdem.country(c.code)} for c in shown}
    starts = min(min(by_year) for by_year in records.values())
    rows = []
    for year in range(max(first, starts), span[1] + 1):
        cells = tuple(
            row_standing(snapshot, c.code, records[c.code][year], year, m)
            if year in records[c.code] else Standing(m, year, None, None, 0)
            for c in shown for m in measures)
        rows.append((year, cells))
    return VdemHistoryAnswer(query, tuple(shown), measures, tuple(rows), span,
                             tuple(not_rated), note, tuple(left_out))


def one_year(query: Query, snapshot: Snapshot, countries: list[Country],
             not_rated: list[Country], witness: Witness, span: tuple[int, int]
             ) -> VdemYearAnswer:
    """One year of V-Dem: for one country every measure ("what did V-Dem say about
    Kazakhstan in 1995"), for several the card's three; or the measure named."""
    shown, left_out = countries[:MAX_COMPARE], countries[MAX_COMPARE:]
    everything = tuple(VDEM_MEASURES) if len(shown) == 1 else VDEM_HEADLINE
    measures = measures_of(witness, query.topic, everything)
    year, note = vdem_year(query, span)
    standings = tuple(tuple(standing(snapshot, c.code, year, m) for m in measures)
                      for c in shown)
    records = tuple((rows[0].year, rows[-1].year)
                    for c in shown if (rows := snapshot.vdem.country(c.code)))
    return VdemYearAnswer(query, year, tuple(shown), measures, standings, records, span,
                          tuple(not_rated), note, tuple(left_out))


def ranking(query: Query, snapshot: Snapshot, witness: Witness, span: tuple[int, int]
            ) -> VdemRankingAnswer:
    """Countries by one measure in one year: "top" the freest (for the share of women
    journalists, the highest) first, "bottom" the least free first."""
    measure = measures_of(witness, query.topic)[0]
    year, note = vdem_year(query, span)
    placed, of = places(snapshot, year, measure)
    rows = snapshot.vdem.year(year)
    limit = max(1, min(witness.limit, MAX_RANKING))
    order = sorted(placed, key=lambda code: (placed[code], rows[code].name))
    if witness.order == "bottom":
        order = sorted(placed, key=lambda code: (-placed[code], rows[code].name))
    chosen = order[:limit]
    # Countries sharing the last place shown are shown too (as RSF's lists do).
    while len(chosen) < len(order) and placed[order[len(chosen)]] == placed[chosen[-1]]:
        chosen.append(order[len(chosen)])
    return VdemRankingAnswer(
        query, year, measure, witness.order,
        tuple((entity(snapshot, rows[code]), Standing(measure, year, rows[code].value(measure),
                                                      placed[code], of))
              for code in chosen),
        span, note, witness.limit > MAX_RANKING)
