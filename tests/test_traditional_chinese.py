"""Chinese in traditional characters, as Taiwan and Hong Kong write it: read as its
simplified characters, one for one (OpenCC's table), so names and words are found."""

from __future__ import annotations

import pytest

from bot.query import Intent
from bot.understand import Understander


@pytest.mark.parametrize(("text", "code", "topic"), [
    ("德國的新聞自由", "DEU", None),
    ("越南記者的安全", "VNM", "safety"),
    ("菲律賓的媒體所有權", "PHL", "landscape"),
    ("香港記者", "HKG", None),
])
def test_traditional_characters(understander: Understander, text: str, code: str,
                                topic: str | None) -> None:
    query = understander.parse(text)
    assert (query.countries, query.topic) == ((code,), topic), (text, query)
    assert query.lang == "zh"


def test_a_ranking_in_traditional_characters(understander: Understander) -> None:
    query = understander.parse("非洲新聞自由最好的國家")
    assert query.intent == Intent.RANKING and query.ranking is not None
    assert query.ranking.region == "africa"
