"""No message text in the logs, at any level, in polling and webhook modes (issue 15,
finding 4).

python-telegram-bot logs whole updates and API calls: "Received data was: {…}" at
CRITICAL when it cannot parse a webhook body, "Processing update …" and "Calling Bot API
endpoint … with parameters …" at DEBUG.  Those carry what people wrote and their names.
Here every logger runs at DEBUG, the most it can say, and none of it may appear.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from fakebotapi import FakeBotAPI
from telegram_harness import (
    TOKEN,
    RunningBot,
    free_port,
    make_settings,
    pressbot_run,
    running_bot,
)

pytestmark = pytest.mark.timeout(60)

SECRET = "s3cret-Token_for-webhooks"
HEADER = "X-Telegram-Bot-Api-Secret-Token"
#: What people wrote and who they are: never in a log.
PRIVATE = ("my-private-diary-entry", "alice_private_name", "Zyxwvu Private")


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@pytest.fixture
def everything_logged() -> Iterator[Collect]:
    """Every logger at DEBUG into one handler, as loud as logging can be made."""
    root = logging.getLogger()
    level = root.level
    handler = Collect()
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    quiet = {name: logging.getLogger(name).level for name in ("httpx", "httpcore")}
    for name in quiet:
        logging.getLogger(name).setLevel(logging.DEBUG)
    yield handler
    root.removeHandler(handler)
    root.setLevel(level)
    for name, old in quiet.items():
        logging.getLogger(name).setLevel(old)


def private_update(update_id: int, *, broken: bool) -> dict[str, Any]:
    """An update with private text and names; ``broken``: one python-telegram-bot cannot
    read (its date is not a date)."""
    user = {"id": 5151, "is_bot": False, "first_name": PRIVATE[2],
            "username": PRIVATE[1], "language_code": "en"}
    return {"update_id": update_id, "message": {
        "message_id": 7, "date": "yesterday" if broken else 1_700_000_000,
        "chat": {"id": 5151, "type": "private", "username": PRIVATE[1]},
        "from": user, "text": f"Kazakhstan {PRIVATE[0]}"}}


def assert_private(text: str) -> None:
    leaked = [word for word in PRIVATE if word in text]
    assert not leaked, f"{leaked} logged:\n{text}"


async def post(port: int, update: dict[str, Any]) -> int:
    async with aiohttp.ClientSession() as session, session.post(
        f"http://127.0.0.1:{port}/telegram", json=update, headers={HEADER: SECRET}
    ) as response:
        return response.status


async def test_webhook_mode_logs_no_message_text(
        api: FakeBotAPI, bot_db: Path, tmp_path: Path, everything_logged: Collect) -> None:
    port = free_port()
    webhook = {"listen": "127.0.0.1", "port": port, "url_path": "telegram",
               "webhook_url": "https://example.invalid/telegram", "secret_token": SECRET}
    settings = make_settings(api, bot_db, tmp_path, webhook_secret=SECRET)
    async with running_bot(api, bot_db, tmp_path, webhook=webhook, settings=settings) as bot:
        assert await post(port, private_update(901, broken=True)) == 400
        assert await post(port, private_update(902, broken=False)) == 200
        [reply] = await api.wait_for("sendMessage")
        await bot.app.update_queue.join()
    assert "Rank 149 of 180" in reply.result["text"]
    text = everything_logged.text
    assert "CRITICAL" in text and "Received data" in text  # the refusal is still logged
    assert "Processing update" in text and "sendMessage" in text  # and the calls
    assert_private(text)


async def test_polling_mode_logs_no_message_text(
        bot: RunningBot, everything_logged: Collect) -> None:
    bot.api.inject_raw({"message": private_update(0, broken=True)["message"]})
    bot.api.inject_raw({"message": private_update(0, broken=False)["message"]})
    [reply] = await bot.api.wait_for("sendMessage",
                                     predicate=lambda c: c.params.get("chat_id") == 5151)
    await bot.settle()
    assert "Rank 149 of 180" in reply.result["text"]
    text = everything_logged.text
    assert "getUpdates" in text and "Processing update" in text
    assert_private(text)


async def test_pressbot_run_logs_no_text_of_an_unreadable_webhook_update(
        api: FakeBotAPI, bot_db: Path, tmp_path: Path) -> None:
    """As deployed: ``pressbot run --webhook-url`` at its default log level."""
    port = free_port()
    async with pressbot_run(api, bot_db, tmp_path, "--webhook-url",
                            "https://example.invalid/telegram", "--listen", "127.0.0.1",
                            "--port", str(port), env={"TELEGRAM_WEBHOOK_SECRET": SECRET}
                            ) as process:
        await api.wait_for("setWebhook", timeout=20)
        for _ in range(100):  # the server listens once setWebhook is done
            with contextlib.suppress(aiohttp.ClientError):
                status = await post(port, private_update(903, broken=True))
                break
            await asyncio.sleep(0.1)
        assert status == 400
        assert await post(port, private_update(904, broken=False)) == 200
        await api.wait_for("sendMessage")
    log = process.stderr_text
    assert "Something went wrong processing the data" in log  # logged, without the data
    assert_private(log)
    assert TOKEN not in log
