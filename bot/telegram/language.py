"""/language: the chat's interface language, chosen from a keyboard of the fifteen (each
named in itself) or "automatic" (each question answered in the language it is written
in), or named outright: ``/language fr``, ``/language auto``.

In a private chat anyone chooses; in a group only administrators (a button pressed by
anyone else gets a polite refusal).  The choice is kept in SQLite through the pipeline,
written on the writer thread, and outlives restarts and data imports.
"""

from __future__ import annotations

import time

from telegram import CallbackQuery, Message, Update
from telegram.error import BadRequest

from bot import button_data
from bot.i18n import LANGS, base_lang, reply_lang, t
from bot.telegram.context import (
    Context,
    lang_of,
    may_change_chat,
    offload,
    offload_write,
    user_lang,
)
from bot.telegram.send import keyboard, say

#: ``CallbackQueryHandler`` pattern of the menu's buttons.
PATTERN = rf"^{button_data.LANGUAGE_PREFIX}"


async def command(update: Update, context: Context) -> None:
    """/language [CODE|auto]: the menu, or the language named (a code, "pt-br", "auto")."""
    message, chat = update.effective_message, update.effective_chat
    assert message is not None and chat is not None
    asked_at = time.monotonic()
    lang = await lang_of(update, context)
    if not await may_change_chat(update, context):
        await say(message, t(lang, "language_admins_only"))
        return
    word = " ".join(context.args or []).strip().lower()
    pipeline = context.bot_data.pipeline
    if word in (button_data.AUTO, "automatic"):
        await say(message, await offload_write(pipeline.set_chat_lang, chat.id, None,
                                               _automatic(update), asked_at))
        return
    named = base_lang(word) if word else None
    if named is not None and word.replace("_", "-").split("-")[0] in LANGS:
        await say(message, await offload_write(pipeline.set_chat_lang, chat.id, named, lang,
                                               asked_at))
        return
    menu = await offload(pipeline.language_menu, chat.id, lang)
    await message.reply_text(menu.messages[0], reply_markup=keyboard(menu.buttons))


def _automatic(update: Update) -> str:
    """The language a chat set back to automatic is answered in when a message shows none
    of its own: the user's Telegram language, as the confirmation is."""
    return reply_lang(user_code=user_lang(update))


async def pressed(update: Update, context: Context) -> None:
    """A language button: keep it for the chat and say so in place of the menu."""
    query = update.callback_query
    assert query is not None
    asked_at = time.monotonic()
    valid, chosen = button_data.decode_language(query.data or "", LANGS)
    message = query.message if isinstance(query.message, Message) else None
    chat = update.effective_chat
    lang = await lang_of(update, context)
    if not valid or message is None or chat is None:
        await _answer(context, query, t(lang, "stale_button"))
        return
    if not await may_change_chat(update, context):
        await _answer(context, query, t(lang, "language_admins_only"), alert=True)
        return
    await _answer(context, query)
    pipeline = context.bot_data.pipeline
    text = await offload_write(pipeline.set_chat_lang, chat.id, chosen,
                               lang if chosen else _automatic(update), asked_at)
    try:
        await message.edit_text(text)
    except BadRequest as exc:  # pressed twice: the message already says so
        if "not modified" not in str(exc).lower():
            raise


async def _answer(context: Context, query: CallbackQuery, text: str | None = None,
                  alert: bool = False) -> None:
    await query.answer(text, show_alert=alert)
    context.bot_data.conversation.answered(query.id)
