"""RSF's yearly index CSV: columns matched by meaning, every row validated, then stored.

Columns are matched by meaning (``Score``, ``Score N``, ``Score 2027`` are all the score), so
next year's file loads without a code change.
"""

from __future__ import annotations

import csv
import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from msgspec import Struct

from bot.changes import row_change
from bot.domain import CODE_RENAMES, INDICATORS, scale_of, score_range, situation_of
from bot.importer.errors import ImportFailed
from bot.importer.fields import (
    CODE_RE,
    CsvRecords,
    column,
    field_starts,
    parse_integer,
    parse_number,
)
from bot.importer.report import ImportReport
from bot.store import writes
from bot.store.schema import NAME_LANGS

# Header → meaning.  Headers are lower-cased, with "_" and runs of spaces folded to one space.
# Every pattern must match the whole header, so the look-alikes RSF also ships ("Rank N-1",
# "Score N-1", "Rank evolution", "Score N without the exactions",
# "Situation"…) are never taken for this year's rank or score.  ``_N`` is the year a header
# may name: "Score", "Score N", "Score (N)" or "Score 2026".  "Score evolution" is RSF's
# own change since the index before, kept as published.
_N = r"( \(?n\)?| [0-9]{4})?"
_COLUMN_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (meaning, re.compile(pattern))
    for meaning, pattern in [
        ("code", r"iso( ?3)?( code)?|(country )?code"),
        ("year", r"year( \(?n\)?)?"),
        ("rank", rf"(global )?rank{_N}"),
        ("score", rf"(global )?score{_N}"),
        ("score_change", r"score (evolution|change)"),
        ("zone", r"zone|region"),
        ("name_en", r"en country|country en|country( name)?"),
        ("name_fr", r"fr country|country fr"),
        ("name_es", r"es country|country es"),
        ("name_pt", r"pt country|country pt"),
        ("name_ar", r"ar country|country ar"),
        ("name_fa", r"fa country|country fa"),
        ("political", r"political( context| indicator)?"),
        ("political_rank", r"rank pol(itical)?|pol(itical)? rank"),
        ("economic", r"economic( context| indicator)?"),
        ("economic_rank", r"rank eco(nomic)?|eco(nomic)? rank"),
        ("legal", r"(legal|legislative)( context| framework| indicator)?"),
        ("legal_rank", r"rank leg(al|islative)?|leg(al|islative)? rank"),
        ("social", r"(social|socio-?cultural)( context| indicator)?"),
        ("social_rank", r"rank soc(ial|io-?cultural)?|soc(ial|io-?cultural)? rank"),
        ("safety", r"(safety|security)( context| indicator)?"),
        ("safety_rank", r"rank (saf(ety)?|sec(urity)?)|(safety|security) rank"),
    ]
]
_REQUIRED = ("code", "year", "rank", "score", "name_en")


def _fold_header(name: str) -> str:
    return re.sub(r"[\s_]+", " ", name.strip().lower())


#: What an index CSV's fields may be separated by: RSF's own ";", and what a spreadsheet
#: writes when an operator opens RSF's file and saves it again ("," or a tab).
DELIMITERS = (";", "\t", ",")


def index_delimiter(first: str) -> str | None:
    """The separator under which a file's first line is an RSF index header (a column of
    country codes, and one of scores or ranks, as :func:`parse_index_csv` reads them);
    None when it is none under any."""
    first = first.lstrip("\ufeff")
    for delimiter in DELIMITERS:
        if first.count(delimiter) < 3:
            continue
        header = next(csv.reader([first], delimiter=delimiter), [])
        meanings = {meaning for name in header for meaning, pattern in _COLUMN_PATTERNS
                    if pattern.fullmatch(_fold_header(name))}
        if "code" in meanings and meanings & {"score", "rank"}:
            return delimiter
    return None


def _match_columns(
    path: Path, header: Sequence[str], header_line: str, delimiter: str = ";"
) -> tuple[dict[str, int], int | None]:
    """Map meanings to column indexes; also return a year named in a header (``Score 2026``).

    Columns nobody uses ("Score N-1", "Situation", an unknown new column) are ignored.  When
    a meaning appears under two different years ("Score 2026" beside "Score 2027"), the
    later one is this index and the other last year's figure.
    """
    starts = field_starts(header_line, delimiter)
    columns: dict[str, int] = {}
    years: dict[str, int] = {}
    for index, name in enumerate(header):
        folded = _fold_header(name)
        meaning = next((m for m, pattern in _COLUMN_PATTERNS if pattern.fullmatch(folded)), None)
        if meaning is None:
            continue
        found = re.search(r"[0-9]{4}$", folded)
        year = int(found.group()) if found else None
        if meaning in columns:
            other = years.get(meaning)
            if year is None or other is None or year == other:
                raise ImportFailed(
                    path, 1, column(header_line, starts, index),
                    f"column {name!r} repeats {meaning!r} (column {header[columns[meaning]]!r})",
                )
            if year < other:
                continue
        columns[meaning] = index
        if year is not None:
            years[meaning] = year
    if len(set(years.values())) > 1:
        meaning = max(years, key=lambda m: columns[m])
        raise ImportFailed(
            path, 1, column(header_line, starts, columns[meaning]),
            "headers name different years: "
            + ", ".join(repr(header[columns[m]]) for m in sorted(years, key=columns.__getitem__)),
        )
    header_year = next(iter(years.values()), None)
    for meaning in _REQUIRED:
        if meaning not in columns and not (meaning == "year" and header_year):
            raise ImportFailed(
                path, 1, 1, f"no {meaning!r} column in the header {list(header)}"
            )
    return columns, header_year


def _year_of(path: Path, line: int, column: int, text: str) -> int:
    """``2024`` → 2024; RSF's combined ``2011-12`` index is filed under 2012."""
    found = re.fullmatch(r"\s*([0-9]{4})(?:\s*[-–/]\s*([0-9]{2}|[0-9]{4}))?\s*", text)
    if not found:
        raise ImportFailed(path, line, column, f"year {text!r} is not a year")
    first, second = found.groups()
    if second:
        return int(first[:2] + second[-2:]) if len(second) == 2 else int(second)
    return int(first)


class ParsedIndex(Struct):
    """One index year as its file defines it: a row per country, with the names RSF
    printed for it (the countries table and RSF's aliases are derived from those)."""

    year: int
    rows: list[dict[str, object]]
    year_at: tuple[int, int]  # line and column where the file says its year


def parse_index_csv(path: Path, lines: str | Iterable[str], delimiter: str = ";") -> ParsedIndex:
    """Parse and validate one yearly RSF CSV, its fields separated by ``delimiter``
    (:func:`index_delimiter`); raise :class:`ImportFailed` on any defect.

    ``lines`` is the file's text or its lines (:meth:`~bot.importer.text.ImportFile.lines`),
    read once, one record at a time: only the rows kept are held, never the whole file.
    Positions in refusals are the line a record starts on and the character column where
    the offending field starts, as an editor counts them.
    """
    records = CsvRecords(lines, delimiter)
    try:
        header_at, header, header_line = next(records)
    except StopIteration:
        raise ImportFailed(path, 1, 1, "the file is empty") from None
    except csv.Error as exc:
        raise ImportFailed(path, 1, 1, f"unreadable header: {exc}") from None
    columns, header_year = _match_columns(path, header, header_line, delimiter)
    width = len(header)
    year: int | None = None
    year_at = (1, 1)
    seen: dict[str, int] = {}
    rows: list[dict[str, object]] = []
    # Ranks are checked against the number of rows once it is known: (line, column, rank,
    # what it ranks).
    ranks: list[tuple[int, int, int, str]] = []

    def cell(fields: list[str], meaning: str) -> str:
        return fields[columns[meaning]].strip() if meaning in columns else ""

    try:
        for line, fields, line_text in records:
            if not any(f.strip() for f in fields):
                continue
            starts = field_starts(line_text, delimiter)
            if len(fields) < width:
                raise ImportFailed(
                    path, line, len(line_text) + 1,
                    f"row has {len(fields)} fields, the header has {width} (truncated row?)",
                )
            if len(fields) > width and any(f.strip() for f in fields[width:]):
                raise ImportFailed(
                    path, line, column(line_text, starts, width),
                    f"row has {len(fields)} fields, the header has {width} (stray separator?)",
                )
            col = {m: column(line_text, starts, i) for m, i in columns.items()}
            if "year" in columns:
                row_year = _year_of(path, line, col["year"], cell(fields, "year"))
                if header_year is not None and row_year != header_year:
                    raise ImportFailed(
                        path, line, col["year"],
                        f"year {row_year} differs from the {header_year} the header names",
                    )
            else:
                assert header_year is not None  # _match_columns requires one or the other
                row_year = header_year
            if year is None:
                year = row_year
                year_at = (line, col["year"]) if "year" in columns else (header_at, 1)
            elif row_year != year:
                raise ImportFailed(
                    path, line, col["year"], f"year {row_year} differs from {year} above"
                )
            rows.append(_row(path, line, year, fields, col, cell, seen, ranks))
    except csv.Error as exc:
        raise ImportFailed(path, records.line_num, 1, f"malformed CSV: {exc}") from None
    if year is None:
        raise ImportFailed(path, 2, 1, "the file has a header but no rows")
    total = len(rows)
    for line, at, rank, what in ranks:
        if not 1 <= rank <= total:
            raise ImportFailed(path, line, at, f"{what} {rank} is outside 1..{total}")
    for row in rows:
        row["total"] = total
    return ParsedIndex(year, rows, year_at)


def _row(
    path: Path,
    line: int,
    year: int,
    fields: list[str],
    col: dict[str, int],
    cell: Callable[[list[str], str], str],
    seen: dict[str, int],
    ranks: list[tuple[int, int, int, str]],
) -> dict[str, object]:
    """One country's row of the results table, every value checked (``total`` is filled
    in once every row is read; ranks are added to ``ranks`` to be checked against it)."""
    rsf_code = cell(fields, "code")
    if not rsf_code:
        raise ImportFailed(path, line, col["code"], "no country code")
    if not CODE_RE.fullmatch(rsf_code):
        raise ImportFailed(path, line, col["code"], f"{rsf_code!r} is not a country code")
    code = CODE_RENAMES.get(rsf_code, rsf_code)
    if code in seen:
        raise ImportFailed(
            path, line, col["code"], f"{rsf_code} appears twice (first on line {seen[code]})"
        )
    seen[code] = line
    rank = parse_integer(path, line, col["rank"], cell(fields, "rank"), "rank")
    ranks.append((line, col["rank"], rank, "rank"))
    score = parse_number(path, line, col["score"], cell(fields, "score"), "score")
    low, high = score_range(year)
    if not low <= score <= high:
        raise ImportFailed(
            path, line, col["score"], f"score {score} is outside {low:g}..{high:g}"
        )
    if not cell(fields, "name_en"):
        raise ImportFailed(path, line, col["name_en"], "no English country name")
    row: dict[str, object] = {
        "year": year,
        "code": code,
        "rsf_code": rsf_code,
        "rank": rank,
        "total": 0,
        "score": score,
        "scale": scale_of(year),
        "situation": situation_of(score, year),
        "zone": cell(fields, "zone") or None,
        "score_change": None,
    }
    change = cell(fields, "score_change")
    if change:
        # RSF's own figure, shown as published (recomputing it differs by 0.01 where RSF
        # subtracted unrounded scores).
        row["score_change"] = parse_number(path, line, col["score_change"], change,
                                           "score evolution")
    for name in INDICATORS:
        value = cell(fields, name)
        rank_text = cell(fields, f"{name}_rank")
        row[name] = None
        if name in col and value:
            indicator = parse_number(path, line, col[name], value, f"{name} score")
            if not 0 <= indicator <= 100:
                raise ImportFailed(path, line, col[name], f"{name} score outside 0..100")
            row[name] = indicator
        row[f"{name}_rank"] = None
        if f"{name}_rank" in col and rank_text:
            indicator_rank = parse_integer(path, line, col[f"{name}_rank"], rank_text,
                                           f"{name} rank")
            ranks.append((line, col[f"{name}_rank"], indicator_rank, f"{name} rank"))
            row[f"{name}_rank"] = indicator_rank
    for lang in NAME_LANGS:  # as printed, "???" of the cp1252 exports included
        row[f"name_{lang}"] = cell(fields, f"name_{lang}") or None
    return row


def store_index(conn: sqlite3.Connection, parsed: ParsedIndex, report: ImportReport) -> None:
    """Replace one index year's rows if any differs; count what changed in ``report``.
    The countries and aliases that follow from them are rebuilt once per import
    (:func:`bot.importer.derived.refresh`)."""
    new = {str(row["code"]): row for row in parsed.rows}
    old = writes.year_results(conn, parsed.year)
    if report.tally(old, new):
        writes.replace_year(conn, parsed.year, parsed.rows)
    # What an operator checks before confirming: each changed or removed row, rank and
    # score before and after.
    report.row_changes = [row_change(old.get(code), new.get(code))
                          for code in [*report.changed_keys, *report.removed_keys]]
