""""N years ago" counts N years back from the latest index, N in digits or in words, in
every language whose lexicon has an "ago" word; alone, "a year ago" is one year back.
"The last N years", and N years after a word of "since" ("за 5 лет", "depuis 5 ans",
"5 жылдан бері"), are the span of N indexes ending with the latest."""

from __future__ import annotations

import pytest

from bot.store import Snapshot
from bot.understand import Understander


@pytest.mark.parametrize(
    ("text", "back"),
    [
        ("Kazakhstan 3 years ago", 3),
        ("Kazakhstan three years ago", 3),
        ("Kazakhstan a year ago", 1),
        ("Казахстан 3 года назад", 3),
        ("Казахстан три года назад", 3),
        ("Казахстан год назад", 1),
        ("Україна три роки тому", 3),
        ("Україна рік тому", 1),
        ("哈萨克斯坦两年前", 2),
        ("三年前的哈萨克斯坦", 3),
        ("Kasachstan vor drei Jahren", 3),
        ("Türkiye üç yıl önce", 3),
        ("Қазақстан үш жыл бұрын", 3),
        ("hace dos años México", 2),
        ("France twenty two years ago", 22),
        ("Россия двадцать два года назад", 22),
    ],
)
def test_years_ago(understander: Understander, snapshot: Snapshot, text: str, back: int) -> None:
    query = understander.parse(text)
    assert len(query.countries) == 1, query
    assert query.year == max(snapshot.years) - back, query


def test_a_number_before_last_year_is_no_count(understander: Understander,
                                                 snapshot: Snapshot) -> None:
    query = understander.parse("top 5 last year")
    assert query.ranking is not None and query.ranking.limit == 5
    assert query.year == max(snapshot.years) - 1


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("How has Kazakhstan changed in the last 5 years?", 5),
        ("Казахстан за последние 5 лет", 5),
        ("Как изменилось положение Казахстана за 5 лет?", 5),
        ("Казахстан за пять лет", 5),
        ("Україна за 3 роки", 3),
        ("Kazakhstan depuis 5 ans", 5),
        ("Kasachstan seit fünf Jahren", 5),
        ("Қазақстан 5 жылдан бері", 5),
        ("Kazakistan 5 yıldan beri", 5),
        ("哈萨克斯坦过去5年", 5),
        ("哈萨克斯坦最近三年", 3),
    ],
)
def test_the_last_years(understander: Understander, snapshot: Snapshot, text: str,
                        span: int) -> None:
    query = understander.parse(text)
    assert len(query.countries) == 1 and query.year is None, query
    assert query.since == max(snapshot.years) - span + 1, query


def test_since_years_ago_and_since_a_year(understander: Understander,
                                          snapshot: Snapshot) -> None:
    latest = max(snapshot.years)
    assert understander.parse("Kazajistán desde hace 5 años").since == latest - 5
    assert understander.parse("Kazakhstan since three years ago").since == latest - 3
    assert understander.parse("Қазақстан 2020 жылдан бері").since == 2020
    # "за" counts years only before a number of them.
    assert understander.parse("Казахстан за 2023 год").year == 2023
    assert understander.parse("борьба за свободу слова в Казахстане").since is None


def test_arabic_dual_is_two_years(understander: Understander, snapshot: Snapshot) -> None:
    latest = max(snapshot.years)
    assert understander.parse("الأردن قبل عامين").year == latest - 2  # two years ago
    assert understander.parse("الأردن في العامين الماضيين").since == latest - 1  # the last two
    # A count of years is no list's size: the ten best, over the last two years.
    ranking = understander.parse("أفضل الدول في العامين الماضيين").ranking
    assert ranking is not None and ranking.limit == 10
    ranking = understander.parse("the best countries in the last 3 years").ranking
    assert ranking is not None and ranking.limit == 10
