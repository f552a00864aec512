"""Property-based tests: hostile text through the pipeline, corrupted RSF files through the
importer.  ``PRESSBOT_FUZZ_EXAMPLES`` sets the number of examples (CI runs the default;
``PRESSBOT_FUZZ_EXAMPLES=5000 .venv/bin/pytest tests/test_properties.py`` runs a long one).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from fakebotapi import parse_html
from fuzzstats import STATS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.importer import ImportFailed, import_paths, read_text
from bot.pipeline import Pipeline
from bot.render import MAX_MESSAGE
from bot.store import Store

EXAMPLES = int(os.environ.get("PRESSBOT_FUZZ_EXAMPLES", "60"))
DATA = Path(__file__).resolve().parent.parent / "data"

FRAGMENTS = [
    "Kazakhstan",
    "Казахстан",
    "🇰🇿",
    "compare",
    "vs",
    "top 50",
    "2023",
    "safety",
    "\u200f",
    "\u202e",
    "\u200b",
    "\u200d",
    "\ufeff",
    "\x00",
    "\x1b[31m",
    "\r\n",
    "<b>",
    "</i>",
    "<a href=",
    "&amp;",
    "&nbsp;",
    "&",
    "<",
    ">",
    "*bold*",
    "_it_",
    "`code`",
    "[x](y)",
    "'; DROP TABLE results; --",
    '" OR 1=1',
    "%s%n",
    "{0}",
    "\\",
    "🏳️‍🌈",
    "👨‍👩‍👧",
    "Ｋａｚａｋｈｓｔａｎ",
    "ǅ",
    "ß",
    "İ",
    "NEAR(",
    '"',
    "*",
    "Norway,Finland,Mali,Malta,Malawi,Niger,Nigeria",
    "x" * 5000,
]

hostile_text = st.one_of(
    st.text(max_size=10_000),
    st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=20), max_size=60).map(" ".join),
    st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join),
).map(lambda s: s[:10_000])


@pytest.fixture(scope="module")
def pipeline(db_path: Path) -> Pipeline:
    return Pipeline.open(db_path)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=hostile_text, lang=st.sampled_from([None, "en", "ru", "kk", "zh-hans", ""]))
def test_any_text_gets_valid_messages(pipeline: Pipeline, text: str, lang: str | None) -> None:
    STATS["pipeline inputs tried"] += 1
    reply = pipeline.ask(text, lang=lang)
    assert reply.messages
    for message in reply.messages:
        visible, _ = parse_html(message)
        assert 0 < len(visible) <= MAX_MESSAGE
    for row in reply.rendered.buttons:
        for button in row:
            assert 0 < len(button.data.encode()) <= 64


# --- importer -------------------------------------------------------------------------------


def _fingerprint(path: Path) -> str:
    """A digest of every row of every table: equal means the database did not change."""
    with closing(sqlite3.connect(path)) as conn:
        digest = hashlib.sha256()
        for line in conn.iterdump():
            digest.update(line.encode())
        return digest.hexdigest()


def _corrupt(data: bytes, how: str, where: float, extra: int) -> bytes:
    text = read_text(Path("x.csv"), data)
    lines = text.split("\n")
    spot = int(where * max(len(data) - 1, 1))
    row = 1 + int(where * max(len(lines) - 2, 1))
    if how == "truncate":
        return data[:spot]
    if how == "drop byte":
        return data[:spot] + data[spot + 1 :]
    if how == "insert byte":
        return data[:spot] + bytes([extra % 256]) + data[spot:]
    if how == "stray separator":
        cells = lines[row].split(";")
        cells.insert(extra % (len(cells) + 1), "")
        lines[row] = ";".join(cells)
    elif how == "duplicate row":
        lines.insert(row, lines[row])
    elif how == "shuffle columns":
        table = [line.split(";") for line in lines if line]
        width = len(table[0])
        a, b = extra % width, (extra // width) % width
        for cells in table:
            if len(cells) == width:
                cells[a], cells[b] = cells[b], cells[a]
        return "\n".join(";".join(c) for c in table).encode("utf-8")
    elif how == "latin-1":
        return text.encode("latin-1", errors="replace")
    elif how == "utf-16":
        return text.encode("utf-16")
    elif how == "blank cell":
        cells = lines[row].split(";")
        cells[extra % len(cells)] = ""
        lines[row] = ";".join(cells)
    return "\n".join(lines).encode("utf-8")


CORRUPTIONS = [
    "truncate",
    "drop byte",
    "insert byte",
    "stray separator",
    "duplicate row",
    "shuffle columns",
    "latin-1",
    "utf-16",
    "blank cell",
]


@pytest.fixture(scope="module")
def import_db(db_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "fuzz.db"
    shutil.copy(db_path, path)
    return path


@settings(
    max_examples=max(EXAMPLES // 4, 20),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    year=st.sampled_from([2002, 2012, 2021, 2022, 2024, 2025, 2026]),
    how=st.sampled_from(CORRUPTIONS),
    where=st.floats(0, 1),
    extra=st.integers(0, 10_000),
)
def test_corrupted_files_import_fully_or_not_at_all(
    import_db: Path,
    tmp_path_factory: pytest.TempPathFactory,
    year: int,
    how: str,
    where: float,
    extra: int,
) -> None:
    STATS["import corruptions tried"] += 1
    bad = tmp_path_factory.mktemp("bad") / f"{year}.csv"
    bad.write_bytes(_corrupt((DATA / "csv" / f"{year}.csv").read_bytes(), how, where, extra))
    before = _fingerprint(import_db)
    db = Store(import_db)
    try:
        import_paths(db, [bad])
    except ImportFailed as exc:
        STATS["import corruptions refused"] += 1
        assert exc.line >= 0 and exc.column >= 0 and str(bad) in str(exc)
        db.close()
        assert _fingerprint(import_db) == before, "a refused file changed the database"
        return
    db.close()
    STATS["import corruptions accepted"] += 1
    # Accepted: the year is complete (as many rows as the file has countries) and consistent.
    with closing(sqlite3.connect(import_db)) as conn:
        rows = conn.execute(
            "SELECT year, count(*), max(total), min(total) FROM results GROUP BY year"
        ).fetchall()
    for year_, n, total, least in rows:
        assert n == total == least, (year_, n, total, least)
    # Put the real file back for the next example.
    db = Store(import_db)
    import_paths(db, [DATA / "csv" / f"{year}.csv"])
    db.close()
