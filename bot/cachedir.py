"""Where the bot keeps what it can rebuild: the understander's index and the compiled
message catalogs.

``PRESSBOT_CACHE``, else ``$XDG_CACHE_HOME/pressbot``, else ``~/.cache/pressbot``.
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    if folder := os.environ.get("PRESSBOT_CACHE"):
        return Path(folder)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "pressbot"
