"""Resources: memory stays flat over many updates; SIGTERM closes everything quickly.

``PRESSBOT_SOAK_UPDATES`` sets how many updates the soak test processes after its warm-up
(CI: 5,000; ``PRESSBOT_SOAK_UPDATES=50000 .venv/bin/pytest tests/test_resources.py`` is the
long run).
"""

from __future__ import annotations

import asyncio
import gc
import os
import resource
import signal
from pathlib import Path

from fakebotapi import FakeBotAPI
from fuzzstats import STATS
from offline import TOKEN, MemoryRequest, update_mix
from telegram import Update
from telegram_harness import pressbot_run

from bot.pipeline import Pipeline
from bot.settings import Settings
from bot.telegram.app import build_application
from bot.telegram.delivery import RetryingRateLimiter

SOAK_UPDATES = int(os.environ.get("PRESSBOT_SOAK_UPDATES", "5000"))
#: The conversation's memory in the soak: a tenth of the default, so the warm-up that
#: fills it takes 2,000 updates rather than 20,000 (a leak shows in the soak whatever
#: the bound; ``PRESSBOT_SOAK_MEMORY=10000`` soaks at the default).
SOAK_MEMORY = int(os.environ.get("PRESSBOT_SOAK_MEMORY", "1000"))
#: Growth allowed once every bounded cache is full (allocator noise, not a leak).
ALLOWED_GROWTH_MB = 8.0


def rss_mb() -> float:
    """Resident memory now (not the peak): /proc/self/statm's second field."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * resource.getpagesize() / 2**20


async def test_memory_stays_flat_over_many_updates(bot_db: Path, tmp_path: Path) -> None:
    settings = Settings(token=TOKEN, db_path=bot_db, heartbeat=tmp_path / "heartbeat",
                        conversation_memory=SOAK_MEMORY)
    request = MemoryRequest()
    app = build_application(
        settings, Pipeline.open(bot_db), request=request,
        rate_limiter=RetryingRateLimiter(overall_max_rate=0, max_retries=0),
    )
    await app.initialize()
    try:
        # Warm-up: fill every bounded cache (conversation memory, inline cards, CLDR names).
        warm = update_mix(2 * SOAK_MEMORY)
        soak = update_mix(SOAK_UPDATES)  # made before measuring: only the bot is measured
        for raw in soak:
            raw["update_id"] += len(warm)
        for raw in warm:
            await app.process_update(Update.de_json(raw, app.bot))
        gc.collect()
        before = rss_mb()
        for raw in soak:
            await app.process_update(Update.de_json(raw, app.bot))
        gc.collect()
        after = rss_mb()
    finally:
        await app.shutdown()
    STATS["soak updates processed"] += len(warm) + SOAK_UPDATES
    STATS["soak memory growth (KB)"] += round((after - before) * 1024)
    assert request.calls["sendMessage"] > 0.6 * (len(warm) + SOAK_UPDATES)
    assert after - before < ALLOWED_GROWTH_MB, f"memory grew {after - before:.1f} MB"


async def test_sigterm_closes_the_database_within_5_seconds(
    api: FakeBotAPI, bot_db: Path, tmp_path: Path
) -> None:
    wal = bot_db.with_name(bot_db.name + "-wal")
    async with pressbot_run(api, bot_db, tmp_path) as process:
        await api.wait_for("getUpdates", timeout=20)
        api.inject_message("Kazakhstan", user_id=77)
        await api.wait_for("sendMessage")
        assert wal.exists()  # the bot holds the database open in WAL mode
        process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(process.wait(), 5)  # the promise: gone within 5 s
    assert process.returncode == 0
    assert "database closed" in process.stderr_text  # type: ignore[attr-defined]
    # SQLite removes the WAL file when the last connection closes cleanly.
    assert not wal.exists()
