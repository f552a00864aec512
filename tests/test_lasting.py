"""What lasts is frozen out of the garbage collector's reach; nothing else is.

A process that runs on takes in a new data version at every import: freezing the new
snapshot and index must not pin the garbage that happened to be waiting for collection.
"""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from telegram_harness import modified_csv

from bot.importer import import_paths
from bot.pipeline import Pipeline
from bot.store import Store

CSV_2026 = Path(__file__).resolve().parent.parent / "data" / "csv" / "2026.csv"


class _Cycle:
    """An object in a reference cycle: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.me = self


def test_a_new_data_version_pins_no_garbage(bot_db: Path, tmp_path: Path) -> None:
    pipeline = Pipeline.open(bot_db)
    first = pipeline.refresh()
    enabled = gc.isenabled()
    gc.disable()  # the cycle below waits for a collection, as garbage does between two
    try:
        garbage = _Cycle()
        alive = weakref.ref(garbage)
        del garbage
        modified_csv(CSV_2026, tmp_path / "2026.csv", delta=-1.0)
        writer = Store(bot_db)
        try:
            import_paths(writer, [tmp_path / "2026.csv"])
        finally:
            writer.close()
        assert pipeline.refresh() != first  # a new snapshot and index, frozen
    finally:
        if enabled:
            gc.enable()
    gc.collect()
    assert alive() is None, "the freeze of a new data version pinned garbage"
    pipeline.close()
