"""Objects made to last: a snapshot of the data, an index read from disk, the modules a
command loads.

They are hundreds of thousands of containers, none of them garbage, that the cyclic garbage
collector would otherwise walk again and again while they are made and on every full
collection after.  They are made with the collector held off, then frozen (moved out of
its reach; still freed as usual once nothing refers to them).

Freezing takes every object the collector tracks, garbage in reference cycles not yet
collected among them, and a frozen cycle is never collected.  A process that runs on (the
bot, which takes in a new data version at every import) collects first, so that nothing
is pinned; a command that answers and ends (``pressbot ask``) says so with
:func:`short_lived` and skips that collection, the longest part of its start otherwise.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_collect_first = True


def short_lived() -> None:
    """This process answers and ends: what it freezes need not be collected first."""
    global _collect_first
    _collect_first = False


def freeze() -> None:
    """Move what is alive out of the collector's reach (after collecting what is garbage,
    unless the process is :func:`short_lived`)."""
    if _collect_first:
        gc.collect()
    gc.freeze()


@contextmanager
def made_to_last() -> Iterator[None]:
    """Hold the collector off inside; freeze what is alive at the end (not after an
    error: what it left is garbage, and the collector's to free)."""
    held = gc.isenabled()
    gc.disable()
    try:
        yield
        freeze()
    finally:
        if held:
            gc.enable()
