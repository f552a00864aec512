"""Drawing a V-Dem history: one measure over V-Dem's years (1970 on) for one to five
countries, the median of every country V-Dem rates dashed, the years RSF's index covers
shaded, each line's end labelled with its figure and place.

Built like :mod:`bot.charts.draw`: the same size, palette, fonts and source line (from
:mod:`bot.charts.look`), matplotlib imported only when drawing, the object-oriented API.
The vertical axis is V-Dem's own scale, never RSF's 0–100.
"""

from __future__ import annotations

from typing import Any, Final

from bot.charts.look import (
    LEFT,
    MARKERS,
    MEDIAN_DASHES,
    MEDIAN_LINE,
    PALETTE,
    decimal_ticks,
    end_labels,
    figure,
    png,
    style,
    wrap,
)
from bot.charts.vdem_data import VdemHistoryChart
from bot.domain import vdem_scale
from bot.i18n import fmt_vdem, name, t

#: The tint of the years an RSF index describes.
RSF_YEARS: Final = "#eef2f7"
RIGHT: Final = 0.80  # room on the right for the end labels


def _bounds(data: VdemHistoryChart) -> tuple[float, float]:
    """The vertical axis: an index is 0–1, a share 0–100 %; V-Dem's latent scale spans the
    values drawn, with some air, and always shows 0 (the dataset's centre)."""
    kind = vdem_scale(data.measure)
    if kind == "index":
        return 0.0, 1.0
    values = [v for line in data.lines for _, v in line.points] + [v for _, v in data.median]
    if kind == "percent":
        return 0.0, min(100.0, max(values) * 1.15 + 5)
    low, high = min(min(values), 0.0), max(max(values), 0.0)
    pad = (high - low) * 0.08 + 0.1
    return low - pad, high + pad


def render_vdem_png(data: VdemHistoryChart) -> bytes:
    """Draw the chart (1200 × 900 px PNG).  Thread-safe; imports matplotlib on first use."""
    lang, measure = data.lang, data.measure
    fig = figure()
    names = [line.name for line in data.lines]
    title = t(lang, "vdem_chart_title", names=", ".join(names), measure=name(lang, measure),
              first=data.first, last=data.last)
    lines = wrap(title.split(" "), 56, sep=" ")
    longest = max(len(line) for line in lines)
    size = 17 if len(lines) == 1 and longest <= 44 else 14 * min(1, 58 / longest)
    fig.text(0.03, 0.975, "\n".join(lines), fontsize=size, fontweight="bold", va="top",
             linespacing=1.1)
    below = 0.918 if len(lines) == 1 else 0.885
    direction = name(lang, f"{measure}_dir")
    fig.text(0.03, below, t(lang, "vdem_chart_subtitle", direction=direction), fontsize=11,
             color="#444444", va="top")
    fig.text(0.03, 0.012, t(lang, "vdem_chart_source", source=t(lang, "source")),
             fontsize=9.5, color="#555555")

    # The legend: one row when the names fit, else rows of three; the plot starts under it.
    labels = [*names, t(lang, "vdem_chart_median")]
    columns = len(labels) if sum(len(n) + 6 for n in labels) <= 80 else 3
    rows = -(-len(labels) // columns)
    top = below - 0.075 - 0.037 * rows
    ax = fig.add_axes((LEFT, 0.125, RIGHT - LEFT, top - 0.125))
    _draw(ax, data)
    decimal_ticks(ax, lang)
    handles, labels = ax.get_legend_handles_labels()
    fig.legend(handles, labels, loc="upper left", ncol=columns,
               bbox_to_anchor=(0.025, below - 0.035), fontsize=10.5, frameon=False,
               handlelength=2.4, columnspacing=1.4, borderaxespad=0)
    return png(fig)


def _draw(ax: Any, data: VdemHistoryChart) -> None:
    lang, measure = data.lang, data.measure
    style(ax)
    low, high = _bounds(data)
    ax.set_xlim(data.first - 0.5, data.last + 0.5)
    ax.set_ylim(low, high)
    if data.rsf_from is not None and data.rsf_from <= data.last:
        start = max(data.rsf_from, data.first) - 0.5
        ax.axvspan(start, data.last + 0.5, color=RSF_YEARS, lw=0, zorder=0)
        ax.text((start + data.last + 0.5) / 2, 0.985, t(lang, "vdem_chart_rsf_years"),
                transform=ax.get_xaxis_transform(), ha="center", va="top", fontsize=9.5,
                color="#556070")
    if vdem_scale(measure) == "latent":
        ax.axhline(0, color="#b0b0b0", lw=0.9, zorder=1)
    ax.grid(axis="y", color="#e4e4e4", lw=0.8, zorder=1)
    ends: list[tuple[float, str, str]] = []
    scale = vdem_scale(measure)
    for index, line in enumerate(data.lines):
        colour = PALETTE[index]
        years = [y for y, _ in line.points]
        values = [v for _, v in line.points]
        ax.plot(years, values, lw=2.4, color=colour, zorder=4, label=line.name,
                marker=MARKERS[index], markevery=[len(years) - 1] if years else None, ms=7)
        if line.points and line.points[-1][0] == data.last:
            text = fmt_vdem(values[-1], scale, lang)
            if line.place is not None:
                text += f" · #{line.place}"
            ends.append((values[-1], text, colour))
    if data.median:
        ax.plot([y for y, _ in data.median], [v for _, v in data.median], ls=MEDIAN_DASHES,
                lw=2.2, color=MEDIAN_LINE, zorder=3, label=t(lang, "vdem_chart_median"))
        year, value = data.median[-1]
        if year == data.last:
            ends.append((value, fmt_vdem(value, scale, lang), MEDIAN_LINE))
    end_labels(ax, data.last + 0.5, ends, gap=(high - low) * 0.06,
               low=low + (high - low) * 0.03, high=high - (high - low) * 0.03)
    # Round years: decades over a long span (and a minor tick every five years).
    length = data.last - data.first
    step = 10 if length > 30 else 5 if length > 12 else 2 if length > 6 else 1
    ax.set_xticks([y for y in range(data.first, data.last + 1) if y % step == 0]
                  or [data.first, data.last])
    if step == 10:
        ax.set_xticks([y for y in range(data.first, data.last + 1) if y % 5 == 0], minor=True)
    ax.set_xlabel(t(lang, "vdem_chart_year_axis"), fontsize=11.5, labelpad=2)
    ax.set_ylabel(t(lang, "vdem_chart_axis", direction=name(lang, f"{measure}_dir")),
                  fontsize=11.5)
