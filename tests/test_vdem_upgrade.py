"""A database built before V-Dem support gets the shipped V-Dem file the first time the bot
opens it, once, as an import like any other: recorded, undone by ``pressbot data undo``,
and never brought back after an operator took it out.  A read-only or busy database is
opened as it is.

Real SQLite files built from the shipped data, with V-Dem left out the way an old database
lacks it: imported without the V-Dem file, its table dropped.
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
import vdem_source as vdem
from test_data_cli import dump
from test_database_faults import pressbot

from bot.changes import BUILD
from bot.i18n import t
from bot.importer import import_paths, shipped_files
from bot.pipeline import Pipeline
from bot.render import to_plain_text
from bot.store import Store, data_dir

pytestmark = pytest.mark.timeout(90)

QUESTION = "what did V-Dem say about Kazakhstan in 1995"
NO_DATA = to_plain_text(t("en", "vdem_no_data"))


@pytest.fixture(scope="session")
def built_before_vdem(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped data as a database from before V-Dem holds it: no V-Dem file among its
    imports, and no ``vdem`` table."""
    path = tmp_path_factory.mktemp("old") / "pressbot.db"
    store = Store(path)
    try:
        import_paths(store, [p for p in shipped_files(data_dir()) if p.parent.name != "vdem"],
                     actor=BUILD)
        store.checkpoint()
    finally:
        store.close()
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("DROP TABLE vdem")  # its index and triggers go with it
        conn.commit()
    return path


@pytest.fixture
def old_db(built_before_vdem: Path, tmp_path: Path) -> Path:
    return Path(shutil.copyfile(built_before_vdem, tmp_path / "pressbot.db"))


def asked(path: Path, question: str = QUESTION) -> str:
    pipeline = Pipeline.open(path)
    try:
        return "\n".join(to_plain_text(m) for m in pipeline.ask(question).messages)
    finally:
        pipeline.close()


def changes(path: Path) -> list[tuple[str, str, str, int | None]]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT kind, who, via, undone_by FROM changes ORDER BY id").fetchall()


def vdem_rows(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return int(conn.execute("SELECT count(*) FROM vdem").fetchone()[0])


def test_an_old_database_answers_v_dem_once_opened(old_db: Path, db_path: Path) -> None:
    store = Store(old_db)  # opened as before: no V-Dem
    try:
        assert store.snapshot().vdem.span() is None
    finally:
        store.close()
    answer = asked(old_db)
    assert NO_DATA not in answer
    assert answer == asked(db_path)  # as a database built with V-Dem answers
    assert vdem_rows(old_db) == len(vdem.rows())
    assert changes(old_db) == [("import", "pressbot", "build", None),
                               ("import", "pressbot", "upgrade", None)]
    # Once: opening it again changes nothing.
    asked(old_db, "Kazakhstan")
    assert len(changes(old_db)) == 2


def test_undone_it_stays_undone(old_db: Path) -> None:
    asked(old_db)
    undone = pressbot(old_db, "data", "undo")
    assert undone.returncode == 0, undone.stderr
    assert "by pressbot (upgrade): vdem_media_v14.csv vdem 2023" in undone.stdout
    assert vdem_rows(old_db) == 0
    assert NO_DATA in asked(old_db)  # and not brought in again
    assert [kind for kind, *_ in changes(old_db)] == ["import", "import", "undo"]


def test_deleted_by_hand_it_stays_deleted(old_db: Path) -> None:
    asked(old_db)
    with closing(sqlite3.connect(old_db)) as conn:
        conn.execute("DELETE FROM vdem")
        conn.commit()
    assert NO_DATA in asked(old_db)
    assert len(changes(old_db)) == 2


def test_a_busy_database_opens_at_once_and_gets_v_dem_next_time(old_db: Path) -> None:
    Store(old_db).close()  # the schema of today, as any earlier open leaves it
    other = sqlite3.connect(old_db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process's import in progress
    try:
        started = time.monotonic()
        assert NO_DATA in asked(old_db)
        assert time.monotonic() - started < 5
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert NO_DATA not in asked(old_db)
    assert vdem_rows(old_db) == len(vdem.rows())


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_read_only_database_is_answered_as_it_is(old_db: Path) -> None:
    Store(old_db).close()
    old_db.chmod(0o444)
    before = dump(old_db)
    done = pressbot(old_db, "ask", QUESTION)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert NO_DATA in done.stdout
    assert dump(old_db) == before


def test_the_usual_start_loads_nothing_of_the_importer(db_path: Path) -> None:
    import subprocess

    code = ("import sys; from bot.pipeline import Pipeline; p = Pipeline.open(sys.argv[1]); "
            "p.close(); assert not [m for m in sys.modules if m.startswith('bot.importer')]")
    done = subprocess.run([sys.executable, "-c", code, str(db_path)], capture_output=True,
                          text=True, timeout=60, cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 0, done.stderr
