"""RSF and V-Dem side by side: "do RSF and V-Dem agree on Kazakhstan?" and the picture of
RSF against V-Dem for one year.

The two measure differently (RSF: a 0–100 score from a questionnaire and a tally of
abuses; V-Dem: each aspect estimated from country experts' ratings on its own scale), so
their figures never meet: only positions do, among the countries both rate.  A V-Dem year
is paired with the RSF index that describes it (:func:`bot.domain.index_covering`).
"""

from __future__ import annotations

import statistics
from bisect import bisect_left

from msgspec import Struct

from bot.answer.kinds import MessageAnswer, MessageKind
from bot.answer.standing import Standing
from bot.answer.vdem_figures import measures_of
from bot.answer.vdem_kinds import AgreeAnswer, AgreeRow, VdemChartAnswer, VdemNote
from bot.charts.vdem_data import ScatterChart, ScatterKey, ScatterPoint
from bot.domain import SCALE_OLD, VDEM_INDICATOR, VDEM_MEASURES, index_covering, scale_of
from bot.i18n import country_name, picture_lang
from bot.query import Query, Witness
from bot.store import Country, Snapshot

#: How far apart two places may be (as a share of the countries compared) and still
#: "agree closely", or "broadly".
CLOSE, BROAD = 0.10, 0.25
#: With no country asked: how many of the widest disagreements each way.
APART = 3


class Pairing(Struct, frozen=True):
    """One V-Dem year and the RSF index describing it, over the countries both rate."""

    vdem_year: int
    rsf_year: int
    indicator: str | None
    codes: tuple[str, ...]  # both rate them (every measure has a value)
    rsf_place: dict[str, int]  # places among ``codes``, 1 the freest
    rsf_value: dict[str, float]
    vdem_place: dict[str, dict[str, int]]  # measure → code → place among ``codes``
    vdem_value: dict[str, dict[str, float]]


def _places(order: dict[str, float]) -> dict[str, int]:
    """Places by descending value (equal values share a place)."""
    ordered = sorted(-v for v in order.values())
    return {code: 1 + bisect_left(ordered, -v) for code, v in order.items()}


def _ranks(values: list[float]) -> list[float]:
    """Average ranks (ties share the mean of their ranks), for Spearman's correlation."""
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def spearman(xs: list[float], ys: list[float]) -> float:
    """Spearman's rank correlation: 1 the same order, 0 none, −1 the reverse."""
    if len(xs) < 3:
        return 0.0
    try:
        return statistics.correlation(_ranks(xs), _ranks(ys))
    except statistics.StatisticsError:  # every value equal: no order to compare
        return 0.0


def pair_years(snapshot: Snapshot, span: tuple[int, int], modern: bool) -> list[int]:
    """V-Dem's years that an RSF index in the database describes (``modern``: only those
    of RSF's 0–100 scores, 2013 on)."""
    return [y for y in range(span[0], span[1] + 1)
            if index_covering(y) in snapshot.by_year
            and not (modern and scale_of(index_covering(y)) == SCALE_OLD)]


def pick_pair_year(query: Query, years: list[int]) -> tuple[int, VdemNote | None]:
    """The V-Dem year asked if it can be paired, else the nearest that can; the latest
    when none is asked."""
    asked = query.year
    if asked is None or asked in years:
        return (asked if asked is not None else years[-1]), None
    shown = min(years, key=lambda y: (abs(y - asked), -y))
    return shown, VdemNote(asked, shown, (years[0], years[-1]))


def pairing(snapshot: Snapshot, vdem_year: int, measures: tuple[str, ...],
            matched: bool = False) -> Pairing:
    """Both sources over the countries both rate, computed once per snapshot.  RSF's figure
    is its global score; with ``matched``, the indicator measuring what the one V-Dem
    measure does (harassment of journalists: safety), where the index has indicators."""
    def compute() -> Pairing:
        rsf_year = index_covering(vdem_year)
        indicator = VDEM_INDICATOR.get(measures[0]) if matched and len(measures) == 1 else None
        results = {r.code: r for r in snapshot.by_year[rsf_year]}
        if indicator is not None and not any(indicator in r.indicators
                                             for r in results.values()):
            indicator = None  # an index before RSF's indicators (2022): the global score
        rows = snapshot.vdem.year(vdem_year)
        codes = tuple(sorted(
            code for code, result in results.items()
            if code in rows and all(rows[code].value(m) is not None for m in measures)
            and (indicator is None or indicator in result.indicators)))
        # RSF's order is its rank (the old scale's lower scores are freer: ranks say so).
        rsf_rank = {c: float(results[c].indicators[indicator][1] if indicator
                             else results[c].rank) for c in codes}
        rsf_value = {c: (results[c].indicators[indicator][0] if indicator
                         else results[c].score) for c in codes}
        vdem_value = {m: {c: float(rows[c].value(m) or 0.0) for c in codes} for m in measures}
        return Pairing(vdem_year, rsf_year, indicator, codes,
                       _places({c: -r for c, r in rsf_rank.items()}), rsf_value,
                       {m: _places(vdem_value[m]) for m in measures}, vdem_value)

    return snapshot.derived(("vdem_pairing", vdem_year, measures, matched), compute)


def _row(pair: Pairing, country: Country, measures: tuple[str, ...]) -> AgreeRow:
    code, n = country.code, len(pair.codes)
    standings = tuple(Standing(m, pair.vdem_year, pair.vdem_value[m][code],
                               pair.vdem_place[m][code], n) for m in measures)
    gaps = [pair.rsf_place[code] - s.place for s in standings if s.place is not None]
    widest = max(gaps, key=abs)
    spread = abs(widest) / n
    verdict = "close" if spread <= CLOSE else "broad" if spread <= BROAD else "apart"
    kinder = None if verdict != "apart" else "rsf" if widest < 0 else "vdem"
    return AgreeRow(country, pair.rsf_place[code], pair.rsf_value[code], standings, verdict,
                    kinder)


def agree(query: Query, snapshot: Snapshot, asked: list[Country], witness: Witness,
          span: tuple[int, int]) -> AgreeAnswer | MessageAnswer:
    """Each country's place by RSF and by V-Dem among the countries both rate, whether they
    agree, and how closely the two orders agree over all of them."""
    years = pair_years(snapshot, span, modern=False)
    if not years:
        return MessageAnswer(query, MessageKind.NO_VDEM, latest=snapshot.latest_year)
    year, note = pick_pair_year(query, years)
    measures = measures_of(witness, query.topic)
    pair = pairing(snapshot, year, measures, named(witness))
    both = [c for c in asked if c.code in pair.rsf_place]
    not_rated = tuple(c for c in asked if c.code not in pair.rsf_place)
    if asked and not both:
        return MessageAnswer(query, MessageKind.NOT_RATED, not_rated, snapshot.latest_year)
    rsf_order = [-float(pair.rsf_place[c]) for c in pair.codes]
    correlations = tuple(spearman(rsf_order, [pair.vdem_value[m][c] for c in pair.codes])
                         for m in measures)
    apart: tuple[AgreeRow, ...] = ()
    if not asked:
        first = measures[0]
        gap = {c: pair.vdem_place[first][c] - pair.rsf_place[c] for c in pair.codes}
        ordered = sorted(pair.codes, key=lambda c: (-gap[c], c))
        widest = ordered[:APART] + ordered[::-1][:APART]
        apart = tuple(_row(pair, _country(snapshot, c), (first,)) for c in widest)
    return AgreeAnswer(query, year, pair.rsf_year, pair.indicator, measures, len(pair.codes),
                       tuple(_row(pair, c, measures) for c in both), correlations, apart,
                       not_rated, note)


def scatter(query: Query, snapshot: Snapshot, asked: list[Country], witness: Witness,
            span: tuple[int, int]) -> VdemChartAnswer | MessageAnswer:
    """Every country both rate: V-Dem's measure against RSF's score of the index covering
    that year, the countries asked labelled.  Only RSF's 0–100 scores (2013 on) are drawn:
    the older ones were open-ended and ran the other way."""
    years = pair_years(snapshot, span, modern=True)
    if not years:
        return MessageAnswer(query, MessageKind.NO_VDEM, latest=snapshot.latest_year)
    year, note = pick_pair_year(query, years)
    measure = measures_of(witness, query.topic)[0]
    pair = pairing(snapshot, year, (measure,), named(witness))
    labelled = tuple(c.code for c in asked if c.code in pair.rsf_place)
    lang = picture_lang(query.lang)
    points = tuple(
        ScatterPoint(code, country_name(code, _country(snapshot, code).name_en, lang),
                     pair.vdem_value[measure][code], pair.rsf_value[code], code in labelled)
        for code in pair.codes)
    correlation = spearman([-float(pair.rsf_place[c]) for c in pair.codes],
                           [pair.vdem_value[measure][c] for c in pair.codes])
    key = ScatterKey(labelled, measure, year, pair.rsf_year, pair.indicator, lang,
                     snapshot.generation)
    return VdemChartAnswer(query, ScatterChart(key, points, correlation), note,
                           tuple(c for c in asked if c.code not in pair.rsf_place))


def named(witness: Witness) -> bool:
    """Whether the question named a V-Dem measure (then RSF's matching indicator is set
    beside it; otherwise RSF's global score)."""
    return witness.measure in VDEM_MEASURES


def _country(snapshot: Snapshot, code: str) -> Country:
    return snapshot.countries[code]  # both rate it: RSF has it
