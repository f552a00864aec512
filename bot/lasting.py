"""Objects made to last: a snapshot of the data, an index read from disk, the modules a
command loads.

They are hundreds of thousands of containers, none of them garbage, that the cyclic garbage
collector would otherwise walk again and again while they are made and on every full
collection after.  They are made with the collector held off, then frozen (moved out of
its reach; still freed as usual once nothing refers to them).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def made_to_last() -> Iterator[None]:
    """Hold the collector off inside; freeze what is alive at the end (not after an
    error: what it left is garbage, and the collector's to free)."""
    held = gc.isenabled()
    gc.disable()
    try:
        yield
        gc.freeze()
    finally:
        if held:
            gc.enable()
