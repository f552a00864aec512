"""The shipped data: which files ``data/`` holds, and a database built from them.

A new machine has no database: the first command that needs one builds it from the
shipped RSF files, into a temporary file linked into place only when complete.  A database
built before V-Dem support gets the shipped V-Dem file once, the first time the bot opens
it (:func:`add_shipped_vdem`).
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from bot.changes import BUILD, UPGRADE, DataChange
from bot.errors import OperatorError
from bot.importer.errors import ImportFailed
from bot.importer.transaction import change_in, import_paths, parse_file
from bot.store import Store, data_dir, default_db_path, writes
from bot.store.faults import is_folder, translated
from bot.store.status import has_imports, vdem_never_imported

log = logging.getLogger(__name__)


def shipped_files(folder: Path) -> list[Path]:
    """The files of a data folder in the order they must load: RSF's CSVs, V-Dem's (the
    latest version last: each replaces the whole V-Dem table), profiles, aliases.

    A folder with no index CSV is refused: building a database from it would leave the bot
    answering "no data" to everyone (typically a non-editable install without ``data/``)."""
    csvs = sorted((folder / "csv").glob("*.csv"))
    if not csvs:
        raise ImportFailed(
            folder / "csv", 0, 0,
            "no RSF index CSV here: run from the project's checkout (pip install -e .) or "
            "point PRESSBOT_DATA at a folder holding csv/*.csv",
        )
    vdem = _vdem_files(folder)
    profiles = sorted((folder / "profiles").glob("*.txt"))
    aliases = [folder / "aliases.csv"] if (folder / "aliases.csv").exists() else []
    return [*csvs, *vdem, *profiles, *aliases]


def _vdem_files(folder: Path) -> list[Path]:
    """V-Dem's CSVs of a data folder, the latest version last."""
    return sorted((folder / "vdem").glob("*.csv"), key=_version_order)


def _version_order(path: Path) -> tuple[tuple[int, ...], str]:
    """``vdem_media_v9`` before ``vdem_media_v14``: numbers compared as numbers."""
    return tuple(int(n) for n in re.findall(r"\d+", path.stem)), path.name


def add_shipped_vdem(store: Store, folder: Path | None = None) -> DataChange | None:
    """Bring the shipped V-Dem file (``folder``, default data/) into a database built before
    V-Dem support, as the first build of a new one would; call it when
    :func:`~bot.store.status.vdem_never_imported` says so.

    It is an import like any other, by ``pressbot (upgrade)``: one transaction, recorded as
    a change that ``pressbot data undo`` takes back.  It happens once: a database whose
    imports list a V-Dem file (even one undone since, or whose rows were deleted by hand)
    is left as its operator made it.  It waits at most SQLite's busy timeout (a quarter of
    a second): on a database another process is writing to, or a read-only one, nothing is
    read or written and None is returned (the next start tries again); so too when
    ``folder`` holds no V-Dem file, or one that cannot be read: a start never fails on it.
    """
    files = _vdem_files(folder or data_dir())
    if not files:
        return None
    now = datetime.now(UTC)
    try:
        with store.write(deadline=0) as conn:
            # Again under the lock: another process may have just done it.
            if not vdem_never_imported(conn):
                return None
            writes.clear_vdem(conn)  # a read-only file stops here, before any parsing
            change = change_in(conn, [parse_file(path, now.year) for path in files],
                               UPGRADE, now=now)
    # Busy, read-only, a shipped file refused, unreadable or not text.
    except (OperatorError, OSError, ValueError) as fault:
        log.info("the shipped V-Dem data was not brought in this time: %s", fault)
        return None
    log.info("brought the shipped V-Dem data into %s as change #%s (pressbot data undo "
             "takes it back)", store.path, change.change_id)
    return change


def open_store(path: Path | str | None = None) -> Store:
    """Open the store, building it from the shipped ``data/`` first if it does not exist
    (or exists but never had anything imported).

    The first build goes to a temporary file that is linked into place only if nothing is
    there yet, so two processes starting at once never see a half-built database, and a
    process that already opened the database never has it swapped under its feet.
    """
    target = Path(path) if path is not None else default_db_path()
    if (folder := is_folder(target)) is not None:
        raise folder
    if not target.exists():
        build_database(target)
    store = Store(target)
    if not store.read(has_imports):
        # An empty file (e.g. created by a bare connect()) would otherwise serve no data
        # forever: give it the shipped data, in one transaction like any import.
        try:
            import_paths(store, shipped_files(data_dir()), actor=BUILD)
        except BaseException:
            store.close()
            raise
    return store


def build_database(target: Path, source: Path | None = None) -> None:
    """Build a fresh database at ``target`` from every file in ``source`` (default data/).

    An existing ``target`` is left untouched (see :func:`_place`); to rebuild, build to a new
    path and move it over the old one while no process has it open.
    """
    with translated(target, creating=True):
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".pressbot-", suffix=".db", dir=target.parent)
    os.close(fd)
    try:
        store = Store(tmp)
        try:
            import_paths(store, shipped_files(source or data_dir()), actor=BUILD)
            store.checkpoint()
        finally:
            store.close()
        _place(Path(tmp), target)
    finally:
        for leftover in (tmp, tmp + "-wal", tmp + "-shm"):
            if os.path.exists(leftover):
                os.unlink(leftover)


def _place(built: Path, target: Path) -> None:
    """Put a finished database at ``target`` unless another process already put one there.

    ``os.replace`` would overwrite a database another process may already have opened (and
    whose WAL files share the target's name); a hard link fails instead when the target
    exists.  Where hard links are not supported, fall back to check-then-rename.
    """
    if not target.exists():
        # The -wal and -shm of a database deleted while in use (a running bot may still
        # hold them open): a new database beside them would read the old one's pages.
        for journal in (f"{target}-wal", f"{target}-shm"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(journal)
    try:
        os.link(built, target)
    except FileExistsError:
        pass  # another process won the race: keep its database
    except OSError:
        if not target.exists():
            os.replace(built, target)
