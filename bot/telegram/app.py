"""The composition root: builds the python-telegram-bot Application and runs it.

Handlers are registered here and only here, in an order that matters (see
:func:`register_handlers`).  Shared services (the pipeline, inline cards, what the
conversations remember) live in the typed ``bot_data`` (:class:`~bot.telegram.context.BotData`);
the Telegram layer stays a thin edge around the pipeline.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from typing import Any
from urllib.parse import urlparse

from telegram import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    LinkPreviewOptions,
    Update,
)
from telegram.constants import ParseMode
from telegram.ext import (
    ApplicationBuilder,
    BaseRateLimiter,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    filters,
)
from telegram.request import BaseRequest, HTTPXRequest

from bot.i18n import LANGS, t
from bot.pipeline import Pipeline
from bot.settings import Settings, SettingsError, configure_logging
from bot.telegram import admin, buttons, language, questions, subscriptions
from bot.telegram.context import CONTEXT_TYPES, App, Context, lang_now, offload
from bot.telegram.delivery import RetryingRateLimiter
from bot.telegram.inline import inline_query

log = logging.getLogger(__name__)

#: The command menus: what each scope offers, in order (descriptions: i18n ``cmd_<name>``).
PRIVATE_COMMANDS = ("country", "compare", "top", "bottom", "chart", "subscribe", "topics",
                    "language", "about", "help")
GROUP_COMMANDS = (*(c for c in PRIVATE_COMMANDS if c != "subscribe"), "subscribe")


class SkipMalformedUpdates(HTTPXRequest):
    """The request object for ``getUpdates``: an update python-telegram-bot cannot read
    would otherwise fail the whole batch, be fetched again and again, and stall the bot
    for good.  Such an update is replaced by an empty one with the same ``update_id``, so
    the batch is processed and the offset moves past it."""

    @staticmethod
    def parse_json_payload(payload: bytes) -> dict[str, Any]:
        data = HTTPXRequest.parse_json_payload(payload)
        result = data.get("result")
        if data.get("ok") and isinstance(result, list):
            readable = (readable_update(item) for item in result)
            data["result"] = [item for item in readable if item is not None]
        return data


def readable_update(item: Any) -> Any:
    """``item`` if python-telegram-bot can parse it, else a bare update with its id (or
    None when it has not even an id, which Telegram never sends)."""
    try:
        Update.de_json(item, None)
    except Exception:
        update_id = item.get("update_id") if isinstance(item, dict) else None
        log.warning("update %s could not be read and was skipped", update_id)
        return {"update_id": update_id} if isinstance(update_id, int) else None
    return item


def build_application(
    settings: Settings,
    pipeline: Pipeline,
    *,
    rate_limiter: BaseRateLimiter | None = None,
    request: BaseRequest | None = None,
) -> App:
    """The Application with every handler, the rate limiter and the shared services.

    For load tests and benchmarks only: ``rate_limiter`` replaces the production one
    (Telegram's ~30 messages/s overall and 20/min per group, 429s retried) and ``request``
    the HTTP client of every call but getUpdates (e.g. one answering in memory).
    """
    builder = (
        ApplicationBuilder()
        .token(settings.token)
        .defaults(
            Defaults(parse_mode=ParseMode.HTML,
                     link_preview_options=LinkPreviewOptions(is_disabled=True))
        )
        # Queues sends under Telegram's limits, retries 429s after their retry_after and
        # transient faults (timeouts, resets, 5xx) after a short back-off.
        .rate_limiter(rate_limiter or RetryingRateLimiter(max_retries=3))
        .concurrent_updates(True)
        .context_types(CONTEXT_TYPES)
        .get_updates_request(SkipMalformedUpdates(connection_pool_size=1))
        .post_init(post_init)
        .post_shutdown(post_shutdown)
    )
    if request is not None:
        builder = builder.request(request)
    if settings.base_url:
        base = settings.base_url.rstrip("/")
        builder = builder.base_url(base).base_file_url(base.rsplit("/bot", 1)[0] + "/file/bot")
    application = builder.build()
    application.bot_data.setup(pipeline, settings)
    register_handlers(application)
    return application


def register_handlers(application: App) -> None:
    """Register every handler.  Order matters:

    1. commands (CommandHandler ignores ``/cmd@otherbot`` by itself), then the operators'
       commands, documents, pasted pages and buttons, filtered to ``PRESSBOT_ADMINS``: for
       anyone else they fall through to 3–6;
    2. buttons, by the kind their data starts with (anything else: "out of date"), and
       inline queries;
    3. unknown commands, before text, so ``/foo`` is not read as a question;
    4. private text: every message is a question (not edits, not our own inline cards);
    5. group text: only replies to the bot or mentions of it, the rest is silence;
    6. anything but text in a private chat (a document, a photo): the ordinary reply.

    Then the error handler, the release-alert job and the heartbeat job.
    """
    commands = {
        "start": questions.start,
        "help": questions.help_command,
        "country": questions.command,
        "compare": questions.command,
        "top": questions.command,
        "bottom": questions.command,
        "chart": questions.command,
        "topics": questions.topics,
        "about": questions.about,
        "language": language.command,
        **subscriptions.COMMANDS,
    }
    for name, callback in commands.items():
        application.add_handler(CommandHandler(name, callback))
    admin.register(application)
    application.add_handler(CallbackQueryHandler(buttons.view, pattern=buttons.VIEW_PATTERN))
    application.add_handler(CallbackQueryHandler(buttons.view,
                                                 pattern=buttons.ANALYSIS_PATTERN))
    application.add_handler(CallbackQueryHandler(buttons.chart, pattern=buttons.CHART_PATTERN))
    application.add_handler(CallbackQueryHandler(language.pressed, pattern=language.PATTERN))
    application.add_handler(CallbackQueryHandler(buttons.stale))
    application.add_handler(InlineQueryHandler(inline_query))
    application.add_handler(MessageHandler(filters.COMMAND, questions.unknown_command))
    # Not our own cards sent through inline mode (their text is an answer, not a question).
    text = filters.TEXT & ~filters.COMMAND & ~filters.UpdateType.EDITED & ~filters.VIA_BOT
    application.add_handler(MessageHandler(filters.ChatType.PRIVATE & text,
                                           questions.private_text))
    application.add_handler(MessageHandler(filters.ChatType.GROUPS & text,
                                           questions.group_reply))
    application.add_handler(MessageHandler(
        filters.ChatType.PRIVATE & filters.ATTACHMENT & ~filters.UpdateType.EDITED,
        questions.attachment))
    application.add_error_handler(on_error)
    subscriptions.schedule(application)
    if application.job_queue is not None:
        application.job_queue.run_repeating(
            heartbeat, interval=HEARTBEAT_INTERVAL, first=HEARTBEAT_INTERVAL, name="heartbeat"
        )


#: Seconds between heartbeats; `pressbot health` allows several missed beats.
HEARTBEAT_INTERVAL = 30.0


async def heartbeat(context: Context) -> None:
    """Touch the heartbeat file: the event loop is alive and jobs run."""
    context.bot_data.settings.heartbeat.touch()


async def post_init(application: App) -> None:
    """Command menus per scope and language, and the bot's descriptions: sixty calls, sent
    together (the rate limiter paces them as Telegram asks)."""
    bot = application.bot
    calls = []
    for lang in LANGS:
        code = None if lang == "en" else lang
        private = [BotCommand(c, t(lang, f"cmd_{c}")) for c in PRIVATE_COMMANDS]
        group = [BotCommand(c, t(lang, "cmd_subscribe_group" if c == "subscribe" else f"cmd_{c}"))
                 for c in GROUP_COMMANDS]
        calls += [
            bot.set_my_commands(private, scope=BotCommandScopeAllPrivateChats(),
                                language_code=code),
            bot.set_my_commands(group, scope=BotCommandScopeAllGroupChats(), language_code=code),
            bot.set_my_description(t(lang, "bot_description"), language_code=code),
            bot.set_my_short_description(t(lang, "bot_short_description"), language_code=code),
        ]
    await asyncio.gather(*calls)
    # The first beat, as soon as the bot is up; the job beats every interval after it.
    application.bot_data.settings.heartbeat.touch()
    log.info("bot @%s ready", bot.username)


async def post_shutdown(application: App) -> None:
    application.bot_data.pending.close()  # operators' files not confirmed: deleted
    await offload(application.bot_data.pipeline.close)  # it may wait a moment for a write
    log.info("database closed")


async def on_error(update: object, context: Context) -> None:
    """Log the failure and tell the user briefly; never show them a traceback."""
    log.error("error while handling an update", exc_info=context.error)
    if not isinstance(update, Update):
        return
    lang = lang_now(update, context)
    try:
        callback = update.callback_query
        if callback is not None and not context.bot_data.conversation.was_answered(callback.id):
            await callback.answer(t(lang, "apology"))
        elif update.inline_query is not None:  # no chat: "no results" beats a spinner
            await update.inline_query.answer([], cache_time=0)
        elif update.effective_message is not None and update.effective_chat is not None:
            await update.effective_message.reply_text(t(lang, "apology"))
    except Exception:  # the apology itself failed (network down?): logging is all we can do
        log.warning("could not send the apology", exc_info=True)


def run_command(webhook_url: str | None, listen: str, port: int) -> int:
    """``pressbot run``: long polling, or a webhook server when ``webhook_url`` is given."""
    try:
        settings = Settings.from_env()
        if webhook_url and not settings.webhook_secret:
            raise SettingsError(
                "TELEGRAM_WEBHOOK_SECRET is required with --webhook-url: Telegram sends it "
                "back with every update so the bot can refuse forged ones"
            )
    except SettingsError as exc:
        print(f"pressbot: {exc}", file=sys.stderr)
        return 2
    configure_logging(settings)
    pipeline = Pipeline.open(settings.db_path)
    application = build_application(settings, pipeline)
    if webhook_url:
        application.run_webhook(
            listen=listen,
            port=port,
            # Serve on the same path Telegram is told to post to.
            url_path=urlparse(webhook_url).path.lstrip("/"),
            webhook_url=webhook_url,
            secret_token=settings.webhook_secret,
            allowed_updates=Update.ALL_TYPES,
        )
    else:
        application.run_polling(allowed_updates=Update.ALL_TYPES)
    return 0
