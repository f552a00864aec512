"""Conversation handlers: questions, commands, deep links, buttons.

Each callback turns an Update into text and context, asks the shared pipeline and sends
what ``render`` produced; nothing here knows how questions are understood or answered.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import Any

from telegram import CallbackQuery, Message, Update
from telegram.constants import ChatType
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot import callbacks, render
from bot.i18n import pick_lang, t
from bot.pipeline import Pipeline, Reply
from bot.query import Query, Ranking
from bot.render import Button, Rendered
from bot.telegram.send import edit_with, keyboard, reply_with, say

#: How many of the bot's recent messages (all chats together) remember the question
#: behind them: bounded, so memory does not grow with the number of chats (~3 MB).
CONTEXT_MEMORY = 10_000
#: How many answered callback query ids are remembered (for the error handler).
ANSWERED_MEMORY = 1000


def pipeline_of(context: ContextTypes.DEFAULT_TYPE) -> Pipeline:
    pipeline: Pipeline = context.bot_data["pipeline"]
    return pipeline


def lang_of(update: Update, text: str = "") -> str:
    user = update.effective_user
    return pick_lang(user.language_code if user else None, text)


@dataclass(frozen=True, slots=True)
class Shown:
    """What one of the bot's messages shows: the query behind it and a digest of its text
    and buttons (pressing a button for the view already shown then edits nothing)."""

    query: Query
    view: str


def view_digest(text: str, buttons: list[list[Button]] | None) -> str:
    return hashlib.blake2b(repr((text, buttons or [])).encode(), digest_size=12).hexdigest()


def remember(context: ContextTypes.DEFAULT_TYPE, sent: list[Message], reply: Reply) -> None:
    """Keep the query behind each sent message so a reply to any of them continues the
    conversation, and what each shows."""
    memory: OrderedDict[tuple[int, int], Shown] = context.bot_data.setdefault(
        "shown", OrderedDict()
    )
    last = len(sent) - 1
    # ``sent[i]`` shows ``messages[i]``; the buttons are under the last one.
    for index, (message, text) in enumerate(zip(sent, reply.rendered.messages, strict=False)):
        buttons = reply.rendered.buttons if index == last else None
        key = (message.chat_id, message.message_id)
        memory[key] = Shown(reply.query, view_digest(text, buttons))
        memory.move_to_end(key)
    # The last answer per chat, bounded like the rest: memory must not grow with the
    # number of chats the bot has ever talked to.
    latest: OrderedDict[int, Query] = context.bot_data.setdefault("last_query", OrderedDict())
    if sent:
        latest[sent[0].chat_id] = reply.query
        latest.move_to_end(sent[0].chat_id)
        while len(latest) > CONTEXT_MEMORY:
            latest.popitem(last=False)
    while len(memory) > CONTEXT_MEMORY:
        memory.popitem(last=False)


def shown_in(context: ContextTypes.DEFAULT_TYPE, message: Message | None) -> Shown | None:
    if message is None:
        return None
    memory: OrderedDict[tuple[int, int], Shown] | None = context.bot_data.get("shown")
    return memory.get((message.chat_id, message.message_id)) if memory else None


def last_query(context: ContextTypes.DEFAULT_TYPE, chat_id: int) -> Query | None:
    """The query behind the bot's last answer in a chat."""
    last: OrderedDict[int, Query] | None = context.bot_data.get("last_query")
    return last.get(chat_id) if last else None


def recalled(context: ContextTypes.DEFAULT_TYPE, message: Message | None) -> Query | None:
    shown = shown_in(context, message)
    return shown.query if shown else None


async def answer_callback(
    context: ContextTypes.DEFAULT_TYPE, query: CallbackQuery, text: str | None = None
) -> None:
    """Answer a button press (every press must be answered, and only once)."""
    await query.answer(text)
    answered: OrderedDict[str, None] = context.bot_data.setdefault(
        "answered_callbacks", OrderedDict()
    )
    answered[query.id] = None
    while len(answered) > ANSWERED_MEMORY:
        answered.popitem(last=False)


def was_answered(context: ContextTypes.DEFAULT_TYPE, query_id: str) -> bool:
    answered: dict[str, Any] = context.bot_data.get("answered_callbacks", {})
    return query_id in answered


async def send_reply(
    update: Update, context: ContextTypes.DEFAULT_TYPE, reply: Reply, quote: bool | None = None
) -> None:
    """Send a reply and remember what it shows.  In groups it quotes the message it answers
    (several conversations may run at once there); in private chats it does not."""
    message = update.effective_message
    assert message is not None
    quote = in_group(update) if quote is None else quote
    remember(context, await reply_with(message, reply.rendered, quote=quote), reply)


def in_group(update: Update) -> bool:
    chat = update.effective_chat
    return chat is not None and chat.type != ChatType.PRIVATE


async def ask(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    text: str,
    context_query: Query | None = None,
) -> None:
    """Answer ``text`` as a question from this update's user."""
    reply = pipeline_of(context).ask(text, lang=lang_of(update, text), context=context_query)
    await send_reply(update, context, reply)


# --- messages -------------------------------------------------------------------------------


async def private_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Every text in a private chat is a question; a reply to the bot continues its topic."""
    message = update.effective_message
    assert message is not None and message.text is not None
    # A private chat is one conversation: without an explicit reply, the follow-up is to
    # the bot's last answer ("in 2023?" after "Kazakhstan").
    previous = recalled(context, message.reply_to_message) or last_query(context, message.chat_id)
    await ask(update, context, message.text, previous)


async def group_reply(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
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
    await ask(update, context, text, recalled(context, replied) if to_us else None)


# --- commands -------------------------------------------------------------------------------


def _args(context: ContextTypes.DEFAULT_TYPE) -> str:
    return " ".join(context.args or []).strip()


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/start, with a deep-link payload answered directly (anything else: the greeting).

    ``chart_KAZ`` (from an inline chart card) sends the chart itself."""
    lang = lang_of(update)
    link = callbacks.deep_link(_args(context))
    if link is not None:
        pipeline = pipeline_of(context)
        codes = _known_codes(link.codes, pipeline)
        if codes:
            if link.kind == "chart":
                from bot.telegram.charts import send_chart

                await send_chart(update, context, codes, link.year, lang)
                return
            query = replace(link, codes=codes).to_query(lang)  # compare when several
            await send_reply(update, context, pipeline.reply(query))
            return
    await help_command(update, context)


def _known_codes(codes: tuple[str, ...], pipeline: Pipeline) -> tuple[str, ...]:
    """RSF codes for a deep link's codes (``KZ`` → ``KAZ``); empty if any is unknown."""
    snapshot, understander = pipeline.current()
    resolved = []
    for code in codes:
        if code not in snapshot.countries:
            found = understander.parse(code, "en").countries
            code = found[0] if len(found) == 1 else code
        if code not in snapshot.countries:
            return ()
        resolved.append(code)
    return tuple(dict.fromkeys(resolved))


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/help: examples; in groups also how privacy mode and inline mode work."""
    assert update.effective_message is not None and update.effective_chat is not None
    lang = lang_of(update)
    reply = pipeline_of(context).reply(Query(text="/help", intent="help", lang=lang))
    rendered = reply.rendered
    if in_group(update):
        extra = render.group_help(context.bot.username or "", lang)
        rendered = replace(rendered, messages=[rendered.messages[0] + "\n\n" + extra])
    await reply_with(update.effective_message, rendered, quote=in_group(update))


async def country(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/country NAME [topic] [year]."""
    text = _args(context)
    if not text:
        await _usage(update, "usage_country")
        return
    await ask(update, context, text)


async def compare(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/compare A, B[, C]."""
    text = _args(context)
    if not text:
        await _usage(update, "usage_compare")
        return
    lang = lang_of(update, text)
    pipeline = pipeline_of(context)
    _, understander = pipeline.current()
    query = understander.parse(text, lang)
    if len(query.countries) < 2:
        await _usage(update, "usage_compare")
        return
    await send_reply(update, context, pipeline.reply(replace(query, intent="compare")))


async def top(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/top [N] [region or indicator]."""
    await _ranking(update, context, "top")


async def bottom(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/bottom [N] [region or indicator]."""
    await _ranking(update, context, "bottom")


async def _ranking(update: Update, context: ContextTypes.DEFAULT_TYPE, order: str) -> None:
    text = _args(context)
    lang = lang_of(update, text)
    pipeline = pipeline_of(context)
    _, understander = pipeline.current()
    parsed = understander.parse(f"{order} {text}".strip(), lang)
    spec = replace(parsed.ranking or Ranking(), order="top" if order == "top" else "bottom",
                   position=None)
    query = replace(parsed, intent="ranking", ranking=spec, countries=())
    await send_reply(update, context, pipeline.reply(query))


async def topics(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/topics: what can be asked about."""
    assert update.effective_message is not None
    await say(update.effective_message, render.topics(lang_of(update)))


async def about(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/about: the source, the method in brief, the scales and the credits."""
    assert update.effective_message is not None
    years = pipeline_of(context).store.snapshot().years
    await say(update.effective_message, render.about(years, lang_of(update)))


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An unknown command in a private chat (groups: only when addressed to us)."""
    message = update.effective_message
    assert message is not None and message.text is not None
    command = message.text.split()[0]
    addressee = command.split("@", 1)[1].lower() if "@" in command else None
    if addressee is not None and addressee != (context.bot.username or "").lower():
        return  # addressed to another bot
    chat = update.effective_chat
    if chat is not None and chat.type != ChatType.PRIVATE and addressee is None:
        return  # a bare /cmd in a group may be for another bot
    await say(message, t(lang_of(update), "unknown_command"))


async def _usage(update: Update, key: str) -> None:
    assert update.effective_message is not None
    await say(update.effective_message, t(lang_of(update), key))


# --- buttons --------------------------------------------------------------------------------


async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A press on one of our buttons: show that view in place of the message."""
    query = update.callback_query
    assert query is not None
    pressed = callbacks.decode(query.data or "")
    if pressed is None:
        await answer_callback(context, query, t(lang_of(update), "stale_button"))
        return
    await answer_callback(context, query)
    message = query.message if isinstance(query.message, Message) else None
    previous = shown_in(context, message)
    lang = previous.query.lang if previous is not None else lang_of(update)
    if pressed.kind == "chart":
        from bot.telegram.charts import send_chart

        await send_chart(update, context, pressed.codes, pressed.year, lang)
        return
    reply = pipeline_of(context).reply(pressed.to_query(lang))
    rendered = reply.rendered
    if message is not None:
        single = len(rendered.messages) == 1
        view = view_digest(rendered.messages[0], rendered.buttons if single else None)
        if previous is not None and previous.view == view and message.text is not None:
            return  # the same button again: the message already shows this view
        remember(context, await edit_with(message, rendered), reply)
    elif query.inline_message_id:
        await _edit_inline(context, query.inline_message_id, rendered)


async def _edit_inline(
    context: ContextTypes.DEFAULT_TYPE, inline_message_id: str, rendered: Rendered
) -> None:
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
