"""Webhook mode and ``pressbot run``: the secret token, and the command line's refusals.

The Application runs its real webhook server (python-telegram-bot's, on 127.0.0.1) and
registers the webhook with the fake Bot API; the tests then post updates to it as Telegram
would, with and without the ``X-Telegram-Bot-Api-Secret-Token`` header.
"""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from fakebotapi import FakeBotAPI
from telegram_harness import (
    TOKEN,
    free_port,
    make_settings,
    pressbot_run,
    run_cli,
    running_bot,
)

pytestmark = pytest.mark.timeout(60)

SECRET = "s3cret-Token_for-webhooks"
HEADER = "X-Telegram-Bot-Api-Secret-Token"


async def post(port: int, update: dict[str, Any], secret: str | None) -> int:
    headers = {HEADER: secret} if secret is not None else {}
    async with aiohttp.ClientSession() as session, session.post(
        f"http://127.0.0.1:{port}/telegram", json=update, headers=headers
    ) as response:
        return response.status


def queued_update(api: FakeBotAPI, text: str, user_id: int) -> dict[str, Any]:
    """An update exactly as Telegram would post it (the fake knows the message, so replies
    to it are valid); taken off the fake's getUpdates queue, which nobody polls here."""
    update = api.inject_message(text, user_id=user_id)
    api.updates.remove(update)
    return update


async def test_webhook_refuses_updates_without_the_secret(
        api: FakeBotAPI, bot_db: Path, tmp_path: Path) -> None:
    port = free_port()
    webhook = {"listen": "127.0.0.1", "port": port, "url_path": "telegram",
               "webhook_url": "https://example.invalid/telegram", "secret_token": SECRET}
    settings = make_settings(api, bot_db, tmp_path, webhook_secret=SECRET)
    async with running_bot(api, bot_db, tmp_path, webhook=webhook, settings=settings) as bot:
        [registered] = [c for c in api.calls if c.method == "setWebhook"]
        assert registered.ok and registered.params["secret_token"] == SECRET
        assert registered.params["url"] == "https://example.invalid/telegram"
        assert api.webhook_url == "https://example.invalid/telegram"
        assert not [c for c in api.calls if c.method == "getUpdates"]

        assert await post(port, queued_update(api, "Kazakhstan", 31), None) == 403
        assert await post(port, queued_update(api, "Kazakhstan", 32), "wrong") == 403
        assert await post(port, queued_update(api, "Kazakhstan", 33), SECRET[:-1]) == 403
        assert await post(port, queued_update(api, "Kazakhstan", 34), SECRET) == 200
        [reply] = await api.wait_for("sendMessage")
        await bot.app.update_queue.join()
        assert reply.params["chat_id"] == 34 and "Rank 149 of 180" in reply.result["text"]
        assert [c.params["chat_id"] for c in api.sent("sendMessage")] == [34]


# --- pressbot run ---------------------------------------------------------------------------


async def test_run_with_webhook_url_needs_the_secret(bot_db: Path) -> None:
    code, out, err = await run_cli("run", "--webhook-url", "https://example.invalid/telegram",
                                   db=bot_db, env={"TELEGRAM_BOT_TOKEN": TOKEN})
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert "TELEGRAM_WEBHOOK_SECRET" in err and "Traceback" not in err
    assert TOKEN not in err


async def test_run_without_token_points_to_the_terminal_chat(bot_db: Path) -> None:
    code, out, err = await run_cli("run", db=bot_db)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert "TELEGRAM_BOT_TOKEN" in err and "pressbot chat" in err


async def test_run_with_a_malformed_token_is_refused(bot_db: Path) -> None:
    code, _, err = await run_cli("run", db=bot_db, env={"TELEGRAM_BOT_TOKEN": "not a token"})
    assert code == 2 and "does not look like a bot token" in err


async def test_pressbot_run_polls_and_stops_cleanly(
        api: FakeBotAPI, bot_db: Path, tmp_path: Path) -> None:
    async with pressbot_run(api, bot_db, tmp_path) as process:
        await api.wait_for("getUpdates", timeout=20)
        api.inject_message("Kazakhstan", user_id=41)
        [reply] = await api.wait_for("sendMessage")
        assert "Rank 149 of 180" in reply.result["text"]
    assert process.returncode == 0
    assert TOKEN not in process.stderr_text and TOKEN.split(":")[1] not in process.stderr_text
    assert (tmp_path / "heartbeat").exists()


async def test_pressbot_run_webhook_end_to_end(
        api: FakeBotAPI, bot_db: Path, tmp_path: Path) -> None:
    port = free_port()
    async with pressbot_run(api, bot_db, tmp_path, "--webhook-url",
                            "https://example.invalid/hook/telegram", "--listen", "127.0.0.1",
                            "--port", str(port), env={"TELEGRAM_WEBHOOK_SECRET": SECRET}
                            ) as process:
        [registered] = await api.wait_for("setWebhook", timeout=20)
        assert registered.params["secret_token"] == SECRET
        for _ in range(100):  # the server listens once setWebhook is done
            with contextlib.suppress(aiohttp.ClientError):
                status = await post_path(port, "hook/telegram",
                                         queued_update(api, "Norway", 51), None)
                break
            await asyncio.sleep(0.1)
        assert status == 403
        assert await post_path(port, "hook/telegram",
                               queued_update(api, "Norway", 52), SECRET) == 200
        [reply] = await api.wait_for("sendMessage")
        assert reply.params["chat_id"] == 52 and "Rank 1 of 180" in reply.result["text"]
    assert process.returncode == 0
    assert SECRET not in process.stderr_text and TOKEN not in process.stderr_text


async def post_path(port: int, path: str, update: dict[str, Any], secret: str | None) -> int:
    headers = {HEADER: secret} if secret is not None else {}
    async with aiohttp.ClientSession() as session, session.post(
        f"http://127.0.0.1:{port}/{path}", json=update, headers=headers
    ) as response:
        return response.status
