"""A country profile pasted from rsf.org: parsed, matched to its country, stored.

The page starts with its figures (``Index 2024`` / ``142/ 180`` / ``Score : 41.11``, possibly
for several years), followed by the summary and the six sections.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from msgspec import Struct

from bot.domain import CODE_RENAMES, SECTIONS
from bot.importer.errors import ImportFailed
from bot.importer.fields import parse_number
from bot.importer.report import ImportReport
from bot.store import writes

#: Section headings as printed on the page (lower case, without a colon) → section name.
SECTION_HEADINGS: dict[str, str] = {
    "media landscape": "landscape",
    "political context": "political",
    "legal framework": "legal",
    "economic context": "economic",
    "sociocultural context": "social",
    "socio-cultural context": "social",
    "safety": "safety",
}
# ASCII digits only (bot.digits): "\d" would take "٣" too.  No rank has more than 6 digits.
_INDEX_LINE = re.compile(r"\s*index\s+([0-9]{4})\s*", re.I)
_RANK_LINE = re.compile(r"\s*([0-9]{1,6})\s*/\s*([0-9]{1,6})\s*")
_SCORE_LINE = re.compile(r"\s*score\s*(?::\s*|\s+)(\S+)\s*", re.I)
_INDICATOR_LABEL = re.compile(
    r"(political|economic|legislative|social|security) indicator(\s*:?\s*[0-9.,]*)?", re.I
)


class ParsedProfile(Struct):
    year: int
    figures: dict[int, tuple[int, int, float]]  # year → (rank, total, score)
    sections: dict[str, str]
    figure_lines: dict[int, int]  # year → line of its "Index" heading


def parse_profile(path: Path, text: str | Iterable[str]) -> ParsedProfile:
    """Parse a profile page pasted from rsf.org.

    The figures block comes first; then paragraphs separated by blank lines.  A paragraph
    that is one of the known headings opens that section.  A paragraph that stands behind
    two or more blank lines without a heading opens the next section in RSF's order: that
    is how the seed copy lost its "Safety" heading, and the text must still be filed there.
    """
    # A page is small (an import refuses one over MAX_PROFILE_BYTES): read it whole.
    lines = text.split("\n") if isinstance(text, str) else list(text)
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
            score = parse_number(path, number, found.start(1) + 1, found.group(1), "score")
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
        heading = SECTION_HEADINGS.get(para.lower().rstrip(":"))
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


def profile_country(
    conn: sqlite3.Connection, path: Path, parsed: ParsedProfile, code: str | None
) -> str:
    """Which country a profile is about: named by the operator or found by its figures."""
    page_line = parsed.figure_lines[parsed.year]
    if code is not None:
        code = CODE_RENAMES.get(code, code)
        if code not in writes.country_codes(conn):
            raise ImportFailed(path, page_line, 1, f"--country {code}: no such country")
    matches: set[str] | None = None
    for year, (rank, total, score) in parsed.figures.items():
        if not writes.has_year(conn, year):
            continue  # that year's index is not loaded: it cannot confirm or refute
        found = set(writes.codes_with_figures(conn, year, rank, total, score))
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


def store_profile(
    conn: sqlite3.Connection, code: str, parsed: ParsedProfile, report: ImportReport
) -> None:
    """Replace the country's sections for that year if any differ; count them in ``report``."""
    if report.tally(writes.profile_sections(conn, code, parsed.year), parsed.sections):
        writes.replace_profile(conn, code, parsed.year, parsed.sections)
