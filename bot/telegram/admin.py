"""Operator commands, for the user ids in ``PRESSBOT_ADMINS`` only.

The handlers are registered with a user filter: for anyone else ``/status`` is simply not a
command this bot has, and falls through to the ordinary "unknown command" reply, which says
nothing about the deployment.
"""

from __future__ import annotations

import time

from telegram import Update
from telegram.ext import CommandHandler, filters

from bot.i18n import t
from bot.render.fixed import preformatted
from bot.telegram.context import App, Context, lang_of, offload
from bot.telegram.send import say


def register(application: App) -> None:
    settings = application.bot_data.settings
    only_admins = filters.User(user_id=settings.admins, allow_empty=False)
    application.add_handler(CommandHandler("status", status, filters=only_admins))
    application.add_handler(CommandHandler("reload", reload, filters=only_admins))


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
    lang = lang_of(update)
    text = (
        t(lang, "reloaded", version=snapshot.generation, first=snapshot.years[0],
          latest=snapshot.latest_year, countries=len(snapshot.countries))
        if snapshot.years else t(lang, "reloaded_empty")
    )
    await say(update.effective_message, text)
