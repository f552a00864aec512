"""Benchmark the data layer: rebuilding the database, opening the store, answering lookups.

    .venv/bin/python benchmarks/bench_data.py [--runs 5] [--opens 20] [--lookups 100000]

* full rebuild: ``build_database`` from ``data/`` (every CSV, the profiles, the aliases)
  into a fresh file, median of ``--runs`` (target: under 3 s on 2 cores);
* opening: ``Store(path)`` plus its first ``snapshot()``, as a bot process start pays it;
* lookups of one country and year, p50 / p99 per call: ``snapshot.result('KAZ', 2024)``,
  ``store.snapshot().result(...)`` (what a request does: it checks ``PRAGMA data_version``
  first), beside naive baselines measured in the same run: a fresh ``sqlite3`` connection
  plus a SELECT per lookup, and a SELECT on one kept connection.

Standalone: needs only the project's dependencies; writes nothing outside a temp folder.
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from report import percentile, table  # noqa: E402

from bot.importer import build_database, shipped_files  # noqa: E402
from bot.store import Store, data_dir  # noqa: E402

CODE, YEAR = "KAZ", 2024
TARGET_REBUILD_S = 3.0


def per_call(fn: Callable[[], object], n: int) -> list[float]:
    """Seconds taken by each of ``n`` calls (after a short warm-up)."""
    for _ in range(min(n, 1000)):
        fn()
    clock = time.perf_counter_ns
    samples = []
    for _ in range(n):
        start = clock()
        fn()
        samples.append((clock() - start) / 1e9)
    return samples


def human(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds * 1e6:.2f} µs"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="full rebuilds (median reported)")
    parser.add_argument("--opens", type=int, default=20, help="Store opens + first snapshot")
    parser.add_argument("--lookups", type=int, default=100_000, help="in-memory lookups")
    parser.add_argument("--naive", type=int, default=2_000, help="baseline lookups")
    args = parser.parse_args()

    files = shipped_files(data_dir())
    with tempfile.TemporaryDirectory(prefix="pressbot-bench-") as tmp:
        folder = Path(tmp)
        rebuilds = []
        for run in range(args.runs):
            target = folder / f"rebuild-{run}.db"
            start = time.perf_counter()
            build_database(target)
            rebuilds.append(time.perf_counter() - start)
        db_path = folder / "rebuild-0.db"

        opens = []
        for _ in range(args.opens):
            start = time.perf_counter()
            store = Store(db_path)
            store.snapshot()
            opens.append(time.perf_counter() - start)
            store.close()

        store = Store(db_path)
        snapshot = store.snapshot()
        result = snapshot.result(CODE, YEAR)
        assert result is not None and (result.rank, result.score) == (142, 41.11)
        sql = "SELECT * FROM results WHERE code = ? AND year = ?"

        def fresh_connection() -> object:
            with sqlite3.connect(db_path) as conn:
                row = conn.execute(sql, (CODE, YEAR)).fetchone()
            conn.close()
            return row

        kept = sqlite3.connect(db_path)
        lookups = [
            ("snapshot.result('KAZ', 2024)", args.lookups, lambda: snapshot.result(CODE, YEAR)),
            (
                "store.snapshot().result('KAZ', 2024)",
                args.lookups,
                lambda: store.snapshot().result(CODE, YEAR),
            ),
            (
                "baseline: kept connection + SELECT",
                args.lookups // 10,
                lambda: kept.execute(sql, (CODE, YEAR)).fetchone(),
            ),
            ("baseline: sqlite3.connect + SELECT", args.naive, fresh_connection),
        ]
        lookup_rows = []
        for name, n, fn in lookups:
            samples = per_call(fn, n)
            lookup_rows.append(
                [
                    name,
                    f"{n}",
                    human(percentile(samples, 0.5)),
                    human(percentile(samples, 0.99)),
                    human(statistics.fmean(samples)),
                ]
            )
        kept.close()
        store.close()
        size = db_path.stat().st_size

    median_rebuild = statistics.median(rebuilds)
    verdict = "OK" if median_rebuild < TARGET_REBUILD_S else "SLOWER THAN TARGET"
    print(
        f"Press Freedom Bot: data benchmarks\n"
        f"python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"{os.cpu_count()} CPUs, {platform.machine()}\n"
        f"data: {len(files)} files from {data_dir()}; database {size / 1e6:.1f} MB\n"
    )
    print(
        table(
            ["step", "runs", "median", "min", "max"],
            [
                [
                    "full rebuild from data/",
                    f"{len(rebuilds)}",
                    human(median_rebuild),
                    human(min(rebuilds)),
                    human(max(rebuilds)),
                ],
                [
                    "open: Store(path) + first snapshot()",
                    f"{len(opens)}",
                    human(statistics.median(opens)),
                    human(min(opens)),
                    human(max(opens)),
                ],
            ],
        )
    )
    print(f"rebuild target < {TARGET_REBUILD_S:.0f} s: {verdict}\n")
    print(table(["lookup of one country and year", "calls", "p50", "p99", "mean"], lookup_rows))
    return 0 if median_rebuild < TARGET_REBUILD_S else 1


if __name__ == "__main__":
    sys.exit(main())
