"""Where the bot keeps what it can rebuild: the understander's index and the compiled
message catalogs.

``PRESSBOT_CACHE``, else ``$XDG_CACHE_HOME/pressbot``, else ``~/.cache/pressbot``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import msgspec


def cache_dir() -> Path:
    if folder := os.environ.get("PRESSBOT_CACHE"):
        return Path(folder)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "pressbot"


def kept_json(name: str, build: Callable[[], dict[str, str]]) -> dict[str, str]:
    """A table of strings kept in the cache as ``name``.json: read if it is there, else
    built and written for the next process (a read-only or damaged cache: built again)."""
    path = cache_dir() / f"{name}.json"
    try:
        # Decoded and checked in one pass in C (the json module is not loaded to start).
        return msgspec.json.decode(path.read_bytes(), type=dict[str, str])
    except (OSError, ValueError):  # msgspec's errors are ValueErrors
        pass  # not written yet, or unreadable: build it
    table = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        partial.write_bytes(msgspec.json.encode(table))
        partial.replace(path)
    except OSError:
        pass  # a read-only cache: build it again next time
    return table
