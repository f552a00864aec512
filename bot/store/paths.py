"""Where the database and the shipped data live: the one rule for every command."""

from __future__ import annotations

import os
from pathlib import Path


def project_dir() -> Path:
    """The checkout the package runs from (holds ``data/``)."""
    return Path(__file__).resolve().parent.parent.parent


def data_dir() -> Path:
    """Where the shipped RSF files live: ``PRESSBOT_DATA`` or the project's ``data/``."""
    return Path(os.environ.get("PRESSBOT_DATA") or project_dir() / "data")


def default_db_path() -> Path:
    """``PRESSBOT_DB``, else ``$XDG_DATA_HOME/pressbot/pressbot.db``."""
    if env := os.environ.get("PRESSBOT_DB"):
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "pressbot" / "pressbot.db"
