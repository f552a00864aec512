"""A busy database never freezes the bot (issue 15, finding 3).

Another process holds SQLite's write lock (an import, an operator in the sqlite3 tool).
Questions need no write lock and must be answered meanwhile; writes (subscriptions, the
release-alert job) queue on one thread of their own, wait a few seconds at most, and a
subscription that could not be stored is said to be so, never acknowledged.

The default run holds the lock until forty subscriptions have been refused — longer than
any write waits, the same effect on every deadline as a minute.  The long run holds it for
a minute, asking questions all along:

    PRESSBOT_LOCK_SECONDS=60 .venv/bin/pytest tests/test_busy_database.py
"""

from __future__ import annotations

import asyncio
import os
import re
import sqlite3
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, closing
from pathlib import Path

import pytest
from fuzzstats import STATS
from telegram_harness import RunningBot, wait_until

from bot.i18n import t

LOCK_SECONDS = float(os.environ.get("PRESSBOT_LOCK_SECONDS", "0"))
pytestmark = pytest.mark.timeout(60 + 2 * LOCK_SECONDS)

NOT_SAVED = t("en", "not_saved")

# Another process: it commits a new index year (so the bot's alert job has work that needs
# the write lock), takes the write lock again at once, and holds it until told to stop on
# stdin, or for the seconds given.
HOLDER = r"""
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute(
    "INSERT INTO results (year, code, rsf_code, rank, total, score, scale, zone, name_en) "
    "SELECT 2027, code, rsf_code, rank, total, score - 1, scale, zone, name_en "
    "FROM results WHERE year = 2026")
conn.execute("COMMIT")
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
seconds = float(sys.argv[2])
if seconds:
    time.sleep(seconds)
else:
    sys.stdin.readline()
conn.execute("ROLLBACK")
print("released", flush=True)
"""


@asynccontextmanager
async def write_lock_held(db: Path, seconds: float = 0) -> AsyncIterator[
        asyncio.subprocess.Process]:
    """Another process holding the database's write lock (released on exit, or after
    ``seconds`` by itself)."""
    holder = await asyncio.create_subprocess_exec(
        sys.executable, "-c", HOLDER, str(db), str(seconds),
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    assert holder.stdout is not None and holder.stdin is not None
    assert await asyncio.wait_for(holder.stdout.readline(), 20) == b"locked\n"
    try:
        yield holder
    finally:
        if holder.returncode is None:
            holder.stdin.write(b"go\n")
            await holder.stdin.drain()
        await asyncio.wait_for(holder.wait(), 20 + seconds)


def still_locked(db: Path) -> bool:
    with closing(sqlite3.connect(db, timeout=0)) as conn:
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            return "locked" in str(exc)
        conn.execute("ROLLBACK")
        return False


def announced(db: Path) -> str | None:
    with closing(sqlite3.connect(db)) as conn:
        row = conn.execute("SELECT value FROM bot_state WHERE key = 'announced_year'").fetchone()
        return str(row[0]) if row else None


def stored_chats(db: Path) -> set[int]:
    with closing(sqlite3.connect(db)) as conn:
        return {row[0] for row in conn.execute("SELECT chat_id FROM subscriptions")}


async def answer_to(bot: RunningBot, text: str, user: int, timeout: float = 30) -> str:
    """Ask as ``user`` and wait for that chat's reply alone (``bot.ask`` would also wait for
    every other update in flight, the waiting subscriptions included).  The deadline only
    bounds a failure: with the suite's four workers on two cores a reply has taken more
    than ten seconds to come back through the fake server's long poll."""
    bot.api.inject_message(text, user_id=user)
    [reply] = await bot.api.wait_for("sendMessage", timeout=timeout, predicate=lambda c: c.ok
                                     and c.params.get("chat_id") == user)
    return str(reply.result["text"])


QUESTIONS = [("Kazakhstan", "Rank 149 of 180"), ("Norway", "Rank 1 of 180"),
             ("compare Norway and Finland", "NOR"), ("top 3", "Top 3")]


async def test_questions_are_answered_while_another_process_holds_the_write_lock(
        bot: RunningBot) -> None:
    db = bot.settings.db_path
    subscriber = 801
    assert "Subscribed" in (await bot.ask("/subscribe Kazakhstan", user_id=subscriber)).text
    await wait_until(lambda: announced(db) == "2026")  # the alert job's first run
    chats = list(range(810, 850))
    async with write_lock_held(db):
        # Forty subscriptions arrive at once: each waits for the lock on the writer thread.
        updates = [bot.api.inject_message("/subscribe Norway", user_id=chat) for chat in chats]
        # Questions keep being answered while they wait, and while the alert job does.
        for round_ in range(3):
            for user, (question, expected) in enumerate(QUESTIONS, start=900 + 10 * round_):
                assert expected in await answer_to(bot, question, user)
                STATS["questions answered under a write lock"] += 1
        assert still_locked(db)
        # No subscription is acknowledged that was not stored.
        for update in updates:
            await bot.settle(update, timeout=30)
        replies = [bot.outgoing(chat) for chat in chats]
        assert all(len(sent) == 1 and sent[0].result["text"] == NOT_SAVED for sent in replies)
        assert still_locked(db)
    assert stored_chats(db) == {subscriber}
    # The lock gone, writes go through again: the new year's alert, a subscription.
    await bot.api.wait_for("sendMessage", timeout=20, predicate=lambda c: c.ok and c.params.get(
        "chat_id") == subscriber and bool(re.search("2027 is out", c.result["text"])))
    assert "Subscribed: Norway" in (await bot.ask("/subscribe Norway", user_id=chats[0])).text
    assert stored_chats(db) == {subscriber, chats[0]}


@pytest.mark.skipif(not LOCK_SECONDS, reason="the long run: PRESSBOT_LOCK_SECONDS=60")
async def test_a_minute_of_write_lock(bot: RunningBot) -> None:
    db = bot.settings.db_path
    answered = refused = 0
    async with write_lock_held(db, LOCK_SECONDS) as holder:
        user = 10_000
        while holder.returncode is None and still_locked(db):
            question, expected = QUESTIONS[answered % len(QUESTIONS)]
            user += 1
            if answered % 20 == 0:
                bot.api.inject_message("/subscribe Norway", user_id=user + 500_000)  # not awaited
            assert expected in await answer_to(bot, question, user)
            answered += 1
        await bot.settle(timeout=30)
        refused = sum(c.result["text"] == NOT_SAVED for c in bot.api.sent("sendMessage"))
    STATS["questions answered under a write lock"] += answered
    print(f"\n{answered} questions answered and {refused} subscriptions refused during "
          f"{LOCK_SECONDS:.0f} s of another process's write lock")
    assert answered > LOCK_SECONDS and refused > 0
