"""V-Dem's answers, asked as typed queries through the whole pipeline (answer → render) in
English and Russian: the country card's line, a topic's measure, histories reaching before
RSF's index, one year, rankings, comparisons, and RSF beside V-Dem.

Every expected figure is computed here from the shipped V-Dem CSV (:mod:`vdem_source`) and
RSF's CSVs (:mod:`rsf_csv`) with the csv module, never read from the bot.  Every message is
checked with the fake Bot API's HTML parser, as strict as Telegram, and every button's data
decodes.
"""

from __future__ import annotations

import re
import statistics
from pathlib import Path

import pytest
import rsf_csv as rsf
import vdem_source as vdem
from replies import text_of

from bot import button_data
from bot.pipeline import Pipeline, Reply
from bot.query import Intent, Query, Witness

LATEST = vdem.latest_year()
CENSORSHIP, HARASSMENT, SELF = "v2mecenefm", "v2meharjrn", "v2meslfcen"
INTERNET, WOMEN = "v2mecenefi", "v2mefemjrn"
VDEM_LINK = "https://v-dem.net/"


@pytest.fixture(scope="module")
def pipeline(db_path: Path) -> Pipeline:
    return Pipeline.open(db_path)



def ask(pipeline: Pipeline, intent: Intent, lang: str = "en", **fields: object) -> Reply:
    return pipeline.answer_query(Query(text="", intent=intent, lang=lang,
                                       **fields))  # type: ignore[arg-type]


def place(code: str, year: int, measure: str, lang: str) -> str:
    found, of = vdem.place(code, year, measure)
    return vdem.english_place(found, of) if lang == "en" else vdem.russian_place(found, of)


def figure(code: str, year: int, measure: str, lang: str = "en") -> str:
    number = vdem.value(code, year, measure)
    assert number is not None
    return vdem.shown(number, measure, lang)


# --- the check figures of the issue ----------------------------------------------------------


def test_the_check_figures_are_in_the_shipped_file() -> None:
    """Kazakhstan 2023 as V-Dem's README gives it (the tests below read the file itself)."""
    assert figure("KAZ", 2023, CENSORSHIP) == "−0.712"
    assert figure("KAZ", 2023, HARASSMENT) == "−0.098"  # 0.098 below zero
    assert figure("KAZ", 2023, WOMEN) == "50.2"


# --- the country card ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_card_has_one_line_of_v_dem_for_its_latest_year(pipeline: Pipeline,
                                                           lang: str) -> None:
    reply = ask(pipeline, Intent.PROFILE, lang, countries=("KAZ",))
    text = text_of(reply)
    [line] = [line for line in text.splitlines() if line.startswith("🔎 V-Dem")]
    year_words = f"the year {LATEST}" if lang == "en" else f"{LATEST} год"
    assert year_words in line
    for measure in (CENSORSHIP, HARASSMENT, SELF):
        assert (f"{figure('KAZ', LATEST, measure, lang)} "
                f"({place('KAZ', LATEST, measure, lang)})") in line
    assert ("higher = freer" if lang == "en" else "выше — свободнее") in line
    assert ("media censorship" if lang == "en" else "цензура СМИ") in line
    assert f'href="{VDEM_LINK}' in "".join(reply.messages)
    # RSF's own figures stay RSF's: the card's score is the 2026 index's, on 0–100.
    assert rsf.shown(rsf.year(2026)["KAZ"].score, lang=lang) in text
    vdem_button = [b for row in reply.rendered.buttons for b in row if "V-Dem" in b.text]
    assert [b.data for b in vdem_button] == ["v:h::KAZ:::"]


def test_a_country_v_dem_does_not_rate_says_so(pipeline: Pipeline) -> None:
    assert not vdem.years_of("AND")
    reply = ask(pipeline, Intent.PROFILE, countries=("AND",))
    assert "V-Dem does not rate Andorra." in text_of(reply)
    assert not [b for row in reply.rendered.buttons for b in row if "V-Dem" in b.text]
    russian = text_of(ask(pipeline, Intent.PROFILE, "ru", countries=("AND",)))
    assert "V-Dem не оценивает страну «Андорра»." in russian


@pytest.mark.parametrize(("topic", "measures"), [
    ("safety", (HARASSMENT,)),
    ("political", (CENSORSHIP, INTERNET)),
    ("social", (SELF,)),
    ("landscape", ("v2merange", "v2mecrit")),
    ("legal", (CENSORSHIP, HARASSMENT, SELF)),  # no V-Dem measure of its own: the card's three
])
def test_a_topic_shows_v_dems_measure_of_that_topic(pipeline: Pipeline, topic: str,
                                                    measures: tuple[str, ...]) -> None:
    text = text_of(ask(pipeline, Intent.PROFILE, countries=("MEX",), topic=topic))
    [line] = [line for line in text.splitlines() if line.startswith("🔎 V-Dem")]
    found = re.findall(r"([−\d.]+) \((\d+)\w\w of (\d+)\)", line)
    assert found == [(figure("MEX", LATEST, m), *map(str, vdem.place("MEX", LATEST, m)))
                     for m in measures]


def test_palestine_says_v_dems_figures_are_the_west_banks(pipeline: Pipeline) -> None:
    assert vdem.rows()[("PSE", LATEST)]["country_name"] == "Palestine/West Bank"
    text = text_of(ask(pipeline, Intent.PROFILE, countries=("PSE",)))
    assert "the West Bank's" in text


# --- histories -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_censorship_since_1990_reaches_before_rsfs_index(pipeline: Pipeline, lang: str) -> None:
    reply = ask(pipeline, Intent.VDEM, lang, countries=("KAZ",), since=1990,
                witness=Witness(measure=CENSORSHIP))
    text = text_of(reply)
    years = [y for y in vdem.years_of("KAZ") if y >= 1990]
    assert years[0] == 1990 and years[-1] == LATEST
    for year in years:
        found, of = vdem.place("KAZ", year, CENSORSHIP)
        row = next(line for line in text.splitlines() if line.startswith(f"{year} "))
        assert row.split() == [str(year), figure("KAZ", year, CENSORSHIP, lang), f"{found}/{of}"]
    assert ("higher = less censorship" if lang == "en" else "выше — меньше цензуры") in text
    assert VDEM_LINK in "".join(reply.messages)


def test_a_history_without_a_year_starts_where_v_dem_starts_and_says_so(
        pipeline: Pipeline) -> None:
    text = text_of(ask(pipeline, Intent.VDEM, countries=("KAZ",), witness=Witness()))
    first = vdem.years_of("KAZ")[0]
    rows = [line.split() for line in text.splitlines() if re.match(r"(19|20)\d\d ", line)]
    assert rows[0][0] == str(first) and rows[-1][0] == str(LATEST)
    assert rows[-1][1:] == [figure("KAZ", LATEST, m) for m in (CENSORSHIP, HARASSMENT, SELF)]
    assert f"V-Dem rates Kazakhstan from {first}." in text


def test_women_journalists_of_several_countries(pipeline: Pipeline) -> None:
    text = text_of(ask(pipeline, Intent.VDEM, countries=("KAZ", "KGZ", "UZB"), since=2010,
                       witness=Witness(measure=WOMEN)))
    row = next(line for line in text.splitlines() if line.startswith(f"{LATEST} "))
    assert row.split()[1:] == [figure(c, LATEST, WOMEN) for c in ("KAZ", "KGZ", "UZB")]
    assert "share of journalists who are women, %" in text


@pytest.mark.parametrize(("lang", "written"), [("en", "50.2%"), ("ru", "50,2 %")])
def test_women_journalists_in_one_year(pipeline: Pipeline, lang: str, written: str) -> None:
    text = text_of(ask(pipeline, Intent.VDEM, lang, countries=("KAZ",), year=LATEST,
                       witness=Witness(measure=WOMEN)))
    assert written == figure("KAZ", LATEST, WOMEN, lang) + ("%" if lang == "en" else " %")
    assert f"{written} ({place('KAZ', LATEST, WOMEN, lang)})" in text


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_what_v_dem_said_in_1995_lists_every_measure(pipeline: Pipeline, lang: str) -> None:
    text = text_of(ask(pipeline, Intent.VDEM, lang, countries=("KAZ",), year=1995,
                       witness=Witness()))
    for measure in vdem.MEASURES:
        number = vdem.value("KAZ", 1995, measure)
        assert number is not None
        shown = vdem.shown(number, measure, lang) + ("%" if lang == "en" else " %") * (
            measure == WOMEN)
        assert f"{shown} ({place('KAZ', 1995, measure, lang)})" in text, measure


def test_a_year_v_dem_has_not_reached_shows_its_latest_with_a_note(pipeline: Pipeline) -> None:
    text = text_of(ask(pipeline, Intent.VDEM, countries=("KAZ",), year=2026,
                       witness=Witness(measure=HARASSMENT)))
    assert f"2026 is outside the years this answer covers (1970–{LATEST}): showing {LATEST}." \
        in text
    assert f"{figure('KAZ', LATEST, HARASSMENT)} ({place('KAZ', LATEST, HARASSMENT, 'en')})" \
        in text


def test_a_year_before_a_countrys_record_says_it_has_no_value(pipeline: Pipeline) -> None:
    text = text_of(ask(pipeline, Intent.VDEM, countries=("KAZ",), year=1980,
                       witness=Witness(measure=CENSORSHIP)))
    assert "no value" in text and "V-Dem rates Kazakhstan from 1990." in text


# --- rankings and comparisons ---------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_most_internet_censorship(pipeline: Pipeline, lang: str) -> None:
    text = text_of(ask(pipeline, Intent.VDEM, lang, year=2023,
                       witness=Witness(measure=INTERNET, view="ranking", order="bottom")))
    values = vdem.year_values(2023, INTERNET)
    worst = sorted(values, key=lambda c: values[c])[:10]
    rows = re.findall(r"^ *(\d+)\. .* — ([−\d.,]+)$", text, re.M)
    assert rows == [(str(vdem.place(c, 2023, INTERNET)[0]), figure(c, 2023, INTERNET, lang))
                    for c in worst]
    assert str(len(values)) in text


def test_the_top_of_a_ranking_includes_countries_rsf_does_not_rank(pipeline: Pipeline) -> None:
    text = text_of(ask(pipeline, Intent.VDEM, year=2023,
                       witness=Witness(measure=HARASSMENT, view="ranking", order="top",
                                       limit=50)))
    values = vdem.year_values(2023, HARASSMENT)
    best = sorted(values, key=lambda c: -values[c])[:50]
    names = {code: vdem.rows()[(code, 2023)]["country_name"] for code in best}
    rsf_codes = set(rsf.year(2026)) | set(rsf.year(2024))
    outside = [names[c] for c in best if c not in rsf_codes]  # e.g. Barbados, Vanuatu
    assert outside and all(name in text for name in outside)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_compare_two_countries_on_harassment(pipeline: Pipeline, lang: str) -> None:
    text = text_of(ask(pipeline, Intent.VDEM, lang, countries=("KAZ", "KGZ"),
                       witness=Witness(measure=HARASSMENT, view="compare")))
    for code in ("KAZ", "KGZ"):
        assert (f"{figure(code, LATEST, HARASSMENT, lang)} "
                f"({place(code, LATEST, HARASSMENT, lang)})") in text


# --- RSF beside V-Dem -----------------------------------------------------------------------


def _both(vdem_year: int, measure: str) -> tuple[list[str], dict[str, int], dict[str, int]]:
    """The countries both rate (V-Dem's year, RSF's index of the year after), each one's
    place by RSF's rank and by V-Dem's measure among them."""
    results = rsf.year(vdem_year + 1)
    values = vdem.year_values(vdem_year, measure)
    common = sorted(c for c in results if c in values)
    rsf_place = {c: 1 + sum(results[o].rank < results[c].rank for o in common) for c in common}
    vdem_place = {c: 1 + sum(values[o] > values[c] for o in common) for c in common}
    return common, rsf_place, vdem_place


def _spearman(a: list[float], b: list[float]) -> float:
    def ranks(values: list[float]) -> list[float]:
        return [statistics.mean(i + 1 for i, w in enumerate(sorted(values)) if w == v)
                for v in values]
    return statistics.correlation(ranks(a), ranks(b))


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_do_rsf_and_v_dem_agree_on_kazakhstan(pipeline: Pipeline, lang: str) -> None:
    reply = ask(pipeline, Intent.VDEM, lang, countries=("KAZ",),
                witness=Witness(measure=HARASSMENT, view="agree"))
    text = text_of(reply)
    common, rsf_place, vdem_place = _both(LATEST, HARASSMENT)
    n = len(common)
    safety = rsf.year(LATEST + 1)["KAZ"].indicators["safety"][0]
    results = rsf.year(LATEST + 1)
    # A named measure stands beside RSF's matching indicator: harassment — safety.
    rsf_place = {c: 1 + sum(results[o].indicators["safety"][1]
                            < results[c].indicators["safety"][1] for o in common)
                 for c in common}
    if lang == "en":
        assert (f"V-Dem's {LATEST} beside RSF's index {LATEST + 1}, which covers {LATEST}; "
                f"places among the {n} countries both rate") in text
        assert f"RSF, safety indicator: {rsf.shown(safety)} — " \
               f"{vdem.english_place(rsf_place['KAZ'], n)}" in text
        assert f"V-Dem, harassment of journalists: {figure('KAZ', LATEST, HARASSMENT)} — " \
               f"{vdem.english_place(vdem_place['KAZ'], n)}" in text
        assert "They measure differently" in text
    else:
        assert f"места среди {n} стран" in text
        assert f"{vdem.russian_place(vdem_place['KAZ'], n)}" in text
        assert "Они измеряют по-разному" in text
    r = _spearman([-results[c].indicators["safety"][1] for c in common],
                  [vdem.year_values(LATEST, HARASSMENT)[c] for c in common])
    assert rsf.in_lang(f"{r:.2f}", lang) in text
    links = "".join(reply.messages)
    assert "rsf.org/en/country/kazakhstan" in links and VDEM_LINK in links


def test_agree_without_a_measure_sets_the_score_beside_the_cards_three(
        pipeline: Pipeline) -> None:
    text = text_of(ask(pipeline, Intent.VDEM, countries=("KAZ",), witness=Witness(view="agree")))
    common, rsf_place, _ = _both(LATEST, CENSORSHIP)
    score = rsf.year(LATEST + 1)["KAZ"].score
    assert f"RSF, score: {rsf.shown(score)} — {vdem.english_place(rsf_place['KAZ'], len(common))}" \
        in text
    for measure in (CENSORSHIP, HARASSMENT, SELF):
        _, _, vdem_place = _both(LATEST, measure)
        assert f"{figure('KAZ', LATEST, measure)} — " \
               f"{vdem.english_place(vdem_place['KAZ'], len(common))}" in text


def test_agree_on_the_world_names_the_widest_disagreements(pipeline: Pipeline) -> None:
    text = text_of(ask(pipeline, Intent.VDEM, witness=Witness(measure=CENSORSHIP,
                                                              view="agree")))
    common, rsf_place, vdem_place = _both(LATEST, CENSORSHIP)
    results = rsf.year(LATEST + 1)
    # The political indicator's rank stands beside censorship of the media.
    rsf_place = {c: 1 + sum(results[o].indicators["political"][1]
                            < results[c].indicators["political"][1] for o in common)
                 for c in common}
    gap = {c: vdem_place[c] - rsf_place[c] for c in common}
    kinder = min(common, key=lambda c: (-gap[c], c))
    assert f"RSF {rsf_place[kinder]} · V-Dem {vdem_place[kinder]}" in text


# --- honest presentation --------------------------------------------------------------------


def test_every_v_dem_reply_names_v_dem_and_links_it(pipeline: Pipeline) -> None:
    queries = [
        Query(text="", intent=Intent.VDEM, countries=("NOR",), witness=Witness()),
        Query(text="", intent=Intent.VDEM, countries=("NOR", "FIN"), witness=Witness()),
        Query(text="", intent=Intent.VDEM, witness=Witness(view="ranking")),
        Query(text="", intent=Intent.VDEM, countries=("NOR",), witness=Witness(view="agree")),
    ]
    for query in queries:
        reply = pipeline.answer_query(query)
        text = text_of(reply)
        assert "V-Dem" in text and VDEM_LINK in "".join(reply.messages)
        assert "own scale" in text  # never RSF's 0–100


def test_countries_v_dem_does_not_rate_are_named(pipeline: Pipeline) -> None:
    text = text_of(ask(pipeline, Intent.VDEM, countries=("AND", "LIE"), witness=Witness()))
    assert text == "V-Dem does not rate Andorra, Liechtenstein."
    text = text_of(ask(pipeline, Intent.VDEM, countries=("KAZ", "AND"),
                       witness=Witness(measure=CENSORSHIP, view="compare")))
    assert "V-Dem does not rate Andorra." in text


def test_a_v_dem_question_without_a_country_asks_which(pipeline: Pipeline) -> None:
    text = text_of(ask(pipeline, Intent.VDEM, witness=Witness(measure=HARASSMENT)))
    assert text.startswith("Which country?")


def test_the_buttons_of_v_dem_answers_ask_what_they_say(pipeline: Pipeline) -> None:
    reply = ask(pipeline, Intent.VDEM, countries=("KAZ",), since=1990,
                witness=Witness(measure=CENSORSHIP))
    datas = [b.data for row in reply.rendered.buttons for b in row]
    assert datas == ["gv:h:cen:KAZ::1990:", "v:a::KAZ:::", "p:KAZ::"]
    pressed = pipeline.press("v:a::KAZ:::", "en")
    assert pressed is not None and pressed.query.witness == Witness(view="agree")
    chart = pipeline.press("gv:h:cen:KAZ::1990:", "en")
    assert chart is not None and chart.rendered.chart is not None


@pytest.mark.parametrize("data", [
    "v:h:xxx:KAZ:::", "v:q::KAZ:::", "v:h::KA:::", "v:r:cen::2023::b99", "v:r:cen::20x3::",
    "gv:r:cen::2023::", "v:s:cen:KAZ:2023::", "v:h::KAZKGZUZBTJKTKMRUS:::", "v:h::kaz:::",
])
def test_v_dem_button_data_we_never_made_is_refused(data: str) -> None:
    assert button_data.decode(data) is None


def test_v_dem_deep_links_round_trip() -> None:
    for data in (button_data.vdem("history", HARASSMENT, ("KAZ", "KGZ"), since=1990),
                 button_data.vdem("ranking", INTERNET, (), 2023, order="bottom", limit=10),
                 button_data.vdem("scatter", None, ("KAZ",), 2023, chart=True)):
        link = button_data.as_deep_link(data)
        assert re.fullmatch(r"[A-Za-z0-9_-]{1,64}", link)
        assert button_data.deep_link(link) == button_data.decode(data)


@pytest.mark.parametrize(("question", "words"), [
    ("are journalists safe in Kazakhstan?", "harassment of journalists"),
    ("безопасно ли журналистам в Казахстане?", "преследование журналистов"),
])
def test_a_topic_question_in_words_adds_its_v_dem_measure(pipeline: Pipeline, question: str,
                                                         words: str) -> None:
    """Topics are understood already: the safety question brings harassment of journalists."""
    reply = pipeline.ask(question)
    assert reply.query.topic == "safety"
    line = next(line for line in text_of(reply).splitlines() if line.startswith("🔎 V-Dem"))
    lang = "ru" if reply.query.lang == "ru" else "en"
    assert f"{words} {figure('KAZ', LATEST, HARASSMENT, lang)} " \
           f"({place('KAZ', LATEST, HARASSMENT, lang)})" in line
    assert "censorship" not in line and "цензур" not in line


def test_english_places_follow_cldrs_ordinal_rule() -> None:
    """The hand-written rule (Babel's locale costs a start-up) agrees with CLDR's."""
    from babel import Locale

    from bot.i18n import fmt_place

    english = Locale("en")
    suffix = {"one": "st", "two": "nd", "few": "rd"}
    for n in range(1, 1001):
        assert fmt_place(n, 1000, "en") == f"{n}{suffix.get(english.ordinal_form(n), 'th')} of 1000"
