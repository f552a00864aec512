"""What a question asks for: the output of ``understand`` and the input of ``answer``."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from msgspec import Struct
from msgspec.structs import astuple


class Intent(StrEnum):
    """What kind of answer a question wants (``pressbot ask --json`` prints the value)."""

    PROFILE = "profile"  # one country: rank, score, indicators, a profile section
    COMPARE = "compare"  # two to five countries side by side
    RANKING = "ranking"  # a list of countries by rank
    SEARCH = "search"  # profiles that mention some words
    CHART = "chart"  # a picture of one to five countries' history
    AGGREGATE = "aggregate"  # means, medians and counts of a group; a country in its region
    BAND = "band"  # the countries in one situation band
    MOVERS = "movers"  # the biggest risers or fallers between two indexes
    WHY = "why"  # what moved when a country rose or fell
    EXPLAIN = "explain"  # what the index, its method, indicators and bands mean
    VDEM = "vdem"  # V-Dem's media indicators: a history, a ranking, a comparison, agreement
    HELP = "help"  # what the bot can do
    NONE = "none"  # no question the bot can place


INTENTS: tuple[Intent, ...] = tuple(Intent)


class Ranking(Struct, frozen=True):
    """A ranking request: top/bottom ``limit`` overall, in a region or by one indicator,
    or the country at one ``position`` ("which country is 142nd")."""

    order: Literal["top", "bottom"] = "top"
    limit: int = 10
    region: str | None = None  # a key of bot.domain.REGIONS
    # Countries within the region the question named ("Central Asia" inside RSF's
    # Europe – Central Asia): a key of bot.domain.SUBREGIONS.
    subregion: str | None = None
    indicator: str | None = None  # a key of bot.domain.INDICATORS
    position: int | None = None


class Analysis(Struct, frozen=True):
    """What an analytical question asks for (intents aggregate, band, movers, why, explain);
    the countries, year or span ("since 2022") are the query's own."""

    # aggregate: "mean", "median", "count" (countries per band) or "place" (a country
    # among its region's)
    measure: Literal["mean", "median", "count", "place"] | None = None
    band: str | None = None  # band: a situation (bot.domain.SITUATIONS), "good" … "very_serious"
    direction: Literal["rise", "fall"] | None = None  # movers
    by: Literal["rank", "score"] = "rank"  # movers: what moved
    # explain: "index", "method", "indicator", "bands" or "comparability"
    subject: str | None = None
    indicator: str | None = None  # a key of bot.domain.INDICATORS, when one is named
    region: str | None = None  # a key of bot.domain.REGIONS; None: the world
    subregion: str | None = None  # a key of bot.domain.SUBREGIONS
    limit: int = 10  # movers: how many of each
    page: int = 1  # band: which page of a long list (its buttons ask for the others)


class Witness(Struct, frozen=True):
    """A question for the second source, V-Dem's media indicators (intent vdem); the
    countries, year or span ("since 1990") are the query's own."""

    # A V-Dem variable (bot.domain will name them: "v2mecenefm" government censorship of the
    # media, "v2meharjrn" harassment of journalists, "v2mecenefi" internet censorship,
    # "v2meslfcen" self-censorship, "v2mefemjrn" women journalists, …); None: the
    # headline measures.
    measure: str | None = None
    # "history" a country's years (before RSF's index too), "ranking" countries by the
    # measure, "compare" countries side by side, "agree" RSF and V-Dem side by side,
    # "scatter" a picture of RSF against V-Dem for one year.
    view: Literal["history", "ranking", "compare", "agree", "scatter"] = "history"
    order: Literal["top", "bottom"] = "bottom"  # ranking: "most censorship" is the bottom
    limit: int = 10


class Query(Struct, frozen=True):
    """What a question asks for.  ``text`` is how it was written: two queries that ask the
    same thing are equal whatever their wording (so one reply serves both)."""

    text: str  # not part of equality (below)
    intent: Intent
    countries: tuple[str, ...] = ()  # RSF codes in the order written
    topic: str | None = None  # a key of bot.domain.TOPICS
    year: int | None = None  # the year named, None when the question names none
    since: int | None = None  # "since 2022": history from that year on
    ranking: Ranking | None = None
    analysis: Analysis | None = None  # for the analytical intents
    witness: Witness | None = None  # for intent vdem
    search_terms: str | None = None  # for intent "search": the words as written
    # For intent "search": groups of words, a section matching every word of one group.
    search_groups: tuple[tuple[str, ...], ...] = ()
    # When unsure: the likeliest countries for a word that matched none exactly.
    candidates: tuple[str, ...] = ()
    unknown: str | None = None  # the word behind ``candidates``
    # Words in a list of countries (/chart, /compare), or written where a question names
    # its places ("top 5 in Antarctica", "compare Norway and Atlantis"), that name none,
    # each with the likeliest countries it may mean: reported, not dropped.
    unplaced: tuple[tuple[str, tuple[str, ...]], ...] = ()
    lang: str = "en"  # the language to answer in (the interface's: "en" or "ru")
    # The language the question is written in (ISO 639-1; "uz" for Uzbek in either
    # script), None when it shows none (a bare name, a code, a flag).
    said_in: str | None = None
    # For intent "help": the part asked about, one of bot.understand.features.HELP_TOPICS
    # ("general", "languages", "charts", "groups", "inline", "subscriptions", "examples").
    help_topic: str | None = None
    # For intent "none": a greeting or thanks ("greeting", "thanks"), answered in kind.
    small_talk: str | None = None
    # For intent "none": countries named only inside an everyday phrase ("chile con
    # carne", "my friend Jordan"), offered as buttons rather than answered.
    mentioned: tuple[str, ...] = ()
    # A command's name when the question came as one ("compare" for /compare): some
    # commands need more than a question would (two countries for /compare).
    command: str | None = None
    # Names the reader wrote for countries of ``countries``, shown in place of CLDR's:
    # (code, name) pairs, each name one the alias table gives that country in the reply's
    # language, in its dictionary form ("Кыргызстан" where CLDR's Russian is "Киргизия").
    # Part of equality, so a reply cached for one wording never serves the other.
    typed_names: tuple[tuple[str, str], ...] = ()

    # Equal whatever the wording: every field but ``text`` (the first).
    def __eq__(self, other: object) -> bool:
        if type(other) is not Query:
            return NotImplemented
        return astuple(self)[1:] == astuple(other)[1:]

    def __hash__(self) -> int:
        return hash(astuple(self)[1:])
