"""Every country of one situation band, by rank.  A band can hold sixty countries and more:
a long one is shown a page at a time in one message, with buttons for the other pages
(which replace the message in place) and for the other bands."""

from __future__ import annotations

import html

from bot import button_data
from bot.answer import BandAnswer
from bot.domain import RSF_INDEX_URL, SITUATIONS
from bot.i18n import fmt_score, name, t
from bot.render.groups import BAND_MARKS, band_bounds, heading, subregion_note
from bot.render.html import credit, label, pack
from bot.render.output import Button, Rendered

#: Countries per page: a page of the longest names, flags and Russian labels stays far
#: below Telegram's 4096 characters, and short enough to read on a phone.
PAGE = 30


def pages(rows: int) -> int:
    return max(1, -(-rows // PAGE))


def render_band(answer: BandAnswer, lang: str) -> Rendered:
    scope = answer.scope
    band = answer.band
    title = f"{BAND_MARKS[band]} {name(lang, band)} ({band_bounds(band)})"
    blocks = [heading(title, answer.year, scope, lang)]
    if answer.year_note:
        blocks.append("<i>" + t(lang, "year_note", asked=answer.year_note.asked,
                                shown=answer.year_note.shown) + "</i>")
    if answer.no_bands:
        blocks.append(f"<i>{t(lang, 'agg_bands_since', year=answer.year)}</i>")
    total = len(answer.rows)
    count = pages(total)
    page = min(answer.page, count)
    first = (page - 1) * PAGE
    shown = answer.rows[first : first + PAGE]
    if not shown:
        blocks.append(t(lang, "band_none", year=answer.year))
    else:
        head = t(lang, "band_count", n=total)
        if count > 1:
            head += " · " + t(lang, "band_page", first=first + 1, last=first + len(shown),
                              n=total)
        lines = [f"{r.rank:>3}. {label(c, lang)} — <b>{fmt_score(r.score, lang=lang)}</b>"
                 for c, r in shown]
        blocks.append(html.escape(head) + "\n" + "\n".join(lines))
    note = subregion_note(scope, lang)
    if note:
        blocks.append(note)
    blocks.append(credit(RSF_INDEX_URL, lang))
    buttons: list[list[Button]] = []
    paging = []
    if page > 1:
        paging.append(Button(t(lang, "band_prev"), button_data.band(
            band, answer.year, scope.region, scope.subregion, page - 1)))
    if page < count:
        paging.append(Button(t(lang, "band_next"), button_data.band(
            band, answer.year, scope.region, scope.subregion, page + 1)))
    if paging:
        buttons.append(paging)
    others = [
        Button(f"{BAND_MARKS[other]} {t(lang, f'chart_{other}')} · {answer.counts[other]}",
               button_data.band(other, answer.year, scope.region, scope.subregion))
        for _, other in SITUATIONS
        if other != band and answer.counts.get(other)
    ]
    buttons += [others[i : i + 2] for i in range(0, len(others), 2)]
    description = f"{t(lang, 'band_count', n=total)} · {t(lang, 'index')} {answer.year}"
    return Rendered(pack(blocks), buttons, name(lang, band), description)
