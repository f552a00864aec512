"""The store: the database file, the current snapshot, and every read and write of it.

The bot never keeps a read transaction open: it loads a :class:`~bot.store.snapshot.Snapshot`
in one read transaction and reloads it only when the index data changed (SQLite's
``PRAGMA data_version`` says some commit happened, ``bot_state.data_version`` says it was
one to the data).  Every answer is therefore computed from one consistent version of the
data, old or new, never a mix, and an import is served without a restart.

Two connections: one reads (snapshots, search, status), one writes (imports, the bot's
own state), each used by one thread at a time.  Their methods block on SQLite: the
Telegram layer calls them from worker threads, never on the event loop.

The file itself can change under a long-running process: an operator deletes it, or
moves another copy into its place.  Every use first compares the file at the path with the
one the connections hold (device and inode): a different file is reopened; a deleted one is
still read (the data in memory, and the open file, stay consistent) but never written, and
a write is acknowledged only if the file it went to is still the one at the path.  Faults
of the file (read-only, full, damaged) leave as a
:class:`~bot.store.faults.DatabaseFault`: one sentence for the operator.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from bot.lasting import made_to_last
from bot.store import chats
from bot.store import status as status_queries
from bot.store import subscriptions as subs
from bot.store.connection import WRITE_DEADLINE, connect, read_transaction, write_transaction
from bot.store.faults import DatabaseFault, DatabaseGone, is_folder, translated
from bot.store.schema import data_version, ensure_schema
from bot.store.search import TextHit, search_profiles
from bot.store.snapshot import Snapshot, load_snapshot
from bot.store.vdem import SnapshotStale, Vdem

T = TypeVar("T")
log = logging.getLogger(__name__)

FileId = tuple[int, int]  # (device, inode)

#: Seconds a read trusts the last look at which file is at the path.  Looking (a stat())
#: costs more than answering a cached question, and a file replaced or deleted is noticed
#: by the first read this long after the last look; every write looks first, always.
FOLLOW_INTERVAL = 0.05


def file_id(path: Path) -> FileId | None:
    """Which file is at ``path`` now (None: no file there)."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    return info.st_dev, info.st_ino


class Store:
    """A database file and the latest snapshot of its data.  Safe to share between threads."""

    def __init__(self, path: Path | str, write_deadline: float = WRITE_DEADLINE) -> None:
        self.path = Path(path)
        #: How long a write waits for another process's write lock before giving up.
        self.write_deadline = write_deadline
        if (folder := is_folder(self.path)) is not None:
            raise folder
        self._read_lock = threading.RLock()
        self._write_lock = threading.Lock()
        self._writer: sqlite3.Connection | None = None
        self._reader = self._open()
        self._gone_reported = False
        self._unusable: FileId | None = None  # a file at the path that failed to open
        self._looked = float("-inf")  # time.monotonic() of the last look at the path

    def _open(self) -> sqlite3.Connection:
        """Connect to the file at the path and bring its schema up to date."""
        with translated(self.path):
            reader = connect(self.path)
            try:
                ensure_schema(reader, self.write_deadline)
                reader.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except BaseException:
                reader.close()
                raise
        self._file = file_id(self.path)
        # The journals beside it, as this process holds them (the first read made them).
        self._journals = {name: file_id(Path(f"{self.path}{name}")) for name in ("-wal", "-shm")}
        self._seen: int | None = None  # PRAGMA data_version at the last check
        self._snapshot: Snapshot | None = None
        self._schema: int | None = None  # PRAGMA schema_version the snapshot was read under
        return reader

    # -- the file at the path ----------------------------------------------------------------

    def _follow_file(self, *, always: bool = False) -> None:
        """Reopen if another file is at the path now; note it if there is none.  Reads look
        at most every :data:`FOLLOW_INTERVAL` seconds; ``always``: look now (writes)."""
        moment = time.monotonic()
        if not always and moment - self._looked < FOLLOW_INTERVAL:
            return
        self._look()
        self._looked = moment  # not after a failure: the next read tries again

    def _look(self) -> None:
        now = file_id(self.path)
        if now == self._file:
            return
        if now is None:
            if not self._gone_reported:
                log.error("the database file %s was deleted: answering from the data in "
                          "memory, storing nothing, until a database is back at that path",
                          self.path)
                self._gone_reported = True
            return
        with self._write_lock, self._read_lock:
            if file_id(self.path) == self._file:
                return  # another thread reopened it meanwhile
            log.warning("the database file %s was replaced: reopening it", self.path)
            self._reader.close()  # SQLite leaves the journals of a moved file alone
            if self._writer is not None:
                self._writer.close()
                self._writer = None
            # The -wal and -shm at the path are still the replaced file's: the new one
            # would read the old one's pages from them.  Only the very files this process
            # opened are removed, never another's.
            for name, held in self._journals.items():
                journal = Path(f"{self.path}{name}")
                if held is not None and file_id(journal) == held:
                    journal.unlink(missing_ok=True)
            self._reader = self._open()
            self._gone_reported = False

    def _still_ours(self) -> None:
        """Refuse to write to (or to report a write to) a file no longer at the path."""
        if file_id(self.path) != self._file:
            raise DatabaseGone(
                f"the database file {self.path} was deleted or replaced while open: nothing "
                "was stored; the bot uses the file at that path as soon as there is one"
            )

    # -- reading ---------------------------------------------------------------------------

    def snapshot(self) -> Snapshot:
        """The latest committed data: reloaded only when the data changed.  While the file
        at the path cannot be opened (damaged, unreadable), the data in memory is kept."""
        try:
            self._follow_file()
        except DatabaseFault as fault:
            if self._snapshot is None:
                raise
            if self._unusable != file_id(self.path):
                log.error("answering from the data in memory: %s", fault)
                self._unusable = file_id(self.path)
            return self._snapshot
        with self._read_lock, translated(self.path):
            seen = self._reader.execute("PRAGMA data_version").fetchone()[0]
            if self._snapshot is not None and seen == self._seen:
                return self._snapshot
            with read_transaction(self._reader):
                version = data_version(self._reader)
                # A changed schema (an operator at work with the sqlite3 tool) is re-read
                # too: what is held may no longer be what the file holds.
                schema = self._reader.execute("PRAGMA schema_version").fetchone()[0]
                if (self._snapshot is None or version != self._snapshot.generation
                        or schema != self._schema):
                    with made_to_last():
                        self._snapshot = load_snapshot(self._reader, version,
                                                       Vdem(self._reader_of(version)))
                    self._schema = schema
            self._seen = seen
            return self._snapshot

    def _reader_of(self, version: int) -> Callable[[Callable[[sqlite3.Connection], T]], T]:
        """Reads of data version ``version`` only: a snapshot's later, lazy reads (V-Dem)
        raise :class:`SnapshotStale` once the data has changed under it."""

        def read(query: Callable[[sqlite3.Connection], T]) -> T:
            with self._read_lock, read_transaction(self._reader):
                if data_version(self._reader) != version:
                    raise SnapshotStale(f"data version {version} was replaced")
                return query(self._reader)

        return read

    def invalidate(self) -> None:
        """Forget the snapshot: the next one is read from the file (``/reload``)."""
        with self._read_lock:
            self._snapshot = None
            self._looked = float("-inf")  # and look at which file is at the path

    def read(self, query: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``query`` on the reading connection inside one read transaction."""
        self._follow_file()
        with self._read_lock, translated(self.path), read_transaction(self._reader):
            return query(self._reader)

    def search(self, alternatives: Sequence[Sequence[str]], limit: int = 20) -> list[TextHit]:
        """Profile sections holding every word of one of the groups (SQLite FTS5)."""
        self._follow_file()
        with self._read_lock, translated(self.path):
            return search_profiles(self._reader, alternatives, limit)

    def status(self) -> status_queries.Status:
        return self.read(status_queries.read_status)

    # -- writing ---------------------------------------------------------------------------

    def _connected_writer(self) -> sqlite3.Connection:
        if self._writer is None:
            self._writer = connect(self.path)
        return self._writer

    @contextmanager
    def write(self, deadline: float | None = None,
              dry_run: bool = False) -> Iterator[sqlite3.Connection]:
        """One write transaction: everything inside is committed together, or nothing.
        ``deadline``: seconds to wait for another process's write lock (default: the
        store's); ``dry_run``: do it all, then roll it back (nothing is written)."""
        self._follow_file(always=True)
        with self._write_lock, translated(self.path):
            self._still_ours()
            with write_transaction(self._connected_writer(),
                                   self.write_deadline if deadline is None else deadline,
                                   commit=not dry_run) as conn:
                yield conn
            self._still_ours()

    def _with_writer(self, action: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``action`` (which opens its own transactions) on the writing connection; its
        result is returned only if what it wrote is in the file at the path."""
        self._follow_file(always=True)
        with self._write_lock, translated(self.path):
            self._still_ours()
            result = action(self._connected_writer())
            self._still_ours()
            return result

    # -- the bot's own state: subscriptions and the alert outbox ---------------------------

    def subscribe(self, chat_id: int, codes: list[str], lang: str,
                  deadline: float | None = None) -> list[str]:
        wait = self.write_deadline if deadline is None else deadline
        return self._with_writer(lambda c: subs.subscribe(c, chat_id, codes, lang, wait))

    def unsubscribe(self, chat_id: int, codes: list[str] | None,
                    deadline: float | None = None) -> int:
        wait = self.write_deadline if deadline is None else deadline
        return self._with_writer(lambda c: subs.unsubscribe(c, chat_id, codes, wait))

    def subscriptions(self, chat_id: int) -> list[str]:
        return self.read(lambda c: subs.subscriptions(c, chat_id))

    def plan_alerts(self, deadline: float | None = None) -> int:
        wait = self.write_deadline if deadline is None else deadline
        return self._with_writer(lambda c: subs.plan_alerts(c, wait))

    def pending_alerts(self, limit: int = 100) -> list[subs.PendingAlert]:
        return self.read(lambda c: subs.pending_alerts(c, limit))

    def claim_alert(self, alert: subs.PendingAlert, deadline: float | None = None) -> bool:
        wait = self.write_deadline if deadline is None else deadline
        return self._with_writer(lambda c: subs.claim(c, alert, wait))

    def mark_alert(self, alert: subs.PendingAlert, status: str,
                   deadline: float | None = None) -> None:
        wait = self.write_deadline if deadline is None else deadline
        self._with_writer(lambda c: subs.mark(c, alert, status, wait))

    # -- the bot's own state: chats' settings ----------------------------------------------

    def chat_lang(self, chat_id: int) -> str | None:
        return self.read(lambda c: chats.chat_lang(c, chat_id))

    def set_chat_lang(self, chat_id: int, lang: str | None,
                      deadline: float | None = None) -> None:
        wait = self.write_deadline if deadline is None else deadline
        self._with_writer(lambda c: chats.set_chat_lang(c, chat_id, lang, wait))

    # -- processes -------------------------------------------------------------------------

    def after_fork(self) -> None:
        """In a forked child (``pressbot ask`` over a batch): an SQLite connection must not
        be used across a fork, so the child reads through one of its own.  The inherited
        ones are left untouched for the child's life — closing them could checkpoint the
        parent's write-ahead log — and the snapshot in memory is kept (same data).  SQLite
        keeps one lock record per file and process, which the child inherits without the
        locks themselves: the parent must outlive the child with its connections open, as
        ``pressbot ask``'s batch does (it waits for every worker)."""
        self._inherited = (self._reader, self._writer)
        self._read_lock = threading.RLock()
        self._write_lock = threading.Lock()
        with translated(self.path):
            self._reader = connect(self.path)
        self._writer = None
        self._seen = None  # data_version counts per connection: look again once

    # -- closing ---------------------------------------------------------------------------

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the database file (before it is copied or moved)."""
        with self._read_lock, translated(self.path):
            self._reader.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    #: How long closing waits for a write in progress (which may itself be waiting for
    #: another process's lock) before leaving its connection to the process's exit.
    CLOSE_WAIT = 2.0

    def close(self) -> None:
        """Close both connections (the last one out checkpoints and removes the WAL).  A
        write still waiting for the lock is not waited for: its transaction never began,
        or rolls back when the process ends."""
        if self._write_lock.acquire(timeout=self.CLOSE_WAIT):
            try:
                if self._writer is not None:
                    self._writer.close()
                    self._writer = None
            finally:
                self._write_lock.release()
        with self._read_lock:
            self._reader.close()


__all__ = ["DatabaseFault", "DatabaseGone", "Store", "file_id"]
