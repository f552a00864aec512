"""Opening the database, and the one way to write to it.

Every connection runs in WAL mode, so readers never wait for a writer nor a writer for
readers.  Writers queue for SQLite's single write lock: :func:`write_transaction` takes it
with ``BEGIN IMMEDIATE``, waits for it with a short busy timeout retried with back-off
(another process may hold it for a whole import), and commits or rolls back as one.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.errors import OperatorError

#: How long one attempt at the write lock waits inside SQLite before we back off.
BUSY_TIMEOUT_MS = 250
#: How long a write waits for the lock in all before giving up.
WRITE_DEADLINE = 120.0


class StoreBusy(OperatorError):
    """Another process kept the write lock for longer than the write could wait."""


def connect(path: Path | str) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), WAL, usable from the
    worker threads the bot runs database work on (one at a time: callers hold a lock)."""
    conn = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    # The rows a REPLACE deletes fire delete triggers too: the data version and the history
    # of changes (bot.store.history) see every row that goes.
    conn.execute("PRAGMA recursive_triggers = ON")
    return conn


def _locked(error: sqlite3.OperationalError) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text


def begin_immediate(conn: sqlite3.Connection, deadline: float = WRITE_DEADLINE) -> None:
    """Take the write lock, retrying with jittered exponential back-off until ``deadline``
    seconds have passed; then :class:`StoreBusy`."""
    give_up = time.monotonic() + deadline
    pause = 0.01
    while True:
        try:
            conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if not _locked(exc):
                raise
            if time.monotonic() >= give_up:
                raise StoreBusy(
                    f"the database stayed locked by another process for {deadline:.0f} s"
                ) from exc
            import random  # only a process kept waiting needs it

            time.sleep(pause * (0.5 + random.random()))
            pause = min(pause * 2, 1.0)


@contextmanager
def write_transaction(
    conn: sqlite3.Connection, deadline: float = WRITE_DEADLINE, commit: bool = True
) -> Iterator[sqlite3.Connection]:
    """``with write_transaction(conn): ...`` — all of it is written, or none.  With
    ``commit=False`` everything inside runs and is then rolled back: a dry run, checked
    exactly as the real change and leaving the database as it was."""
    begin_immediate(conn, deadline)
    try:
        yield conn
        conn.execute("COMMIT" if commit else "ROLLBACK")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


@contextmanager
def read_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Make several SELECTs see one version of the database."""
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        conn.execute("COMMIT")
