"""V-Dem's questions asked in words, English and Russian: "censorship in Kazakhstan since
1990" must come back with V-Dem's figures, computed here from the shipped V-Dem CSV.

Understanding these questions is built separately from answering them; until it reads them
(a question about censorship becomes Intent.VDEM), this module is skipped.  The check is
real: one such sentence is parsed when the module is imported, so these tests run the
moment understanding learns V-Dem's questions.
"""

from __future__ import annotations

import re

import pytest
import rsf_csv as rsf
import vdem_source as vdem
from questions import ask, lang_of, understood

from bot.query import Intent

UNDERSTOOD = understood("censorship in Kazakhstan since 1990", Intent.VDEM)

pytestmark = pytest.mark.skipif(
    not UNDERSTOOD,
    reason="understanding does not read V-Dem's questions yet "
           "('censorship in Kazakhstan since 1990' is not Intent.VDEM)",
)

LATEST = vdem.latest_year()
CENSORSHIP, HARASSMENT, INTERNET, WOMEN = "v2mecenefm", "v2meharjrn", "v2mecenefi", "v2mefemjrn"


def figure(code: str, year: int, measure: str, lang: str = "en") -> str:
    """V-Dem's figure as a reader of ``lang`` sees it ("−0,098" in Russian)."""
    number = vdem.value(code, year, measure)
    assert number is not None
    return vdem.shown(number, measure, lang)


def row(text: str, year: int) -> list[str]:
    return next(line for line in text.splitlines() if line.startswith(f"{year} ")).split()


def place(code: str, year: int, measure: str, russian: bool) -> str:
    found, of = vdem.place(code, year, measure)
    return vdem.russian_place(found, of) if russian else vdem.english_place(found, of)


@pytest.mark.parametrize("question", ["censorship in Kazakhstan since 1990",
                                      "цензура в Казахстане с 1990"])
def test_censorship_since_1990(question: str) -> None:
    reply, text = ask(question)
    assert reply.query.intent == Intent.VDEM and reply.query.countries == ("KAZ",)
    for year in range(1990, LATEST + 1):
        assert row(text, year)[1] == figure("KAZ", year, CENSORSHIP, lang_of(question))


@pytest.mark.parametrize("question", ["harassment of journalists in Kazakhstan",
                                      "преследование журналистов в Казахстане"])
def test_harassment_of_journalists(question: str) -> None:
    _, text = ask(question)
    lang = lang_of(question)
    assert row(text, LATEST)[1] == figure("KAZ", LATEST, HARASSMENT, lang) == {
        "en": "−0.098", "ru": "−0,098"}[lang]


@pytest.mark.parametrize("question", ["internet censorship in Kazakhstan",
                                      "цензура интернета в Казахстане"])
def test_internet_censorship(question: str) -> None:
    _, text = ask(question)
    first = min(y for y in vdem.years_of("KAZ") if vdem.value("KAZ", y, INTERNET) is not None)
    assert row(text, LATEST)[1] == figure("KAZ", LATEST, INTERNET, lang_of(question))
    assert row(text, first)[1] == figure("KAZ", first, INTERNET, lang_of(question))


@pytest.mark.parametrize("question", ["women journalists in Kazakhstan",
                                      "женщины-журналисты в Казахстане"])
def test_women_journalists(question: str) -> None:
    _, text = ask(question)
    lang = lang_of(question)
    assert row(text, LATEST)[1] == figure("KAZ", LATEST, WOMEN, lang) == {
        "en": "50.2", "ru": "50,2"}[lang]


@pytest.mark.parametrize("question", ["what did V-Dem say about Kazakhstan in 1995",
                                      "что говорил V-Dem о Казахстане в 1995"])
def test_what_v_dem_said_in_a_year(question: str) -> None:
    reply, text = ask(question)
    russian = reply.query.lang == "ru"
    for measure in (CENSORSHIP, HARASSMENT, "v2meslfcen"):
        assert (f"{figure('KAZ', 1995, measure, lang_of(question))} "
                f"({place('KAZ', 1995, measure, russian)})") in text


@pytest.mark.parametrize("question", ["V-Dem Kazakhstan", "V-Dem Казахстан"])
def test_v_dem_and_a_country(question: str) -> None:
    _, text = ask(question)
    assert row(text, LATEST)[1:] == [figure("KAZ", LATEST, m, lang_of(question))
                                     for m in (CENSORSHIP, HARASSMENT, "v2meslfcen")]


@pytest.mark.parametrize("question", ["most internet censorship 2023",
                                      "больше всего цензуры интернета 2023"])
def test_most_internet_censorship(question: str) -> None:
    reply, text = ask(question)
    assert reply.query.witness is not None and reply.query.witness.view == "ranking"
    values = vdem.year_values(2023, INTERNET)
    worst = min(values, key=lambda c: values[c])
    first = re.search(r"^ *(\d+)\. .* — ([−\d.,]+)$", text, re.M)
    assert first is not None
    assert first.groups() == (str(len(values)), figure(worst, 2023, INTERNET, lang_of(question)))


@pytest.mark.parametrize("question", [
    "compare Kazakhstan and Kyrgyzstan on harassment of journalists",
    "сравни Казахстан и Киргизию по преследованию журналистов",
])
def test_compare_on_harassment(question: str) -> None:
    reply, text = ask(question)
    russian = reply.query.lang == "ru"
    for code in ("KAZ", "KGZ"):
        assert (f"{figure(code, LATEST, HARASSMENT, lang_of(question))} "
                f"({place(code, LATEST, HARASSMENT, russian)})") in text


@pytest.mark.parametrize("question", ["do RSF and V-Dem agree on Kazakhstan?",
                                      "согласны ли RSF и V-Dem насчёт Казахстана?"])
def test_do_they_agree(question: str) -> None:
    reply, text = ask(question)
    assert reply.query.witness is not None and reply.query.witness.view == "agree"
    assert rsf.shown(rsf.year(LATEST + 1)["KAZ"].score, lang=lang_of(question)) in text
    assert figure("KAZ", LATEST, CENSORSHIP, lang_of(question)) in text


@pytest.mark.parametrize("question", ["RSF vs V-Dem chart for Kazakhstan",
                                      "график RSF и V-Dem для Казахстана"])
def test_the_scatter(question: str) -> None:
    reply, _ = ask(question)
    assert reply.rendered.chart is not None
    assert reply.query.witness is not None and reply.query.witness.view == "scatter"


@pytest.mark.parametrize("question", ["chart of censorship in Kazakhstan",
                                      "график цензуры в Казахстане"])
def test_a_v_dem_chart(question: str) -> None:
    reply, text = ask(question)
    assert reply.query.intent == Intent.CHART and reply.rendered.chart is not None
    assert f"{figure('KAZ', LATEST, CENSORSHIP, lang_of(question))}" in text
