"""The analytical answers, asked as typed queries through the whole pipeline (answer →
render) in English and Russian: a group's means, medians and bands, a country's place in
its region, the countries of a band, risers and fallers, indicator rankings and
histories, what moved, and what the index means.

Every expected figure is computed here from RSF's CSVs with the csv module
(:mod:`rsf_csv`), never read from the bot's store or output.  Every message is checked
with the fake Bot API's HTML parser, as strict as Telegram.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import rsf_csv as rsf
from fakebotapi import parse_html
from replies import text_of

from bot.domain import RSF_METHOD_URL
from bot.i18n import t
from bot.pipeline import Pipeline
from bot.query import Analysis, Intent, Query, Ranking

INDICATORS = ("political", "economic", "legal", "social", "safety")
LABELS = {
    "en": {"score": "Score", "political": "Political", "economic": "Economic",
           "legal": "Legal", "social": "Social", "safety": "Safety"},
    "ru": {"score": "Балл", "political": "Политика", "economic": "Экономика",
           "legal": "Право", "social": "Общество", "safety": "Безопасность"},
}


@pytest.fixture(scope="module")
def pipeline(db_path: Path) -> Pipeline:
    return Pipeline.open(db_path)



def ask(pipeline: Pipeline, intent: Intent, lang: str = "en", **fields: object) -> str:
    return text_of(pipeline.answer_query(Query(text="", intent=intent, lang=lang,
                                               **fields)))  # type: ignore[arg-type]


def table_row(text: str, label: str) -> list[str]:
    """The figures of one row of a monospaced table."""
    line = next(line for line in text.splitlines() if line.startswith(label + " "))
    return line.split()[1:]


# --- 1. aggregates ---------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "year", "region", "subregion"), [
    ("en", 2026, None, False),
    ("ru", 2026, None, False),
    ("en", 2024, "europe_central_asia", False),
    ("ru", 2023, "africa", False),
    ("en", 2022, None, True),
    ("ru", 2025, None, True),
])
def test_means_and_medians_of_the_score_and_each_indicator(
        pipeline: Pipeline, lang: str, year: int, region: str | None, subregion: bool) -> None:
    rows = rsf.in_region(year, region, subregion)
    analysis = Analysis(measure="mean", region=region,
                        subregion="central_asia" if subregion else None)
    text = ask(pipeline, Intent.AGGREGATE, lang, year=year, analysis=analysis)
    world = rsf.in_region(year)
    for figure in ("score", *INDICATORS):
        def values(group: list[rsf.Row], figure: str = figure) -> list[float]:
            return [r.score if figure == "score" else r.indicators[figure][0] for r in group]
        expected = [rsf.shown(rsf.mean(values(rows)), lang=lang),
                    rsf.shown(rsf.median(values(rows)), lang=lang)]
        if region or subregion:
            expected.append(rsf.shown(rsf.mean(values(world)), lang=lang))
        assert table_row(text, LABELS[lang][figure]) == expected, (figure, text)
    count = "countries" if lang == "en" else "стран"
    assert f"{len(rows)} {count}" in text or f"{count}: {len(rows)}" in text


def test_median_of_one_indicator_leads_the_answer(pipeline: Pipeline) -> None:
    rows = rsf.in_region(2024, subregion=True)
    safety = [r.indicators["safety"][0] for r in rows]
    text = ask(pipeline, Intent.AGGREGATE, year=2024,
               analysis=Analysis(measure="median", subregion="central_asia", indicator="safety"))
    lead = text.splitlines()[2]
    assert lead == (f"Safety: median {rsf.shown(rsf.median(safety))}, average "
                    f"{rsf.shown(rsf.mean(safety))} (5 countries)")
    assert "Central Asia is part of RSF's Europe – Central Asia region." in text


def test_averages_before_2022_have_no_indicators_and_say_which_scale(pipeline: Pipeline) -> None:
    rows = rsf.in_region(2015)
    text = ask(pipeline, Intent.AGGREGATE, year=2015,
               analysis=Analysis(measure="mean", indicator="safety"))
    assert table_row(text, "Score")[:2] == [rsf.shown(rsf.mean([r.score for r in rows])),
                                             rsf.shown(rsf.median([r.score for r in rows]))]
    assert "Safety " not in text and "indicators exist since 2022" in text
    assert "2013–2021 method, re-expressed 0–100" in text


@pytest.mark.parametrize(("lang", "year", "region"), [
    ("en", 2026, None), ("ru", 2024, "africa"), ("en", 2023, "americas"),
])
def test_countries_per_band(pipeline: Pipeline, lang: str, year: int,
                            region: str | None) -> None:
    rows = rsf.in_region(year, region)
    text = ask(pipeline, Intent.AGGREGATE, lang, year=year,
               analysis=Analysis(measure="count", region=region))
    found = dict(re.findall(r"\((\d+–\d+)\): (\d+)", text))
    bounds = {"good": "85–100", "satisfactory": "70–85", "problematic": "55–70",
              "difficult": "40–55", "very_serious": "0–40"}
    assert found == {bounds[band]: str(sum(r.band == band for r in rows))
                     for _, band in rsf.BANDS}


def test_bands_match_rsfs_own_labels_of_2024() -> None:
    """The thresholds the tests use are RSF's: its 2024 file names each row's situation."""
    import csv

    raw = (rsf.CSV_DIR / "2024.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(raw.splitlines(), delimiter=";"))
    labels = {"Bonne situation": "good", "Situation plutôt bonne": "satisfactory",
              "Situation problématique": "problematic", "Situation difficile": "difficult",
              "Situation très grave": "very_serious"}
    assert all(labels[r["Situation"]] == rsf.year(2024)[r["ISO"]].band for r in rows)


def test_bands_before_2022_say_they_did_not_exist(pipeline: Pipeline) -> None:
    text = ask(pipeline, Intent.AGGREGATE, year=2019, analysis=Analysis(measure="count"))
    assert "exist since its 2022 method: showing 2022" in text
    good = sum(r.band == "good" for r in rsf.in_region(2022))
    assert f"Good situation (85–100): {good}" in text


@pytest.mark.parametrize(("lang", "code", "year", "subregion", "region"), [
    ("en", "KAZ", 2026, "central_asia", None),
    ("ru", "KAZ", 2024, None, None),  # the country's own group: Central Asia
    ("en", "FRA", 2025, None, "europe_central_asia"),
    ("ru", "KEN", 2023, None, "africa"),
])
def test_a_country_s_place_in_its_region(pipeline: Pipeline, lang: str, code: str, year: int,
                                         subregion: str | None, region: str | None) -> None:
    group = rsf.in_region(year, rsf.region_of(code), code in rsf.CENTRAL_ASIA and not region)
    place = [r.code for r in group].index(code) + 1
    mine = rsf.year(year)[code]
    text = ask(pipeline, Intent.AGGREGATE, lang, year=year, countries=(code,),
               analysis=Analysis(measure="place", region=region, subregion=subregion))
    if lang == "en":
        assert f"Place {place} of {len(group)} in " in text
        assert f"world rank {mine.rank} of {len(rsf.year(year))}" in text
    else:
        assert f"Место {place} из {len(group)} (" in text
        assert f"в мире {mine.rank} из {len(rsf.year(year))}" in text
    assert f"{place}. " in text and rsf.shown(mine.score, lang=lang) in text
    scores = [r.score for r in group]
    assert rsf.shown(rsf.median(scores), lang=lang) in text
    assert rsf.shown(rsf.mean(scores), lang=lang) in text


def test_place_needs_a_country(pipeline: Pipeline) -> None:
    text = ask(pipeline, Intent.AGGREGATE, analysis=Analysis(measure="place"))
    assert text.startswith("Which country?")


# --- 2. bands ----------------------------------------------------------------------------------


def band_ranks(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"^ *(\d+)\. ", text, re.M)]


@pytest.mark.parametrize(("lang", "band", "year", "region"), [
    ("en", "good", 2026, None),
    ("ru", "very_serious", 2024, None),
    ("en", "difficult", 2026, None),  # 52 countries: two pages
    ("ru", "problematic", 2023, "europe_central_asia"),
    ("en", "satisfactory", 2022, "americas"),
])
def test_every_country_of_a_band_page_by_page(pipeline: Pipeline, lang: str, band: str,
                                              year: int, region: str | None) -> None:
    expected = [r.rank for r in rsf.in_region(year, region) if r.band == band]
    query = Query(text="", intent=Intent.BAND, year=year, lang=lang,
                  analysis=Analysis(band=band, region=region))
    reply = pipeline.answer_query(query)
    seen: list[int] = []
    for _ in range(10):  # follow the "More" button to the last page
        seen += band_ranks(text_of(reply))
        more = [b for row in reply.rendered.buttons for b in row
                if b.text.endswith("▶")]
        if not more:
            break
        pressed = pipeline.press(more[0].data, lang)
        assert pressed is not None
        reply = pressed
    assert seen == expected
    label = {"en": "Countries", "ru": "Стран"}[lang]
    assert f"{label}: {len(expected)}" in text_of(reply)


def test_a_band_before_2022_shows_2022_and_says_so(pipeline: Pipeline) -> None:
    text = ask(pipeline, Intent.BAND, year=2015, analysis=Analysis(band="good"))
    assert "showing 2022" in text
    assert band_ranks(text) == [r.rank for r in rsf.in_region(2022) if r.band == "good"]


# --- 3. movers ---------------------------------------------------------------------------------


def expected_moves(year: int, base: int, by: str, indicator: str | None = None,
                   region: str | None = None, consecutive: bool = True
                   ) -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
    """(code, change) of every country in both indexes, risers and fallers, largest first."""
    now, before = rsf.year(year), rsf.year(base)
    moves = []
    for row in rsf.in_region(year, region):
        if row.code not in before:
            continue
        old = before[row.code]
        if indicator:
            value = 0 if by == "score" else 1  # (score, rank)
            change = (row.indicators[indicator][value] - old.indicators[indicator][value])
            change = change if by == "score" else -change
        elif by == "rank":
            change = old.rank - row.rank
        elif consecutive and row.score_evolution is not None:
            change = row.score_evolution  # RSF's own published figure
        else:
            change = row.score - old.score
        moves.append((row.code, round(change, 6), row.rank))
    risers = sorted((m for m in moves if m[1] > 0), key=lambda m: (-m[1], m[2]))
    fallers = sorted((m for m in moves if m[1] < 0), key=lambda m: (m[1], m[2]))
    assert now
    return [(c, ch) for c, ch, _ in risers], [(c, ch) for c, ch, _ in fallers]


def listed(text: str, heading: str) -> list[str]:
    """The change figures of one list, in order: "▲12", "-4.93"…"""
    part = text.split(heading + "\n", 1)[1].split("\n\n", 1)[0]
    return re.findall(r" — ([▲▼]\d+|[+-]\d+[.,]\d\d) ", part)


def shown_change(change: float, by: str, lang: str = "en") -> str:
    if by == "rank":
        return f"{'▲' if change > 0 else '▼'}{abs(change):.0f}"
    return rsf.shown(change, signed=True, lang=lang)


@pytest.mark.parametrize(("lang", "year", "base", "by", "indicator", "region"), [
    ("en", 2026, 2025, "rank", None, None),
    ("ru", 2026, 2025, "score", None, None),  # RSF's own "Score evolution"
    ("en", 2024, 2022, "score", None, "africa"),  # any two years of one method
    ("ru", 2024, 2023, "score", "safety", None),
    ("en", 2025, 2024, "rank", "political", "asia_pacific"),
    ("en", 2021, 2013, "score", None, None),  # within 2013–2021
])
def test_risers_and_fallers(pipeline: Pipeline, lang: str, year: int, base: int, by: str,
                            indicator: str | None, region: str | None) -> None:
    risers, fallers = expected_moves(year, base, by, indicator, region,
                                     consecutive=base == year - 1)
    query = Query(text="", intent=Intent.MOVERS, year=year, since=base, lang=lang,
                  analysis=Analysis(by=by, indicator=indicator, region=region,
                                    limit=5))
    text = text_of(pipeline.answer_query(query))
    headings = {"en": ("Rose most", "Fell most"), "ru": ("Поднялись", "Опустились")}[lang]
    for heading, moves in zip(headings, (risers, fallers), strict=True):
        got = listed(text, heading)
        # The five largest, and any tied with the fifth.
        assert len(got) >= 5 and got[:5] == [shown_change(c, by, lang) for _, c in moves[:5]]
        assert got == [shown_change(c, by, lang) for _, c in moves[:len(got)]]
        assert len(got) == 5 or moves[4][1] == moves[len(got) - 1][1]
    compared = sum(1 for r in rsf.in_region(year, region) if r.code in rsf.year(base))
    assert str(compared) in text


def test_scores_across_a_change_of_method_compare_by_rank_and_say_so(pipeline: Pipeline) -> None:
    _, fallers = expected_moves(2026, 2019, "rank")
    for lang, warning in (("en", "come from different methods and are not comparable"),
                          ("ru", "получены по разным методикам и несравнимы")):
        query = Query(text="", intent=Intent.MOVERS, year=2026, since=2019, lang=lang,
                      analysis=Analysis(by="score", direction="fall", limit=3))
        reply = pipeline.answer_query(query)
        text = text_of(reply)
        assert warning in text
        heading = "Fell most" if lang == "en" else "Опустились"
        assert listed(text, heading)[:3] == [shown_change(c, "rank", lang) for _, c in fallers[:3]]
        assert "Rose most" not in text and "Поднялись\n" not in text
        assert getattr(reply.answer, "by", None) == "rank"


def test_movers_default_to_the_latest_index_and_the_one_before(pipeline: Pipeline) -> None:
    latest = max(int(p.stem) for p in rsf.CSV_DIR.glob("*.csv"))
    _, fallers = expected_moves(latest, latest - 1, "rank")
    text = ask(pipeline, Intent.MOVERS, analysis=Analysis(direction="fall"))
    assert f"{latest - 1} → {latest}, by rank" in text
    assert listed(text, "Fell most")[0] == shown_change(fallers[0][1], "rank")


def test_movers_chart_holds_the_answers_moves(pipeline: Pipeline) -> None:
    risers, fallers = expected_moves(2026, 2025, "score")
    query = Query(text="", intent=Intent.CHART, year=2026, lang="ru",
                  analysis=Analysis(by="score", limit=4))
    reply = pipeline.answer_query(query)
    chart = reply.rendered.chart
    assert chart is not None and chart.key.by == "score"
    bars = [(b.code, round(b.change, 6)) for b in chart.bars]  # type: ignore[union-attr]
    assert bars == risers[:4] + fallers[:4][::-1]
    caption, _ = parse_html(reply.messages[0])
    assert len(caption) <= 1024 and "Больше всех поднялись и опустились" in caption
    png = pipeline.chart_png(chart)
    assert png.startswith(b"\x89PNG") and len(png) < 300_000


# --- 4. indicator rankings and histories -----------------------------------------------------


@pytest.mark.parametrize(("lang", "order", "indicator", "year"), [
    ("en", "bottom", "safety", 2024),  # "worst for safety 2024"
    ("ru", "top", "legal", 2026),  # "best legal framework"
])
def test_indicator_rankings(pipeline: Pipeline, lang: str, order: str, indicator: str,
                            year: int) -> None:
    rows = sorted(rsf.year(year).values(), key=lambda r: r.indicators[indicator][1])
    if order == "bottom":
        rows.reverse()
    text = ask(pipeline, Intent.RANKING, lang, year=year,
               ranking=Ranking(order=order, limit=5, indicator=indicator))
    got = re.findall(r"^ *(\d+)\. .* — (\d+[.,]\d\d)$", text, re.M)
    assert got[:5] == [(str(r.indicators[indicator][1]),
                        rsf.shown(r.indicators[indicator][0], lang=lang))
                       for r in rows[:5]]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_an_indicators_history(pipeline: Pipeline, lang: str) -> None:
    """"Kazakhstan's political indicator since 2022": the indicator's score and rank per
    year beside the overall ones."""
    text = ask(pipeline, Intent.PROFILE, lang, countries=("KAZ",), topic="political",
               since=2019)
    years = sorted(int(p.stem) for p in rsf.CSV_DIR.glob("*.csv") if int(p.stem) >= 2019)
    for year in years:
        row = rsf.year(year)["KAZ"]
        line = next(line for line in text.splitlines() if line.startswith(f"{year} "))
        cells = line.split()
        assert cells[1] == f"{row.rank}/{len(rsf.year(year))}" and cells[2] == rsf.shown(
            row.score, lang=lang)
        if "political" in row.indicators:
            score, rank = row.indicators["political"]
            assert cells[3:5] == [rsf.shown(score, lang=lang), str(rank)]
        else:
            assert cells[3:5] == ["—", "—"]
    name = {"en": "the Political indicator's score", "ru": "показателя «Политика»"}[lang]
    assert name in text


# --- 5. why ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "year"), [("en", 2026), ("ru", 2024), ("en", 2023)])
def test_what_moved(pipeline: Pipeline, lang: str, year: int) -> None:
    now, before = rsf.year(year)["KAZ"], rsf.year(year - 1)["KAZ"]
    moves = sorted(INDICATORS, key=lambda i: (-abs(round(now.indicators[i][0]
                                                         - before.indicators[i][0], 6)),
                                              INDICATORS.index(i)))
    text = ask(pipeline, Intent.WHY, lang, countries=("KAZ",), year=year,
               analysis=Analysis(direction="fall"))
    table = [line for line in text.splitlines()
             if line.split(" ")[0] in LABELS[lang].values() and "(" in line]
    assert [line.split()[0] for line in table] == [LABELS[lang][i] for i in moves]
    for line, indicator in zip(table, moves, strict=True):
        score, rank = now.indicators[indicator]
        change = score - before.indicators[indicator][0]
        assert line.split()[1:4] == [rsf.shown(change, signed=True, lang=lang),
                                     rsf.shown(score, lang=lang), str(rank)]
        assert line.endswith(f" {before.indicators[indicator][1]})")
    moved = before.rank - now.rank
    arrow = f"▲{moved}" if moved > 0 else f"▼{-moved}"
    assert f"{arrow} ({before.rank} → {now.rank})" in text
    change = now.score_evolution if now.score_evolution is not None else now.score - before.score
    assert rsf.shown(change, signed=True, lang=lang) in text
    assert "rsf.org/en/country/kazakhstan" in "".join(pipeline.answer_query(Query(
        text="", intent=Intent.WHY, countries=("KAZ",), year=year, lang=lang)).messages)
    # RSF's own words: the profile section of the indicator that moved most.
    section = {"en": {"political": "Political", "safety": "Safety", "social": "Social",
                      "legal": "Legal", "economic": "Economic"},
               "ru": LABELS["ru"]}[lang][moves[0]]
    assert f"{section} — " in text
    reasons = {"en": "RSF gives its reasons in its country profile",
               "ru": "Причины RSF объясняет в профиле страны"}[lang]
    assert reasons in text


def test_why_says_when_the_question_is_wrong_about_the_direction(pipeline: Pipeline) -> None:
    rows = [(c, r.rank - rsf.year(2025)[c].rank) for c, r in rsf.year(2026).items()
            if c in rsf.year(2025)]
    riser = min(rows, key=lambda x: (x[1], x[0]))[0]  # the biggest rise (rank number fell)
    text = ask(pipeline, Intent.WHY, countries=(riser,), analysis=Analysis(direction="fall"))
    assert text.splitlines()[2].startswith("Not a fall: ")


def test_why_across_the_2022_break_has_ranks_only(pipeline: Pipeline) -> None:
    now, before = rsf.year(2022)["NOR"], rsf.year(2021)["NOR"]
    text = ask(pipeline, Intent.WHY, countries=("NOR",), year=2022)
    assert "2022 brought RSF's current method" in text
    assert "score" not in text.split("Since 2021")[1].split("\n")[0]
    assert now.rank == before.rank and "rank unchanged" in text


# --- 6. what the index means ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize(("subject", "indicator"), [
    ("index", None), ("method", None), ("indicator", None), ("indicator", "economic"),
    ("bands", None), ("comparability", None),
])
def test_what_the_index_means(pipeline: Pipeline, lang: str, subject: str,
                              indicator: str | None) -> None:
    reply = pipeline.answer_query(Query(text="", intent=Intent.EXPLAIN, lang=lang,
                                        analysis=Analysis(subject=subject, indicator=indicator)))
    text = text_of(reply)
    assert f'href="{RSF_METHOD_URL}"' in reply.messages[-1]  # credits and links RSF's method
    assert "(RSF)" in text and t(lang, "credit") in text  # RSF credited in the reader's words
    if subject == "bands":
        for bounds in ("85–100", "70–85", "55–70", "40–55", "0–40"):
            assert bounds in text
    if subject == "method":
        words = {"en": ("five indicators", "tally of abuses", "questionnaire"),
                 "ru": ("пяти показателям", "учёт нарушений", "анкета экспертов")}[lang]
        assert all(w in text for w in words)
    if subject == "comparability":
        first = min(int(p.stem) for p in rsf.CSV_DIR.glob("*.csv"))
        assert f"{len(rsf.year(first))} ({first})" in text and "2013" in text
    if subject == "index":
        assert "2002" in text
    pressable = {b.data for row in reply.rendered.buttons for b in row}
    assert len(pressable) >= 3  # the other subjects, one tap away


# --- 7. fixes on the way -------------------------------------------------------------------------


def test_the_change_line_shows_rsfs_own_score_evolution(pipeline: Pipeline) -> None:
    """Three 2026 rows differ by 0.01 when recomputed from the file's own "Score N-1":
    RSF's figure is the one shown."""
    differ = [code for code, row in rsf.year(2026).items()
              if row.score_evolution is not None and row.score_before is not None
              and rsf.shown(row.score - row.score_before, signed=True)
              != rsf.shown(row.score_evolution, signed=True)]
    assert len(differ) == 3
    for code in differ:
        text = ask(pipeline, Intent.PROFILE, countries=(code,), year=2026)
        published = rsf.year(2026)[code].score_evolution
        assert published is not None
        assert f"score {rsf.shown(published, signed=True)}" in text


def test_scores_round_half_up_as_rsf_does(pipeline: Pipeline) -> None:
    three = {c: r for c, r in rsf.year(2025).items() if len(repr(r.score).split(".")[1]) == 3}
    assert three  # RSF's 2025 file has scores with three decimals (Israel's 51.055)
    for code, row in three.items():
        text = ask(pipeline, Intent.PROFILE, countries=(code,), year=2025)
        assert f"Score {rsf.shown(row.score)}" in text
    assert rsf.shown(51.055) == "51.06"


def test_a_profile_of_another_year_says_its_year_first(pipeline: Pipeline) -> None:
    reply = pipeline.answer_query(Query(text="", intent=Intent.PROFILE, countries=("KAZ",),
                                        year=2010))
    text = text_of(reply)
    assert "⚠️ RSF's profile of the 2024 index, not of 2010" in text
    assert "<b>RSF's profile of the 2024 index</b>" in "".join(reply.messages)
    same = text_of(pipeline.answer_query(Query(text="", intent=Intent.PROFILE,
                                               countries=("KAZ",), year=2024)))
    assert "not of 2024" not in same and "RSF's profile of the" not in same


def test_a_history_across_years_rsf_split_a_country_says_so(pipeline: Pipeline) -> None:
    split = [y for y in range(2002, 2013)
             if (rsf.CSV_DIR / f"{y}.csv").exists() and "USA" not in rsf.year(y)
             and any(c.startswith("USA") for c in rsf.year(y))]
    assert split and min(split) == 2003 and max(split) == 2012
    for lang, phrase in (("en", f"In {min(split)}–{max(split)} RSF ranked United States in "
                                "parts"),
                         ("ru", f"В {min(split)}–{max(split)} годах RSF учитывал страну")):
        text = ask(pipeline, Intent.PROFILE, lang, countries=("USA",), since=2002)
        assert phrase in text and "United States (US territory)" in text
    text = ask(pipeline, Intent.PROFILE, countries=("USA",), since=2013)
    assert "in parts" not in text


def test_a_comparison_of_more_than_five_names_which_were_left_out(pipeline: Pipeline) -> None:
    codes = ("NOR", "FIN", "KAZ", "KGZ", "UZB", "TJK", "TKM")
    text = ask(pipeline, Intent.COMPARE, countries=codes)
    names = {c: rsf.year(2026)[c].name for c in codes}
    assert "2 more were left out" in text
    left = text.split("left out: ", 1)[1].split(".")[0]
    assert names["TJK"] in left and names["TKM"] in left and names["NOR"] not in left


def test_what_moved_since_a_year(pipeline: Pipeline) -> None:
    """"Why did Kazakhstan fall since 2022": the latest index against 2022's, its score
    change the difference of the two (RSF publishes changes between consecutive years
    only)."""
    latest = max(int(p.stem) for p in rsf.CSV_DIR.glob("*.csv"))
    now, then = rsf.year(latest)["KAZ"], rsf.year(2022)["KAZ"]
    text = ask(pipeline, Intent.WHY, countries=("KAZ",), since=2022,
               analysis=Analysis(direction="fall"))
    assert "what moved since 2022" in text
    assert (f"Since 2022: rank ▼{now.rank - then.rank} ({then.rank} → {now.rank}), "
            f"score {rsf.shown(now.score - then.score, signed=True)}") in text
    biggest = max(INDICATORS, key=lambda i: abs(now.indicators[i][0] - then.indicators[i][0]))
    change = now.indicators[biggest][0] - then.indicators[biggest][0]
    first = next(line for line in text.splitlines() if line.startswith(LABELS["en"][biggest]))
    assert first.split()[1] == rsf.shown(change, signed=True)
