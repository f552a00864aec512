"""What an import may change, and how an operator undoes a mistake (issue 15: findings 1,
2 and 6).

* Index years are 2002 to next year; a year more than one ahead of the latest needs
  ``--force``; ``pressbot data remove`` takes a year (or a profile, or the alias list) out
  in one transaction and puts the announced year back, so the next real year alerts.
* Old-method scores (2002–2012) stay inside a documented sanity range; no number that is
  not finite is stored.
* A corrected file replaces what the file it corrects defined: no country, name or alias
  of the wrong file stays behind, and ``data status`` counts only what is live.

Everything runs on real database files and, where an operator would type a command, the
real command line in a subprocess (helpers from test_data_cli).
"""

from __future__ import annotations

import re
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest
from test_data_cli import CSV_DIR, PROFILE, ROOT, SHIPPED_CSVS, dump, run_cli

from bot.domain import OLD_SCORE_RANGE, SCALE_OLD, scale_of
from bot.importer import ImportFailed, import_paths, read_text
from bot.importer.years import skipped
from bot.store import Store

pytestmark = pytest.mark.timeout(120)

THIS_YEAR = datetime.now(UTC).year
ALIASES = ROOT / "data" / "aliases.csv"


@pytest.fixture
def db(db_copy: Path) -> Path:
    return db_copy


def rows(db: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql, params).fetchall()


def value(db: Path, sql: str, *params: object) -> object:
    return rows(db, sql, *params)[0][0]


def as_year(tmp_path: Path, year: int, source: Path = CSV_DIR / "2026.csv",
            name: str | None = None) -> Path:
    """RSF's 2026 file relabelled as another year (its header and its Year (N) column)."""
    text = read_text(source).replace("Score 2026", f"Score {year:04d}")
    text = text.replace(";2026;", f";{year:04d};")
    path = tmp_path / (name or f"{year:04d}.csv")
    path.write_text(text, encoding="utf-8")
    return path


def refused(result: subprocess.CompletedProcess[str], reason: str) -> None:
    """Exit status 1, the reason on the first line of stderr, no traceback."""
    assert result.returncode == 1, result.stdout + result.stderr
    assert reason in result.stderr.splitlines()[0], result.stderr
    assert "Traceback" not in result.stderr


# --- finding 1: which years an index can have -----------------------------------------------


def test_a_year_no_index_can_have_is_refused(db: Path, tmp_path: Path) -> None:
    before = dump(db)
    for year in [0, 1850, 2001, 9999, THIS_YEAR + 2]:
        path = as_year(tmp_path, year)
        with pytest.raises(ImportFailed) as refusal:
            import_into(db, path)
        assert re.fullmatch(
            rf"{re.escape(str(path))}:2:\d+: year {year} is not an index year: RSF's index "
            rf"runs from 2002 to next year \({THIS_YEAR + 1}\) at the latest",
            str(refusal.value)), refusal.value
    # The command line says the same, with exit status 1.
    path = as_year(tmp_path, 2999)
    result = run_cli("data", "import", str(path), db=db)
    refused(result, f"refused: {path}:2:")
    assert "year 2999 is not an index year" in result.stderr
    assert dump(db) == before


def import_into(db: Path, *paths: Path) -> None:
    store = Store(db)
    try:
        import_paths(store, paths)
    finally:
        store.close()


def test_next_year_is_the_latest_accepted(db: Path, tmp_path: Path) -> None:
    result = run_cli("data", "import", str(as_year(tmp_path, THIS_YEAR + 1)), db=db)
    assert result.returncode == 0, result.stderr
    assert f"csv {THIS_YEAR + 1}: 180 rows, 180 added" in result.stdout


def test_a_year_beyond_the_next_needs_force(db: Path, tmp_path: Path) -> None:
    """With 2025 and 2026 removed the latest index is 2024: 2026 skips a year."""
    removed = run_cli("data", "remove", "2025", "2026", db=db)
    assert removed.returncode == 0, removed.stderr
    assert value(db, "SELECT max(year) FROM results") == 2024
    before = dump(db)
    path = as_year(tmp_path, 2026)
    result = run_cli("data", "import", str(path), db=db)
    refused(result, "year 2026 is 2 years after the latest index (2024)")
    assert "--force" in result.stderr
    assert dump(db) == before
    forced = run_cli("data", "import", "--force", str(path), db=db)
    assert forced.returncode == 0, forced.stderr
    assert value(db, "SELECT max(year) FROM results") == 2026


def test_missing_years_in_one_command_are_no_gap(db: Path) -> None:
    """2025 and 2026 given together (in any order) close the gap themselves; 2011 is no
    gap either: RSF published one combined 2011–12 index, filed as 2012."""
    assert run_cli("data", "remove", "2025", "2026", db=db).returncode == 0
    result = run_cli("data", "import", str(CSV_DIR / "2026.csv"), str(CSV_DIR / "2025.csv"),
                     db=db)
    assert result.returncode == 0, result.stderr
    assert value(db, "SELECT max(year) FROM results") == 2026
    assert skipped(2010, 2012) == [] and skipped(2024, 2026) == [2025]


def test_remove_a_year_in_one_transaction(db: Path) -> None:
    kept = rows(db, "SELECT * FROM results WHERE year <> 2026 ORDER BY year, code")
    result = run_cli("data", "remove", "2026", db=db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("removed index 2026: 180 rows")
    assert rows(db, "SELECT * FROM results ORDER BY year, code") == kept
    # Every country's latest year is what is left.
    assert rows(db, "SELECT count(*) FROM countries WHERE last_year = 2026") == [(0,)]
    assert value(db, "SELECT last_year FROM countries WHERE code = 'KAZ'") == 2025
    status = run_cli("data", "status", db=db)
    assert "years: 2002–2025 (23)" in status.stdout
    assert "remove 2026: 180 rows" in status.stdout  # the change is logged
    # Nothing to remove is a refusal that changes nothing.
    before = dump(db)
    missing = run_cli("data", "remove", "2026", db=db)
    refused(missing, "there is no 2026 index in the database")
    assert dump(db) == before


def test_remove_a_profile_and_the_alias_list(db: Path) -> None:
    assert rows(db, "SELECT count(*) FROM profiles WHERE code = 'KAZ'") == [(7,)]
    result = run_cli("data", "remove", "profile", "kaz", "2024", db=db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("removed profile KAZ 2024: 7 sections")
    assert rows(db, "SELECT count(*) FROM profiles") == [(0,)]
    refused(run_cli("data", "remove", "profile", "KAZ", "2024", db=db),
            "there is no KAZ 2024 profile in the database")
    curated = value(db, "SELECT count(*) FROM aliases WHERE source = 'curated'")
    assert isinstance(curated, int) and curated > 400
    result = run_cli("data", "remove", "aliases", db=db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"removed the curated aliases: {curated} aliases")
    assert rows(db, "SELECT count(*) FROM aliases WHERE source = 'curated'") == [(0,)]
    # What was removed comes back by importing its file again.
    assert run_cli("data", "import", str(PROFILE), str(ALIASES), db=db).returncode == 0
    assert value(db, "SELECT count(*) FROM aliases WHERE source = 'curated'") == curated


@pytest.mark.parametrize("words", [["2026", "profile"], ["profile", "KAZ"], []])
def test_remove_says_how_it_is_used(db: Path, words: list[str]) -> None:
    before = dump(db)
    result = run_cli("data", "remove", *words, db=db)
    assert result.returncode == 2 and "usage:" in result.stderr
    assert "Traceback" not in result.stderr
    assert dump(db) == before


def plan_alerts(db: Path) -> int:
    """What the running bot's alert job does first: queue alerts for a new index year."""
    store = Store(db)
    try:
        return store.plan_alerts()
    finally:
        store.close()


def fake_year(db: Path, year: int) -> None:
    """A year an operator put in by hand with the sqlite3 tool (no import would take it)."""
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute(
            "INSERT INTO results (year, code, rsf_code, rank, total, score, scale, zone) "
            "SELECT ?, code, rsf_code, rank, total, score, scale, zone FROM results "
            "WHERE year = 2026", [year])


def test_removing_a_bogus_year_lets_the_next_real_year_alert(db: Path, tmp_path: Path) -> None:
    store = Store(db)
    store.subscribe(501, ["KAZ"], "en")
    store.close()
    assert plan_alerts(db) == 0  # the first run records 2026 as announced
    fake_year(db, 2999)
    assert plan_alerts(db) == 1  # the bogus year was announced to the subscriber
    assert value(db, "SELECT value FROM bot_state WHERE key = 'announced_year'") == "2999"
    result = run_cli("data", "remove", "2999", db=db)
    assert result.returncode == 0, result.stderr
    assert "announced year 2999 → 2026" in result.stdout
    assert value(db, "SELECT value FROM bot_state WHERE key = 'announced_year'") == "2026"
    assert rows(db, "SELECT count(*) FROM alerts WHERE year = 2999 AND status = 'pending'") \
        == [(0,)]
    real = run_cli("data", "import", str(as_year(tmp_path, 2027)), db=db)
    assert real.returncode == 0, real.stderr
    assert plan_alerts(db) == 1
    assert rows(db, "SELECT chat_id, year, status FROM alerts") == [(501, 2027, "pending")]


def test_a_year_removed_and_imported_again_alerts_each_chat_once(db: Path, tmp_path: Path) \
        -> None:
    store = Store(db)
    store.subscribe(601, ["KAZ"], "en")
    store.close()
    plan_alerts(db)
    path = as_year(tmp_path, 2027)
    assert run_cli("data", "import", str(path), db=db).returncode == 0
    assert plan_alerts(db) == 1
    with closing(sqlite3.connect(db)) as conn, conn:  # the bot delivered it
        conn.execute("UPDATE alerts SET status = 'sent'")
    assert run_cli("data", "remove", "2027", db=db).returncode == 0
    assert run_cli("data", "import", str(path), db=db).returncode == 0
    assert plan_alerts(db) == 0
    assert rows(db, "SELECT chat_id, year, status FROM alerts") == [(601, 2027, "sent")]


# --- finding 2: scores ------------------------------------------------------------------------


def old_scores() -> list[float]:
    """Every global score RSF published under the old method, read from its CSVs here."""
    found = []
    for path in SHIPPED_CSVS:
        if scale_of(int(path.stem)) != SCALE_OLD:
            continue
        lines = read_text(path).split("\n")
        at = lines[0].split(";").index("Score N")
        found += [float(line.split(";")[at].replace(",", "."))
                  for line in lines[1:] if line.strip()]
    return found


def test_the_sanity_range_holds_everything_rsf_published() -> None:
    scores = old_scores()
    assert len(scores) > 1500
    low, high = OLD_SCORE_RANGE
    assert low < min(scores) < 0 and 100 < max(scores) < high
    # Room to spare on both sides, and README says the same numbers.
    assert min(scores) - low >= 10 and high - max(scores) >= 50
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"{low:g} to {high:g}" in readme.replace("−", "-")
    assert f"{min(scores):g}" in readme.replace("−", "-") and f"{max(scores):g}" in readme


def edited_2012(tmp_path: Path, score: str) -> Path:
    lines = read_text(CSV_DIR / "2012.csv").split("\n")
    fields = lines[5].split(";")
    fields[3] = score
    lines[5] = ";".join(fields)
    path = tmp_path / "2012.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.mark.parametrize(("score", "reason"), [
    ("9" * 400, "is not a finite number"),
    ("1" * 400 + ",5", "is not a finite number"),
    ("500", "score 500.0 is outside -20..200"),
    ("-30,5", "score -30.5 is outside -20..200"),
    ("inf", "is not a number"),
    ("nan", "is not a number"),
    ("1e5", "is not a number"),
])
def test_impossible_old_scores_are_refused(db: Path, tmp_path: Path, score: str,
                                           reason: str) -> None:
    path = edited_2012(tmp_path, score)
    before = dump(db)
    with pytest.raises(ImportFailed) as refusal:
        import_into(db, path)
    assert re.match(rf"{re.escape(str(path))}:6:\d+: score ", str(refusal.value))
    assert reason in str(refusal.value)
    assert len(str(refusal.value)) < 200  # the 400 digits are not repeated
    assert dump(db) == before


def test_an_impossible_score_through_the_command_line(db: Path, tmp_path: Path) -> None:
    path = edited_2012(tmp_path, "9" * 400)
    before = dump(db)
    result = run_cli("data", "import", str(path), db=db)
    refused(result, f"refused: {path}:6:")
    assert "score '99999" in result.stderr and "is not a finite number" in result.stderr
    assert dump(db) == before


def test_no_stored_score_is_infinite(db_path: Path) -> None:
    with closing(sqlite3.connect(db_path)) as conn:
        columns = ["score", "political", "economic", "legal", "social", "safety"]
        for column in columns:
            assert conn.execute(
                f"SELECT count(*) FROM results WHERE abs({column}) > 1e300").fetchone() == (0,)


# --- finding 6: a corrected file replaces the wrong one ---------------------------------------


def wrong_2026(tmp_path: Path) -> Path:
    """RSF's 2026 file with its last country replaced by one that does not exist, and
    Kazakhstan's English name misspelt."""
    lines = read_text(CSV_DIR / "2026.csv").rstrip("\n").split("\n")
    last = lines[-1].split(";")
    last[0] = "ZZL"
    for at, name in [(14, "Zorlandie"), (15, "Zorlandia"), (16, "Zorlandia del Sur")]:
        last[at] = name
    lines[-1] = ";".join(last)
    lines = [line.replace(";Kazakhstan;", ";Xyzzystan;") for line in lines]
    path = tmp_path / "2026_wrong.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def live(db: Path) -> Iterator[dict[str, object]]:
    """What the database holds before the wrong file: countries, aliases, status."""
    yield {
        "countries": rows(db, "SELECT * FROM countries ORDER BY code"),
        "aliases": rows(db, "SELECT * FROM aliases ORDER BY alias, code, lang, source"),
        "results": rows(db, "SELECT * FROM results ORDER BY year, code"),
        "status": run_cli("data", "status", db=db).stdout.split("last imports:")[0],
    }


def test_a_corrected_file_leaves_nothing_of_the_wrong_one(
        db: Path, tmp_path: Path, live: dict[str, object]) -> None:
    wrong = run_cli("data", "import", str(wrong_2026(tmp_path)), db=db)
    assert wrong.returncode == 0, wrong.stderr
    assert rows(db, "SELECT code FROM countries WHERE code = 'ZZL'") == [("ZZL",)]
    asked = run_cli("ask", "--json", "Zorlandia", "Xyzzystan", db=db)
    assert '"countries": ["ZZL"]' in asked.stdout and '"countries": ["KAZ"]' in asked.stdout
    corrected = run_cli("data", "import", str(CSV_DIR / "2026.csv"), db=db)
    assert corrected.returncode == 0, corrected.stderr
    assert rows(db, "SELECT * FROM countries ORDER BY code") == live["countries"]
    assert rows(db, "SELECT * FROM aliases ORDER BY alias, code, lang, source") == \
        live["aliases"]
    assert rows(db, "SELECT * FROM results ORDER BY year, code") == live["results"]
    status = run_cli("data", "status", db=db).stdout.split("last imports:")[0]
    assert status == live["status"]
    after = run_cli("ask", "--json", "Zorlandia", "Xyzzystan", db=db)
    assert after.stdout.count('"countries": []') == 2, after.stdout
    assert "Zorland" not in after.stdout.replace('"question": "Zorlandia"', "")
    assert "Rank 149" in run_cli("ask", "Kazakhstan", db=db).stdout


def test_removing_the_year_a_wrong_country_came_from_removes_it(
        db: Path, tmp_path: Path, live: dict[str, object]) -> None:
    wrong = as_year(tmp_path, THIS_YEAR + 1, source=wrong_2026(tmp_path))
    assert run_cli("data", "import", str(wrong), db=db).returncode == 0
    assert rows(db, "SELECT count(*) FROM aliases WHERE code = 'ZZL'") != [(0,)]
    result = run_cli("data", "remove", str(THIS_YEAR + 1), db=db)
    assert result.returncode == 0, result.stderr
    assert "1 country gone (ZZL)" in result.stdout
    assert rows(db, "SELECT * FROM countries ORDER BY code") == live["countries"]
    assert rows(db, "SELECT * FROM aliases ORDER BY alias, code, lang, source") == \
        live["aliases"]


# --- finding 8: aliases are never words of questions ------------------------------------------


def alias_list(tmp_path: Path, alias: str, lang: str) -> tuple[Path, int]:
    """The shipped alias list with two more lines, the second naming KAZ ``alias``."""
    path = tmp_path / "aliases.csv"
    text = ALIASES.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(f"{text}\nKazakh steppe,KAZ,en\n{alias},KAZ,{lang}\n", encoding="utf-8")
    return path, text.count("\n") + 3


@pytest.mark.parametrize(("alias", "lang"), [("safe", "en"), ("worst", "en"), ("Safe", "en"),
                                             ("свобода", "ru"), ("compare", "und")])
def test_an_alias_that_is_a_question_word_is_refused(
        db: Path, tmp_path: Path, alias: str, lang: str) -> None:
    path, line = alias_list(tmp_path, alias, lang)
    before = dump(db)
    with pytest.raises(ImportFailed) as refusal:
        import_into(db, path)
    assert str(refusal.value).startswith(
        f"{path}:{line}:1: {alias!r} is a word questions are made of")
    assert dump(db) == before


def test_questions_keep_their_words_after_a_refused_alias(db: Path, tmp_path: Path) -> None:
    path, line = alias_list(tmp_path, "safe", "en")
    refused(run_cli("data", "import", str(path), db=db),
            f"{path}:{line}:1: 'safe' is a word questions are made of")
    asked = run_cli("ask", "--json", "are journalists safe in Kazakhstan?", "worst in Asia",
                    db=db)
    assert '"intent": "profile", "countries": ["KAZ"], "topic": "safety"' in asked.stdout
    assert '"intent": "ranking"' in asked.stdout


def test_rsf_names_that_are_question_words_name_no_country(db: Path, tmp_path: Path) -> None:
    """An index file is RSF's and is not refused for a name; the name is no alias."""
    lines = read_text(CSV_DIR / "2026.csv").rstrip("\n").split("\n")
    lines = [line.replace(";Kazakhstan;", ";Worst;") for line in lines]
    path = tmp_path / "2026.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert run_cli("data", "import", str(path), db=db).returncode == 0
    assert rows(db, "SELECT count(*) FROM aliases WHERE alias = 'Worst'") == [(0,)]
    asked = run_cli("ask", "--json", "worst in Asia", "Kazakhstan", db=db)
    assert '"intent": "ranking"' in asked.stdout and '"countries": ["KAZ"]' in asked.stdout
