"""Risers and fallers between two indexes: two ranked lists with each country's before and
after, the notes that keep a comparison honest, and buttons for the chart, the other
measure and what moved for the biggest movers."""

from __future__ import annotations

import html

from bot import button_data
from bot.answer import Move, MoversAnswer
from bot.domain import RSF_INDEX_URL, index_label
from bot.i18n import country_name, fmt_score, inline_name, t
from bot.render.groups import heading, scope_name, subregion_note
from bot.render.html import credit, label, pack
from bot.render.output import Button, Rendered

#: A chart caption's limit (Telegram's).
MAX_CAPTION = 1024


def title_of(answer: MoversAnswer, lang: str) -> str:
    return t(lang, f"movers_title_{answer.direction or 'both'}")


def measure_of(answer: MoversAnswer, lang: str) -> str:
    """"by rank", "by the safety indicator's score"…"""
    if answer.indicator:
        return t(lang, f"movers_by_indicator_{answer.by}",
                 indicator=inline_name(lang, answer.indicator))
    return t(lang, f"movers_by_{answer.by}")


def _change(move: Move, by: str, lang: str) -> str:
    if by == "rank":
        arrow = "▲" if move.change > 0 else "▼"
        return f"{arrow}{abs(move.change):.0f} ({move.value_before:.0f} → {move.value_now:.0f})"
    return (f"{fmt_score(move.change, signed=True, lang=lang)} "
            f"({fmt_score(move.value_before, lang=lang)} → {fmt_score(move.value_now, lang=lang)})")


def _lines(moves: tuple[Move, ...], by: str, lang: str) -> list[str]:
    return [f"{i:>2}. {label(m.country, lang)} — <b>{_change(m, by, lang)}</b>"
            for i, m in enumerate(moves, 1)]


def render_movers(answer: MoversAnswer, lang: str) -> Rendered:
    span = f"{index_label(answer.base)} → {index_label(answer.year)}"
    head = heading(title_of(answer, lang), answer.year, answer.scope, lang)
    blocks = [f"{head}\n{html.escape(span)}, {html.escape(measure_of(answer, lang))}"]
    if answer.year_note:
        blocks.append("<i>" + t(lang, "year_note", asked=answer.year_note.asked,
                                shown=answer.year_note.shown) + "</i>")
    for note in answer.notes:
        blocks.append("<i>" + t(lang, f"movers_{note}", base=index_label(answer.base),
                                year=index_label(answer.base if note == "first_index"
                                                 else answer.year)) + "</i>")
    for direction, moves in (("rise", answer.risers), ("fall", answer.fallers)):
        if answer.direction not in (None, direction):
            continue
        title = t(lang, "risers" if direction == "rise" else "fallers")
        if moves:
            blocks.append(f"<b>{title}</b>\n" + "\n".join(_lines(moves, answer.by, lang)))
        else:
            blocks.append(f"<b>{title}</b>\n" + t(lang, f"movers_none_{direction}"))
    blocks.append(_facts(answer, lang))
    part_of = subregion_note(answer.scope, lang)
    if part_of:
        blocks.append(part_of)
    blocks.append(credit(RSF_INDEX_URL, lang))
    buttons = _buttons(answer, lang)
    title = f"{title_of(answer, lang)} · {span}"
    if answer.chart is not None:
        caption = _caption(answer, lang)
        return Rendered([caption], buttons, "📉 " + title, t(lang, "chart_open"),
                        chart=answer.chart, url=RSF_INDEX_URL)
    return Rendered(pack(blocks), buttons, title, scope_name(answer.scope, lang))


def _facts(answer: MoversAnswer, lang: str) -> str:
    lines = [t(lang, "movers_compared", n=answer.compared)]
    moved = (*answer.risers, *answer.fallers)
    if answer.by == "rank" and moved:
        base_total, total = moved[0].before.total, moved[0].now.total
        if base_total != total:
            lines.append(t(lang, "movers_totals", base=index_label(answer.base),
                           base_total=base_total, year=index_label(answer.year), total=total))
    if answer.rsf_figures:
        lines.append(t(lang, "movers_rsf_figures"))
    return "<i>" + "\n".join(lines) + "</i>"


def _caption(answer: MoversAnswer, lang: str) -> str:
    """The chart's caption: what it shows, the two biggest moves each way, the notes."""
    span = f"{index_label(answer.base)} → {index_label(answer.year)}"
    lines = [f"<b>📉 {html.escape(title_of(answer, lang))} · "
             f"{html.escape(scope_name(answer.scope, lang))}</b>",
             html.escape(f"{span}, {measure_of(answer, lang)}")]
    for moves in (answer.risers[:3], answer.fallers[:3]):
        lines += [f"{label(m.country, lang)} — {_change(m, answer.by, lang)}" for m in moves]
    for note in answer.notes:
        lines.append("<i>" + t(lang, f"movers_{note}", base=index_label(answer.base),
                               year=index_label(answer.year)) + "</i>")
    lines.append(credit(RSF_INDEX_URL, lang))
    caption = "\n".join(lines)
    if len(caption) > MAX_CAPTION:  # long names in many notes: keep the head and credit
        caption = "\n".join(lines[:2] + lines[-1:])
    return caption


def _buttons(answer: MoversAnswer, lang: str) -> list[list[Button]]:
    scope = answer.scope
    year, base = answer.year, answer.base

    def asked(by: str, chart: bool = False) -> str:
        return button_data.movers(answer.direction, by, year, base, scope.region,
                                  scope.subregion, answer.indicator, answer.limit, chart)

    rows: list[list[Button]] = []
    first = [Button(t(lang, "chart"), asked(answer.by, chart=True))] if answer.chart is None \
        else [Button(t(lang, "movers_list_button"), asked(answer.by))]
    if answer.by == "rank" and answer.scores_compare:
        first.append(Button(t(lang, "by_score_button"), asked("score")))
    elif answer.by == "score":
        first.append(Button(t(lang, "by_rank_button"), asked("rank")))
    rows.append(first)
    # What moved for the biggest movers: a country's change since the index before.
    biggest = [*answer.fallers[:1], *answer.risers[:1]] if answer.consecutive else []
    if biggest:
        rows.append([
            Button(t(lang, "what_moved_button",
                     country=country_name(m.country.code, m.country.name_en, lang)),
                   button_data.why(m.country.code, year,
                                   "fall" if m.change < 0 else "rise"))
            for m in biggest
        ])
    return rows
