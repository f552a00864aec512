"""RSF files → the store, all or nothing.

Three kinds of file are recognised by their content, not their name:

* RSF's yearly index CSV, in any of the layouts RSF has used since 2002.  Columns are
  matched by meaning (``Score``, ``Score N``, ``Score 2027`` are all the score), so next
  year's file loads without a code change.
* A country profile pasted from rsf.org (``Index 2024`` / ``142/ 180`` / ``Score : 41.11``
  followed by the summary and the six sections).
* The curated alias list (``alias,code,lang`` header).

Every import of one or more files runs in a single ``BEGIN IMMEDIATE`` transaction: a bad
file, a crash or a SIGKILL leaves the database exactly as it was, and readers (WAL) see the
old data until the commit and the new data after it, never a mix.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from bot.domain import INDICATORS, SECTIONS, ZONE_REGION, scale_of, situation_of
from bot.store import CODE_RENAMES


class ImportFailed(Exception):
    """A file was refused; nothing was written.  ``str()`` reads ``file:line:column: why``."""

    def __init__(self, file: str | Path, line: int, column: int, reason: str) -> None:
        self.file, self.line, self.column, self.reason = str(file), line, column, reason
        super().__init__(f"{self.file}:{line}:{column}: {reason}")


@dataclass
class ImportReport:
    file: str
    kind: str  # "csv" | "profile" | "aliases"
    year: int | None = None
    code: str | None = None
    rows: int = 0
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    notes: list[str] = field(default_factory=list)
    changed_keys: list[str] = field(default_factory=list)  # countries or sections changed
    removed_keys: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        """What changed, as recorded in the ``imports`` table: counts, and which rows when
        only a few changed (a correction to a published file)."""
        changed = f"{self.changed} changed"
        if 0 < len(self.changed_keys) <= _LIST_AT_MOST:
            changed += f" ({', '.join(self.changed_keys)})"
        parts = [f"{self.rows} rows", f"{self.added} added", changed]
        parts.append(f"{self.unchanged} unchanged")
        if self.removed:
            removed = f"{self.removed} removed"
            if len(self.removed_keys) <= _LIST_AT_MOST:
                removed += f" ({', '.join(self.removed_keys)})"
            parts.append(removed)
        return ", ".join(parts)


#: A summary names the changed rows when there are at most this many.
_LIST_AT_MOST = 12


# --- reading text ---------------------------------------------------------------------------


def read_text(path: Path, data: bytes | None = None) -> str:
    """Decode an RSF file: UTF-8 (with or without BOM) or, failing that, cp1252.

    A file that starts with a UTF-8 BOM, or that holds valid UTF-8 multi-byte sequences,
    must be valid UTF-8: a bad byte there is corruption, not another encoding (decoding it
    as cp1252 would silently garble every accented name), and is reported with its line and
    column.  Line ends (LF, CRLF, and the CR CR LF of RSF's 2022 file) are all folded to LF
    so line numbers are the lines a person sees.
    """
    raw = path.read_bytes() if data is None else data
    if raw.startswith(b"\xef\xbb\xbf"):
        text = _decode_or_fail(path, raw[3:], "utf-8")
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            encoding = "utf-8" if _UTF8_MULTIBYTE.search(raw) else "cp1252"
            text = _decode_or_fail(path, raw, encoding)
    text = _LINE_END.sub("\n", text)
    if "\x00" in text:
        line, col = _position(text, text.index("\x00"))
        raise ImportFailed(path, line, col, "NUL byte: this is not a text file")
    return text


_LINE_END = re.compile(r"\r+\n?")
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _decode_or_fail(path: Path, raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        # Position in characters of the decodable text before the bad byte, with line ends
        # folded exactly as read_text folds them.
        before = _LINE_END.sub("\n", raw[: exc.start].decode(encoding, errors="replace"))
        line, column = _position(before, len(before))
        raise ImportFailed(
            path, line, column, f"byte 0x{raw[exc.start]:02x} cannot be decoded as {encoding}"
        ) from None


def _position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


# --- RSF index CSV --------------------------------------------------------------------------

# Header → meaning.  Headers are lower-cased, with "_" and runs of spaces folded to one space.
# Every pattern must match the whole header, so the look-alikes RSF also ships ("Rank N-1",
# "Score N-1", "Rank evolution", "Score evolution", "Score N without the exactions",
# "Situation"…) are never taken for this year's rank or score.  ``_N`` is the year a header
# may name: "Score", "Score N", "Score (N)" or "Score 2026".
_N = r"( \(?n\)?| \d{4})?"
_COLUMN_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (meaning, re.compile(pattern))
    for meaning, pattern in [
        ("code", r"iso( ?3)?( code)?|(country )?code"),
        ("year", r"year( \(?n\)?)?"),
        ("rank", rf"(global )?rank{_N}"),
        ("score", rf"(global )?score{_N}"),
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
_CODE_RE = re.compile(r"[A-Z][A-Z0-9_]{1,7}")


def _fold_header(name: str) -> str:
    return re.sub(r"[\s_]+", " ", name.strip().lower())


def _field_starts(line: str, delimiter: str = ";") -> list[int]:
    """The 1-based character column where each field of a CSV line begins."""
    if '"' not in line:
        return [1, *(found.end() + 1 for found in re.finditer(re.escape(delimiter), line))]
    starts, quoted = [1], False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            starts.append(index + 2)
    return starts


def _column(line: str, starts: list[int], index: int) -> int:
    """Character column of field ``index``; a missing field is placed just past the end."""
    return starts[index] if index < len(starts) else len(line) + 1


def _match_columns(
    path: Path, header: Sequence[str], header_line: str
) -> tuple[dict[str, int], int | None]:
    """Map meanings to column indexes; also return a year named in a header (``Score 2026``).

    Columns nobody uses ("Score N-1", "Situation", an unknown new column) are ignored.  When
    a meaning appears under two different years ("Score 2026" beside "Score 2027"), the
    later one is this index and the other last year's figure.
    """
    starts = _field_starts(header_line)
    columns: dict[str, int] = {}
    years: dict[str, int] = {}
    for index, name in enumerate(header):
        folded = _fold_header(name)
        meaning = next((m for m, pattern in _COLUMN_PATTERNS if pattern.fullmatch(folded)), None)
        if meaning is None:
            continue
        found = re.search(r"\d{4}$", folded)
        year = int(found.group()) if found else None
        if meaning in columns:
            other = years.get(meaning)
            if year is None or other is None or year == other:
                raise ImportFailed(
                    path, 1, _column(header_line, starts, index),
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
            path, 1, _column(header_line, starts, columns[meaning]),
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


def _number(path: Path, line: int, column: int, text: str, what: str) -> float:
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    if re.fullmatch(r"-?\d+(,\d+)?", cleaned):
        cleaned = cleaned.replace(",", ".")
    try:
        if not re.fullmatch(r"-?\d+(\.\d+)?", cleaned):
            raise ValueError
        return float(cleaned)
    except ValueError:
        raise ImportFailed(path, line, column, f"{what} {text!r} is not a number") from None


def _integer(path: Path, line: int, column: int, text: str, what: str) -> int:
    cleaned = text.strip()
    if not re.fullmatch(r"\d+", cleaned):
        raise ImportFailed(path, line, column, f"{what} {text!r} is not a whole number")
    return int(cleaned)


def _year_of(path: Path, line: int, column: int, text: str) -> int:
    """``2024`` → 2024; RSF's combined ``2011-12`` index is filed under 2012."""
    found = re.fullmatch(r"\s*(\d{4})(?:\s*[-–/]\s*(\d{2}|\d{4}))?\s*", text)
    if not found:
        raise ImportFailed(path, line, column, f"year {text!r} is not a year")
    first, second = found.groups()
    if second:
        return int(first[:2] + second[-2:]) if len(second) == 2 else int(second)
    return int(first)


@dataclass
class ParsedIndex:
    year: int
    rows: list[dict[str, object]]
    countries: list[dict[str, object]]
    extra_aliases: list[dict[str, str]]


def parse_index_csv(path: Path, text: str) -> ParsedIndex:
    """Parse and validate one yearly RSF CSV; raise :class:`ImportFailed` on any defect.

    Positions in refusals are the line a record starts on and the character column where
    the offending field starts, as an editor counts them.
    """
    lines = text.split("\n")
    reader = csv.reader(io.StringIO(text), delimiter=";")
    try:
        header = next(reader)
    except StopIteration:
        raise ImportFailed(path, 1, 1, "the file is empty") from None
    except csv.Error as exc:
        raise ImportFailed(path, 1, 1, f"unreadable header: {exc}") from None
    columns, header_year = _match_columns(path, header, lines[0])
    width = len(header)
    # (line, fields, the line's text, where each field starts on it)
    records: list[tuple[int, list[str], str, list[int]]] = []
    end = reader.line_num
    try:
        for fields in reader:
            line, end = end + 1, reader.line_num
            if not any(f.strip() for f in fields):
                continue
            line_text = lines[line - 1]
            starts = _field_starts(line_text)
            if len(fields) < width:
                raise ImportFailed(
                    path, line, len(line_text) + 1,
                    f"row has {len(fields)} fields, the header has {width} (truncated row?)",
                )
            if len(fields) > width and any(f.strip() for f in fields[width:]):
                raise ImportFailed(
                    path, line, _column(line_text, starts, width),
                    f"row has {len(fields)} fields, the header has {width} (stray separator?)",
                )
            records.append((line, fields, line_text, starts))
    except csv.Error as exc:
        raise ImportFailed(path, reader.line_num, 1, f"malformed CSV: {exc}") from None
    if not records:
        raise ImportFailed(path, 2, 1, "the file has a header but no rows")

    total = len(records)
    year: int | None = None
    seen: dict[str, int] = {}
    rows: list[dict[str, object]] = []
    countries: list[dict[str, object]] = []
    extra_aliases: list[dict[str, str]] = []

    def cell(fields: list[str], meaning: str) -> str:
        return fields[columns[meaning]].strip() if meaning in columns else ""

    for line, fields, line_text, starts in records:
        col = {m: _column(line_text, starts, i) for m, i in columns.items()}
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
        elif row_year != year:
            raise ImportFailed(
                path, line, col["year"], f"year {row_year} differs from {year} above"
            )
        rsf_code = cell(fields, "code")
        if not rsf_code:
            raise ImportFailed(path, line, col["code"], "no country code")
        if not _CODE_RE.fullmatch(rsf_code):
            raise ImportFailed(path, line, col["code"], f"{rsf_code!r} is not a country code")
        code = CODE_RENAMES.get(rsf_code, rsf_code)
        if code in seen:
            raise ImportFailed(
                path, line, col["code"], f"{rsf_code} appears twice (first on line {seen[code]})"
            )
        seen[code] = line
        rank = _integer(path, line, col["rank"], cell(fields, "rank"), "rank")
        if not 1 <= rank <= total:
            raise ImportFailed(path, line, col["rank"], f"rank {rank} is outside 1..{total}")
        score = _number(path, line, col["score"], cell(fields, "score"), "score")
        if year >= 2013 and not 0 <= score <= 100:
            raise ImportFailed(path, line, col["score"], f"score {score} is outside 0..100")
        name_en = cell(fields, "name_en")
        if not name_en:
            raise ImportFailed(path, line, col["name_en"], "no English country name")
        zone = cell(fields, "zone") or None
        row: dict[str, object] = {
            "year": year,
            "code": code,
            "rsf_code": rsf_code,
            "rank": rank,
            "total": total,
            "score": score,
            "scale": scale_of(year),
            "situation": situation_of(score, year),
            "zone": zone,
        }
        for name in INDICATORS:
            value = cell(fields, name)
            rank_text = cell(fields, f"{name}_rank")
            if name in columns and value:
                row[name] = _number(path, line, col[name], value, f"{name} score")
                if not 0 <= float(row[name]) <= 100:  # type: ignore[arg-type]
                    raise ImportFailed(path, line, col[name], f"{name} score outside 0..100")
            else:
                row[name] = None
            if f"{name}_rank" in columns and rank_text:
                r = _integer(path, line, col[f"{name}_rank"], rank_text, f"{name} rank")
                if not 1 <= r <= total:
                    raise ImportFailed(
                        path, line, col[f"{name}_rank"], f"{name} rank {r} is outside 1..{total}"
                    )
                row[f"{name}_rank"] = r
            else:
                row[f"{name}_rank"] = None
        rows.append(row)
        region = ZONE_REGION.get((zone or "").lower())
        countries.append(
            {
                "code": code,
                "name_en": name_en,
                "name_fr": cell(fields, "name_fr") or None,
                "name_es": cell(fields, "name_es") or None,
                "name_pt": cell(fields, "name_pt") or None,
                "region": region,
                "zone": zone,
            }
        )
        for lang in ("en", "fr", "es", "pt", "ar", "fa"):
            name = cell(fields, f"name_{lang}")
            # RSF's cp1252 exports turned Arabic script into "???": worthless as an alias.
            if name and "?" not in name:
                extra_aliases.append({"alias": name, "code": code, "lang": lang})
    assert year is not None
    return ParsedIndex(year, rows, countries, extra_aliases)


def _store_index(db: sqlite_utils.Database, parsed: ParsedIndex, report: ImportReport) -> None:
    year = parsed.year
    old = {r["code"]: r for r in db.query("SELECT * FROM results WHERE year = ?", [year])}
    for row in parsed.rows:
        before = old.pop(str(row["code"]), None)
        if before is None:
            report.added += 1
        elif any(before.get(k) != v for k, v in row.items()):
            report.changed += 1
            report.changed_keys.append(str(row["code"]))
        else:
            report.unchanged += 1
    report.removed = len(old)
    report.removed_keys = sorted(old)
    report.rows = len(parsed.rows)
    if report.added or report.changed or report.removed:
        db.execute("DELETE FROM results WHERE year = ?", [year])
        db.table("results").insert_all(parsed.rows)
    for country in parsed.countries:
        existing = db.execute(
            "SELECT last_year FROM countries WHERE code = ?", [country["code"]]
        ).fetchone()
        # Names and zone come from the most recent index that lists the country.
        if existing is None or existing[0] is None or existing[0] <= year:
            db.table("countries").upsert({**country, "last_year": year}, pk="code")
    db.execute(
        "UPDATE countries SET last_year = (SELECT max(year) FROM results "
        "WHERE results.code = countries.code)"
    )
    # Every name RSF ever printed stays an alias: former names ("Burma", "Swaziland") and
    # entries of older indexes ("Serbia-Montenegro") are still what people type.
    db.table("aliases").insert_all(
        ({**a, "source": "rsf"} for a in parsed.extra_aliases), ignore=True
    )


# --- country profile ------------------------------------------------------------------------

_SECTION_HEADINGS: dict[str, str] = {
    "media landscape": "landscape",
    "political context": "political",
    "legal framework": "legal",
    "economic context": "economic",
    "sociocultural context": "social",
    "socio-cultural context": "social",
    "safety": "safety",
}
_INDEX_LINE = re.compile(r"\s*index\s+(\d{4})\s*", re.I)
_RANK_LINE = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")
_SCORE_LINE = re.compile(r"\s*score\s*(?::\s*|\s+)(\S+)\s*", re.I)
_INDICATOR_LABEL = re.compile(
    r"(political|economic|legislative|social|security) indicator(\s*:?\s*[\d.,]*)?", re.I
)


@dataclass
class ParsedProfile:
    year: int
    figures: dict[int, tuple[int, int, float]]  # year → (rank, total, score)
    sections: dict[str, str]
    figure_lines: dict[int, int]  # year → line of its "Index" heading


def parse_profile(path: Path, text: str) -> ParsedProfile:
    """Parse a profile page pasted from rsf.org.

    The figures block comes first; then paragraphs separated by blank lines.  A paragraph
    that is one of the known headings opens that section.  A paragraph that stands behind
    two or more blank lines without a heading opens the next section in RSF's order: that
    is how the seed copy lost its "Safety" heading, and the text must still be filed there.
    """
    lines = text.split("\n")
    figures: dict[int, tuple[int, int, float]] = {}
    figure_lines: dict[int, int] = {}
    year: int | None = None  # the "Index YYYY" block being read
    rank: tuple[int, int] | None = None  # its "rank/ total"

    def check_block_complete() -> None:
        if year is not None and year not in figures:
            raise ImportFailed(
                path, figure_lines[year], 1,
                f"'Index {year}' is not followed by its 'rank/ total' and 'Score :' lines",
            )

    index = len(lines)
    for number, raw in enumerate(lines, start=1):
        if found := _INDEX_LINE.fullmatch(raw):
            check_block_complete()
            year, rank = int(found.group(1)), None
            if year in figure_lines:
                raise ImportFailed(path, number, found.start(1) + 1, f"index {year} twice")
            figure_lines[year] = number
        elif year is not None and (found := _RANK_LINE.fullmatch(raw)):
            rank = (int(found.group(1)), int(found.group(2)))
            if not 1 <= rank[0] <= rank[1]:
                raise ImportFailed(
                    path, number, found.start(1) + 1, f"rank {rank[0]} is outside 1..{rank[1]}"
                )
        elif year is not None and (found := _SCORE_LINE.fullmatch(raw)):
            if rank is None:
                raise ImportFailed(path, number, 1, "a score before its 'rank/ total' line")
            score = _number(path, number, found.start(1) + 1, found.group(1), "score")
            figures[year] = (*rank, score)
        elif raw.strip() and not _INDICATOR_LABEL.fullmatch(raw.strip()):
            index = number - 1  # the summary: the figures block is over
            break
    check_block_complete()
    if not figures:
        raise ImportFailed(
            path, 1, 1, "no figures: a profile starts with 'Index YYYY', 'rank/ total' and "
            "'Score : NN.NN' lines, which tell which country and year it is"
        )
    year = min(figure_lines, key=figure_lines.__getitem__)  # the page's own index is first

    # Paragraphs: (first line number, blank lines before it, text).
    paragraphs: list[tuple[int, int, str]] = []
    blanks = 0
    buffer: list[str] = []
    start = index + 1
    for offset, raw in enumerate(lines[index:], start=index + 1):
        if raw.strip():
            if not buffer:
                start, gap = offset, blanks
            buffer.append(raw.strip())
            blanks = 0
        else:
            if buffer:
                paragraphs.append((start, gap, " ".join(buffer)))
                buffer = []
            blanks += 1
    if buffer:
        paragraphs.append((start, gap, " ".join(buffer)))
    if not paragraphs:
        raise ImportFailed(path, len(lines), 1, "no summary or sections after the figures")

    order = list(SECTIONS)
    sections: dict[str, list[str]] = {}
    current = "summary"
    for number, gap, para in paragraphs:
        heading = _SECTION_HEADINGS.get(para.lower().rstrip(":"))
        if heading:
            if heading in sections:
                raise ImportFailed(path, number, 1, f"section {para!r} appears twice")
            current = heading
            sections[current] = []
            continue
        if gap >= 2 and current != "summary" and sections.get(current):
            following = [s for s in order[order.index(current) + 1 :] if s not in sections]
            if following:
                current = following[0]
                sections[current] = []
        sections.setdefault(current, []).append(para)
    joined = {name: "\n\n".join(parts) for name, parts in sections.items() if parts}
    if len(joined) < 2:
        raise ImportFailed(path, start, 1, "no section headings (Media landscape, …) found")
    return ParsedProfile(year, figures, joined, figure_lines)


def _profile_country(
    db: sqlite_utils.Database, path: Path, parsed: ParsedProfile, code: str | None
) -> str:
    """Which country a profile is about: named by the operator or found by its figures."""
    page_line = parsed.figure_lines[parsed.year]
    if code is not None:
        code = CODE_RENAMES.get(code, code)
        if not db.execute("SELECT 1 FROM countries WHERE code = ?", [code]).fetchone():
            raise ImportFailed(path, page_line, 1, f"--country {code}: no such country")
    matches: set[str] | None = None
    for year, (rank, total, score) in parsed.figures.items():
        found = {
            r["code"]
            for r in db.query(
                "SELECT code FROM results WHERE year = ? AND rank = ? AND total = ? "
                "AND abs(score - ?) < 0.006",
                [year, rank, total, score],
            )
        }
        if not db.execute("SELECT 1 FROM results WHERE year = ? LIMIT 1", [year]).fetchone():
            continue  # that year's index is not loaded: it cannot confirm or refute
        if code is not None and code not in found:
            raise ImportFailed(
                path, parsed.figure_lines[year], 1,
                f"{code}'s {year} figures in the store differ from the page's "
                f"{rank}/{total}, score {score}",
            )
        matches = found if matches is None else matches & found
    if code is not None:
        return code
    if not matches:
        raise ImportFailed(
            path, page_line, 1,
            "the page's figures match no single country in the loaded index years; "
            "import that year's CSV first or name the country with --country",
        )
    if len(matches) > 1:
        raise ImportFailed(
            path, page_line, 1, f"figures match several countries ({', '.join(sorted(matches))}): "
            "name the country with --country"
        )
    return matches.pop()


def _store_profile(
    db: sqlite_utils.Database, code: str, parsed: ParsedProfile, report: ImportReport
) -> None:
    old = {
        r["section"]: r["text"]
        for r in db.query("SELECT section, text FROM profiles WHERE code = ? AND year = ?",
                          [code, parsed.year])
    }
    for section, text in parsed.sections.items():
        before = old.pop(section, None)
        if before is None:
            report.added += 1
        elif before != text:
            report.changed += 1
            report.changed_keys.append(section)
        else:
            report.unchanged += 1
    report.removed = len(old)
    report.removed_keys = sorted(old)
    report.rows = len(parsed.sections)
    if report.added or report.changed or report.removed:
        db.execute("DELETE FROM profiles WHERE code = ? AND year = ?", [code, parsed.year])
        db.table("profiles").insert_all(
            {"code": code, "year": parsed.year, "section": s, "text": t}
            for s, t in parsed.sections.items()
        )


# --- curated aliases ------------------------------------------------------------------------


def parse_aliases_csv(path: Path, text: str) -> list[tuple[int, int, dict[str, str]]]:
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
    rows: list[tuple[int, int, dict[str, str]]] = []
    end = reader.line_num
    for fields in reader:
        line, end = end + 1, reader.line_num
        alias, code, lang = (
            fields[where[n]].strip() if where[n] < len(fields) else "" for n in where
        )
        if alias.startswith("#") or not (alias or code):
            continue
        starts = _field_starts(lines[line - 1], ",")
        if not alias:
            raise ImportFailed(
                path, line, _column(lines[line - 1], starts, where["alias"]), "empty alias"
            )
        code_column = _column(lines[line - 1], starts, where["code"])
        if not _CODE_RE.fullmatch(code):
            raise ImportFailed(path, line, code_column, f"{code!r} is not a country code")
        row = {
            "alias": alias,
            "code": CODE_RENAMES.get(code, code),
            "lang": lang or "und",
            "source": "curated",
        }
        rows.append((line, code_column, row))
    return rows


# --- the transaction ------------------------------------------------------------------------


_INDEX_LINE_ANYWHERE = re.compile(r"^\s*index\s+\d{4}\s*$", re.I | re.M)
_HEADING_LINE_ANYWHERE = re.compile(
    "^\\s*(" + "|".join(map(re.escape, _SECTION_HEADINGS)) + ")\\s*:?\\s*$", re.I | re.M
)


def detect_kind(text: str) -> str:
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    if first.count(";") >= 3:
        return "csv"
    if re.match(r"\s*alias\s*,", first, re.I):
        return "aliases"
    if _INDEX_LINE_ANYWHERE.search(text) or _HEADING_LINE_ANYWHERE.search(text):
        return "profile"  # parse_profile says what is missing if the figures are
    return "unknown"


def shipped_files(folder: Path) -> list[Path]:
    """The files of a data folder in the order they must load: CSVs, profiles, aliases.

    A folder with no index CSV is refused: building a database from it would leave the bot
    answering "no data" to everyone (typically a non-editable install without ``data/``)."""
    csvs = sorted((folder / "csv").glob("*.csv"))
    if not csvs:
        raise ImportFailed(
            folder / "csv", 0, 0,
            "no RSF index CSV here: run from the project's checkout (pip install -e .) or "
            "point PRESSBOT_DATA at a folder holding csv/*.csv",
        )
    profiles = sorted((folder / "profiles").glob("*.txt"))
    aliases = [folder / "aliases.csv"] if (folder / "aliases.csv").exists() else []
    return [*csvs, *profiles, *aliases]


def import_paths(
    db: sqlite_utils.Database,
    paths: Iterable[Path | str],
    country: str | None = None,
    now: datetime | None = None,
) -> list[ImportReport]:
    """Import files in one transaction; on any error nothing at all is written.

    Index CSVs are applied before profiles so a profile can be matched to its country by the
    figures the same command imports.  Aliases are regenerated from the countries table at
    the end, inside the same transaction.
    """
    from bot.aliases import GENERATED_SOURCES, generated_aliases

    items: list[tuple[Path, str, str, bytes]] = []
    for p in paths:
        path = Path(p)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ImportFailed(path, 0, 0, f"cannot read: {exc.strerror or exc}") from None
        text = read_text(path, data)
        if not text.strip():
            raise ImportFailed(path, 1, 1, "the file is empty")
        kind = detect_kind(text)
        if kind == "unknown":
            raise ImportFailed(
                path, 1, 1, "neither an RSF index CSV (';'-separated), a profile page "
                "('Index YYYY' block) nor an alias list (alias,code,lang)"
            )
        items.append((path, kind, text, data))
    # Parse everything before touching the database: most refusals cost no lock at all.
    parsed_csv = [(p, parse_index_csv(p, t), d) for p, k, t, d in items if k == "csv"]
    parsed_profiles = [(p, parse_profile(p, t), d) for p, k, t, d in items if k == "profile"]
    parsed_aliases = [(p, parse_aliases_csv(p, t), d) for p, k, t, d in items if k == "aliases"]
    stamp = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    reports: list[ImportReport] = []
    db.execute("BEGIN IMMEDIATE")
    try:
        for path, index, data in parsed_csv:
            report = ImportReport(str(path), "csv", year=index.year)
            _store_index(db, index, report)
            reports.append(_record(db, report, data, stamp))
        for path, profile, data in parsed_profiles:
            code = _profile_country(db, path, profile, country)
            report = ImportReport(str(path), "profile", year=profile.year, code=code)
            _store_profile(db, code, profile, report)
            reports.append(_record(db, report, data, stamp))
        for path, rows, data in parsed_aliases:
            known = {r[0] for r in db.execute("SELECT code FROM countries")}
            for line, column, row in rows:
                if row["code"] not in known:
                    raise ImportFailed(path, line, column, f"unknown country code {row['code']}")
            db.execute("DELETE FROM aliases WHERE source = 'curated'")
            db.table("aliases").insert_all((row for _, _, row in rows), ignore=True)
            report = ImportReport(str(path), "aliases", rows=len(rows), added=len(rows))
            reports.append(_record(db, report, data, stamp))
        if parsed_csv:
            countries = list(db.query("SELECT * FROM countries"))
            placeholders = ", ".join("?" for _ in GENERATED_SOURCES)
            db.execute(
                f"DELETE FROM aliases WHERE source IN ({placeholders})", sorted(GENERATED_SOURCES)
            )
            db.table("aliases").insert_all(generated_aliases(countries), ignore=True)
        db.execute("COMMIT")
    except BaseException:
        db.rollback()  # a no-op if SQLite already rolled back (e.g. disk full)
        raise
    return reports


def _record(
    db: sqlite_utils.Database, report: ImportReport, data: bytes, stamp: str
) -> ImportReport:
    db.table("imports").insert(
        {
            "at": stamp,
            "file": Path(report.file).name,
            "sha256": hashlib.sha256(data).hexdigest(),
            "kind": report.kind,
            "year": report.year,
            "code": report.code,
            "summary": report.summary,
        }
    )
    return report
