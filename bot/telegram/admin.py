"""Operator commands, for the user ids in ``PRESSBOT_ADMINS`` only: ``/status``,
``/reload``, and updating the data (:mod:`.operators`: a document sent, ``/import`` of a
pasted page, ``/done``, ``/cancel``, ``/undo``, their buttons).

The handlers are registered with a user filter: for anyone else ``/status`` is simply not a
command this bot has, and falls through to the ordinary "unknown command" reply, which says
nothing about the deployment; a document gets the ordinary reply to anything but text.
"""

from __future__ import annotations

import time

from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.i18n import t
from bot.render.fixed import preformatted
from bot.telegram import operators
from bot.telegram.context import App, Context, lang_of, offload
from bot.telegram.send import say


def register(application: App) -> None:
    """The operators' handlers; for anyone else they do not exist.  Order matters: the
    buttons before the catch-all for out-of-date ones, the pasted page before the text
    handler that would read it as a question."""
    settings = application.bot_data.settings
    only_admins = filters.User(user_id=settings.admins, allow_empty=False)
    private = filters.ChatType.PRIVATE & only_admins
    application.add_handler(CommandHandler("status", status, filters=only_admins))
    application.add_handler(CommandHandler("reload", reload, filters=only_admins))
    for name, callback in (("import", operators.import_command), ("done", operators.done),
                           ("cancel", operators.cancel), ("undo", operators.undo_command)):
        application.add_handler(CommandHandler(name, callback, filters=private))
    application.add_handler(MessageHandler(
        private & filters.Document.ALL & ~filters.UpdateType.EDITED, operators.document))
    pasting = operators.Pasting(application.bot_data.pastes.active)
    application.add_handler(MessageHandler(
        private & pasting & filters.TEXT & ~filters.COMMAND & ~filters.UpdateType.EDITED,
        operators.pasted))
    for pattern in (operators.IMPORT_PATTERN, operators.UNDO_PATTERN):
        application.add_handler(CallbackQueryHandler(operators.pressed, pattern=pattern))
    if application.job_queue is not None:
        application.job_queue.run_repeating(forget_waiting, interval=EXPIRY_INTERVAL,
                                            first=EXPIRY_INTERVAL, name="operator-files")


#: Seconds between sweeps of operators' files nobody confirmed in time.
EXPIRY_INTERVAL = 300.0


async def forget_waiting(context: Context) -> None:
    """Delete the files operators sent and never confirmed or cancelled."""
    context.bot_data.pending.expire()


def _uptime(seconds: float) -> str:
    minutes, _ = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    days, hours = divmod(hours, 24)
    return f"{days}d {hours}h {minutes}m"


async def status(update: Update, context: Context) -> None:
    """/status: data version, years, countries, profiles, last imports, uptime, subscribers."""
    assert update.effective_message is not None
    pipeline = context.bot_data.pipeline
    lines = await offload(pipeline.status_lines)
    lines.append(f"uptime: {_uptime(time.time() - pipeline.started)}")
    await say(update.effective_message, preformatted(lines))


async def reload(update: Update, context: Context) -> None:
    """/reload: drop every cache and re-read the database now."""
    assert update.effective_message is not None
    snapshot = await offload(context.bot_data.pipeline.reload)
    lang = await lang_of(update, context)
    text = (
        t(lang, "reloaded", version=snapshot.generation, first=snapshot.years[0],
          latest=snapshot.latest_year, countries=len(snapshot.countries))
        if snapshot.years else t(lang, "reloaded_empty")
    )
    await say(update.effective_message, text)
