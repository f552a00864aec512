"""Where the bot keeps what it can rebuild: the understander's index and the compiled
message catalogs.

``PRESSBOT_CACHE``, else ``$XDG_CACHE_HOME/pressbot``, else ``~/.cache/pressbot``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path


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
        kept = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(kept, dict) and all(isinstance(v, str) for v in kept.values()):
            return kept
    except (OSError, ValueError):
        pass  # not written yet, or unreadable: build it
    table = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        partial.write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")
        partial.replace(path)
    except OSError:
        pass  # a read-only cache: build it again next time
    return table
