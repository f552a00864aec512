"""Chart pictures drawn once: an LRU of PNG bytes per data version.

The pipeline makes the cache (:meth:`bot.pipeline.Pipeline.cache`), so it is emptied with
every other cache of data when an import changes the data.
"""

from __future__ import annotations

from bot.cache import LRU
from bot.charts.data import ChartData, MoversChart, Picture, PictureKey

#: Pictures kept (each 60–120 KB).
CACHE_SIZE = 128


def png_for(data: Picture, cache: LRU[PictureKey, bytes]) -> bytes:
    """The chart's PNG from ``cache``, or drawn (slow: call from a worker thread) and kept.
    The drawing modules load with the first picture: a process that only answers in text
    (pressbot ask) never needs them."""
    png = cache.get(data.key)
    if png is None:
        if isinstance(data, ChartData):
            from bot.charts.draw import render_png

            png = render_png(data)
        elif isinstance(data, MoversChart):
            from bot.charts.draw_movers import render_movers_png

            png = render_movers_png(data)
        else:
            png = _vdem_png(data)
        cache.put(data.key, png)
    return png


def _vdem_png(data: Picture) -> bytes:
    """A V-Dem picture (its modules load when V-Dem is first drawn, not at start-up)."""
    from bot.charts.draw_scatter import render_scatter_png
    from bot.charts.draw_vdem import render_vdem_png
    from bot.charts.vdem_data import ScatterChart, VdemHistoryChart

    if isinstance(data, ScatterChart):
        return render_scatter_png(data)
    assert isinstance(data, VdemHistoryChart)
    return render_vdem_png(data)
