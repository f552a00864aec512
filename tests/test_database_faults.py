"""Faults of the database file (issue 15, findings 9 and 10).

* Every fault an operator can meet — a read-only database, a database in a read-only
  folder, a full disk, a damaged or foreign file, ``PRESSBOT_DB`` pointing at a folder or
  somewhere it cannot be created — ends the command with one clear sentence and exit
  status 1, never a traceback, and changes nothing.
* The running bot notices its database file deleted or replaced, reopens whatever is at
  the path, and never acknowledges a subscription it did not store.

Read-only files are real: when the tests run as root (who writes anyway), the command runs
without the capabilities that let root ignore file permissions.  A full disk is a file
size limit (RLIMIT_FSIZE: the kernel refuses to write past it, as a full disk does) and,
in-process, SQLite's ``max_page_count``.
"""

from __future__ import annotations

import ctypes
import os
import resource
import shutil
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest
from fakebotapi import FakeBotAPI
from telegram_harness import RunningBot, modified_csv, pressbot_run, run_cli
from test_data_cli import CSV_DIR, ROOT, clean_env, dump, shifted_csvs

from bot.errors import OperatorError
from bot.i18n import t
from bot.importer import import_paths
from bot.store import Store

pytestmark = pytest.mark.timeout(90)

NOT_SAVED = t("en", "not_saved")


def without_root_powers() -> None:
    """In the child, before exec: root loses the capabilities that bypass file permissions
    (kept out of the bounding set, so exec does not give them back)."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2, 3):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def pressbot(db: Path | str, *args: str, preexec: Callable[[], None] | None = None,
             env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = env or {**clean_env(Path(str(db)).parent / "home"), "PRESSBOT_DB": str(db)}
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=ROOT, env=environment,
                          capture_output=True, text=True, timeout=60,
                          preexec_fn=preexec or without_root_powers)


def one_sentence(result: subprocess.CompletedProcess[str], *words: str) -> str:
    """The command failed with one line on stderr naming ``words``, and no traceback."""
    assert result.returncode in (1, 2), result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    """A folder the tests may make read-only (made writable again afterwards)."""
    place = tmp_path / "place"
    place.mkdir()
    yield place
    for path in (place, *place.rglob("*")):
        if path.is_dir():
            path.chmod(stat.S_IRWXU)


@pytest.fixture
def db(db_path: Path, folder: Path) -> Path:
    target = folder / "pressbot.db"
    shutil.copyfile(db_path, target)
    return target


# --- finding 9: one sentence, exit status 1 ---------------------------------------------------


def test_a_read_only_database_is_read_and_not_written(db: Path) -> None:
    db.chmod(0o444)
    before = dump(db)
    status = pressbot(db, "data", "status")
    assert status.returncode == 0, status.stderr
    assert "years: 2002–2026" in status.stdout
    assert "Rank 149" in pressbot(db, "ask", "Kazakhstan").stdout
    refused = pressbot(db, "data", "import", str(CSV_DIR / "2026.csv"))
    one_sentence(refused, str(db), "read-only")
    assert dump(db) == before


def test_a_database_in_a_read_only_folder(db: Path, folder: Path) -> None:
    folder.chmod(0o555)
    for args in (["data", "status"], ["data", "import", str(CSV_DIR / "2026.csv")],
                 ["ask", "Kazakhstan"]):
        sentence = one_sentence(pressbot(db, *args), str(folder))
        assert "folder" in sentence and "read-only" in sentence


def test_a_database_that_cannot_be_created(folder: Path) -> None:
    folder.chmod(0o555)
    target = folder / "new" / "pressbot.db"
    one_sentence(pressbot(target, "data", "status"), "cannot create the database",
                 str(target))


def test_pressbot_db_pointing_at_a_folder(folder: Path) -> None:
    for args in (["data", "status"], ["ask", "Kazakhstan"], ["data", "remove", "2026"]):
        one_sentence(pressbot(folder, *args), str(folder), "is a folder")
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("damage", ["header", "pages"])
def test_a_damaged_database(db: Path, damage: str) -> None:
    with db.open("r+b") as file:
        if damage == "header":
            file.write(b"this is not SQLite" * 10)
        else:
            file.seek(100_000)
            file.write(bytes(range(256)) * 2000)
    for args in (["data", "status"], ["ask", "Kazakhstan"],
                 ["data", "import", str(CSV_DIR / "2026.csv")]):
        one_sentence(pressbot(db, *args), str(db), "damaged", "backup")


def test_a_full_disk_changes_nothing(db: Path, tmp_path: Path) -> None:
    """The kernel refuses to write past a size: every score of every year changed needs
    more room than the database may take."""
    files = shifted_csvs(tmp_path / "shifted")
    before = dump(db)
    limit = 256 * 1024  # the database is larger: past this, nothing more can be written

    def small_disk() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    full = pressbot(db, "data", "import", *map(str, files), preexec=small_disk)
    one_sentence(full, str(db), "disk")
    assert dump(db) == before


def test_a_full_database_in_process(db_copy: Path) -> None:
    """SQLite's own "database or disk is full", from a page limit on the writer."""
    store = Store(db_copy)
    try:
        with store.write() as conn:  # opens the writer; then it may not grow
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            conn.execute(f"PRAGMA max_page_count = {pages}")
        before = dump(db_copy)
        with pytest.raises(OperatorError, match=r"disk is full.*nothing was changed"):
            import_paths(store, shifted_csvs(db_copy.parent / "shifted"))
        assert dump(db_copy) == before
    finally:
        store.close()


def test_the_bot_with_a_damaged_database_says_so(db: Path, tmp_path: Path) -> None:
    with db.open("r+b") as file:
        file.write(b"not a database" * 8)
    env = {**clean_env(tmp_path / "home"), "PRESSBOT_DB": str(db),
           "TELEGRAM_BOT_TOKEN": "123456:ABCdefGHIjklMNOpqrSTUvwxYZ0123456",
           "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9/bot"}
    one_sentence(pressbot(db, "run", env=env), str(db), "damaged")


def test_health_with_a_damaged_database(db: Path, tmp_path: Path) -> None:
    beat = tmp_path / "beat"
    beat.touch()
    with db.open("r+b") as file:
        file.write(b"not a database" * 8)
    env = {**clean_env(tmp_path / "home"), "PRESSBOT_DB": str(db),
           "PRESSBOT_HEARTBEAT": str(beat)}
    one_sentence(pressbot(db, "health", env=env), "damaged")


# --- finding 10: the file under a running bot ------------------------------------------------


def stored_subscriptions(db: Path) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute("SELECT chat_id, code FROM subscriptions ORDER BY 1, 2").fetchall()


async def test_a_deleted_database_is_noticed_and_a_new_one_served(
        bot: RunningBot, tmp_path: Path) -> None:
    db = bot.settings.db_path
    assert "Subscribed: Finland" in (await bot.ask("/subscribe Finland", user_id=301)).text
    os.unlink(db)
    # Questions are still answered (from the data in memory) ...
    assert "Rank 149 of 180" in (await bot.ask("Kazakhstan", user_id=302)).text
    # ... but a subscription that cannot be stored is not acknowledged.
    sent = await bot.ask("/subscribe Norway", user_id=303)
    assert sent.text == NOT_SAVED
    # An operator builds a new database at the path, with a new year in it.
    target = tmp_path / "2027.csv"
    scores = modified_csv(CSV_DIR / "2026.csv", target, year=2027, delta=-1.0)
    code, _, err = await run_cli("data", "import", str(target), db=db)
    assert code == 0, err
    sent = await bot.ask("Kazakhstan", user_id=302)
    assert "Index 2027" in sent.text and f"{scores['KAZ']:.2f}" in sent.text
    assert "Subscribed: Norway" in (await bot.ask("/subscribe Norway", user_id=303)).text
    assert stored_subscriptions(db) == [(303, "NOR")]


async def test_a_replaced_database_is_served(
        bot: RunningBot, db_path: Path, tmp_path: Path) -> None:
    db = bot.settings.db_path
    assert "Index 2026" in (await bot.ask("Kazakhstan")).text
    other = tmp_path / "other.db"
    shutil.copyfile(db_path, other)
    target = tmp_path / "2027.csv"
    modified_csv(CSV_DIR / "2026.csv", target, year=2027, delta=-1.0)
    code, _, err = await run_cli("data", "import", str(target), db=other)
    assert code == 0, err
    os.replace(other, db)  # as an operator restoring another copy would
    assert "Index 2027" in (await bot.ask("Kazakhstan")).text
    assert "Subscribed" in (await bot.ask("/subscribe Norway", user_id=311)).text
    assert stored_subscriptions(db) == [(311, "NOR")]


async def test_a_read_only_database_under_the_bot_acknowledges_nothing(
        api: FakeBotAPI, db: Path, tmp_path: Path) -> None:
    """``pressbot run`` reads a read-only database fine; a subscription it cannot write is
    not acknowledged."""
    db.chmod(0o444)
    async with pressbot_run(api, db, tmp_path, preexec=without_root_powers):
        await api.wait_for("getUpdates", timeout=20)
        api.inject_message("Norway", user_id=321)
        [answer] = await api.wait_for("sendMessage")
        assert "Rank 1 of 180" in answer.result["text"]
        api.inject_message("/subscribe Norway", user_id=321)
        [_, reply] = await api.wait_for("sendMessage", count=2, timeout=20)
        assert reply.result["text"] == NOT_SAVED
    assert stored_subscriptions(db) == []
