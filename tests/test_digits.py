"""Text becomes a number in one of two ways (bot/digits.py), and only those.

``str.isdigit()`` and the regex ``\\d`` accept characters ``int()`` refuses ("²") or reads
("٣"); ``int()`` of thousands of digits raises.  Machine text (button data, settings, RSF
files) takes ASCII digits only; a person's text takes any decimal digit people type
("۲۰۲۳" is 2023).  Every place checked here once crashed or accepted what it should not.
"""

from __future__ import annotations

import io
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from bot import button_data
from bot.digits import MAX_DIGITS, ascii_int, decimal_int
from bot.importer import ImportFailed, import_paths, parse_index_csv, parse_profile, read_text
from bot.pipeline import Pipeline
from bot.settings import Settings, SettingsError
from bot.store import Store
from bot.terminal import chat

ROOT = Path(__file__).resolve().parent.parent
CSV_2024 = ROOT / "data" / "csv" / "2024.csv"
PROFILE = ROOT / "data" / "profiles" / "kaz_2024.txt"
TOKEN = "123456:ABCdefGHIjklMNOpqrSTUvwxYZ0123456"

#: Characters that look like digits to str.isdigit() or \d but are not ASCII digits.
NOT_ASCII = ["²", "٣", "۲", "１", "߁", "𝟑"]


@pytest.fixture(scope="module")
def pipeline(db_path: Path) -> Pipeline:
    return Pipeline.open(db_path)


def test_the_two_helpers() -> None:
    assert ascii_int("2024") == 2024 and ascii_int("0") == 0
    for text in ["", "-1", "+1", " 1", "1 ", "1_000", "1.0", *NOT_ASCII, "2°24"]:
        assert ascii_int(text) is None, text
    assert decimal_int("۲۰۲۳") == 2023 and decimal_int("٣") == 3 and decimal_int("１２") == 12
    for text in ["", "²", "1²", "-1", "1_0", "½"]:
        assert decimal_int(text) is None, text
    longest = "9" * MAX_DIGITS
    assert ascii_int(longest) == int(longest) and decimal_int(longest) == int(longest)
    assert ascii_int("1" * 5000) is None and decimal_int("1" * 5000) is None


# --- buttons and deep links ------------------------------------------------------------------


@pytest.mark.parametrize("year", [*NOT_ASCII, "2O24", "1" * 5000])
def test_button_data_with_a_forged_year_is_out_of_date(year: str) -> None:
    assert button_data.decode(f"p:KAZ:{year}:") is None


def test_button_data_we_make_still_decodes() -> None:
    for data in ["p:KAZ:2024:safety", "p:KAZ::", "c:KAZ,KGZ:2026:", "g:KAZ:2026:"]:
        assert button_data.decode(data) is not None, data
    decoded = button_data.decode("p:KAZ:2024:safety")
    assert decoded is not None and decoded.year == 2024


def test_deep_link_years_are_ascii() -> None:
    link = button_data.deep_link("KAZ_2024")
    assert link is not None and link.year == 2024
    assert button_data.deep_link("KAZ_٢٠٢٤") is None


# --- the terminal chat ------------------------------------------------------------------------


@pytest.mark.parametrize("typed", [*NOT_ASCII, "1" * 5000, "٢"])
def test_chat_reads_anything_typed_after_an_answer(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    monkeypatch.setenv("PRESSBOT_DB", str(db_path))
    out = io.StringIO()
    assert chat(io.StringIO(f"Kazakhstan\n{typed}\nNorway\n"), out) == 0
    text = out.getvalue()
    assert "Rank 149 of 180" in text and "Rank 1 of 180" in text


def test_chat_button_numbers_are_ascii(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """"1" presses the first button; "١" (Arabic-Indic one) is a question, not a press."""
    monkeypatch.setenv("PRESSBOT_DB", str(db_path))
    pressed, typed = io.StringIO(), io.StringIO()
    chat(io.StringIO("Kazakhstan\n1\n"), pressed)
    chat(io.StringIO("Kazakhstan\n١\n"), typed)
    assert pressed.getvalue() != typed.getvalue()
    assert pressed.getvalue().count("Rank 149 of 180") >= 1


# --- understanding a person's numbers ---------------------------------------------------------


def test_a_question_of_thousands_of_digits_is_answered(pipeline: Pipeline) -> None:
    reply = pipeline.ask("1" * 5000)
    assert reply.messages
    reply = pipeline.ask("top " + "9" * 5000)
    assert reply.messages


def test_digits_people_type_are_read(pipeline: Pipeline) -> None:
    assert pipeline.ask("Kazakhstan ۲۰۲۳").query.year == 2023
    assert pipeline.ask("Kazakhstan in ٢٠٢٤").query.year == 2024
    ranking = pipeline.ask("top ۵").query.ranking
    assert ranking is not None and ranking.limit == 5
    assert pipeline.ask("Kazakhstan ²").query.year is None


# --- settings ---------------------------------------------------------------------------------


@pytest.mark.parametrize("admins", ["١٢٣", "12٣", "１２３", "1" * 40])
def test_admin_ids_are_ascii_digits(admins: str) -> None:
    with pytest.raises(SettingsError, match="PRESSBOT_ADMINS"):
        Settings.from_env({"TELEGRAM_BOT_TOKEN": TOKEN, "PRESSBOT_ADMINS": admins})


def test_admin_ids_still_read() -> None:
    settings = Settings.from_env({"TELEGRAM_BOT_TOKEN": TOKEN, "PRESSBOT_ADMINS": "12, 34 56"})
    assert settings.admins == frozenset({12, 34, 56})


@pytest.mark.parametrize("token", ["١٢٣:ABCdefGHIjklMNOpqr", "123:ABC٣defGHIjklMNOpqr"])
def test_token_is_ascii(token: str) -> None:
    with pytest.raises(SettingsError, match="TELEGRAM_BOT_TOKEN"):
        Settings.from_env({"TELEGRAM_BOT_TOKEN": token})


# --- RSF files --------------------------------------------------------------------------------


def edited_csv(tmp_path: Path, line: int, field: int, value: str) -> Path:
    lines = read_text(CSV_2024).split("\n")
    fields = lines[line - 1].split(";")
    fields[field] = value
    lines[line - 1] = ";".join(fields)
    path = tmp_path / "edited.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        (2, "١٢", "rank '١٢' is not a whole number"),
        (1, "4٣,5", "score '4٣,5' is not a number"),
        (21, "٢٠٢٤", "year '٢٠٢٤' is not a year"),
        (4, "٣", "political rank '٣' is not a whole number"),
    ],
)
def test_index_csv_fields_take_ascii_digits(
    tmp_path: Path, field: int, value: str, reason: str
) -> None:
    path = edited_csv(tmp_path, 3, field, value)
    with pytest.raises(ImportFailed, match=reason):
        parse_index_csv(path, read_text(path))


def test_header_year_is_ascii(tmp_path: Path) -> None:
    text = "ISO;Country;Rank;Score ٢٠٢٧\nAAA;Aland;1;10,5\n"
    with pytest.raises(ImportFailed, match="no 'year' column"):
        parse_index_csv(tmp_path / "x.csv", text)


def test_profile_figures_take_ascii_digits(tmp_path: Path) -> None:
    text = read_text(PROFILE).replace("Index 2024", "Index ٢٠٢٤", 1)
    with pytest.raises(ImportFailed):
        parse_profile(tmp_path / "p.txt", text)
    text = read_text(PROFILE).replace("142/ 180", "١٤٢/ 180", 1)
    with pytest.raises(ImportFailed):
        parse_profile(tmp_path / "p.txt", text)


def test_an_rsf_file_with_foreign_digits_changes_nothing(db_copy: Path, tmp_path: Path) -> None:
    path = edited_csv(tmp_path, 5, 2, "٤")
    before = dump(db_copy)
    store = Store(db_copy)
    try:
        with pytest.raises(ImportFailed, match="rank '٤' is not a whole number"):
            import_paths(store, [path])
    finally:
        store.close()
    assert dump(db_copy) == before


def dump(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return list(conn.iterdump())
