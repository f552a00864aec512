"""V-Dem's answers: a history (a table of years), one year of one or more countries, and a
ranking by one measure.  Every figure names V-Dem, the variable in words, which way is
freer and its year (:mod:`.vdem_words`); every reply ends with V-Dem's credit."""

from __future__ import annotations

import html

from bot import button_data
from bot.answer import Answer, Standing
from bot.answer.vdem_kinds import (
    AgreeAnswer,
    VdemChartAnswer,
    VdemHistoryAnswer,
    VdemRankingAnswer,
    VdemYearAnswer,
)
from bot.domain import VDEM_URL, vdem_scale
from bot.i18n import country_name, fmt_score, fmt_vdem, t
from bot.render import vdem_words as words
from bot.render.agree import render_agree
from bot.render.html import button_label, label, pack
from bot.render.output import Button, Rendered
from bot.render.vdem_chart import render_vdem_chart
from bot.store import Country

#: The place column of a one-measure history: "150/179".
_MISSING = "—"


def render_second_source(answer: Answer, lang: str) -> Rendered:
    """The messages of a V-Dem answer (or RSF beside V-Dem)."""
    if isinstance(answer, VdemHistoryAnswer):
        return _history(answer, lang)
    if isinstance(answer, VdemYearAnswer):
        return _one_year(answer, lang)
    if isinstance(answer, VdemRankingAnswer):
        return _ranking(answer, lang)
    if isinstance(answer, AgreeAnswer):
        return render_agree(answer, lang)
    assert isinstance(answer, VdemChartAnswer), type(answer)
    return render_vdem_chart(answer, lang)


def _cell(standing: Standing, lang: str) -> str:
    """A table's figure in the reader's decimal symbol; a share without its percent sign
    (the column's heading says it is one)."""
    if standing.value is None:
        return _MISSING
    scale = vdem_scale(standing.measure)
    if scale == "percent":
        return fmt_score(standing.value, 1, lang=lang)
    return fmt_vdem(standing.value, scale, lang)


def _legend(measures: tuple[str, ...], lang: str) -> str:
    """What each column is, in words, with its direction and scale."""
    lines = []
    for m in measures:
        about = words.direction(m, lang)
        if vdem_scale(m) != "percent":  # a share says its scale in its direction
            about += "; " + words.scale(m, lang)
        lines.append(f"• <b>{html.escape(words.short(m, lang))}</b>: "
                     f"{html.escape(words.measure(m, lang))} ({html.escape(about)})")
    return "\n".join(lines)


def _table(head: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    lines = ["  ".join(c.rjust(widths[i]) for i, c in enumerate(r)).rstrip()
             for r in [head, *rows]]
    return "<pre>" + html.escape("\n".join(lines)) + "</pre>"


def _history(answer: VdemHistoryAnswer, lang: str) -> Rendered:
    countries, measures = answer.countries, answer.measures
    first, last = answer.rows[0][0], answer.rows[-1][0]
    one = len(countries) == 1
    if one:
        title = t(lang, "vdem_history_title", first=first, last=last,
                  country=label(countries[0], lang))
    else:
        title = html.escape(t(lang, "vdem_history_compare_title", first=first, last=last,
                              measure=words.measure(measures[0], lang)))
    blocks = [f"<b>{title}</b>\n<i>{html.escape(t(lang, 'vdem_columns'))}</i>"]
    year_head = t(lang, "vdem_col_year")
    if one and len(measures) == 1:
        head = [year_head, words.short(measures[0], lang), t(lang, "vdem_col_place")]
        rows = [[str(y), _cell(s, lang), f"{s.place}/{s.of}" if s.place else _MISSING]
                for y, (s,) in answer.rows]
    elif one:
        head = [year_head, *(words.short(m, lang) for m in measures)]
        rows = [[str(y), *(_cell(s, lang) for s in cells)] for y, cells in answer.rows]
    else:
        head = [year_head, *(c.code for c in countries)]
        rows = [[str(y), *(_cell(s, lang) for s in cells)] for y, cells in answer.rows]
    blocks.append(_table(head, rows))
    if not one:
        blocks.append(" · ".join(f"{html.escape(c.code)} {label(c, lang)}" for c in countries))
    blocks.append(_legend(measures, lang))
    # A country V-Dem rates from a later year (Kazakhstan: 1990) says so.
    asked = max(answer.query.since or answer.span[0], answer.span[0])
    late = [(c, first_year) for c, first_year in _starts(answer) if first_year > asked]
    notes = [html.escape(t(lang, "vdem_starts", first=y,
                           country=country_name(c.code, c.name_en, lang))) for c, y in late]
    notes += [n for n in (words.note(answer.note, lang), words.not_rated(answer.not_rated, lang))
              if n]
    blocks += _closing(notes, len(countries), answer.left_out, lang)
    codes = tuple(c.code for c in countries)
    buttons = [[Button(t(lang, "vdem_chart_button", measure=words.short(m, lang)),
                       button_data.vdem("history", m, codes, since=answer.query.since,
                                        chart=True))
                for m in measures]]
    buttons.append([Button(t(lang, "agree_button"), button_data.vdem("agree", None, codes))])
    if one:
        buttons[-1].append(Button(button_label(countries[0], lang),
                                  button_data.profile(countries[0].code, None, None)))
    name = ", ".join(country_name(c.code, c.name_en, lang) for c in countries)
    return Rendered(pack(blocks), buttons, f"V-Dem: {name}",
                    f"{first}–{last}: " + ", ".join(words.measure(m, lang) for m in measures),
                    url=VDEM_URL)


def _closing(notes: list[str], shown: int, left_out: tuple[Country, ...],
             lang: str) -> list[str]:
    """The blocks every V-Dem table ends with: its notes (countries left out of a table too
    wide, named in the reader's language), what V-Dem's scales are, and the credit."""
    if left_out:
        notes = [*notes, t(lang, "left_out", n=shown, k=len(left_out),
                           names=", ".join(label(c, lang) for c in left_out))]
    closing = ["\n".join(notes)] if notes else []
    return [*closing, html.escape(t(lang, "vdem_about_scales")), words.credit(lang)]


def _starts(answer: VdemHistoryAnswer) -> list[tuple[Country, int]]:
    """Each country and the first year it has a value in the table."""
    width = len(answer.measures)
    found = []
    for index, country in enumerate(answer.countries):
        years = [y for y, cells in answer.rows
                 if any(s.value is not None for s in cells[index * width:(index + 1) * width])]
        if years:
            found.append((country, years[0]))
    return found


def _one_year(answer: VdemYearAnswer, lang: str) -> Rendered:
    countries, year = answer.countries, answer.year
    if len(countries) == 1:
        title = t(lang, "vdem_year_title", country=label(countries[0], lang), year=year)
    else:
        title = html.escape(t(lang, "vdem_compare_title", year=year))
    blocks = [f"<b>{title}</b>\n<i>{html.escape(t(lang, 'vdem_place_columns'))}</i>"]
    if answer.note:
        blocks.append(words.note(answer.note, lang) or "")
    if len(countries) == 1:
        lines = [f"• {html.escape(words.measure(s.measure, lang))} "
                 f"({html.escape(words.direction(s.measure, lang))}): "
                 f"<b>{words.figure(s, lang)}</b>" for s in answer.standings[0]]
        blocks.append("\n".join(lines))
    else:
        for index, measure in enumerate(answer.measures):
            lines = [f"<b>{html.escape(words.measure(measure, lang))}</b> "
                     f"({html.escape(words.direction(measure, lang))})"]
            lines += [f"{label(c, lang)}: <b>{words.figure(answer.standings[i][index], lang)}</b>"
                      for i, c in enumerate(countries)]
            blocks.append("\n".join(lines))
    notes = []
    for country, (first, latest) in zip(countries, answer.records, strict=True):
        if not first <= year <= latest:
            notes.append(html.escape(t(lang, "vdem_starts", first=first,
                                       country=country_name(country.code, country.name_en,
                                                            lang))))
    notes += [n for n in (words.not_rated(answer.not_rated, lang),) if n]
    blocks += _closing(notes, len(countries), answer.left_out, lang)
    codes = tuple(c.code for c in countries)
    chartable = answer.measures[0]
    buttons = [[
        Button(t(lang, "vdem_chart_button", measure=words.short(chartable, lang)),
               button_data.vdem("history", chartable, codes, chart=True)),
        Button(t(lang, "vdem_history_button", year=answer.span[0]),
               button_data.vdem("history", chartable if len(codes) > 1 else None, codes)),
    ], [Button(t(lang, "agree_button"), button_data.vdem("agree", None, codes))]]
    name = ", ".join(country_name(c.code, c.name_en, lang) for c in countries)
    return Rendered(pack(blocks), buttons, f"V-Dem {year}: {name}",
                    ", ".join(words.measure(m, lang) for m in answer.measures), url=VDEM_URL)


def _ranking(answer: VdemRankingAnswer, lang: str) -> Rendered:
    measure = answer.measure
    share = vdem_scale(measure) == "percent"
    key = f"vdem_ranking_{answer.order}" + ("_share" if share else "")
    title = t(lang, key, year=answer.year, n=len(answer.rows),
              measure=words.measure(measure, lang))
    blocks = [f"<b>{html.escape(title)}</b>\n<i>{html.escape(words.direction(measure, lang))}; "
              f"{html.escape(words.scale(measure, lang))}</i>"]
    if answer.note:
        blocks.append(words.note(answer.note, lang) or "")
    rows = [f"{s.place:>3}. {label(c, lang)} — <b>{words.value(s, lang)}</b>"
            for c, s in answer.rows]
    blocks.append("\n".join(rows))
    of = answer.rows[0][1].of if answer.rows else 0
    first = t(lang, "vdem_first_share" if share else "vdem_first_free")
    lines = [html.escape(t(lang, "vdem_ranking_of", n=of, first=first))]
    if answer.capped:
        lines.append(html.escape(t(lang, "capped", n=len(answer.rows))))
    blocks.append("\n".join(lines))
    blocks.append(html.escape(t(lang, "vdem_about_scales")))
    blocks.append(words.credit(lang))
    other = "top" if answer.order == "bottom" else "bottom"
    limit = answer.query.witness.limit if answer.query.witness else 10
    limit = max(1, min(limit, 50))
    buttons = [[
        Button(t(lang, other, n=limit), button_data.vdem("ranking", measure, (), answer.year,
                                                         order=other, limit=limit)),
        Button(t(lang, "scatter_button"), button_data.vdem("scatter", measure, (), answer.year,
                                                          chart=True)),
    ]]
    return Rendered(pack(blocks), buttons, title, words.direction(measure, lang), url=VDEM_URL)
