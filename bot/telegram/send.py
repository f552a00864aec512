"""Rendered replies → Telegram: keyboards, messages, chart photos, edits in place.

Every reply leaves through :func:`send_reply` (or :func:`edit_reply` for a button that
changes the view): the buttons always go under the last message, a chart goes as a photo
with its caption, and what was shown is remembered for follow-ups.
"""

from __future__ import annotations

import logging

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatAction
from telegram.error import BadRequest, Forbidden

from bot.pipeline import Reply
from bot.render import Button, Rendered
from bot.telegram.context import Context, in_group, offload

log = logging.getLogger(__name__)


def keyboard(rows: list[list[Button]]) -> InlineKeyboardMarkup | None:
    """Render's buttons as an inline keyboard (None when there are none)."""
    built = [[InlineKeyboardButton(b.text, callback_data=b.data) for b in row] for row in rows]
    built = [row for row in built if row]
    return InlineKeyboardMarkup(built) if built else None


async def say(message: Message, text: str) -> Message:
    """A one-message answer (HTML) to ``message``."""
    return await message.reply_text(text)


async def send_messages(
    context: Context, chat_id: int, rendered: Rendered, reply_to: Message | None = None,
    quote: bool = False,
) -> list[Message]:
    """Send every message of a reply to a chat, the buttons under the last one."""
    sent: list[Message] = []
    last = len(rendered.messages) - 1
    for index, text in enumerate(rendered.messages):
        markup = keyboard(rendered.buttons) if index == last else None
        if reply_to is not None:
            sent.append(await reply_to.reply_text(
                text, reply_markup=markup, do_quote=quote and index == 0))
        else:
            sent.append(await context.bot.send_message(chat_id, text, reply_markup=markup))
    return sent


async def send_reply(update: Update, context: Context, reply: Reply,
                     quote: bool | None = None) -> None:
    """Answer the update's message with a reply and remember what it shows.  In groups it
    quotes the message it answers (several conversations may run at once there)."""
    message = update.effective_message
    # A button under an inline message has no chat: answer in the user's private chat.
    chat = update.effective_chat or update.effective_user
    assert chat is not None
    quote = in_group(update) if quote is None else quote
    if reply.rendered.chart is not None:
        sent = await send_chart(context, chat.id, reply, message, quote)
    else:
        sent = await send_messages(context, chat.id, reply.rendered, message, quote)
    context.bot_data.conversation.remember(sent, reply.query, reply.rendered)


async def send_chart(context: Context, chat_id: int, reply: Reply, reply_to: Message | None,
                     quote: bool = False) -> list[Message]:
    """A chart reply as a photo with its caption: the picture Telegram already has when it
    has it (its file_id), else drawn in a worker thread and uploaded once."""
    data = reply.rendered.chart
    assert data is not None
    caption = reply.rendered.messages[0]
    markup = keyboard(reply.rendered.buttons)
    files = context.bot_data.chart_files
    file_id = files.get(data.key)
    if file_id is not None:
        try:
            return [await _photo(context, chat_id, reply_to, file_id, caption, markup, quote)]
        except BadRequest:  # a file_id Telegram no longer accepts: upload again
            log.info("stale chart file_id for %s", data.key, exc_info=True)
            files.pop(data.key)
    await context.bot.send_chat_action(chat_id, ChatAction.UPLOAD_PHOTO)
    png = await offload(context.bot_data.pipeline.chart_png, data)
    try:
        sent = await _photo(context, chat_id, reply_to, png, caption, markup, quote)
    except Forbidden:  # the user never started the bot (pressed under an inline card)
        log.info("cannot send a chart to %s", chat_id)
        return []
    if sent.photo:
        files.put(data.key, sent.photo[-1].file_id)
    return [sent]


async def _photo(context: Context, chat_id: int, reply_to: Message | None, photo: str | bytes,
                 caption: str, markup: InlineKeyboardMarkup | None, quote: bool) -> Message:
    if reply_to is not None:
        return await reply_to.reply_photo(photo=photo, caption=caption, reply_markup=markup,
                                          do_quote=quote)
    return await context.bot.send_photo(chat_id, photo=photo, caption=caption,
                                        reply_markup=markup)


async def edit_reply(context: Context, message: Message, reply: Reply) -> None:
    """Show another view in place of ``message`` (a button press) and remember it.

    A view longer than one message replaces the pressed message with its first part and
    sends the rest below, buttons under the last.  A pressed photo (a chart) has no text to
    replace: the view is sent as new messages.  Pressing a button that would change nothing
    is not an error for the user, so Telegram's "not modified" is ignored.
    """
    rendered = reply.rendered
    if message.text is None:
        sent = await send_messages(context, message.chat_id, rendered, message)
        context.bot_data.conversation.remember(sent, reply.query, rendered)
        return
    single = len(rendered.messages) == 1
    try:
        await message.edit_text(rendered.messages[0],
                                reply_markup=keyboard(rendered.buttons) if single else None)
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():
            raise
        log.debug("button pressed on an identical view: nothing to edit")
    sent = [message]
    if not single:
        rest = Rendered(rendered.messages[1:], rendered.buttons, rendered.title,
                        rendered.description)
        sent += await send_messages(context, message.chat_id, rest, message)
    context.bot_data.conversation.remember(sent, reply.query, rendered)


async def edit_inline(context: Context, inline_message_id: str, rendered: Rendered) -> None:
    """A message sent through inline mode has no chat of ours: edit it by its id."""
    try:
        await context.bot.edit_message_text(
            rendered.messages[0],
            inline_message_id=inline_message_id,
            reply_markup=keyboard(rendered.buttons),
        )
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():
            raise
