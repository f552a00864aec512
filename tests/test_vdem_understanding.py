"""Understanding V-Dem's questions (issue #14): the Witness a question comes back with, in
several languages, and the RSF questions that stay RSF's.

The rule (bot.understand.decide._witness): a question is V-Dem's when V-Dem is named, when a
phrase only V-Dem's measure is called stands without another RSF topic word ("harassment
of journalists", "internet censorship", "women journalists"), when it asks about a year
before RSF's first index, or when it asks for a chart of a measure's word.  Plain words
that are RSF's topics ("censorship", "self-censorship") alone stay RSF's.
"""

from __future__ import annotations

import pytest

from bot.query import Intent
from bot.understand import Understander

CEN, NET, HAR, SLF, FEM = "v2mecenefm", "v2mecenefi", "v2meharjrn", "v2meslfcen", "v2mefemjrn"


# (question, intent, countries, measure, view, order or None)
V_DEM = [
    # English: every question the issue names
    ("V-Dem Kazakhstan", Intent.VDEM, ("KAZ",), None, "history", None),
    ("what did V-Dem say about Kazakhstan in 1995", Intent.VDEM, ("KAZ",), None, "history", None),
    ("censorship in Kazakhstan since 1990", Intent.VDEM, ("KAZ",), CEN, "history", None),
    ("harassment of journalists in Mexico", Intent.VDEM, ("MEX",), HAR, "history", None),
    ("internet censorship in Russia", Intent.VDEM, ("RUS",), NET, "history", None),
    ("V-Dem self-censorship in Turkey", Intent.VDEM, ("TUR",), SLF, "history", None),
    ("media bias in Hungary", Intent.VDEM, ("HUN",), "v2mebias", "history", None),
    ("critical media in Poland", Intent.VDEM, ("POL",), "v2mecrit", "history", None),
    ("range of views in the media in Russia", Intent.VDEM, ("RUS",), "v2merange", "history",
     None),
    ("women journalists in Kazakhstan", Intent.VDEM, ("KAZ",), FEM, "history", None),
    ("V-Dem freedom of expression in Belarus", Intent.VDEM, ("BLR",), "v2x_freexp_altinf",
     "history", None),
    ("alternative sources of information in China", Intent.VDEM, ("CHN",), "v2xme_altinf",
     "history", None),
    ("most internet censorship 2023", Intent.VDEM, (), NET, "ranking", "bottom"),
    ("least harassment of journalists", Intent.VDEM, (), HAR, "ranking", "top"),
    ("compare Kazakhstan and Kyrgyzstan on harassment of journalists", Intent.VDEM,
     ("KAZ", "KGZ"), HAR, "compare", None),
    ("do RSF and V-Dem agree on Kazakhstan?", Intent.VDEM, ("KAZ",), None, "agree", None),
    ("chart of censorship in Kazakhstan and Russia", Intent.CHART, ("KAZ", "RUS"), CEN,
     "history", None),
    ("RSF vs V-Dem scatter 2022", Intent.VDEM, (), None, "scatter", None),
    ("RSF against V-Dem chart", Intent.VDEM, (), None, "scatter", None),
    # Russian
    ("цензура в Казахстане с 1990", Intent.VDEM, ("KAZ",), CEN, "history", None),
    ("преследование журналистов в Мексике", Intent.VDEM, ("MEX",), HAR, "history", None),
    ("интернет-цензура в России", Intent.VDEM, ("RUS",), NET, "history", None),
    ("о женщинах-журналистах в Казахстане", Intent.VDEM, ("KAZ",), FEM, "history", None),
    ("больше всего цензуры интернета 2023", Intent.VDEM, (), NET, "ranking", "bottom"),
    ("согласны ли RSF и V-Dem насчёт Казахстана?", Intent.VDEM, ("KAZ",), None, "agree", None),
    ("график цензуры в Казахстане и России", Intent.CHART, ("KAZ", "RUS"), CEN, "history",
     None),
    # Kazakh
    ("V-Dem Қазақстан", Intent.VDEM, ("KAZ",), None, "history", None),
    ("Қазақстандағы журналистерді қудалау", Intent.VDEM, ("KAZ",), HAR, "history", None),
    ("Ресейдегі интернет цензурасы", Intent.VDEM, ("RUS",), NET, "history", None),
    # French
    ("harcèlement des journalistes au Mexique", Intent.VDEM, ("MEX",), HAR, "history", None),
    ("censure d'internet en Russie", Intent.VDEM, ("RUS",), NET, "history", None),
    ("RSF et V-Dem sont-ils d'accord sur le Kazakhstan ?", Intent.VDEM, ("KAZ",), None,
     "agree", None),
    # Spanish
    ("acoso a periodistas en México", Intent.VDEM, ("MEX",), HAR, "history", None),
    ("mujeres periodistas en Argentina", Intent.VDEM, ("ARG",), FEM, "history", None),
    ("censura en Cuba desde 1990", Intent.VDEM, ("CUB",), CEN, "history", None),
    # German
    ("Internetzensur in China", Intent.VDEM, ("CHN",), NET, "history", None),
    ("V-Dem Deutschland", Intent.VDEM, ("DEU",), None, "history", None),
    ("vergleiche Polen und Ungarn bei der Medienzensur", Intent.VDEM, ("POL", "HUN"), CEN,
     "compare", None),
    # Arabic
    ("مضايقة الصحفيين في مصر", Intent.VDEM, ("EGY",), HAR, "history", None),
    ("الرقابة على الإنترنت في إيران", Intent.VDEM, ("IRN",), NET, "history", None),
    # Chinese
    ("俄罗斯的网络审查", Intent.VDEM, ("RUS",), NET, "history", None),
    ("V-Dem 哈萨克斯坦", Intent.VDEM, ("KAZ",), None, "history", None),
    # Ukrainian, Turkish, Portuguese
    ("переслідування журналістів в Україні", Intent.VDEM, ("UKR",), HAR, "history", None),
    ("Türkiye'de internet sansürü", Intent.VDEM, ("TUR",), NET, "history", None),
    ("assédio a jornalistas no Brasil", Intent.VDEM, ("BRA",), HAR, "history", None),
]


@pytest.mark.parametrize(("text", "intent", "countries", "measure", "view", "order"), V_DEM,
                         ids=[row[0] for row in V_DEM])
def test_v_dem_questions(understander: Understander, text: str, intent: Intent,
                         countries: tuple[str, ...], measure: str | None, view: str,
                         order: str | None) -> None:
    query = understander.parse(text)
    assert query.intent == intent, query
    assert query.countries == countries, query
    assert query.witness is not None, query
    assert (query.witness.measure, query.witness.view) == (measure, view), query
    if order is not None:
        assert query.witness.order == order, query


# (question, intent, topic): RSF's questions, with words V-Dem also measures.
RSF = [
    ("are journalists safe in Kazakhstan?", Intent.PROFILE, "safety"),
    ("безопасно ли журналистам в Казахстане?", Intent.PROFILE, "safety"),
    ("censorship in Turkmenistan", Intent.PROFILE, "political"),
    ("цензура в Узбекистане", Intent.PROFILE, "political"),
    ("self-censorship in Turkey", Intent.PROFILE, "social"),
    ("самоцензура у журналистов в Турции", Intent.PROFILE, "social"),
    ("journalists harassed in India", Intent.PROFILE, "safety"),
    ("gender discrimination against women journalists in Afghanistan", Intent.PROFILE,
     "social"),
    ("how does censorship in China compare with Vietnam", Intent.COMPARE, "political"),
    ("chart of the political indicator in Kazakhstan", Intent.CHART, "political"),
    ("political pressure in Belarus", Intent.PROFILE, "political"),
    ("politischer Druck in Belarus", Intent.PROFILE, "political"),
    ("la censure en Algérie", Intent.PROFILE, "political"),
    ("Қазақстандағы цензура", Intent.PROFILE, "political"),
    ("most censored countries", Intent.RANKING, None),
    ("Kazakhstan 1999", Intent.PROFILE, None),
]


@pytest.mark.parametrize(("text", "intent", "topic"), RSF, ids=[row[0] for row in RSF])
def test_rsf_questions_stay_rsfs(understander: Understander, text: str, intent: Intent,
                                 topic: str | None) -> None:
    query = understander.parse(text)
    assert query.intent == intent and query.witness is None, query
    if topic is not None:
        assert query.topic == topic, query


def test_what_is_v_dem_is_no_countrys_figures(understander: Understander) -> None:
    assert understander.parse("what is V-Dem?").witness is None
