"""Query → Answer: the only reader of the store on the question path.

One module per kind of answer (:mod:`.profile`, :mod:`.compare`, :mod:`.ranking`,
:mod:`.search`, :mod:`.chart`, :mod:`.alert`; the analytical ones through :mod:`.analysis`;
V-Dem's through :mod:`.vdem`), the kinds themselves in :mod:`.kinds`, and the one rule for
which year an answer shows in :mod:`.years` (V-Dem's in :mod:`.vdem_figures`).  An answer
holds figures and texts, never markup: ``render`` turns it into messages.
"""

from __future__ import annotations

from bot.answer.alert import alert
from bot.answer.analysis import analytical
from bot.answer.chart import chart
from bot.answer.compare import compare, indicator_order
from bot.answer.kinds import (
    AggregateAnswer,
    AlertAnswer,
    Answer,
    BandAnswer,
    ChartAnswer,
    CompareAnswer,
    ExplainAnswer,
    IndicatorMove,
    MessageAnswer,
    MessageKind,
    Move,
    MoversAnswer,
    ProfileAnswer,
    RankingAnswer,
    SearchAnswer,
    SearchHit,
    WhyAnswer,
    YearNote,
)
from bot.answer.profile import profile
from bot.answer.ranking import ranking
from bot.answer.search import search
from bot.answer.standing import Standing, VdemContext
from bot.query import Intent, Query
from bot.store import Snapshot, Store

__all__ = [
    "AggregateAnswer",
    "AlertAnswer",
    "Answer",
    "BandAnswer",
    "ChartAnswer",
    "CompareAnswer",
    "ExplainAnswer",
    "IndicatorMove",
    "MessageAnswer",
    "MessageKind",
    "Move",
    "MoversAnswer",
    "ProfileAnswer",
    "RankingAnswer",
    "SearchAnswer",
    "SearchHit",
    "Standing",
    "VdemContext",
    "WhyAnswer",
    "YearNote",
    "alert",
    "answer",
    "indicator_order",
]


def answer(query: Query, snapshot: Snapshot, store: Store | None = None) -> Answer:
    """Compute the answer to ``query`` from one snapshot (``store`` only for full-text search)."""
    if not snapshot.years:
        return MessageAnswer(query, MessageKind.NO_DATA)
    latest = snapshot.latest_year
    if query.intent == Intent.SEARCH and query.search_terms:
        return search(query, snapshot, store)
    if query.intent == Intent.RANKING and query.ranking is not None:
        return ranking(query, snapshot)
    analysed = analytical(query, snapshot)  # aggregates, bands, movers, why, explain
    if analysed is not None:
        return analysed
    countries = [snapshot.countries[c] for c in query.countries if c in snapshot.countries]
    if query.unplaced and query.command is not None:
        # A list of countries given to a command: the names it does not know come first.
        # (In a question they are a note under the answer: bot.render.)
        named = tuple(
            (word, tuple(snapshot.countries[c] for c in near if c in snapshot.countries))
            for word, near in query.unplaced
        )
        return MessageAnswer(query, MessageKind.UNPLACED, latest=latest, unplaced=named)
    if query.intent == Intent.VDEM or (query.intent == Intent.CHART and query.witness):
        # The second source, V-Dem: its modules load with its first question.
        from bot.answer.vdem import second_source

        return second_source(query, snapshot)
    if query.intent == Intent.CHART:
        if countries:
            return chart(query, snapshot, countries)
        if not query.candidates:
            return MessageAnswer(query, MessageKind.USAGE, latest=latest)
    elif query.command == "compare" and len(countries) < 2 and not query.candidates:
        return MessageAnswer(query, MessageKind.USAGE, latest=latest)
    elif query.intent in (Intent.PROFILE, Intent.COMPARE) or countries:
        if len(countries) >= 2:
            return compare(query, snapshot, countries)
        if countries:
            return profile(query, snapshot, countries[0])
    if query.candidates:
        found = tuple(snapshot.countries[c] for c in query.candidates if c in snapshot.countries)
        return MessageAnswer(query, MessageKind.CLARIFY, found, latest)
    if query.intent == Intent.HELP:
        # "subscribe me to Kazakhstan": the countries the alerts are asked for.
        alerted = tuple(snapshot.countries[c] for c in query.mentioned
                        if c in snapshot.countries)  # fmt: skip
        return MessageAnswer(query, MessageKind.HELP, alerted, latest)
    if query.command == "country":
        return MessageAnswer(query, MessageKind.USAGE, latest=latest)
    if query.topic is not None:
        return MessageAnswer(query, MessageKind.NEED_COUNTRY, latest=latest)
    if query.mentioned:
        mentioned = tuple(snapshot.countries[c] for c in query.mentioned
                          if c in snapshot.countries)  # fmt: skip
        return MessageAnswer(query, MessageKind.EVERYDAY, mentioned, latest)
    if query.small_talk:
        return MessageAnswer(query, MessageKind.SMALL_TALK, latest=latest)
    return MessageAnswer(query, MessageKind.NONE, latest=latest)
