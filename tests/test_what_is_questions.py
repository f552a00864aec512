"""Analytical questions asked as "what is …": an average asked of something is the
average, "how many countries" counts them, and "what is the … indicator" explains it, in
the languages whose words for these were missing."""

from __future__ import annotations

import pytest

from bot.query import Intent
from bot.understand import Understander


@pytest.mark.parametrize(("text", "measure", "region"), [
    ("what is the average score in Africa", "mean", "africa"),
    ("what's the average in the americas?", "mean", "americas"),
    ("ما هو متوسط النقاط في أفريقيا؟", "mean", "africa"),
    ("كم دولة في وضع صعب؟", "count", None),
])
def test_an_average_or_a_count_asked_as_what_is(understander: Understander, text: str,
                                                measure: str, region: str | None) -> None:
    query = understander.parse(text)
    assert query.intent == Intent.AGGREGATE and query.analysis is not None, (text, query)
    assert (query.analysis.measure, query.analysis.region) == (measure, region)


@pytest.mark.parametrize("text", ["Укуктук көрсөткүч эмне?", "Нишондиҳандаи ҳуқуқӣ чист?"])
def test_what_is_the_indicator(understander: Understander, text: str) -> None:
    query = understander.parse(text)
    assert query.intent == Intent.EXPLAIN and query.topic == "legal", (text, query)


def test_what_is_the_median_alone_is_no_average(understander: Understander) -> None:
    assert understander.parse("what is the median?").intent != Intent.AGGREGATE
