"""``pressbot data import`` / ``pressbot data status`` run as real subprocesses.

Refusals name ``file:line:column``, exit with status 1 and leave the database exactly as it
was (compared by a full ``iterdump``); a SIGKILL mid-import leaves the old data; the first
start builds the database at the default location, even with two processes at once.
"""

from __future__ import annotations

import csv
import getpass
import io
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from bot.importer import read_text

ROOT = Path(__file__).resolve().parent.parent
CSV_DIR = ROOT / "data" / "csv"
DATA = ROOT / "data"
PROFILE = ROOT / "data" / "profiles" / "kaz_2024.txt"
SHIPPED_CSVS = sorted(CSV_DIR.glob("*.csv"))

pytestmark = pytest.mark.timeout(60)


def run_cli(
    *args: str, db: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "bot"]
    if db is not None:
        command += ["--db", str(db)]
    return subprocess.run(
        [*command, *args],
        cwd=ROOT,
        env=env if env is not None else clean_env((db or ROOT).parent / "home"),
        capture_output=True,
        text=True,
        timeout=30,
    )


def clean_env(home: Path) -> dict[str, str]:
    """The caller's environment without our variables (but the run's understanding cache),
    and a private HOME / XDG_DATA_HOME."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("PRESSBOT_") or k == "PRESSBOT_CACHE"}
    env.pop("TELEGRAM_BOT_TOKEN", None)
    env["HOME"] = str(home)
    env["XDG_DATA_HOME"] = str(home / "xdg")
    return env


def dump(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return list(conn.iterdump())


def results_state(path: Path) -> tuple[str, int]:
    """What the figures are (a digest of the results table) and how many rows hold them."""
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows = conn.execute("SELECT * FROM results ORDER BY year, code").fetchall()
    return repr(rows), len(rows)


@pytest.fixture
def db(db_path: Path, tmp_path: Path) -> Path:
    """A private copy of conftest's database built from data/."""
    copy = tmp_path / "pressbot.db"
    shutil.copyfile(db_path, copy)
    return copy


# --- the refusals matrix --------------------------------------------------------------------

Edit = Callable[[bytes], bytes]


def set_field(line: int, field: int, value: bytes) -> Edit:
    """Replace one ``;`` field of one line, bytes untouched elsewhere (encodings, CR CR LF)."""

    def edit(raw: bytes) -> bytes:
        lines = raw.split(b"\n")
        fields = lines[line - 1].split(b";")
        fields[field] = value
        lines[line - 1] = b";".join(fields)
        return b"\n".join(lines)

    return edit


def insert_after(line: int, anchor: bytes, extra: bytes) -> Edit:
    def edit(raw: bytes) -> bytes:
        lines = raw.split(b"\n")
        assert anchor in lines[line - 1]
        lines[line - 1] = lines[line - 1].replace(anchor, anchor + extra, 1)
        return b"\n".join(lines)

    return edit


def keep_fields(line: int, count: int) -> Edit:
    def edit(raw: bytes) -> bytes:
        lines = raw.split(b"\n")
        lines[line - 1] = b";".join(lines[line - 1].split(b";")[:count])
        return b"\n".join(lines)

    return edit


def drop_lines(first: int, last: int) -> Edit:
    def edit(raw: bytes) -> bytes:
        lines = raw.split(b"\n")
        return b"\n".join(lines[: first - 1] + lines[last:])

    return edit


def header_only(raw: bytes) -> bytes:
    return raw.split(b"\n")[0] + b"\n"


def empty(raw: bytes) -> bytes:
    return b""


#: name → (source file, edit, "line:column", start of the reason)
BAD_FILES: dict[str, tuple[str, Edit, str, str]] = {
    "missing_key_column": (
        "2024.csv", lambda raw: raw.replace(b";Score;", b";Points;", 1), "1:1",
        "no 'score' column in the header",
    ),
    "non_numeric_score": (
        "2024.csv", set_field(3, 1, b"n/a"), "3:5", "score 'n/a' is not a number"
    ),
    "duplicate_country": (
        "2024.csv", set_field(4, 0, b"DNK"), "4:1", "DNK appears twice (first on line 3)"
    ),
    "rank_above_total": ("2024.csv", set_field(2, 2, b"181"), "2:11", "rank 181 is outside 1..180"),
    "rank_zero": ("2024.csv", set_field(181, 2, b"0"), "181:11", "rank 0 is outside 1..180"),
    "no_country_code": ("2024.csv", set_field(5, 0, b""), "5:1", "no country code"),
    "truncated_row": (
        "2024.csv", keep_fields(181, 5), "181:24",
        "row has 5 fields, the header has 26 (truncated row?)",
    ),
    "row_from_another_year": (
        "2024.csv", set_field(6, 21, b"2023"), "6:133", "year 2023 differs from 2024 above"
    ),
    # "Norvège" is 7 characters but 8 bytes: the column counts characters.
    "bad_byte_in_bom_utf8": (
        "2024.csv", insert_after(2, "Norvège".encode(), b"\xff"), "2:86",
        "byte 0xff cannot be decoded as utf-8",
    ),
    "undefined_cp1252_byte": (
        "2026.csv", insert_after(3, "Estônia".encode("cp1252"), b"\x81"), "3:95",
        "byte 0x81 cannot be decoded as cp1252",
    ),
    # 2022.csv ends its lines with CR CR LF: still one line each.
    "bad_score_in_cr_cr_lf_file": (
        "2022.csv", set_field(100, 1, b"9O,1"), "100:5", "score '9O,1' is not a number"
    ),
    "bad_byte_in_cr_cr_lf_file": (
        "2022.csv", set_field(50, 1, b"\xff9,1"), "50:5", "byte 0xff cannot be decoded as utf-8"
    ),
    "empty_file": ("2024.csv", empty, "1:1", "the file is empty"),
    "header_only": ("2024.csv", header_only, "2:1", "the file has a header but no rows"),
    "profile_without_figures": ("kaz_2024.txt", drop_lines(1, 16), "1:1", "no figures"),
    "profile_index_without_figures": (
        "kaz_2024.txt", drop_lines(2, 3), "1:1",
        "'Index 2024' is not followed by its 'rank/ total' and 'Score :' lines",
    ),
}


def make_bad(tmp_path: Path, name: str) -> tuple[Path, str]:
    source, edit, position, reason = BAD_FILES[name]
    origin = PROFILE if source.endswith(".txt") else CSV_DIR / source
    bad = tmp_path / f"{name}{origin.suffix}"
    bad.write_bytes(edit(origin.read_bytes()))
    assert bad.read_bytes() != origin.read_bytes()
    return bad, f"refused: {bad}:{position}: {reason}"


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_bad_file_is_refused_with_its_position_and_changes_nothing(
    db: Path, tmp_path: Path, name: str
) -> None:
    bad, refusal = make_bad(tmp_path, name)
    before = dump(db)
    result = run_cli("data", "import", str(bad), db=db)
    assert result.returncode == 1, result.stdout + result.stderr
    first, *rest = result.stderr.splitlines()
    assert first.startswith(refusal), result.stderr
    assert rest == ["nothing was changed in the database"]
    assert result.stdout == ""
    assert dump(db) == before


@pytest.mark.parametrize("bad_name", ["non_numeric_score", "profile_without_figures"])
def test_good_and_bad_files_in_one_command_change_nothing(
    db: Path, tmp_path: Path, bad_name: str
) -> None:
    good = tmp_path / "2025_renamed.csv"
    good.write_bytes(
        (CSV_DIR / "2025.csv").read_bytes().replace(b"Kazakhstan;", b"Qazaqstan;", 1)
    )
    bad, refusal = make_bad(tmp_path, bad_name)
    before = dump(db)
    result = run_cli("data", "import", str(good), str(PROFILE), str(bad), db=db)
    assert result.returncode == 1
    assert result.stderr.startswith(refusal)
    assert dump(db) == before


def test_profile_with_mismatching_country_is_refused(db: Path) -> None:
    before = dump(db)
    refused = run_cli("data", "import", str(PROFILE), "--country", "kgz", db=db)
    assert refused.returncode == 1
    assert refused.stderr.startswith(
        f"refused: {PROFILE}:1:1: KGZ's 2024 figures in the store differ from the page's "
        "142/180, score 41.11"
    )
    unknown = run_cli("data", "import", str(PROFILE), "--country", "ZZZ", db=db)
    assert unknown.returncode == 1
    assert unknown.stderr.startswith(f"refused: {PROFILE}:1:1: --country ZZZ: no such country")
    assert dump(db) == before
    accepted = run_cli("data", "import", str(PROFILE), "--country", "KAZ", db=db)
    assert accepted.returncode == 0, accepted.stderr
    assert accepted.stdout == (
        "imported kaz_2024.txt: profile 2024 KAZ: 7 rows, 0 added, 0 changed, 7 unchanged\n"
    )


# --- successful imports and status ----------------------------------------------------------


def test_reimport_reports_nothing_added_or_changed(db: Path) -> None:
    with closing(sqlite3.connect(db)) as conn:
        before = conn.execute("SELECT * FROM results ORDER BY year, code").fetchall()
    result = run_cli("data", "import", *map(str, SHIPPED_CSVS), db=db)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 24
    assert lines[-1] == "imported 2026.csv: csv 2026: 180 rows, 0 added, 0 changed, 180 unchanged"
    assert all(", 0 added, 0 changed, " in line for line in lines)
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT * FROM results ORDER BY year, code").fetchall() == before


def test_next_year_file_through_the_cli(db: Path, tmp_path: Path) -> None:
    text = read_text(CSV_DIR / "2026.csv").replace("Score 2026", "Score 2027")
    text = text.replace(";2026;", ";2027;")  # the Year (N) column
    path = tmp_path / "classement.csv"
    path.write_text(text, encoding="utf-8")
    result = run_cli("data", "import", str(path), db=db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "imported classement.csv: csv 2027: 180 rows, 180 added, 0 changed, 0 unchanged",
        f"change #2 by {getpass.getuser()} (cli); to take it back: pressbot data undo",
    ]
    status = run_cli("data", "status", db=db)
    assert "years: 2002–2027 (25)" in status.stdout


def test_status_prints_years_countries_profiles_aliases_and_last_imports(db: Path) -> None:
    result = run_cli("data", "status", db=db)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"database: {db}"
    assert lines[1] == "years: 2002–2026 (24)"
    # RSF's one combined 2011–12 index is named as RSF names it (filed under 2012).
    per_year = ", ".join(
        f"{'2011–12' if path.stem == '2012' else path.stem}:"
        f"{sum(1 for x in read_text(path).split(chr(10))[1:] if x.strip())}"
        for path in SHIPPED_CSVS
    )
    assert lines[2] == f"countries per year: {per_year}"
    assert ", 2011–12:179, " in lines[2] and ", 2012:" not in lines[2]
    assert lines[2].startswith("countries per year: 2002:139, 2003:166,")
    assert lines[3] == "countries: 189"
    assert lines[4] == "profiles: 1 (KAZ 2024)"
    assert lines[5].startswith("aliases: ") and "rsf " in lines[5] and "iso " in lines[5]
    vdem = list(csv.DictReader(io.StringIO((DATA / "vdem" / "vdem_media_v14.csv").read_text(
        encoding="utf-8"))))
    years = sorted({int(row["year"]) for row in vdem})
    assert lines[6] == (f"vdem: {len(vdem)} rows, {len({r['country_text_id'] for r in vdem})} "
                        f"countries, {years[0]}–{years[-1]}")
    assert lines[7] == "last imports:"
    # The first build: one change, its latest files, nothing an undo could take back.
    assert re.fullmatch(r"  #1  \S+  import by pressbot \(build\), live", lines[8])
    latest = lines[9:12]
    assert any("kaz_2024.txt  profile 2024 KAZ: 7 rows, 7 added" in line for line in latest)
    assert any(f"vdem_media_v14.csv  vdem {years[-1]}: {len(vdem)} rows, {len(vdem)} added"
               in line for line in latest)
    assert lines[12] == "      … and 24 more files"
    assert lines[13].startswith("undo history: 0 of the last 10 changes kept, 0 rows, ")
    assert len(lines) == 14


# --- first start ----------------------------------------------------------------------------


def test_first_use_builds_the_database_at_the_xdg_location(tmp_path: Path) -> None:
    env = clean_env(tmp_path / "home")
    result = run_cli("data", "status", env=env)
    assert result.returncode == 0, result.stderr
    target = tmp_path / "home" / "xdg" / "pressbot" / "pressbot.db"
    assert result.stdout.startswith(f"database: {target}\nyears: 2002–2026 (24)\n")
    assert results_state(target)[1] > 4000
    again = run_cli("data", "status", env=env)
    assert again.stdout == result.stdout  # built once, not again
    env["PRESSBOT_DB"] = str(tmp_path / "elsewhere" / "bot.db")
    moved = run_cli("data", "status", env=env)
    assert moved.stdout.startswith(f"database: {tmp_path / 'elsewhere' / 'bot.db'}\n")


def test_two_first_starts_at_once_both_succeed(tmp_path: Path) -> None:
    env = clean_env(tmp_path / "home")
    command = [sys.executable, "-m", "bot", "data", "status"]
    procs = [
        subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [proc.communicate(timeout=30) for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0], outputs
    assert outputs[0][0] == outputs[1][0]
    assert "years: 2002–2026 (24)" in outputs[0][0]
    folder = tmp_path / "home" / "xdg" / "pressbot"
    assert [p.name for p in folder.iterdir() if p.name.startswith(".pressbot-")] == []
    assert results_state(folder / "pressbot.db")[1] > 4000


def test_import_on_first_use_builds_then_imports(tmp_path: Path) -> None:
    env = clean_env(tmp_path / "home")
    result = run_cli("data", "import", str(PROFILE), env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith("profile 2024 KAZ: 7 rows, 0 added, 0 changed, 7 unchanged\n")


# --- SIGKILL mid-import ---------------------------------------------------------------------


def shifted_csvs(folder: Path) -> list[Path]:
    """Every shipped CSV with every score moved by 0.01 (toward 50, so 0..100 still holds)."""
    folder.mkdir()
    paths = []
    for source in SHIPPED_CSVS:
        lines = read_text(source).split("\n")
        # The score column: 2022+ "ISO;Score;…", before "Year (N);ISO;Rank N;Score N;…".
        at = 1 if lines[0].startswith("ISO;") else 3
        out = [lines[0]]
        for line in filter(None, lines[1:]):
            fields = line.split(";")
            value = float(fields[at].replace(",", "."))
            value += 0.01 if value < 50 else -0.01
            fields[at] = f"{value:.3f}".replace(".", ",")
            out.append(";".join(fields))
        path = folder / source.name
        path.write_text("\n".join(out) + "\n", encoding="utf-8-sig")
        paths.append(path)
    return paths


def test_sigkill_during_import_leaves_old_or_new_data(db: Path, tmp_path: Path) -> None:
    old_files, new_files = SHIPPED_CSVS, shifted_csvs(tmp_path / "shifted")
    old_state = results_state(db)
    # The complete import once, on a copy: what "fully new" looks like and how long it takes.
    reference = tmp_path / "reference.db"
    shutil.copyfile(db, reference)
    started = time.monotonic()
    assert run_cli("data", "import", *map(str, new_files), db=reference).returncode == 0
    duration = time.monotonic() - started
    new_state = results_state(reference)
    assert new_state != old_state and new_state[1] == old_state[1]

    # Kill moments spread over the whole run (start-up, parsing, the write transaction),
    # one at a random point of each eighth of it.
    rng = random.Random(20260426)
    kills = [(i + rng.random()) / 8 * max(duration, 0.3) for i in range(8)]
    current = old_state
    outcomes = []
    for delay in kills:
        files = new_files if current == old_state else old_files
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "--db", str(db), "data", "import", *map(str, files)],
            cwd=ROOT, env=clean_env(tmp_path / "home"),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        state = results_state(db)  # also runs PRAGMA integrity_check
        assert state in (old_state, new_state)
        outcomes.append("killed" if proc.returncode == -signal.SIGKILL else "finished")
        current = state
    assert "killed" in outcomes
    # Still a working database for the bot afterwards.
    status = run_cli("data", "status", db=db)
    assert status.returncode == 0 and "years: 2002–2026 (24)" in status.stdout


def test_first_use_without_shipped_data_fails_clearly(tmp_path: Path) -> None:
    """A plain (non-editable) install has no data/: say so, and leave no empty database."""
    env = {**os.environ, "PRESSBOT_DATA": str(tmp_path), "PRESSBOT_DB": str(tmp_path / "x.db")}
    run = subprocess.run([sys.executable, "-m", "bot", "ask", "Kazakhstan"], env=env,
                         capture_output=True, text=True, timeout=60, check=False)
    assert run.returncode == 1 and "no RSF index CSV here" in run.stderr
    assert "Traceback" not in run.stderr and not (tmp_path / "x.db").exists()
