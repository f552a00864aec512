"""/subscribe, /unsubscribe, /subscriptions and the job that delivers release alerts.

The job runs every few seconds on python-telegram-bot's JobQueue: it notices a new index
year (an operator's import), queues one alert per subscribed chat in SQLite and delivers
them one by one.  The rate limiter paces the sends; a chat that blocked the bot is
unsubscribed; everything survives a restart because the outbox is in the database.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter
from telegram.ext import Application, ContextTypes

from bot import render
from bot import subscriptions as subs
from bot.answer import ProfileAnswer, answer
from bot.i18n import t as _t
from bot.pipeline import Pipeline
from bot.query import Query
from bot.render import alert
from bot.telegram.handlers import lang_of, pipeline_of
from bot.telegram.send import keyboard, say

log = logging.getLogger(__name__)

#: Seconds between checks for a new index year: imports are served within this delay.
ALERT_INTERVAL = 3.0


def _countries(pipeline: Pipeline, text: str, lang: str) -> tuple[list[str], list[str]]:
    """Split "Kazakhstan, Kyrgyzstan, Narnia" into known codes and unknown words."""
    _, understander = pipeline.current()
    return understander.country_list(text, lang)


async def _may_change(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """In groups only administrators change the group's subscriptions."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None or chat.type == ChatType.PRIVATE:
        return True
    message = update.effective_message
    if message is not None and message.sender_chat is not None:
        return message.sender_chat.id == chat.id  # an anonymous administrator of this group
    member = await context.bot.get_chat_member(chat.id, user.id)
    return member.status in (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER)


def _names(pipeline: Pipeline, codes: list[str], lang: str) -> str:
    countries = pipeline.store.snapshot().countries
    return render.country_names([countries[c] for c in codes if c in countries], lang)


async def subscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/subscribe COUNTRY[, COUNTRY…]: one alert per new index year."""
    message, chat = update.effective_message, update.effective_chat
    assert message is not None and chat is not None
    text = " ".join(context.args or [])
    lang = lang_of(update, text)
    if not await _may_change(update, context):
        await say(message, _t(lang, "group_admins_only"))
        return
    if not text.strip():
        await say(message, _t(lang, "usage_subscribe"))
        return
    pipeline = pipeline_of(context)
    codes, unknown = _countries(pipeline, text, lang)
    lines = [render.not_understood(pipeline.candidates(unknown, lang), lang)] if unknown else []
    if codes:
        new = subs.subscribe(pipeline.store.db, chat.id, codes, lang)
        old = [c for c in codes if c not in new]
        if new:
            lines.append(_t(lang, "subscribed", countries=_names(pipeline, new, lang)))
        if old:
            lines.append(_t(lang, "already_subscribed", countries=_names(pipeline, old, lang)))
    await say(message, "\n".join(lines))


async def unsubscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/unsubscribe COUNTRY[, …] or /unsubscribe all."""
    message, chat = update.effective_message, update.effective_chat
    assert message is not None and chat is not None
    text = " ".join(context.args or []).strip()
    lang = lang_of(update, text)
    if not await _may_change(update, context):
        await say(message, _t(lang, "group_admins_only"))
        return
    if not text:
        await say(message, _t(lang, "usage_unsubscribe"))
        return
    pipeline = pipeline_of(context)
    if text.lower() in ("all", "все", "всё"):
        removed = subs.unsubscribe(pipeline.store.db, chat.id, None)
        await say(message, _t(lang, "unsubscribed", n=removed))
        return
    codes, unknown = _countries(pipeline, text, lang)
    removed = subs.unsubscribe(pipeline.store.db, chat.id, codes)
    lines = [render.not_understood(pipeline.candidates(unknown, lang), lang)] if unknown else []
    lines.append(_t(lang, "unsubscribed", n=removed))
    await say(message, "\n".join(lines))


async def list_subscriptions(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/subscriptions: this chat's countries."""
    message, chat = update.effective_message, update.effective_chat
    assert message is not None and chat is not None
    lang = lang_of(update)
    pipeline = pipeline_of(context)
    codes = subs.subscriptions(pipeline.store.db, chat.id)
    if not codes:
        await say(message, _t(lang, "no_subscriptions"))
        return
    await say(message, _t(lang, "subscriptions", countries=_names(pipeline, codes, lang)))


COMMANDS = {
    "subscribe": subscribe,
    "unsubscribe": unsubscribe,
    "subscriptions": list_subscriptions,
}


async def deliver_alerts(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Queue alerts for a new index year, then send what is pending, one chat at a time."""
    pipeline: Pipeline = context.bot_data["pipeline"]
    db = pipeline.store.db
    snapshot = pipeline.store.snapshot()
    queued = subs.plan_alerts(db, snapshot.latest_year)
    if queued:
        log.info("new index %s: %d alerts queued", snapshot.latest_year, queued)
    for pending in subs.pending_alerts(db):
        if not pending.codes:
            subs.mark(db, pending, "sent")
            continue
        answers = [
            answer(Query(text="", intent="profile", countries=(c,), year=pending.year), snapshot)
            for c in pending.codes
        ]
        shown = [a for a in answers if isinstance(a, ProfileAnswer)]
        rendered = alert(shown, pending.year, pending.lang)
        try:
            for index, text in enumerate(rendered.messages):
                last = index == len(rendered.messages) - 1
                await context.bot.send_message(
                    pending.chat_id, text,
                    reply_markup=keyboard(rendered.buttons) if last else None,
                )
        except Forbidden:
            log.info("chat %s blocked the bot: unsubscribed", pending.chat_id)
            subs.mark(db, pending, "blocked")
        except BadRequest as exc:
            if "chat not found" in str(exc).lower():
                subs.mark(db, pending, "blocked")
            else:
                log.warning("alert to %s refused: %s", pending.chat_id, exc)
                subs.mark(db, pending, "retry")
        except (RetryAfter, NetworkError) as exc:
            log.warning("alert to %s not delivered yet: %s", pending.chat_id, exc)
            subs.mark(db, pending, "retry")
            return  # the API is struggling: try the rest on the next run
        else:
            subs.mark(db, pending, "sent")


def schedule(application: Application) -> None:
    """Start the alert job (the tables come with every database: bot.store.ensure_schema)."""
    if application.job_queue is not None:
        application.job_queue.run_repeating(
            deliver_alerts, interval=ALERT_INTERVAL, first=1.0, name="release-alerts"
        )
