"""Benchmark the Telegram layer: updates per second and the latency of inline answers.

    .venv/bin/python benchmarks/bench_telegram.py [--updates 5000] [--inline 3000]

* updates per second through ``Application.process_update`` — the real Application from
  ``build_application`` with every handler, the pipeline and a real database — with the
  network answered in memory by a ``telegram.request.BaseRequest`` subclass (so what is
  measured is the bot, not a socket).  The mix: private questions (70 %), commands (10 %),
  button presses (10 %), inline queries (10 %).  Beside it, in the same run, a naive
  baseline that builds a fresh ``Understander`` (the alias index) for every update.
  Target: ≥ 1,000 updates/s on one core.  AIORateLimiter's overall 30 messages/s is
  lifted for the run (it would measure Telegram's flood limit, not the bot); the limiter
  itself stays in the path.
* inline latency, p50 / p99 of ``InlineCards`` (everything an inline answer costs
  before the network): a stream of queries as people type them, letter by letter, many
  users asking for the same countries; and every query distinct (no cache hit at all).
  Baseline: the same stream without the card cache.  Target: p99 ≤ 20 ms.

The process pins itself to one CPU where the OS allows.  Standalone: needs only the
project's dependencies; writes nothing outside a temp folder.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from offline import TOKEN, TYPED, MemoryRequest, update_mix  # noqa: E402
from report import percentile, table  # noqa: E402
from telegram import Update  # noqa: E402
from telegram.ext import AIORateLimiter  # noqa: E402

from bot.cache import LRU  # noqa: E402
from bot.importer import build_database  # noqa: E402
from bot.pipeline import Pipeline  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.store import Snapshot  # noqa: E402
from bot.telegram.app import build_application  # noqa: E402
from bot.telegram.cards import InlineCards  # noqa: E402
from bot.understand import Understander  # noqa: E402

TARGET_UPDATES = 1000.0
TARGET_INLINE_P99_MS = 20.0


class Forgetful(LRU[Any, Any]):
    """A cache that keeps nothing: what the bot would do without its caches."""

    def put(self, key: Any, value: Any) -> None:
        pass


class FreshUnderstanderPipeline(Pipeline):
    """The naive baseline: the alias index rebuilt for every question, nothing cached."""

    def cache(self, size: int) -> LRU[Any, Any]:
        return Forgetful(1)

    def _current(self) -> tuple[Snapshot, Understander]:
        snapshot = self.store.snapshot()
        return snapshot, Understander(snapshot)


class UncachedPipeline(Pipeline):
    """Every reply computed anew: the inline baseline."""

    def cache(self, size: int) -> LRU[Any, Any]:
        return Forgetful(1)


async def updates_per_second(db: Path, pipeline: Pipeline, n: int) -> tuple[float, float]:
    """(seconds, updates/s) for ``n`` updates through ``Application.process_update``."""
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(token=TOKEN, db_path=db, heartbeat=Path(tmp) / "heartbeat")
        request = MemoryRequest()
        app = build_application(
            settings, pipeline, request=request,
            rate_limiter=AIORateLimiter(overall_max_rate=0, max_retries=0))
        await app.initialize()
        try:
            for raw in update_mix(50):  # warm-up: caches, CLDR names, code paths
                await app.process_update(Update.de_json(raw, app.bot))
            updates = [Update.de_json(raw, app.bot) for raw in update_mix(n)]
            started = time.perf_counter()
            for update in updates:
                await app.process_update(update)
            seconds = time.perf_counter() - started
        finally:
            await app.shutdown()
        sent = request.calls["sendMessage"] + request.calls["editMessageText"]
        assert sent >= n * 0.7, f"only {sent} messages for {n} updates"
    return seconds, n / seconds


# --- inline ----------------------------------------------------------------------------------


def typing_stream(n: int) -> list[str]:
    """What inline queries look like: each word arrives letter by letter, many times."""
    stream: list[str] = []
    for word in itertools.cycle(TYPED):
        stream.extend(word[:i] for i in range(1, len(word) + 1))
        if len(stream) >= n:
            return stream[:n]
    return stream


def distinct_queries(snapshot: Snapshot, n: int) -> list[str]:
    names = sorted({c.name_en.lower() for c in snapshot.countries.values()})
    forms = ["{}", "{} safety", "{} 2023", "compare {} and norway", "{} legal", "{} since 2022"]
    queries = [form.format(name) for form in forms for name in names]
    return queries[:n]


def latencies(call: Callable[[str], object], queries: list[str]) -> list[float]:
    samples = []
    clock = time.perf_counter_ns
    for text in queries:
        start = clock()
        call(text)
        samples.append((clock() - start) / 1e6)
    return samples


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--updates", type=int, default=5000, help="updates for the bot")
    parser.add_argument("--naive-updates", type=int, default=100, help="for the baseline")
    parser.add_argument("--inline", type=int, default=3000, help="inline queries per case")
    args = parser.parse_args()
    pinned = ""
    with contextlib.suppress(AttributeError, OSError):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
        pinned = ", pinned to 1 CPU"

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "pressbot.db"
        build_database(db)
        print(f"Telegram layer benchmark — Python {platform.python_version()}, "
              f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs{pinned}\n")

        bot_pipeline = Pipeline.open(db)
        naive_pipeline = FreshUnderstanderPipeline.open(db)
        seconds, rate = asyncio.run(updates_per_second(db, bot_pipeline, args.updates))
        naive_s, naive_rate = asyncio.run(
            updates_per_second(db, naive_pipeline, args.naive_updates))
        print("Updates through Application.process_update (network answered in memory)")
        print(table(
            ["case", "updates", "seconds", "updates/s", "target", ""],
            [["bot (alias index built once per data version)", f"{args.updates}",
              f"{seconds:.2f}", f"{rate:,.0f}", f"≥ {TARGET_UPDATES:,.0f}",
              verdict(rate >= TARGET_UPDATES)],
             ["naive: a fresh Understander per update", f"{args.naive_updates}",
              f"{naive_s:.2f}", f"{naive_rate:,.0f}", "", ""]]))
        print(f"speed-up: ×{rate / naive_rate:,.0f}\n")

        snapshot = bot_pipeline.store.snapshot()
        cards = InlineCards(bot_pipeline)
        uncached = InlineCards(UncachedPipeline(bot_pipeline.store))
        files: LRU[Any, str] = LRU(16)
        stream = typing_stream(args.inline)
        distinct = distinct_queries(snapshot, args.inline)
        for text in ("k", "казахстан", ""):  # warm-up: CLDR names, code paths
            uncached.replies(text, "en")

        def answer(inline: InlineCards) -> Callable[[str], object]:
            return lambda q: inline.cards(inline.replies(q, "en"), "en", "bot", files)

        rows = []
        cases: list[tuple[str, Callable[[str], object], list[str]]] = [
            ("typing stream (cards cached)", answer(cards), stream),
            ("every query distinct", answer(cards), distinct),
            ("naive: typing stream, nothing cached", answer(uncached), stream),
        ]
        p99s = []
        for name, call, queries in cases:
            samples = latencies(call, queries)
            p50, p99 = percentile(samples, 0.5), percentile(samples, 0.99)
            is_bot = not name.startswith("naive")
            if is_bot:
                p99s.append(p99)
            rows.append([name, f"{len(samples)}", f"{p50:.3f}", f"{p99:.3f}",
                         f"{max(samples):.2f}", f"{statistics.fmean(samples):.3f}",
                         f"≤ {TARGET_INLINE_P99_MS:.0f}" if is_bot else "",
                         verdict(p99 <= TARGET_INLINE_P99_MS) if is_bot else ""])
        print("Inline answers: InlineCards, everything before the network (ms)")
        print(table(["case", "queries", "p50", "p99", "max", "mean", "p99 target", ""], rows))
        bot_pipeline.close()
        naive_pipeline.close()
    ok = rate >= TARGET_UPDATES and all(p <= TARGET_INLINE_P99_MS for p in p99s)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
