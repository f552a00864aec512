"""Charts: valid PNGs sized for Telegram, honest about RSF's method, cached per data version,
the ``pressbot chart`` command, and /chart and the Chart button against the fake Bot API."""

from __future__ import annotations

import dataclasses
import io
import os
import struct
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fakebotapi import FakeBotAPI, parse_html
from telegram import InlineQueryResultArticle, InlineQueryResultCachedPhoto

from bot import charts
from bot.charts import ChartError, cache_for, chart_data, chart_key, chart_png
from bot.i18n import t
from bot.importer import import_paths
from bot.render import chart_caption
from bot.store import Store, connect, data_dir

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
TOKEN = "123456:TEST-TOKEN"


@pytest.fixture
def store(db_copy: Path) -> Iterator[Store]:
    """A store on a private copy of the database: some tests import into it."""
    opened = Store(db_copy)
    yield opened
    opened.close()


def png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == PNG_SIGNATURE
    assert png[12:16] == b"IHDR"
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def test_importing_charts_does_not_load_matplotlib() -> None:
    code = "import bot.charts, sys; assert 'matplotlib' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
    # The caption lives in bot.render, which knows bot.charts only as a type: no cycle.
    code = ("import bot.render, sys; assert 'matplotlib' not in sys.modules; "
            "assert 'bot.charts' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_chart_texts_come_from_the_one_table() -> None:
    from bot import i18n

    keys = {k for k in i18n._STRINGS["en"] if k.startswith("chart_")}
    assert len(keys) > 20 and keys == {k for k in i18n._STRINGS["ru"] if k.startswith("chart_")}
    assert not hasattr(charts, "_TEXT") and not hasattr(charts, "caption")
    assert i18n.t("ru", "chart_satisfactory") == "Удовлетв."  # short: the picture is narrow


def test_png_is_valid_and_fits_telegram(store: Store) -> None:
    from matplotlib.image import imread

    for codes in (("KAZ",), ("KAZ", "KGZ", "UZB", "NOR", "USA")):
        _, png = chart_png(store, codes, None)
        width, height = png_size(png)
        assert (width, height) == (1200, 900)
        assert width + height <= 10_000 and max(width, height) / min(width, height) <= 20
        assert len(png) < 300_000  # Telegram allows 10 MB; phones thank us for less
        assert imread(io.BytesIO(png), format="png").shape[:2] == (900, 1200)


def test_different_countries_give_different_pictures(store: Store) -> None:
    pictures = {chart_png(store, codes, None)[1]
                for codes in (("KAZ",), ("NOR",), ("KAZ", "NOR"), ("NOR", "KAZ"))}
    assert len(pictures) == 4
    assert chart_png(store, ("KAZ",), 2024)[1] != chart_png(store, ("KAZ",), None)[1]
    assert chart_png(store, ("KAZ",), None, "ru")[1] != chart_png(store, ("KAZ",), None)[1]


def test_cache_hit_returns_the_same_bytes_fast(store: Store) -> None:
    _, first = chart_png(store, ("MEX",), None)
    started = time.perf_counter()
    _, again = chart_png(store, ("MEX",), None)
    assert again is first
    assert time.perf_counter() - started < 0.05  # ≤ 5 ms in the benchmark; slack for CI
    # No year and the latest year are the same chart.
    assert chart_png(store, ("MEX",), store.snapshot().latest_year)[1] is first


def test_import_changes_the_generation_and_the_picture(store: Store, db_copy: Path,
                                                       tmp_path: Path) -> None:
    before, old_png = chart_png(store, ("KAZ",), None)
    assert len(cache_for(store)) == 1
    source = (data_dir() / "csv" / "2026.csv").read_bytes()
    assert b"\nKAZ;34,41;149;23,72;" in source
    changed = tmp_path / "2026.csv"
    changed.write_bytes(source.replace(b"\nKAZ;34,41;149;23,72;", b"\nKAZ;44,41;149;43,72;"))
    writer = connect(db_copy)  # another connection, as `pressbot data import` would be
    import_paths(writer, [changed])
    writer.close()

    after, new_png = chart_png(store, ("KAZ",), None)
    assert after.key.generation > before.key.generation
    assert after.key != before.key and after.countries[0].score == 44.41
    assert new_png != old_png
    assert len(cache_for(store)) == 1  # the old generation's charts were dropped
    # A chart drawn from the old data and stored late is not served as current.
    cache_for(store).put(before.key, old_png)
    assert cache_for(store).get(after.key) == new_png and len(cache_for(store)) == 1


def test_scales_are_never_mixed(store: Store) -> None:
    single = chart_data(store.snapshot(), ("KAZ",), None)
    years = [y for y, _ in single.countries[0].history]
    assert years[0] == 2013 and 2012 not in years  # the old open-ended scale is never drawn
    compare = chart_data(store.snapshot(), ("KAZ", "NOR"), None)
    assert all(y >= 2022 for c in compare.countries for y, _ in c.history)
    assert len(compare.median_indicators) == 5
    assert "not comparable" in chart_caption(single, "en")
    assert "not comparable" not in chart_caption(compare, "en")


def test_indicators_against_the_world_median(store: Store) -> None:
    data = chart_data(store.snapshot(), ("KAZ",), 2026)
    assert data.countries[0].indicators == (23.72, 31.65, 34.28, 39.30, 43.09)
    assert all(20 < m < 90 for m in data.median_indicators)
    old = chart_data(store.snapshot(), ("KAZ",), 2015)  # no indicators before 2022
    assert old.indicator_year == 2026 and old.countries[0].score is not None


def test_caption_is_telegram_html_within_1024(store: Store) -> None:
    codes = ("CAF", "BIH", "PNG", "TTO", "COD")
    for lang in ("en", "ru"):
        for chosen in (("KAZ",), codes):
            text = chart_caption(chart_data(store.snapshot(), chosen, None, lang), lang)
            plain, entities = parse_html(text)  # raises on anything Telegram would refuse
            assert len(plain) <= 1024
            links = [e["url"] for e in entities if e["type"] == "text_link"]
            assert links and links[-1].startswith("https://rsf.org/en/")
            assert "Reporters Without Borders (RSF), World Press Freedom Index" in plain
    assert 'href="https://rsf.org/en/country/kazakhstan"' in chart_caption(
        chart_data(store.snapshot(), ("KAZ",), None), "en")
    russian = chart_caption(chart_data(store.snapshot(), ("KAZ",), 2024, "ru"), "ru")
    assert russian.startswith("<b>📈 Казахстан</b>") and "место" in russian


def test_caption_over_1024_is_refused(store: Store) -> None:
    data = chart_data(store.snapshot(), ("KAZ", "NOR"), None)
    long = dataclasses.replace(data.countries[0], name="Kazakhstan" * 60)
    with pytest.raises(ValueError, match="over 1024"):
        chart_caption(dataclasses.replace(data, countries=(long, data.countries[1])), "en")


@pytest.mark.parametrize(("codes", "year", "message"), [
    ((), None, "no country"),
    (("XXX",), None, "unknown country code XXX"),
    (("KAZ", "KGZ", "UZB", "TJK", "TKM", "RUS"), None, "at most 5"),
    (("KAZ",), 1999, "no 1999 index"),
    (("YUG",), None, "no score since 2013"),
])
def test_charts_that_cannot_be_drawn(store: Store, codes: tuple[str, ...], year: int | None,
                                     message: str) -> None:
    with pytest.raises(ChartError, match=message):
        chart_data(store.snapshot(), codes, year)


def test_2011_is_the_combined_2011_12_index(store: Store) -> None:
    assert chart_data(store.snapshot(), ("KAZ",), 2011).key.year == 2012


def test_chart_errors_speak_the_readers_language(store: Store) -> None:
    with pytest.raises(ChartError) as caught:
        chart_data(store.snapshot(), ("KAZ",), 1999)
    assert t("ru", caught.value.key, **caught.value.values).startswith("индекса за 1999")


def test_drawing_is_thread_safe(store: Store) -> None:
    snapshot = store.snapshot()
    datas = [chart_data(snapshot, (code,), None) for code in ("FRA", "DEU", "BRA", "IND")] * 2
    with ThreadPoolExecutor(4) as pool:
        parallel = list(pool.map(charts.render_png, datas))
    assert parallel == [charts.render_png(d) for d in datas]


def test_cache_is_per_store_and_bounded(store: Store, db_path: Path) -> None:
    other = Store(db_path)
    try:
        key = chart_key(store.snapshot(), ("KAZ",), None)
        assert key == chart_key(other.snapshot(), ("KAZ",), None)  # same numbers, other data
        assert cache_for(store) is not cache_for(other)
    finally:
        other.close()
    small = charts.ChartCache(size=2)
    for n in range(3):
        small.put(key._replace(year=2020 + n), b"%d" % n)
    assert small.get(key._replace(year=2020)) is None and len(small) == 2


# --- the command line ------------------------------------------------------------------------


def pressbot(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRESSBOT_DB": str(db)}
    return subprocess.run([sys.executable, "-m", "bot", *args], env=env, capture_output=True,
                          text=True, timeout=120)


def test_cli_writes_the_same_picture(db_path: Path, tmp_path: Path, store: Store) -> None:
    out = tmp_path / "x.png"
    done = pressbot(db_path, "chart", "Kazakhstan", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == chart_png(store, ("KAZ",), None)[1]
    done = pressbot(db_path, "chart", "Казахстан", "kgz", "--year", "2024", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == chart_png(store, ("KAZ", "KGZ"), 2024)[1]
    done = pressbot(db_path, "chart", "Kazakhstan 2024", "-o", str(out))  # a year inside
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == chart_png(store, ("KAZ",), 2024)[1]


@pytest.mark.parametrize(("args", "message"), [
    (["Narnia"], "unknown country: Narnia"),
    (["KAZ", "KGZ", "UZB", "TJK", "TKM", "RUS"], "at most 5"),
    (["KAZ", "--year", "1999"], "no 1999 index"),
])
def test_cli_refuses_clearly(db_path: Path, tmp_path: Path, args: list[str],
                             message: str) -> None:
    out = tmp_path / "x.png"
    done = pressbot(db_path, "chart", *args, "-o", str(out))
    assert done.returncode == 1
    assert message in done.stderr and not out.exists()


# --- Telegram --------------------------------------------------------------------------------


def test_chart_wanted() -> None:
    pytest.importorskip("bot.understand")  # bot.telegram.charts needs the pipeline
    from bot.telegram.charts import chart_wanted

    assert chart_wanted("Kazakhstan chart") and chart_wanted("график Казахстан")
    assert chart_wanted("graph of Norway") and not chart_wanted("Kazakhstan")
    assert not chart_wanted("charter of rights")


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI(token=TOKEN, bot_username="pressfreedom_bot") as server:
        yield server


@pytest.fixture
async def running(api: FakeBotAPI, db_path: Path) -> AsyncIterator[object]:
    """A real Application with /chart and the buttons, polling the fake Bot API."""
    pytest.importorskip("bot.understand")
    from telegram.ext import ApplicationBuilder, CallbackQueryHandler, CommandHandler

    from bot.pipeline import Pipeline
    from bot.telegram import charts as tg_charts
    from bot.telegram import handlers

    app = (ApplicationBuilder().token(TOKEN).base_url(api.base_url)
           .base_file_url(api.base_file_url).concurrent_updates(True).build())
    pipeline = Pipeline.open(db_path)
    app.bot_data["pipeline"] = pipeline
    app.add_handler(CommandHandler("chart", tg_charts.chart_command))
    app.add_handler(CallbackQueryHandler(handlers.button))
    await app.initialize()
    await app.start()
    assert app.updater is not None
    await app.updater.start_polling(poll_interval=0, timeout=1)
    try:
        yield app
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
        pipeline.close()


@pytest.mark.timeout(60)
async def test_chart_command_sends_a_photo(api: FakeBotAPI, running: object) -> None:
    from telegram.ext import Application

    from bot.telegram.charts import cached_file_id, inline_chart_result

    assert isinstance(running, Application)
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
    keys = list(running.bot_data["chart_file_ids"])
    assert cached_file_id(running.bot_data, keys[0]) == sent["photo"][-1]["file_id"]

    # Inline mode can now offer that photo; a chart never sent is a link to the bot instead.
    bot_name = "pressfreedom_bot"
    card = inline_chart_result(running.bot_data, "kazakhstan chart", "en", bot_name)
    assert isinstance(card, InlineQueryResultCachedPhoto)
    assert card.photo_file_id == sent["photo"][-1]["file_id"]
    assert card.caption == first.params["caption"] and card.parse_mode == "HTML"
    assert inline_chart_result(running.bot_data, "kazakhstan", "en", bot_name) is None
    link = inline_chart_result(running.bot_data, "norway chart", "en", bot_name)
    assert isinstance(link, InlineQueryResultArticle) and link.reply_markup is not None
    button = link.reply_markup.inline_keyboard[0][0]
    assert button.url == "https://t.me/pressfreedom_bot?start=chart_NOR"

    # The Chart button under an answer: a comparison, in the user's language.
    api.inject_callback("g:KAZ,KGZ:2024:", message=sent, user_id=42)
    calls = await api.wait_for("sendPhoto", count=3, timeout=20)
    assert calls[2].ok and "Kyrgyzstan" in calls[2].result["caption"]
    assert "2024" in calls[2].result["caption"]


@pytest.mark.timeout(30)
async def test_chart_command_explains(api: FakeBotAPI, running: object) -> None:
    api.inject_message("/chart", user_id=7)
    api.inject_message("/chart Narnia", user_id=8)
    api.inject_message("/chart Казахстан 1999", user_id=9, language_code="ru")
    await api.wait_for("sendMessage", count=3)
    texts = {c.params["chat_id"]: c.params["text"] for c in api.sent("sendMessage")}
    assert "/chart" in texts[7]
    assert "Narnia" in texts[8]
    assert "индекса за 1999 год нет" in texts[9]  # in the reader's language
    assert not api.sent("sendPhoto")


@pytest.mark.timeout(60)
async def test_chart_command_honours_a_year_and_several_countries(api: FakeBotAPI,
                                                                  running: object) -> None:
    api.inject_message("/chart Kazakhstan Kyrgyzstan 2024", user_id=42)
    [sent] = await api.wait_for("sendPhoto", timeout=20)
    assert sent.ok, sent
    caption = sent.result["caption"]
    assert caption.startswith("📈 Kazakhstan, Kyrgyzstan") and "\n2024\n" in caption
    api.inject_message("/chart Казахстан, Нарния", user_id=43)
    [refused] = await api.wait_for("sendMessage", timeout=20)
    assert "Нарния" in refused.params["text"] and len(api.sent("sendPhoto")) == 1
