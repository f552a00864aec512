""""N years ago" counts N years back from the latest index, N in digits or in words, in
every language whose lexicon has an "ago" word; alone, "a year ago" is one year back."""

from __future__ import annotations

import pytest

from bot.store import Snapshot
from bot.understand import Understander


@pytest.fixture(scope="module")
def understander(snapshot: Snapshot) -> Understander:
    return Understander(snapshot)


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
