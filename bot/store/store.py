"""The store: the database file, the current snapshot, and every read and write of it.

The bot never keeps a read transaction open: it loads a :class:`~bot.store.snapshot.Snapshot`
in one read transaction and reloads it only when the index data changed (SQLite's
``PRAGMA data_version`` says some commit happened, ``bot_state.data_version`` says it was
one to the data).  Every answer is therefore computed from one consistent version of the
data, old or new, never a mix, and an import is served without a restart.

Two connections: one reads (snapshots, search, status), one writes (imports, the bot's
own state), each used by one thread at a time.  Their methods block on SQLite: the
Telegram layer calls them from worker threads, never on the event loop.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from bot.store import status as status_queries
from bot.store import subscriptions as subs
from bot.store.connection import connect, read_transaction, write_transaction
from bot.store.schema import data_version, ensure_schema
from bot.store.search import TextHit, search_profiles
from bot.store.snapshot import Snapshot, load_snapshot
from bot.store.vdem import SnapshotStale, Vdem

T = TypeVar("T")


class Store:
    """A database file and the latest snapshot of its data.  Safe to share between threads."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._reader = connect(self.path)
        ensure_schema(self._reader)
        self._read_lock = threading.RLock()
        self._writer: sqlite3.Connection | None = None
        self._write_lock = threading.Lock()
        self._seen: int | None = None  # PRAGMA data_version at the last check
        self._snapshot: Snapshot | None = None
        self._schema: int | None = None  # PRAGMA schema_version the snapshot was read under

    # -- reading ---------------------------------------------------------------------------

    def snapshot(self) -> Snapshot:
        """The latest committed data: reloaded only when the data changed."""
        with self._read_lock:
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

    def read(self, query: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``query`` on the reading connection inside one read transaction."""
        with self._read_lock, read_transaction(self._reader):
            return query(self._reader)

    def search(self, alternatives: Sequence[Sequence[str]], limit: int = 20) -> list[TextHit]:
        """Profile sections holding every word of one of the groups (SQLite FTS5)."""
        with self._read_lock:
            return search_profiles(self._reader, alternatives, limit)

    def status(self) -> status_queries.Status:
        return self.read(status_queries.read_status)

    # -- writing ---------------------------------------------------------------------------

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: everything inside is committed together, or nothing."""
        with self._write_lock:
            if self._writer is None:
                self._writer = connect(self.path)
            with write_transaction(self._writer) as conn:
                yield conn

    def _with_writer(self, action: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``action`` (which opens its own transactions) on the writing connection."""
        with self._write_lock:
            if self._writer is None:
                self._writer = connect(self.path)
            return action(self._writer)

    # -- the bot's own state: subscriptions and the alert outbox ---------------------------

    def subscribe(self, chat_id: int, codes: list[str], lang: str) -> list[str]:
        return self._with_writer(lambda c: subs.subscribe(c, chat_id, codes, lang))

    def unsubscribe(self, chat_id: int, codes: list[str] | None) -> int:
        return self._with_writer(lambda c: subs.unsubscribe(c, chat_id, codes))

    def subscriptions(self, chat_id: int) -> list[str]:
        return self.read(lambda c: subs.subscriptions(c, chat_id))

    def plan_alerts(self, latest_year: int | None) -> int:
        return self._with_writer(lambda c: subs.plan_alerts(c, latest_year))

    def pending_alerts(self, limit: int = 100) -> list[subs.PendingAlert]:
        return self.read(lambda c: subs.pending_alerts(c, limit))

    def mark_alert(self, alert: subs.PendingAlert, status: str) -> None:
        self._with_writer(lambda c: subs.mark(c, alert, status))

    # -- closing ---------------------------------------------------------------------------

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the database file (before it is copied or moved)."""
        with self._read_lock:
            self._reader.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def close(self) -> None:
        """Close both connections (the last one out checkpoints and removes the WAL)."""
        with self._write_lock:
            if self._writer is not None:
                self._writer.close()
                self._writer = None
        with self._read_lock:
            self._reader.close()
