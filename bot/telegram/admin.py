"""Operator commands, for the user ids in ``PRESSBOT_ADMINS`` only.

The handlers are registered with a user filter: for anyone else ``/status`` is simply not a
command this bot has, and falls through to the ordinary "unknown command" reply, which says
nothing about the deployment.
"""

from __future__ import annotations

import time

from telegram import Update
from telegram.ext import Application, CommandHandler, ContextTypes, filters

from bot import render
from bot import subscriptions as subs
from bot.operations import status_lines
from bot.pipeline import Pipeline
from bot.settings import Settings
from bot.telegram.send import say


def register(application: Application) -> None:
    settings: Settings = application.bot_data["settings"]
    only_admins = filters.User(user_id=settings.admins, allow_empty=False)
    application.add_handler(CommandHandler("status", status, filters=only_admins))
    application.add_handler(CommandHandler("reload", reload, filters=only_admins))


def _uptime(seconds: float) -> str:
    minutes, _ = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    days, hours = divmod(hours, 24)
    return f"{days}d {hours}h {minutes}m"


async def status(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/status: data version, years, countries, profiles, last imports, uptime, subscribers."""
    assert update.effective_message is not None
    pipeline: Pipeline = context.bot_data["pipeline"]
    snapshot = pipeline.store.snapshot()
    lines = [
        f"data version: {snapshot.generation} (latest index {snapshot.latest_year})",
        *status_lines(pipeline.store),
        f"uptime: {_uptime(time.time() - context.bot_data['started'])}",
        f"subscribed chats: {subs.subscriber_count(pipeline.store.db)}",
    ]
    await say(update.effective_message, render.preformatted(lines))


async def reload(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/reload: drop every cache and re-read the database now."""
    assert update.effective_message is not None
    pipeline: Pipeline = context.bot_data["pipeline"]
    pipeline.store.invalidate()
    snapshot = pipeline.store.snapshot()
    text = (
        f"Reloaded: data version {snapshot.generation}, years {snapshot.years[0]}–"
        f"{snapshot.latest_year}, {len(snapshot.countries)} countries."
        if snapshot.years else "Reloaded: the database is empty."
    )
    await say(update.effective_message, text)
