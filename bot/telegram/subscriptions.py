"""/subscribe, /unsubscribe, /subscriptions, and the job that delivers release alerts.

The job runs every few seconds on python-telegram-bot's JobQueue: the pipeline notices a
new index year (an operator's import), queues one alert per subscribed chat in SQLite and
hands back what is pending; they are sent one by one.  The rate limiter paces the sends; a
chat that blocked the bot is unsubscribed; everything survives a restart because the
outbox is in the database.

Delivery is at most once: each alert is claimed in the database just before it is sent
and marked sent when Telegram confirms.  An alert whose send may have reached Telegram is
never sent again — killed mid-send, or a timeout after the request went out — while one
that surely did not (refused, rate-limited, no connection) waits for the next run.  Every
write runs on the writer thread (:func:`~bot.telegram.context.offload_write`) and waits a
few seconds at most: a database locked by an import delays alerts, never questions.
"""

from __future__ import annotations

import logging
import time

from telegram import Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter

from bot.errors import OperatorError
from bot.i18n import t
from bot.pipeline import Reply
from bot.telegram.context import (
    App,
    Context,
    lang_of,
    may_change_chat,
    offload,
    offload_write,
)
from bot.telegram.delivery import at_most_once, never_sent
from bot.telegram.send import say, send_messages

log = logging.getLogger(__name__)

#: Seconds between checks for a new index year: imports are served within this delay.
ALERT_INTERVAL = 3.0


async def subscribe(update: Update, context: Context) -> None:
    """/subscribe COUNTRY[, COUNTRY…]: one alert per new index year."""
    message, chat = update.effective_message, update.effective_chat
    assert message is not None and chat is not None
    text = " ".join(context.args or [])
    lang = await lang_of(update, context, text)
    asked_at = time.monotonic()
    if not await may_change_chat(update, context):
        await say(message, t(lang, "group_admins_only"))
        return
    if not text.strip():
        await say(message, t(lang, "usage_subscribe"))
        return
    pipeline = context.bot_data.pipeline
    await say(message, await offload_write(pipeline.subscribe, chat.id, text, lang, asked_at))


async def unsubscribe(update: Update, context: Context) -> None:
    """/unsubscribe COUNTRY[, …] or /unsubscribe all."""
    message, chat = update.effective_message, update.effective_chat
    assert message is not None and chat is not None
    text = " ".join(context.args or []).strip()
    lang = await lang_of(update, context, text)
    asked_at = time.monotonic()
    if not await may_change_chat(update, context):
        await say(message, t(lang, "group_admins_only"))
        return
    if not text:
        await say(message, t(lang, "usage_unsubscribe"))
        return
    pipeline = context.bot_data.pipeline
    await say(message, await offload_write(pipeline.unsubscribe, chat.id, text, lang, asked_at))


async def list_subscriptions(update: Update, context: Context) -> None:
    """/subscriptions: this chat's countries."""
    message, chat = update.effective_message, update.effective_chat
    assert message is not None and chat is not None
    pipeline, lang = context.bot_data.pipeline, await lang_of(update, context)
    await say(message, await offload(pipeline.subscriptions, chat.id, lang))


COMMANDS = {
    "subscribe": subscribe,
    "unsubscribe": unsubscribe,
    "subscriptions": list_subscriptions,
}


async def deliver_alerts(context: Context) -> None:
    """Queue alerts for a new index year, then send what is pending, one chat at a time."""
    async with context.bot_data.alerts_lock:
        await _deliver(context)


async def _deliver(context: Context) -> None:
    pipeline = context.bot_data.pipeline
    try:
        due = await offload_write(pipeline.due_alerts)
    except OperatorError as exc:  # the database is locked or unusable: the next run retries
        log.warning("release alerts wait: %s", exc)
        return
    for pending, reply in due:
        try:
            if not await offload_write(pipeline.claim_alert, pending):
                continue  # no longer due
            if reply is None:  # the chat has no subscriptions left: nothing to send
                outcome = "sent"
            else:
                outcome = await _send(context, pending.chat_id, reply)
            await offload_write(pipeline.alert_done, pending, outcome)
        except OperatorError as exc:
            log.warning("release alerts wait: %s", exc)
            return
        if outcome in ("retry", "unconfirmed"):
            return  # the API is struggling: try the rest on the next run


async def _send(context: Context, chat_id: int, reply: Reply) -> str:
    """Send one claimed alert, at most once; the outcome for :meth:`Pipeline.alert_done`."""
    try:
        with at_most_once():
            await send_messages(context, chat_id, reply.rendered)
    except Forbidden:
        log.info("chat %s blocked the bot: unsubscribed", chat_id)
        return "blocked"
    except BadRequest as exc:
        if "chat not found" in str(exc).lower():
            return "blocked"
        log.warning("alert to %s refused: %s", chat_id, exc)
        return "retry"
    except RetryAfter as exc:
        log.warning("alert to %s not delivered yet: %s", chat_id, exc)
        return "retry"
    except NetworkError as exc:
        if never_sent(exc):
            log.warning("alert to %s not delivered yet: %s", chat_id, exc)
            return "retry"
        log.warning("alert to %s may or may not have been delivered (%s); it is not sent "
                    "again", chat_id, exc)
        return "unconfirmed"
    return "sent"


def schedule(application: App) -> None:
    """Start the alert job (the tables come with every database: bot.store.schema)."""
    if application.job_queue is not None:
        application.job_queue.run_repeating(
            deliver_alerts, interval=ALERT_INTERVAL, first=1.0, name="release-alerts"
        )
