"""Shared fixtures: one real database built from data/ per test session."""

from __future__ import annotations

import compileall
import json
import os
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from fuzzstats import STATS

# The Telegram tests' fixtures: the real Application against the fake Bot API.
from telegram_harness import api, bot, bot_db  # noqa: F401  (fixtures)

from bot.importer import build_database
from bot.store import Snapshot, Store
from bot.understand import Understander


def pytest_configure(config: pytest.Config) -> None:
    """Keep the understanding cache of this run apart from the user's, and give the
    hardening figures a folder every worker writes to (pytest-xdist starts the workers
    after this, so they and every command the tests start inherit both)."""
    os.environ.setdefault("PRESSBOT_CACHE", tempfile.mkdtemp(prefix="pressbot-test-cache-"))
    os.environ.setdefault("PRESSBOT_TEST_FIGURES", tempfile.mkdtemp(prefix="pressbot-figures-"))
    if "PYTEST_XDIST_WORKER" not in os.environ:
        _compile_the_package()
        _warm_understanding_cache()


def _compile_the_package() -> None:
    """Write the package's bytecode once.  The tests start the command line a hundred
    times; where PYTHONDONTWRITEBYTECODE is set (as on CI machines) each start would
    otherwise compile every module again, and an editable install compiles nothing."""
    compileall.compile_dir(Path(__file__).resolve().parent.parent / "bot", quiet=1)


def _warm_understanding_cache() -> None:
    """Build the understander of the shipped data once, before the workers start, into
    the run's cache folder: its first build takes seconds (pymorphy3, wordfreq), which a
    test waiting on the bot's first reply would otherwise pay in every worker at once.
    After that a new data version rebuilds from the parts kept there in a fraction of a
    second, as it does for a running bot."""
    from bot.index_cache import understander_for

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "warm.db"
        build_database(path)
        store = Store(path)
        try:
            understander_for(store.snapshot())
        finally:
            store.close()


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Each process (a worker, or the only one) leaves its figures for the summary."""
    if STATS:
        name = os.environ.get("PYTEST_XDIST_WORKER", "main")
        path = Path(os.environ["PRESSBOT_TEST_FIGURES"]) / f"{name}.json"
        path.write_text(json.dumps(STATS), encoding="utf-8")


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


@pytest.fixture(scope="module")
def understander(snapshot: Snapshot) -> Understander:
    """An understander over the shipped data, one per test module (its per-word caches its
    own), read from the index the session warmed: no module builds its own."""
    from bot.index_cache import understander_for

    return understander_for(snapshot)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The hardening figures of every process: inputs tried, faults injected, answers lost."""
    total: Counter[str] = Counter()
    for path in Path(os.environ["PRESSBOT_TEST_FIGURES"]).glob("*.json"):
        total.update(json.loads(path.read_text(encoding="utf-8")))
    if total:
        terminalreporter.section("hardening figures")
        for name, count in sorted(total.items()):
            terminalreporter.write_line(f"{name}: {count}")
    # Reports a test leaves whole (the understanding figures per language).
    for path in sorted(Path(os.environ["PRESSBOT_TEST_FIGURES"]).glob("*.txt")):
        terminalreporter.section(f"{path.stem} figures")
        terminalreporter.write_line(path.read_text(encoding="utf-8"))
