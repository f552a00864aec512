"""How long the analytical answers take, whole (answer + render), beside naive baselines.

Why: a question about averages or movers must cost no more than a country's card.  Target:
full answer p99 ≤ 5 ms for aggregates and movers, computed from the in-memory snapshot (a
group's statistics computed once per snapshot, then read), never SQL per question.

Measured on one snapshot, bypassing the pipeline's cache of replies (every reply is built):
the first pass over a fresh snapshot ("cold": the statistics computed on first use), then
warm passes.  Baselines, in the same process: the same answers recomputing each group's
statistics from the results every time (no per-snapshot memo), and what a first version
would do — read the figures with SQL for every question and compute them in Python.

    .venv/bin/python benchmarks/bench_answers.py [--rounds N]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from report import percentile, table

from bot.answer import answer
from bot.answer import stats as group_stats_module
from bot.domain import INDICATORS, REGIONS, SUBREGIONS
from bot.importer import build_database
from bot.query import Analysis, Intent, Query
from bot.render import render
from bot.store import Snapshot, Store
from bot.store.snapshot import load_snapshot

TARGET_MS = 5.0
SCOPES: list[tuple[str | None, str | None]] = [
    (None, None), *((r, None) for r in REGIONS), *((None, s) for s in SUBREGIONS)]


def aggregate_queries(years: Sequence[int]) -> list[Query]:
    queries = []
    for lang in ("en", "ru"):
        for year in years:
            for region, subregion in SCOPES:
                for measure in ("mean", "median", "count"):
                    analysis = Analysis(measure=measure, region=region,  # type: ignore[arg-type]
                                        subregion=subregion)
                    queries.append(Query("", Intent.AGGREGATE, year=year, lang=lang,
                                         analysis=analysis))
            for code in ("KAZ", "FRA", "KEN", "MEX", "IND"):
                queries.append(Query("", Intent.AGGREGATE, countries=(code,), year=year,
                                     lang=lang, analysis=Analysis(measure="place")))
    return queries


def movers_queries(years: Sequence[int]) -> list[Query]:
    queries = []
    for lang in ("en", "ru"):
        for year in years:
            for region, _ in SCOPES[:4]:
                for by in ("rank", "score"):
                    for indicator in (None, "safety"):
                        for since in (None, 2022, 2015):
                            analysis = Analysis(by=by, indicator=indicator,  # type: ignore[arg-type]
                                                region=region)
                            queries.append(Query("", Intent.MOVERS, year=year, since=since,
                                                 lang=lang, analysis=analysis))
    return queries


def timed(call: Callable[[Query], object], queries: Sequence[Query], rounds: int) -> list[float]:
    """Milliseconds of each call, ``rounds`` times over the queries."""
    samples = []
    for _ in range(rounds):
        for query in queries:
            started = time.perf_counter()
            call(query)
            samples.append((time.perf_counter() - started) * 1000)
    return samples


# --- the naive baseline: SQL for every question -------------------------------------------------


def naive_aggregate(conn: sqlite3.Connection, query: Query) -> list[str]:
    """Read the group's figures with SQL and compute them every time."""
    spec = query.analysis or Analysis()
    year = query.year or conn.execute("SELECT max(year) FROM results").fetchone()[0]
    where, params = "r.year = ?", [year]
    if spec.subregion in SUBREGIONS:
        codes = sorted(SUBREGIONS[spec.subregion][1])
        where += f" AND r.code IN ({', '.join('?' for _ in codes)})"
        params += codes
    elif spec.region:
        where += " AND c.region = ?"
        params.append(spec.region)
    columns = ", ".join(["r.score", *(f"r.{i}" for i in INDICATORS), "r.situation"])
    rows = conn.execute(f"SELECT {columns} FROM results r JOIN countries c USING (code) "
                        f"WHERE {where} ORDER BY r.rank", params).fetchall()
    lines = []
    for index in range(len(INDICATORS) + 1):
        values = [row[index] for row in rows if row[index] is not None]
        if values:
            lines.append(f"{statistics.fmean(values):.2f} {statistics.median(values):.2f}")
    return lines


def naive_movers(conn: sqlite3.Connection, query: Query) -> list[tuple[str, float]]:
    """Read both years with SQL and compare them every time."""
    spec = query.analysis or Analysis()
    year = query.year or conn.execute("SELECT max(year) FROM results").fetchone()[0]
    base = query.since or conn.execute("SELECT max(year) FROM results WHERE year < ?",
                                       [year]).fetchone()[0]
    column = "rank" if spec.by == "rank" else "score"
    if spec.indicator:
        column = f"{spec.indicator}_rank" if spec.by == "rank" else spec.indicator
    rows = conn.execute(
        f"SELECT a.code, a.{column}, b.{column} FROM results a JOIN results b "
        "ON a.code = b.code JOIN countries c ON c.code = a.code "
        "WHERE a.year = ? AND b.year = ? AND (? IS NULL OR c.region = ?)",
        [year, base, spec.region, spec.region]).fetchall()
    moves = [(code, (old - new) if spec.by == "rank" else (new - old))
             for code, new, old in rows if new is not None and old is not None]
    moves.sort(key=lambda m: m[1])
    return moves[:10] + moves[-10:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="warm passes over the questions")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        build_database(db)
        store = Store(db)
        years = [y for y in store.snapshot().years if y >= 2022] + [2015, 2019]
        kinds = {"aggregates": aggregate_queries(years), "movers": movers_queries(years)}
        conn = sqlite3.connect(db)
        rows = []
        verdicts = []
        for kind, queries in kinds.items():
            fresh = store.read(lambda c: load_snapshot(c, 1))  # no statistics computed yet

            def full(query: Query, snapshot: Snapshot = fresh) -> object:
                return render(answer(query, snapshot), query.lang)

            cold = timed(full, queries, 1)
            warm = timed(full, queries, args.rounds)

            def unmemoised(query: Query, snapshot: Snapshot = fresh) -> object:
                snapshot._derived.clear()  # the baseline recomputes every group every time
                return render(answer(query, snapshot), query.lang)

            # Movers keep nothing between questions (one pass over ≤ 180 countries): only
            # aggregates have statistics to recompute.
            memo_free = (timed(unmemoised, queries, max(1, args.rounds // 4))
                         if kind == "aggregates" else [])
            naive_call = naive_aggregate if kind == "aggregates" else naive_movers
            naive = timed(lambda q, n=naive_call: n(conn, q),  # type: ignore[misc]
                          queries, max(1, args.rounds // 4))
            for label, samples in ((f"{kind}: full answer, cold snapshot", cold),
                                   (f"{kind}: full answer, warm", warm),
                                   (f"{kind}: statistics recomputed each time", memo_free),
                                   (f"{kind}: naive SQL per question, figures only", naive)):
                if not samples:
                    continue
                rate = len(samples) / sum(samples) * 1000
                rows.append([label, f"{len(samples):,}", f"{rate:,.0f}",
                             f"{percentile(samples, 0.5):.3f}",
                             f"{percentile(samples, 0.99):.3f}", f"{max(samples):.2f}"])
            p99 = percentile(warm, 0.99)
            verdicts.append(f"{kind}: full answer p99 {p99:.3f} ms "
                            f"({'within' if p99 <= TARGET_MS else 'OVER'} the {TARGET_MS:g} ms "
                            "target)")
        conn.close()
        store.close()
    print(table(["", "answers", "per s", "p50 ms", "p99 ms", "max ms"], rows))
    print()
    print("\n".join(verdicts))
    print(f"questions: {sum(len(q) for q in kinds.values()):,} distinct "
          f"({', '.join(f'{k} {len(q)}' for k, q in kinds.items())}); "
          f"statistics cached per snapshot by {group_stats_module.__name__}.group_stats")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
