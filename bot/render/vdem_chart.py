"""The captions of V-Dem's pictures (the pictures themselves are drawn by bot.charts): a
measure's history, and RSF against V-Dem for one year."""

from __future__ import annotations

import html

from bot import button_data
from bot.answer import Standing
from bot.answer.vdem_kinds import VdemChartAnswer
from bot.charts.vdem_data import ScatterChart, VdemHistoryChart
from bot.domain import RSF_INDEX_URL, VDEM_URL, index_label, vdem_scale
from bot.i18n import flag, fmt_number, fmt_place, fmt_score, fmt_vdem, inline_name, t
from bot.render import vdem_words as words
from bot.render.html import credit
from bot.render.output import Button, Rendered

#: Telegram's limit for a caption.
MAX_CAPTION = 1024


def _flagged(code: str, shown: str) -> str:
    mark = flag(code)
    return f"{mark} {shown}" if mark else shown


def render_vdem_chart(answer: VdemChartAnswer, lang: str) -> Rendered:
    data = answer.data
    notes = [n for n in (words.note(answer.note, lang), words.not_rated(answer.not_rated, lang))
             if n]
    if isinstance(data, ScatterChart):
        return _scatter(data, notes, lang)
    return _history(data, notes, lang)


def _history(data: VdemHistoryChart, notes: list[str], lang: str) -> Rendered:
    measure = data.measure
    names = ", ".join(line.name for line in data.lines)
    lines = [f"<b>📈 {html.escape(names)}</b>",
             html.escape(t(lang, "vdem_caption", measure=words.measure(measure, lang),
                           first=data.first, last=data.last,
                           direction=words.direction(measure, lang)))]
    for line in data.lines:
        who = html.escape(_flagged(line.code, line.name))
        if not line.points:
            lines.append(f"{who}: {html.escape(t(lang, 'vdem_no_value'))}")
            continue
        year, value = line.points[-1]
        place = fmt_place(line.place, line.of, lang) if line.place and line.of else ""
        lines.append(f"{who}: " + html.escape(t(
            lang, "vdem_caption_line", value=fmt_vdem(value, vdem_scale(measure), lang),
            year=year, place=place)))
    lines += notes
    lines.append(words.credit(lang))
    caption = _fit("\n".join(lines))
    codes = tuple(line.code for line in data.lines)
    buttons = [[Button(t(lang, "agree_button"), button_data.vdem("agree", measure, codes)),
                Button(t(lang, "vdem_button"), button_data.vdem("history", measure, codes))]]
    return Rendered([caption], buttons, f"📈 V-Dem: {names}", t(lang, "chart_open"),
                    chart=data, url=VDEM_URL)


def _scatter(data: ScatterChart, notes: list[str], lang: str) -> Rendered:
    key = data.key
    measure = key.measure
    figure = (t(lang, "scatter_indicator", indicator=inline_name(lang, key.indicator))
              if key.indicator else t(lang, "scatter_score"))
    lines = [f"<b>📊 {html.escape(t(lang, 'scatter_title', year=key.vdem_year))}</b>",
             html.escape(t(lang, "scatter_caption", measure=words.measure(measure, lang),
                           vdem_year=key.vdem_year, rsf_year=index_label(key.rsf_year),
                           figure=figure, n=len(data.points),
                           r=fmt_number(data.correlation, 2, lang)))]
    for point in (p for p in data.points if p.labelled):
        standing = Standing(measure, key.vdem_year, point.vdem, None, 0)
        lines.append(html.escape(_flagged(point.code, point.name)) + ": " + html.escape(t(
            lang, "scatter_line", value=words.value(standing, lang),
            rsf=fmt_score(point.rsf, lang=lang))))
    lines += notes
    lines.append(f"<i>{html.escape(t(lang, 'scatter_different'))}</i>")
    lines.append(credit(RSF_INDEX_URL, lang) + "\n" + words.credit(lang))
    caption = _fit("\n".join(lines))
    buttons = [[Button(t(lang, "agree_button"),
                       button_data.vdem("agree", measure, key.labelled, key.vdem_year))]]
    title = t(lang, "scatter_title", year=key.vdem_year)
    return Rendered([caption], buttons, f"📊 {title}", t(lang, "chart_open"), chart=data,
                    url=VDEM_URL)


def _fit(caption: str) -> str:
    if len(caption) > MAX_CAPTION:
        raise ValueError(f"caption of {len(caption)} characters is over {MAX_CAPTION}")
    return caption
