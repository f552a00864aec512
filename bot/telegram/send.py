"""Rendered replies → Telegram messages: keyboards, sending, editing in place."""

from __future__ import annotations

import logging

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram.error import BadRequest

from bot.render import Button, Rendered

log = logging.getLogger(__name__)

def keyboard(rows: list[list[Button]]) -> InlineKeyboardMarkup | None:
    """Render's buttons as an inline keyboard (None when there are none)."""
    built = [[InlineKeyboardButton(b.text, callback_data=b.data) for b in row] for row in rows]
    built = [row for row in built if row]
    return InlineKeyboardMarkup(built) if built else None


async def say(message: Message, text: str) -> Message:
    """A one-message answer (HTML) to ``message``; quoted in groups, not in private chats."""
    return await message.reply_text(text)


async def reply_with(message: Message, rendered: Rendered, quote: bool = False) -> list[Message]:
    """Send every message of a reply; the buttons go under the last one.  Returns them."""
    sent: list[Message] = []
    last = len(rendered.messages) - 1
    for index, text in enumerate(rendered.messages):
        markup = keyboard(rendered.buttons) if index == last else None
        sent.append(
            await message.reply_text(text, reply_markup=markup, do_quote=quote and index == 0)
        )
    return sent


async def edit_with(message: Message, rendered: Rendered) -> list[Message]:
    """Show another view in place of ``message`` (a button press); returns the messages
    that now show it.

    A view longer than one message replaces the pressed message with its first part and
    sends the rest below, buttons under the last.  A pressed photo (a chart) has no text to
    replace: the view is sent as new messages.  Pressing a button that would change nothing
    is not an error for the user, so Telegram's "not modified" is ignored.
    """
    if message.text is None:
        return await reply_with(message, rendered)
    single = len(rendered.messages) == 1
    markup = keyboard(rendered.buttons) if single else None
    try:
        await message.edit_text(rendered.messages[0], reply_markup=markup)
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():
            raise
        log.debug("button pressed on an identical view: nothing to edit")
    if single:
        return [message]
    rest = Rendered(rendered.messages[1:], rendered.buttons, rendered.title, rendered.description)
    return [message, *await reply_with(message, rest)]
