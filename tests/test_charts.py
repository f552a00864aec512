"""Charts: valid PNGs sized for Telegram, honest about RSF's method, cached per data version,
the ``pressbot chart`` command, and /chart and the Chart button against the fake Bot API."""

from __future__ import annotations

import io
import os
import struct
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fakebotapi import parse_html
from msgspec import structs
from telegram_harness import RunningBot

from bot.answer import ChartAnswer, MessageAnswer, MessageKind, answer
from bot.cache import LRU
from bot.charts.data import ChartData
from bot.charts.draw import render_png
from bot.i18n import t
from bot.importer import import_paths
from bot.pipeline import Pipeline
from bot.query import Intent, Query
from bot.render import chart_caption, render
from bot.store import Store, data_dir

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def pipeline(db_copy: Path) -> Iterator[Pipeline]:
    """A pipeline on a private copy of the database: some tests import into it."""
    opened = Pipeline(Store(db_copy))
    yield opened
    opened.close()


def chart_reply(pipeline: Pipeline, codes: tuple[str, ...], year: int | None = None,
                lang: str = "en") -> ChartAnswer | MessageAnswer:
    """What a chart of ``codes`` answers (a chart, or why there is none)."""
    query = Query(text="", intent=Intent.CHART, countries=codes, year=year, lang=lang)
    result = answer(query, pipeline.store.snapshot(), pipeline.store)
    assert isinstance(result, ChartAnswer | MessageAnswer)
    return result


def chart_data(pipeline: Pipeline, codes: tuple[str, ...], year: int | None = None,
               lang: str = "en") -> ChartData:
    result = chart_reply(pipeline, codes, year, lang)
    assert isinstance(result, ChartAnswer), result
    return result.data


def chart_png(pipeline: Pipeline, codes: tuple[str, ...], year: int | None = None,
              lang: str = "en") -> tuple[ChartData, bytes]:
    data = chart_data(pipeline, codes, year, lang)
    return data, pipeline.chart_png(data)


def png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == PNG_SIGNATURE
    assert png[12:16] == b"IHDR"
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def test_importing_charts_does_not_load_matplotlib() -> None:
    # Only drawing needs matplotlib: the pipeline, the renderer and the chart data never
    # load it, nor does the drawing module until it draws.
    code = ("import bot.pipeline, bot.render, bot.charts.draw, sys; "
            "assert 'matplotlib' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_png_is_valid_and_fits_telegram(pipeline: Pipeline) -> None:
    from matplotlib.image import imread

    heights = []
    for codes in (("KAZ",), ("KAZ", "KGZ"), ("KAZ", "KGZ", "UZB", "NOR", "USA")):
        _, png = chart_png(pipeline, codes, None)
        width, height = png_size(png)
        heights.append(height)
        assert width == 1200 and 900 <= height <= 1600  # a comparison grows with its bars
        assert width + height <= 10_000 and max(width, height) / min(width, height) <= 20
        assert len(png) < 300_000  # Telegram allows 10 MB; phones thank us for less
        assert imread(io.BytesIO(png), format="png").shape[:2] == (height, 1200)
    assert heights[0] == 900 and heights[1] < heights[2]


def test_different_countries_give_different_pictures(pipeline: Pipeline) -> None:
    pictures = {chart_png(pipeline, codes, None)[1]
                for codes in (("KAZ",), ("NOR",), ("KAZ", "NOR"), ("NOR", "KAZ"))}
    assert len(pictures) == 4
    assert chart_png(pipeline, ("KAZ",), 2024)[1] != chart_png(pipeline, ("KAZ",), None)[1]
    assert chart_png(pipeline, ("KAZ",), None, "ru")[1] != chart_png(pipeline, ("KAZ",), None)[1]


def test_cache_hit_returns_the_same_bytes(pipeline: Pipeline) -> None:
    _, first = chart_png(pipeline, ("MEX",), None)
    _, again = chart_png(pipeline, ("MEX",), None)
    assert again is first  # drawn once (how fast a hit is: benchmarks/bench_charts.py)
    # No year and the latest year are the same chart.
    latest = pipeline.store.snapshot().latest_year
    assert chart_png(pipeline, ("MEX",), latest)[1] is first


def test_import_changes_the_generation_and_the_picture(pipeline: Pipeline, db_copy: Path,
                                                       tmp_path: Path) -> None:
    before, old_png = chart_png(pipeline, ("KAZ",), None)
    source = (data_dir() / "csv" / "2026.csv").read_bytes()
    assert b"\nKAZ;34,41;149;23,72;" in source
    changed = tmp_path / "2026.csv"
    changed.write_bytes(source.replace(b"\nKAZ;34,41;149;23,72;", b"\nKAZ;44,41;149;43,72;"))
    writer = Store(db_copy)  # another connection, as `pressbot data import` would be
    import_paths(writer, [changed])
    writer.close()

    after, new_png = chart_png(pipeline, ("KAZ",), None)
    assert after.key.generation > before.key.generation
    assert after.key != before.key and after.countries[0].score == 44.41
    assert new_png != old_png
    # The old generation's charts were dropped with every other cache of data.
    assert pipeline.chart_png(after) is new_png
    redrawn = pipeline.chart_png(before)  # an old key is drawn anew, never served as current
    assert redrawn == old_png and redrawn is not new_png


def test_scales_are_never_mixed(pipeline: Pipeline) -> None:
    single = chart_data(pipeline, ("KAZ",), None)
    years = [y for y, _ in single.countries[0].history]
    assert years[0] == 2013 and 2012 not in years  # the old open-ended scale is never drawn
    compare = chart_data(pipeline, ("KAZ", "NOR"), None)
    # A comparison draws 2013–2021 and 2022+ in panels of their own, and says so.
    assert all(y >= 2013 for c in compare.countries for y, _ in c.history)
    assert {y for y, _ in compare.countries[0].history} >= {2013, 2021, 2022}
    assert len(compare.median_indicators) == 5
    assert "not comparable" in chart_caption(single, "en")
    assert "not comparable" in chart_caption(compare, "en")


def test_indicators_against_the_world_median(pipeline: Pipeline) -> None:
    data = chart_data(pipeline, ("KAZ",), 2026)
    assert data.countries[0].indicators == (23.72, 31.65, 34.28, 39.30, 43.09)
    assert all(20 < m < 90 for m in data.median_indicators)
    old = chart_data(pipeline, ("KAZ",), 2015)  # no indicators before 2022
    assert old.indicator_year == 2026 and old.countries[0].score is not None


def test_caption_is_telegram_html_within_1024(pipeline: Pipeline) -> None:
    codes = ("CAF", "BIH", "PNG", "TTO", "COD")
    for lang in ("en", "ru"):
        for chosen in (("KAZ",), codes):
            text = chart_caption(chart_data(pipeline, chosen, None, lang), lang)
            plain, entities = parse_html(text)  # raises on anything Telegram would refuse
            assert len(plain) <= 1024
            links = [e["url"] for e in entities if e["type"] == "text_link"]
            assert links and links[-1].startswith("https://rsf.org/en/")
            assert t(lang, "credit") in plain
    assert 'href="https://rsf.org/en/country/kazakhstan"' in chart_caption(
        chart_data(pipeline, ("KAZ",), None), "en")
    russian = chart_caption(chart_data(pipeline, ("KAZ",), 2024, "ru"), "ru")
    assert russian.startswith("<b>📈 Казахстан</b>") and "место" in russian


def test_caption_over_1024_is_refused(pipeline: Pipeline) -> None:
    data = chart_data(pipeline, ("KAZ", "NOR"), None)
    long = structs.replace(data.countries[0], name="Kazakhstan" * 60)
    with pytest.raises(ValueError, match="over 1024"):
        chart_caption(structs.replace(data, countries=(long, data.countries[1])), "en")


@pytest.mark.parametrize(("codes", "message"), [
    ((), "/chart Kazakhstan"),  # how to ask for one
    (("XXX",), "/chart Kazakhstan"),  # no country we know: the same
    (("KAZ", "KGZ", "UZB", "TJK", "TKM", "RUS"), "at most 5"),
    (("YUG",), "no score since 2013"),
])
def test_charts_that_cannot_be_drawn(pipeline: Pipeline, codes: tuple[str, ...],
                                     message: str) -> None:
    result = chart_reply(pipeline, codes)
    assert isinstance(result, MessageAnswer)
    assert message in render(result, "en").messages[0]


def test_2011_is_the_combined_2011_12_index(pipeline: Pipeline) -> None:
    assert chart_data(pipeline, ("KAZ",), 2011).key.year == 2012


def test_a_year_without_an_index_shows_the_nearest_as_every_answer_does(
    pipeline: Pipeline,
) -> None:
    result = chart_reply(pipeline, ("KAZ",), 1999, "ru")
    assert isinstance(result, ChartAnswer) and result.data.year == 2002
    assert result.year_note is not None and result.year_note.shown == 2002
    caption = render(result, "ru").messages[0]
    assert "Индекса за 1999 год нет; показан 2002" in caption  # in the reader's language


def test_chart_refusals_speak_the_readers_language(pipeline: Pipeline) -> None:
    result = chart_reply(pipeline, ("YUG",), None, "ru")
    assert isinstance(result, MessageAnswer) and result.kind == MessageKind.NO_CHART
    text = render(result, "ru").messages[0]
    assert text.startswith(t("ru", "chart_cannot", reason="")[:20]) and "2013" in text


def test_drawing_is_thread_safe(pipeline: Pipeline) -> None:
    datas = [chart_data(pipeline, (code,), None) for code in ("FRA", "DEU", "BRA", "IND")] * 2
    with ThreadPoolExecutor(4) as pool:
        parallel = list(pool.map(render_png, datas))
    assert parallel == [render_png(d) for d in datas]


def test_cache_is_per_pipeline_and_bounded(pipeline: Pipeline, db_path: Path) -> None:
    other = Pipeline(Store(db_path))
    try:
        mine, theirs = chart_data(pipeline, ("KAZ",)), chart_data(other, ("KAZ",))
        png = pipeline.chart_png(mine)
        assert other.chart_png(theirs) is not png  # each pipeline draws its own
    finally:
        other.close()
    small: LRU[tuple[str, int], bytes] = LRU(2)
    for n in range(3):
        small.put(("KAZ", 2020 + n), b"%d" % n)
    assert small.get(("KAZ", 2020)) is None and len(small) == 2


# --- the command line ------------------------------------------------------------------------


def pressbot(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRESSBOT_DB": str(db)}
    return subprocess.run([sys.executable, "-m", "bot", *args], env=env, capture_output=True,
                          text=True, timeout=120)


def test_cli_writes_the_same_picture(db_path: Path, tmp_path: Path,
                                     pipeline: Pipeline) -> None:
    out = tmp_path / "x.png"
    done = pressbot(db_path, "chart", "Kazakhstan", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == chart_png(pipeline, ("KAZ",), None)[1]
    done = pressbot(db_path, "chart", "Казахстан", "kgz", "--year", "2024", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == chart_png(pipeline, ("KAZ", "KGZ"), 2024)[1]
    done = pressbot(db_path, "chart", "Kazakhstan 2024", "-o", str(out))  # a year inside
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == chart_png(pipeline, ("KAZ",), 2024)[1]


@pytest.mark.parametrize(("args", "message"), [
    (["Narnia"], "unknown country: Narnia"),
    (["KAZ", "KGZ", "UZB", "TJK", "TKM", "RUS"], "at most 5"),
])
def test_cli_refuses_clearly(db_path: Path, tmp_path: Path, args: list[str],
                             message: str) -> None:
    out = tmp_path / "x.png"
    done = pressbot(db_path, "chart", *args, "-o", str(out))
    assert done.returncode == 1
    assert message in done.stderr and not out.exists()


def test_cli_says_which_year_it_drew(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.png"
    done = pressbot(db_path, "chart", "KAZ", "--year", "1999", "-o", str(out))
    assert done.returncode == 0 and out.exists()
    assert "no 1999 index: drew 2002" in done.stderr


# --- Telegram --------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "chart"), [
    ("Kazakhstan chart", True),
    ("график Казахстан", True),
    ("graph of Norway", True),
    ("Kazakhstan", False),
    ("charter of rights in Norway", False),
])
def test_a_question_can_ask_for_a_chart(pipeline: Pipeline, text: str, chart: bool) -> None:
    reply = pipeline.ask(text)
    assert (reply.query.intent == Intent.CHART) is chart
    assert (reply.rendered.chart is not None) is chart


@pytest.mark.timeout(60)
async def test_chart_command_sends_a_photo(bot: RunningBot) -> None:
    api = bot.api
    api.inject_message("/chart Kazakhstan", user_id=42)
    [action] = await api.wait_for("sendChatAction")
    assert action.params["action"] == "upload_photo"
    [first] = await api.wait_for("sendPhoto", timeout=20)
    assert first.ok, first
    assert isinstance(first.params["photo"], bytes)
    assert png_size(first.params["photo"]) == (1200, 900)
    assert first.params["parse_mode"] == "HTML"
    sent = first.result
    assert sent["caption"].startswith("📈 Kazakhstan") and len(sent["caption"]) <= 1024
    assert any(e.get("url") == "https://rsf.org/en/country/kazakhstan"
               for e in sent["caption_entities"])

    # The same chart again: Telegram already has it, so only its file_id travels.
    api.inject_message("/chart Kazakhstan", user_id=42)
    calls = await api.wait_for("sendPhoto", count=2, timeout=20)
    assert calls[1].params["photo"] == sent["photo"][-1]["file_id"]
    assert len([c for c in api.calls if c.method == "sendChatAction"]) == 1

    # Inline mode can now offer that photo; a chart never sent is a link to the bot instead.
    [card] = (await bot.inline("kazakhstan chart")).params["results"]
    assert card["type"] == "photo" and card["photo_file_id"] == sent["photo"][-1]["file_id"]
    assert card["caption"] == first.params["caption"]
    assert all(c["type"] == "article" for c in (await bot.inline("kazakhstan")).params["results"])
    [link] = (await bot.inline("norway chart")).params["results"]
    button = link["reply_markup"]["inline_keyboard"][0][0]
    assert button["url"] == "https://t.me/pressfreedom_bot?start=chart_NOR"

    # The Chart button under an answer: a comparison, in the user's language.
    api.inject_callback("g:KAZ,KGZ:2024:", message=sent, user_id=42)
    calls = await api.wait_for("sendPhoto", count=3, timeout=20)
    assert calls[2].ok and "Kyrgyzstan" in calls[2].result["caption"]
    assert "2024" in calls[2].result["caption"]


@pytest.mark.timeout(30)
async def test_chart_command_explains(bot: RunningBot) -> None:
    api = bot.api
    api.inject_message("/chart", user_id=7)
    api.inject_message("/chart Narnia", user_id=8)
    await api.wait_for("sendMessage", count=2)
    texts = {c.params["chat_id"]: c.params["text"] for c in api.sent("sendMessage")}
    assert "/chart" in texts[7]
    assert "Narnia" in texts[8]
    assert not api.sent("sendPhoto")
    # A year without an index: the nearest one, said in the reader's language.
    api.inject_message("/chart Казахстан 1999", user_id=9, language_code="ru")
    [photo] = await api.wait_for("sendPhoto", timeout=20)
    assert "Индекса за 1999 год нет; показан 2002" in photo.result["caption"]


@pytest.mark.timeout(60)
async def test_chart_command_honours_a_year_and_several_countries(bot: RunningBot) -> None:
    api = bot.api
    api.inject_message("/chart Kazakhstan Kyrgyzstan 2024", user_id=42)
    [sent] = await api.wait_for("sendPhoto", timeout=20)
    assert sent.ok, sent
    caption = sent.result["caption"]
    assert caption.startswith("📈 Kazakhstan, Kyrgyzstan") and "\n2024\n" in caption
    api.inject_message("/chart Казахстан, Нарния", user_id=43)
    [refused] = await api.wait_for("sendMessage", timeout=20)
    assert "Нарния" in refused.params["text"] and len(api.sent("sendPhoto")) == 1


def test_a_comparison_labels_line_ends_and_marks_the_year(pipeline: Pipeline) -> None:
    """Each line ends with its latest rank (the label "score · #rank"), both methods are
    drawn, and a year asked for changes the picture (its points are marked)."""
    import rsf_csv as rsf

    data = chart_data(pipeline, ("KAZ", "KGZ", "NOR"), None)
    latest = max(int(p.stem) for p in rsf.CSV_DIR.glob("*.csv"))
    for series in data.countries:
        assert series.rank_at_end == rsf.year(latest)[series.code].rank
        assert series.history[0][0] == 2013
        assert len(series.ranks) == len(series.history)
    latest_png = pipeline.chart_png(data)
    marked = chart_png(pipeline, ("KAZ", "KGZ", "NOR"), 2018)[1]
    assert marked != latest_png and png_size(marked) == png_size(latest_png)
