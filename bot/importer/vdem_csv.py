"""V-Dem's country-year CSV (the media variables): columns matched by name, every value
checked against its scale, then stored in the ``vdem`` table whole.

V-Dem publishes one file per dataset version, every country and year in it; a later
version with the same columns imports with no code change, and columns the bot does not
read (a fuller extract of V-Dem, its confidence bounds…) are ignored.
"""

from __future__ import annotations

import csv
import io
import re
import sqlite3
from pathlib import Path

from msgspec import Struct

from bot.domain import VDEM_MEASURES, vdem_scale
from bot.importer.errors import ImportFailed
from bot.importer.fields import column, field_starts
from bot.importer.report import ImportReport
from bot.store import writes

#: The columns a V-Dem file must have besides the measures, as V-Dem names them.
CODE, NAME, YEAR = "country_text_id", "country_name", "year"
_HEADER_MARK = re.compile(r'(^|,)\s*"?country_text_id"?\s*(,|$)')
_VDEM_CODE = re.compile(r"[A-Z][A-Z0-9]{2}")
#: What each scale may hold: V-Dem's latent estimates stay well inside ±6.
_BOUNDS = {"index": (0.0, 1.0), "latent": (-6.0, 6.0), "percent": (0.0, 100.0)}
#: V-Dem's years start in 1789; a year past this is a typo.
_YEARS = (1789, 2100)
_MISSING = ("", "NA", "NaN")
_YEAR = re.compile(r"\d{4}")
_DECIMAL = re.compile(r"-?\d+(\.\d+)?")


def looks_like_vdem(first_line: str) -> bool:
    """Whether a file's first line is a V-Dem header (it names ``country_text_id``)."""
    return bool(_HEADER_MARK.search(first_line))


class ParsedVdem(Struct):
    rows: list[dict[str, object]]  # one per country-year, columns as the ``vdem`` table's
    latest: int  # the latest year in the file


def parse_vdem_csv(path: Path, text: str) -> ParsedVdem:
    """Parse and check a V-Dem CSV; raise :class:`ImportFailed` (``file:line:column``) on
    any defect: a missing column, a code or year that is not one, a value off its scale,
    a country-year twice."""
    lines = text.split("\n")
    reader = csv.reader(io.StringIO(text))
    try:
        header = [name.strip() for name in next(reader)]
    except StopIteration:
        raise ImportFailed(path, 1, 1, "the file is empty") from None
    except csv.Error as exc:
        raise ImportFailed(path, 1, 1, f"unreadable header: {exc}") from None
    wanted = (CODE, NAME, YEAR, *VDEM_MEASURES)
    for name in wanted:
        if header.count(name) > 1:
            index = len(header) - 1 - header[::-1].index(name)
            raise ImportFailed(path, 1, column(lines[0], field_starts(lines[0], ","), index),
                               f"column {name!r} appears twice")
    missing = [name for name in wanted if name not in header]
    if missing:
        raise ImportFailed(path, 1, 1, "not the V-Dem columns the bot reads: no "
                           + ", ".join(repr(m) for m in missing))
    where = {name: header.index(name) for name in wanted}
    at_code, at_name, at_year = where[CODE], where[NAME], where[YEAR]
    # Each measure's column and the values its scale allows, looked up once.
    checks = [(m, where[m], *_BOUNDS[vdem_scale(m)]) for m in VDEM_MEASURES]
    width = len(header)

    def fail(line: int, index: int, reason: str) -> ImportFailed:
        """A refusal pointing at the field's own line and column (found only then)."""
        text_line = lines[line - 1]
        return ImportFailed(path, line, column(text_line, field_starts(text_line, ","), index),
                            reason)

    rows: list[dict[str, object]] = []
    seen: dict[tuple[str, int], int] = {}
    end = reader.line_num
    try:
        for fields in reader:
            line, end = end + 1, reader.line_num
            if not any(f.strip() for f in fields):
                continue
            if len(fields) != width:
                raise fail(line, min(len(fields), width),
                           f"row has {len(fields)} fields, the header has {width}")
            code = fields[at_code].strip()
            if not _VDEM_CODE.fullmatch(code):
                raise fail(line, at_code, f"{code!r} is not a country code")
            year_text = fields[at_year].strip()
            if not _YEAR.fullmatch(year_text) or not _YEARS[0] <= int(year_text) <= _YEARS[1]:
                raise fail(line, at_year, f"year {year_text!r} is not a year")
            year = int(year_text)
            if (code, year) in seen:
                raise fail(line, at_code,
                           f"{code} {year} appears twice (first on line {seen[(code, year)]})")
            seen[(code, year)] = line
            name = fields[at_name].strip()
            if not name:
                raise fail(line, at_name, "no country name")
            row: dict[str, object] = {"code": code, "year": year, "name": name}
            for measure, index, low, high in checks:
                raw = fields[index].strip()
                if raw in _MISSING:
                    row[measure] = None
                    continue
                if not _DECIMAL.fullmatch(raw):  # V-Dem writes "." decimals, nothing else
                    raise fail(line, index, f"{measure} {raw!r} is not a number")
                value = float(raw)
                if not low <= value <= high:
                    raise fail(line, index, f"{measure} {raw} is outside {low:g}..{high:g}")
                row[measure] = value
            rows.append(row)
    except csv.Error as exc:
        raise ImportFailed(path, reader.line_num, 1, f"malformed CSV: {exc}") from None
    if not rows:
        raise ImportFailed(path, 2, 1, "the file has a header but no rows")
    return ParsedVdem(rows, max(int(str(r["year"])) for r in rows))


def store_vdem(conn: sqlite3.Connection, parsed: ParsedVdem, report: ImportReport) -> None:
    """Replace the ``vdem`` table with the file's rows, only if any row differs (importing
    the same file again writes nothing, not even a new data version)."""
    old = {f"{code} {year}": row for (code, year), row in writes.vdem_rows(conn).items()}
    new = {f"{row['code']} {row['year']}": row for row in parsed.rows}
    if report.tally(old, new):
        writes.replace_vdem(conn, parsed.rows)
