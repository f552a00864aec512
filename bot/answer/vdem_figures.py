"""What every V-Dem answer shares, the country card's line included: which measures a
question is about, and where a country stands among every country V-Dem rates.

Places are computed once per snapshot, year and measure, then read from memory.  (Which
year a V-Dem answer shows is :mod:`.vdem_years`.)
"""

from __future__ import annotations

from bot.answer.standing import Standing, VdemContext
from bot.domain import TOPIC_VDEM, VDEM_HEADLINE, VDEM_MEASURES, VDEM_PART_ONLY
from bot.query import Witness
from bot.store import Country, Snapshot, VdemRow


def measures_of(witness: Witness | None, topic: str | None,
                fallback: tuple[str, ...] = VDEM_HEADLINE) -> tuple[str, ...]:
    """The measure named, else the topic's (safety → harassment of journalists…), else
    ``fallback`` (the card's three)."""
    if witness is not None and witness.measure in VDEM_MEASURES:
        return (witness.measure,)
    return TOPIC_VDEM.get(topic or "", fallback)


def places(snapshot: Snapshot, year: int, measure: str) -> tuple[dict[str, int], int]:
    """Every rated country's place in ``year`` by ``measure`` (1: the highest value, i.e.
    the freest; equal values share a place) and how many have a value."""

    def compute() -> tuple[dict[str, int], int]:
        values = snapshot.vdem.values(year, measure)
        # Place = 1 + the number of countries with a strictly higher value: the position
        # of the value's first appearance, highest first (found once per value, not
        # searched for once per country).
        first: dict[float, int] = {}
        for position, value in enumerate(sorted(values.values(), reverse=True), start=1):
            first.setdefault(value, position)
        return {code: first[v] for code, v in values.items()}, len(values)

    return snapshot.derived(("vdem_places", year, measure), compute)


def standing(snapshot: Snapshot, code: str, year: int, measure: str) -> Standing:
    """A country's value and place in one year (value None: V-Dem has none)."""
    return row_standing(snapshot, code, snapshot.vdem.year(year).get(code), year, measure)


def row_standing(snapshot: Snapshot, code: str, row: VdemRow | None, year: int,
                 measure: str) -> Standing:
    """:func:`standing` from the country's row of ``year`` (None: V-Dem has none), for a
    caller that holds the country's years: a history need not read every country's."""
    value = row.value(measure) if row is not None else None
    placed, of = places(snapshot, year, measure)
    return Standing(measure, year, value, placed.get(code) if value is not None else None, of)


def card_context(snapshot: Snapshot, code: str, topic: str | None) -> VdemContext | None:
    """The card's line: the topic's V-Dem measures (or the three headline ones) in V-Dem's
    latest year; None when the database holds no V-Dem data.  Kept with the snapshot:
    every card of the country on the topic shows the same line."""
    measures = measures_of(None, topic)
    return snapshot.derived(("vdem_card", code, measures),
                            lambda: _card_context(snapshot, code, measures))


def _card_context(snapshot: Snapshot, code: str, measures: tuple[str, ...]
                  ) -> VdemContext | None:
    span = snapshot.vdem.span()
    if span is None:
        return None
    year = span[1]
    if code not in snapshot.vdem.year(year) and not snapshot.vdem.country(code):
        return VdemContext(year, ())
    return VdemContext(year, tuple(standing(snapshot, code, year, m) for m in measures),
                       code in VDEM_PART_ONLY)


def rated(snapshot: Snapshot, countries: list[Country]) -> tuple[list[Country], list[Country]]:
    """The countries V-Dem rates (in the order given) and those it does not."""
    found = [c for c in countries if snapshot.vdem.country(c.code)]
    return found, [c for c in countries if c not in found]


def entity(snapshot: Snapshot, row: VdemRow) -> Country:
    """RSF's country for a V-Dem row, or one made from V-Dem's name for an entity RSF does
    not rank (Barbados, Somaliland, the German Democratic Republic…)."""
    found = snapshot.countries.get(row.code)
    if found is not None:
        return found
    return Country(row.code, row.name, None, None, None, None, None, None)
