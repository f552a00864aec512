"""Operating the running bot (issue 5): imports served live, release alerts exactly once,
blocked chats, operator commands, secrets in logs, and a load test during an import.

Everything goes through the running Application and the fake Bot API; imports run as the
operator runs them, ``python -m bot data import`` in another process on the same database.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import sqlite3
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from fakebotapi import FakeBotAPI
from telegram_harness import (
    ADMIN_ID,
    BOT_USERNAME,
    GROUP_ID,
    ROOT,
    TOKEN,
    RunningBot,
    modified_csv,
    run_cli,
    running_bot,
    wait_until,
)

from bot.i18n import t
from bot.telegram.delivery import RetryingRateLimiter

pytestmark = pytest.mark.timeout(90)

CSV_2026 = ROOT / "data" / "csv" / "2026.csv"
UNKNOWN_EN = t("en", "unknown_command")


def db_rows(db: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


async def import_year(db: Path, tmp: Path, year: int, delta: float) -> dict[str, float]:
    """Import data/csv/2026.csv as ``year`` with every score moved by ``delta``."""
    target = tmp / f"{year}.csv"
    scores = modified_csv(CSV_2026, target, year=year, delta=delta)
    code, out, err = await run_cli("data", "import", str(target), db=db)
    assert code == 0, err
    assert f"csv {year}" in out
    return scores


def alerts_to(api: FakeBotAPI, chat_id: int) -> list[str]:
    return [c.result["text"] for c in api.sent("sendMessage", chat_id)
            if re.search(r"Index \d{4} is out|Вышел", c.result["text"])]


# --- imports are served live ----------------------------------------------------------------


async def test_imported_year_is_served_at_once(bot: RunningBot, tmp_path: Path) -> None:
    before = await bot.ask("Kazakhstan")
    assert "Index 2026" in before.text
    scores = await import_year(bot.settings.db_path, tmp_path, 2027, delta=-1.5)
    sent = await bot.ask("Kazakhstan")  # the very next question: no reload, no restart
    assert "Index 2027" in sent.text and f"Score {scores['KAZ']:.2f}" in sent.text
    assert "Since 2026: rank unchanged, score -1.50" in sent.text
    ranking = await bot.ask("/top 3")
    assert "Index 2027" in ranking.text and f"{scores['NOR']:.2f}" in ranking.text
    inline = await bot.inline("kazakhstan")  # the inline cache follows the data too
    assert "2027" in inline.params["results"][0]["input_message_content"]["message_text"]


# --- release alerts -------------------------------------------------------------------------


async def subscribe_private_and_group(bot: RunningBot, user: int, admin: int) -> None:
    sent = await bot.ask("/subscribe Kazakhstan", user_id=user)
    assert "Subscribed: Kazakhstan" in sent.text
    bot.api.set_member_status(GROUP_ID, admin, "administrator")
    sent = await bot.ask(f"/subscribe@{BOT_USERNAME} Kazakhstan, Norway", user_id=admin,
                         chat_type="supergroup")
    assert "Subscribed: Kazakhstan, Norway" in sent.text


def announced(db: Path) -> int | None:
    rows = db_rows(db, "SELECT value FROM bot_state WHERE key = 'announced_year'")
    return int(str(rows[0][0])) if rows else None


async def test_alerts_exactly_once_per_new_year_across_a_restart(
        api: FakeBotAPI, bot_db: Path, tmp_path: Path) -> None:
    user, admin = 61, 62
    # Two new years in a row, the second after a restart: 2026 and 2027, with 2026 taken
    # out of the database first (an index year can be next year's at the latest).
    code, _, err = await run_cli("data", "remove", "2026", db=bot_db)
    assert code == 0, err
    async with running_bot(api, bot_db, tmp_path) as bot:
        await subscribe_private_and_group(bot, user, admin)
        await wait_until(lambda: announced(bot_db) == 2025)  # the job's first run
        scores = await import_year(bot_db, tmp_path, 2026, delta=-1.0)
        await wait_until(lambda: alerts_to(api, user) and alerts_to(api, GROUP_ID))
        [private] = alerts_to(api, user)
        [group] = alerts_to(api, GROUP_ID)
        assert "World Press Freedom Index 2026 is out" in private
        assert f"{scores['KAZ']:.2f}" in private and "Norway" not in private
        assert "Kazakhstan" in group and "Norway" in group
    # A new process on the same database: nothing is sent twice.
    async with running_bot(api, bot_db, tmp_path) as bot:
        sends = len(api.sent("sendMessage"))
        for _ in range(3):
            await bot.run_alert_job()
        assert len(api.sent("sendMessage")) == sends
        await import_year(bot_db, tmp_path, 2027, delta=-2.0)
        await wait_until(lambda: len(alerts_to(api, user)) == 2
                         and len(alerts_to(api, GROUP_ID)) == 2)
        await bot.run_alert_job()  # one more run of the job: still exactly one each
    assert len(alerts_to(api, user)) == 2 and len(alerts_to(api, GROUP_ID)) == 2
    assert "2027 is out" in alerts_to(api, user)[1]
    assert db_rows(bot_db, "SELECT DISTINCT status FROM alerts") == [("sent",)]


async def test_alerts_are_paced_under_telegrams_limits(bot: RunningBot, tmp_path: Path) -> None:
    """75 subscribers of a new index: every one alerted once, never faster than the rate
    limiter allows (a burst of 30, then about 30 a second), so Telegram sends no 429s."""
    chats = list(range(500_000, 500_075))
    db = bot.settings.db_path
    await wait_until(lambda: announced(db) == 2026)
    for chat in chats:
        bot.pipeline.store.subscribe(chat, ["KAZ"], "en")
    await import_year(db, tmp_path, 2027, delta=-1.0)
    await wait_until(lambda: all(alerts_to(bot.api, c) for c in chats))
    sends = sorted(c.time for c in bot.api.sent("sendMessage") if c.params["chat_id"] in chats)
    assert len(sends) == len(chats)
    # (75 - a burst of 30) / 30 per second = 1.5 s at the least.
    assert sends[-1] - sends[0] >= 1.2
    assert max(sum(1 for t in sends if s <= t < s + 1.0) for s in sends) <= 60


async def test_blocked_chat_is_unsubscribed_and_not_retried(
        bot: RunningBot, tmp_path: Path) -> None:
    blocked, other = 71, 72
    for user in (blocked, other):
        assert "Subscribed" in (await bot.ask("/subscribe Kazakhstan", user_id=user)).text
    db = bot.settings.db_path
    await wait_until(lambda: announced(db) == 2026)
    bot.api.block_chat(blocked)
    since = len(bot.api.calls)
    await import_year(db, tmp_path, 2027, delta=-1.0)
    await wait_until(lambda: alerts_to(bot.api, other))

    def attempts() -> list[int]:
        return [c.status for c in bot.api.calls[since:] if c.method == "sendMessage"
                and c.params.get("chat_id") == blocked]

    assert attempts() == [403]
    assert db_rows(db, "SELECT count(*) FROM subscriptions WHERE chat_id = ?", blocked) == [(0,)]
    # Nothing about a chat that blocked the bot stays in the database.
    assert db_rows(db, "SELECT count(*) FROM alerts WHERE chat_id = ?", blocked) == [(0,)]
    await bot.run_alert_job()  # the job runs again: no second attempt
    assert attempts() == [403]
    assert db_rows(db, "SELECT count(*) FROM subscriptions WHERE chat_id = ?", other) == [(1,)]


async def test_group_subscriptions_are_for_admins(bot: RunningBot) -> None:
    member, admin = 81, 82
    bot.api.set_member_status(GROUP_ID, admin, "creator")
    sent = await bot.ask("/subscribe Kazakhstan", user_id=member, chat_type="supergroup")
    assert sent.text == t("en", "group_admins_only")
    assert db_rows(bot.settings.db_path, "SELECT count(*) FROM subscriptions") == [(0,)]
    sent = await bot.ask("/subscribe Kazakhstan", user_id=admin, chat_type="supergroup")
    assert "Subscribed: Kazakhstan" in sent.text
    sent = await bot.ask("/unsubscribe all", user_id=member, chat_type="supergroup")
    assert sent.text == t("en", "group_admins_only")
    assert db_rows(bot.settings.db_path, "SELECT chat_id, code FROM subscriptions") == [
        (GROUP_ID, "KAZ")]
    # An anonymous administrator writes as the group itself.
    group = {"id": GROUP_ID, "type": "supergroup", "title": "Test"}
    sent = await bot.ask("/subscribe Norway", user_id=1087968824, chat_type="supergroup",
                         extra={"sender_chat": group})
    assert "Subscribed: Norway" in sent.text


# --- operator commands ----------------------------------------------------------------------


@pytest.mark.parametrize("command", ["/status", "/reload", "/status now"])
async def test_operator_commands_are_invisible_to_others(bot: RunningBot, command: str) -> None:
    sent = await bot.ask(command, user_id=ADMIN_ID + 1)
    assert sent.texts == [UNKNOWN_EN]
    assert str(bot.settings.db_path) not in sent.html and "data version" not in sent.text
    group = await bot.ask(f"{command.split()[0]}@{BOT_USERNAME}", user_id=ADMIN_ID + 1,
                          chat_type="supergroup")
    assert group.texts == [UNKNOWN_EN]


async def test_operator_commands_for_admins(bot: RunningBot, tmp_path: Path) -> None:
    status = await bot.ask("/status", user_id=ADMIN_ID)
    assert "data version" in status.text and "latest index 2026" in status.text
    assert str(bot.settings.db_path) in status.text and "uptime" in status.text
    reload = await bot.ask("/reload", user_id=ADMIN_ID)
    assert re.fullmatch(r"Reloaded: data version \d+, years 2002–2026, \d+ countries\.",
                        reload.text)


# --- secrets never reach the logs -----------------------------------------------------------


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture
def collected() -> Iterator[Collect]:
    root = logging.getLogger()
    level = root.level
    handler = Collect()
    yield handler
    root.removeHandler(handler)
    root.setLevel(level)
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.WARNING)


async def test_token_never_appears_in_logs(
        api: FakeBotAPI, bot_db: Path, tmp_path: Path, collected: Collect) -> None:
    root = logging.getLogger()
    async with running_bot(api, bot_db, tmp_path) as bot:  # configure_logging as in production
        # A handler added after configuration, everything at DEBUG, and httpx allowed to log
        # every request URL (which contains the token).
        root.addHandler(collected)
        root.setLevel(logging.DEBUG)
        logging.getLogger("httpx").setLevel(logging.DEBUG)
        api.fail_next("getUpdates", status=502)
        api.drop_next("getUpdates")
        await api.wait_for("getUpdates", predicate=lambda c: c.status in (0, 502), count=2)
        api.drop_next("sendMessage")  # a dropped send: retried, logged with its exception
        assert "Rank 149" in (await bot.ask("Kazakhstan", timeout=15)).text
        with sqlite3.connect(bot_db) as db:  # a failing update: a logged traceback
            db.execute("ALTER TABLE results RENAME TO results_gone")
        await bot.ask("Norway")
        with sqlite3.connect(bot_db) as db:
            db.execute("ALTER TABLE results_gone RENAME TO results")
    secret = TOKEN.split(":")[1]
    text = "\n".join(collected.lines)
    assert "HTTP Request: POST" in text and "<redacted>" in text  # URLs were logged, redacted
    assert "Traceback" in text and "no such table" in text  # so were the errors
    assert TOKEN not in text and secret not in text


# --- load -----------------------------------------------------------------------------------

QUESTIONS = [
    "compare Norway, Finland, Kazakhstan",
    "Kazakhstan",
    "are journalists safe in Kazakhstan?",
    "Norway",
    "Казахстан",
    "compare Norway, Finland, Kazakhstan",
    "Mexico in 2023",
    "top 5",
    "Finland",
    "compare Kyrgyzstan and Kazakhstan",
]


#: Questions in the load test (CI runs the default; a long run sets more).
LOAD_QUESTIONS = int(os.environ.get("PRESSBOT_LOAD_QUESTIONS", "500"))


def compare_scores(text: str) -> dict[str, float]:
    """``NOR     1  92.72 …`` rows of a comparison table: code → global score."""
    return {m[1]: float(m[2]) for m in re.finditer(r"^([A-Z]{3})\s+\d+\s+([\d.]+)", text, re.M)}


async def test_load_of_questions_during_an_import(
        api: FakeBotAPI, bot_db: Path, tmp_path: Path) -> None:
    """Questions from 60 users while an import changes every 2026 score (500 by default,
    ``PRESSBOT_LOAD_QUESTIONS=2000`` for the long run): every one answered exactly once,
    each answer wholly from the old or wholly from the new data."""
    total = LOAD_QUESTIONS
    backlog, during, late_count = total * 3 // 10, total * 17 // 20, total * 3 // 20
    users = [90_000 + i for i in range(50)]
    late_users = [91_000 + i for i in range(10)]  # they ask only after the import finished
    delta = -0.37
    target = tmp_path / "2026.csv"
    new = modified_csv(CSV_2026, target, delta=delta)
    old = modified_csv(CSV_2026, tmp_path / "same.csv")  # delta 0: the shipped scores
    # Telegram allows ~30 messages/s overall: AIORateLimiter's overall pacing alone would make
    # 2,000 replies take over a minute, so it is lifted here (per-group pacing and 429
    # retries stay).  The production limiter is the default of build_application.
    limiter = RetryingRateLimiter(overall_max_rate=0, max_retries=3)
    async with running_bot(api, bot_db, tmp_path, rate_limiter=limiter) as bot:
        started = time.monotonic()
        asked = Counter[int]()

        def ask(user: int, index: int) -> None:
            api.inject_message(QUESTIONS[index % len(QUESTIONS)], user_id=user)
            asked[user] += 1

        for i in range(backlog):  # a backlog, then the import, with questions still arriving
            ask(users[i % 50], i // 50)
        importer = asyncio.create_task(
            run_cli("data", "import", str(target), db=bot_db))
        i = backlog
        while not importer.done() and i < during:
            for _ in range(min(25, during - i)):
                ask(users[i % 50], i // 50)
                i += 1
            await asyncio.sleep(0.02)
        code, _, err = await importer
        assert code == 0, err
        imported_at = len(api.calls)
        while i < during:
            ask(users[i % 50], i // 50)
            i += 1
        for j in range(late_count):  # asked after the import: must be the new data
            ask(late_users[j % 10], j)
        await bot.settle(timeout=80)
        elapsed = time.monotonic() - started

    replies = [c for c in api.calls if c.method == "sendMessage"]
    assert all(c.ok for c in replies)
    assert len(replies) == during + late_count, f"{len(replies)} replies to {total} questions"
    per_chat = Counter(c.params["chat_id"] for c in replies)
    assert per_chat == asked
    versions: Counter[str] = Counter()
    for call in replies:
        text = call.result["text"]
        assert "Sorry" not in text
        table = compare_scores(text)
        if {"NOR", "FIN", "KAZ"} <= set(table):
            got = (table["NOR"], table["FIN"], table["KAZ"])
            was = (old["NOR"], old["FIN"], old["KAZ"])
            now = (new["NOR"], new["FIN"], new["KAZ"])
            assert got in (was, now), f"mixed versions in one reply: {got}"
            versions["old" if got == was else "new"] += 1
        if "Rank 149 of 180" in text:  # a Kazakhstan profile: score and change agree
            pair = re.search(r"Score ([\d.]+).*?score ([-+][\d.]+)", text, re.S)
            assert pair is not None
            assert (pair[1], pair[2]) in (("34.41", "-4.93"), (f"{34.41 + delta:.2f}",
                                                               f"{-4.93 + delta:+.2f}"))
    late = [c for c in api.calls[imported_at:] if c.method == "sendMessage"
            and c.params["chat_id"] in late_users]
    assert len(late) == late_count
    for call in late:
        table = compare_scores(call.result["text"])
        if "NOR" in table:
            assert table["NOR"] == new["NOR"]
    assert versions["old"] > 0 and versions["new"] > 0, versions
    print(f"\nload: {total} questions answered in {elapsed:.1f} s "
          f"({total / elapsed:.0f}/s), replies by data version {dict(versions)}")
