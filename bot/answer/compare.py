"""Two to five countries side by side, in one year."""

from __future__ import annotations

from bot.answer.kinds import CompareAnswer
from bot.answer.years import pick_year
from bot.domain import INDICATORS, MAX_COMPARE, TOPIC_INDICATOR
from bot.query import Query
from bot.store import Country, Snapshot


def indicator_order(topic: str | None) -> tuple[str, ...]:
    """The five indicators, the one measuring ``topic`` first."""
    first = TOPIC_INDICATOR.get(topic or "")
    return (first, *(i for i in INDICATORS if i != first)) if first else INDICATORS


def compare(query: Query, snapshot: Snapshot, countries: list[Country]) -> CompareAnswer:
    year, note = pick_year(query, snapshot)
    unique = list({c.code: c for c in countries}.values())
    rows = [(c, snapshot.result(c.code, year)) for c in unique[:MAX_COMPARE]]
    return CompareAnswer(
        query, year, rows, indicator_order(query.topic), note, tuple(unique[MAX_COMPARE:])
    )
