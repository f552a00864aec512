"""A release alert: the new index year and each subscribed country's place in it."""

from __future__ import annotations

from msgspec.structs import replace

from bot.answer.kinds import AlertAnswer
from bot.answer.profile import profile
from bot.query import Intent, Query
from bot.store import Snapshot


def alert(query: Query, snapshot: Snapshot, year: int) -> AlertAnswer:
    """The figures of ``query.countries`` in ``year``'s index, with the change since the one
    before (a country missing from the index is still listed: "not in the 2027 index")."""
    shown = [
        profile(replace(query, intent=Intent.PROFILE, countries=(code,), year=year), snapshot,
                snapshot.countries[code])
        for code in query.countries
        if code in snapshot.countries
    ]
    return AlertAnswer(query, year, shown)
