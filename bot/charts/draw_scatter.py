"""Drawing RSF against V-Dem for one year: every country both rate as a dot, V-Dem's
measure across (on V-Dem's own scale), RSF's score up (0–100, its situation bands tinted
where the index has them), the countries asked about coloured and labelled.

Built like :mod:`bot.charts.draw`: the same size, palette, fonts and source line,
matplotlib imported only when drawing, the object-oriented API.
"""

from __future__ import annotations

from textwrap import wrap
from typing import Any, Final

from bot.charts.look import (
    BAND_COLOURS,
    MARKERS,
    PALETTE,
    decimal_ticks,
    figure,
    png,
    style,
)
from bot.charts.vdem_data import ScatterChart, ScatterPoint
from bot.domain import SITUATIONS, index_label, vdem_scale
from bot.i18n import fmt_number, inline_name, name, t

OTHERS: Final = "#8c8c8c"  # every country not asked about
#: RSF's situation bands exist from its 2022 method on.
BANDS_FROM: Final = 2022


def render_scatter_png(data: ScatterChart) -> bytes:
    """Draw the chart (1200 × 900 px PNG).  Thread-safe; imports matplotlib on first use."""
    key, lang = data.key, data.lang
    fig = figure()
    fig.text(0.03, 0.975, t(lang, "scatter_title", year=key.vdem_year), fontsize=17,
             fontweight="bold", va="top")
    fig.text(0.03, 0.918, t(lang, "scatter_subtitle", r=fmt_number(data.correlation, 2, lang)),
             fontsize=11, color="#444444", va="top")
    fig.text(0.03, 0.012, t(lang, "scatter_source", source=t(lang, "source")), fontsize=9.5,
             color="#555555")
    ax = fig.add_axes((0.10, 0.12, 0.76, 0.74))
    _draw(ax, data)
    decimal_ticks(ax, lang)
    return png(fig)


def _draw(ax: Any, data: ScatterChart) -> None:
    key, lang = data.key, data.lang
    style(ax)
    xs = [p.vdem for p in data.points]
    if vdem_scale(key.measure) == "index":
        ax.set_xlim(0, 1)
    else:
        pad = (max(xs) - min(xs)) * 0.05 + 0.05
        ax.set_xlim(min(xs) - pad, max(xs) + pad)
    ax.set_ylim(0, 100)
    if key.rsf_year >= BANDS_FROM and key.indicator is None:
        # RSF's situation bands belong to its global score (2022 on), as in its charts.
        upper = 100.0
        for (lower, band), colour in zip(SITUATIONS, BAND_COLOURS, strict=True):
            ax.axhspan(lower, upper, color=colour, lw=0, zorder=0)
            ax.text(1.012, (lower + upper) / 200, "\n".join(wrap(t(lang, f"chart_{band}"), 10)),
                    transform=ax.transAxes, fontsize=10, va="center", color="#333333")
            upper = lower
    else:
        ax.set_facecolor("#f6f6f6")
    ax.grid(color="white", lw=0.8, zorder=1)
    others = [p for p in data.points if not p.labelled]
    ax.scatter([p.vdem for p in others], [p.rsf for p in others], s=26, color=OTHERS,
               alpha=0.75, edgecolors="white", linewidths=0.5, zorder=3)
    asked = [p for p in data.points if p.labelled]
    for index, point in enumerate(asked):
        ax.scatter([point.vdem], [point.rsf], s=95, color=PALETTE[index % len(PALETTE)],
                   marker=MARKERS[index % 5], edgecolors="#111111", linewidths=0.9, zorder=5)
    _labels(ax, asked)
    direction = name(lang, f"{key.measure}_dir")
    ax.set_xlabel(t(lang, "scatter_x", year=key.vdem_year, measure=name(lang, key.measure),
                    direction=direction), fontsize=11.5)
    ylabel = (t(lang, "scatter_y_indicator", year=index_label(key.rsf_year),
                indicator=inline_name(lang, key.indicator)) if key.indicator
              else t(lang, "scatter_y", year=index_label(key.rsf_year)))
    ax.set_ylabel(ylabel, fontsize=11.5)


#: Where a label may sit around its dot (points), tried in turn until one covers no other
#: asked-about dot and no label already placed.
_OFFSETS: Final = ((9, 7), (-9, 7), (9, -16), (-9, -16), (9, 20), (-9, 20), (9, -29), (-9, -29))


def _labels(ax: Any, asked: list[ScatterPoint]) -> None:
    """Each asked-about country's name beside its dot, moved round it until it hides
    neither another asked-about dot nor another name."""
    renderer = ax.figure.canvas.get_renderer()
    dots = [ax.transData.transform((p.vdem, p.rsf)) for p in asked]
    taken: list[Any] = []
    for index, point in enumerate(asked):
        colour = PALETTE[index % len(PALETTE)]
        label = None
        for dx, dy in _OFFSETS:
            if label is not None:
                label.remove()
            label = ax.annotate(point.name, (point.vdem, point.rsf), xytext=(dx, dy),
                                textcoords="offset points", ha="left" if dx > 0 else "right",
                                fontsize=11, fontweight="bold", color=colour, zorder=6,
                                bbox={"boxstyle": "square,pad=0.1", "facecolor": "white",
                                      "alpha": 0.8, "edgecolor": "none"})
            box = label.get_window_extent(renderer).expanded(1.05, 1.1)
            inside = ax.get_window_extent(renderer)
            clear = (box.x0 >= inside.x0 and box.x1 <= inside.x1 and box.y1 <= inside.y1
                     and not any(box.contains(x, y) for i, (x, y) in enumerate(dots)
                                 if i != index)
                     and not any(box.overlaps(other) for other in taken))
            if clear:
                break
        assert label is not None
        taken.append(label.get_window_extent(renderer))
