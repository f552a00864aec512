"""Which index years a file may bring.

A year outside 2002 … next year is a broken file (a mistyped "2999" would otherwise become
"the latest index" for every answer and every subscriber).  A year more than one ahead of
the latest index loaded is possible (an operator catching up) but more likely a typo, so it
needs ``--force``; RSF's one combined 2011–12 index (filed as 2012) is no gap.
"""

from __future__ import annotations

from pathlib import Path

from bot.domain import FIRST_INDEX_YEAR, index_year
from bot.importer.errors import ImportFailed
from bot.importer.index_csv import ParsedIndex


def check_possible(path: Path, parsed: ParsedIndex, this_year: int) -> None:
    """Refuse a year no index can have: before 2002, or after next year."""
    if not FIRST_INDEX_YEAR <= parsed.year <= this_year + 1:
        raise ImportFailed(
            path, *parsed.year_at,
            f"year {parsed.year} is not an index year: RSF's index runs from "
            f"{FIRST_INDEX_YEAR} to next year ({this_year + 1}) at the latest",
        )


def skipped(latest: int, year: int) -> list[int]:
    """The years between the latest index and ``year`` that no index covers yet."""
    return [y for y in range(latest + 1, year) if index_year(y, [year]) is None]


def check_follows(path: Path, parsed: ParsedIndex, latest: int | None, force: bool) -> None:
    """Refuse, unless forced, a year that leaves years without an index after the latest."""
    if latest is None or force:
        return
    missing = skipped(latest, parsed.year)
    if missing:
        between = ", ".join(map(str, missing))
        raise ImportFailed(
            path, *parsed.year_at,
            f"year {parsed.year} is {parsed.year - latest} years after the latest index "
            f"({latest}): import {between} first, or use --force if that is really so",
        )
