"""What every handler shares: the typed ``bot_data``, the context type, and the few facts
about an update all of them need (the reader's language, whether it is a group).

``ContextTypes(bot_data=BotData)`` makes ``context.bot_data`` a :class:`BotData`, so
``context.bot_data.pipeline`` is checked by mypy instead of read by string key.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, ParamSpec, TypeVar

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot

from bot.cache import LRU
from bot.charts.data import PictureKey
from bot.i18n import reply_lang
from bot.pipeline import Pipeline
from bot.settings import Settings
from bot.telegram.cards import InlineCards
from bot.telegram.conversation import Conversation
from bot.telegram.pending import Pastes, PendingFiles

P = ParamSpec("P")
T = TypeVar("T")

#: Remembered photos of charts Telegram already has (a file_id is ~90 bytes).
CHART_FILE_IDS = 1024


class BotData:
    """The services every handler uses; python-telegram-bot creates it empty, and
    :meth:`setup` fills it before the first update."""

    def __init__(self) -> None:
        self._pipeline: Pipeline | None = None
        self._settings: Settings | None = None
        self._inline: InlineCards | None = None
        self._conversation: Conversation | None = None
        # One delivery of release alerts at a time: two would both send what is pending.
        self.alerts_lock = asyncio.Lock()
        # Charts Telegram keeps: a file_id per chart, so each is uploaded once per data version.
        self.chart_files: LRU[PictureKey, str] = LRU(CHART_FILE_IDS)
        # Operators' files waiting for Import or Cancel, and pages being pasted.
        self.pending = PendingFiles()
        self.pastes = Pastes()

    def setup(self, pipeline: Pipeline, settings: Settings) -> None:
        self._pipeline = pipeline
        self._settings = settings
        self._inline = InlineCards(pipeline)
        self._conversation = Conversation(settings.conversation_memory)
        self.chart_files = pipeline.cache(CHART_FILE_IDS)

    @property
    def pipeline(self) -> Pipeline:
        assert self._pipeline is not None, "BotData.setup was not called"
        return self._pipeline

    @property
    def settings(self) -> Settings:
        assert self._settings is not None, "BotData.setup was not called"
        return self._settings

    @property
    def inline(self) -> InlineCards:
        assert self._inline is not None, "BotData.setup was not called"
        return self._inline

    @property
    def conversation(self) -> Conversation:
        assert self._conversation is not None, "BotData.setup was not called"
        return self._conversation


Context = CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]
CONTEXT_TYPES = ContextTypes(bot_data=BotData)
#: The Application as built by :func:`bot.telegram.app.build_application` (the bot and job
#: queue types python-telegram-bot's builder infers are left open).
App = Application[Any, Context, dict[Any, Any], dict[Any, Any], BotData, Any]


async def offload(func: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Run blocking work (anything that may touch SQLite or draw) in a worker thread, so the
    event loop keeps answering while the database is busy."""
    return await asyncio.to_thread(func, *args, **kwargs)


#: The one thread writes run on.  Writes wait for SQLite's single write lock, which
#: another process (an import) may hold for minutes: queued on a thread of their own, they
#: never take the threads questions are answered on.
_WRITER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pressbot-writes")


async def offload_write(func: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Run work that writes to the database on the writer thread."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_WRITER, functools.partial(func, *args, **kwargs))


def user_lang(update: Update) -> str | None:
    """The Telegram user's language code ("ru", "pt-br"), if the client sent one: the hint
    understanding weighs against the language of the question itself."""
    user = update.effective_user
    return user.language_code if user else None


async def chat_lang(update: Update, context: Context) -> str | None:
    """The language this update's chat chose with /language (None: automatic)."""
    chat = update.effective_chat
    if chat is None:
        return None
    pipeline = context.bot_data.pipeline
    known, lang = pipeline.remembered_chat_lang(chat.id)
    if known:
        return lang  # the usual case: no thread, no database
    return await offload(pipeline.chat_lang, chat.id)


async def lang_of(update: Update, context: Context, text: str = "") -> str:
    """The interface language for a reply to this update that answers no question (help,
    a command's confirmation, an error): the language ``text`` (a command's words) is
    written in, else the chat's choice, else the user's Telegram language, else English —
    the rule questions follow (:mod:`bot.i18n.choice`)."""
    chosen = await chat_lang(update, context)
    if text.strip():
        return await offload(context.bot_data.pipeline.language, text, user_lang(update),
                             chosen)
    return reply_lang(chosen=chosen, user_code=user_lang(update))


def lang_now(update: Update, context: Context) -> str:
    """:func:`lang_of` without waiting for anything (the error handler's apology): the
    chat's choice only if already known."""
    chat = update.effective_chat
    chosen = (context.bot_data.pipeline.remembered_chat_lang(chat.id)[1]
              if chat is not None else None)
    return reply_lang(chosen=chosen, user_code=user_lang(update))


async def may_change_chat(update: Update, context: Context) -> bool:
    """Whether this update's user may change the chat's settings (subscriptions, its
    language): anyone in a private chat, only administrators in a group."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None or chat.type == ChatType.PRIVATE:
        return True
    message = update.effective_message
    if message is not None and message.sender_chat is not None:
        return message.sender_chat.id == chat.id  # an anonymous administrator of this group
    member = await context.bot.get_chat_member(chat.id, user.id)
    return member.status in (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER)


def in_group(update: Update) -> bool:
    chat = update.effective_chat
    return chat is not None and chat.type != ChatType.PRIVATE
