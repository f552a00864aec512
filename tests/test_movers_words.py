"""The biggest movers of the index asked in each language's words for "the biggest
changes", and nouns that name a ranking's movers ("fallers", "Absteiger"): the movers,
not a profile without a country or a ranking of the best."""

from __future__ import annotations

import pytest

from bot.query import Intent
from bot.understand import Understander


@pytest.mark.parametrize(("text", "direction"), [
    ("fallers in 2024", "fall"),
    ("risers in Europe", "rise"),
    ("Aufsteiger 2023", "rise"),
    ("die größten Veränderungen der Rangliste 2024", None),
    ("quels sont les plus grands changements en Europe ?", None),
    ("mayores cambios de 2023", None),
    ("maiores mudanças na Europa", None),
    ("Avrupa'da en büyük değişiklikler", None),
    ("أكبر التغييرات في أفريقيا", None),
    ("بزرگترین تغییرات در آسیا", None),
    ("2024年变化最大的国家", None),
    ("Еуропадағы ең үлкен өзгерістер", None),
    ("Европадагы эң чоң өзгөрүүлөр", None),
    ("Yevropadagi eng katta oʻzgarishlar", None),
    ("бузургтарин тағйирот дар Аврупо", None),
])
def test_the_biggest_changes_are_the_movers(understander: Understander, text: str,
                                            direction: str | None) -> None:
    query = understander.parse(text)
    assert query.intent == Intent.MOVERS and not query.countries, (text, query.intent)
    assert query.analysis is not None and query.analysis.direction == direction


def test_a_change_with_a_country_is_no_ranking_of_movers(understander: Understander) -> None:
    # A country named: its own profile or history, never the list of movers.
    assert understander.parse("die größten Veränderungen in Polen").intent != Intent.MOVERS
