"""``pressbot data import --dry-run`` and ``pressbot data undo`` as an operator runs them: real
subprocesses on a real database file (issue 16).  The finer rules are checked in-process in
test_history.py; here, once each, what the command line promises."""

from __future__ import annotations

import getpass
import re
from pathlib import Path

import pytest
from test_data_cli import run_cli
from test_history import corrected_2025, data_dump, digest, next_year

pytestmark = pytest.mark.timeout(60)


def test_a_dry_run_leaves_the_database_byte_for_byte_and_prints_the_changed_rows(
        db_copy: Path, tmp_path: Path) -> None:
    before = digest(db_copy)
    result = run_cli("data", "import", "--dry-run", str(corrected_2025(tmp_path)),
                     str(next_year(tmp_path)), db=db_copy)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == ("would import 2025_corrected.csv: csv 2025: 180 rows, 0 added, "
                        "1 changed, 179 unchanged")
    assert re.fullmatch(r"  KAZ Kazakhstan 2025: score \d+\.\d\d → 55\.55", lines[1])
    assert lines[2].startswith("would import 2027.csv: csv 2027: 180 rows, 180 added")
    assert lines[-1] == "nothing was changed (dry run)"
    assert digest(db_copy) == before
    assert not Path(f"{db_copy}-wal").exists()
    removal = run_cli("data", "remove", "--dry-run", "2026", db=db_copy)
    assert removal.returncode == 0, removal.stderr
    assert removal.stdout.splitlines() == [
        "would remove index 2026: 180 rows", "nothing was changed (dry run)"]
    assert digest(db_copy) == before


def test_undo_restores_the_previous_dump_exactly(db_copy: Path, tmp_path: Path) -> None:
    before = data_dump(db_copy)
    imported = run_cli("data", "import", str(corrected_2025(tmp_path)), db=db_copy)
    assert imported.returncode == 0, imported.stderr
    [change] = re.findall(r"change #(\d+) by ", imported.stdout)
    assert f"by {getpass.getuser()} (cli); to take it back: pressbot data undo" \
        in imported.stdout
    assert data_dump(db_copy) != before
    status = run_cli("data", "status", db=db_copy).stdout
    assert f"import by {getpass.getuser()} (cli), live, the next undo takes it back" in status
    undone = run_cli("data", "undo", db=db_copy)
    assert undone.returncode == 0, undone.stderr
    assert undone.stdout.startswith(f"undid #{change}, the import of ")
    assert re.search(r"  KAZ Kazakhstan 2025: score 55\.55 → \d+\.\d\d", undone.stdout)
    assert data_dump(db_copy) == before
    nothing = run_cli("data", "undo", db=db_copy)
    assert nothing.returncode == 1 and nothing.stdout == ""
    assert nothing.stderr == ("nothing undone: change #1 is the first build from the shipped "
                              "data: there is nothing before it to go back to\n")
    assert data_dump(db_copy) == before
