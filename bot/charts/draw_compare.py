"""Drawing a comparison of two to five countries as PNG.

A comparison answers by itself: each line's end says its score and rank, 2013–2021 and
2022+ stand in two panels side by side (two methods whose scores never compare), the world
median is drawn as a line of its own, the year asked for is marked on every line, and the
indicator bars carry their numbers.  Built like :mod:`bot.charts.draw`: matplotlib imported
only when drawing, the object-oriented API, every style passed explicitly.
"""

from __future__ import annotations

from typing import Any, Final

from bot.charts.data import FIRST_YEAR, NEW_METHOD, ChartData
from bot.charts.look import (
    BAND_COLOURS,
    DPI,
    LEFT,
    MARKERS,
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

MEDIAN: Final = MEDIAN_LINE
#: Heights in pixels: the picture grows with the number of countries, so every bar keeps
#: room for its number.
TOP_PX, LEGEND_ROW_PX, HISTORY_PX, BETWEEN_PX, BOTTOM_PX = 130, 30, 330, 125, 105
BAR_PX, GROUP_GAP_PX = 19, 16


def render_compare_png(data: ChartData) -> bytes:
    """Draw a comparison (1200 px wide).  Thread-safe; imports matplotlib on first use."""
    lang = data.lang
    rows = len(data.countries) + 1  # each country, and the world median
    bars_px = len(INDICATORS) * (rows * BAR_PX + GROUP_GAP_PX)
    names = [c.name for c in data.countries] + [t(lang, "chart_median")]
    # One legend row when the names fit on it, else rows of three.
    columns = len(names) if sum(len(n) + 6 for n in names) <= 80 else 3
    legend_rows = -(-len(names) // columns)
    lines = wrap([c.name for c in data.countries], 56)
    history_top = TOP_PX + (28 if len(lines) > 1 else 0) + legend_rows * LEGEND_ROW_PX + 20
    height = history_top + HISTORY_PX + BETWEEN_PX + bars_px + BOTTOM_PX
    fig = figure(height / DPI)

    def y(px: float) -> float:  # pixels from the top → figure coordinates
        return 1 - px / height

    longest = max(len(line) for line in lines)
    size = 17 if len(lines) == 1 and longest <= 44 else 14 * min(1, 58 / longest)
    fig.text(0.03, y(20), "\n".join(lines), fontsize=size, fontweight="bold", va="top",
             linespacing=1.1)
    below = 72 if len(lines) == 1 else 100
    fig.text(0.03, y(below), t(lang, "chart_subtitle_compare", first=FIRST_YEAR,
                               year=data.indicator_year),
             fontsize=11, color="#444444", va="top")
    fig.text(0.03, 12 / height, t(lang, "chart_source", source=t(lang, "source"),
                                  credit=t(lang, "credit")), fontsize=9.5, color="#555555")

    bottom = y(history_top + HISTORY_PX)
    panel_h = HISTORY_PX / height
    right_edge = 0.835  # room on the right for the lines' end labels
    split = LEFT + (right_edge - LEFT) * 0.55
    old = fig.add_axes((LEFT, bottom, split - 0.015 - LEFT, panel_h))
    new = fig.add_axes((split + 0.015, bottom, right_edge - split - 0.015, panel_h))
    last = max((yr for c in data.countries for yr, _ in c.history), default=data.year)
    _history(old, data, FIRST_YEAR, NEW_METHOD - 1, ends=False)
    _history(new, data, NEW_METHOD, max(last, NEW_METHOD), ends=True)
    new.tick_params(labelleft=False)
    old.set_ylabel(t(lang, "chart_score_axis"), fontsize=11.5)
    handles, labels = new.get_legend_handles_labels()
    fig.legend(handles, labels, loc="upper left", ncol=columns,
               bbox_to_anchor=(0.025, y(below + 26)), fontsize=10.5, frameon=False,
               handlelength=2.2, columnspacing=1.3, borderaxespad=0)

    bars_top = history_top + HISTORY_PX + BETWEEN_PX
    bars = fig.add_axes((LEFT, y(bars_top + bars_px), right_edge - LEFT, bars_px / height))
    _indicators(bars, data, rows)
    return png(fig)


def _history(ax: Any, data: ChartData, first: int, last: int, ends: bool) -> None:
    """One method's years: the countries' lines, the world median, the year asked for
    marked; in the 2022+ panel the situation bands and each line's end labelled."""
    lang = data.lang
    style(ax)
    ax.set_xlim(first - 0.5, last + 0.5)
    ax.set_ylim(0, 100)
    current = first >= NEW_METHOD
    if current:
        upper = 100.0
        for (lower, _), colour in zip(SITUATIONS, BAND_COLOURS, strict=True):
            ax.axhspan(lower, upper, color=colour, lw=0, zorder=0)
            upper = lower
    else:
        ax.set_facecolor("#f4f4f4")
    title = t(lang, "chart_new_method" if current else "chart_old_method")
    ax.set_title(title, fontsize=10.5, color="#333333", loc="left", pad=4)
    ax.set_xlabel(t(lang, "chart_year_axis"), fontsize=11, labelpad=2)
    step = 1 if last - first < 6 else 2
    ax.set_xticks(range(last, first - 1, -step))
    ax.grid(axis="y", color="white" if current else "#dddddd", lw=0.8, zorder=1)
    ends_at: list[tuple[float, str, str]] = []  # (score, label, colour) at the last year
    for index, country in enumerate(data.countries):
        colour, marker = PALETTE[index], MARKERS[index]
        points = [(yr, s) for yr, s in country.history if first <= yr <= last]
        ax.plot([p[0] for p in points], [p[1] for p in points], lw=2.4, color=colour,
                marker=marker, ms=6, zorder=4, label=country.name)
        scores = dict(points)
        if data.year in scores:  # the year asked for: a ring on each line
            ax.plot([data.year], [scores[data.year]], marker="o", ms=15, mfc="none",
                    mec=colour, mew=2, zorder=5)
        if ends and points and points[-1][0] == last and country.rank_at_end is not None:
            score = fmt_score(points[-1][1], lang=lang)
            ends_at.append((points[-1][1], f"{score} · #{country.rank_at_end}", colour))
    median = [(yr, s) for yr, s in data.median_history if first <= yr <= last]
    if median:
        ax.plot([p[0] for p in median], [p[1] for p in median], ls=MEDIAN_DASHES,
                lw=2.6, color=MEDIAN, zorder=3, label=t(lang, "chart_median"))
        if median[-1][0] == last:
            ends_at.append((median[-1][1], fmt_score(median[-1][1], lang=lang), MEDIAN))
    if first <= data.year <= last and data.year != last:
        ax.axvline(data.year, color="#555555", lw=1.1, ls="--", zorder=2)
    if ends:
        _end_labels(ax, last, ends_at)


def _end_labels(ax: Any, last: int, ends: list[tuple[float, str, str]]) -> None:
    """Labels beside the lines' last points, pushed apart where lines end close together
    (a thin stroke joins a moved label to its point)."""
    gap = 7.0  # score points between two labels' centres (the label height at this size)
    placed: list[float] = []
    for score, _, _ in sorted(ends):
        placed.append(max(score, placed[-1] + gap) if placed else score)
    overflow = placed[-1] - 97 if placed else 0
    if overflow > 0:  # keep the top label inside the panel: shift the stack down
        placed = [max(p - overflow, 3 + i * gap) for i, p in enumerate(placed)]
    for (score, text, colour), at in zip(sorted(ends), placed, strict=True):
        # The stroke runs under the labels (a light box behind each keeps them legible).
        ax.plot([last + 0.12, last + 0.42], [score, at], color=colour, lw=0.9, zorder=2,
                clip_on=False)
        ax.text(last + 0.45, at, text, va="center", ha="left", fontsize=9.5,
                fontweight="bold", color=colour, zorder=6, clip_on=False,
                bbox={"boxstyle": "square,pad=0.08", "facecolor": "white", "alpha": 0.85,
                      "edgecolor": "none"})


def _indicators(ax: Any, data: ChartData, rows: int) -> None:
    """Each indicator: a bar per country and the world median's, each with its number."""
    lang = data.lang
    style(ax)
    ax.set_xlim(0, 100)
    ax.set_ylim(len(INDICATORS) - 0.5, -0.5)
    upper = 100.0
    for index, ((lower, band), colour) in enumerate(zip(SITUATIONS, BAND_COLOURS,
                                                        strict=True)):
        ax.axvspan(lower, upper, color=colour, lw=0, zorder=0)
        ax.text((lower + upper) / 2, 1.01 + 0.035 * (index % 2) * 5 / rows,
                t(lang, f"chart_{band}"), transform=ax.get_xaxis_transform(), fontsize=9.5,
                ha="center", va="bottom", color="#333333")
        upper = lower
    height = 0.86 / rows
    series = [(c.name, PALETTE[i], c.indicators) for i, c in enumerate(data.countries)]
    series.append((t(lang, "chart_median"), MEDIAN, data.median_indicators or None))
    for index, (label, colour, values) in enumerate(series):
        offsets = [i - 0.43 + height * (index + 0.5) for i in range(len(INDICATORS))]
        if values is None:
            ax.text(1, offsets[0], t(lang, "compare_missing", year=data.indicator_year),
                    fontsize=9, va="center", color=colour, fontweight="bold")
            continue
        ax.barh(offsets, values, height=height * 0.9, color=colour, zorder=3, label=label,
                hatch="//" if colour == MEDIAN else None, edgecolor="white", lw=0)
        for at, value in zip(offsets, values, strict=True):
            inside = value > 90  # keep the number inside the axes
            ax.text(value - 0.8 if inside else value + 0.8, at, fmt_score(value, 1, lang=lang),
                    va="center", ha="right" if inside else "left", fontsize=8.5, zorder=4,
                    color="white" if inside else "#111111")
    ax.set_yticks(range(len(INDICATORS)), [name(lang, i) for i in INDICATORS], fontsize=11.5)
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel(t(lang, "chart_indicator_axis", year=data.indicator_year), fontsize=11.5,
                  labelpad=2)
