"""Inline mode: ``@bot kazakhstan`` in any chat offers ready-to-send answer cards.

Telegram's client gives up after about ten seconds and people type letter by letter, so
answers come from memory: the pipeline works on the in-memory snapshot, and the cards for
a query are cached until the data version changes.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResult,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Update,
)
from telegram.ext import ContextTypes

from bot.answer import ProfileAnswer
from bot.domain import RSF_INDEX_URL
from bot.i18n import pick_lang, t
from bot.pipeline import Pipeline
from bot.query import Query, Ranking
from bot.render import MAX_MESSAGE, Rendered, country_url, credit, visible_length

CACHE_SIZE = 2048
#: Seconds Telegram's servers may keep our answer to the same query text.  Short, so that
#: after an import nobody gets cards with the old figures for longer than the bot itself
#: takes to notice the new data.
CACHE_TIME = 5


class InlineCards:
    """Inline results per (query, language), rebuilt when the data changes."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self._cache: OrderedDict[tuple[str, str], list[InlineQueryResultArticle]] = OrderedDict()
        self._generation = -1

    def cards(self, text: str, lang: str) -> list[InlineQueryResultArticle]:
        snapshot, _ = self.pipeline.current()
        if snapshot.generation != self._generation:
            self._cache.clear()
            self._generation = snapshot.generation
        # Case matters: "KZ" is a country code, "kz" is not.
        key = (" ".join(text.split()), lang)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        cards = self._build(text, lang)
        self._cache[key] = cards
        if len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        return cards

    def _build(self, text: str, lang: str) -> list[InlineQueryResultArticle]:
        if not text.strip():
            return self._starting_points(lang)
        reply = self.pipeline.ask(text, lang=lang)
        _, understander = self.pipeline.current()
        queries: list[Query] = []
        if reply.query.countries or reply.query.intent in ("ranking", "search"):
            cards = [_card(reply.rendered, _url_of(reply.answer), lang)]
            if len(reply.query.countries) > 1:  # also each country on its own
                queries = [
                    Query(text=c, intent="profile", countries=(c,), topic=reply.query.topic,
                          year=reply.query.year, lang=lang)
                    for c in reply.query.countries
                ]
        else:
            cards = []
            names = understander.prefix_matches(text, lang)
            queries = [Query(text=c, intent="profile", countries=(c,), lang=lang) for c in names]
            if reply.query.candidates:
                queries += [Query(text=c, intent="profile", countries=(c,), lang=lang)
                            for c in reply.query.candidates if c not in names]
        for query in queries:
            extra = self.pipeline.reply(query)
            cards.append(_card(extra.rendered, _url_of(extra.answer), lang))
        # More than 50 cards are fine: InlineQuery.answer(auto_pagination=True) pages them.
        return _unique(cards)

    def _starting_points(self, lang: str) -> list[InlineQueryResultArticle]:
        starts = [
            Query(text="top", intent="ranking", ranking=Ranking("top", 10), lang=lang),
            Query(text="bottom", intent="ranking", ranking=Ranking("bottom", 10), lang=lang),
            Query(text="safety", intent="ranking",
                  ranking=Ranking("bottom", 10, indicator="safety"), lang=lang),
        ]
        for code in ("KAZ", "RUS", "UKR", "USA", "MEX", "FRA", "NOR", "CHN"):
            starts.append(Query(text=code, intent="profile", countries=(code,), lang=lang))
        cards = []
        known = self.pipeline.store.snapshot().countries
        for query in starts:
            if any(c not in known for c in query.countries):
                continue
            reply = self.pipeline.reply(query)
            cards.append(_card(reply.rendered, _url_of(reply.answer), lang))
        return cards


def _unique(cards: list[InlineQueryResultArticle]) -> list[InlineQueryResultArticle]:
    """Telegram refuses an answer with two results of the same id (the same card twice)."""
    unique: dict[str, InlineQueryResultArticle] = {}
    for card in cards:
        unique.setdefault(card.id, card)
    return list(unique.values())


def _url_of(answer: object) -> str | None:
    return country_url(answer.country) if isinstance(answer, ProfileAnswer) else None


def _card(rendered: Rendered, url: str | None, lang: str) -> InlineQueryResultArticle:
    """One message per card: the first of a longer reply, still crediting RSF and linking
    the page where the rest is."""
    text = rendered.messages[0]
    if len(rendered.messages) > 1:
        source = "\n\n" + credit(url or RSF_INDEX_URL, lang)
        if visible_length(text + source) <= MAX_MESSAGE:  # as Telegram counts
            text += source
    digest = hashlib.blake2b(text.encode(), digest_size=16).hexdigest()
    button = InlineKeyboardButton(t(lang, "rsf_button"), url=url) if url else None
    markup = InlineKeyboardMarkup([[button]]) if button else None
    title = rendered.title or t(lang, "index")
    return InlineQueryResultArticle(
        id=digest,
        title=title[:256],
        description=rendered.description[:256] or None,
        input_message_content=InputTextMessageContent(text),
        reply_markup=markup,
    )


async def inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer an inline query from the card cache; Telegram paginates past 50."""
    query = update.inline_query
    assert query is not None
    lang = pick_lang(query.from_user.language_code if query.from_user else None, query.query)
    inline: InlineCards = context.bot_data["inline"]
    results: list[InlineQueryResult] = list(inline.cards(query.query, lang))
    from bot.telegram.charts import inline_chart_result

    chart = inline_chart_result(context.bot_data, query.query, lang, context.bot.username)
    if chart is not None:  # a chart Telegram already has, offered first
        results.insert(0, chart)
    await query.answer(results, cache_time=CACHE_TIME, auto_pagination=True)

