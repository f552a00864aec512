"""The analytical questions (intents aggregate, band, movers, why, explain, and a chart of
movers): which module answers each."""

from __future__ import annotations

from bot.answer.aggregates import aggregate
from bot.answer.bands import band
from bot.answer.explain import explain
from bot.answer.kinds import Answer, MessageAnswer, MessageKind
from bot.answer.movers import movers
from bot.answer.why import why
from bot.query import Intent, Query
from bot.store import Snapshot


def analytical(query: Query, snapshot: Snapshot) -> Answer | None:
    """The answer to an analytical question, or None for any other kind."""
    if query.intent == Intent.AGGREGATE:
        return aggregate(query, snapshot)
    if query.intent == Intent.BAND:
        return band(query, snapshot)
    if query.intent == Intent.MOVERS or (
        query.intent == Intent.CHART and query.analysis is not None and not query.countries
    ):
        return movers(query, snapshot)
    if query.intent == Intent.EXPLAIN:
        return explain(query, snapshot)
    if query.intent == Intent.WHY:
        country = next(
            (snapshot.countries[c] for c in query.countries if c in snapshot.countries), None
        )
        if country is not None:
            return why(query, snapshot, country)
        found = tuple(snapshot.countries[c] for c in query.candidates if c in snapshot.countries)
        kind = MessageKind.CLARIFY if found else MessageKind.NEED_COUNTRY
        return MessageAnswer(query, kind, found, snapshot.latest_year)
    return None
