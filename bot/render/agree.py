"""RSF and V-Dem side by side, in one short reply: each source's place for the country
among the countries both rate, whether they agree, how closely the two orders agree over
all countries, and why the figures themselves never compare."""

from __future__ import annotations

import html

from bot import button_data
from bot.answer.vdem_kinds import AgreeAnswer, AgreeRow
from bot.domain import RSF_INDEX_URL, SCALE_CURRENT, country_url, index_label, scale_of
from bot.i18n import country_name, fmt_number, fmt_place, fmt_score, inline_name, name, t
from bot.render import vdem_words as words
from bot.render.html import button_label, credit, label, pack
from bot.render.output import Button, Rendered

#: Spearman's correlation from which the agreement is called strong, or moderate.
STRONG, MODERATE = 0.7, 0.4


def _rsf_line(answer: AgreeAnswer, row: AgreeRow, lang: str) -> str:
    place = fmt_place(row.rsf_place, answer.common, lang)
    if answer.indicator:
        return t(lang, "agree_rsf_indicator",
                 indicator=html.escape(inline_name(lang, answer.indicator)),
                 value=f"<b>{fmt_score(row.rsf_value, lang=lang)}</b>", place=place)
    return t(lang, "agree_rsf", value=f"<b>{fmt_score(row.rsf_value, lang=lang)}</b>", place=place)


def _country_block(answer: AgreeAnswer, row: AgreeRow, lang: str) -> str:
    lines = [_rsf_line(answer, row, lang)]
    lines += [t(lang, "agree_vdem", measure=html.escape(words.measure(s.measure, lang)),
                value=f"<b>{words.value(s, lang)}</b>",
                place=fmt_place(s.place or 0, s.of, lang))
              for s in row.standings]
    shown = html.escape(country_name(row.country.code, row.country.name_en, lang))
    if row.verdict == "apart":
        verdict = t(lang, f"agree_apart_{row.kinder}", country=shown)
    else:
        verdict = t(lang, f"agree_{row.verdict}")
    lines.append(f"<b>{verdict}</b>")
    return "\n".join(lines)


def _strength(r: float, lang: str) -> str:
    return t(lang, "agree_strong" if r >= STRONG else "agree_moderate" if r >= MODERATE
             else "agree_weak")


def render_agree(answer: AgreeAnswer, lang: str) -> Rendered:
    rows = answer.rows
    if len(rows) == 1:
        title = t(lang, "agree_title", country=label(rows[0].country, lang))
    else:
        title = html.escape(t(lang, "agree_title_world"))
    blocks = [f"<b>{title}</b>\n<i>"
              + html.escape(t(lang, "agree_years", vdem_year=answer.vdem_year,
                              rsf_year=index_label(answer.rsf_year), n=answer.common))
              + "</i>"]
    if answer.note:
        blocks.append(words.note(answer.note, lang) or "")
    for row in rows:
        block = _country_block(answer, row, lang)
        blocks.append(block if len(rows) == 1 else f"{label(row.country, lang)}\n{block}")
    figures = " · ".join(
        f"{html.escape(words.measure(m, lang))} <b>{fmt_number(r, 2, lang)}</b> "
        f"({_strength(r, lang)})"
        for m, r in zip(answer.measures, answer.correlations, strict=True))
    blocks.append(t(lang, "agree_correlation", n=answer.common, figures=figures))
    if answer.apart:
        first = html.escape(words.measure(answer.measures[0], lang))
        half = len(answer.apart) // 2
        for key, part in (("agree_apart_head_rsf", answer.apart[:half]),
                          ("agree_apart_head_vdem", answer.apart[half:])):
            lines = [t(lang, key, measure=first)]
            lines += [f"{label(r.country, lang)}: "
                      + t(lang, "agree_apart_row", rsf=r.rsf_place,
                          vdem=r.standings[0].place or "—")
                      for r in part]
            blocks.append("\n".join(lines))
    missing = words.not_rated(answer.not_rated, lang)
    if missing:
        blocks.append(missing)
    if scale_of(answer.rsf_year) != SCALE_CURRENT:
        blocks.append(f"<i>{html.escape(name(lang, scale_of(answer.rsf_year)))}</i>")
    blocks.append(f"<i>{html.escape(t(lang, 'agree_method'))}</i>")
    url = country_url(rows[0].country.name_en) if len(rows) == 1 else RSF_INDEX_URL
    blocks.append(credit(url, lang) + "\n" + words.credit(lang))
    codes = tuple(r.country.code for r in rows)
    measure = answer.measures[0] if len(answer.measures) == 1 else None
    buttons = [[Button(t(lang, "scatter_button"),
                       button_data.vdem("scatter", measure, codes, answer.vdem_year, chart=True))]]
    if codes:
        buttons[0].append(Button(t(lang, "vdem_button"),
                                 button_data.vdem("history", measure, codes)))
    if len(rows) == 1:
        buttons.append([Button(button_label(rows[0].country, lang),
                               button_data.profile(rows[0].country.code, None, None))])
    plain = (country_name(rows[0].country.code, rows[0].country.name_en, lang)
             if len(rows) == 1 else t(lang, "agree_title_world"))
    return Rendered(pack(blocks), buttons, f"RSF · V-Dem: {plain}",
                    t(lang, "agree_years", vdem_year=answer.vdem_year,
                      rsf_year=index_label(answer.rsf_year), n=answer.common), url=url)
