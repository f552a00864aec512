"""Shared fixtures: one real database built from data/ per test session."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from fuzzstats import STATS

# The Telegram tests' fixtures: the real Application against the fake Bot API.
from telegram_harness import api, bot, bot_db  # noqa: F401  (fixtures)

from bot.importer import build_database
from bot.store import Snapshot, Store


@pytest.fixture(scope="session")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database built from the shipped data/, as on first use.  Treat it as read-only:
    tests that import copy it first."""
    path = tmp_path_factory.mktemp("db") / "pressbot.db"
    build_database(path)
    return path


def copy_database(source: Path, target: Path) -> Path:
    """Copy a database with SQLite's backup API: consistent even while others have it open."""
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
    return target


@pytest.fixture
def db_copy(db_path: Path, tmp_path: Path) -> Path:
    """A private copy of the session's database, free to be changed by a test."""
    return copy_database(db_path, tmp_path / "copy.db")


@pytest.fixture(scope="session")
def store(db_path: Path) -> Iterator[Store]:
    opened = Store(db_path)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def snapshot(store: Store) -> Snapshot:
    return store.snapshot()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The hardening figures: inputs tried, faults injected, answers lost."""
    if STATS:
        terminalreporter.section("hardening figures")
        for name, count in sorted(STATS.items()):
            terminalreporter.write_line(f"{name}: {count}")
