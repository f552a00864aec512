"""The importer on RSF's real files: every shipped CSV and the Kazakhstan profile.

Everything runs against real SQLite files in tmp_path; nothing of ours is mocked.  The CLI
side (exit status, refusals matrix, SIGKILL) is in test_data_cli.py.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from bot.domain import SECTIONS, ZONE_REGION
from bot.importer import ImportFailed, import_paths, parse_index_csv, parse_profile, read_text
from bot.importer.index_csv import ParsedIndex
from bot.importer.transaction import parse_file
from bot.store import Snapshot, Store

ROOT = Path(__file__).resolve().parent.parent
CSV_DIR = ROOT / "data" / "csv"
PROFILE = ROOT / "data" / "profiles" / "kaz_2024.txt"
SHIPPED_CSVS = sorted(CSV_DIR.glob("*.csv"))

pytestmark = pytest.mark.timeout(60)


def dump(path: Path, *, skip: tuple[str, ...] = ()) -> list[str]:
    """Every statement that recreates the database (tables in ``skip`` left out)."""
    with closing(sqlite3.connect(path)) as conn:
        return [
            line for line in conn.iterdump() if not any(f'"{name}"' in line for name in skip)
        ]


def data_rows(path: Path) -> int:
    """Rows in an RSF CSV as a person counts them: non-blank lines after the header."""
    text = read_text(path)
    return sum(1 for line in text.split("\n")[1:] if line.strip(";").strip())


# ``db_path`` (conftest.py): the database a first start builds from data/ (every CSV, the
# profile imported without --country, the aliases), shared and read-only.


@pytest.fixture
def db(db_copy: Path) -> Iterator[Store]:
    database = Store(db_copy)
    yield database
    database.close()


def one(path: Path, sql: str) -> tuple[object, ...]:
    """The first row of a SELECT, on a connection of its own."""
    with closing(sqlite3.connect(path)) as conn:
        row: tuple[object, ...] = conn.execute(sql).fetchone()
        return row


@pytest.fixture(scope="module")
def ro(db_path: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    yield conn
    conn.close()


# --- every shipped year ---------------------------------------------------------------------


def test_every_shipped_csv_loads_with_total_equal_to_its_rows(ro: sqlite3.Connection) -> None:
    assert len(SHIPPED_CSVS) == 24
    counts = {
        row["year"]: (row["n"], row["totals"])
        for row in ro.execute(
            "SELECT year, count(*) AS n, group_concat(DISTINCT total) AS totals "
            "FROM results GROUP BY year"
        )
    }
    expected_years = [*range(2002, 2011), *range(2012, 2027)]
    assert sorted(counts) == expected_years
    for path in SHIPPED_CSVS:
        year = int(path.stem)
        rows = data_rows(path)
        assert counts[year] == (rows, str(rows)), path.name
    assert counts[2002][0] == 139 and counts[2026][0] == 180


@pytest.mark.parametrize(
    ("year", "rank", "score"),
    [(2023, 134, 45.87), (2024, 142, 41.11), (2025, 141, 39.34), (2026, 149, 34.41)],
)
def test_kazakhstan_check_figures(
    ro: sqlite3.Connection, year: int, rank: int, score: float
) -> None:
    row = ro.execute("SELECT * FROM results WHERE code = 'KAZ' AND year = ?", [year]).fetchone()
    assert (row["rank"], row["score"], row["total"]) == (rank, score, 180)


def test_kazakhstan_2026_indicators_and_their_ranks(snapshot: Snapshot) -> None:
    result = snapshot.result("KAZ", 2026)
    assert result is not None
    assert (result.rank, result.score, result.scale) == (149, 34.41, "2022+")
    assert result.indicators == {
        "political": (23.72, 154),
        "economic": (31.65, 150),
        "legal": (34.28, 152),
        "social": (39.30, 143),
        "safety": (43.09, 138),
    }


def test_combined_2011_12_index_is_stored_as_2012(ro: sqlite3.Connection) -> None:
    first_row = read_text(CSV_DIR / "2012.csv").split("\n")[1]
    assert first_row.startswith("2011-12;FIN;1;")
    years = [r[0] for r in ro.execute("SELECT DISTINCT year FROM results ORDER BY year")]
    assert 2011 not in years and 2012 in years
    fin = ro.execute("SELECT rank, score, scale FROM results WHERE code='FIN' AND year=2012")
    assert tuple(fin.fetchone()) == (1, -10.0, "2002-2012")


def test_renamed_codes_are_stored_under_the_current_code(ro: sqlite3.Connection) -> None:
    def pairs(code: str) -> dict[int, str]:
        return dict(ro.execute("SELECT year, rsf_code FROM results WHERE code = ?", [code]))

    kosovo, oecs = pairs("XKX"), pairs("CSS")
    assert (kosovo[2022], kosovo[2023], kosovo[2026]) == ("XKO", "XKX", "XKX")
    assert (oecs[2022], oecs[2023], oecs[2026]) == ("XCD", "CSS", "CSS")
    assert min(kosovo) == 2005 and min(oecs) == 2010
    old_codes = ro.execute(
        "SELECT count(*) FROM results WHERE code IN ('XKO', 'XCD')"
    ).fetchone()[0]
    assert old_codes == 0
    old_countries = ro.execute("SELECT count(*) FROM countries WHERE code IN ('XKO', 'XCD')")
    assert old_countries.fetchone()[0] == 0
    # 191 codes over all years, two of them folded into their successors.
    assert ro.execute("SELECT count(*) FROM countries").fetchone()[0] == 189


def test_2022_cr_cr_lf_file(ro: sqlite3.Connection) -> None:
    raw = (CSV_DIR / "2022.csv").read_bytes()
    assert raw.count(b"\r\r\n") == 181
    rows = list(ro.execute("SELECT code, zone, score FROM results WHERE year = 2022"))
    assert len(rows) == 180
    assert not any("\r" in (r["zone"] or "") for r in rows)
    names = [r[0] for r in ro.execute("SELECT alias FROM aliases")]
    assert not any("\r" in name or "\n" in name for name in names)
    nor = ro.execute("SELECT rank, score FROM results WHERE code='NOR' AND year=2022").fetchone()
    assert tuple(nor) == (1, 92.65)


def test_cp1252_names_are_decoded_and_stripped(ro: sqlite3.Connection) -> None:
    raw = (CSV_DIR / "2026.csv").read_bytes()
    assert b"Finl\xe2ndia ;" in raw  # cp1252 "â", with RSF's trailing space
    fin = ro.execute("SELECT * FROM countries WHERE code = 'FIN'").fetchone()
    assert (fin["name_pt"], fin["name_fr"], fin["last_year"]) == ("Finlândia", "Finlande", 2026)
    for column in ("name_en", "name_fr", "name_es", "name_pt"):
        padded = ro.execute(
            f"SELECT count(*) FROM countries WHERE {column} != trim({column})"
        ).fetchone()[0]
        assert padded == 0, column
    aliases = {(r["alias"], r["code"]) for r in ro.execute("SELECT alias, code FROM aliases")}
    assert ("Finlândia", "FIN") in aliases and ("Cazaquistão", "KAZ") in aliases
    assert not any("?" in alias for alias, _ in aliases)  # RSF's lost Arabic/Farsi names
    assert not any("Ã" in alias for alias, _ in aliases)  # no UTF-8 read as cp1252


@pytest.mark.parametrize(("code", "year", "score"), [("ESP", 2026, 75.42), ("BFA", 2023, 67.64)])
def test_rsf_global_score_is_kept_even_when_not_the_mean(
    ro: sqlite3.Connection, code: str, year: int, score: float
) -> None:
    row = ro.execute(
        "SELECT score, political, economic, legal, social, safety FROM results "
        "WHERE code = ? AND year = ?",
        [code, year],
    ).fetchone()
    mean = sum(row[1:]) / 5
    assert row["score"] == score
    assert abs(mean - score) > 1  # RSF's own oddity, kept as published


def test_zones_map_to_rsf_website_regions(ro: sqlite3.Connection) -> None:
    zones = {r[0] for r in ro.execute("SELECT DISTINCT zone FROM results")}
    assert zones == {
        "Afrique", "Amériques", "Asie-Pacifique", "UE Balkans", "EEAC", "MENA",
        "Europe - Asie centrale", "Maghreb - Moyen-Orient",
    }
    assert {ZONE_REGION[z.lower()] for z in zones} == {
        "africa", "americas", "asia_pacific", "europe_central_asia", "mena"
    }
    europe_2022 = ro.execute(
        "SELECT count(*) FROM results WHERE year = 2022 AND zone = 'Europe - Asie centrale'"
    ).fetchone()[0]
    assert europe_2022 == 53
    regions = dict(ro.execute("SELECT code, region FROM countries"))
    assert None not in regions.values()
    assert regions["KAZ"] == "europe_central_asia"  # EEAC
    assert regions["FRA"] == "europe_central_asia"  # UE Balkans
    assert regions["TUN"] == "mena"
    # 2022's Europe - Asie centrale is exactly 2023's UE Balkans + EEAC.
    europe_2023 = {
        r[0]
        for r in ro.execute(
            "SELECT code FROM results WHERE year = 2023 AND zone IN ('UE Balkans', 'EEAC')"
        )
    }
    europe_2022_codes = {
        r[0]
        for r in ro.execute(
            "SELECT code FROM results WHERE year = 2022 AND zone = 'Europe - Asie centrale'"
        )
    }
    assert europe_2022_codes == europe_2023


def test_situation_bands_come_from_the_score_from_2022_on(ro: sqlite3.Connection) -> None:
    def band(score: float) -> str:
        if score >= 85:
            return "good"
        if score >= 70:
            return "satisfactory"
        if score >= 55:
            return "problematic"
        if score >= 40:
            return "difficult"
        return "very_serious"

    rows = list(ro.execute("SELECT year, code, score, situation FROM results"))
    for row in rows:
        expected = band(row["score"]) if row["year"] >= 2022 else None
        assert row["situation"] == expected, (row["year"], row["code"])
    seen = {r["situation"] for r in rows if r["year"] == 2026}
    assert seen == {"good", "satisfactory", "problematic", "difficult", "very_serious"}
    kaz = dict(ro.execute("SELECT year, situation FROM results WHERE code = 'KAZ'"))
    assert (kaz[2021], kaz[2024], kaz[2026]) == (None, "difficult", "very_serious")


# --- the Kazakhstan profile -----------------------------------------------------------------


def test_profile_parses_into_seven_sections() -> None:
    parsed = parse_profile(PROFILE, read_text(PROFILE))
    assert parsed.year == 2024
    assert parsed.figures == {2024: (142, 180, 41.11), 2023: (134, 180, 45.87)}
    assert list(parsed.sections) == list(SECTIONS)
    assert parsed.sections["summary"].startswith("While the quality of online news")
    # The last paragraph lost its "Safety" heading: it is still the safety section.
    assert parsed.sections["safety"].startswith("Some media are subjected to cyberattacks")
    assert "cyberattacks" not in parsed.sections["social"]
    assert parsed.sections["social"].startswith("Journalism is viewed with widespread suspicion")
    assert not any(h in parsed.sections["summary"] for h in ("Media landscape", "Index 2024"))


def test_profile_country_is_found_from_its_figures(ro: sqlite3.Connection) -> None:
    rows = list(ro.execute("SELECT code, year, section FROM profiles ORDER BY section"))
    assert {(r["code"], r["year"]) for r in rows} == {("KAZ", 2024)}
    assert sorted(r["section"] for r in rows) == sorted(SECTIONS)
    imports = ro.execute("SELECT code, year FROM imports WHERE kind = 'profile'").fetchone()
    assert tuple(imports) == ("KAZ", 2024)


def test_profile_for_another_country_is_refused(db_copy: Path, db: Store) -> None:
    before = dump(db_copy)
    with pytest.raises(ImportFailed) as refused:
        import_paths(db, [PROFILE], country="KGZ")
    assert str(refused.value).startswith(f"{PROFILE}:1:1: KGZ's 2024 figures in the store differ")
    assert dump(db_copy) == before


def test_profile_search_finds_pegasus(store: Store) -> None:
    hits = store.search([["Pegasus"]])
    assert [(h.code, h.year, h.section) for h in hits] == [("KAZ", 2024, "safety")]
    assert "\u0002Pegasus\u0003" in hits[0].snippet


def test_profile_alone_is_matched_after_the_csvs_are_in(tmp_path: Path) -> None:
    db = Store(tmp_path / "p.db")
    try:
        with pytest.raises(ImportFailed, match="match no single country"):
            import_paths(db, [PROFILE])  # no index loaded: nothing to identify it by
        import_paths(db, [CSV_DIR / "2024.csv"])
        (report,) = import_paths(db, [PROFILE])
        assert (report.code, report.year, report.added) == ("KAZ", 2024, 7)
    finally:
        db.close()


# --- next year's file -----------------------------------------------------------------------


def next_year_file(tmp_path: Path, *, with_year_column: bool = True) -> Path:
    """2026.csv as RSF might publish 2027: renamed score column, columns reordered, an unknown
    extra column, UTF-8 without BOM, LF line ends."""
    lines = [line.split(";") for line in read_text(CSV_DIR / "2026.csv").split("\n") if line]
    header = lines[0]
    header[header.index("Score 2026")] = "Score 2027"
    year_at = header.index("Year (N)")
    for fields in lines[1:]:
        assert fields[year_at] == "2026"
        fields[year_at] = "2027"
    order = list(reversed(range(len(header))))  # every column moves
    table = [[fields[i] for i in order] + ["n/a"] for fields in lines]
    table[0][-1] = "Press Council Notes"
    if not with_year_column:
        drop = table[0].index("Year (N)")
        table = [fields[:drop] + fields[drop + 1 :] for fields in table]
    path = tmp_path / "rsf_next.csv"
    path.write_bytes("\n".join(";".join(f) for f in table).encode("utf-8") + b"\n")
    return path


@pytest.mark.parametrize("with_year_column", [True, False])
def test_next_years_file_loads_without_code_change(
    tmp_path: Path, db: Store, with_year_column: bool
) -> None:
    path = next_year_file(tmp_path, with_year_column=with_year_column)
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf")
    (report,) = import_paths(db, [path])
    assert (report.year, report.rows, report.added) == (2027, 180, 180)
    kaz = one(db.path,
        "SELECT rank, score, total, political, political_rank, safety, safety_rank, zone "
        "FROM results WHERE code = 'KAZ' AND year = 2027"
    )
    assert kaz == (149, 34.41, 180, 23.72, 154, 43.09, 138, "EEAC")
    fin = one(db.path, "SELECT name_pt, last_year FROM countries WHERE code = 'FIN'")
    assert fin == ("Finlândia", 2027)
    assert one(db.path, "SELECT count(*) FROM results WHERE year = 2026")[0] == 180


# --- columns matched by meaning -------------------------------------------------------------

LOOKALIKES = [
    "Rank N-1",
    "Score N-1",
    "Score evolution",
    "Rank evolution",
    "Score N without the exactions",
    "Score N with the exactions",
    "Score exactions",
    "Situation",
]


@pytest.mark.parametrize("lookalike", LOOKALIKES)
def test_lookalike_columns_are_not_taken_for_rank_or_score(
    tmp_path: Path, lookalike: str
) -> None:
    text = (
        f"{lookalike};Year (N);ISO;EN_country;Rank;Score\n"
        "7;2023;AAA;Aland;2;81,5\n"
        "3;2023;BBB;Bland;1;90,25\n"
    )
    parsed = parse_index_csv(tmp_path / "x.csv", text)
    figures = [(r["code"], r["rank"], r["score"]) for r in parsed.rows]
    assert figures == [("AAA", 2, 81.5), ("BBB", 1, 90.25)]
    assert parsed.year == 2023


def test_the_later_of_two_dated_score_columns_is_this_years(tmp_path: Path) -> None:
    text = "ISO;Country;Rank 2029;Score 2029;Score 2030;Rank 2030\nAAA;Aland;9;10,5;60;1\n"
    parsed = parse_index_csv(tmp_path / "x.csv", text)
    assert parsed.year == 2030
    assert (parsed.rows[0]["rank"], parsed.rows[0]["score"]) == (1, 60.0)


@pytest.mark.parametrize(
    ("text", "position", "reason"),
    [
        ("ISO;Country;Rank;Score;Score\n", "1:24", "column 'Score' repeats 'score'"),
        ("ISO;Country;Rank;Points;Year\n", "1:1", "no 'score' column"),
        ("ISO;Country;Rank 2026;Score 2027\n", "1:23", "headers name different years"),
        ("ISO;Country;Year;Rank;Score 2027\nAAA;A;2026;1;5\n", "2:7", "year 2026 differs"),
        ("ISO;Country;Year;Rank;Score\nAAA;A;2026;1;5\nBBB;B;2025;2;6\n", "3:7", "year 2025"),
        ('ISO;Country;Year;Rank;Score\n"AAA";"A;a";2026;1;"x"\n', "2:20", "score 'x' is not"),
        ("ISO;Country;Year;Rank;Score\nAAA;A;2026;1;5;;7\n", "2:16", "row has 7 fields"),
        ("ISO;Country;Year;Rank;Score\naaa;A;2026;1;5\n", "2:1", "'aaa' is not a country code"),
        ("ISO;Country;Year;Rank;Score\nAAA;;2026;1;5\n", "2:5", "no English country name"),
        ("ISO;Country;Year;Rank;Score\nAAA;A;2026;1;101\n", "2:14", "score 101.0 is outside"),
        ("ISO;Country;Year;Rank;Score\nAAA;A;2026;1,5;10\n", "2:12", "rank '1,5' is not a whole"),
    ],
)
def test_header_and_cell_refusals_point_at_the_character(
    tmp_path: Path, text: str, position: str, reason: str
) -> None:
    path = tmp_path / "x.csv"
    with pytest.raises(ImportFailed) as refused:
        parse_index_csv(path, text)
    assert str(refused.value).startswith(f"{path}:{position}: {reason}")


def test_utf8_file_without_bom_with_a_bad_byte_is_refused_not_garbled(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    data = "ISO;Country;Year;Rank;Score\nAAA;Åland;2026;1;5\nBBB;B\xe9;2026;2;6\n".encode()
    path.write_bytes(data.replace(b"B\xc3\xa9", b"B\xe9"))  # one Latin-1 byte in UTF-8 text
    with pytest.raises(ImportFailed) as refused:
        read_text(path)
    assert str(refused.value) == f"{path}:3:6: byte 0xe9 cannot be decoded as utf-8"


# --- all or nothing, and what imports leave alone -------------------------------------------


def modified_2026(tmp_path: Path) -> Path:
    """2026.csv with every score lowered by 0.01 (ranks untouched)."""
    lines = read_text(CSV_DIR / "2026.csv").split("\n")
    out = [lines[0]]
    for line in lines[1:]:
        if line:
            fields = line.split(";")
            fields[1] = f"{float(fields[1].replace(',', '.')) - 0.01:.2f}".replace(".", ",")
            line = ";".join(fields)
        out.append(line)
    path = tmp_path / "2026_modified.csv"
    path.write_text("\n".join(out), encoding="cp1252")
    return path


def test_reimporting_the_same_files_changes_no_figures(
    db_copy: Path, db: Store
) -> None:
    log = ("imports", "changes")  # the log of who imported what
    before = sorted(dump(db_copy, skip=log))
    reports = import_paths(db, [CSV_DIR / "2024.csv", CSV_DIR / "2002.csv", PROFILE])
    assert [(r.added, r.changed, r.removed) for r in reports] == [(0, 0, 0)] * 3
    assert [r.summary for r in reports] == [
        "180 rows, 0 added, 0 changed, 180 unchanged",
        "139 rows, 0 added, 0 changed, 139 unchanged",
        "7 rows, 0 added, 0 changed, 7 unchanged",
    ]
    assert sorted(dump(db_copy, skip=log)) == before


def test_changed_file_reports_changes(tmp_path: Path, db: Store) -> None:
    (report,) = import_paths(db, [modified_2026(tmp_path)])
    assert (report.year, report.added, report.changed, report.unchanged) == (2026, 0, 180, 0)
    kaz = one(db.path, "SELECT score, rank FROM results WHERE code='KAZ' AND year=2026")
    assert kaz == (34.40, 149)


def test_failure_inside_the_transaction_rolls_back_earlier_files(
    tmp_path: Path, db_copy: Path, db: Store
) -> None:
    """The CSV is written before the profile is refused: all of it must be undone."""
    before = dump(db_copy)
    with pytest.raises(ImportFailed, match="KGZ's 2024 figures"):
        import_paths(db, [modified_2026(tmp_path), PROFILE], country="KGZ")
    assert dump(db_copy) == before
    db.subscribe(3, ["KAZ"], "en")  # the store writes again: nothing was left half-open


def test_imports_leave_tables_they_did_not_create_alone(
    tmp_path: Path, db_copy: Path, db: Store
) -> None:
    # The bot's own state (created with every database), and a table an operator added.
    db.subscribe(1, ["KAZ"], "ru")
    db.subscribe(2, ["XKX"], "en")
    db.set_chat_lang(1, "fr")
    db.set_chat_lang(-100, "ar")
    with closing(sqlite3.connect(db_copy)) as conn, conn:
        conn.execute("CREATE TABLE settings (chat_id INTEGER PRIMARY KEY, lang TEXT)")
        conn.execute("INSERT INTO settings VALUES (1, 'ru'), (2, 'en')")
    user_tables = ("subscriptions", "chat_settings", "settings")

    def user_state() -> list[tuple[tuple[str], list[tuple[object, ...]]]]:
        with closing(sqlite3.connect(db_copy)) as conn:
            return [
                (
                    conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [t]).fetchone(),
                    conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall(),
                )
                for t in user_tables
            ]

    before = user_state()
    assert [len(rows) for _, rows in before] == [2, 2, 2]
    import_paths(db, [*SHIPPED_CSVS, PROFILE])
    import_paths(db, [modified_2026(tmp_path), next_year_file(tmp_path)])
    with pytest.raises(ImportFailed):
        import_paths(db, [PROFILE], country="KGZ")
    assert user_state() == before


def test_a_correction_names_what_changed(tmp_path: Path, db: Store) -> None:
    """The imports table records which rows a corrected file changed."""
    lines = read_text(CSV_DIR / "2026.csv").split("\n")
    fixed = [line.replace("34,41;149", "34,40;149", 1) if line.startswith("KAZ;") else line
             for line in lines]
    path = tmp_path / "2026_corrected.csv"
    path.write_text("\n".join(fixed), encoding="cp1252")
    (report,) = import_paths(db, [path])
    assert report.summary == "180 rows, 0 added, 1 changed (KAZ), 179 unchanged"
    recorded = one(db.path, "SELECT summary FROM imports ORDER BY id DESC LIMIT 1")
    assert recorded == (report.summary,)


# --- RSF's file saved again by a spreadsheet ---------------------------------------------------


def _resaved(source: Path, target: Path, delimiter: str) -> Path:
    """RSF's 2026 file as a spreadsheet writes it back: UTF-8, ``delimiter`` between the
    fields, decimal points, the columns in another order."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(read_text(source)), delimiter=";"))
    order = list(reversed(range(len(rows[0]))))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    for number, row in enumerate(rows):
        cells = [cell if number == 0 else (cell.replace(",", ".")
                 if cell.replace(",", "").replace("-", "").isdigit() else cell)
                 for cell in row]
        writer.writerow([cells[i] for i in order])
    target.write_text(out.getvalue(), encoding="utf-8")
    return target


@pytest.mark.parametrize("delimiter", [",", "\t"])
def test_rsf_file_saved_again_by_a_spreadsheet_reads_the_same(
    tmp_path: Path, delimiter: str
) -> None:
    original = CSV_DIR / "2026.csv"
    expected = parse_index_csv(original, read_text(original))
    path = _resaved(original, tmp_path / "2026.csv", delimiter)
    (parsed,) = [f.content for f in [parse_file(path, 2026)]]
    assert isinstance(parsed, ParsedIndex)
    assert parsed.year == expected.year == 2026
    assert parsed.rows == expected.rows


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_rsf_file_exported_as_unicode_text_reads_the_same(tmp_path: Path, encoding: str) -> None:
    """A spreadsheet's "Unicode text" export: UTF-16 with its byte order mark, tabs."""
    original = CSV_DIR / "2026.csv"
    expected = parse_index_csv(original, read_text(original))
    text = _resaved(original, tmp_path / "resaved.csv", "\t").read_text(encoding="utf-8")
    path = tmp_path / "2026.txt"
    bom = b"\xfe\xff" if encoding == "utf-16-be" else b""  # "utf-16" writes its own
    path.write_bytes(bom + text.replace("\n", "\r\n").encode(encoding))
    (parsed,) = [f.content for f in [parse_file(path, 2026)]]
    assert isinstance(parsed, ParsedIndex)
    assert parsed.rows == expected.rows


def test_broken_unicode_text_is_refused_where_it_breaks(tmp_path: Path) -> None:
    lines = ["ISO;Score 2026;Rank", "NOR;92,31;1", "BAD;\ud800;2"]
    data = "\r\n".join(lines).encode("utf-16", errors="surrogatepass")
    path = tmp_path / "2026.csv"
    path.write_bytes(data)
    with pytest.raises(ImportFailed) as refused:
        parse_file(path, 2026)
    assert str(refused.value).startswith(f"{path}:3:5: ")


def test_a_comma_separated_file_is_refused_at_the_field(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("ISO,Country,Year,Rank,Score\nAAA,A,2026,1,5\nBBB,B,2026,2,x\n")
    with pytest.raises(ImportFailed) as refused:
        parse_file(path, 2026)
    assert str(refused.value).startswith(f"{path}:3:14: score 'x' is not a number")


@pytest.mark.parametrize(("head", "what"), [(b"PK\x03\x04", "a spreadsheet workbook"),
                                            (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
                                             "a spreadsheet workbook"),
                                            (b"%PDF-1.7\n", "a PDF")])
def test_a_workbook_or_a_pdf_is_named_as_such(tmp_path: Path, head: bytes, what: str) -> None:
    # Small, or as large as RSF's reports: named before its binary "lines" are counted.
    for size in (4, 16_384):
        path = tmp_path / f"2027-{size}.xlsx"
        path.write_bytes(head + bytes(range(256)) * size)
        with pytest.raises(ImportFailed) as refused:
            parse_file(path, 2027)
        assert str(refused.value).startswith(f"{path}:1:1: {what}")
