"""/chart, the Chart button and inline chart cards: bot.charts' PNG sent as a photo.

Drawing takes a CPU-bound ~0.1–0.2 s, so it runs in a worker thread; the snapshot is read
here in the event loop and only plain frozen data crosses into the thread.  Telegram keeps
every photo it received: after the first upload of a chart we remember its ``file_id`` per
cache key (countries, year, language, data generation) and send that instead of the bytes,
and inline mode can offer the same photo as an ``InlineQueryResultCachedPhoto``.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
from collections import OrderedDict
from collections.abc import MutableMapping
from typing import Any, Final

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResult,
    InlineQueryResultArticle,
    InlineQueryResultCachedPhoto,
    InputTextMessageContent,
    Message,
    Update,
)
from telegram.constants import ChatAction, ParseMode
from telegram.error import BadRequest, Forbidden
from telegram.ext import ContextTypes
from telegram.helpers import create_deep_linked_url

from bot.charts import (
    MAX_COUNTRIES,
    ChartData,
    ChartError,
    ChartKey,
    cache_for,
    chart_data,
    read_request,
    render_png,
)
from bot.i18n import t
from bot.pipeline import Pipeline
from bot.render import chart_caption, not_understood, plain
from bot.telegram.handlers import lang_of

log = logging.getLogger(__name__)

FILE_IDS: Final = 1024  # remembered photos (a file_id is ~90 bytes)
_MAX_UNKNOWN: Final = 5  # words not understood, answered one a line

_WANTED = re.compile(r"\b(chart|graph|plot)s?\b|график|диаграмм", re.IGNORECASE)


def chart_wanted(text: str) -> bool:
    """Does an (inline) query ask for a chart: "kazakhstan chart", "график Казахстан"?"""
    return _WANTED.search(text) is not None


# --- file_ids of photos Telegram already has -------------------------------------------------


def _file_ids(bot_data: MutableMapping[str, Any]) -> OrderedDict[ChartKey, str]:
    ids: OrderedDict[ChartKey, str] = bot_data.setdefault("chart_file_ids", OrderedDict())
    return ids


def remember_file_id(bot_data: MutableMapping[str, Any], key: ChartKey, file_id: str) -> None:
    """Keep the file_id of a chart just sent (bounded; old generations age out)."""
    ids = _file_ids(bot_data)
    ids[key] = file_id
    ids.move_to_end(key)
    while len(ids) > FILE_IDS:
        ids.popitem(last=False)


def cached_file_id(bot_data: MutableMapping[str, Any], key: ChartKey) -> str | None:
    """The file_id of this very chart if the bot has sent it before, else None."""
    return _file_ids(bot_data).get(key)


def forget_file_id(bot_data: MutableMapping[str, Any], key: ChartKey) -> None:
    _file_ids(bot_data).pop(key, None)


# --- sending ---------------------------------------------------------------------------------


async def png_for(pipeline: Pipeline, data: ChartData) -> bytes:
    """The chart's PNG from the cache, or drawn in a worker thread and cached."""
    cache = cache_for(pipeline.store)
    png = cache.get(data.key)
    if png is None:
        png = await asyncio.to_thread(render_png, data)
        cache.put(data.key, png)
    return png


async def chart_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/chart COUNTRY [COUNTRY…] [YEAR]: one country's history, or a comparison of up to 5."""
    message = update.effective_message
    assert message is not None
    words = " ".join(context.args or []).strip()
    lang = lang_of(update, words)
    if not words:
        await message.reply_text(t(lang, "chart_usage"), parse_mode=ParseMode.HTML)
        return
    pipeline: Pipeline = context.bot_data["pipeline"]
    _, understander = pipeline.current()
    codes, year, unknown = read_request(understander, words, lang)
    if not codes and not unknown:  # only a year, or only filler words
        await message.reply_text(t(lang, "chart_usage"), parse_mode=ParseMode.HTML)
        return
    if unknown:
        unclear = pipeline.candidates(unknown[:_MAX_UNKNOWN], lang)
        await message.reply_text(not_understood(unclear, lang))
        return
    if len(codes) > MAX_COUNTRIES:
        await message.reply_text(t(lang, "chart_too_many", n=MAX_COUNTRIES))
        return
    await send_chart(update, context, tuple(codes), year, lang)


async def send_chart(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    codes: tuple[str, ...],
    year: int | None,
    lang: str | None = None,
) -> None:
    """Send the chart of ``codes`` as a photo with an HTML caption crediting RSF."""
    lang = lang or lang_of(update)
    pipeline: Pipeline = context.bot_data["pipeline"]
    message = update.effective_message
    # A button under an inline message has no chat: answer in the user's private chat.
    chat_id = (update.effective_chat or update.effective_user).id  # type: ignore[union-attr]
    try:
        data = chart_data(pipeline.store.snapshot(), tuple(codes), year, lang)
    except ChartError as exc:
        reason = t(lang, exc.key, **exc.values)
        await context.bot.send_message(chat_id, plain(t(lang, "chart_cannot", reason=reason)))
        return
    text = chart_caption(data, lang)
    file_id = cached_file_id(context.bot_data, data.key)
    if file_id is not None:
        try:
            await _send(context, chat_id, message, file_id, text)
            return
        except BadRequest:  # a file_id Telegram no longer accepts: upload again
            log.info("stale chart file_id for %s", data.key, exc_info=True)
            forget_file_id(context.bot_data, data.key)
    await context.bot.send_chat_action(chat_id, ChatAction.UPLOAD_PHOTO)
    png = await png_for(pipeline, data)
    try:
        sent = await _send(context, chat_id, message, png, text)
    except Forbidden:  # the user never started the bot (pressed under an inline card)
        log.info("cannot send a chart to %s", chat_id)
        return
    if sent.photo:
        remember_file_id(context.bot_data, data.key, sent.photo[-1].file_id)


async def _send(context: ContextTypes.DEFAULT_TYPE, chat_id: int, message: Message | None,
                photo: str | bytes, text: str) -> Message:
    if message is not None:
        return await message.reply_photo(photo=photo, caption=text, parse_mode=ParseMode.HTML)
    return await context.bot.send_photo(chat_id, photo=photo, caption=text,
                                        parse_mode=ParseMode.HTML)


# --- inline mode -----------------------------------------------------------------------------


def inline_chart_result(
    bot_data: MutableMapping[str, Any], text: str, lang: str, bot_username: str
) -> InlineQueryResult | None:
    """A chart card for an inline query that asks for one ("kazakhstan chart").

    Inline results cannot upload a picture: when Telegram already has the chart (the bot
    sent it once) the card is that photo; otherwise it is a message with a button that opens
    the chart in a private chat with the bot (a ``/start chart_KAZ`` deep link).
    """
    if not chart_wanted(text):
        return None
    pipeline: Pipeline = bot_data["pipeline"]
    snapshot, understander = pipeline.current()
    query = understander.parse(_WANTED.sub(" ", text), lang)
    if not query.countries:
        return None
    try:
        data = chart_data(snapshot, query.countries[:MAX_COUNTRIES], query.year, lang)
    except ChartError:
        return None
    digest = hashlib.blake2b(repr(data.key).encode(), digest_size=16).hexdigest()
    title = "📈 " + ", ".join(c.name for c in data.countries)
    file_id = cached_file_id(bot_data, data.key)
    if file_id is not None:
        return InlineQueryResultCachedPhoto(
            id=f"chart-{digest}",
            photo_file_id=file_id,
            title=title,
            caption=chart_caption(data, lang),
            parse_mode=ParseMode.HTML,
        )
    payload = "chart_" + "_".join(c.code for c in data.countries)
    link = create_deep_linked_url(bot_username, payload)
    return InlineQueryResultArticle(
        id=f"chart-link-{digest}",
        title=title,
        description=t(lang, "chart_open"),
        input_message_content=InputTextMessageContent(  # the caption starts with the title
            chart_caption(data, lang), parse_mode=ParseMode.HTML
        ),
        reply_markup=InlineKeyboardMarkup(
            [[InlineKeyboardButton(t(lang, "chart_open"), url=link)]]
        ),
    )
