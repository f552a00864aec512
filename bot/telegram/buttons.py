"""Button presses, routed by the kind their callback data starts with (see
:mod:`bot.button_data`): a country or comparison view, and an analytical or V-Dem one (a
group's figures, a page of a band, movers, what moved, what the index means, V-Dem's
figures), replaces the message in place; a chart (of countries, of movers, V-Dem's) is
sent as a new photo.  Every
press is answered, exactly once."""

from __future__ import annotations

from telegram import CallbackQuery, Message, Update

from bot import button_data
from bot.i18n import t
from bot.telegram.context import Context, lang_of, offload
from bot.telegram.conversation import view_digest
from bot.telegram.send import edit_inline, edit_reply, send_reply

#: ``CallbackQueryHandler`` patterns, one per kind of button.
VIEW_PATTERN = r"^[pc]:"
ANALYSIS_PATTERN = r"^[abmwev]:"  # shown in place like a view: pages of a band turn so
CHART_PATTERN = r"^g[mv]?:"


async def _answer(context: Context, query: CallbackQuery, text: str | None = None) -> None:
    """Answer a press (every press must be answered, and only once)."""
    await query.answer(text)
    context.bot_data.conversation.answered(query.id)


async def _pressed(update: Update,
                   context: Context) -> tuple[CallbackQuery, Message | None, str]:
    """The press, the message it was under (None for inline messages) and the language
    that message was written in."""
    query = update.callback_query
    assert query is not None
    message = query.message if isinstance(query.message, Message) else None
    shown = context.bot_data.conversation.shown_in(message)
    lang = shown.query.lang if shown is not None else await lang_of(update, context)
    return query, message, lang


async def view(update: Update, context: Context) -> None:
    """A country or comparison button: show that view in place of the message."""
    query, message, lang = await _pressed(update, context)
    if button_data.decode(query.data or "") is None:
        await stale(update, context)
        return
    await _answer(context, query)  # at once: the spinner stops even if answering fails
    reply = await offload(context.bot_data.pipeline.press, query.data or "", lang)
    assert reply is not None  # decodable data always makes a reply
    rendered = reply.rendered
    if message is not None:
        single = len(rendered.messages) == 1
        digest = view_digest(rendered.messages[0], rendered.buttons if single else None)
        shown = context.bot_data.conversation.shown_in(message)
        if shown is not None and shown.view == digest and message.text is not None:
            return  # the same button again: the message already shows this view
        await edit_reply(context, message, reply)
    elif query.inline_message_id:
        await edit_inline(context, query.inline_message_id, rendered)


async def chart(update: Update, context: Context) -> None:
    """A chart button: the chart as a photo (under an inline message: in the private chat)."""
    query, _, lang = await _pressed(update, context)
    if button_data.decode(query.data or "") is None:
        await stale(update, context)
        return
    await _answer(context, query)
    reply = await offload(context.bot_data.pipeline.press, query.data or "", lang)
    assert reply is not None  # decodable data always makes a reply
    await send_reply(update, context, reply)


async def stale(update: Update, context: Context) -> None:
    """Any other press: a button of an older version, or forged data."""
    query = update.callback_query
    assert query is not None
    await _answer(context, query, t(await lang_of(update, context), "stale_button"))
