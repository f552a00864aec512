"""One country: its figures for a year, the change since the index before, a history
("since 2020"), the profile section asked about, and its nearest neighbours."""

from __future__ import annotations

from bot.answer.kinds import ProfileAnswer
from bot.answer.vdem_figures import card_context
from bot.answer.years import pick_year
from bot.domain import LISTED_WITHIN
from bot.query import Query
from bot.store import Country, Result, Snapshot


def profile(query: Query, snapshot: Snapshot, country: Country) -> ProfileAnswer:
    year, note = pick_year(query, snapshot)
    if query.since is not None:
        year, note = snapshot.years[-1], None
    elif (query.year is None and country.last_year and country.last_year < year
          and not parts(snapshot, country, year)):
        year = country.last_year  # a former entity (Yugoslavia): its last index
    result = snapshot.result(country.code, year)
    previous = snapshot.previous(result) if result else None
    history: list[Result] = []
    split_years: list[int] = []
    split_into: dict[str, Country] = {}
    if query.since is not None:
        history = [r for r in snapshot.history(country.code) if r.year >= query.since]
        for y in snapshot.years:
            if y >= query.since and snapshot.result(country.code, y) is None:
                entries = parts(snapshot, country, y)
                if entries:
                    split_years.append(y)
                    split_into.update((c.code, c) for c, _ in entries)
    eras = {r.scale for r in (result, previous, *history) if r is not None}
    section = query.topic or "summary"
    excerpt = excerpt_year = None
    found = snapshot.profile(country.code, year)
    if found is not None:
        excerpt_year, sections = found
        excerpt = sections.get(section)
    return ProfileAnswer(
        query=query,
        country=country,
        year=year,
        result=result,
        previous=previous,
        topic=query.topic,
        section=section,
        excerpt=excerpt,
        excerpt_year=excerpt_year,
        history=history,
        year_note=note,
        eras=tuple(sorted(eras)),
        years_available=years_ranked(snapshot, country.code),
        neighbours=snapshot.derived(("neighbours", country.code, year),
                                    lambda: neighbours(snapshot, country, year)),
        parts=() if result else parts(snapshot, country, year),
        latest_index=snapshot.latest_year,
        split_years=tuple(split_years),
        split_into=tuple(split_into.values()),
        vdem=card_context(snapshot, country.code, query.topic),
    )


def years_ranked(snapshot: Snapshot, code: str) -> tuple[int, ...]:
    """The index years that rank ``code`` (kept with the snapshot: every card of the
    country lists them)."""
    return snapshot.derived(("years_ranked", code),
                            lambda: tuple(r.year for r in snapshot.history(code)))


def parts(snapshot: Snapshot, country: Country, year: int) -> tuple[tuple[Country, Result], ...]:
    """How RSF listed a country in a year it has no entry of its own: split in parts
    (``USA2`` "United States (US territory)") or inside a larger entry (Serbia in
    "Serbia-Montenegro", Grenada in the OECS)."""
    containers = LISTED_WITHIN.get(country.code, ())
    return tuple(
        (snapshot.countries[r.code], r)
        for r in snapshot.by_year[year]
        if r.code != country.code
        and (r.code.startswith(country.code) or r.code in containers)
        and r.code in snapshot.countries
    )


def neighbours(snapshot: Snapshot, country: Country, year: int, count: int = 2) -> tuple[str, ...]:
    """The ``count`` countries of the same region closest in rank (for a comparison button):
    the places next to it in the region's ranking, nearest first, the better-ranked first
    on a tie."""
    if country.region is None:
        return ()
    same = snapshot.in_region(year, country.region)
    index = next((i for i, r in enumerate(same) if r.code == country.code), None)
    if index is None:
        return ()
    near: list[tuple[int, int, str]] = []
    for distance in range(1, count + 1):
        for i in (index - distance, index + distance):
            if 0 <= i < len(same):
                near.append((distance, same[i].rank, same[i].code))
    return tuple(code for _, _, code in sorted(near)[:count])
