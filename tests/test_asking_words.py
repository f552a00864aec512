"""Asking to be told about a country, in each language's words; and words that fold into
others: a Persian word written with a zero-width non-joiner is still a real word (no typo
of a name), and French "sur" (on, about) is no "sûr" (safe)."""

from __future__ import annotations

import pytest

from bot.query import Intent
from bot.understand import Understander


@pytest.mark.parametrize(("text", "country"), [
    ("در مورد مصر بگو", "EGY"),
    ("لطفا درباره پاکستان توضیح بدهید", "PAK"),
    ("мехоҳам дар бораи Туркия маълумот гирам", "TUR"),
    ("我想了解一下印度", "IND"),
    ("un article sur le Brésil", "BRA"),
])
def test_tell_me_about_a_country(understander: Understander, text: str, country: str) -> None:
    query = understander.parse(text)
    assert (query.intent, query.countries) == (Intent.PROFILE, (country,)), text
    assert query.topic is None, (text, query.topic)


def test_a_persian_word_with_a_non_joiner_is_no_typo_of_a_name(
        understander: Understander) -> None:
    # "می‌توانی" (you can) is one letter from "لیتوانی" (Lithuania) once the non-joiner
    # is dropped: wordfreq knows it, written with the non-joiner.
    for text in ("می‌توانی نمودار بکشی؟", "می‌توانی کمک کنی؟"):
        query = understander.parse(text)
        assert not query.countries and not query.candidates, (text, query)


def test_french_safe_for_is_still_safety(understander: Understander) -> None:
    query = understander.parse("Le Brésil est-il sûr pour les journalistes ?")
    assert (query.countries, query.topic) == (("BRA",), "safety")


@pytest.mark.parametrize(("text", "code"), [("أخبار الصحافة بمصر", "EGY"),
                                            ("الرقابة في مصر ولقطر", None),
                                            ("حرية الصحافة في القطر العربي", "")])
def test_a_three_letter_arabic_name_after_a_clitic(understander: Understander, text: str,
                                                   code: str | None) -> None:
    query = understander.parse(text)
    if code == "":  # "القطر" (the region) is a word, not Qatar with an article
        assert not query.countries, (text, query.countries)
    elif code:
        assert code in query.countries, (text, query.countries)
    else:  # "في مصر ولقطر": both, compared
        assert set(query.countries) == {"EGY", "QAT"}, (text, query.countries)
