"""How long a chart takes: drawn (cold) and from the cache, beside a naive pyplot baseline.

Why: /chart must not stall the bot.  Targets: ≤ 300 ms to draw a chart once matplotlib is
imported, ≤ 5 ms to serve one already drawn (the data read, the cache key, the LRU hit).
The baseline is what a first version would do: pyplot with default settings, no cache.

    .venv/bin/python benchmarks/bench_charts.py [--rounds N]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from report import percentile

from bot import button_data
from bot.domain import INDICATORS
from bot.importer import build_database
from bot.pipeline import Pipeline
from bot.store import Snapshot

T = TypeVar("T")
COUNTRIES = ["KAZ", "NOR", "USA", "MEX", "IND", "ERI", "FRA", "BRA", "CHN", "UKR", "KGZ", "ZAF"]
COMPARISONS = [("KAZ", "KGZ", "UZB"), ("NOR", "FIN", "DNK", "SWE", "ISL")]


def timed(call: Callable[[T], object], items: Iterable[T]) -> list[float]:
    """Milliseconds of ``call(item)`` for each item."""
    result = []
    for item in items:
        started = time.perf_counter()
        call(item)
        result.append((time.perf_counter() - started) * 1000)
    return result


def naive_png(snapshot: Snapshot, code: str) -> bytes:
    """The baseline: pyplot, default style, every scale on one line, no cache."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    history = snapshot.history(code)
    latest = history[-1]
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(8, 6))
    top.plot([r.year for r in history], [r.score for r in history], marker="o")
    top.set_title(snapshot.countries[code].name_en)
    bottom.barh(list(INDICATORS), [latest.indicators[i][0] for i in INDICATORS])
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=150)
    plt.close(fig)
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200, help="cache hits per chart")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        build_database(db)
        pipeline = Pipeline.open(db)
        snapshot = pipeline.store.snapshot()

        def chart(codes: tuple[str, ...]) -> bytes:
            """A Chart button pressed: the reply, then its picture (drawn once)."""
            reply = pipeline.press(button_data.chart(codes, None), "en")
            assert reply is not None and reply.rendered.chart is not None
            return pipeline.chart_png(reply.rendered.chart)

        def naive(code: str) -> bytes:
            return naive_png(snapshot, code)

        [first] = timed(chart, [("DEU",)])  # includes importing matplotlib
        cold = timed(chart, [(code,) for code in COUNTRIES])
        cold_compare = timed(chart, COMPARISONS)
        hits = timed(chart, [(code,) for _ in range(args.rounds) for code in COUNTRIES])
        sizes = [len(chart((code,))) for code in COUNTRIES]

        naive("DEU")  # pyplot's own first-use costs, not counted
        naive_cold = timed(naive, COUNTRIES)
        naive_again = timed(naive, COUNTRIES * 3)
        naive_sizes = [len(naive_png(snapshot, code)) for code in COUNTRIES]
        pipeline.close()

    rows = [
        ("pressbot, one country", statistics.median(cold), max(cold),
         percentile(hits, 0.5), percentile(hits, 0.99), statistics.median(sizes)),
        ("pressbot, comparison", statistics.median(cold_compare), max(cold_compare),
         float("nan"), float("nan"), float("nan")),
        ("naive pyplot, no cache", statistics.median(naive_cold), max(naive_cold),
         percentile(naive_again, 0.5), percentile(naive_again, 0.99),
         statistics.median(naive_sizes)),
    ]
    print(f"chart rendering, {len(COUNTRIES)} countries, {len(hits)} cache hits "
          f"(first chart incl. importing matplotlib: {first:.0f} ms)\n")
    print(f"{'':<24}{'cold median':>13}{'cold max':>11}{'again p50':>12}{'again p99':>12}"
          f"{'PNG KB':>9}")
    for label, median, worst, p50, p99, size in rows:
        again = (f"{p50:>10.2f}ms{p99:>10.2f}ms" if p50 == p50 else f"{'—':>12}{'—':>12}")
        kb = f"{size / 1024:>9.0f}" if size == size else f"{'—':>9}"
        print(f"{label:<24}{median:>11.0f}ms{worst:>9.0f}ms{again}{kb}")
    print(f"{'target':<24}{'≤ 300':>11}ms{'':>11}{'≤ 5':>10}ms")
    ok = statistics.median(cold) <= 300 and percentile(hits, 0.5) <= 5
    print("\nwithin targets" if ok else "\nOVER TARGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
