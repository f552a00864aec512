"""A country named by its people's adjective or noun: "la presse française", "türkische
Medien", "الصحافة المصرية", "кыргызстандык журналисттер" (curated adjectives of German,
French, Spanish, Portuguese, Ukrainian and Turkish with their forms made by rule; Arabic,
Persian and Tajik nisba adjectives made from the names; Kazakh and Kyrgyz "-лық/-лык").
An adjective with no word of the press asks nothing; a name typed short still does."""

from __future__ import annotations

import pytest

from bot.query import Intent
from bot.understand import Understander
from bot.understand.inflection import adjective_forms, nisba_forms


@pytest.mark.parametrize(("word", "lang", "forms"), [
    ("türkisch", "de", {"turkische", "turkischen", "turkischer", "turkisches", "turkischem"}),
    ("algérien", "fr", {"algerienne", "algeriens", "algeriennes"}),
    ("français", "fr", {"francaise", "francaises"}),
    ("sud-coréen", "fr", {"sud coreenne", "sud coreens", "sud coreennes"}),
    ("venezolano", "es", {"venezolana", "venezolanos", "venezolanas"}),
    ("iraní", "es", {"iranies", "iranis"}),
    ("francés", "es", {"francesa", "franceses", "francesas"}),
    ("alemão", "pt", {"alema", "alemaes", "alemaos"}),
    ("espanhol", "pt", {"espanhola", "espanhois", "espanholas"}),
])  # fmt: skip
def test_the_forms_of_an_adjective(word: str, lang: str, forms: set[str]) -> None:
    assert adjective_forms(word, lang) == forms


@pytest.mark.parametrize(("name", "lang", "forms"), [
    ("مصر", "ar", {"مصری", "مصریه", "مصریون", "مصریین", "مصریات"}),  # folded letters
    ("سوريا", "ar", {"سوری", "سوریه", "سوریون", "سوریین", "سوریات"}),  # the "-يا" drops
    ("المغرب", "ar", {"مغربی", "مغربیه", "مغربیون", "مغربیین", "مغربیات"}),  # article too
    ("مالي", "ar", set()),  # an adjective already: no "مالية" (finance) is made
    ("روسیه", "fa", {"روسی"}),
    ("Русия", "tg", {"русӣ"}),
    ("Южная Корея", "ar", set()),  # one word only
])  # fmt: skip
def test_nisba_adjectives(name: str, lang: str, forms: set[str]) -> None:
    assert nisba_forms(name, lang) == forms


@pytest.mark.parametrize(("text", "code"), [
    ("la presse française", "FRA"),
    ("les médias algériens", "DZA"),
    ("türkische Journalisten", "TUR"),
    ("die russischen Zeitungen", "RUS"),
    ("la prensa venezolana", "VEN"),
    ("os jornalistas angolanos", "AGO"),
    ("французькі журналісти", "FRA"),  # "-зький" declines as "-ський" does
    ("Alman basını", "DEU"),
    ("Çinli gazeteciler", "CHN"),
    ("الصحافة المصرية", "EGY"),  # was read as a typo of Hungary's adjective
    ("الصحفيون السوريون", "SYR"),
    ("رسانه‌های روسی", "RUS"),  # a language's name too, and the people's
    ("журналистони русӣ", "RUS"),
    ("қазақстандық журналистер", "KAZ"),
    ("кыргызстандык журналисттер", "KGZ"),
    ("Palästinensische Autnomiegebiete", "PSE"),  # a typo after a word that is an adjective
])  # fmt: skip
def test_a_people_names_its_country(understander: Understander, text: str, code: str) -> None:
    query = understander.parse(text)
    assert query.intent == Intent.PROFILE and query.countries == (code,), query


@pytest.mark.parametrize("text", [
    "c'est très français",
    "das ist typisch deutsch",
    "una tortilla española",
])  # fmt: skip
def test_an_adjective_without_the_press_asks_nothing(understander: Understander,
                                                     text: str) -> None:
    query = understander.parse(text)
    assert query.intent == Intent.NONE and not query.countries and query.mentioned, query


@pytest.mark.parametrize(("text", "code"), [
    ("Kazakhs", "KAZ"),  # a name typed short
    ("Are Kazakhs free to report?", "KAZ"),  # English's name, though French's adjective
    ("francés", "FRA"),
])  # fmt: skip
def test_a_people_alone_or_in_another_language_is_a_name(understander: Understander,
                                                         text: str, code: str) -> None:
    assert understander.parse(text).countries == (code,)


def test_a_language_stays_a_language(understander: Understander) -> None:
    for text, lang in (("réponds en français", "fr"), ("antworte auf Deutsch", "de"),
                       ("responde en español", "es")):
        query = understander.parse(text)
        assert not query.countries and query.lang == lang, query


@pytest.mark.parametrize(("text", "codes"), [
    ("Is press free in Indiana?", ()),  # Portuguese "indiana" is an English state
    ("Is Deutsche Welle blocked in Russia?", ("RUS",)),
    ("deutsche Medien", ("DEU",)),
    ("jornalistas indianos", ("IND",)),
    ("مجری تلویزیون بازداشت شد", ()),  # Arabic's "Hungarian" is a presenter in Persian
    ("کندی اینترنت در ایران", ("IRN",)),  # and its "Canadian" slowness
    ("الصحفيون الكنديون", ("CAN",)),
])  # fmt: skip
def test_an_ordinary_word_of_the_question_s_language_is_that_word(
        understander: Understander, text: str, codes: tuple[str, ...]) -> None:
    assert understander.parse(text).countries == codes


def test_adjectives_of_several_words_and_people_named(understander: Understander) -> None:
    query = understander.parse("c'est très sud-coréen")
    assert query.intent == Intent.NONE and query.mentioned == ("KOR",), query
    assert understander.parse("la presse sud-coréenne").countries == ("KOR",)
    # Capitalised inside a sentence, French's word is the people: a name, asked about.
    query = understander.parse("Et les Français ?")
    assert query.intent == Intent.PROFILE and query.countries == ("FRA",), query


def test_a_language_asked_for_is_no_country(understander: Understander) -> None:
    assert understander.parse("ما هو تصنيف مصر؟ أجب بالفرنسية").countries == ("EGY",)
    assert not understander.parse("ба забони англӣ ҷавоб деҳ").countries


def test_an_adjective_made_for_two_countries_names_neither(understander: Understander) -> None:
    # Persian nisba of Niger (نیجر) and of Nigeria (نیجریه) alike.
    assert "نیجری" not in understander.names
    assert understander.parse("نیجریه").countries == ("NGA",)


@pytest.mark.parametrize(("text", "code"), [
    ("الصحافة الفرنسية", "FRA"),  # "the French press": the language's name, feminine
    ("الصحافة الروسية", "RUS"),
    ("الصحافة التركية", "TUR"),
])  # fmt: skip
def test_a_language_s_name_may_name_its_country(understander: Understander, text: str,
                                                code: str) -> None:
    query = understander.parse(text)
    assert query.intent == Intent.PROFILE and query.countries == (code,), query
