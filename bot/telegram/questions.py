"""Questions: text in private chats, replies and mentions in groups, and the commands that
ask something (/start, /help, /country, /compare, /top, /bottom, /chart, /topics, /about).

Each handler turns an update into text and context, hands it to the pipeline in a worker
thread and sends what it rendered; nothing here knows how questions are understood.
"""

from __future__ import annotations

import re

from telegram import Update
from telegram.constants import ChatType

from bot.i18n import t
from bot.query import Query
from bot.telegram.context import Context, chat_lang, in_group, lang_of, offload, user_lang
from bot.telegram.send import say, send_reply


async def ask(update: Update, context: Context, text: str, follows: Query | None = None) -> None:
    """Answer ``text`` as a question from this update's user (``follows``: the query behind
    the answer it follows up on)."""
    pipeline = context.bot_data.pipeline
    chosen = await chat_lang(update, context)
    reply = await offload(pipeline.ask, text, user_lang(update), follows, chosen=chosen)
    await send_reply(update, context, reply)


async def private_text(update: Update, context: Context) -> None:
    """Every text in a private chat is a question; a private chat is one conversation, so
    without an explicit reply it follows up on the bot's last answer ("in 2023?")."""
    message = update.effective_message
    assert message is not None and message.text is not None
    memory = context.bot_data.conversation
    follows = memory.recalled(message.reply_to_message) or memory.last_query(message.chat_id)
    await ask(update, context, message.text, follows)


async def group_reply(update: Update, context: Context) -> None:
    """In groups only replies to the bot (or mentions of it) are questions; the rest is
    chatter between people and gets silence."""
    message = update.effective_message
    assert message is not None and message.text is not None
    mention = f"@{context.bot.username}".lower()
    text = message.text
    replied = message.reply_to_message
    to_us = replied is not None and replied.from_user is not None and (
        replied.from_user.id == context.bot.id
    )
    if not to_us and mention not in text.lower():
        return
    text = re.sub(re.escape(mention), " ", text, flags=re.I).strip()
    if not text:
        return
    follows = context.bot_data.conversation.recalled(replied) if to_us else None
    await ask(update, context, text, follows)


async def command(update: Update, context: Context) -> None:
    """/country, /compare, /top, /bottom and /chart: the command and its words are one
    question (understanding reads what each command implies)."""
    message = update.effective_message
    assert message is not None and message.text is not None
    await ask(update, context, message.text)


async def start(update: Update, context: Context) -> None:
    """/start, with a deep-link payload answered directly (anything else: the greeting)."""
    payload = " ".join(context.args or []).strip()
    if payload:
        lang = await lang_of(update, context)
        reply = await offload(context.bot_data.pipeline.deep_link, payload, lang)
        if reply is not None:
            await send_reply(update, context, reply)
            return
    await help_command(update, context)


async def help_command(update: Update, context: Context) -> None:
    """/help: examples; in groups also how privacy mode and inline mode work."""
    group_bot = (context.bot.username or "") if in_group(update) else None
    lang = await lang_of(update, context)
    reply = await offload(context.bot_data.pipeline.help, lang, group_bot)
    await send_reply(update, context, reply)


async def topics(update: Update, context: Context) -> None:
    """/topics: what can be asked about."""
    assert update.effective_message is not None
    lang = await lang_of(update, context)
    await say(update.effective_message, context.bot_data.pipeline.topics(lang))


async def about(update: Update, context: Context) -> None:
    """/about: the source, the method in brief, the scales and the credits."""
    assert update.effective_message is not None
    text = await offload(context.bot_data.pipeline.about, await lang_of(update, context))
    await say(update.effective_message, text)


async def attachment(update: Update, context: Context) -> None:
    """A document, photo, sticker … in a private chat: the bot reads text, and says so as
    it does to any message it cannot place (operators' files never get here)."""
    assert update.effective_message is not None
    await say(update.effective_message, t(await lang_of(update, context), "none"))


async def unknown_command(update: Update, context: Context) -> None:
    """An unknown command in a private chat (groups: only when addressed to us)."""
    message = update.effective_message
    assert message is not None and message.text is not None
    name = message.text.split()[0]
    addressee = name.split("@", 1)[1].lower() if "@" in name else None
    if addressee is not None and addressee != (context.bot.username or "").lower():
        return  # addressed to another bot
    chat = update.effective_chat
    if chat is not None and chat.type != ChatType.PRIVATE and addressee is None:
        return  # a bare /cmd in a group may be for another bot
    await say(message, t(await lang_of(update, context), "unknown_command"))
