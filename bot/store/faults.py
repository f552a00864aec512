"""Faults of the database file, as operators must read them: one sentence each, saying
what is wrong with which file and what to do (the command line prints it, never a
traceback).

SQLite reports them by error code (``sqlite3.Error.sqlite_errorname``); the file system by
``OSError``.  Anything else — a missing table after an edit with the sqlite3 tool, a bug —
is not translated and stays an error with its traceback in the log.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.errors import OperatorError


class DatabaseFault(OperatorError):
    """The database file cannot be used as it is; nothing was changed."""


class DatabaseGone(DatabaseFault):
    """The database file was deleted while the process had it open."""


def is_folder(path: Path) -> DatabaseFault | None:
    """A folder where the database file should be (``PRESSBOT_DB=/var/lib/pressbot``)."""
    if path.is_dir():
        return DatabaseFault(
            f"{path} is a folder, not a database file: point PRESSBOT_DB (or --db) at a file "
            f"in it, e.g. {path / 'pressbot.db'}"
        )
    return None


def _read_only(path: Path) -> DatabaseFault:
    folder = path.parent
    if path.exists() and not os.access(path, os.W_OK):
        return DatabaseFault(
            f"the database {path} is read-only: let the user running pressbot write to it "
            "(nothing was changed)"
        )
    return DatabaseFault(
        f"the folder {folder} of the database {path} is read-only: SQLite writes "
        f"{path.name}-wal and {path.name}-shm beside the database, so let the user running "
        "pressbot write to that folder (nothing was changed)"
    )


def explain(error: BaseException, path: Path) -> DatabaseFault | None:
    """The operator's sentence for ``error`` on the database at ``path``, or None when it is
    not a fault of the file."""
    if isinstance(error, DatabaseFault):
        return error
    if isinstance(error, OSError):
        return DatabaseFault(
            f"cannot create the database {path}: {error.strerror or error} "
            f"({error.filename or path.parent}); point PRESSBOT_DB at a place the user "
            "running pressbot may write"
        )
    if not isinstance(error, sqlite3.Error):
        return None
    name = getattr(error, "sqlite_errorname", "") or ""
    if name.startswith("SQLITE_READONLY"):
        return _read_only(path)
    if name.startswith("SQLITE_CANTOPEN"):
        return is_folder(path) or (
            _read_only(path) if path.parent.exists() and not os.access(path.parent, os.W_OK)
            else DatabaseFault(
                f"cannot open the database {path}: check that its folder exists and that "
                "the user running pressbot may read and write there"
            )
        )
    if name.startswith("SQLITE_FULL"):
        return DatabaseFault(
            f"the database {path} cannot grow: the disk is full (or the database reached a "
            "size limit); free some space and try again — nothing was changed"
        )
    if name.startswith("SQLITE_IOERR"):
        return DatabaseFault(
            f"reading or writing the database {path} failed ({error}): the disk may be full, "
            "failing, or limit the file's size; check it and try again — nothing was changed"
        )
    if name.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")):
        return DatabaseFault(
            f"{path} is not a pressbot database or it is damaged ({error}): restore it from a "
            "backup (README, 'Back up the database'), or move it away and pressbot builds a "
            "new one from the shipped data"
        )
    if name.startswith(("SQLITE_PERM", "SQLITE_AUTH")):
        return DatabaseFault(
            f"the database {path} may not be used ({error}): let the user running pressbot "
            "read and write it"
        )
    return None


@contextmanager
def translated(path: Path, creating: bool = False) -> Iterator[None]:
    """Let a fault of the database file leave as a :class:`DatabaseFault` (the original
    error chained to it, for the log); anything else unchanged.  ``creating``: the file
    system's refusals (a folder that cannot be made) are faults too."""
    try:
        yield
    except (sqlite3.Error, OSError) as exc:
        if isinstance(exc, OSError) and not creating:
            raise
        fault = explain(exc, path)
        if fault is None or fault is exc:
            raise
        raise fault from exc
