"""German names after an article and in the genitive: "in den Niederlanden", "in den
Vereinigten Arabischen Emiraten", "Russlands Medien"."""

from __future__ import annotations

import pytest

from bot.understand import Understander
from bot.understand.inflection import german_forms


def test_german_forms_of_names() -> None:
    assert german_forms("Vereinigte Arabische Emirate") >= {
        "vereinigten arabischen emiraten"}
    assert german_forms("Niederlande") >= {"niederlanden"}
    assert german_forms("Frankreich") == {"frankreichs"}
    assert german_forms("Schweiz") == set()  # no genitive -s after a z


@pytest.mark.parametrize(("text", "code"), [
    ("Frankreichs Medien", "FRA"),
    ("die Lage der Presse Polens", "POL"),
    ("Journalisten in der Zentralafrikanischen Republik", "CAF"),
    ("Zensur in der Tschechischen Republik", "CZE"),
])
def test_german_questions_with_case_forms(understander: Understander, text: str,
                                          code: str) -> None:
    assert understander.parse(text).countries == (code,)


def test_german_verbs_of_money(understander: Understander) -> None:
    query = understander.parse("Wer bezahlt die Zeitungen in Kroatien?")
    assert (query.countries, query.topic) == (("HRV",), "economic")
