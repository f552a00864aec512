"""Release alerts are delivered at most once (issue 15, finding 11).

An alert is claimed in the database (``sending``) just before its message goes out and
marked ``sent`` as soon as Telegram confirms.  A bot killed between the two never sends it
again: the subscriber may, rarely, miss an alert whose send was cut short, and never gets
one twice.  The kill here is real: ``pressbot run`` against the fake Bot API, SIGKILLed
while Telegram holds the alert's answer, after the message was delivered.
"""

from __future__ import annotations

import re
import signal
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from fakebotapi import FakeBotAPI
from telegram_harness import RunningBot, modified_csv, pressbot_run, run_cli, wait_until

from bot.store import Store

pytestmark = pytest.mark.timeout(120)

CSV_2026 = Path(__file__).resolve().parent.parent / "data" / "csv" / "2026.csv"


def alerts_to(api: FakeBotAPI, chat_id: int) -> list[str]:
    """The alert messages Telegram delivered to a chat (whether or not the bot heard back)."""
    return [c.result["text"] for c in api.calls
            if c.method == "sendMessage" and c.ok and c.params.get("chat_id") == chat_id
            and re.search(r"Index \d{4} is out", c.result["text"])]


def statuses(db: Path) -> dict[int, str]:
    with closing(sqlite3.connect(db)) as conn:
        return dict(conn.execute("SELECT chat_id, status FROM alerts"))


async def new_year_for(db: Path, tmp_path: Path, *chats: int) -> None:
    """Chats subscribed, 2026 announced, then 2027 imported: one alert due per chat."""
    store = Store(db)
    try:
        for chat in chats:
            store.subscribe(chat, ["KAZ"], "en")
        store.plan_alerts()  # the bot's first run: 2026 is what subscribers already know
    finally:
        store.close()
    modified_csv(CSV_2026, tmp_path / "2027.csv", year=2027, delta=-1.0)
    code, _, err = await run_cli("data", "import", str(tmp_path / "2027.csv"), db=db)
    assert code == 0, err


async def test_killed_between_send_and_mark_the_alert_is_not_sent_again(
        api: FakeBotAPI, bot_db: Path, tmp_path: Path) -> None:
    first, second = 701, 702  # alerts go out in chat order
    await new_year_for(bot_db, tmp_path, first, second)
    api.stall_next("sendMessage", 30)  # delivered, but the answer is late
    async with pressbot_run(api, bot_db, tmp_path) as process:
        await api.wait_for("sendMessage", timeout=30,
                           predicate=lambda c: c.params.get("chat_id") == first)
        process.send_signal(signal.SIGKILL)
        await process.wait()
    assert len(alerts_to(api, first)) == 1
    assert statuses(bot_db) == {first: "sending", second: "pending"}
    async with pressbot_run(api, bot_db, tmp_path):
        await api.wait_for("sendMessage", timeout=30,
                           predicate=lambda c: c.params.get("chat_id") == second and c.ok)
        await wait_until(lambda: statuses(bot_db)[second] == "sent")
    assert len(alerts_to(api, first)) == 1  # not a second time
    assert len(alerts_to(api, second)) == 1
    assert statuses(bot_db) == {first: "sending", second: "sent"}
    code, out, _ = await run_cli("data", "status", db=bot_db)
    assert code == 0 and "alerts: 1 sent, 1 unconfirmed" in out


async def test_alerts_without_faults_are_sent_once_and_marked(
        bot: RunningBot, tmp_path: Path) -> None:
    db = bot.settings.db_path
    await new_year_for(db, tmp_path, 711, 712)
    await wait_until(lambda: statuses(db) == {711: "sent", 712: "sent"})
    await bot.run_alert_job()
    assert [len(alerts_to(bot.api, chat)) for chat in (711, 712)] == [1, 1]


async def test_an_alert_telegram_refused_is_tried_again(bot: RunningBot, tmp_path: Path) \
        -> None:
    """A refusal means Telegram did not deliver it: the alert waits for the next run."""
    db = bot.settings.db_path
    bot.api.fail_next("sendMessage", status=400)
    await new_year_for(db, tmp_path, 721)
    await wait_until(lambda: statuses(db) == {721: "sent"})
    assert len(alerts_to(bot.api, 721)) == 1
    refused = [c for c in bot.api.calls if c.method == "sendMessage" and c.status == 400]
    assert len(refused) == 1
