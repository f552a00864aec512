"""Inline mode: ``@bot kazakhstan`` in any chat offers ready-to-send answer cards."""

from __future__ import annotations

from telegram import Update

from bot.telegram.context import Context, offload

#: Seconds Telegram's servers may keep our answer to the same query text.  Short, so that
#: after an import nobody gets cards with the old figures for longer than the bot itself
#: takes to notice the new data.
CACHE_TIME = 5


async def inline_query(update: Update, context: Context) -> None:
    """Answer an inline query from the card cache; Telegram paginates past 50."""
    query = update.inline_query
    assert query is not None
    # No chat of ours: the question's language, else the user's (bot.i18n.choice).
    code = query.from_user.language_code if query.from_user else None
    lang = await offload(context.bot_data.pipeline.language, query.query, code)
    inline = context.bot_data.inline
    replies = await offload(inline.replies, query.query, lang)
    results = inline.cards(replies, lang, context.bot.username, context.bot_data.chart_files)
    await query.answer(results, cache_time=CACHE_TIME, auto_pagination=True)
