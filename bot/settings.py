"""Environment → typed settings for running on Telegram.

Where the data lives (``PRESSBOT_DB``, ``PRESSBOT_DATA``) is resolved by
:mod:`bot.store`, because the command-line tools need it without a token.

| variable                 | meaning                                                        |
| ------------------------ | -------------------------------------------------------------- |
| TELEGRAM_BOT_TOKEN       | the bot's token from @BotFather (required to run on Telegram)  |
| TELEGRAM_API_BASE_URL    | a self-hosted Bot API server, e.g. http://127.0.0.1:8081/bot   |
| TELEGRAM_WEBHOOK_SECRET  | secret Telegram echoes in X-Telegram-Bot-Api-Secret-Token      |
| PRESSBOT_DB              | the SQLite database (via bot.store.default_db_path)            |
| PRESSBOT_ADMINS          | operator user ids, comma- or space-separated                   |
| PRESSBOT_LOG_LEVEL       | logging level (INFO)                                           |
| PRESSBOT_HEARTBEAT       | file the running bot touches; `pressbot health` checks it      |
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from bot.digits import ascii_int
from bot.store import default_db_path


class SettingsError(ValueError):
    """A setting is missing or malformed; the message says which and what to do."""


# A dataclass where every other record is a msgspec Struct: made once, and its secrets
# are kept out of its repr (field(repr=False)), which a Struct cannot do field by field.
@dataclass(frozen=True)
class Settings:
    token: str = field(repr=False)
    base_url: str | None = None
    webhook_secret: str | None = field(default=None, repr=False)
    admins: frozenset[int] = frozenset()
    db_path: Path = field(default_factory=default_db_path)
    log_level: str = "INFO"
    heartbeat: Path = field(default_factory=lambda: heartbeat_path())
    #: How many of the bot's recent messages (all chats together) remember the question
    #: behind them, so that a reply to one is a follow-up (~3 MB for 10,000).
    conversation_memory: int = 10_000

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ if env is None else env)
        token = env.get("TELEGRAM_BOT_TOKEN", "").strip()
        if not token:
            raise SettingsError(
                "TELEGRAM_BOT_TOKEN is not set: get a token from @BotFather, or try the bot "
                "in the terminal with `pressbot chat`"
            )
        if not re.fullmatch(r"[0-9]+:[A-Za-z0-9_-]+", token):
            raise SettingsError("TELEGRAM_BOT_TOKEN does not look like a bot token (123:ABC…)")
        admins: set[int] = set()
        for part in re.split(r"[,\s]+", env.get("PRESSBOT_ADMINS", "").strip()):
            if not part:
                continue
            user_id = ascii_int(part)
            if user_id is None:
                raise SettingsError(f"PRESSBOT_ADMINS: {part!r} is not a Telegram user id")
            admins.add(user_id)
        db = env.get("PRESSBOT_DB")
        return cls(
            token=token,
            base_url=env.get("TELEGRAM_API_BASE_URL") or None,
            webhook_secret=env.get("TELEGRAM_WEBHOOK_SECRET") or None,
            admins=frozenset(admins),
            db_path=Path(db) if db else default_db_path(),
            log_level=env.get("PRESSBOT_LOG_LEVEL", "INFO").upper(),
            heartbeat=heartbeat_path(env),
        )


def heartbeat_path(env: dict[str, str] | None = None) -> Path:
    """Where the running bot records that it is alive (for Docker's HEALTHCHECK)."""
    env = dict(os.environ if env is None else env)
    return Path(env.get("PRESSBOT_HEARTBEAT") or Path(tempfile.gettempdir()) / "pressbot.heartbeat")


#: Secrets every log record is scrubbed of, whichever handler ends up writing it.
_SECRETS: set[str] = set()
_REDACTED = "<redacted>"


def secrets_of(*values: str | None) -> set[str]:
    """What to scrub for each secret: the value itself and, for a bot token, the part after
    the colon (the bot id before it is public; the rest is the password)."""
    found: set[str] = set()
    for value in values:
        if not value:
            continue
        found.add(value)
        _, _, secret = value.partition(":")
        if len(secret) >= 8:
            found.add(secret)
    return found


def redact(text: str, secrets: set[str] | None = None) -> str:
    for secret in sorted(_SECRETS if secrets is None else secrets, key=len, reverse=True):
        if secret in text:
            text = text.replace(secret, _REDACTED)
    return text


def scrub(record: logging.LogRecord, secrets: set[str] | None = None) -> None:
    """Remove secrets from a record's message, exception and stack texts, in place.

    The exception is formatted here, once, into ``exc_text``: every ``logging.Formatter``
    prints ``exc_text`` when it is set instead of formatting ``exc_info`` again.
    """
    secrets = _SECRETS if secrets is None else secrets
    if not secrets:
        return
    try:
        message = record.getMessage()
    except Exception:  # a malformed call: let the handler report it as logging does
        return
    cleaned = redact(message, secrets)
    if cleaned != message:
        record.msg, record.args = cleaned, None
    if record.exc_info and not record.exc_text:
        record.exc_text = logging.Formatter().formatException(record.exc_info)
    if record.exc_text:
        record.exc_text = redact(record.exc_text, secrets)
    if record.stack_info:
        record.stack_info = redact(record.stack_info, secrets)


#: Arguments of python-telegram-bot's log records that are kept: numbers (update ids,
#: seconds) and short plain words (endpoint names).  Anything else — an update, a dict of
#: API parameters, a webhook body — may hold what people wrote and who they are.
_PLAIN_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]{0,39}")


def _harmless(value: object) -> object:
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, str) and _PLAIN_WORD.fullmatch(value):
        return value
    return f"<{type(value).__name__} withheld>"


def withhold_payloads(record: logging.LogRecord) -> None:
    """Replace the arguments of a python-telegram-bot record that may carry message text or
    names ("Received data was: %r", "Processing update %s", "Calling Bot API endpoint %s
    with parameters %s") by their type: the library's own words stay, so the log still
    says what happened, never to what text."""
    if not record.name.startswith("telegram") or not record.args:
        return
    args = record.args if isinstance(record.args, tuple) else (record.args,)
    record.args = tuple(_harmless(arg) for arg in args)


_factory_installed = False


def _install_record_factory() -> None:
    """Scrub records as they are created, so handlers added later (by a library, a test,
    an operator's config) never see a secret or a message's text either."""
    global _factory_installed
    if _factory_installed:
        return
    base = logging.getLogRecordFactory()

    def factory(*args: object, **kwargs: object) -> logging.LogRecord:
        record = base(*args, **kwargs)
        withhold_payloads(record)
        if _SECRETS:
            scrub(record)
        return record

    logging.setLogRecordFactory(factory)
    _factory_installed = True


def configure_logging(settings: Settings) -> None:
    """Log to stderr with secrets redacted from every record and no message text in any;
    quiet httpx's per-request lines.

    Both happen when a record is created (a log record factory), before any handler,
    filter or formatter sees it, at every level: no handler, whenever it was added, can
    print the token, the webhook secret, or what someone wrote to the bot.
    """
    logging.basicConfig(
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        level=getattr(logging, settings.log_level, logging.INFO),
    )
    _SECRETS.update(secrets_of(settings.token, settings.webhook_secret))
    _install_record_factory()
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
