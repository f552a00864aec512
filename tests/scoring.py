"""Scoring the understanding against the question tables of ``tests/understanding/``.

One reader of the tables (:func:`read_table`) and one scorer (:func:`score`), shared by
``tests/test_understanding_tables.py`` and ``benchmarks/bench_understand.py``, so the test
that asserts the figures and the benchmark that prints them measure the same thing.  The
columns are described in ``tests/understanding/README.md``.

What is measured, per language and overall:

* **country**: of the rows that name countries, those read as exactly these countries in
  this order;
* **topic**: of the rows that name a topic (an indicator in analytical rows), those read
  with that topic;
* **intent**: of all rows, those read with the expected intent;
* **no false country**: of the rows that name no country, those read with none;
* **year**, **region**, **detail**: of the rows that give one, those read so (the detail
  of a ranking is its order, and its size when the row names one);
* **whole**: rows where every field above is right.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bot.query import Intent, Query

TABLES = Path(__file__).resolve().parent / "understanding"
DEV = TABLES / "dev.tsv"
HELDOUT = TABLES / "heldout.tsv"
HELDOUT_ANALYSIS = TABLES / "heldout_analysis.tsv"

#: The table's language tags, in the order reports list them.
LANGUAGES = ("en", "ru", "kk", "uk", "uz-Latn", "uz-Cyrl", "ky", "tg", "de", "fr", "es", "pt",
             "tr", "ar", "fa", "zh")  # fmt: skip
MEASURES = ("country", "topic", "intent", "no false country", "year", "region", "detail",
            "whole")  # fmt: skip
#: The figures issue #10 asks of the held-out table (fractions).
THRESHOLDS = {"country": 0.97, "topic": 0.90, "intent": 0.95, "no false country": 0.97}
#: The least topic figure of any one language.
TOPIC_PER_LANGUAGE = 0.80

_NUMBER_RE = re.compile(r"\d+")


@dataclass(frozen=True)
class Row:
    """One question of a table and the reading a careful human expects of it."""

    lang: str
    question: str
    intent: str
    countries: tuple[str, ...]
    topic: str | None
    year: int | None
    region: str | None
    detail: str | None
    kind: str
    line: int


def read_table(path: Path) -> list[Row]:
    """The rows of a table (comments and the header left out)."""
    rows = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        cells = (line.split("\t") + [""] * 9)[:9]
        lang, question, intent, countries, topic, year, region, detail, kind = cells
        rows.append(Row(lang, question, intent, tuple(countries.split()), topic or None,
                        int(year) if year.strip() else None, region or None, detail or None,
                        kind, number))  # fmt: skip
    return rows


@dataclass(frozen=True)
class Reading:
    """A :class:`~bot.query.Query` in the table's terms."""

    intent: str
    countries: tuple[str, ...]
    topic: str | None
    year: int | None
    region: str | None
    detail: str | None
    limit: int | None  # a ranking's size


def reading(query: Query) -> Reading:
    region = detail = None
    limit = None
    topic = query.topic
    if query.ranking is not None:
        region = query.ranking.subregion or query.ranking.region
        detail = query.ranking.order
        limit = query.ranking.limit
        topic = topic or query.ranking.indicator
    if query.analysis is not None:
        analysis = query.analysis
        region = analysis.subregion or analysis.region
        detail = {
            Intent.AGGREGATE: analysis.measure,
            Intent.BAND: analysis.band,
            Intent.MOVERS: analysis.direction,
            Intent.EXPLAIN: analysis.subject,
        }.get(query.intent)
        topic = topic or analysis.indicator
    if query.intent == Intent.HELP:
        detail = getattr(query, "help_topic", None)
    year = query.year if query.year is not None else query.since
    return Reading(str(query.intent), query.countries, topic, year, region, detail, limit)


def judge(row: Row, got: Reading) -> dict[str, bool]:
    """For each measure that applies to ``row``, whether ``got`` is right."""
    verdicts: dict[str, bool] = {"intent": got.intent == row.intent}
    if row.countries:
        verdicts["country"] = got.countries == row.countries
    else:
        verdicts["no false country"] = not got.countries
    if row.topic:
        verdicts["topic"] = got.topic == row.topic
    if row.year is not None:
        verdicts["year"] = got.year == row.year
    if row.region:
        verdicts["region"] = got.region == row.region
    if row.detail:
        want = row.detail.split()
        ok = got.detail == want[0]
        if ok and len(want) > 1 and _NUMBER_RE.fullmatch(want[1]):
            ok = got.limit == int(want[1])
        verdicts["detail"] = ok
    # Whole: every field, the empty ones too.
    verdicts["whole"] = (
        all(verdicts.values())
        and (row.topic is not None or got.topic is None)
        and (row.year is not None or got.year is None)
    )
    return verdicts


@dataclass
class Tally:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.total += 1

    @property
    def fraction(self) -> float | None:
        return self.right / self.total if self.total else None

    def __str__(self) -> str:
        return "—" if not self.total else f"{self.right / self.total:.1%}"


@dataclass
class Scores:
    """Tallies per language and measure, and overall (language ``"all"``)."""

    tallies: dict[str, dict[str, Tally]] = field(default_factory=dict)
    wrong: list[tuple[Row, Reading, list[str]]] = field(default_factory=list)

    def tally(self, lang: str, measure: str) -> Tally:
        return self.tallies.setdefault(lang, {}).setdefault(measure, Tally())

    def fraction(self, measure: str, lang: str = "all") -> float | None:
        return self.tally(lang, measure).fraction

    def languages(self) -> list[str]:
        return [lang for lang in LANGUAGES if lang in self.tallies]


def score(
    rows: Iterable[Row], parse: Callable[[str, str | None], Query], keep_wrong: bool = False
) -> Scores:
    """Every row read by ``parse(question, lang)`` (the table's language as the reader's
    Telegram language), judged, tallied.  ``keep_wrong`` keeps the rows read wrong (for
    the development table only: held-out rows are never looked at one by one)."""
    scores = Scores()
    for row in rows:
        got = reading(parse(row.question, row.lang.split("-")[0]))
        verdicts = judge(row, got)
        for measure, ok in verdicts.items():
            scores.tally(row.lang, measure).add(ok)
            scores.tally("all", measure).add(ok)
        if keep_wrong and not verdicts["whole"]:
            scores.wrong.append((row, got, [m for m, ok in verdicts.items() if not ok]))
    return scores


def report(named: dict[str, Scores], measures: Iterable[str] = MEASURES) -> str:
    """A table of figures, one line per language, the scored tables side by side."""
    measures = list(measures)
    header = ["lang"] + [f"{m} ({name})" for m in measures for name in named]
    langs = ["all"] + [lang for lang in LANGUAGES if any(lang in s.tallies for s in named.values())]
    lines = [header]
    for lang in langs:
        line = [lang]
        for measure in measures:
            for scores in named.values():
                line.append(str(scores.tally(lang, measure)) if lang in scores.tallies else "")
        lines.append(line)
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                  for i, (cell, w) in enumerate(zip(line, widths, strict=True)))
        for line in lines
    )  # fmt: skip
