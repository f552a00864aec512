"""Query → Answer: the only reader of the store on the question path.

An answer holds figures and texts, never markup: ``render`` turns it into messages.  All
figures of one answer come from one :class:`~bot.store.Snapshot`, so an import running at
the same moment can never mix two versions of the data into a reply.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from bot.domain import (
    INDICATORS,
    LISTED_WITHIN,
    MAX_COMPARE,
    MAX_RANKING,
    REGIONS,
    SCALE_CURRENT,
    SUBREGIONS,
    TOPIC_INDICATOR,
    index_year,
)
from bot.query import Query, Ranking
from bot.store import Country, Result, Snapshot, Store


@dataclass(frozen=True)
class YearNote:
    """Why the year shown is not the year asked for."""

    asked: int
    shown: int


@dataclass(frozen=True)
class ProfileAnswer:
    query: Query
    country: Country
    year: int
    result: Result | None  # None: the country is not in that year's index
    previous: Result | None
    topic: str | None
    section: str | None  # the profile section shown ("summary" when no topic)
    excerpt: str | None
    excerpt_year: int | None
    history: list[Result] = field(default_factory=list)  # for "since YEAR"
    year_note: YearNote | None = None
    eras: tuple[str, ...] = ()  # scoring eras the reply spans (a warning if more than one)
    years_available: tuple[int, ...] = ()
    neighbours: tuple[str, ...] = ()  # the nearest-ranked countries of the same region
    # Older indexes ranked some countries in parts (USA1/USA2: at home, abroad): shown when
    # the country itself is not in that year's index.
    parts: tuple[tuple[Country, Result], ...] = ()
    latest_index: int | None = None  # the newest index year in the store


@dataclass(frozen=True)
class CompareAnswer:
    query: Query
    year: int
    rows: list[tuple[Country, Result | None]]
    indicator_order: tuple[str, ...]
    year_note: YearNote | None = None
    left_out: int = 0  # countries beyond the MAX_COMPARE that one table shows


@dataclass(frozen=True)
class RankingAnswer:
    query: Query
    year: int
    ranking: Ranking
    rows: list[tuple[Country, Result]]
    total: int  # how many countries the list was drawn from
    year_note: YearNote | None = None
    no_indicators: bool = False  # an indicator was asked for a year before indicators existed
    capped: bool = False  # more than MAX_RANKING were asked for


@dataclass(frozen=True)
class SearchHit:
    country: Country
    year: int
    section: str
    snippet: str  # plain text with \x02…\x03 around matched words


@dataclass(frozen=True)
class SearchAnswer:
    query: Query
    terms: str
    hits: list[SearchHit]
    profiles: int  # how many countries' profiles were searched


@dataclass(frozen=True)
class MessageAnswer:
    """Help, chit-chat, a question we could not place, or a "did you mean"."""

    query: Query
    kind: str  # "help" | "none" | "clarify" | "need_country" | "no_data"
    candidates: tuple[Country, ...] = ()
    latest: int | None = None  # the latest index year, for the help text


Answer = ProfileAnswer | CompareAnswer | RankingAnswer | SearchAnswer | MessageAnswer


def answer(query: Query, snapshot: Snapshot, store: Store | None = None) -> Answer:
    """Compute the answer to ``query`` from one snapshot (``store`` only for full-text search)."""
    if not snapshot.years:
        return MessageAnswer(query, "no_data")
    if query.intent == "search" and query.search_terms:
        return _search(query, snapshot, store)
    if query.intent == "ranking" and query.ranking is not None:
        return _ranking(query, snapshot)
    countries = [snapshot.countries[c] for c in query.countries if c in snapshot.countries]
    if query.intent in ("profile", "compare") or countries:
        if len(countries) >= 2:
            return _compare(query, snapshot, countries)
        if countries:
            return _profile(query, snapshot, countries[0])
    if query.candidates:
        found = tuple(snapshot.countries[c] for c in query.candidates if c in snapshot.countries)
        return MessageAnswer(query, "clarify", found, snapshot.latest_year)
    if query.intent == "help":
        return MessageAnswer(query, "help", latest=snapshot.latest_year)
    if query.topic is not None:
        return MessageAnswer(query, "need_country", latest=snapshot.latest_year)
    return MessageAnswer(query, "none", latest=snapshot.latest_year)


def _pick_year(query: Query, snapshot: Snapshot) -> tuple[int, YearNote | None]:
    latest = snapshot.years[-1]
    asked = query.year if query.year is not None else query.since
    if asked is None:
        return latest, None
    covering = index_year(asked, snapshot.years)
    if covering is not None:
        return covering, None
    # No index that year: the nearest one, and the reply says so.
    shown = min(snapshot.years, key=lambda y: (abs(y - asked), -y))
    return shown, YearNote(asked, shown)


def _profile(query: Query, snapshot: Snapshot, country: Country) -> ProfileAnswer:
    year, note = _pick_year(query, snapshot)
    if query.since is not None:
        year, note = snapshot.years[-1], None
    elif (query.year is None and country.last_year and country.last_year < year
          and not _parts(snapshot, country, year)):
        year = country.last_year  # a former entity (Yugoslavia): its last index
    result = snapshot.result(country.code, year)
    previous = snapshot.previous(result) if result else None
    history: list[Result] = []
    if query.since is not None:
        history = [r for r in snapshot.history(country.code) if r.year >= query.since]
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
        years_available=tuple(r.year for r in snapshot.history(country.code)),
        neighbours=_neighbours(snapshot, country, year),
        parts=() if result else _parts(snapshot, country, year),
        latest_index=snapshot.latest_year,
    )


def _parts(snapshot: Snapshot, country: Country, year: int) -> tuple[tuple[Country, Result], ...]:
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


def _neighbours(snapshot: Snapshot, country: Country, year: int, count: int = 2) -> tuple[str, ...]:
    """The ``count`` countries of the same region closest in rank (for a comparison button)."""
    if country.region is None or snapshot.result(country.code, year) is None:
        return ()
    same = [
        r
        for r in snapshot.by_year[year]
        if (c := snapshot.countries.get(r.code)) is not None and c.region == country.region
    ]
    index = next(i for i, r in enumerate(same) if r.code == country.code)
    others = sorted(
        (r for r in same if r.code != country.code),
        key=lambda r: (abs(same.index(r) - index), r.rank),
    )
    return tuple(r.code for r in others[:count])


def indicator_order(topic: str | None) -> tuple[str, ...]:
    """The five indicators, the one measuring ``topic`` first."""
    first = TOPIC_INDICATOR.get(topic or "")
    return (first, *(i for i in INDICATORS if i != first)) if first else INDICATORS


def _compare(query: Query, snapshot: Snapshot, countries: list[Country]) -> CompareAnswer:
    year, note = _pick_year(query, snapshot)
    unique = list({c.code: c for c in countries}.values())
    rows = [(c, snapshot.result(c.code, year)) for c in unique[:MAX_COMPARE]]
    return CompareAnswer(
        query, year, rows, indicator_order(query.topic), note, len(unique) - len(rows)
    )


def _ranking(query: Query, snapshot: Snapshot) -> RankingAnswer:
    assert query.ranking is not None
    spec = query.ranking
    year, note = _pick_year(query, snapshot)
    results = snapshot.by_year[year]
    if spec.subregion in SUBREGIONS:
        # "Central Asia": the countries of that part of RSF's region, and RSF's region named.
        region, members = SUBREGIONS[spec.subregion]
        spec = replace(spec, region=region)
        results = [r for r in results if r.code in members]
    elif spec.region in REGIONS:
        results = [
            r
            for r in results
            if (c := snapshot.countries.get(r.code)) is not None and c.region == spec.region
        ]
    indicator = spec.indicator if spec.indicator in INDICATORS else None
    no_indicators = False
    if indicator and snapshot.by_year[year][0].scale != SCALE_CURRENT:
        indicator = None  # no indicators before 2022: rank by the global score, and say so
        no_indicators = True
        spec = replace(spec, indicator=None)

    def rank_of(r: Result) -> int:
        return r.indicators[indicator][1] if indicator and indicator in r.indicators else r.rank

    ordered = sorted(results, key=lambda r: (rank_of(r), r.code))
    if spec.position is not None:
        chosen = [r for r in ordered if rank_of(r) == spec.position]
    else:
        limit = max(1, min(spec.limit, MAX_RANKING))
        line = ordered if spec.order == "top" else ordered[::-1]
        chosen = line[:limit]
        # Countries tied with the last one shown are shown too: cutting a tie would pick
        # among equals by their code.
        while len(chosen) < len(line) and rank_of(line[len(chosen)]) == rank_of(chosen[-1]):
            chosen.append(line[len(chosen)])
    rows = [(snapshot.countries[r.code], r) for r in chosen]
    capped = spec.position is None and spec.limit > MAX_RANKING
    return RankingAnswer(query, year, spec, rows, len(results), note, no_indicators, capped)


def _search(query: Query, snapshot: Snapshot, store: Store | None) -> SearchAnswer:
    assert query.search_terms is not None
    hits: list[SearchHit] = []
    if store is not None:
        # The one read outside the snapshot: full-text search needs SQLite's FTS index.  An
        # import committing between the two reads can only add or drop a hit; the figures
        # and names shown still come from the snapshot.
        for row in store.search(query.search_terms):
            country = snapshot.countries.get(str(row["code"]))
            if country is not None:
                year, section, snippet = row["year"], row["section"], row["snippet"]
                hits.append(SearchHit(country, int(str(year)), str(section), str(snippet)))
    return SearchAnswer(query, query.search_terms, hits, len(snapshot.profiles))
