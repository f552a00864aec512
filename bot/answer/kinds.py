"""What an answer holds: figures and texts, never markup (``render`` makes the markup).

One record per kind of answer; :data:`Answer` is their union.  Every value comes from
one :class:`~bot.store.Snapshot`, so an import running meanwhile never mixes two versions
of the data into a reply.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, TypeAlias

from msgspec import Struct, field

from bot.answer.standing import VdemContext
from bot.answer.stats import GroupStats, Scope
from bot.charts.data import ChartData, MoversChart
from bot.query import Query, Ranking
from bot.store import Country, Result

if TYPE_CHECKING:  # V-Dem's answers load with the first V-Dem question, not at start-up
    from bot.answer.vdem_kinds import VdemAnswer


class YearNote(Struct, frozen=True):
    """Why the year shown is not the year asked for."""

    asked: int
    shown: int


class ProfileAnswer(Struct, frozen=True):
    query: Query
    country: Country
    year: int
    result: Result | None  # None: the country is not in that year's index
    previous: Result | None
    topic: str | None
    section: str | None  # the profile section shown ("summary" when no topic)
    excerpt: str | None
    excerpt_year: int | None
    history: list[Result] = field(default_factory=list)  # for "since YEAR"
    year_note: YearNote | None = None
    eras: tuple[str, ...] = ()  # scoring eras the reply spans (a warning if more than one)
    years_available: tuple[int, ...] = ()
    neighbours: tuple[str, ...] = ()  # the nearest-ranked countries of the same region
    # Older indexes ranked some countries in parts (USA1/USA2: at home, abroad): shown when
    # the country itself is not in that year's index.
    parts: tuple[tuple[Country, Result], ...] = ()
    latest_index: int | None = None  # the newest index year in the store
    # Years of the history RSF ranked the country only in parts or inside a larger entry
    # (the United States 2003–2012), with those entries: the table says they are missing.
    split_years: tuple[int, ...] = ()
    split_into: tuple[Country, ...] = ()
    vdem: VdemContext | None = None  # None: the database holds no V-Dem data


class CompareAnswer(Struct, frozen=True):
    query: Query
    year: int
    rows: list[tuple[Country, Result | None]]
    indicator_order: tuple[str, ...]
    year_note: YearNote | None = None
    left_out: tuple[Country, ...] = ()  # countries beyond what one table shows


class RankingAnswer(Struct, frozen=True):
    query: Query
    year: int
    ranking: Ranking  # as answered: a subregion gets its RSF region filled in
    rows: list[tuple[Country, Result]]
    total: int  # how many countries the list was drawn from
    year_note: YearNote | None = None
    no_indicators: bool = False  # an indicator was asked for a year before indicators existed
    capped: bool = False  # more than MAX_RANKING were asked for


class SearchHit(Struct, frozen=True):
    country: Country
    year: int
    section: str
    snippet: str  # plain text with \x02…\x03 around matched words


class SearchAnswer(Struct, frozen=True):
    query: Query
    terms: str
    hits: list[SearchHit]
    profiles: int  # how many countries' profiles were searched


class ChartAnswer(Struct, frozen=True):
    """A picture: drawn from ``data`` by :mod:`bot.charts.draw`, captioned by render."""

    query: Query
    data: ChartData
    year_note: YearNote | None = None


class AlertAnswer(Struct, frozen=True):
    """A release alert: a new index is out, with the subscribed countries' figures."""

    query: Query
    year: int
    countries: list[ProfileAnswer]


class MessageKind(StrEnum):
    HELP = "help"  # what the bot can do (``query.help_topic``: the part asked about)
    NONE = "none"  # nothing the bot could place: "I didn't understand", with suggestions
    SMALL_TALK = "small_talk"  # a greeting or thanks (``query.small_talk``), answered in kind
    EVERYDAY = "everyday"  # a country named in passing ("chile con carne"): offered, not answered
    CLARIFY = "clarify"  # "did you mean …?"
    NEED_COUNTRY = "need_country"  # a topic or year without a country
    NO_DATA = "no_data"  # the database is empty
    USAGE = "usage"  # a command without what it needs (``query.command`` says which)
    NO_CHART = "no_chart"  # a chart that cannot be drawn (``reason`` says why)
    UNPLACED = "unplaced"  # a list of countries with names of none (``unplaced`` says which)
    NO_VDEM = "no_vdem"  # a V-Dem question, but the database holds no V-Dem data
    NOT_RATED = "not_rated"  # a V-Dem question about countries V-Dem does not rate


class MessageAnswer(Struct, frozen=True):
    """Help, chit-chat, a question we could not place, or a "did you mean".  For CLARIFY
    ``candidates`` are the countries asked about; for EVERYDAY the countries mentioned; for
    HELP the countries alerts are asked for."""

    query: Query
    kind: MessageKind
    candidates: tuple[Country, ...] = ()
    latest: int | None = None  # the latest index year, for the help text
    reason: str | None = None  # for NO_CHART: an interface-string key
    values: tuple[tuple[str, object], ...] = ()  # the reason's values
    # For UNPLACED: each word naming no country, with the likeliest countries it may mean.
    unplaced: tuple[tuple[str, tuple[Country, ...]], ...] = ()


# -- analytical answers: a group's figures, a band, movers, why, what the index means ----


class AggregateAnswer(Struct, frozen=True):
    """Means and medians of a group, its countries per band, or one country's place in it."""

    query: Query
    year: int
    measure: str  # "mean", "median", "count" or "place"
    stats: GroupStats  # the group in ``year``
    world: GroupStats | None  # the world beside a region's figures (None for the world)
    indicator: str | None = None  # the figure asked about, shown first ("safety")
    country: Country | None = None  # "place": the country placed
    place: int | None = None  # "place": its position in the group (1 = best), None if absent
    rows: tuple[tuple[Country, Result], ...] = ()  # "place": the group (or the part shown)
    year_note: YearNote | None = None
    no_bands: bool = False  # bands asked for a year before they existed (2022 is shown)
    no_indicators: bool = False  # an indicator asked for a year before indicators existed

    @property
    def scope(self) -> Scope:
        return self.stats.scope


class BandAnswer(Struct, frozen=True):
    """Every country of one situation band in a year (a long list comes in pages)."""

    query: Query
    year: int
    band: str
    scope: Scope
    rows: tuple[tuple[Country, Result], ...]  # the whole band, by rank
    counts: dict[str, int]  # every band's count in the scope (for the other bands' buttons)
    page: int = 1
    year_note: YearNote | None = None
    no_bands: bool = False  # asked for a year before bands existed (2022 is shown)


class Move(Struct, frozen=True):
    """One country's move between two indexes; ``change`` > 0 is a rise (places gained, or
    points of score gained)."""

    country: Country
    now: Result
    before: Result
    value_now: float  # the rank or score compared (of ``indicator`` when there is one)
    value_before: float
    change: float


class MoversAnswer(Struct, frozen=True):
    query: Query
    year: int
    base: int  # the earlier index compared with
    by: str  # "rank" or "score", as answered
    indicator: str | None
    scope: Scope
    direction: str | None  # "rise", "fall" or None for both
    risers: tuple[Move, ...]
    fallers: tuple[Move, ...]
    compared: int  # countries in both indexes (within the scope)
    limit: int
    year_note: YearNote | None = None
    # Why the answer is not what was asked: "scores_across_methods" (ranks shown instead),
    # "no_indicators" (an indicator before 2022: the global figure shown), "same_year".
    notes: tuple[str, ...] = ()
    chart: MoversChart | None = None  # for a chart of the moves (intent "chart")
    scores_compare: bool = False  # the two years' scores compare (one method, 2013 on)
    rsf_figures: bool = False  # the score changes shown are RSF's own published figures
    consecutive: bool = False  # ``base`` is the index just before ``year``


class IndicatorMove(Struct, frozen=True):
    indicator: str
    score: float
    before: float
    change: float
    rank: int
    rank_before: int


class WhyAnswer(Struct, frozen=True):
    """What moved when a country rose or fell: rank and score, the indicators that moved
    most, and RSF's own words on it where the database has the profile."""

    query: Query
    country: Country
    year: int
    result: Result | None  # None: not in that index
    previous: Result | None  # the country in the index before (None: not in it)
    score_change: float | None  # None across a change of method
    moves: tuple[IndicatorMove, ...]  # largest first; empty before 2023
    section: str | None  # the profile section matching the indicator that moved most
    excerpt: str | None
    excerpt_year: int | None
    url: str  # RSF's page for the country: the reasons are there
    direction: str | None = None  # what the question assumed ("rise" / "fall")
    year_note: YearNote | None = None
    first_index: bool = False  # ``year`` is RSF's first index: nothing before it
    consecutive: bool = True  # ``previous`` is the index just before ``year``


class ExplainAnswer(Struct, frozen=True):
    """What the index, its method, an indicator, the bands or the breaks in method mean."""

    query: Query
    subject: str  # "index", "method", "indicator", "bands", "comparability"
    indicator: str | None = None
    first: int | None = None  # the years the database holds
    latest: int | None = None
    first_total: int | None = None  # countries ranked in the first and the latest index
    latest_total: int | None = None


#: Every kind of answer (a name for annotations: V-Dem's kinds live in :mod:`.vdem_kinds`).
Answer: TypeAlias = (
    "ProfileAnswer | CompareAnswer | RankingAnswer | SearchAnswer | ChartAnswer | AlertAnswer"
    " | MessageAnswer | AggregateAnswer | BandAnswer | MoversAnswer | WhyAnswer | ExplainAnswer"
    " | VdemAnswer"
)
