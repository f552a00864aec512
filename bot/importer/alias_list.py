"""The curated alias list (``alias,code,lang``): names operators add by hand."""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from bot.domain import CODE_RENAMES
from bot.importer.errors import ImportFailed
from bot.importer.fields import CODE_RE, CsvRecords, column, field_starts
from bot.importer.report import ImportReport
from bot.index_cache import kept_parts
from bot.store import writes
from bot.understand import is_question_word

#: Rows of an alias list: (line, column of the code, the row for the aliases table).
AliasRows = list[tuple[int, int, dict[str, str]]]


def parse_aliases_csv(path: Path, lines: str | Iterable[str]) -> AliasRows:
    """``alias,code,lang`` rows: the curated vocabulary operators extend by hand.

    ``lines`` is the text or its lines, read one record at a time.  Each row comes with its
    line and the column of its code: whether the code exists can only be checked against
    the database, inside the import's transaction.
    """
    records = CsvRecords(lines, ",")
    try:
        header = [name.strip().lower() for name in next(records, (1, [], ""))[1]]
        if {"alias", "code", "lang"} - set(header):
            raise ImportFailed(path, 1, 1, "an alias list needs the columns alias,code,lang")
        where = {name: header.index(name) for name in ("alias", "code", "lang")}
        return [row for row in (_row(path, where, *record) for record in records) if row]
    except csv.Error as exc:
        raise ImportFailed(path, records.line_num, 1, f"malformed CSV: {exc}") from None


def _row(path: Path, where: dict[str, int], line: int, fields: list[str],
         text: str) -> tuple[int, int, dict[str, str]] | None:
    """One alias, checked (None for a comment or a blank line)."""
    alias, code, lang = (
        fields[where[n]].strip() if where[n] < len(fields) else "" for n in where
    )
    if alias.startswith("#") or not (alias or code):
        return None
    starts = field_starts(text, ",")
    if not alias:
        raise ImportFailed(path, line, column(text, starts, where["alias"]), "empty alias")
    if is_question_word(alias, kept_parts()):
        raise ImportFailed(
            path, line, column(text, starts, where["alias"]),
            f"{alias!r} is a word questions are made of: as a country's name it would "
            "change what every question with it means",
        )
    code_column = column(text, starts, where["code"])
    if not CODE_RE.fullmatch(code):
        raise ImportFailed(path, line, code_column, f"{code!r} is not a country code")
    row = {
        "alias": alias,
        "code": CODE_RENAMES.get(code, code),
        "lang": lang or "und",
        "source": "curated",
    }
    return line, code_column, row


def store_aliases(conn: sqlite3.Connection, path: Path, rows: AliasRows,
                  report: ImportReport) -> None:
    """Replace the curated aliases with ``rows``; refuse a code the countries table lacks;
    count what changed in ``report`` (an alias is its name, country and language: one
    renamed is one removed and one added).  (The caller rebuilds the other aliases around
    them: :func:`.derived.refresh`.)"""
    known = writes.country_codes(conn)
    for line, code_column, row in rows:
        if row["code"] not in known:
            raise ImportFailed(path, line, code_column, f"unknown country code {row['code']}")

    def key(row: dict[str, str]) -> str:
        return f"{row['alias']} → {row['code']} ({row['lang']})"

    stored = {key(row): True for row in writes.aliases_of(conn, "curated")}
    report.tally(stored, {key(row): True for _, _, row in rows})
    writes.replace_aliases(conn, ["curated"], (row for _, _, row in rows))
