"""Faults from the Bot API: timeouts, resets, 429 bursts, 5xx, slow answers, malformed
updates.  The bot must recover by itself and lose no answer it could deliver."""

from __future__ import annotations

import random
from pathlib import Path

from fakebotapi import FakeBotAPI
from fuzzstats import STATS
from telegram.request import HTTPXRequest
from telegram_harness import USER_ID, RunningBot, running_bot

QUESTIONS = [("Kazakhstan", "Rank 149 of 180"), ("Norway", "Rank 1 of 180"),
             ("Finland", "Rank 6 of 180"), ("compare Norway and Finland", "NOR"),
             ("top 3", "Top 3")]


def inject_fault(api: FakeBotAPI, rng: random.Random) -> str:
    """One transient fault on the next sendMessage: what a flaky Bot API does."""
    kind = rng.choice(["429", "500", "502", "reset", "slow", "none"])
    if kind == "429":
        api.fail_next("sendMessage", status=429, retry_after=1)
    elif kind in ("500", "502"):
        api.fail_next("sendMessage", status=int(kind))
    elif kind == "reset":
        api.drop_next("sendMessage")
    elif kind == "slow":
        api.delay_next("sendMessage", 0.4)
    return kind


async def test_fault_storm_loses_no_answer(bot: RunningBot) -> None:
    rng = random.Random(7)
    lost = 0
    for round_ in range(24):
        question, expected = QUESTIONS[round_ % len(QUESTIONS)]
        kinds = [inject_fault(bot.api, rng) for _ in range(rng.randint(1, 2))]
        STATS["faults injected"] += sum(kind != "none" for kind in kinds)
        sent = await bot.ask(question, user_id=USER_ID + round_, timeout=15)
        if expected not in sent.text:
            lost += 1
    STATS["answers lost"] += lost
    assert lost == 0


async def test_timeouts_are_retried(api: FakeBotAPI, bot_db: Path, tmp_path: Path) -> None:
    """A send that times out is tried again; the user gets the answer."""
    request = HTTPXRequest(connection_pool_size=8, read_timeout=0.5)
    async with running_bot(api, bot_db, tmp_path, request=request) as bot:
        api.delay_next("sendMessage", 1.5)
        STATS["faults injected"] += 1
        sent = await bot.ask("Kazakhstan", timeout=15)
        assert "Rank 149 of 180" in sent.text


async def test_429_burst_is_waited_out(bot: RunningBot) -> None:
    bot.api.fail_next("sendMessage", status=429, retry_after=1, times=3)
    STATS["faults injected"] += 3
    sent = await bot.ask("Norway", timeout=15)
    assert "Rank 1 of 180" in sent.text
    statuses = [c.status for c in bot.api.calls if c.method == "sendMessage"]
    assert statuses == [429, 429, 429, 200]


async def test_malformed_updates_are_skipped(bot: RunningBot) -> None:
    for raw in ({"message": "not an object"},
                {"callback_query": {"id": "1"}},
                {"message": {"message_id": "x", "chat": None, "text": ["?"]}}):
        bot.api.inject_raw(raw)
        STATS["faults injected"] += 1
    sent = await bot.ask("Finland", timeout=15)
    assert "Rank 6 of 180" in sent.text
