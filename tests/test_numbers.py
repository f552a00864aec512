"""Numbers in the reader's locale: CLDR's decimal symbol and signs for Latin digits.

Expected figures are computed from RSF's CSV (:mod:`rsf_csv`) and V-Dem's file
(:mod:`vdem_source`), written with the symbols Babel gives the test, never with the bot's
own table.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import rsf_csv as rsf
import vdem_source as vdem
from babel import numbers
from fakebotapi import parse_html

from bot import i18n
from bot.i18n import LANGS, fmt_number, fmt_score, fmt_vdem, number_symbols
from bot.pipeline import Pipeline
from bot.query import Intent, Query

LATEST = 2026  # the newest index in data/csv
COMMA = ("ru", "kk", "uk", "uz", "ky", "tg", "fr", "es", "de", "pt", "tr")


@pytest.fixture(scope="module")
def pipeline(db_path: Path) -> Pipeline:
    return Pipeline.open(db_path)


def card(pipeline: Pipeline, code: str, lang: str) -> str:
    reply = pipeline.answer_query(Query(text="", intent=Intent.PROFILE, lang=lang,
                                        countries=(code,)))
    return "\n".join(parse_html(m)[0] for m in reply.messages)


@pytest.mark.parametrize("lang", LANGS)
def test_each_languages_symbols_are_cldrs_for_latin_digits(lang: str) -> None:
    def cldr(symbol: str) -> str:  # without the bidi marks an RTL reply places itself
        return symbol.strip("\u200e\u200f\u061c")
    assert number_symbols(lang) == (
        cldr(numbers.get_decimal_symbol(lang, numbering_system="latn")),
        cldr(numbers.get_plus_sign_symbol(lang, numbering_system="latn")),
        cldr(numbers.get_minus_sign_symbol(lang, numbering_system="latn")))
    assert number_symbols(lang)[0] == ("," if lang in COMMA else ".")


def test_english_needs_no_babel(monkeypatch: pytest.MonkeyPatch) -> None:
    """English's symbols are Python's own: its first score loads no CLDR locale."""
    def refuse(*_: object, **__: object) -> str:
        raise AssertionError("Babel asked for English")
    for getter in ("get_decimal_symbol", "get_plus_sign_symbol", "get_minus_sign_symbol"):
        monkeypatch.setattr(numbers, getter, refuse)
    i18n._number_table.cache_clear()
    try:
        assert fmt_score(-4.93, signed=True, lang="en") == "-4.93"
        assert fmt_score(34.41) == "34.41"  # English unless a reader's language is given
    finally:
        i18n._number_table.cache_clear()


@pytest.mark.parametrize(("lang", "expected"), [
    ("ru", "51,06"), ("de", "51,06"), ("en", "51.06"), ("zh", "51.06"), ("ar", "51.06")])
def test_half_up_rounding_is_kept_in_every_language(lang: str, expected: str) -> None:
    assert fmt_score(51.055, lang=lang) == expected
    assert fmt_score(46.46 - 51.055, signed=True, lang=lang) == rsf.shown(
        46.46 - 51.055, signed=True, lang=lang)
    assert fmt_score(-0.001, signed=True, lang=lang) == rsf.shown(0.0, signed=True, lang=lang)


@pytest.mark.parametrize("lang", ["ru", "de", "fr", "en"])
def test_a_kazakhstan_card_in_the_readers_decimal_symbol(pipeline: Pipeline, lang: str) -> None:
    row = rsf.year(LATEST)["KAZ"]
    text = card(pipeline, "KAZ", lang)
    score = rsf.shown(row.score, lang=lang)
    assert score == ("34.41" if lang == "en" else "34,41")  # RSF's 2026 figure
    assert score in text
    assert row.score_evolution is not None
    change = rsf.shown(row.score_evolution, signed=True, lang=lang)
    assert change == ("-4.93" if lang == "en" else "-4,93")
    assert change in text
    if lang != "en":
        assert rsf.shown(row.score) not in text  # no English decimal point left


def test_a_rise_keeps_its_plus_sign(pipeline: Pipeline) -> None:
    row = next(r for r in rsf.year(LATEST).values()
               if r.score_evolution is not None and r.score_evolution > 1)
    text = card(pipeline, row.code, "ru")
    shown = rsf.shown(row.score_evolution, signed=True, lang="ru")
    assert shown.startswith("+") and "," in shown and shown in text


def test_a_v_dem_figure_in_russian(pipeline: Pipeline) -> None:
    year = vdem.latest_year()
    value = vdem.value("KAZ", year, "v2mecenefm")
    assert value is not None
    assert vdem.shown(value, "v2mecenefm", "ru") == "−0,712"  # V-Dem's file: -0.712
    assert fmt_vdem(value, "index", "ru") == "−0,712"
    assert fmt_vdem(value, "index", "en") == "−0.712"
    assert "−0,712" in card(pipeline, "KAZ", "ru")


def test_a_correlation_in_the_readers_symbols() -> None:
    assert fmt_number(-0.3456, 2, "fr") == "-0,35"
    assert fmt_number(0.5, 2, "en") == "0.50"


def test_chart_axes_in_the_picture_languages_decimal_symbol() -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from bot.charts.look import decimal_ticks
    for lang, point in (("ru", ","), ("en", ".")):
        fig = Figure()
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        ax.plot([1990, 2000, 2023], [-1.5, 0.2, -0.7])
        decimal_ticks(ax, lang)
        fig.canvas.draw()
        ticks = [label.get_text() for label in ax.get_yticklabels()]
        assert any(point in tick for tick in ticks), ticks
        assert not any(({",", "."} - {point}) & set(tick) for tick in ticks), ticks
        assert all("." not in label.get_text() and "," not in label.get_text()
                   for label in ax.get_xticklabels())  # years stay years
