""""The most" or "the least" of the press or of a topic, asked of countries, is a ranking:
of press freedom itself, the most is the top ("the countries with the most press freedom",
"los 10 países con más libertad de prensa"); of a topic, a harm, the most is the bottom
("the most journalists in prison", "the most censorship")."""

from __future__ import annotations

import pytest

from bot.query import Intent
from bot.understand import Understander


@pytest.mark.parametrize(("text", "order", "limit"), [
    ("the 10 countries with the most press freedom", "top", 10),
    ("countries with the least press freedom", "bottom", 10),
    ("los 10 países con más libertad de prensa", "top", 10),
    ("die 5 Länder mit der meisten Pressefreiheit", "top", 5),
    ("страны с наибольшей свободой прессы", "top", 10),
    ("країни з найменшою свободою преси", "bottom", 10),
    ("which country has the most journalists in prison", "bottom", 1),
    ("countries with the most censorship", "bottom", 10),
    ("countries with the least censorship", "top", 10),
])  # fmt: skip
def test_most_and_least_of_the_press(understander: Understander, text: str, order: str,
                                     limit: int) -> None:
    query = understander.parse(text)
    assert query.intent == Intent.RANKING and query.ranking is not None, query
    assert (query.ranking.order, query.ranking.limit) == (order, limit), query.ranking


@pytest.mark.parametrize("text", [
    "Kazakhstan most press freedom",  # a country named: its profile
    "what is the most popular newspaper",  # no countries asked for
])  # fmt: skip
def test_no_ranking_without_countries_asked_for(understander: Understander, text: str) -> None:
    assert understander.parse(text).intent != Intent.RANKING


@pytest.mark.parametrize("text", ["Сөз бостандығы ең жоғары 5 ел",
                                  "Söz erkinligi eng yuqori 5 davlat",
                                  "5 кишвари аввал"])
def test_the_highest_and_the_first_are_the_top(understander: Understander, text: str) -> None:
    query = understander.parse(text)
    assert query.intent == Intent.RANKING and query.ranking is not None, (text, query)
    assert (query.ranking.order, query.ranking.limit) == ("top", 5)
