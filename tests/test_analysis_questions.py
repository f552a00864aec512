"""The analytical questions asked in words, English and Russian: "average score in Europe"
must come back with the right figures, computed here from RSF's CSVs.

Understanding these questions is built separately from answering them; until it reads them
(a question about an average becomes Intent.AGGREGATE), this module is skipped.  The check
is real: one such sentence is parsed when the module is imported, so these tests run the
moment understanding learns the analytical questions.
"""

from __future__ import annotations

import re

import pytest
import rsf_csv as rsf
from questions import ask, lang_of, understood

from bot.domain import RSF_METHOD_URL
from bot.query import Intent

UNDERSTOOD = understood("average score in Europe", Intent.AGGREGATE)

pytestmark = pytest.mark.skipif(
    not UNDERSTOOD,
    reason="understanding does not read analytical questions yet "
           "('average score in Europe' is not Intent.AGGREGATE)",
)

LATEST = max(int(p.stem) for p in rsf.CSV_DIR.glob("*.csv"))


def figures(text: str, label: str) -> list[str]:
    line = next(line for line in text.splitlines() if line.startswith(label + " "))
    return line.split()[1:]


def moved(text: str, heading: str) -> list[str]:
    part = text.split(heading + "\n", 1)[1].split("\n\n", 1)[0]
    return re.findall(r" — ([▲▼]\d+|[+-]\d+[.,]\d\d) ", part)


@pytest.mark.parametrize(("question", "label", "mean_word"), [
    ("average score in Europe", "Score", "average"),
    ("средний балл в Европе", "Балл", "среднее"),
])
def test_average_in_a_region(question: str, label: str, mean_word: str) -> None:
    reply, text = ask(question)
    assert reply.query.intent == Intent.AGGREGATE
    europe = [r.score for r in rsf.in_region(LATEST, "europe_central_asia")]
    lang = lang_of(question)
    assert figures(text, label)[:2] == [rsf.shown(rsf.mean(europe), lang=lang),
                                        rsf.shown(rsf.median(europe), lang=lang)]


@pytest.mark.parametrize("question", ["world average 2024", "средний балл в мире 2024"])
def test_world_average_in_a_year(question: str) -> None:
    _, text = ask(question)
    scores = [r.score for r in rsf.in_region(2024)]
    lang = lang_of(question)
    assert rsf.shown(rsf.mean(scores), lang=lang) in text
    assert rsf.shown(rsf.median(scores), lang=lang) in text


@pytest.mark.parametrize("question", ["median safety score in Africa 2024",
                                      "медиана безопасности в Африке 2024"])
def test_median_of_an_indicator(question: str) -> None:
    _, text = ask(question)
    safety = [r.indicators["safety"][0] for r in rsf.in_region(2024, "africa")]
    assert rsf.shown(rsf.median(safety), lang=lang_of(question)) in text.split("\n\n")[1]


@pytest.mark.parametrize("question", ["how many countries are in each situation",
                                      "сколько стран в каждой ситуации"])
def test_countries_per_band(question: str) -> None:
    _, text = ask(question)
    counts = [sum(r.band == band for r in rsf.in_region(LATEST)) for _, band in rsf.BANDS]
    assert [int(n) for n in re.findall(r"\(\d+–\d+\): (\d+)", text)] == counts


@pytest.mark.parametrize("question", ["Kazakhstan in Central Asia",
                                      "Казахстан в Центральной Азии"])
def test_place_in_central_asia(question: str) -> None:
    reply, text = ask(question)
    assert reply.query.intent == Intent.AGGREGATE
    place = [r.code for r in rsf.in_region(LATEST, subregion=True)].index("KAZ") + 1
    assert f"Place {place} of 5" in text or f"Место {place} из 5" in text


@pytest.mark.parametrize(("question", "band", "year"), [
    ("countries in a good situation", "good", LATEST),
    ("страны в хорошей ситуации", "good", LATEST),
    ("very serious situation 2023", "very_serious", 2023),
    ("очень серьёзная ситуация 2023", "very_serious", 2023),
])
def test_countries_of_a_band(question: str, band: str, year: int) -> None:
    reply, text = ask(question)
    assert reply.query.intent == Intent.BAND
    expected = [r.rank for r in rsf.in_region(year) if r.band == band]
    got = [int(n) for n in re.findall(r"^ *(\d+)\. ", text, re.M)]
    assert got == expected[: len(got)] and len(got) == min(len(expected), 30)


@pytest.mark.parametrize(("question", "heading"), [
    ("biggest fallers this year", "Fell most"),
    ("кто больше всех упал в этом году", "Опустились"),
])
def test_biggest_fallers(question: str, heading: str) -> None:
    reply, text = ask(question)
    assert reply.query.intent == Intent.MOVERS
    now, before = rsf.year(LATEST), rsf.year(LATEST - 1)
    falls = sorted(before[c].rank - r.rank for c, r in now.items() if c in before)
    assert moved(text, heading)[0] == f"▼{-falls[0]}"


@pytest.mark.parametrize(("question", "heading"), [
    ("who rose most since 2022 by score", "Rose most"),
    ("кто вырос больше всех с 2022 по баллу", "Поднялись"),
])
def test_biggest_risers_by_score_since(question: str, heading: str) -> None:
    _, text = ask(question)
    now, before = rsf.year(LATEST), rsf.year(2022)
    rises = sorted(round(r.score - before[c].score, 6) for c, r in now.items() if c in before)
    assert moved(text, heading)[0] == rsf.shown(rises[-1], signed=True, lang=lang_of(question))


@pytest.mark.parametrize("question", ["worst for safety 2024", "худшие по безопасности 2024"])
def test_worst_for_safety(question: str) -> None:
    _, text = ask(question)
    worst = max(rsf.year(2024).values(), key=lambda r: r.indicators["safety"][1])
    assert f"{worst.indicators['safety'][1]}. " in text
    assert rsf.shown(worst.indicators["safety"][0], lang=lang_of(question)) in text


@pytest.mark.parametrize("question", ["Kazakhstan's political indicator since 2022",
                                      "политический показатель Казахстана с 2022"])
def test_an_indicator_history(question: str) -> None:
    _, text = ask(question)
    for year in range(2022, LATEST + 1):
        score, rank = rsf.year(year)["KAZ"].indicators["political"]
        line = next(line for line in text.splitlines() if line.startswith(f"{year} "))
        assert line.split()[3:5] == [rsf.shown(score, lang=lang_of(question)), str(rank)]


@pytest.mark.parametrize("question", ["why did Kazakhstan fall?", "почему Казахстан опустился?"])
def test_why(question: str) -> None:
    reply, text = ask(question)
    assert reply.query.intent == Intent.WHY
    now, before = rsf.year(LATEST)["KAZ"], rsf.year(LATEST - 1)["KAZ"]
    assert f"({before.rank} → {now.rank})" in text
    assert "rsf.org/en/country/kazakhstan" in "".join(reply.messages)


@pytest.mark.parametrize(("question", "words"), [
    ("how is the index calculated?", ("five indicators", "questionnaire")),
    ("как считается индекс?", ("пяти показателям", "анкета")),
    ("what does the economic indicator measure?", ("Economic indicator",)),
    ("что измеряет экономический показатель?", ("Экономический показатель",)),
])
def test_what_the_index_means(question: str, words: tuple[str, ...]) -> None:
    reply, text = ask(question)
    assert reply.query.intent == Intent.EXPLAIN
    assert all(w in text for w in words)
    assert RSF_METHOD_URL in "".join(reply.messages)
