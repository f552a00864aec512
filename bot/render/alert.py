"""A release alert: the new index is out, with each subscribed country's rank and score."""

from __future__ import annotations

import html

from bot import button_data
from bot.answer import AlertAnswer
from bot.domain import RSF_INDEX_URL
from bot.i18n import country_name, fmt_score, t
from bot.render.html import button_label, credit, label, pack
from bot.render.output import Button, Rendered
from bot.render.profile import change_line


def render_alert(answer: AlertAnswer, lang: str) -> Rendered:
    year = answer.year
    lines = [f"📰 <b>{t(lang, 'alert_title', year=year)}</b>"]
    for item in answer.countries:
        result = item.result
        if result is None:
            shown = html.escape(country_name(item.country.code, item.country.name_en, lang))
            lines.append(t(lang, "not_ranked", country=shown, year=year))
            continue
        line = (
            f"{label(item.country, lang)}: "
            + t(lang, "rank_of", rank=result.rank, total=result.total)
            + f", {t(lang, 'score_word')} <b>{fmt_score(result.score, lang=lang)}</b>"
        )
        if item.previous is not None:
            line += "\n    " + change_line(result, item.previous, lang)
        lines.append(line)
    blocks = ["\n".join(lines), credit(RSF_INDEX_URL, lang)]
    shown_countries = [a.country for a in answer.countries]
    buttons = [
        [
            Button(button_label(c, lang), button_data.profile(c.code, year, None))
            for c in shown_countries[i : i + 3]
        ]
        for i in range(0, min(len(shown_countries), 9), 3)
    ]
    return Rendered(pack(blocks), buttons, t(lang, "alert_title", year=year))
