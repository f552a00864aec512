"""The store: snapshots, reloads after another process imports, first-use build.

Real SQLite files, real RSF files; the concurrent writer is a real separate process.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import cast

import pytest

from bot.importer import build_database, import_paths, open_store, parse_index_csv, read_text
from bot.store import Snapshot, Store, data_dir, default_db_path

ROOT = Path(__file__).resolve().parent.parent
CSV_DIR = ROOT / "data" / "csv"
PROFILE = ROOT / "data" / "profiles" / "kaz_2024.txt"

pytestmark = pytest.mark.timeout(60)


# ``db_path``, ``store`` and ``snapshot`` (conftest.py): the database a first start builds
# from data/, shared and read-only.  Tests that write use ``db_copy`` / ``copy_store``.


@pytest.fixture
def copy_store(db_copy: Path) -> Iterator[Store]:
    opened = Store(db_copy)
    yield opened
    opened.close()


def modified_2026(folder: Path) -> Path:
    """2026.csv with every score lowered by 0.01, ranks untouched."""
    lines = read_text(CSV_DIR / "2026.csv").split("\n")
    out = [lines[0]]
    for line in filter(None, lines[1:]):
        fields = line.split(";")
        fields[1] = f"{float(fields[1].replace(',', '.')) - 0.01:.2f}".replace(".", ",")
        out.append(";".join(fields))
    path = folder / "2026_modified.csv"
    path.write_text("\n".join(out) + "\n", encoding="cp1252")
    return path


def scores_2026(path: Path) -> dict[str, float]:
    parsed = parse_index_csv(path, read_text(path))
    return {str(r["code"]): cast(float, r["score"]) for r in parsed.rows}


# --- the snapshot ---------------------------------------------------------------------------


def test_snapshot_answers_from_the_built_database(snapshot: Snapshot) -> None:
    snap = snapshot
    assert snap.years == [*range(2002, 2011), *range(2012, 2027)]
    assert snap.latest_year == 2026
    kaz = snap.result("KAZ", 2024)
    assert kaz is not None and (kaz.rank, kaz.score, kaz.total) == (142, 41.11, 180)
    assert kaz.situation == "difficult" and kaz.zone == "EEAC"
    previous = snap.previous(kaz)
    assert previous is not None and (previous.year, previous.rank) == (2023, 134)
    history = snap.history("KAZ")
    assert [r.year for r in history] == snap.years
    assert [r.rank for r in snap.by_year[2026][:1]] == [1]
    assert len(snap.by_year[2026]) == 180
    country = snap.countries["KAZ"]
    assert (country.name_en, country.region, country.last_year) == (
        "Kazakhstan", "europe_central_asia", 2026
    )
    profile = snap.profile("KAZ", 2026)
    assert profile is not None and profile[0] == 2024 and len(profile[1]) == 7
    assert snap.result("KAZ", 2011) is None
    assert any(a.alias == "Finlândia" and a.code == "FIN" for a in snap.aliases)


def test_snapshot_is_reused_until_another_connection_commits(
    copy_store: Store, db_copy: Path, tmp_path: Path
) -> None:
    store = copy_store
    first = store.snapshot()
    assert store.snapshot() is first  # nothing changed: no reload
    other = Store(db_copy)  # another connection, as `pressbot data import` would be
    try:
        import_paths(other, [modified_2026(tmp_path)])
    finally:
        other.close()
    second = store.snapshot()
    assert second is not first and second.generation > first.generation
    old, new = first.result("KAZ", 2026), second.result("KAZ", 2026)
    assert old is not None and new is not None
    assert (old.score, new.score) == (34.41, 34.40)
    assert store.snapshot() is second


def test_reader_in_another_process_never_sees_a_partial_year(
    copy_store: Store, db_copy: Path, tmp_path: Path
) -> None:
    """A writer process alternates two versions of 2026 while we keep reading snapshots."""
    store = copy_store
    version_a = modified_2026(tmp_path)
    version_b = CSV_DIR / "2026.csv"
    expected_a, expected_b = scores_2026(version_a), scores_2026(version_b)
    assert len(expected_a) == len(expected_b) == 180
    assert all(expected_a[c] != expected_b[c] for c in expected_a)
    imports = 12
    writer = subprocess.Popen(
        [
            sys.executable, "-c",
            "import sys\n"
            "from bot.importer import import_paths\n"
            "from bot.store import Store\n"
            "db = Store(sys.argv[1])\n"
            "for i in range(int(sys.argv[4])):\n"
            "    import_paths(db, [sys.argv[2 + i % 2]])\n"
            "db.close()\n",
            str(db_copy), str(version_a), str(version_b), str(imports),
        ],
        cwd=ROOT,
    )
    seen: list[str] = []
    generations: set[int] = set()
    deadline = time.monotonic() + 40
    try:
        while True:
            done = writer.poll() is not None  # read once more after the writer is done
            snap = store.snapshot()
            scores = {r.code: r.score for r in snap.by_year[2026]}
            assert len(scores) == 180
            if scores == expected_a:
                version = "A"
            elif scores == expected_b:
                version = "B"
            else:
                mixed = sum(scores[c] == expected_a[c] for c in scores)
                pytest.fail(f"snapshot {snap.generation} mixes versions: {mixed}/180 from A")
            if not seen or seen[-1] != version:
                seen.append(version)
            generations.add(snap.generation)
            if done or time.monotonic() > deadline:
                break
    finally:
        if writer.poll() is None:
            writer.kill()
        writer.wait(timeout=10)
    assert writer.returncode == 0
    assert seen[-1] == "B"  # the writer's last import (an even count ends on B)
    assert len(generations) > 1  # the reader did see the writer's commits


# --- where the database lives and how it comes to be ----------------------------------------


def test_default_locations_follow_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("PRESSBOT_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_db_path() == tmp_path / "xdg" / "pressbot" / "pressbot.db"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_db_path() == tmp_path / "home" / ".local" / "share" / "pressbot" / "pressbot.db"
    monkeypatch.setenv("PRESSBOT_DB", str(tmp_path / "explicit.db"))
    assert default_db_path() == tmp_path / "explicit.db"
    monkeypatch.delenv("PRESSBOT_DATA", raising=False)
    assert data_dir() == ROOT / "data"
    monkeypatch.setenv("PRESSBOT_DATA", str(tmp_path / "elsewhere"))
    assert data_dir() == tmp_path / "elsewhere"


def test_open_store_builds_on_first_use_and_reuses_after(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "er" / "pressbot.db"
    store = open_store(target)
    try:
        snap = store.snapshot()
        kaz = snap.result("KAZ", 2026)
        assert kaz is not None and kaz.rank == 149
        assert snap.profile("KAZ") is not None
    finally:
        store.close()
    assert sorted(p.name for p in target.parent.iterdir()) == ["pressbot.db"]
    inode = target.stat().st_ino
    open_store(target).close()
    assert target.stat().st_ino == inode


def test_a_late_builder_never_replaces_a_database_in_use(db_path: Path, tmp_path: Path) -> None:
    """Two first starts race: the loser must not swap the file under the winner's feet."""
    target = tmp_path / "pressbot.db"
    shutil.copyfile(db_path, target)
    store = Store(target)  # the winner, already serving
    try:
        store.subscribe(42, ["KAZ"], "en")
        inode = target.stat().st_ino
        build_database(target)  # the loser finishes its build afterwards
        assert target.stat().st_ino == inode
        assert store.subscriptions(42) == ["KAZ"]
    finally:
        store.close()
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".pressbot-")]
    assert leftovers == []
    with closing(sqlite3.connect(target)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_built_database_is_complete_and_self_contained(tmp_path: Path) -> None:
    built = tmp_path / "fresh.db"
    build_database(built)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fresh.db"]
    with closing(sqlite3.connect(built)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        years = conn.execute("SELECT count(DISTINCT year) FROM results").fetchone()[0]
        profiles = conn.execute("SELECT count(*) FROM profiles").fetchone()[0]
        kinds = dict(conn.execute("SELECT kind, count(*) FROM imports GROUP BY kind"))
        vdem = conn.execute("SELECT count(*) FROM vdem").fetchone()[0]
    assert (years, profiles) == (24, 7)
    curated = (ROOT / "data" / "aliases.csv").exists()  # shipped by the alias work, if in
    assert kinds == {"csv": 24, "vdem": 1, "profile": 1, **({"aliases": 1} if curated else {})}
    shipped = (ROOT / "data" / "vdem" / "vdem_media_v14.csv").read_text(encoding="utf-8")
    assert vdem == len(shipped.strip().splitlines()) - 1  # every country-year, no header


def test_data_dir_override_builds_from_another_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    source = tmp_path / "data"
    (source / "csv").mkdir(parents=True)
    shutil.copy(CSV_DIR / "2025.csv", source / "csv")
    monkeypatch.setenv("PRESSBOT_DATA", str(source))
    store = open_store(tmp_path / "small.db")
    try:
        assert store.snapshot().years == [2025]
    finally:
        store.close()
    assert os.path.exists(tmp_path / "small.db")
