"""Chart pictures drawn once: an LRU of PNG bytes per data version.

The pipeline makes the cache (:meth:`bot.pipeline.Pipeline.cache`), so it is emptied with
every other cache of data when an import changes the data.
"""

from __future__ import annotations

from bot.cache import LRU
from bot.charts.data import ChartData, Picture, PictureKey
from bot.charts.draw import render_png
from bot.charts.draw_movers import render_movers_png

#: Pictures kept (each 60–120 KB).
CACHE_SIZE = 128


def png_for(data: Picture, cache: LRU[PictureKey, bytes]) -> bytes:
    """The chart's PNG from ``cache``, or drawn (slow: call from a worker thread) and kept."""
    png = cache.get(data.key)
    if png is None:
        png = render_png(data) if isinstance(data, ChartData) else render_movers_png(data)
        cache.put(data.key, png)
    return png
