"""V-Dem's pictures: a measure's history (1970–) for one to five countries, and RSF against
V-Dem for one year.  What they show is checked against the CSVs; the pictures are valid
PNGs of the RSF charts' size, drawn once per data version."""

from __future__ import annotations

import struct
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import rsf_csv as rsf
import vdem_source as vdem
from fakebotapi import parse_html

from bot import button_data
from bot.answer import MessageAnswer, MessageKind
from bot.answer.vdem_kinds import VdemChartAnswer
from bot.charts.vdem_data import ScatterChart, VdemHistoryChart
from bot.pipeline import Pipeline
from bot.query import Intent, Query, Witness
from bot.store import Store

LATEST = vdem.latest_year()


@pytest.fixture(scope="module")
def pipeline(db_path: Path) -> Iterator[Pipeline]:
    opened = Pipeline(Store(db_path))
    yield opened
    opened.close()


def png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR"
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def history(pipeline: Pipeline, codes: tuple[str, ...], measure: str, lang: str = "en",
            since: int | None = None) -> tuple[VdemChartAnswer, str]:
    """The chart's answer and its caption's visible text."""
    reply = pipeline.answer_query(Query(text="", intent=Intent.CHART, countries=codes,
                                        since=since, witness=Witness(measure=measure),
                                        lang=lang))
    assert isinstance(reply.answer, VdemChartAnswer), reply.answer
    assert len(reply.messages[0]) <= 1024
    return reply.answer, parse_html(reply.messages[0])[0]  # as Telegram parses it


def test_drawing_modules_load_no_matplotlib_until_they_draw() -> None:
    code = ("import bot.charts.draw_vdem, bot.charts.draw_scatter, sys; "
            "assert 'matplotlib' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_history_chart_shows_v_dems_years_and_the_median(pipeline: Pipeline,
                                                           lang: str) -> None:
    answer, caption = history(pipeline, ("KAZ", "KGZ"), "v2mecenefm", lang)
    data = answer.data
    assert isinstance(data, VdemHistoryChart)
    assert (data.first, data.last) == (1970, LATEST)
    for line in data.lines:
        expected = [(y, vdem.value(line.code, y, "v2mecenefm")) for y in vdem.years_of(line.code)]
        assert list(line.points) == expected
        assert (line.place, line.of) == vdem.place(line.code, LATEST, "v2mecenefm")
    assert dict(data.median) == {y: vdem.median(y, "v2mecenefm") for y in range(1970, LATEST + 1)}
    # RSF's years are shaded from the year its first index describes.
    assert data.rsf_from == min(int(p.stem) for p in rsf.CSV_DIR.glob("*.csv"))
    png = pipeline.chart_png(data)
    assert png_size(png) == (1200, 900)
    kaz = vdem.shown(vdem.value("KAZ", LATEST, "v2mecenefm") or 0, "v2mecenefm", lang)
    assert (f"{kaz} in {LATEST}" if lang == "en" else f"{kaz} в {LATEST} г.") in caption


def test_a_history_chart_from_a_year_and_for_a_share(pipeline: Pipeline) -> None:
    data = history(pipeline, ("NOR",), "v2mefemjrn", since=2000)[0].data
    assert isinstance(data, VdemHistoryChart)
    [line] = data.lines
    assert line.points[0][0] == 2000
    assert line.points[-1] == (LATEST, vdem.value("NOR", LATEST, "v2mefemjrn"))
    assert png_size(pipeline.chart_png(data)) == (1200, 900)


def test_more_than_five_countries_are_refused_with_the_reason(pipeline: Pipeline) -> None:
    reply = pipeline.answer_query(Query(
        text="", intent=Intent.CHART, countries=("KAZ", "KGZ", "UZB", "TJK", "TKM", "RUS"),
        witness=Witness(measure="v2meharjrn")))
    assert isinstance(reply.answer, MessageAnswer)
    assert reply.answer.kind == MessageKind.NO_CHART
    assert "at most 5 countries" in reply.messages[0]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_scatter_shows_every_country_both_rate_and_labels_the_asked(
        pipeline: Pipeline, lang: str) -> None:
    reply = pipeline.answer_query(Query(text="", intent=Intent.VDEM, countries=("KAZ", "NOR"),
                                        witness=Witness(view="scatter"), lang=lang))
    data = reply.rendered.chart
    assert isinstance(data, ScatterChart)
    results = rsf.year(LATEST + 1)
    values = vdem.year_values(LATEST, "v2mecenefm")
    common = sorted(c for c in results if c in values)
    assert [p.code for p in data.points] == common
    assert {p.code: (p.vdem, p.rsf) for p in data.points} == {
        c: (values[c], results[c].score) for c in common}
    assert [p.code for p in data.points if p.labelled] == ["KAZ", "NOR"]
    assert (data.key.vdem_year, data.key.rsf_year) == (LATEST, LATEST + 1)
    caption, _ = parse_html(reply.messages[0])
    assert len(reply.messages[0]) <= 1024
    assert f"{len(common)}" in caption
    assert rsf.in_lang(f"{data.correlation:.2f}", lang) in caption
    assert png_size(pipeline.chart_png(data)) == (1200, 900)


def test_the_scatter_draws_only_rsfs_0_100_scores(pipeline: Pipeline) -> None:
    reply = pipeline.answer_query(Query(text="", intent=Intent.VDEM, year=2005,
                                        witness=Witness(view="scatter")))
    data = reply.rendered.chart
    assert isinstance(data, ScatterChart)
    assert data.key.rsf_year == 2013  # the first 0–100 index, describing 2012
    assert "2005 is outside the years this answer covers (2012–" in parse_html(
        reply.messages[0])[0]


def test_pictures_are_drawn_once_per_data_version(db_copy: Path) -> None:
    pipeline = Pipeline(Store(db_copy))
    try:
        data = history(pipeline, ("KAZ",), "v2meharjrn")[0].data
        first = pipeline.chart_png(data)
        assert pipeline.chart_png(data) is first  # from the cache
        with pipeline.store.write() as conn:
            conn.execute("UPDATE vdem SET v2meharjrn = 2.0 WHERE code = 'KAZ' AND year = 2023")
        redrawn = history(pipeline, ("KAZ",), "v2meharjrn")[0].data
        assert redrawn.key != data.key and redrawn.lines[0].points[-1] == (2023, 2.0)
    finally:
        pipeline.close()


def test_an_inline_card_opens_the_same_picture(pipeline: Pipeline) -> None:
    for query in (Query(text="", intent=Intent.CHART, countries=("KAZ", "KGZ"),
                        witness=Witness(measure="v2meslfcen")),
                  Query(text="", intent=Intent.VDEM, countries=("KAZ",), year=2020,
                        witness=Witness(measure="v2meharjrn", view="scatter"))):
        picture = pipeline.answer_query(query).rendered.chart
        assert picture is not None
        again = pipeline.deep_link(button_data.picture_link(picture), "en")
        assert again is not None and again.rendered.chart is not None
        assert again.rendered.chart.key == picture.key

