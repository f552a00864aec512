"""Importing V-Dem: recognised by content, all or nothing, refusals at ``file:line:column``,
a later version imported with no code change, and live for a running bot (its caches
emptied, never a reply made of two versions).

Real SQLite files and the shipped CSV; expected values read with the csv module.
"""

from __future__ import annotations

import csv
import io
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
import vdem_source as vdem

from bot.importer import ImportFailed, detect_kind, import_paths
from bot.pipeline import Pipeline
from bot.query import Intent, Query, Witness
from bot.store import SnapshotStale, Store
from bot.store.schema import data_version

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.timeout(60)


def table(path: Path) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT * FROM vdem ORDER BY code, year").fetchall()


def version_of(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return data_version(conn)


def rewrite(target: Path, change: Callable[[list[str], list[list[str]]], None]) -> Path:
    """A copy of the shipped V-Dem CSV with ``change`` applied to its header and rows."""
    with vdem.VDEM_CSV.open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    change(header, rows)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *rows])
    target.write_text(out.getvalue(), encoding="utf-8")
    return target


def card_line(pipeline: Pipeline, code: str = "KAZ") -> str:
    reply = pipeline.answer_query(Query(text="", intent=Intent.PROFILE, countries=(code,)))
    return next(line for m in reply.messages for line in m.splitlines() if "V-Dem" in line)


# --- the shipped file ------------------------------------------------------------------------


def test_the_first_build_holds_every_value_of_the_shipped_file(db_path: Path) -> None:
    expected = []
    for (code, year), row in sorted(vdem.rows().items()):
        values = [float(row[m]) if row[m] else None for m in vdem.MEASURES]
        expected.append((code, year, row["country_name"], *values))
    assert table(db_path) == expected


def test_a_v_dem_file_is_recognised_by_its_content() -> None:
    text = vdem.VDEM_CSV.read_text(encoding="utf-8")
    assert detect_kind(text) == "vdem"
    reordered = "year,country_name,country_text_id," + text.split("\n", 1)[0]
    assert detect_kind(reordered) == "vdem"


def test_importing_the_same_file_again_changes_nothing(db_copy: Path) -> None:
    before = version_of(db_copy)
    done = subprocess.run([sys.executable, "-m", "bot", "--db", str(db_copy), "data", "import",
                           str(vdem.VDEM_CSV)], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    n = len(vdem.rows())
    assert done.stdout == (f"imported {vdem.VDEM_CSV.name}: vdem {vdem.latest_year()}: {n} rows, "
                           f"0 added, 0 changed, {n} unchanged\n")
    assert version_of(db_copy) == before


# --- a later version -------------------------------------------------------------------------


def test_a_later_version_with_more_columns_imports_without_code_change(
        db_copy: Path, tmp_path: Path) -> None:
    latest = vdem.latest_year()

    def next_version(header: list[str], rows: list[list[str]]) -> None:
        # Columns in another order, two V-Dem columns the bot does not read, a new year.
        order = list(reversed(range(len(header))))
        header[:] = [header[i] for i in order] + ["v2mecenefm_codelow", "v2x_polyarchy"]
        for row in rows:
            row[:] = [row[i] for i in order] + ["-1.0", "0.5"]
        kaz = next(r for r in rows if r[header.index("country_text_id")] == "KAZ"
                   and r[header.index("year")] == str(latest))
        new = list(kaz)
        new[header.index("year")] = str(latest + 1)
        new[header.index("v2meharjrn")] = "-1.234"
        rows.append(new)

    path = rewrite(tmp_path / "vdem_media_v15.csv", next_version)
    pipeline = Pipeline.open(db_copy)
    try:
        assert "−0.098" in card_line(pipeline)
        before = version_of(db_copy)
        store = Store(db_copy)
        try:
            [report] = import_paths(store, [path])
        finally:
            store.close()
        assert (report.kind, report.year, report.added, report.changed) == ("vdem", latest + 1,
                                                                            1, 0)
        assert version_of(db_copy) > before
        # The running pipeline serves the new year at once: its caches were emptied.
        assert "−1.234" in card_line(pipeline) and f"the year {latest + 1}" in card_line(pipeline)
    finally:
        pipeline.close()


# --- refusals --------------------------------------------------------------------------------


def _drop_column(name: str) -> Callable[[list[str], list[list[str]]], None]:
    def change(header: list[str], rows: list[list[str]]) -> None:
        index = header.index(name)
        del header[index]
        for row in rows:
            del row[index]
    return change


def _set(line: int, column: str, text: str) -> Callable[[list[str], list[list[str]]], None]:
    def change(header: list[str], rows: list[list[str]]) -> None:
        rows[line - 2][header.index(column)] = text
    return change


def _column_of(line: int, column: str) -> int:
    """The character column where a field of the shipped file's line starts."""
    text = vdem.VDEM_CSV.read_text(encoding="utf-8").split("\n")[line - 1]
    header = vdem.VDEM_CSV.read_text(encoding="utf-8").split("\n", 1)[0].split(",")
    return sum(len(cell) + 1 for cell in text.split(",")[: header.index(column)]) + 1


def _duplicate(header: list[str], rows: list[list[str]]) -> None:
    rows.insert(5, list(rows[3]))


def _short_row(header: list[str], rows: list[list[str]]) -> None:
    rows[9] = rows[9][:-2]


@pytest.mark.parametrize(("change", "where", "reason"), [
    (_drop_column("v2meharjrn"), (1, 1), "no 'v2meharjrn'"),
    (_set(3, "v2mecenefm", "low"), (3, _column_of(3, "v2mecenefm")), "is not a number"),
    (_set(4, "v2x_freexp_altinf", "1.5"), (4, _column_of(4, "v2x_freexp_altinf")),
     "outside 0..1"),
    (_set(5, "v2mefemjrn", "140"), (5, _column_of(5, "v2mefemjrn")), "outside 0..100"),
    (_set(6, "year", "19x5"), (6, _column_of(6, "year")), "is not a year"),
    (_set(7, "country_text_id", "afg"), (7, 1), "is not a country code"),
    (_duplicate, (7, 1), "appears twice (first on line 5)"),
    (_short_row, (11, None), "fields, the header has 13"),
])
def test_a_bad_file_is_refused_where_it_is_wrong_and_nothing_changes(
        db_copy: Path, tmp_path: Path, change: Callable[[list[str], list[list[str]]], None],
        where: tuple[int, int | None], reason: str) -> None:
    path = rewrite(tmp_path / "vdem.csv", change)
    before = table(db_copy)
    store = Store(db_copy)
    try:
        with pytest.raises(ImportFailed) as refused:
            import_paths(store, [path])
    finally:
        store.close()
    line, column = where
    assert (refused.value.file, refused.value.line) == (str(path), line)
    if column is not None:
        assert refused.value.column == column, str(refused.value)
    assert reason in refused.value.reason
    assert table(db_copy) == before


def test_a_refused_v_dem_file_takes_the_rsf_files_of_the_same_import_with_it(
        db_copy: Path, tmp_path: Path) -> None:
    bad = rewrite(tmp_path / "vdem.csv", _set(3, "v2meharjrn", "x"))
    good = ROOT / "data" / "csv" / "2026.csv"
    done = subprocess.run([sys.executable, "-m", "bot", "--db", str(db_copy), "data", "import",
                           str(good), str(bad)], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 1
    assert f"{bad}:3:{_column_of(3, 'v2meharjrn')}: v2meharjrn 'x' is not a number" in done.stderr
    assert "nothing was changed" in done.stderr


# --- live, and consistent ------------------------------------------------------------------


def test_a_change_to_v_dem_by_hand_is_a_new_data_version(db_copy: Path) -> None:
    before = version_of(db_copy)
    with closing(sqlite3.connect(db_copy)) as conn:
        conn.execute("UPDATE vdem SET v2meharjrn = 1.5 WHERE code = 'KAZ' AND year = 2023")
        conn.commit()
    assert version_of(db_copy) == before + 1


def test_a_database_made_before_v_dem_gets_its_table_and_triggers(db_copy: Path) -> None:
    with closing(sqlite3.connect(db_copy)) as conn:
        names = [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%vdem%'")]
        assert len(names) == 3
        for name in names:
            conn.execute(f'DROP TRIGGER "{name}"')
        conn.execute("DROP TABLE vdem")
        conn.commit()
    store = Store(db_copy)
    try:
        before = store.snapshot().generation
        assert store.snapshot().vdem.span() is None
        [report] = import_paths(store, [vdem.VDEM_CSV])
        assert report.added == len(vdem.rows())
        assert store.snapshot().generation > before  # the triggers came with the table
        assert store.snapshot().vdem.year(2023)["KAZ"].value("v2mecenefm") == -0.712
    finally:
        store.close()


def test_a_snapshot_never_reads_v_dem_of_another_version(db_copy: Path, tmp_path: Path) -> None:
    changed = rewrite(tmp_path / "vdem.csv", _set_kaz("v2meharjrn", "-2.5"))
    pipeline = Pipeline(Store(db_copy))
    try:
        old = pipeline.store.snapshot()  # taken before the import, V-Dem not yet read
        other = Store(db_copy)
        try:
            import_paths(other, [changed])
        finally:
            other.close()
        with pytest.raises(SnapshotStale):
            old.vdem.year(vdem.latest_year())
        # A reply asked meanwhile is made again from the new version, whole.
        reply = pipeline.answer_query(Query(text="", intent=Intent.VDEM, countries=("KAZ",),
                                            year=vdem.latest_year(),
                                            witness=Witness(measure="v2meharjrn")))
        assert "−2.500" in "".join(reply.messages)
    finally:
        pipeline.close()


def _set_kaz(column: str, text: str) -> Callable[[list[str], list[list[str]]], None]:
    def change(header: list[str], rows: list[list[str]]) -> None:
        for row in rows:
            if row[0] == "KAZ" and row[2] == str(vdem.latest_year()):
                row[header.index(column)] = text
    return change
