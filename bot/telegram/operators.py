"""Operators update the data from Telegram: send a file, see what it changes, confirm or
cancel; paste a profile page after ``/import``; take the last change back with ``/undo``.

Only for the user ids in ``PRESSBOT_ADMINS``, in private chats: the handlers are
registered with the operators' user filter (:mod:`.admin`), so anyone else's document gets
the ordinary reply (:func:`bot.telegram.questions.attachment`) and these commands do not
exist for them.  A button pressed by anyone else is an out-of-date button.

A document is downloaded with getFile (Telegram lets bots download up to 20 MB) into a
private folder (:mod:`.pending`) and checked by the pipeline exactly as an import checks
it, then rolled back; the operator sees what it would change with Import and Cancel under
it.  Every step that touches the database runs on the writer thread, never on the event
loop.  A refused file gets ``file:line:column: reason`` and nothing changes.

A document's caption may say ``--force`` (a year after a gap) and ``--country CODE`` (whose
profile page), as on the command line.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest, TelegramError
from telegram.ext import filters

from bot.changes import Actor
from bot.i18n import t
from bot.telegram.buttons import stale
from bot.telegram.context import Context, lang_of, offload, offload_write
from bot.telegram.pending import Waiting, safe_name

log = logging.getLogger(__name__)

#: The Bot API server's limit for files a bot downloads (getFile): 20 MiB.
MOST_DOWNLOADED = 20 << 20

#: Seconds a download may take to arrive.
DOWNLOAD_WAIT = 120.0

#: ``CallbackQueryHandler`` patterns: ``imp:KEY:y|n`` a waiting file, ``undo:ID:y|n`` the
#: confirmation of an undo.
IMPORT_PATTERN = r"^imp:"
UNDO_PATTERN = r"^undo:"
_PRESS = re.compile(r"(imp):([A-Za-z0-9_-]{1,16}):([yn])|(undo):([0-9]{1,12}):([yn])")


def _actor(update: Update) -> Actor:
    assert update.effective_user is not None
    return Actor.telegram(update.effective_user.id)


def _options(caption: str | None) -> tuple[str | None, bool]:
    """``--country CODE`` and ``--force`` from a document's caption."""
    words = (caption or "").split()
    country = None
    if "--country" in words[:-1]:
        country = words[words.index("--country") + 1].upper()
    return country, "--force" in words


def _buttons(kind: str, key: str, lang: str, go: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[
        InlineKeyboardButton(t(lang, go), callback_data=f"{kind}:{key}:y"),
        InlineKeyboardButton(t(lang, "op_cancel"), callback_data=f"{kind}:{key}:n"),
    ]])


# --- a file sent, or a page pasted ----------------------------------------------------------


async def document(update: Update, context: Context) -> None:
    """An operator's document: downloaded, checked, its dry run shown with Import/Cancel."""
    message = update.effective_message
    assert message is not None and message.document is not None
    lang = await lang_of(update, context)
    sent = message.document
    if sent.file_size is not None and sent.file_size > MOST_DOWNLOADED:
        await message.reply_text(t(lang, "op_too_big", size=_megabytes(sent.file_size)))
        return
    waiting = context.bot_data.pending.new(message.chat_id, sent.file_name)
    try:
        file = await context.bot.get_file(sent.file_id)
        if file.file_size is not None and file.file_size > MOST_DOWNLOADED:
            raise BadRequest("file is too big")
        # Up to 20 MB from Telegram's file servers: more than the 5 s a call may take.
        await file.download_to_drive(waiting.path, read_timeout=DOWNLOAD_WAIT)
    except TelegramError as exc:
        context.bot_data.pending.drop(waiting)
        log.warning("an operator's file could not be downloaded: %s", exc)
        reason = str(exc)
        text = (t(lang, "op_too_big", size=_megabytes(sent.file_size or 0))
                if "too big" in reason.lower()
                else t(lang, "op_no_download", reason=html.escape(reason)))
        await message.reply_text(text)
        return
    waiting.country, waiting.force = _options(message.caption)
    await _preview(update, context, message, waiting)


def _megabytes(size: int) -> str:
    return f"{size / 2**20:.1f}"


async def _preview(update: Update, context: Context, message: Message,
                   waiting: Waiting) -> None:
    """The dry run of a waiting file; Import and Cancel under it when it may be imported."""
    lang = await lang_of(update, context)
    try:
        reply = await offload_write(context.bot_data.pipeline.preview_import, waiting.path,
                                    _actor(update), lang, country=waiting.country,
                                    force=waiting.force)
    except BaseException:  # a bug: the error handler apologises; the file goes now
        context.bot_data.pending.drop(waiting)
        raise
    if not reply.ready:
        context.bot_data.pending.drop(waiting)
        await message.reply_text(reply.text)
        return
    context.bot_data.pending.hold(waiting)
    await message.reply_text(reply.text,
                             reply_markup=_buttons("imp", waiting.key, lang, "op_import"))


async def import_command(update: Update, context: Context) -> None:
    """/import: the next messages are a profile page being pasted, until /done (text after
    the command is its first part)."""
    message = update.effective_message
    assert message is not None and message.text is not None
    context.bot_data.pastes.start(message.chat_id)
    first = re.sub(r"^/\S+\s?", "", message.text, count=1)
    if first.strip():
        await pasted(update, context, first)
        return
    await message.reply_text(t(await lang_of(update, context), "op_paste"))


async def pasted(update: Update, context: Context, text: str | None = None) -> None:
    """A part of the page being pasted."""
    message = update.effective_message
    assert message is not None and message.text is not None
    lang = await lang_of(update, context)
    paste = context.bot_data.pastes.add(message.chat_id, text or message.text)
    if paste is None:
        await message.reply_text(t(lang, "op_paste_too_long"))
        return
    await message.reply_text(t(lang, "op_paste_part", n=len(paste.parts),
                               chars=f"{sum(len(part) for part in paste.parts):,}"))


async def done(update: Update, context: Context) -> None:
    """/done: the pasted page is complete: checked like a file sent."""
    message = update.effective_message
    assert message is not None
    text = context.bot_data.pastes.finish(message.chat_id)
    if not (text or "").strip():
        await message.reply_text(t(await lang_of(update, context), "op_paste_empty"))
        return
    assert text is not None
    waiting = context.bot_data.pending.new(message.chat_id, safe_name("pasted.txt"))
    await offload(waiting.path.write_text, text, encoding="utf-8")
    await _preview(update, context, message, waiting)


async def cancel(update: Update, context: Context) -> None:
    """/cancel: stop pasting."""
    message = update.effective_message
    assert message is not None
    stopped = context.bot_data.pastes.cancel(message.chat_id)
    await message.reply_text(t(await lang_of(update, context),
                               "op_paste_cancelled" if stopped else "op_nothing_to_cancel"))


# --- undo -----------------------------------------------------------------------------------


async def undo_command(update: Update, context: Context) -> None:
    """/undo: what it would put back, with Undo and Cancel under it."""
    message = update.effective_message
    assert message is not None
    lang = await lang_of(update, context)
    reply = await offload_write(context.bot_data.pipeline.preview_undo, _actor(update), lang)
    markup = (_buttons("undo", str(reply.change_id), lang, "op_undo")
              if reply.ready and reply.change_id is not None else None)
    await message.reply_text(reply.text, reply_markup=markup)


# --- the buttons ----------------------------------------------------------------------------


async def pressed(update: Update, context: Context) -> None:
    """Import or Cancel under a file, Undo or Cancel under an undo.  The buttons go at
    once, and what they stood for is taken before anything is done: a second press, or a
    press of the other button, finds nothing left to do."""
    query = update.callback_query
    assert query is not None
    user = update.effective_user
    message = query.message if isinstance(query.message, Message) else None
    found = _PRESS.fullmatch(query.data or "")
    if (user is None or user.id not in context.bot_data.settings.admins or message is None
            or found is None):
        await stale(update, context)  # for anyone else: an out-of-date button
        return
    kind, key, answer = (group for group in found.groups() if group is not None)
    lang = await lang_of(update, context)
    waiting = context.bot_data.pending.take(key, message.chat_id) if kind == "imp" else None
    if kind == "imp" and waiting is None:
        await _answer(context, query, t(lang, "op_expired"))
        await _unbutton(message)
        return
    await _answer(context, query)
    await _unbutton(message)
    if answer == "n":
        if waiting is not None:
            context.bot_data.pending.drop(waiting)
        await message.reply_text(t(lang, "op_cancelled"))
        return
    pipeline = context.bot_data.pipeline
    if waiting is not None:
        try:
            reply = await offload_write(pipeline.commit_import, waiting.path, _actor(update),
                                        lang, country=waiting.country, force=waiting.force)
        finally:
            context.bot_data.pending.drop(waiting)
    else:
        reply = await offload_write(pipeline.undo, _actor(update), lang, int(key))
    await message.reply_text(reply.text)


async def _answer(context: Context, query: CallbackQuery, text: str | None = None) -> None:
    """Answer a press (every press is answered, once)."""
    await query.answer(text)
    context.bot_data.conversation.answered(query.id)


async def _unbutton(message: Message) -> None:
    """Take the buttons off a message (already gone: nothing to do)."""
    if not message.reply_markup:
        return
    try:
        await message.edit_reply_markup(None)
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():
            raise


class Pasting(filters.MessageFilter):
    """Messages of a chat where a profile page is being pasted (after ``/import``)."""

    __slots__ = ("_active",)

    def __init__(self, active: Callable[[int], bool]) -> None:
        super().__init__(name="Pasting")
        self._active = active

    def filter(self, message: Message) -> bool:
        return self._active(message.chat_id)
