"""A follow-up read in the light of the answer it replies to.

"in 2023?" or "what about safety?" keep the countries (or re-rank a ranking); "and Norway?"
adds Norway to a comparison; "what about Norway?" switches to Norway, keeping the topic and
year asked before; a question naming its own country stands alone.  How a follow-up
begins (:class:`Follow`) is read by the parser from the lexicons' ``follow_adding`` and
``follow_switching`` sets.
"""

from __future__ import annotations

from enum import Enum

from msgspec.structs import replace

from bot.domain import MAX_COMPARE, TOPIC_INDICATOR
from bot.query import Intent, Query


class Follow(Enum):
    NONE = "none"
    ADD = "add"  # "and Norway?", "а Норвегия?", "сравни с Россией"
    SWITCH = "switch"  # "what about Norway?", "а как насчёт Норвегии?"


def with_context(query: Query, context: Query, follow: Follow = Follow.NONE) -> Query:
    """``query`` as a follow-up to ``context`` (the query behind the answer replied to)."""
    adding = follow == Follow.ADD
    switching = follow == Follow.SWITCH
    if query.intent == Intent.RANKING and query.ranking is not None and context.ranking is not None:
        # "and in Africa?" after "worst 5 in Asia": the same list for another place.
        if not (adding or switching):
            return query
        new, old = query.ranking, context.ranking
        place = (new.region, new.subregion) if new.region or new.subregion else (
            old.region, old.subregion)
        return replace(
            context,
            text=query.text,
            year=query.year if query.year is not None else context.year,
            ranking=replace(old, region=place[0], subregion=place[1],
                            indicator=new.indicator or old.indicator),
            lang=query.lang,
        )
    if query.intent in (Intent.HELP, Intent.RANKING, Intent.SEARCH) or query.command:
        return query
    if query.analysis is not None or query.small_talk or query.mentioned:
        return query
    if context.intent == Intent.RANKING and context.ranking is not None and not query.countries:
        # After a ranking, "in 2023?" or "by safety?" re-ranks rather than asking which country.
        if query.year is None and query.topic is None:
            return query
        indicator = TOPIC_INDICATOR.get(query.topic or "") or context.ranking.indicator
        return replace(
            context,
            text=query.text,
            year=query.year if query.year is not None else context.year,
            ranking=replace(context.ranking, indicator=indicator),
            lang=query.lang,
        )
    if not context.countries:
        return query
    if not query.countries:
        # Only a follow-up that asks something (a topic, a year) continues the conversation:
        # "hello" after an answer is still just a greeting.
        if query.candidates or (query.topic is None and query.year is None and query.since is None):
            return query
        if query.intent == Intent.CHART or context.intent == Intent.CHART:
            intent = Intent.CHART  # "in 2023?" under a chart: the same chart, another year
        else:
            intent = Intent.COMPARE if len(context.countries) > 1 else Intent.PROFILE
        return replace(
            query,
            intent=intent,
            countries=context.countries,
            typed_names=_kept_names(query, context, context.countries),
            topic=query.topic or context.topic,
            year=query.year if query.year is not None else context.year,
        )
    topic = query.topic or context.topic
    year = query.year if query.year is not None else context.year
    if switching:
        return replace(query, topic=topic, year=year)
    if adding:
        merged = tuple(dict.fromkeys((*context.countries, *query.countries)))[:MAX_COMPARE]
        intent = Intent.CHART if context.intent == Intent.CHART else Intent.COMPARE
        return replace(query, intent=intent, countries=merged, topic=topic, year=year,
                       typed_names=_kept_names(query, context, merged))
    return query  # a new question that names its own country


def _kept_names(query: Query, context: Query,
                countries: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """The names the reader wrote, the question's and, for the countries it carries on from
    the one before in the same language, that one's ("Кыргызстан", then "а в 2020?")."""
    if context.lang != query.lang:
        return query.typed_names
    names = {**dict(context.typed_names), **dict(query.typed_names)}
    return tuple((code, names[code]) for code in countries if code in names)
