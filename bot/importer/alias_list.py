"""The curated alias list (``alias,code,lang``): names operators add by hand."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

from bot.domain import CODE_RENAMES
from bot.importer.errors import ImportFailed
from bot.importer.fields import CODE_RE, column, field_starts
from bot.store import writes
from bot.understand import is_question_word

#: Rows of an alias list: (line, column of the code, the row for the aliases table).
AliasRows = list[tuple[int, int, dict[str, str]]]


def parse_aliases_csv(path: Path, text: str) -> AliasRows:
    """``alias,code,lang`` rows: the curated vocabulary operators extend by hand.

    Each row comes with its line and the column of its code: whether the code exists can
    only be checked against the database, inside the import's transaction.
    """
    lines = text.split("\n")
    reader = csv.reader(io.StringIO(text))
    header = [name.strip().lower() for name in next(reader, [])]
    if {"alias", "code", "lang"} - set(header):
        raise ImportFailed(path, 1, 1, "an alias list needs the columns alias,code,lang")
    where = {name: header.index(name) for name in ("alias", "code", "lang")}
    rows: AliasRows = []
    end = reader.line_num
    for fields in reader:
        line, end = end + 1, reader.line_num
        alias, code, lang = (
            fields[where[n]].strip() if where[n] < len(fields) else "" for n in where
        )
        if alias.startswith("#") or not (alias or code):
            continue
        starts = field_starts(lines[line - 1], ",")
        if not alias:
            raise ImportFailed(
                path, line, column(lines[line - 1], starts, where["alias"]), "empty alias"
            )
        if is_question_word(alias):
            raise ImportFailed(
                path, line, column(lines[line - 1], starts, where["alias"]),
                f"{alias!r} is a word questions are made of: as a country's name it would "
                "change what every question with it means",
            )
        code_column = column(lines[line - 1], starts, where["code"])
        if not CODE_RE.fullmatch(code):
            raise ImportFailed(path, line, code_column, f"{code!r} is not a country code")
        row = {
            "alias": alias,
            "code": CODE_RENAMES.get(code, code),
            "lang": lang or "und",
            "source": "curated",
        }
        rows.append((line, code_column, row))
    return rows


def store_aliases(conn: sqlite3.Connection, path: Path, rows: AliasRows) -> None:
    """Replace the curated aliases with ``rows``; refuse a code the countries table lacks."""
    known = writes.country_codes(conn)
    for line, code_column, row in rows:
        if row["code"] not in known:
            raise ImportFailed(path, line, code_column, f"unknown country code {row['code']}")
    writes.replace_aliases(conn, ["curated"], (row for _, _, row in rows))
