"""What a question asks for: the output of ``understand`` and the input of ``answer``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Intent = Literal["profile", "compare", "ranking", "search", "help", "none"]
INTENTS: tuple[Intent, ...] = ("profile", "compare", "ranking", "search", "help", "none")


@dataclass(frozen=True, slots=True)
class Ranking:
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


@dataclass(frozen=True, slots=True)
class Query:
    text: str
    intent: Intent
    countries: tuple[str, ...] = ()  # RSF codes in the order written
    topic: str | None = None  # a key of bot.domain.TOPICS
    year: int | None = None  # the year named, None when the question names none
    since: int | None = None  # "since 2022": history from that year on
    ranking: Ranking | None = None
    search_terms: str | None = None  # for intent "search"
    # When unsure: the likeliest countries for a word that matched none exactly.
    candidates: tuple[str, ...] = ()
    unknown: str | None = None  # the word behind ``candidates``
    lang: str = "en"  # "en" or "ru": the language to answer in, from the question's script
