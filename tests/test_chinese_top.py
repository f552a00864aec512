"""Chinese "前": before a number and a measure word of places it is the top of a list
("前10名"), before a number and "年" or written "前年" it counts years."""

from __future__ import annotations

import pytest

from bot.query import Intent
from bot.store import Snapshot
from bot.understand import Understander


@pytest.mark.parametrize(
    ("text", "order", "limit", "region"),
    [
        ("前10名", "top", 10, None),
        ("前十名", "top", 10, None),
        ("非洲前10名", "top", 10, "africa"),
        ("非洲前5名", "top", 5, "africa"),
        ("亚洲前3位", "top", 3, "asia_pacific"),
        ("新闻自由前20名", "top", 20, None),
        ("前5个国家", "top", 5, None),
        ("新闻自由最差的前10个国家", "bottom", 10, None),
        ("记者最安全的前3个国家", "top", 3, None),
        # The number written in Chinese numerals inside a ranking phrase read whole.
        ("亚洲前三名", "top", 3, "asia_pacific"),
        ("非洲前五", "top", 5, "africa"),
        ("世界前二十", "top", 20, None),
    ],
)
def test_qian_before_a_number_of_places_is_a_top(
    understander: Understander, text: str, order: str, limit: int, region: str | None
) -> None:
    query = understander.parse(text)
    assert query.intent == Intent.RANKING, query
    assert query.ranking is not None
    assert (query.ranking.order, query.ranking.limit, query.ranking.region) == (
        order, limit, region)
    assert query.year is None  # not "the year before"


@pytest.mark.parametrize(
    ("text", "ago"),
    [("前年哈萨克斯坦", 2), ("哈萨克斯坦前年", 2), ("前一年哈萨克斯坦", 1),
     ("3年前哈萨克斯坦的新闻自由", 3)],
)
def test_qian_with_years_stays_a_year_word(
    understander: Understander, snapshot: Snapshot, text: str, ago: int
) -> None:
    query = understander.parse(text)
    assert query.countries == ("KAZ",) and query.intent == Intent.PROFILE
    assert snapshot.latest_year is not None
    assert query.year == snapshot.latest_year - ago
