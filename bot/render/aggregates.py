"""A group's figures: means and medians (a table of the score and the five indicators, the
world beside), its countries per situation band, or a country's place among them."""

from __future__ import annotations

import html

from bot import button_data
from bot.answer import AggregateAnswer
from bot.answer.stats import GroupStats, Measure
from bot.domain import (
    INDICATORS,
    RSF_INDEX_URL,
    SCALE_CURRENT,
    SITUATIONS,
    index_label,
    scale_of,
)
from bot.i18n import country_name, fmt_score, name, t
from bot.render.groups import BAND_MARKS, band_bounds, heading, scope_name, subregion_note
from bot.render.html import button_label, credit, label, pack
from bot.render.output import Button, Rendered


def render_aggregate(answer: AggregateAnswer, lang: str) -> Rendered:
    if answer.measure == "place":
        blocks, buttons = _place(answer, lang)
        assert answer.country is not None
        title = t(lang, "place_title",
                  country=country_name(answer.country.code, answer.country.name_en, lang),
                  group=scope_name(answer.scope, lang))
    elif answer.measure == "count":
        blocks, buttons = _counts(answer, lang)
        title = t(lang, "agg_title_count")
    else:
        blocks, buttons = _averages(answer, lang)
        title = t(lang, f"agg_title_{answer.measure}")
    if answer.year_note:
        note = t(lang, "year_note", asked=answer.year_note.asked, shown=answer.year_note.shown)
        blocks.insert(1, f"<i>{note}</i>")
    part_of = subregion_note(answer.scope, lang)
    if part_of:
        blocks.append(part_of)
    if scale_of(answer.year) != SCALE_CURRENT:
        blocks.append(f"<i>{html.escape(name(lang, scale_of(answer.year)))}</i>")
    blocks.append(credit(RSF_INDEX_URL, lang))
    description = f"{scope_name(answer.scope, lang)} · {t(lang, 'index')} {answer.year}"
    return Rendered(pack(blocks), buttons, title, description)


def _figure(lang: str, indicator: str | None) -> str:
    return name(lang, indicator) if indicator else t(lang, "agg_score")


def _lead(measure: str, figure: str, found: Measure, lang: str) -> str:
    return t(lang, f"agg_lead_{'median' if measure == 'median' else 'mean'}",
             figure=html.escape(figure), mean=fmt_score(found.mean, lang=lang),
             median=fmt_score(found.median, lang=lang), n=found.n)


def _averages(answer: AggregateAnswer, lang: str) -> tuple[list[str], list[list[Button]]]:
    stats, measure = answer.stats, answer.measure
    title = t(lang, f"agg_title_{measure}")
    blocks = [heading(title, answer.year, answer.scope, lang)]
    if stats.score is None:
        blocks.append(t(lang, "agg_empty", year=answer.year))
        return blocks, []
    figures: list[tuple[str | None, Measure]] = [(None, stats.score)]
    figures += [(i, stats.indicators[i]) for i in INDICATORS if i in stats.indicators]
    if answer.indicator:  # the figure asked about first
        figures.sort(key=lambda f: f[0] != answer.indicator)
    asked_name, asked = figures[0]
    blocks.append(_lead(measure, _figure(lang, asked_name), asked, lang))
    blocks.append(_table(figures, answer.world, measure, lang))
    if answer.world is not None and answer.world.score is not None:
        world = answer.world.indicators.get(asked_name or "") or answer.world.score
        blocks.append(t(lang, "agg_world", mean=fmt_score(world.mean, lang=lang),
                        median=fmt_score(world.median, lang=lang)))
    if answer.no_indicators:
        blocks.append(f"<i>{t(lang, 'agg_no_indicators')}</i>")
    return blocks, _group_buttons(answer, lang)


def _table(figures: list[tuple[str | None, Measure]], world: GroupStats | None, measure: str,
           lang: str) -> str:
    """Average and median of each figure, and the world's (of the measure asked)."""
    main = "median" if measure == "median" else "mean"
    other = "mean" if main == "median" else "median"
    header = ["", t(lang, f"agg_head_{main}"), t(lang, f"agg_head_{other}")]
    if world is not None:
        header.append(t(lang, "agg_head_world"))
    rows = [header]
    for indicator, found in figures:
        row = [_figure(lang, indicator), fmt_score(getattr(found, main), lang=lang),
               fmt_score(getattr(found, other), lang=lang)]
        if world is not None:
            theirs = world.indicators.get(indicator) if indicator else world.score
            row.append(fmt_score(getattr(theirs, main), lang=lang) if theirs else "—")
        rows.append(row)
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = ["  ".join(cell.rjust(widths[i]) if i else cell.ljust(widths[i])
                       for i, cell in enumerate(r)).rstrip() for r in rows]
    return "<pre>" + html.escape("\n".join(lines)) + "</pre>"


def _counts(answer: AggregateAnswer, lang: str) -> tuple[list[str], list[list[Button]]]:
    stats = answer.stats
    blocks = [heading(t(lang, "agg_title_count"), answer.year, answer.scope, lang)]
    if answer.no_bands:
        blocks.append(f"<i>{t(lang, 'agg_bands_since', year=answer.year)}</i>")
    lines = [
        f"{BAND_MARKS[band]} {html.escape(name(lang, band))} ({band_bounds(band)}): "
        f"<b>{stats.bands.get(band, 0)}</b>"
        for _, band in SITUATIONS
    ]
    lines.append(t(lang, "agg_total", n=len(stats.results)))
    blocks.append("\n".join(lines))
    scope = answer.scope
    buttons = [
        Button(f"{BAND_MARKS[band]} {t(lang, f'chart_{band}')} · {stats.bands.get(band, 0)}",
               button_data.band(band, answer.year, scope.region, scope.subregion))
        for _, band in SITUATIONS
        if stats.bands.get(band)
    ]
    return blocks, [buttons[i : i + 2] for i in range(0, len(buttons), 2)]


def _place(answer: AggregateAnswer, lang: str) -> tuple[list[str], list[list[Button]]]:
    country, stats = answer.country, answer.stats
    assert country is not None
    group = scope_name(answer.scope, lang)
    shown = html.escape(country_name(country.code, country.name_en, lang))
    blocks = [f"{label(country, lang)} · <b>{html.escape(group)}</b> · "
              f"{t(lang, 'index')} {index_label(answer.year)}"]
    mine = next((r for c, r in answer.rows if c.code == country.code), None)
    if answer.place is None or mine is None:
        blocks.append(t(lang, "not_ranked", country=shown, year=answer.year))
        return blocks, []
    n = len(stats.results)
    if answer.indicator and answer.indicator in mine.indicators:
        line = t(lang, "place_line_indicator", indicator=html.escape(name(lang, answer.indicator)),
                 place=answer.place, n=n, group=html.escape(group),
                 rank=mine.indicators[answer.indicator][1])
    else:
        line = t(lang, "place_line", place=answer.place, n=n, group=html.escape(group),
                 rank=mine.rank, total=mine.total)
    blocks[0] += "\n" + line
    rows = []
    first = answer.place - next(i for i, (c, _) in enumerate(answer.rows)
                                if c.code == country.code)
    for offset, (other, result) in enumerate(answer.rows):
        score, rank = result.score, result.rank
        if answer.indicator and answer.indicator in result.indicators:
            score, rank = result.indicators[answer.indicator]
        row = (f"{first + offset:>3}. {label(other, lang)} — {fmt_score(score, lang=lang)} "
               f"({t(lang, 'rank')} {rank})")
        rows.append(f"<b>{row}</b>" if other.code == country.code else row)
    if len(answer.rows) < n:
        rows.insert(0, t(lang, "place_around", n=len(answer.rows), group=html.escape(group)))
    blocks.append("\n".join(rows))
    figure = stats.indicators.get(answer.indicator or "") or stats.score
    if figure is not None:
        blocks.append(t(lang, "place_group", group=html.escape(group),
                        mean=fmt_score(figure.mean, lang=lang),
                        median=fmt_score(figure.median, lang=lang)))
    if answer.no_indicators:
        blocks.append(f"<i>{t(lang, 'agg_no_indicators')}</i>")
    buttons = [[Button(button_label(country, lang),
                       button_data.profile(country.code, answer.year, None))],
               *_group_buttons(answer, lang)]
    return blocks, buttons


def _group_buttons(answer: AggregateAnswer, lang: str) -> list[list[Button]]:
    """The same group's countries per band, and its risers and fallers."""
    scope = answer.scope
    row = []
    if scale_of(answer.year) == SCALE_CURRENT:
        row.append(Button(t(lang, "bands_button"),
                          button_data.aggregate("count", answer.year, scope.region,
                                                scope.subregion)))
    row.append(Button(t(lang, "movers_button"),
                      button_data.movers(None, "rank", answer.year, None, scope.region,
                                         scope.subregion)))
    return [row]
