"""Operator commands: ``pressbot data import|undo|remove|status``, ``pressbot health``."""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from pathlib import Path

from bot.changes import Actor
from bot.errors import OperatorError
from bot.importer import ImportFailed, import_files, open_store, removal
from bot.importer.undo import NothingToUndo, undo_last
from bot.render.changes import change_lines, undo_lines
from bot.render.fixed import status_lines
from bot.settings import heartbeat_path
from bot.store import Store, default_db_path
from bot.store.status import index_years


def import_command(files: Sequence[Path], country: str | None = None,
                   force: bool = False, dry_run: bool = False) -> int:
    """Import files all-or-nothing and print what changed; with ``dry_run`` check them
    exactly as an import does and print what would change, writing nothing.  A refused
    file: the refusal on stderr and exit 1."""
    store = open_store()
    try:
        change = import_files(store, files, Actor.shell(),
                              country=country.upper() if country else None, force=force,
                              dry_run=dry_run)
    except ImportFailed as exc:
        print(f"refused: {exc}", file=sys.stderr)
        print("nothing was changed in the database", file=sys.stderr)
        return 1
    finally:
        store.close()
    print("\n".join(change_lines(change, "en", undo_with="pressbot data undo")))
    return 0


def undo_command(dry_run: bool = False) -> int:
    """``data undo``: put the data back as it was before the last import or removal, and
    print what came back; with ``dry_run`` only say what would.  Nothing to undo: exit 1."""
    store = open_store()
    try:
        report = undo_last(store, Actor.shell(), dry_run=dry_run)
    except NothingToUndo as exc:
        print(f"nothing undone: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    print("\n".join(undo_lines(report, "en")))
    return 0


def remove_command(target: tuple[str, ...], dry_run: bool = False) -> int:
    """``data remove``: ("years", Y…), ("profile", CODE, Y) or ("aliases",), all or
    nothing; print what went (``dry_run``: what would), or why nothing did and exit 1."""
    store = open_store()
    actor = Actor.shell()
    try:
        if target[0] == "years":
            report = removal.remove_years(store, [int(y) for y in target[1:]], actor, dry_run)
        elif target[0] == "profile":
            report = removal.remove_profile(store, target[1], int(target[2]), actor, dry_run)
        else:
            report = removal.remove_curated_aliases(store, actor, dry_run)
    except removal.NothingToRemove as exc:
        print(f"nothing removed: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    if dry_run:
        print(f"would remove {report.what}: {report.summary}\nnothing was changed (dry run)")
    else:
        print(f"removed {report.what}: {report.summary}\n"
              "to take it back: pressbot data undo")
    return 0


def status_command() -> int:
    store = open_store()
    try:
        print("\n".join(status_lines(store.status(), store.path)))
    finally:
        store.close()
    return 0


#: A heartbeat older than this means the bot's event loop is stuck or the process is gone.
HEARTBEAT_MAX_AGE = 120.0


def health_command() -> int:
    """Healthy: the running bot touched its heartbeat file recently and the database reads."""
    beat = heartbeat_path()
    try:
        age = time.time() - beat.stat().st_mtime
    except OSError:
        print(f"unhealthy: no heartbeat at {beat}", file=sys.stderr)
        return 1
    if age > HEARTBEAT_MAX_AGE:
        print(f"unhealthy: last heartbeat {age:.0f} s ago", file=sys.stderr)
        return 1
    path = default_db_path()
    if not path.exists():  # Store() would create an empty database there
        print(f"unhealthy: no database at {path}", file=sys.stderr)
        return 1
    try:
        store = Store(path)
        try:
            years = store.read(index_years)
        finally:
            store.close()
    except OperatorError as exc:
        print(f"unhealthy: {exc}", file=sys.stderr)
        return 1
    print(f"healthy: heartbeat {age:.0f} s ago, {years} index years")
    return 0
