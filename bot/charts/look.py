"""What every chart shares: the picture's size, the colour-blind-safe palette, RSF's band
colours, the blank figure and its PNG, and the small styling helpers (matplotlib is never
imported with this module: only inside :func:`figure`, when a chart is drawn)."""

from __future__ import annotations

import io
from typing import Any, Final

from bot.i18n import number_symbols

WIDTH, HEIGHT, DPI = 1200, 900, 150
LEFT: Final = 0.165  # room for "Безопасность"

#: Okabe & Ito's colour-blind-safe palette (yellow left out: unreadable on light bands).
PALETTE: Final = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")
MARKERS: Final = ("o", "s", "^", "D", "v")
MEDIAN_COLOUR: Final = "#9A9A9A"  # the median's bars beside one country's
#: The world median's line: dark and dashed, unlike any country's.
MEDIAN_LINE: Final = "#4D4D4D"
MEDIAN_DASHES: Final = (0, (3, 1.6))
#: Light tints of RSF's map colours, best band first (the order of domain.SITUATIONS).
BAND_COLOURS: Final = ("#d5ecd4", "#f4f0c6", "#fde2c2", "#f9cbc0", "#e8c1c9")


def figure(height: float = HEIGHT / DPI) -> Any:
    """A blank white figure, 1200 px wide and ``height`` inches high, on its own Agg canvas
    (``fig.canvas``): the object-oriented API, no pyplot, so charts draw in worker threads.
    Imports matplotlib on first use."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(WIDTH / DPI, height), dpi=DPI, facecolor="white")
    FigureCanvasAgg(fig)
    return fig


def png(fig: Any) -> bytes:
    """The figure as PNG bytes, the same for the same chart (no software stamp)."""
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=DPI, facecolor="white",
                metadata={"Software": None}, pil_kwargs={"compress_level": 4})
    return out.getvalue()


def wrap(words: list[str], width: int, sep: str = ", ") -> list[str]:
    """At most two lines, broken between names (never inside "United States")."""
    lines = [words[0]]
    for word in words[1:]:
        if len(lines[-1]) + len(sep) + len(word) <= width or len(lines) == 2:
            lines[-1] += sep + word
        else:
            lines[-1] += sep.rstrip()
            lines.append(word)
    return lines


def style(ax: Any) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(labelsize=11.5, length=3)


def end_labels(ax: Any, last: float, ends: list[tuple[float, str, str]], gap: float,
               low: float, high: float) -> None:
    """Labels beside lines' last points at ``last`` on the x axis, pushed apart where lines
    end close together (``gap``: the least distance between two labels' centres, in data
    units; ``low``..``high`` the band they must stay inside).  A thin stroke joins a moved
    label to its point (only then: beside a point, a stroke would read as a minus sign); a
    light box behind each keeps it legible over the grid."""
    placed: list[float] = []
    ordered = sorted(ends)
    for value, _, _ in ordered:
        placed.append(max(value, placed[-1] + gap) if placed else value)
    overflow = placed[-1] - high if placed else 0
    if overflow > 0:  # keep the top label inside the panel: shift the stack down
        placed = [max(p - overflow, low + i * gap) for i, p in enumerate(placed)]
    span = ax.get_xlim()[1] - ax.get_xlim()[0]
    for (value, text, colour), at in zip(ordered, placed, strict=True):
        if abs(at - value) > gap * 0.1:
            ax.plot([last + 0.004 * span, last + 0.018 * span], [value, at], color=colour,
                    lw=0.9, zorder=2, clip_on=False)
        ax.text(last + 0.02 * span, at, text, va="center", ha="left", fontsize=9.5,
                fontweight="bold", color=colour, zorder=6, clip_on=False,
                bbox={"boxstyle": "square,pad=0.08", "facecolor": "white", "alpha": 0.85,
                      "edgecolor": "none"})


def decimal_ticks(ax: Any, lang: str) -> None:
    """An axis's figures ("−0.5") in the picture language's decimal symbol ("−0,5").
    Called while drawing, so matplotlib's ticker is imported then, never with this module."""
    point = number_symbols(lang)[0]
    if point == ".":
        return
    from matplotlib.ticker import ScalarFormatter

    class Localised(ScalarFormatter):
        def __call__(self, x: float, pos: int | None = None) -> str:
            return str(super().__call__(x, pos)).replace(".", point)

    for axis in (ax.xaxis, ax.yaxis):
        if type(axis.get_major_formatter()) is ScalarFormatter:
            axis.set_major_formatter(Localised())
