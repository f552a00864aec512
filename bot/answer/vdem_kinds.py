"""What V-Dem's answers hold: figures and texts, never markup (``render`` makes it).

Kept apart from :mod:`.kinds` so that a process loads them with its first V-Dem question,
not at start-up; :data:`VdemAnswer` is their union (part of :data:`.kinds.Answer`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

from msgspec import Struct

from bot.answer.standing import Standing
from bot.query import Query
from bot.store import Country

if TYPE_CHECKING:
    from bot.charts.vdem_data import VdemPicture


class VdemNote(Struct, frozen=True):
    """Why the years shown are not the years asked: V-Dem covers ``span`` only."""

    asked: int
    shown: int
    span: tuple[int, int]


class VdemHistoryAnswer(Struct, frozen=True):
    """V-Dem's years of one country (one or more measures) or of several (one measure)."""

    query: Query
    countries: tuple[Country, ...]  # the countries V-Dem rates, as asked
    measures: tuple[str, ...]
    # (year, one Standing per country and measure, country-major) for each year shown
    rows: tuple[tuple[int, tuple[Standing, ...]], ...]
    span: tuple[int, int]  # V-Dem's years
    not_rated: tuple[Country, ...] = ()  # asked, but V-Dem does not rate them
    note: VdemNote | None = None
    left_out: tuple[Country, ...] = ()  # beyond what one table shows


class VdemYearAnswer(Struct, frozen=True):
    """V-Dem on one or more countries in one year: each measure with the country's place."""

    query: Query
    year: int
    countries: tuple[Country, ...]
    measures: tuple[str, ...]
    standings: tuple[tuple[Standing, ...], ...]  # per country, per measure
    records: tuple[tuple[int, int], ...]  # per country: the first and last year V-Dem rates
    span: tuple[int, int]
    not_rated: tuple[Country, ...] = ()
    note: VdemNote | None = None
    left_out: tuple[Country, ...] = ()


class VdemRankingAnswer(Struct, frozen=True):
    """Countries by one V-Dem measure in one year."""

    query: Query
    year: int
    measure: str
    order: str  # "top": the freest first; "bottom": the least free first
    rows: tuple[tuple[Country, Standing], ...]
    span: tuple[int, int]
    note: VdemNote | None = None
    capped: bool = False  # more than MAX_RANKING were asked for


class AgreeRow(Struct, frozen=True):
    """One country placed by both sources among the countries both rate."""

    country: Country
    rsf_place: int
    rsf_value: float  # RSF's score (or indicator score) in its index
    standings: tuple[Standing, ...]  # V-Dem's, places among the countries both rate
    verdict: str  # "close", "broad" or "apart"
    kinder: str | None  # when apart: "rsf" or "vdem", the source placing it higher


class AgreeAnswer(Struct, frozen=True):
    """RSF and V-Dem side by side: V-Dem's year and the RSF index that covers it."""

    query: Query
    vdem_year: int
    rsf_year: int
    indicator: str | None  # RSF's indicator compared (None: the global score)
    measures: tuple[str, ...]
    common: int  # countries both rate (and shown places are among)
    rows: tuple[AgreeRow, ...]  # the countries asked
    correlations: tuple[float, ...]  # per measure: Spearman's rank correlation with RSF
    # With no country asked: where the two differ most (RSF kinder first, then V-Dem).
    apart: tuple[AgreeRow, ...] = ()
    not_rated: tuple[Country, ...] = ()
    note: VdemNote | None = None


class VdemChartAnswer(Struct, frozen=True):
    """A V-Dem history chart, or RSF against V-Dem for one year; drawn by bot.charts."""

    query: Query
    data: VdemPicture
    note: VdemNote | None = None
    not_rated: tuple[Country, ...] = ()


VdemAnswer: TypeAlias = (
    "VdemHistoryAnswer | VdemYearAnswer | VdemRankingAnswer | AgreeAnswer | VdemChartAnswer"
)
