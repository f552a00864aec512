"""Drawing the movers chart: a diverging bar chart, risers to the right, fallers to the
left, biggest moves outermost, each bar labelled with the country and its before → after.

Built like :mod:`bot.charts.draw`: matplotlib imported only when drawing, the
object-oriented API with every style passed explicitly, so charts draw in worker threads.
"""

from __future__ import annotations

from typing import Any, Final

from bot.charts.data import MoverBar, MoversChart
from bot.charts.look import PALETTE, figure, png
from bot.domain import index_label
from bot.i18n import fmt_score, inline_name, number_symbols, t

RISE: Final = PALETTE[0]  # Okabe & Ito's blue
FALL: Final = PALETTE[1]  # and vermilion
#: Inches per bar, and around the bars (title, axis, source line).
BAR_INCHES: Final = 0.36
FRAME_INCHES: Final = 1.9


def _value(bar: MoverBar, by: str, lang: str) -> str:
    if by == "rank":
        return f"{'+' if bar.change > 0 else '−'}{abs(bar.change):.0f}"
    return fmt_score(bar.change, signed=True, lang=lang).replace("-", "−")


def _before_after(bar: MoverBar, by: str, lang: str) -> str:
    if by == "rank":
        return f"{bar.before:.0f} → {bar.now:.0f}"
    return f"{fmt_score(bar.before, lang=lang)} → {fmt_score(bar.now, lang=lang)}"


def render_movers_png(data: MoversChart) -> bytes:
    """Draw the chart (1200 px wide, as tall as its bars need).  Thread-safe."""
    key, lang = data.key, data.lang
    bars = data.bars
    height = FRAME_INCHES + BAR_INCHES * max(len(bars), 3)
    fig = figure(height)
    inch = 1 / height  # one inch in figure coordinates, vertically
    title = t(lang, f"chart_movers_title_{key.direction or 'both'}",
              base=index_label(key.base), year=index_label(key.year))
    fig.text(0.03, 1 - 0.22 * inch, title, fontsize=16, fontweight="bold", va="top")
    if key.indicator:
        subtitle = t(lang, f"chart_movers_indicator_{key.by}", scope=data.scope_name,
                     indicator=inline_name(lang, key.indicator))
    else:
        subtitle = t(lang, f"chart_movers_{key.by}", scope=data.scope_name)
    fig.text(0.03, 1 - 0.62 * inch, subtitle, fontsize=11, color="#444444", va="top")
    fig.text(0.03, 0.12 * inch, t(lang, "chart_source", source=t(lang, "source"),
                                  credit=t(lang, "credit")), fontsize=9.5, color="#555555")
    ax = fig.add_axes((0.03, 0.75 * inch, 0.94, 1 - 1.85 * inch))
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="y", length=0, labelleft=False)
    ax.tick_params(axis="x", labelsize=10, length=3)
    if not bars:
        ax.set_xticks([])
        ax.text(0.5, 0.5, t(lang, "chart_movers_none"), transform=ax.transAxes, ha="center",
                va="center", fontsize=13, color="#555555")
        return png(fig)
    rise = max(0.0, *(b.change for b in bars))
    fall = min(0.0, *(b.change for b in bars))
    ax.set_ylim(len(bars) - 0.4, -0.6)
    ax.axvline(0, color="#333333", lw=1.2, zorder=3)
    ax.set_xlabel(t(lang, "chart_movers_axis"), fontsize=10.5, labelpad=3)
    ax.grid(axis="x", color="#e6e6e6", lw=0.8, zorder=0)
    labels = []  # (text, anchored at x, pointing right)
    for index, bar in enumerate(bars):
        rose = bar.change > 0
        colour = RISE if rose else FALL
        ax.barh(index, bar.change, height=0.7, color=colour, zorder=2)
        # The country on the other side of zero, the figures beyond the bar's end.
        labels.append((ax.text(0, index, f" {bar.name} ", ha="right" if rose else "left",
                               va="center", fontsize=10.5, color="#222222", zorder=4),
                       0.0, not rose))
        labels.append((ax.text(bar.change, index,
                               f" {_value(bar, key.by, lang)}  "
                               f"({_before_after(bar, key.by, lang)}) ",
                               ha="left" if rose else "right", va="center", fontsize=10,
                               fontweight="bold", color=colour, zorder=4),
                       bar.change, rose))
    _fit(ax, fig.canvas, labels, fall, rise)
    ticks = [tick for tick in ax.get_xticks() if fall * 1.02 <= tick <= rise * 1.02]
    ax.set_xticks(ticks, [_tick(tick, key.by, lang) for tick in ticks])
    return png(fig)


def _fit(ax: Any, canvas: Any, labels: list[tuple[Any, float, bool]], fall: float,
         rise: float) -> None:
    """Widen the x range until every label fits inside the axes: labels have a size in
    pixels, the bars one in data units, so the range is found by measuring (it settles in
    two or three rounds)."""
    renderer = canvas.get_renderer()
    box = ax.get_window_extent(renderer)
    left, right = fall, rise
    span = (right - left) or 1.0
    left, right = left - 0.05 * span, right + 0.05 * span
    for _ in range(4):
        per_pixel = (right - left) / box.width
        need_left, need_right = left, right
        for text, x, pointing_right in labels:
            width = text.get_window_extent(renderer).width * per_pixel
            if pointing_right:
                need_right = max(need_right, x + width)
            else:
                need_left = min(need_left, x - width)
        if need_left >= left and need_right <= right:
            break
        left, right = need_left, need_right
    ax.set_xlim(left, right)


def _tick(value: float, by: str, lang: str) -> str:
    if value == 0:
        return "0"
    text = f"{abs(value):.0f}" if by == "rank" or value == int(value) else f"{abs(value):g}"
    return ("+" if value > 0 else "−") + text.replace(".", number_symbols(lang)[0])
