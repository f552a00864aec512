"""The language a question is written in, when the letters that tell the Cyrillic languages
apart sit inside a country's name: a name written as only one language writes it ("в
Україні", "Ресейде") is that language's word; a name several write alike ("Украина") says
nothing, and a bare name still shows no language."""

from __future__ import annotations

import pytest

from bot.understand import Understander
from bot.understand.inflection import writes


@pytest.mark.parametrize(
    ("text", "written_in"),
    [
        # Ukrainian, the Ukrainian-only letters inside the name, or none at all.
        ("свобода преси в Україні", "uk"),
        ("свобода слова в Україні", "uk"),
        ("свобода преси в Казахстані", "uk"),
        ("свобода слова в Росії", "uk"),
        ("рейтинг свободи преси Україна 2024", "uk"),
        ("чи безпечно журналістам в Казахстані", "uk"),
        ("рейтинг України", "uk"),
        # Russian, naming Ukraine the Russian way, or the Ukrainian way beside Russian words.
        ("свобода прессы в Украине", "ru"),
        ("свобода слова в России", "ru"),
        ("рейтинг Украины", "ru"),
        ("свобода прессы в Україні", "ru"),
        ("журналисты в Україні арестованы", "ru"),
        ("свобода прессы в Казахстане 2023", "ru"),
        # The other Cyrillic languages, with their own names and with shared ones.
        ("баспасөз бостандығы Ресейде", "kk"),
        ("сөз бостандығы Украинада", "kk"),
        ("Ресейдегі баспасөз бостандығы қандай", "kk"),
        ("Орусиядагы басма сөз эркиндиги", "ky"),
        ("басма сөз эркиндиги Украинада", "ky"),
        ("Ўзбекистонда матбуот эркинлиги", "uz"),
        ("матбуот эркинлиги Украинада", "uz"),
        ("озодии матбуот дар Русия", "tg"),
        ("озодии матбуот дар Украина", "tg"),
        ("озодии матбуот дар Тоҷикистон", "tg"),
        # Only the name: no language.
        ("Україна", None),
        ("Украина", None),
    ],
)
def test_a_name_written_one_language_s_way_tells_the_language(
    understander: Understander, text: str, written_in: str | None
) -> None:
    assert understander.parse(text).said_in == written_in


def test_case_forms_belong_to_the_alphabets_that_write_them() -> None:
    assert writes("uk", "україні") and not writes("ru", "україні")
    assert writes("ru", "украины") and not writes("uk", "украины")
    assert writes("kk", "ресейде")  # no alphabet here: any form
