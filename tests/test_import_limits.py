"""Import files within limits (issue 15, finding 7): only regular files are read, sizes
and line counts are checked before anything is parsed, and a file is read in chunks, so
memory stays bounded whatever it holds.

``pressbot data import`` runs as a real subprocess; its peak memory is the kernel's figure
for that one process (``os.wait4``), and an address-space limit makes a runaway import
fail instead of taking the machine down.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from test_data_cli import PROFILE, ROOT, clean_env, dump

from bot.importer.text import MAX_FILE_BYTES, MAX_LINES, MAX_PROFILE_BYTES

pytestmark = pytest.mark.timeout(60)

#: No import may need more address space than this (a runaway one fails, not the host).
ADDRESS_SPACE = 2 * 2**30


def limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def run_measured(db: Path, *args: str, timeout: float = 30) -> tuple[int, str, str, float]:
    """``pressbot --db DB ARGS`` in a subprocess: (exit status, stdout, stderr, peak MB).
    Killed after ``timeout`` seconds (exit status -9)."""
    out, err = db.with_suffix(".out"), db.with_suffix(".err")
    with out.open("wb") as stdout, err.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "--db", str(db), *args], cwd=ROOT,
            env=clean_env(db.parent / "home"), stdin=subprocess.DEVNULL, stdout=stdout,
            stderr=stderr, preexec_fn=limited)
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)  # this child's own peak memory
        finally:
            timer.cancel()
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, out.read_text(), err.read_text(), usage.ru_maxrss / 1024


@pytest.fixture
def db(db_copy: Path) -> Path:
    return db_copy


def one_refusal(code: int, err: str, expected: str) -> None:
    assert code == 1, err
    assert expected in err.splitlines()[0], err
    assert "Traceback" not in err


# --- only regular files -----------------------------------------------------------------------


def test_a_fifo_is_refused_not_waited_for(db: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "2027.csv"
    os.mkfifo(fifo)
    before = dump(db)
    code, _, err, _ = run_measured(db, "data", "import", str(fifo))
    one_refusal(code, err, f"refused: {fifo}:0:0: not a regular file (a pipe)")
    assert dump(db) == before


def test_a_symlink_to_a_fifo_a_device_and_a_folder_are_refused(db: Path, tmp_path: Path) \
        -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "2027.csv"
    link.symlink_to(fifo)
    before = dump(db)
    for path, what in [(link, "a pipe"), (Path("/dev/zero"), "a device"),
                       (tmp_path, "a folder")]:
        code, _, err, _ = run_measured(db, "data", "import", str(path))
        one_refusal(code, err, f"not a regular file ({what})")
    assert dump(db) == before


# --- sizes and lines --------------------------------------------------------------------------


def baseline(db: Path, tmp_path: Path) -> float:
    """Peak memory of an import refused at its first line: Python and the bot, loaded."""
    small = tmp_path / "small.csv"
    small.write_text("ISO;EN_country;Year (N);Rank;Score\n")
    code, _, err, peak = run_measured(db, "data", "import", str(small))
    assert code == 1 and "header but no rows" in err
    return peak


def test_a_file_over_the_size_limit_is_refused_unread(db: Path, tmp_path: Path) -> None:
    big = tmp_path / "2027.csv"
    with big.open("wb") as file:  # sparse: the size is real, the disk is not used
        file.truncate(MAX_FILE_BYTES + 1)
    code, _, err, peak = run_measured(db, "data", "import", str(big))
    one_refusal(code, err, f"refused: {big}:0:0: the file is 50.0 MB; an import file may be "
                           f"at most 50 MB")
    assert peak < baseline(db, tmp_path) + 20


def test_a_million_lines_are_refused_at_the_limit_in_bounded_memory(
        db: Path, tmp_path: Path) -> None:
    path = tmp_path / "2027.csv"
    row = "AAA;Aland;2027;1;50,0\n"
    with path.open("w") as file:
        file.write("ISO;EN_country;Year (N);Rank;Score\n")
        for _ in range(1_000_000 // 1000):
            file.write(row * 1000)
    assert path.stat().st_size < MAX_FILE_BYTES
    before = dump(db)
    code, _, err, peak = run_measured(db, "data", "import", str(path))
    one_refusal(code, err, f"refused: {path}:{MAX_LINES + 1}:1: more than 10000 lines; an "
                           f"import file may have at most {MAX_LINES}")
    assert peak < baseline(db, tmp_path) + 20
    assert dump(db) == before


def test_a_big_file_within_the_limits_is_read_in_bounded_memory(
        db: Path, tmp_path: Path) -> None:
    """45 MB in 10,000 lines, every row valid but the last: the whole file is parsed (the
    refusal names the last line), and memory does not grow with it."""
    path = tmp_path / "2013.csv"
    notes = "n" * 4_500  # a column the importer does not keep
    rows = MAX_LINES - 1
    with path.open("w") as file:
        file.write("ISO;EN_country;Year (N);Rank;Score;Notes\n")
        for i in range(1, rows):
            file.write(f"X{i:04d};Land {i};2013;{i};50,0;{notes}\n")
        file.write(f"X{rows:04d};Land {rows};2013;0;50,0;{notes}\n")
    assert 40 * 2**20 < path.stat().st_size < MAX_FILE_BYTES
    before = dump(db)
    code, _, err, peak = run_measured(db, "data", "import", str(path))
    one_refusal(code, err, f"refused: {path}:{MAX_LINES}:")
    assert f"rank 0 is outside 1..{rows}" in err
    assert peak < baseline(db, tmp_path) + 40, f"{peak:.0f} MB"
    assert dump(db) == before


def test_a_profile_page_over_its_limit_is_refused(db: Path, tmp_path: Path) -> None:
    page = tmp_path / "kaz.txt"
    text = PROFILE.read_text(encoding="utf-8")
    page.write_text(text + "\n" + "More words. " * (MAX_PROFILE_BYTES // 10), encoding="utf-8")
    code, _, err, _ = run_measured(db, "data", "import", str(page))
    one_refusal(code, err, "a profile page may be at most 1 MB")
