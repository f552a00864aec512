"""Which years a V-Dem answer shows: the one rule (RSF's is :mod:`.years`).  V-Dem's years are
the years described; RSF beside V-Dem pairs a year with the index describing it
(:mod:`.agree`)."""

from __future__ import annotations

from bot.answer.vdem_kinds import VdemNote
from bot.query import Query


def vdem_year(query: Query, span: tuple[int, int]) -> tuple[int, VdemNote | None]:
    """The year V-Dem shows: the year named if V-Dem has it, else the nearest it has (with
    a note saying so); V-Dem's latest year when none is named.  V-Dem's years are the
    years described."""
    asked = query.year
    if asked is None:
        return span[1], None
    shown = min(max(asked, span[0]), span[1])
    return shown, None if shown == asked else VdemNote(asked, shown, span)


def since_year(query: Query, span: tuple[int, int]) -> tuple[int, VdemNote | None]:
    """Where a history starts: the year asked ("since 1990") within V-Dem's years, else
    V-Dem's first."""
    if query.since is None:
        return span[0], None
    shown = min(max(query.since, span[0]), span[1])
    return shown, None if shown == query.since else VdemNote(query.since, shown, span)
