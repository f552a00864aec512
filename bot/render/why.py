"""What moved when a country rose or fell: the change of rank and score, the indicators
that moved most, and RSF's own account — said plainly to be RSF's, and linked."""

from __future__ import annotations

import html

from bot import button_data
from bot.answer import WhyAnswer
from bot.domain import SCALE_CURRENT, index_label
from bot.i18n import country_name, fmt_score, name, t
from bot.render.html import button_label, credit, label, pack, quote
from bot.render.output import Button, Rendered
from bot.render.profile import change_line, excerpt_heading


def render_why(answer: WhyAnswer, lang: str) -> Rendered:
    country, result, previous = answer.country, answer.result, answer.previous
    shown = html.escape(country_name(country.code, country.name_en, lang))
    head = f"{label(country, lang)} · <b>{t(lang, 'index')} {index_label(answer.year)}</b>"
    if previous is not None:
        head += " — " + html.escape(t(lang, "why_heading", base=index_label(previous.year)))
    blocks = [head]
    if answer.year_note:
        blocks.append("<i>" + t(lang, "year_note", asked=answer.year_note.asked,
                                shown=answer.year_note.shown) + "</i>")
    if result is None:
        blocks.append(t(lang, "not_ranked", country=shown, year=index_label(answer.year)))
    elif answer.first_index:
        blocks.append(t(lang, "why_first_index", year=index_label(answer.year)))
    elif previous is None:
        blocks.append(t(lang, "why_no_previous", country=shown, year=index_label(answer.year)))
    else:
        lines = []
        moved = previous.rank - result.rank
        if answer.direction == "fall" and moved > 0:
            lines.append(t(lang, "why_not_fall", country=shown, n=moved,
                           year=index_label(answer.year)))
        elif answer.direction == "rise" and moved < 0:
            lines.append(t(lang, "why_not_rise", country=shown, n=-moved,
                           year=index_label(answer.year)))
        elif answer.direction and moved == 0:
            lines.append(t(lang, "why_unchanged", country=shown, year=index_label(answer.year)))
        lines.append(change_line(result, previous, lang, answer.consecutive))
        if answer.score_change is not None:
            before, now = fmt_score(previous.score, lang=lang), fmt_score(result.score, lang=lang)
            lines[-1] += f" ({before} → {now})"
        blocks.append("\n".join(lines))
        if answer.moves:
            width = max(len(name(lang, m.indicator)) for m in answer.moves)
            rows = [
                f"{name(lang, m.indicator):<{width}}  "
                f"{fmt_score(m.change, signed=True, lang=lang):>6}  "
                f"{fmt_score(m.score, lang=lang):>6}  {m.rank:>3} "
                f"({t(lang, 'why_was')} {m.rank_before})"
                for m in answer.moves
            ]
            blocks.append(f"<b>{t(lang, 'why_moves_head')}</b> "
                          f"({t(lang, 'why_moves_columns')})\n<pre>"
                          + html.escape("\n".join(rows)) + "</pre>")
        elif result.scale == SCALE_CURRENT:
            blocks.append(f"<i>{t(lang, 'why_break')}</i>")
        else:
            blocks.append(f"<i>{t(lang, 'why_no_indicators')}</i>")
        if result.scale != SCALE_CURRENT:
            blocks.append(f"<i>{html.escape(name(lang, result.scale))}</i>")
    blocks.append(t(lang, "why_reasons", url=html.escape(answer.url), country=shown))
    if answer.excerpt and answer.excerpt_year is not None and answer.section:
        if answer.moves and answer.section == answer.moves[0].indicator:
            blocks.append(f"<i>{t(lang, 'why_profile_match')}</i>")
        blocks.append(excerpt_heading(answer.section, answer.excerpt_year, answer.year, lang))
        blocks.extend(quote(answer.excerpt))
    blocks.append(credit(answer.url, lang))
    code = country.code
    buttons = [[
        Button(t(lang, "chart"), button_data.chart((code,), answer.year)),
        Button(button_label(country, lang),
               button_data.profile(code, answer.year, answer.section
                                   if answer.section != "summary" else None)),
    ]]
    title = country_name(code, country.name_en, lang)
    description = (change_line(result, previous, lang, answer.consecutive)
                   if result and previous else title)
    return Rendered(pack(blocks), buttons, title, description, url=answer.url)
