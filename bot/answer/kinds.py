"""What an answer holds: figures and texts, never markup (``render`` makes the markup).

One dataclass per kind of answer; :data:`Answer` is their union.  Every value comes from
one :class:`~bot.store.Snapshot`, so an import running meanwhile never mixes two versions
of the data into a reply.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from bot.charts.data import ChartData
from bot.query import Query, Ranking
from bot.store import Country, Result


@dataclass(frozen=True)
class YearNote:
    """Why the year shown is not the year asked for."""

    asked: int
    shown: int


@dataclass(frozen=True)
class ProfileAnswer:
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


@dataclass(frozen=True)
class CompareAnswer:
    query: Query
    year: int
    rows: list[tuple[Country, Result | None]]
    indicator_order: tuple[str, ...]
    year_note: YearNote | None = None
    left_out: tuple[Country, ...] = ()  # countries beyond what one table shows


@dataclass(frozen=True)
class RankingAnswer:
    query: Query
    year: int
    ranking: Ranking  # as answered: a subregion gets its RSF region filled in
    rows: list[tuple[Country, Result]]
    total: int  # how many countries the list was drawn from
    year_note: YearNote | None = None
    no_indicators: bool = False  # an indicator was asked for a year before indicators existed
    capped: bool = False  # more than MAX_RANKING were asked for


@dataclass(frozen=True)
class SearchHit:
    country: Country
    year: int
    section: str
    snippet: str  # plain text with \x02…\x03 around matched words


@dataclass(frozen=True)
class SearchAnswer:
    query: Query
    terms: str
    hits: list[SearchHit]
    profiles: int  # how many countries' profiles were searched


@dataclass(frozen=True)
class ChartAnswer:
    """A picture: drawn from ``data`` by :mod:`bot.charts.draw`, captioned by render."""

    query: Query
    data: ChartData
    year_note: YearNote | None = None


@dataclass(frozen=True)
class AlertAnswer:
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


@dataclass(frozen=True)
class MessageAnswer:
    """Help, chit-chat, a question we could not place, or a "did you mean".  For CLARIFY
    ``candidates`` are the countries asked about; for EVERYDAY the countries mentioned."""

    query: Query
    kind: MessageKind
    candidates: tuple[Country, ...] = ()
    latest: int | None = None  # the latest index year, for the help text
    reason: str | None = None  # for NO_CHART: an interface-string key
    values: tuple[tuple[str, object], ...] = ()  # the reason's values
    # For UNPLACED: each word naming no country, with the likeliest countries it may mean.
    unplaced: tuple[tuple[str, tuple[Country, ...]], ...] = ()


Answer = (
    ProfileAnswer
    | CompareAnswer
    | RankingAnswer
    | SearchAnswer
    | ChartAnswer
    | AlertAnswer
    | MessageAnswer
)
