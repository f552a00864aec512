"""understand → answer → render, shared by every interface.

The terminal, private chats, group commands, inline cards and buttons all call
:meth:`Pipeline.ask` (text) or :meth:`Pipeline.reply` (an already-built query, e.g. from a
button), so a fix here fixes every surface.  The alias index is rebuilt only when the data
version changes, and each reply is computed from a single snapshot.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from bot.answer import Answer, answer
from bot.domain import MAX_COMPARE, TOPIC_INDICATOR
from bot.query import Query
from bot.render import Rendered, render
from bot.store import Country, Snapshot, Store, open_store
from bot.understand import Understander

# A follow-up that adds a country rather than switching to it: "and Norway?", "а Норвегия?".
_ADDING = re.compile(
    r"^\s*(and|vs\.?|versus|compared? (to|with)|и|а|против|сравни(те)? с[о]?)\b", re.I
)
# One that switches country but keeps the topic and year: "what about Norway?".
_SWITCHING = re.compile(r"^\s*(what|how) about\b|^\s*(а )?как насч[её]т\b|^\s*а что\b", re.I)


@dataclass(frozen=True)
class Reply:
    query: Query
    answer: Answer
    rendered: Rendered

    @property
    def messages(self) -> list[str]:
        return self.rendered.messages

    def as_json(self) -> dict[str, Any]:
        """The shape ``pressbot ask --json`` prints (relied on by tooling)."""
        return {
            "question": self.query.text,
            "intent": self.query.intent,
            "countries": list(self.query.countries),
            "topic": self.query.topic,
            # The year the question names: "in 2023" or "since 2020".
            "year": self.query.year if self.query.year is not None else self.query.since,
            "messages": self.messages,
        }


class Pipeline:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._understander: tuple[int, Understander] | None = None

    @classmethod
    def open(cls, path: Path | str | None = None) -> Pipeline:
        return cls(open_store(path))

    def current(self) -> tuple[Snapshot, Understander]:
        """The latest snapshot and an understander built over the same data."""
        snapshot = self.store.snapshot()
        with self._lock:
            cached = self._understander
            if cached is None or cached[0] != snapshot.generation:
                cached = (snapshot.generation, Understander(snapshot))
                self._understander = cached
        return snapshot, cached[1]

    def ask(self, text: str, lang: str | None = None, context: Query | None = None) -> Reply:
        """Answer a message.  ``context`` is the query behind the message being replied to."""
        snapshot, understander = self.current()
        query = understander.parse(text, lang)
        if context is not None:
            query = with_context(query, context)
        return self._reply(query, snapshot)

    def reply(self, query: Query) -> Reply:
        """Answer a query built elsewhere (a button, a deep link, a command's arguments)."""
        return self._reply(query, self.store.snapshot())

    def _reply(self, query: Query, snapshot: Snapshot) -> Reply:
        result = answer(query, snapshot, self.store)
        return Reply(query, result, render(result, query.lang))

    def candidates(self, words: list[str], lang: str) -> list[tuple[str, list[Country]]]:
        """For words a list did not recognise as countries: the likeliest countries of each
        (what "did you mean" offers), for render.not_understood."""
        snapshot, understander = self.current()
        return [
            (word, [snapshot.countries[c] for c in understander.parse(word, lang).candidates
                    if c in snapshot.countries][:MAX_COMPARE])
            for word in words
        ]

    def close(self) -> None:
        self.store.close()


def with_context(query: Query, context: Query) -> Query:
    """Read a follow-up in the light of the answer it replies to.

    "in 2023?" or "what about safety?" keep the countries (or re-rank a ranking); "and
    Norway?" adds Norway to a comparison; "what about Norway?" switches to Norway, keeping
    the topic and year asked before; a question naming its own country stands alone.
    """
    if query.intent == "ranking" and query.ranking is not None and context.ranking is not None:
        # "and in Africa?" after "worst 5 in Asia": the same list for another place.
        if not (_ADDING.match(query.text) or _SWITCHING.match(query.text)):
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
    if query.intent in ("help", "ranking", "search"):
        return query
    if context.intent == "ranking" and context.ranking is not None and not query.countries:
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
        return replace(
            query,
            intent="compare" if len(context.countries) > 1 else "profile",
            countries=context.countries,
            topic=query.topic or context.topic,
            year=query.year if query.year is not None else context.year,
        )
    topic = query.topic or context.topic
    year = query.year if query.year is not None else context.year
    if _SWITCHING.match(query.text):
        return replace(query, topic=topic, year=year)
    if _ADDING.match(query.text):
        merged = tuple(dict.fromkeys((*context.countries, *query.countries)))[:MAX_COMPARE]
        return replace(query, intent="compare", countries=merged, topic=topic, year=year)
    return query  # a new question that names its own country
