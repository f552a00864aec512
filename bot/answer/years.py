"""Which index year an answer shows: the one rule every kind of answer follows."""

from __future__ import annotations

from bot.answer.kinds import YearNote
from bot.domain import index_year
from bot.query import Query
from bot.store import Snapshot


def pick_year(query: Query, snapshot: Snapshot) -> tuple[int, YearNote | None]:
    """The year asked for ("in 2023", "since 2020") if there is an index for it — 2011 is
    RSF's combined 2011–12 index — else the nearest index year, with a note saying so; the
    latest index when the question names no year.  (Call only with data loaded.)"""
    latest = snapshot.years[-1]
    asked = query.year if query.year is not None else query.since
    if asked is None:
        return latest, None
    covering = index_year(asked, snapshot.years)
    if covering is not None:
        return covering, None
    shown = min(snapshot.years, key=lambda y: (abs(y - asked), -y))
    return shown, YearNote(asked, shown)
