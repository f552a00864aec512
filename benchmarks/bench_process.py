"""Whole processes, as an operator or a script runs them: ``pressbot ask`` start-up, and
``pressbot ask --json`` over many questions, beside a naive process in the same run.

    .venv/bin/python benchmarks/bench_process.py [--questions 3000] [--runs 5]

* start-up: wall time of ``pressbot ask Kazakhstan`` on an existing database with a warm
  understanding cache (process start, imports, snapshot, index, one answer).  Target
  ≤ 0.25 s.
* throughput: ``pressbot ask --json`` over the same mixed questions (every phrasing of
  the test table, then templated questions over every country in English and Russian,
  with typos) against a naive process that reads the English names from the same database
  and makes one ``rapidfuzz.process.extractOne`` per question — start-up included for
  both.  Target: the bot at least 1.5× as fast.  The bot runs as a user runs it (a large
  batch shared among one forked worker per core, bot.batch) and, for comparison, on one
  core (``--jobs 1``).

Medians of ``--runs`` runs of each; the two contenders alternate so that a busy machine
slows both alike.  Standalone: builds its database in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "benchmarks")]

from bench_understand import make_questions  # noqa: E402
from report import table  # noqa: E402

from bot.importer import build_database  # noqa: E402
from bot.store import Store  # noqa: E402

TARGET_STARTUP = 0.25
TARGET_RATIO = 1.5

#: The naive contender: what a first version of the bot would be.
NAIVE = """
import json, sqlite3, sys
from rapidfuzz import process
conn = sqlite3.connect(sys.argv[1])
latest = conn.execute("SELECT max(year) FROM results").fetchone()[0]
names = dict(conn.execute("SELECT name_en, code FROM countries WHERE last_year = ?", [latest]))
choices = list(names)
for line in sys.stdin:
    question = line.rstrip("\\n")
    found = process.extractOne(question, choices, score_cutoff=85)
    codes = [names[found[0]]] if found else []
    print(json.dumps({"question": question, "countries": codes}, ensure_ascii=False))
"""


def timed(command: list[str], env: dict[str, str], stdin: bytes | None = None) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, input=stdin, env=env, cwd=ROOT, capture_output=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{command[:3]} failed: {done.stderr.decode()[-2000:]}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        build_database(db)
        store = Store(db)
        questions = make_questions(store.snapshot(), args.questions)[: args.questions]
        store.close()
        lines = "".join(q.replace("\n", " ") + "\n" for q in questions).encode()
        env = {**os.environ, "PRESSBOT_DB": str(db), "PRESSBOT_CACHE": str(Path(tmp) / "cache")}
        pressbot = [sys.executable, "-m", "bot"]
        timed([*pressbot, "ask", "warm the cache"], env)  # the first run builds the index
        startups = [timed([*pressbot, "ask", "Kazakhstan"], env) for _ in range(args.runs)]
        ours: list[float] = []
        alone: list[float] = []
        naive: list[float] = []
        for _ in range(args.runs):
            ours.append(timed([*pressbot, "ask", "--json"], env, lines))
            alone.append(timed([*pressbot, "ask", "--json", "--jobs", "1"], env, lines))
            naive.append(timed([sys.executable, "-c", NAIVE, str(db)], env, lines))
    startup, bot, one, base = (statistics.median(x) for x in (startups, ours, alone, naive))
    ratio = base / bot
    print(f"{len(questions)} questions, medians of {args.runs} runs\n")
    print(table(
        ["process", "seconds", "questions/s", "target", ""],
        [["pressbot ask Kazakhstan (start-up)", f"{startup:.3f}", "",
          f"≤ {TARGET_STARTUP}", "ok" if startup <= TARGET_STARTUP else "MISSED"],
         [f"pressbot ask --json ({os.cpu_count()} cores)", f"{bot:.3f}",
          f"{len(questions) / bot:,.0f}", "", ""],
         ["pressbot ask --json --jobs 1", f"{one:.3f}", f"{len(questions) / one:,.0f}", "",
          ""],
         ["naive: extractOne per question", f"{base:.3f}", f"{len(questions) / base:,.0f}",
          "", ""]]))
    print(f"\nratio naive / pressbot: {ratio:.2f} (target ≥ {TARGET_RATIO})"
          f" {'ok' if ratio >= TARGET_RATIO else 'MISSED'}; on one core: {base / one:.2f}")
    return 0 if startup <= TARGET_STARTUP and ratio >= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
