"""Drawing a chart as PNG with matplotlib.

Why it is built this way:

* matplotlib costs ~0.3 s and tens of MB to import, so it is imported only when a figure
  is made (:func:`bot.charts.look.figure`, shared by every chart): the bot, the CLI and
  the tests that draw nothing never load it.
* Drawing uses the object-oriented API (``Figure`` + ``FigureCanvasAgg``) and passes every
  style explicitly: no pyplot, no global ``rcParams`` edits, so several charts can be drawn
  at once in worker threads while the bot keeps answering.
* Honesty about RSF's method: scores before 2013 (another scale) are never drawn; 2013–2021
  and 2022+ are separate series split by a labelled divider (a comparison draws them in two
  panels: :mod:`bot.charts.draw_compare`), and RSF's situation bands (a 2022+ notion)
  shade only the 2022+ side.
"""

from __future__ import annotations

import textwrap
from typing import Any

from bot.charts.data import FIRST_YEAR, NEW_METHOD, ChartData, CountrySeries
from bot.charts.draw_compare import render_compare_png
from bot.charts.look import (
    BAND_COLOURS,
    LEFT,
    MARKERS,
    MEDIAN_COLOUR,
    MEDIAN_DASHES,
    MEDIAN_LINE,
    PALETTE,
    figure,
    png,
    style,
    wrap,
)
from bot.domain import INDICATORS, SITUATIONS
from bot.i18n import fmt_score, name, t


def render_png(data: ChartData) -> bytes:
    """Draw the chart (1200 px wide PNG; one country's 900 px high, a comparison as high as
    its bars need).  Thread-safe; imports matplotlib on first use."""
    if data.compare:
        return render_compare_png(data)
    lang = data.lang
    fig = figure()
    last = max(y for c in data.countries for y, _ in c.history)
    title = t(lang, "chart_title_history", name=data.countries[0].name, first=FIRST_YEAR,
              last=last)
    lines = wrap(title.split(" "), 56, sep=" ")
    longest = max(len(line) for line in lines)
    size = 17 if len(lines) == 1 and longest <= 44 else 14 * min(1, 58 / longest)
    fig.text(0.03, 0.975, "\n".join(lines), fontsize=size,
             fontweight="bold", va="top", linespacing=1.1)
    below = 0.918 if len(lines) == 1 else 0.885
    fig.text(0.03, below, t(lang, "chart_subtitle", first=NEW_METHOD, year=data.indicator_year),
             fontsize=11, color="#444444", va="top")
    credit = t(lang, "credit")
    fig.text(0.03, 0.012, t(lang, "chart_source", source=t(lang, "source"), credit=credit),
             fontsize=9.5, color="#555555")

    top = 0.79 if len(lines) == 1 else 0.775  # under the legend row
    history = fig.add_axes((LEFT, 0.505, 0.78 - LEFT, top - 0.505))
    _draw_history(history, data, last)
    fig.legend(*history.get_legend_handles_labels(), loc="upper left", ncol=3,
               bbox_to_anchor=(0.025, below - 0.035), fontsize=10.5, frameon=False,
               handlelength=2.6, columnspacing=1.5, borderaxespad=0)
    bars = fig.add_axes((LEFT, 0.125, 0.78 - LEFT, 0.23))
    _draw_indicators(bars, data)

    return png(fig)


def _draw_history(ax: Any, data: ChartData, last: int) -> None:
    lang = data.lang
    style(ax)
    first = data.first_year
    ax.set_xlim(first - 0.5, last + 0.5)
    ax.set_ylim(0, 100)
    # Situation bands belong to the 2022+ method: shade only that side, label on the right.
    start = (max(NEW_METHOD, first) - 0.5 - (first - 0.5)) / (last - first + 1)
    upper = 100.0
    for (lower, band), colour in zip(SITUATIONS, BAND_COLOURS, strict=True):
        ax.axhspan(lower, upper, xmin=start, xmax=1, color=colour, lw=0, zorder=0)
        ax.text(1.012, (lower + upper) / 200, t(lang, f"chart_{band}"), transform=ax.transAxes,
                fontsize=10, va="center", color="#333333")
        upper = lower
    if first < NEW_METHOD:
        ax.axvline(NEW_METHOD - 0.5, color="#333333", lw=1.3, zorder=1)
        ax.text(NEW_METHOD - 0.5, 1.03, t(lang, "chart_divider"), fontsize=10.5, ha="center",
                va="bottom", transform=ax.get_xaxis_transform(), color="#333333")

    def split(points: tuple[tuple[int, float], ...]) -> list[tuple[list[int], list[float]]]:
        eras = ([p for p in points if p[0] < NEW_METHOD], [p for p in points if p[0] >= NEW_METHOD])
        return [([y for y, _ in era], [s for _, s in era]) for era in eras]

    (old_x, old_y), (new_x, new_y) = split(data.median_history)
    ax.plot(old_x, old_y, ls=MEDIAN_DASHES, lw=2.4, color=MEDIAN_LINE, zorder=2)
    ax.plot(new_x, new_y, ls=MEDIAN_DASHES, lw=2.4, color=MEDIAN_LINE, zorder=2,
            label=t(lang, "chart_median"))
    for index, country in enumerate(data.countries):
        colour, marker = PALETTE[index], MARKERS[index]
        (old_x, old_y), (new_x, new_y) = split(country.history)
        if old_x:
            ax.plot(old_x, old_y, ls="--", lw=2, color=PALETTE[5], marker=marker, ms=6,
                    mfc="white", mew=1.6, zorder=3, label=t(lang, "chart_old_method"))
        ax.plot(new_x, new_y, lw=2.6, color=colour, marker=marker, ms=7, zorder=4,
                label=t(lang, "chart_new_method"))
        if country.score is not None:
            _annotate(ax, country, data.year, colour if data.year >= NEW_METHOD else "#333333",
                      lang)
    ax.set_ylabel(t(lang, "chart_score_axis"), fontsize=11.5)
    ax.set_xlabel(t(lang, "chart_year_axis"), fontsize=11.5, labelpad=2)
    step = 1 if last - first < 8 else 2
    ax.set_xticks(range(last, first - 1, -step))
    ax.grid(axis="y", color="white", lw=0.8, zorder=1)


def _annotate(ax: Any, country: CountrySeries, year: int, colour: str, lang: str) -> None:
    """Score and rank beside the chosen year's point, away from the line and the edges."""
    scores = dict(country.history)
    before = scores.get(year - 1, scores.get(year - 2))
    years = [y for y, _ in country.history]
    assert country.score is not None
    down = (before is not None and before > country.score) or country.score > 85
    ha = "right" if year == years[-1] else "left" if year == years[0] else "center"
    ax.annotate(f"{fmt_score(country.score, lang=lang)} · #{country.rank}", (year, country.score),
                xytext=({"right": 6, "left": -6, "center": 0}[ha], -11 if down else 11),
                textcoords="offset points", ha=ha, va="top" if down else "bottom",
                fontsize=11, fontweight="bold", color=colour, zorder=5)


def _draw_indicators(ax: Any, data: ChartData) -> None:
    lang = data.lang
    style(ax)
    year = data.indicator_year
    rows: list[tuple[str, str, tuple[float, ...] | None]] = [
        (c.name, PALETTE[i], c.indicators) for i, c in enumerate(data.countries)
    ]
    if data.median_indicators:
        rows.append((t(lang, "chart_median"), MEDIAN_COLOUR, data.median_indicators))
    n = len(rows)
    height = 0.8 / n
    ax.set_xlim(0, 100)
    ax.set_ylim(len(INDICATORS) - 0.5, -0.5)  # RSF's order, top to bottom
    upper = 100.0
    for index, ((lower, band), colour) in enumerate(zip(SITUATIONS, BAND_COLOURS, strict=True)):
        ax.axvspan(lower, upper, color=colour, lw=0, zorder=0)
        # Staggered in two rows: the narrow bands' names are wider than the bands.
        ax.text((lower + upper) / 2, 1.02 + 0.11 * (index % 2), t(lang, f"chart_{band}"),
                transform=ax.get_xaxis_transform(), fontsize=9.5, ha="center", color="#333333")
        upper = lower
    for index, (label, colour, values) in enumerate(rows):
        offsets = [i - 0.4 + height * (index + 0.5) for i in range(len(INDICATORS))]
        if values is None:
            ax.text(1, offsets[0], t(lang, "compare_missing", year=year), fontsize=9.5,
                    va="center", color=colour, fontweight="bold")
            continue
        ax.barh(offsets, values, height=height * 0.92, color=colour, zorder=3,
                label=textwrap.fill(label, 15))  # the legend column is narrow
        for y, value in zip(offsets, values, strict=True):
            inside = value > 88  # keep the label inside the axes
            ax.text(value - 1 if inside else value + 1, y, fmt_score(value, 1, lang=lang),
                    va="center",
                    ha="right" if inside else "left", fontsize=10, zorder=4,
                    color="white" if inside else "black")
    ax.set_yticks(range(len(INDICATORS)), [name(lang, i) for i in INDICATORS], fontsize=11.5)
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel(t(lang, "chart_indicator_axis", year=year), fontsize=11.5, labelpad=2)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=10,
              labelspacing=0.4, handlelength=1.8, borderaxespad=0)
