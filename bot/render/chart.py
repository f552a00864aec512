"""A chart: the caption under the picture (the picture itself is drawn by bot.charts)."""

from __future__ import annotations

import html

from bot import button_data
from bot.answer import ChartAnswer
from bot.charts.data import ChartData
from bot.domain import index_label, situation_of
from bot.i18n import flag, fmt_score, name, t
from bot.render.html import credit
from bot.render.output import Button, Rendered

#: Telegram's limit for a caption; five countries' lines fit with room to spare.
MAX_CAPTION = 1024


def render_chart(answer: ChartAnswer, lang: str) -> Rendered:
    data = answer.data
    notes = []
    if answer.year_note:
        notes.append(t(lang, "year_note", asked=answer.year_note.asked,
                       shown=answer.year_note.shown))
    caption = chart_caption(data, lang, notes)
    title = "📈 " + ", ".join(c.name for c in data.countries)
    buttons = [[
        Button(c.name if not flag(c.code) else f"{flag(c.code)} {c.name}",
               button_data.profile(c.code, data.year, None))
        for c in data.countries[i : i + 3]
    ] for i in range(0, len(data.countries), 3)]
    return Rendered([caption], buttons, title, t(lang, "chart_open"), chart=data, url=data.url)


def chart_caption(data: ChartData, lang: str, notes: list[str] | None = None) -> str:
    """A chart photo's caption: Telegram HTML, every value escaped, at most 1024 characters."""
    first = data.countries[0]
    last = first.history[-1][0] if first.history else data.year
    head = t(lang, "chart_caption_compare" if data.compare else "chart_caption_history",
             first=data.first_year, last=last, year=data.indicator_year)
    lines = [f"<b>📈 {html.escape(', '.join(c.name for c in data.countries))}</b>",
             html.escape(head)]
    lines += [f"<i>{note}</i>" for note in notes or ()]
    if data.compare:
        lines.append(f"<b>{index_label(data.year)}</b>")
    for c in data.countries:
        mark = f"{flag(c.code)} " if flag(c.code) else ""
        who = f"{mark}{html.escape(c.name)}: " if data.compare else f"{index_label(data.year)}: "
        if c.rank is None or c.score is None or c.total is None:
            lines.append(who + html.escape(t(lang, "compare_missing", year=index_label(data.year))))
            continue
        line = t(lang, "chart_caption_line", rank=c.rank, total=c.total,
                 score=fmt_score(c.score, lang=lang))
        band = situation_of(c.score, data.year)
        if band:
            line += f" — {name(lang, band)}"
        lines.append(who + html.escape(line))
    # Every chart draws 2013–2021 beside 2022+: two methods whose scores never compare.
    lines.append(html.escape(t(lang, "chart_caption_break")))
    lines.append(credit(data.url, lang))
    result = "\n".join(lines)
    if len(result) > MAX_CAPTION:
        raise ValueError(f"caption of {len(result)} characters is over {MAX_CAPTION}")
    return result



