"""Ukrainian case forms of country names: a stem's к, г, х softened before -і, the
adjectives of names of several words declined as adjectives, and hyphenated names
declined in their last part."""

from __future__ import annotations

import pytest

from bot.understand import Understander
from bot.understand.inflection import inflections


def test_names_decline_as_ukrainian_declines_them() -> None:
    assert {"мексиці", "мексики", "мексикою"} <= inflections("Мексика", "uk")
    assert "південній африці" in inflections("Південна Африка", "uk")
    assert "південному судані" in inflections("Південний Судан", "uk")
    assert "сполучених штатах" in inflections("Сполучені Штати", "uk")
    assert "коста риці" in inflections("Коста-Рика", "uk")
    # A hyphenated name whose last part does not decline declines its first.
    assert "гвинее бисау" in inflections("Гвинея-Бисау", "ru")


@pytest.mark.parametrize(("text", "code"), [
    ("журналісти у Північній Македонії", "MKD"),
    ("свобода преси в Південному Судані", "SSD"),
    ("ЗМІ у Великій Британії", "GBR"),
    ("цензура на Ямайці", "JAM"),
    ("свобода преси в Африці", None),  # a region, not a country
])
def test_questions_with_ukrainian_case_forms(understander: Understander, text: str,
                                             code: str | None) -> None:
    query = understander.parse(text)
    assert query.countries == ((code,) if code else ()), (text, query.countries)


def test_the_head_of_a_name_declines_the_words_after_it_do_not() -> None:
    assert "демократичній республіці конго" in inflections("Демократична Республіка Конго",
                                                           "uk")
    assert "соломонових островах" in inflections("Соломонові Острови", "uk")
    assert "папуа новій гвінеї" in inflections("Папуа Нова Гвінея", "uk")
