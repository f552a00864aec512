"""The history of changes (issue 16): every import and removal recorded with who made it,
a dry run that writes nothing, and an undo that puts the data back exactly.

In-process on real database files, with real RSF files; "exactly" is the SQL dump of the
four data tables (``iterdump``), before and after.  The command line's own checks are in
test_operator_cli.py, the Telegram way in test_operators_telegram.py.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest
from telegram_harness import modified_csv

from bot.changes import Actor
from bot.importer import ImportFailed, import_files, read_text, removal
from bot.importer.undo import NothingToUndo, undo_last
from bot.render.changes import change_lines, undo_lines
from bot.render.fixed import status_lines
from bot.store import Store, history, writes
from bot.store.schema import DATA_TABLES

ROOT = Path(__file__).resolve().parent.parent
CSV_DIR = ROOT / "data" / "csv"
PROFILE = ROOT / "data" / "profiles" / "kaz_2024.txt"
ALIASES = ROOT / "data" / "aliases.csv"
ALICE = Actor("alice", "cli")
OPERATOR = Actor.telegram(4242)

pytestmark = pytest.mark.timeout(60)


def data_dump(db: Path) -> list[str]:
    """The SQL that rebuilds the four data tables' rows, in the order SQLite stores them."""
    with closing(sqlite3.connect(db)) as conn:
        return [line for line in conn.iterdump()
                if any(line.startswith(f'INSERT INTO "{table}"') for table in DATA_TABLES)]


def digest(db: Path) -> str:
    return hashlib.sha256(db.read_bytes()).hexdigest()


def rows(db: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql, params).fetchall()


@pytest.fixture
def store(db_copy: Path) -> Iterator[Store]:
    opened = Store(db_copy)
    yield opened
    opened.close()


def next_year(tmp_path: Path, delta: float = -1.0) -> Path:
    path = tmp_path / "2027.csv"
    modified_csv(CSV_DIR / "2026.csv", path, year=2027, delta=delta)
    return path


def corrected_2025(tmp_path: Path) -> Path:
    """RSF's 2025 file with Kazakhstan's score and rank edited (a "correction")."""
    text = read_text(CSV_DIR / "2025.csv")
    lines = text.split("\n")
    [at] = [i for i, line in enumerate(lines) if line.startswith("KAZ;")]
    cells = lines[at].split(";")
    score = next(i for i, c in enumerate(cells) if c.replace(",", "").isdigit() and "," in c)
    cells[score] = "55,55"
    lines[at] = ";".join(cells)
    path = tmp_path / "2025_corrected.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


# --- dry run ---------------------------------------------------------------------------------


def test_a_dry_run_reports_the_changes_and_writes_nothing(store: Store, tmp_path: Path) -> None:
    store.close()  # the file as it rests: no connection, no -wal
    before = digest(store.path)
    reopened = Store(store.path)
    try:
        change = import_files(reopened, [next_year(tmp_path), corrected_2025(tmp_path)],
                              ALICE, dry_run=True)
    finally:
        reopened.close()
    assert digest(store.path) == before
    assert change.change_id is None
    new, corrected = change.reports
    assert (new.year, new.added, new.changed) == (2027, 180, 0)
    assert (corrected.year, corrected.changed, corrected.unchanged) == (2025, 1, 179)
    [kaz] = corrected.row_changes
    assert (kaz.code, kaz.year, kaz.score[1]) == ("KAZ", 2025, 55.55)
    assert kaz.rank[0] == kaz.rank[1]  # a correction of the score alone
    lines = change_lines(change, "en", undo_with="pressbot data undo")
    assert lines[0] == "would import 2027.csv: csv 2027: 180 rows, 180 added, 0 changed, " \
        "0 unchanged"
    assert lines[1] == "would import 2025_corrected.csv: csv 2025: 180 rows, 0 added, " \
        "1 changed, 179 unchanged"
    assert lines[2] == f"  KAZ Kazakhstan 2025: score {kaz.score[0]:.2f} → 55.55"
    assert lines[-1] == "nothing was changed (dry run)"
    russian = change_lines(change, "ru", undo_with="/undo")
    assert russian[2].startswith("  KAZ Казахстан 2025: балл ")


def test_a_refused_file_in_a_dry_run_is_refused_as_in_an_import(
        store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    text = read_text(CSV_DIR / "2026.csv").split("\n")
    text[3] = text[3].replace(";", ";x", 1)
    bad.write_text("\n".join(text), encoding="utf-8")
    before = data_dump(store.path)
    for dry_run in (True, False):
        with pytest.raises(ImportFailed) as refusal:
            import_files(store, [bad], ALICE, dry_run=dry_run)
        assert refusal.value.line == 4
    assert data_dump(store.path) == before
    assert rows(store.path, "SELECT count(*) FROM history") == [(0,)]
    assert rows(store.path, "SELECT count(*) FROM changes WHERE who = 'alice'") == [(0,)]


# --- undo ------------------------------------------------------------------------------------


def test_undo_puts_every_kind_of_change_back_exactly(store: Store, tmp_path: Path) -> None:
    """A new year, a correction with a profile, the alias list, a removed year and a removed
    profile: each undone in turn, the data tables as they were before it."""
    shrunk = tmp_path / "aliases.csv"
    shrunk.write_text("\n".join(read_text(ALIASES).split("\n")[:40]), encoding="utf-8")
    changes: list[Callable[[], object]] = [
        lambda: import_files(store, [next_year(tmp_path)], ALICE),
        lambda: import_files(store, [corrected_2025(tmp_path), PROFILE], OPERATOR),
        lambda: import_files(store, [shrunk], ALICE),
        lambda: removal.remove_years(store, [2024, 2025], ALICE),
        lambda: removal.remove_profile(store, "KAZ", 2024, OPERATOR),
    ]
    before: list[list[str]] = []
    for change in changes:
        before.append(data_dump(store.path))
        change()
        assert data_dump(store.path) != before[-1]
    while before:
        report = undo_last(store, ALICE)
        assert data_dump(store.path) == before.pop(), report
    with pytest.raises(NothingToUndo, match="first build from the shipped data"):
        undo_last(store, ALICE)


def test_a_row_a_change_both_adds_and_deletes_is_not_put_back(store: Store) -> None:
    """Rebuilding the aliases twice in one import can insert a row and delete it again:
    it was not there before, so an undo must not bring it back."""
    before = data_dump(store.path)
    with store.write() as conn, history.recorded(conn, "import", "alice", "cli", "now"):
        writes.replace_profile(conn, "NOR", 2024, {"summary": "passing through"})
        writes.remove_profile(conn, "NOR", 2024)
        writes.replace_profile(conn, "KAZ", 2024, {"summary": "replaced"})
    assert data_dump(store.path) != before
    undo_last(store, ALICE)
    assert data_dump(store.path) == before


def test_undo_reports_what_comes_back(store: Store, tmp_path: Path) -> None:
    import_files(store, [corrected_2025(tmp_path)], OPERATOR)
    removal.remove_years(store, [2026], ALICE)
    dry = undo_last(store, ALICE, dry_run=True)
    assert dry.change_id is None and dry.years_back == [2026] and not dry.row_changes
    lines = undo_lines(dry, "en")
    assert lines[0].startswith("would undo #") and "the removal of" in lines[0]
    assert "alice (cli): index 2026: 180 rows" in lines[0]
    assert "  index years coming back: 2026" in lines
    assert undo_last(store, ALICE).years_back == [2026]
    report = undo_last(store, ALICE)
    [kaz] = report.row_changes
    assert kaz.score[0] == 55.55 and kaz.year == 2025  # now → restored
    assert report.target_actor == OPERATOR
    done = undo_lines(report, "en")
    assert done[0].startswith(f"undid #{report.target}, the import of ")
    assert done[-1] == f"recorded as #{report.change_id} by alice (cli)"


def test_undo_steps_over_changes_that_changed_nothing(store: Store, tmp_path: Path) -> None:
    change = import_files(store, [corrected_2025(tmp_path)], ALICE)
    again = import_files(store, [CSV_DIR / "2026.csv"], ALICE)  # the same file: no change
    assert not again.changes_anything
    assert undo_last(store, ALICE).target == change.change_id


def test_an_undo_asked_for_another_change_undoes_nothing(store: Store, tmp_path: Path) -> None:
    first = import_files(store, [corrected_2025(tmp_path)], ALICE).change_id
    second = import_files(store, [next_year(tmp_path)], ALICE).change_id
    assert first is not None and second is not None
    before = data_dump(store.path)
    with pytest.raises(NothingToUndo, match=f"the last change is #{second} now"):
        undo_last(store, OPERATOR, expected=first)
    undo_last(store, OPERATOR, expected=second)
    with pytest.raises(NothingToUndo, match=f"change #{second} was already undone"):
        undo_last(store, OPERATOR, expected=second)  # the button pressed twice
    assert data_dump(store.path) != before


def test_undo_steps_the_announced_year_back(store: Store, tmp_path: Path) -> None:
    """A subscriber alerted for 2027, then 2027 undone: announced back to 2026, the sent
    alert stays recorded, so 2027 imported again queues no second alert."""
    store.subscribe(61, ["KAZ"], "en")
    store.plan_alerts()  # the first run records the current year
    import_files(store, [next_year(tmp_path)], ALICE)
    assert store.plan_alerts() == 1
    [alert] = store.pending_alerts()
    assert store.claim_alert(alert)
    store.mark_alert(alert, "sent")
    report = undo_last(store, ALICE)
    assert report.announced == (2027, 2026) and report.years_gone == [2027]
    again = import_files(store, [next_year(tmp_path)], ALICE)
    assert again.alert is not None and again.alert.chats == 0  # alerted already
    assert store.plan_alerts() == 0
    assert rows(store.path, "SELECT chat_id, year, status FROM alerts") == [(61, 2027, "sent")]


# --- what is kept, and who did what --------------------------------------------------------


def test_only_what_a_change_touched_is_kept(store: Store, tmp_path: Path) -> None:
    import_files(store, [corrected_2025(tmp_path)], ALICE)
    [(table, count)] = rows(store.path, "SELECT data_table, count(*) FROM history "
                                        "GROUP BY data_table")
    assert (table, count) == ("results", 2)  # the old row, and the new one's id


def test_the_history_keeps_the_last_changes_and_says_what_it_takes(
        store: Store, tmp_path: Path) -> None:
    for step in range(history.KEEP_STEPS + 2):  # the profile out and in again: cheap steps
        if step % 2:
            import_files(store, [PROFILE], ALICE)
        else:
            removal.remove_profile(store, "KAZ", 2024, ALICE)
    kept = rows(store.path, "SELECT id FROM changes WHERE kept = 1 ORDER BY id")
    assert len(kept) == history.KEEP_STEPS
    space = store.read(history.space)
    assert space.changes == history.KEEP_STEPS and space.bytes > 0
    status = status_lines(store.status(), store.path)
    assert status[-1].startswith(f"undo history: {history.KEEP_STEPS} of the last ")
    for _ in range(history.KEEP_STEPS):
        undo_last(store, ALICE)
    with pytest.raises(NothingToUndo, match="no longer kept"):
        undo_last(store, ALICE)
    assert store.read(history.space).rows == 0


def test_status_says_who_did_what_and_what_is_live(store: Store, tmp_path: Path) -> None:
    first = import_files(store, [corrected_2025(tmp_path)], OPERATOR).change_id
    second = import_files(store, [next_year(tmp_path)], ALICE).change_id
    undo = undo_last(store, OPERATOR).change_id
    lines = status_lines(store.status(), store.path)
    at = lines.index("last imports:")
    assert lines[at + 1].startswith(f"  #{undo}  ")
    assert lines[at + 1].endswith(f"undo by 4242 (telegram): undid #{second}: 2027.csv csv 2027")
    assert lines[at + 2].endswith(f"import by alice (cli), undone by #{undo}")
    assert lines[at + 3] == "      2027.csv  csv 2027: 180 rows, 180 added, 0 changed, 0 unchanged"
    assert lines[at + 4].startswith(f"  #{first}  ")
    assert lines[at + 4].endswith("import by 4242 (telegram), live, the next undo takes it back")
    assert rows(store.path, "SELECT DISTINCT change_id FROM imports WHERE file = ?",
                "2025_corrected.csv") == [(first,)]
