"""Which profiles mention some words: SQLite's full-text index, names from the snapshot."""

from __future__ import annotations

from bot.answer.kinds import SearchAnswer, SearchHit
from bot.query import Query
from bot.store import Snapshot, Store


def search(query: Query, snapshot: Snapshot, store: Store | None) -> SearchAnswer:
    assert query.search_terms is not None
    hits: list[SearchHit] = []
    if store is not None:
        # The one read outside the snapshot: full-text search needs SQLite's FTS index.  An
        # import committing between the two reads can only add or drop a hit; the figures
        # and names shown still come from the snapshot.
        groups = query.search_groups or ((query.search_terms,),)
        for hit in store.search(groups):
            country = snapshot.countries.get(hit.code)
            if country is not None:
                hits.append(SearchHit(country, hit.year, hit.section, hit.snippet))
    return SearchAnswer(query, query.search_terms, hits, len(snapshot.profiles))
