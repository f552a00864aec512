"""How fast and how right is understanding a question?

`.venv/bin/python benchmarks/bench_understand.py` [--questions N] [--rounds N]

Builds a store from ``data/`` in a temporary folder, makes a mixed set of questions (the
phrasings of ``tests/phrasings.py`` plus templated questions over every country, in English
and Russian, with typos), and times :meth:`bot.understand.Understander.parse` alone, one
question at a time, against a naive baseline in the same process: one
``rapidfuzz.process.extractOne(message, english_names)`` per message.  Both are scored on
the test table.  The report is one section per stage; the answering stage can be added as
another :class:`Section` (see ``main``).
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import process

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from phrasings import PHRASINGS  # noqa: E402

from bot.answer import answer  # noqa: E402
from bot.importer import build_database  # noqa: E402
from bot.pipeline import Pipeline  # noqa: E402
from bot.query import Query  # noqa: E402
from bot.render import render  # noqa: E402
from bot.store import Snapshot, Store  # noqa: E402
from bot.understand import Understander  # noqa: E402

#: extractOne's WRatio score from which the baseline calls its best name a match.
BASELINE_CUTOFF = 85.0


@dataclass
class Row:
    """One timed contender: latencies in seconds, and accuracy figures as text."""

    name: str
    latencies: list[float]
    wall: float
    accuracy: dict[str, str] = field(default_factory=dict)

    @property
    def per_second(self) -> float:
        return len(self.latencies) / self.wall if self.wall else 0.0

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


@dataclass
class Section:
    title: str
    rows: list[Row]
    notes: list[str] = field(default_factory=list)


def time_calls(name: str, func: Callable[[str], object], questions: Sequence[str]) -> Row:
    """Call ``func`` once per question, timing each call and the whole run."""
    latencies: list[float] = []
    clock = time.perf_counter
    gc.collect()
    gc.disable()  # a collection mid-run would be charged to one unlucky question
    try:
        start = clock()
        for question in questions:
            before = clock()
            func(question)
            latencies.append(clock() - before)
        wall = clock() - start
    finally:
        gc.enable()
    return Row(name, latencies, wall)


def make_questions(snapshot: Snapshot, count: int, seed: int = 2026) -> list[str]:
    """The test table's phrasings, then templated questions until ``count`` are made."""
    rng = random.Random(seed)
    current = [c for c in snapshot.countries.values() if c.last_year == snapshot.latest_year]
    english = [c.name_en for c in current]
    russian = [
        a.alias for a in snapshot.aliases
        if a.lang == "ru" and a.source in ("cldr", "curated") and a.code in
        {c.code for c in current} and not a.alias.endswith(("ский", "цкий"))
    ]  # fmt: skip

    def typo(name: str) -> str:
        if len(name) < 8 or " " in name:
            return name
        i = rng.randrange(2, len(name) - 2)
        return name[:i] + name[i + 1] + name[i] + name[i + 2 :]  # swap two letters

    templates_en = [
        "How free is the press in {c}?",
        "press freedom {c} {y}",
        "{c} vs {d}",
        "compare {c} and {d} in {y}",
        "who owns the media in {c}",
        "are journalists safe in {c}",
        "can journalists be jailed in {c}?",
        "{c} advertising market",
        "{t}",
        "top {n} in {r}",
        "worst {n} countries for journalists",
        "which country is {n}th",
        "which countries mention {w}",
        "{c} since {y}",
        "thanks!",
        "hello",
        "what can you do?",
    ]
    templates_ru = [
        "Свобода прессы: {c}",
        "{c} и {d}",
        "сравни {c} и {d}",
        "{c} в {y} году",
        "цензура: {c}",
        "топ {n}",
        "самые опасные страны для журналистов",
        "привет",
    ]
    regions = ["Africa", "Asia", "Europe", "Central Asia", "the Americas", "the Middle East"]
    words = ["Pegasus", "spyware", "foreign agents", "oligarchs"]
    questions = [text for text, _ in PHRASINGS]
    while len(questions) < count:
        russian_turn = rng.random() < 0.3
        template = rng.choice(templates_ru if russian_turn else templates_en)
        names = russian if russian_turn else english
        questions.append(
            template.format(
                c=rng.choice(names), d=rng.choice(names), t=typo(rng.choice(english)),
                y=rng.choice(snapshot.years), n=rng.randint(3, 30), r=rng.choice(regions),
                w=rng.choice(words),
            )
        )  # fmt: skip
    return questions


def understanding_section(snapshot: Snapshot, questions: list[str], rounds: int) -> Section:
    build_start = time.perf_counter()
    understander = Understander(snapshot)
    build = time.perf_counter() - build_start
    current = [c for c in snapshot.countries.values() if c.last_year == snapshot.latest_year]
    names = [c.name_en for c in current]
    code_of = {c.name_en: c.code for c in current}

    def baseline(message: str) -> tuple[str, ...]:
        found = process.extractOne(message, names, score_cutoff=BASELINE_CUTOFF)
        return (code_of[found[0]],) if found else ()

    # The first pass meets every word for the first time (the fuzzy cache is empty).
    cold = time_calls("understand, first pass", understander.parse, questions)
    warm = time_calls("understand, steady state", understander.parse, questions * rounds)
    naive = time_calls("naive extractOne", baseline, questions * rounds)

    # Accuracy on the test table: the whole parse, and the countries alone.
    full = countries_ok = naive_ok = 0
    for text, expected in PHRASINGS:
        query = understander.parse(text, expected.hint)
        full += not expected.mismatches(query)
        countries_ok += query.countries == expected.countries
        naive_ok += baseline(text) == expected.countries
    total = len(PHRASINGS)
    for row in (cold, warm):
        row.accuracy = {
            "whole parse": f"{full / total:.1%}",
            "countries": f"{countries_ok / total:.1%}",
        }
    naive.accuracy = {"whole parse": "n/a", "countries": f"{naive_ok / total:.1%}"}
    return Section(
        "Understanding a question (text → Query)",
        [cold, warm, naive],
        [
            f"{len(questions)} distinct questions ({total} from the test table), "
            f"steady state over {rounds} rounds",
            f"index built in {build * 1000:.0f} ms: {len(understander.keys)} keys "
            f"from {len(snapshot.aliases)} aliases",
            f"baseline: extractOne(message, {len(names)} English names), "
            f"WRatio ≥ {BASELINE_CUTOFF:.0f}",
        ],
    )


def answering_section(store: Store, questions: list[str], rounds: int) -> Section:
    """The whole pipeline (understand → answer → render) against the naive understanding
    feeding the same answer and render stages."""
    pipeline = Pipeline(store)
    snapshot = store.snapshot()
    current = [c for c in snapshot.countries.values() if c.last_year == snapshot.latest_year]
    names = [c.name_en for c in current]
    code_of = {c.name_en: c.code for c in current}

    def naive(message: str) -> object:
        snap = store.snapshot()
        found = process.extractOne(message, names, score_cutoff=BASELINE_CUTOFF)
        query = Query(text=message, intent="profile" if found else "none",
                      countries=(code_of[found[0]],) if found else ())
        return render(answer(query, snap, store))

    full = time_calls("pipeline.ask (full answer)", pipeline.ask, questions * rounds)
    base = time_calls("naive extractOne + answer", naive, questions * rounds)
    return Section(
        "Answering a question (text → Telegram-HTML messages)",
        [full, base],
        ["both read the same in-memory snapshot and render the same way"],
    )


def startup_seconds(runs: int = 5) -> float:
    """Median wall time of ``python -m bot ask "Kazakhstan"`` on an existing database."""
    import subprocess

    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "bot", "ask", "Kazakhstan"], cwd=ROOT,
                       env=os.environ, capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def print_report(sections: Sequence[Section]) -> None:
    headers = ("", "questions/s", "p50 µs", "p99 µs", "max µs", "whole parse", "countries")
    for section in sections:
        table = [headers]
        for row in section.rows:
            table.append((
                row.name,
                f"{row.per_second:,.0f}",
                f"{row.percentile(0.50) * 1e6:.1f}",
                f"{row.percentile(0.99) * 1e6:.1f}",
                f"{max(row.latencies) * 1e6:.0f}",
                row.accuracy.get("whole parse", ""),
                row.accuracy.get("countries", ""),
            ))  # fmt: skip
        widths = [max(len(line[i]) for line in table) for i in range(len(headers))]
        print(f"\n{section.title}")
        print("-" * len(section.title))
        for line in table:
            cells = [line[0].ljust(widths[0])]
            cells += [cell.rjust(width) for cell, width in zip(line[1:], widths[1:], strict=True)]
            print("  ".join(cells))
        for note in section.notes:
            print(f"  · {note}")
        mean = statistics.fmean(section.rows[0].latencies) * 1e6
        print(f"  · first-pass mean {mean:.1f} µs per question")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=int, default=2000, help="distinct questions")
    parser.add_argument("--rounds", type=int, default=5, help="steady-state repetitions")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        started = time.perf_counter()
        build_database(path)
        store = Store(path)
        snapshot = store.snapshot()
        print(f"store built from data/ in {time.perf_counter() - started:.2f} s "
              f"(latest index {snapshot.latest_year})")  # fmt: skip
        questions = make_questions(snapshot, args.questions)
        sections = [
            understanding_section(snapshot, questions, args.rounds),
            answering_section(store, questions, max(1, args.rounds // 2)),
        ]
        print_report(sections)
        store.close()
        os.environ["PRESSBOT_DB"] = str(path)
        print(f"\n`pressbot ask` start-up, median of 5 runs: {startup_seconds():.2f} s "
              "(process start, imports, snapshot, index, one answer)")


if __name__ == "__main__":
    main()
