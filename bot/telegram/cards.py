"""Inline mode's answer cards: replies turned into ready-to-send results, cached per query
until the data changes (the pipeline empties the cache then).

Telegram's client gives up after about ten seconds and people type letter by letter, so
the cards come from memory: the pipeline answers from the in-memory snapshot.
"""

from __future__ import annotations

import hashlib

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResult,
    InlineQueryResultArticle,
    InlineQueryResultCachedPhoto,
    InputTextMessageContent,
)
from telegram.helpers import create_deep_linked_url

from bot import button_data
from bot.cache import LRU
from bot.charts.data import PictureKey
from bot.domain import RSF_INDEX_URL
from bot.i18n import t
from bot.pipeline import Pipeline, Reply
from bot.render import MAX_MESSAGE, Rendered, visible_length
from bot.render.html import credit

#: Queries whose cards are kept (per language).
CACHE_SIZE = 2048


class InlineCards:
    """Inline results per (query, language), rebuilt when the data changes."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self._cache: LRU[tuple[int, str, str], list[Reply]] = pipeline.cache(CACHE_SIZE)

    def replies(self, text: str, lang: str) -> list[Reply]:
        """The replies behind the cards for ``text`` (blocking: call from a worker thread)."""
        # New data empties the cache before it is read; the version is part of the key,
        # so cards made from the data before it, kept after, are never read again.
        version = self.pipeline.refresh()
        # Case matters: "KZ" is a country code, "kz" is not.
        key = (version, " ".join(text.split()), lang)
        cached = self._cache.get(key)
        if cached is None:
            cached = self.pipeline.suggestions(text, lang)
            self._cache.put(key, cached)
        return cached

    def cards(self, replies: list[Reply], lang: str, bot_username: str,
              chart_files: LRU[PictureKey, str]) -> list[InlineQueryResult]:
        """One card per reply; a chart is the photo Telegram already has, or a card that
        opens it in a private chat.  Duplicates are dropped (Telegram refuses them)."""
        cards: dict[str, InlineQueryResult] = {}
        for reply in replies:
            if reply.rendered.chart is not None:
                card = _chart_card(reply.rendered, lang, bot_username, chart_files)
            else:
                card = _card(reply.rendered, lang)
            cards.setdefault(card.id, card)
        # More than 50 cards are fine: InlineQuery.answer(auto_pagination=True) pages them.
        return list(cards.values())


def _card(rendered: Rendered, lang: str) -> InlineQueryResultArticle:
    """One message per card: the first of a longer reply, still crediting RSF and linking
    the page where the rest is."""
    text = rendered.messages[0]
    if len(rendered.messages) > 1:
        source = "\n\n" + credit(rendered.url or RSF_INDEX_URL, lang)
        if visible_length(text + source) <= MAX_MESSAGE:  # as Telegram counts
            text += source
    digest = hashlib.blake2b(text.encode(), digest_size=16).hexdigest()
    url = rendered.url if rendered.url and rendered.url != RSF_INDEX_URL else None
    markup = (InlineKeyboardMarkup([[InlineKeyboardButton(t(lang, "rsf_button"), url=url)]])
              if url else None)
    title = rendered.title or t(lang, "index")
    return InlineQueryResultArticle(
        id=digest,
        title=title[:256],
        description=rendered.description[:256] or None,
        input_message_content=InputTextMessageContent(text),
        reply_markup=markup,
    )


def _chart_card(rendered: Rendered, lang: str, bot_username: str,
                chart_files: LRU[PictureKey, str]) -> InlineQueryResult:
    """Inline results cannot upload a picture: when Telegram already has the chart (the bot
    sent it once) the card is that photo; otherwise it is the caption with a button that
    opens the chart in a private chat with the bot (a ``/start chart_KAZ`` deep link)."""
    data = rendered.chart
    assert data is not None
    digest = hashlib.blake2b(repr(data.key).encode(), digest_size=16).hexdigest()
    caption = rendered.messages[0]
    file_id = chart_files.get(data.key)
    if file_id is not None:
        return InlineQueryResultCachedPhoto(
            id=f"chart-{digest}", photo_file_id=file_id, title=rendered.title, caption=caption
        )
    link = create_deep_linked_url(bot_username, button_data.picture_link(data))
    return InlineQueryResultArticle(
        id=f"chart-link-{digest}",
        title=rendered.title,
        description=t(lang, "chart_open"),
        input_message_content=InputTextMessageContent(caption),  # the caption has the title
        reply_markup=InlineKeyboardMarkup(
            [[InlineKeyboardButton(t(lang, "chart_open"), url=link)]]
        ),
    )
